"""Opening a journey from the kanban: find the customer, name what they are interested in.

The customer is found by name or phone (``services.customers.search_customers``);
the journey is one use case (``services.journeys.open_journey``, owned by
whoever opens it). A refusal is shown in the dialog, which stays open with
nothing changed. The board learns of the new journey from the change bus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.dates import InTwoLanguages
from bnaura_desk.services import appointments, journeys

from ..i18n import current_language
from ..runner import DeskRunner, translate_error
from ..widgets.customer_search import CustomerSearch


class NewJourneyDialog(QDialog):
    """Open one journey (see the module); ``opened`` is its id once accepted."""

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanbanNewJourney")
        self.runner = runner
        self.opened: str | None = None
        self.setWindowTitle(QCoreApplication.translate("Journeys", "New journey"))
        self.finder = CustomerSearch(runner, self, QCoreApplication.translate("Journeys", "Customer name or phone"), "newJourney")
        self.finder.failed.connect(self._failed)
        self.search, self.hits = self.finder.box, self.finder.hits
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

    def open_journey(self) -> None:
        """Open the journey the dialog shows; close on success, else say why and stay open."""
        customer_id = self.finder.chosen()
        if customer_id is None:
            self.error.setText(QCoreApplication.translate("Journeys", "Find and choose the customer first."))
            return
        self.open_button.setEnabled(False)
        self.runner.run(journeys.open_journey, customer_id, item_id=self.item.currentData(),
                        title=self.title.text(), note=self.note.text(), on_done=self._opened,
                        on_error=self._failed, initiator=self)

    def _opened(self, changes: ChangeSet) -> None:
        self.opened = changes.result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.error.setText(translate_error(error))
