"""The customer reads the treatment's consent form and signs it on the pad; the signed PDF is kept.

Opened for one customer and treatment (from a task of the queue, with its
task and journey): the consent text in Thai and English
(``services.consents.consent_wording``), the signature pad, and Clear /
Sign. Signing is one use case (``services.consents.sign_consent``): the PDF
with the ink is printed and kept, and the record synced. An empty pad is
refused here, before anything runs, and by the use case too.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import consents
from bnaura_desk.services.consents import ConsentWording, SignedConsent

from ..runner import DeskRunner, translate_error
from ..widgets.signature_pad import SignaturePad


class ConsentDialog(QDialog):
    """Have ``customer_id`` sign ``treatment_id``'s consent form (see the module).

    ``signed`` holds the ``SignedConsent`` once signed (the dialog then closes accepted).
    """

    def __init__(
        self,
        runner: DeskRunner,
        customer_id: str,
        treatment_id: str,
        *,
        task_id: str | None = None,
        journey_id: str | None = None,
        images: ImageStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.customer_id = customer_id
        self.treatment_id = treatment_id
        self.task_id = task_id
        self.journey_id = journey_id
        self.images = images if images is not None else ImageStore.beside(runner.terminal.path)
        self.signed: SignedConsent | None = None
        self.setObjectName("consentDialog")
        self.setWindowTitle(QCoreApplication.translate("ConsentDialog", "Treatment consent form"))
        self.heading = QLabel(self)
        self.heading.setObjectName("consentHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.text = QTextBrowser(self)
        self.text.setObjectName("consentText")
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(220)
        prompt = QLabel(QCoreApplication.translate("ConsentDialog", "Sign below with a finger, pen or mouse:"), self)
        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._pad_changed)
        self.error = QLabel(self)
        self.error.setObjectName("consentError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        buttons = QDialogButtonBox(self)
        self.clear_button = QPushButton(QCoreApplication.translate("ConsentDialog", "Clear"), self)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.sign_button = buttons.addButton(QCoreApplication.translate("ConsentDialog", "Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QCoreApplication.translate("ConsentDialog", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.clear_button.clicked.connect(self.pad.clear)
        self.sign_button.clicked.connect(self.sign)
        cancel.clicked.connect(self.reject)
        self.sign_button.setEnabled(False)  # until the text is shown
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(prompt)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 720)
        self.runner.read(consents.consent_wording, customer_id, treatment_id, on_done=self._show,
                         on_error=self._failed)

    def _show(self, wording: ConsentWording) -> None:
        self.heading.setText(QCoreApplication.translate("ConsentDialog", "{customer} — consent to {treatment}").format(
            customer=wording.customer, treatment=wording.treatment))
        self.text.setHtml(f"<p style='font-size: 12pt'>{escape(wording.text.th)}</p>"
                          f"<p style='color: #444'>{escape(wording.text.en)}</p>")
        self.sign_button.setEnabled(True)

    def _pad_changed(self) -> None:
        if not self.pad.is_empty():
            self.error.clear()

    def sign(self) -> None:
        """Sign with the ink on the pad; close on success, else say why and stay open."""
        if self.pad.is_empty():
            self.error.setText(QCoreApplication.translate("ConsentDialog", "The customer has not signed yet: sign on the pad first."))
            return
        self.sign_button.setEnabled(False)
        self.clear_button.setEnabled(False)
        self.runner.run(consents.sign_consent, self.customer_id, self.treatment_id, self.pad.png(),
                        images=self.images, task_id=self.task_id, journey_id=self.journey_id,
                        on_done=self._signed, on_error=self._failed, initiator=self)

    def _signed(self, changes: object) -> None:
        self.signed = getattr(changes, "result", None)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self.clear_button.setEnabled(True)
        self.error.setText(translate_error(error))
