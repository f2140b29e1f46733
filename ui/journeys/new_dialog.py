"""Opening a journey from the kanban: find the customer, name what they are interested in.

The customer is found by name or phone (``services.customers.search_customers``);
the journey is one use case (``services.journeys.open_journey``, owned by
whoever opens it). A refusal is shown in the dialog, which stays open with
nothing changed. The board learns of the new journey from the change bus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.dates import InTwoLanguages
from bnaura_desk.domain.phone import display_phone
from bnaura_desk.services import appointments, customers, journeys
from bnaura_desk.services.customers import CustomerHit

from ..i18n import current_language
from ..runner import DeskRunner, translate_error

_ID = Qt.ItemDataRole.UserRole


class NewJourneyDialog(QDialog):
    """Open one journey (see the module); ``opened`` is its id once accepted."""

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanbanNewJourney")
        self.runner = runner
        self.opened: str | None = None
        self._seq = 0
        self.setWindowTitle(QCoreApplication.translate("Journeys", "New journey"))
        self.search = QLineEdit(self)
        self.search.setObjectName("newJourneySearch")
        self.search.setPlaceholderText(QCoreApplication.translate("Journeys", "Customer name or phone"))
        self.search.textChanged.connect(self._search)
        self.hits = QListWidget(self)
        self.hits.setObjectName("newJourneyHits")
        self.item = QComboBox(self)
        self.item.addItem(QCoreApplication.translate("Journeys", "Not decided yet"), None)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(QCoreApplication.translate("Journeys", "e.g. melasma on both cheeks"))
        self.note = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("newJourneyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(QCoreApplication.translate("Journeys", "Open journey"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QCoreApplication.translate("Journeys", "Cancel"),
                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self.open_journey)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Journeys", "Customer"), self.search)
        form.addRow("", self.hits)
        form.addRow(QCoreApplication.translate("Journeys", "Interested in"), self.item)
        form.addRow(QCoreApplication.translate("Journeys", "Title"), self.title)
        form.addRow(QCoreApplication.translate("Journeys", "Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        runner.read(appointments.bookable_treatments, on_done=self._show_treatments, on_error=self._failed)

    def _show_treatments(self, treatments: list[tuple[str, InTwoLanguages, int]]) -> None:
        lang = current_language()
        for item_id, name, _minutes in treatments:
            self.item.addItem(name.shown(lang), item_id)

    def _search(self, text: str) -> None:
        self._seq += 1
        seq = self._seq
        if not text.strip():
            self.hits.clear()
            return
        self.runner.read(customers.search_customers, text, limit=20,
                         on_done=lambda hits: self._show_hits(seq, hits), on_error=self._failed)

    def _show_hits(self, seq: int, hits: list[CustomerHit]) -> None:
        if seq != self._seq:
            return  # an answer to an older query
        self.hits.clear()
        english = current_language() == "en"
        for hit in hits:
            name = (hit.name_en or hit.name_th) if english else (hit.name_th or hit.name_en)
            item = QListWidgetItem(f"{name or hit.nickname} · {display_phone(hit.phone)}")
            item.setData(_ID, hit.id)
            self.hits.addItem(item)
        if hits:
            self.hits.setCurrentRow(0)

    def open_journey(self) -> None:
        """Open the journey the dialog shows; close on success, else say why and stay open."""
        current = self.hits.currentItem()
        if current is None:
            self.error.setText(QCoreApplication.translate("Journeys", "Find and choose the customer first."))
            return
        self.open_button.setEnabled(False)
        self.runner.run(journeys.open_journey, current.data(_ID), item_id=self.item.currentData(),
                        title=self.title.text(), note=self.note.text(), on_done=self._opened,
                        on_error=self._failed, initiator=self)

    def _opened(self, changes: ChangeSet) -> None:
        self.opened = changes.result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.error.setText(translate_error(error))
