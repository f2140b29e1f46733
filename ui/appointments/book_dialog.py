"""Booking an appointment from the day view: whom, which treatment, with whom, in which room, from a chosen slot.

The slot, beautician and room come from the cell the desk chose; the
customer is found by name or phone (``services.customers.search_customers``).
The booking is one use case (``services.appointments.book``); a refusal
(a double booking naming the other appointment, outside opening hours...)
is shown in the dialog, which stays open with nothing changed. Booked for
a journey (``ForJourney``: from its kanban card), the customer is the
journey's and the booking moves the journey to "Treatment scheduled".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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

from bnaura_desk.domain.dates import InTwoLanguages
from bnaura_desk.services import appointments
from bnaura_desk.services.appointments import Booking, Resource

from ..i18n import current_language
from ..runner import DeskRunner, translate_error
from ..widgets import format_datetime
from ..widgets.customer_search import CustomerSearch


@dataclass(frozen=True)
class ForJourney:
    """The journey a booking schedules (opened from its kanban card): its id and its customer."""

    journey_id: str
    customer_id: str
    customer_name: str


class BookDialog(QDialog):
    """Book one appointment starting at ``starts_at`` (see the module)."""

    def __init__(
        self,
        runner: DeskRunner,
        starts_at: datetime,
        treatments: list[tuple[str, InTwoLanguages, int]],
        beauticians: list[Resource],
        rooms: list[Resource],
        *,
        beautician_id: str | None = None,
        room_id: str | None = None,
        journey: ForJourney | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.starts_at = starts_at
        self.journey = journey
        self.booked: str | None = None
        self.setWindowTitle(QCoreApplication.translate("BookDialog", "Book an appointment"))
        lang = current_language()
        self.when = QLabel(format_datetime(starts_at), self)
        self.finder = CustomerSearch(runner, self, QCoreApplication.translate("BookDialog", "Name or phone"), "bookCustomer")
        self.finder.failed.connect(self._failed)
        self.search, self.hits = self.finder.box, self.finder.hits
        self.treatment = QComboBox(self)
        for item_id, name, minutes in treatments:
            self.treatment.addItem(QCoreApplication.translate("BookDialog", "{treatment} ({minutes} min)").format(
                treatment=name.shown(lang), minutes=minutes), item_id)
        self.beautician = QComboBox(self)
        for b in beauticians:
            self.beautician.addItem(b.name, b.id)
        self.room = QComboBox(self)
        for r in rooms:
            self.room.addItem(r.name, r.id)
        if beautician_id is not None:
            self.beautician.setCurrentIndex(max(self.beautician.findData(beautician_id), 0))
        if room_id is not None:
            self.room.setCurrentIndex(max(self.room.findData(room_id), 0))
        self.note = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("bookError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        buttons = QDialogButtonBox(self)
        self.book_button = buttons.addButton(QCoreApplication.translate("BookDialog", "Book"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QCoreApplication.translate("BookDialog", "Cancel"),
                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.book_button.clicked.connect(self.book)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BookDialog", "Starts"), self.when)
        if journey is None:
            form.addRow(QCoreApplication.translate("BookDialog", "Customer"), self.search)
            form.addRow("", self.hits)
        else:
            # Booked for a journey: its customer, and the booking schedules it.
            self.search.hide()
            self.hits.hide()
            self.for_journey = QLabel(QCoreApplication.translate(
                "BookDialog", "{customer} (schedules her journey)").format(customer=journey.customer_name), self)
            self.for_journey.setObjectName("bookForJourney")
            form.addRow(QCoreApplication.translate("BookDialog", "Customer"), self.for_journey)
        form.addRow(QCoreApplication.translate("BookDialog", "Treatment"), self.treatment)
        form.addRow(QCoreApplication.translate("BookDialog", "Beautician"), self.beautician)
        form.addRow(QCoreApplication.translate("BookDialog", "Room"), self.room)
        form.addRow(QCoreApplication.translate("BookDialog", "Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def book(self) -> None:
        """Book what the dialog shows; close on success, else say why and stay open."""
        customer_id = self.journey.customer_id if self.journey is not None else self.finder.chosen()
        if customer_id is None:
            self.error.setText(QCoreApplication.translate("BookDialog", "Find and choose the customer first."))
            return
        booking = Booking(customer_id, self.treatment.currentData(), self.beautician.currentData(),
                          self.room.currentData(), self.starts_at, note=self.note.text(),
                          journey_id=self.journey.journey_id if self.journey is not None else None)
        self.book_button.setEnabled(False)
        self.runner.run(appointments.book, booking, on_done=self._booked, on_error=self._failed, initiator=self)

    def _booked(self, changes: object) -> None:
        self.booked = getattr(changes, "result", None)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.book_button.setEnabled(True)
        self.error.setText(translate_error(error))
