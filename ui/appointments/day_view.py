"""The day view: a branch's appointments by beautician or by room, the next free slot, moving an appointment.

Reads run on the database worker (``DeskRunner.read``); the grid is a
``DayModel``. The screen learns of changes (its own, other screens', sync's)
only from the change bus; hidden, it marks itself stale and reloads when
shown. Moving: double-click an appointment, then a free slot (of another
beautician or room too); the move is checked as a booking is and a refusal
is shown under the grid.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.appointments import OPEN, AppointmentStatus
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.dates import BANGKOK, InTwoLanguages, bangkok_date
from bnaura_desk.services import appointments
from bnaura_desk.services.appointments import AppointmentCard, DayView, FreeSlot, Resource

from ..bus import ChangeBus
from ..i18n import current_language
from ..runner import DeskRunner, translate_error
from ..widgets import format_date, format_datetime
from .book_dialog import BookDialog, ForJourney
from .day_model import Axis, DayModel
from .schedule_dialog import ScheduleDialog

_WATCHED = (Kind.APPOINTMENT, Kind.ROOM, Kind.STAFF, Kind.BRANCH, Kind.CATALOG_ITEM)


class DayViewScreen(QWidget):
    """A branch's day of appointments (see the module)."""

    def __init__(self, runner: DeskRunner, bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.branch_id = runner.terminal.device().branch_id
        self.model = DayModel(self)
        self.loaded = False
        self._stale = False
        self._moving: AppointmentCard | None = None
        self._select: tuple[datetime, str] | None = None  # a cell to select once the day is loaded

        self.day = QDateEdit(self)
        self.day.setObjectName("dayViewDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day_label = QLabel(self)  # the day as the clinic writes it (Buddhist era in Thai)
        self.day_label.setObjectName("dayViewDay")
        today = bangkok_date(runner.terminal.clock())
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.axis = QComboBox(self)
        self.axis.addItem(QCoreApplication.translate("DayView", "By beautician"), Axis.BEAUTICIAN)
        self.axis.addItem(QCoreApplication.translate("DayView", "By room"), Axis.ROOM)
        self.axis.currentIndexChanged.connect(self._axis_changed)
        self.treatment = QComboBox(self)
        self.treatment.setObjectName("dayViewTreatment")
        self.treatment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.beautician = QComboBox(self)
        self.beautician.setObjectName("dayViewBeautician")
        self.beautician.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.find_button = QPushButton(QCoreApplication.translate("DayView", "Next free slot"), self)
        self.find_button.setObjectName("dayViewFind")
        self.find_button.clicked.connect(self.find_free_slot)
        self.book_button = QPushButton(QCoreApplication.translate("DayView", "Book…"), self)
        self.book_button.setObjectName("dayViewBook")
        self.book_button.clicked.connect(self.book)
        self.cancel_button = QPushButton(QCoreApplication.translate("DayView", "Cancel appointment"), self)
        self.cancel_button.setObjectName("dayViewCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.no_show_button = QPushButton(QCoreApplication.translate("DayView", "No-show"), self)
        self.no_show_button.setObjectName("dayViewNoShow")
        self.no_show_button.clicked.connect(self.no_show)
        self.book_dialog: BookDialog | None = None
        self.for_journey: ForJourney | None = None  # the journey the next booking schedules
        self.schedule_button = QPushButton(QCoreApplication.translate("DayView", "Rooms and hours…"), self)
        self.schedule_button.setObjectName("dayViewSchedule")
        self.schedule_button.clicked.connect(self.edit_schedule)
        self.schedule_dialog: ScheduleDialog | None = None
        self._treatments: list[tuple[str, InTwoLanguages, int]] = []
        self.message = QLabel(self)
        self.message.setObjectName("dayViewMessage")
        self.message.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("dayViewGrid")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())

        top = QHBoxLayout()
        top.addWidget(self.day)
        top.addWidget(self.day_label)
        top.addWidget(self.axis)
        top.addWidget(self.schedule_button)
        top.addStretch(1)
        top.addWidget(self.treatment)
        top.addWidget(self.beautician)
        top.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.book_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.no_show_button)
        layout.addLayout(actions)
        (bus or runner.bus).changed.connect(self._on_changed)
        self._enable()
        self.reload()

    # ------------------------------------------------------------ loading

    @property
    def shown_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def reload(self) -> None:
        """Read the shown day (and the treatments to search slots for) on the worker."""
        self._stale = False
        self.day_label.setText(format_date(self.shown_day, long=True))
        self.runner.read(appointments.day_view, self.branch_id, self.shown_day, on_done=self._show,
                         on_error=self._failed)
        self.runner.read(appointments.bookable_treatments, on_done=self._show_treatments, on_error=self._failed)

    def _show(self, view: DayView) -> None:
        if view.day != self.shown_day:
            return  # an older read for a day no longer shown
        self.model.show_day(view)
        self.table.clearSpans()
        for row, column, rows in self.model.spans():
            self.table.setSpan(row, column, rows, 1)
        current = self.beautician.currentData()
        self.beautician.blockSignals(True)
        self.beautician.clear()
        self.beautician.addItem(QCoreApplication.translate("DayView", "Any beautician"), None)
        for b in view.beauticians:
            self.beautician.addItem(b.name, b.id)
        found = self.beautician.findData(current)
        self.beautician.setCurrentIndex(max(found, 0))
        self.beautician.blockSignals(False)
        if view.window is None:
            self.message.setText(QCoreApplication.translate("DayView", "The branch is closed on this day."))
        if self._select is not None:
            start, resource = self._select
            self._select = None
            index = self.model.index_at(start, resource)
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
        self.loaded = True
        self._enable()

    def _show_treatments(self, treatments: list[tuple[str, InTwoLanguages, int]]) -> None:
        self._treatments = list(treatments)
        current = self.treatment.currentData()
        lang = current_language()
        self.treatment.clear()
        for item_id, name, minutes in treatments:
            label = QCoreApplication.translate("DayView", "{treatment} ({minutes} min)").format(
                treatment=name.shown(lang), minutes=minutes)
            self.treatment.addItem(label, item_id)
        self.treatment.setCurrentIndex(max(self.treatment.findData(current), 0))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(translate_error(error))

    def _axis_changed(self) -> None:
        axis = self.axis.currentData()
        self.model.set_axis(Axis(axis))
        self.table.clearSpans()
        for row, column, rows in self.model.spans():
            self.table.setSpan(row, column, rows, 1)

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if not any(changes.touches(kind) for kind in _WATCHED):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # ------------------------------------------------------------ free slots

    def find_free_slot(self) -> None:
        """Look for the next free slot of the chosen treatment, from the shown day on (not before now)."""
        item_id = self.treatment.currentData()
        if item_id is None:
            self.message.setText(QCoreApplication.translate("DayView", "Choose a treatment with a duration first."))
            return
        now = self.runner.terminal.clock()
        after = max(now, datetime.combine(self.shown_day, time(0), BANGKOK))
        self.runner.read(appointments.find_free_slot, item_id, self.beautician.currentData(), after,
                         on_done=self._show_free_slot, on_error=self._failed)

    def _show_free_slot(self, slot: FreeSlot | None) -> None:
        if slot is None:
            self.message.setText(QCoreApplication.translate("DayView", "No free slot in the next 60 days."))
            return
        view_names = {r.id: r.name for r in (*self._resources(Axis.BEAUTICIAN), *self._resources(Axis.ROOM))}
        self.message.setText(QCoreApplication.translate("DayView", "Next free slot: {when}, {beautician}, {room}").format(
            when=format_datetime(slot.starts_at), beautician=view_names.get(slot.beautician_id, ""),
            room=view_names.get(slot.room_id, "")))
        resource = slot.beautician_id if self.model.axis is Axis.BEAUTICIAN else slot.room_id
        day = slot.starts_at.astimezone(BANGKOK).date()
        if day == self.shown_day:
            index = self.model.index_at(slot.starts_at, resource)
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
            return
        self._select = (slot.starts_at, resource)
        self.day.setDate(QDate(day.year, day.month, day.day))

    def _resources(self, axis: Axis) -> list[Resource]:
        view = self.model.view
        if view is None:
            return []
        return list(view.beauticians if axis is Axis.BEAUTICIAN else view.rooms)

    # ------------------------------------------------------------ booking, cancelling, no-shows

    def _selected(self) -> AppointmentCard | None:
        return self.model.card(self.table.currentIndex())

    def _enable(self) -> None:
        index = self.table.currentIndex()
        card = self.model.card(index)
        self.book_button.setEnabled(index.isValid() and card is None)
        is_open = card is not None and card.status in OPEN
        self.cancel_button.setEnabled(is_open)
        self.no_show_button.setEnabled(is_open)

    def book(self) -> None:
        """Open the booking dialog for the selected free slot (its beautician or room chosen)."""
        index = self.table.currentIndex()
        view = self.model.view
        if view is None or not index.isValid() or self.model.card(index) is not None:
            return
        resource = self.model.resource(index.column()).id
        by_beautician = self.model.axis is Axis.BEAUTICIAN
        journey = self.for_journey
        self.book_dialog = BookDialog(
            self.runner, self.model.slot_start(index.row()), self._treatments, list(view.beauticians),
            list(view.rooms), beautician_id=resource if by_beautician else None,
            room_id=None if by_beautician else resource, journey=journey, parent=self)
        self.book_dialog.accepted.connect(lambda: self._booked(journey))
        self.book_dialog.open()

    def book_for_journey(self, journey_id: str, customer_id: str, customer_name: str) -> None:
        """Book the next appointment for a journey (from its kanban card): choose a free slot, then Book…."""
        self.for_journey = ForJourney(journey_id, customer_id, customer_name)
        self.message.setText(QCoreApplication.translate(
            "DayView", "Booking for {customer}'s journey: choose a free slot, then Book….").format(
            customer=customer_name))

    def _booked(self, journey: ForJourney | None) -> None:
        if journey is not None and journey is self.for_journey:
            self.for_journey = None
            self.message.setText(QCoreApplication.translate(
                "DayView", "Appointment booked; {customer}'s journey is scheduled.").format(
                customer=journey.customer_name))
            return
        self.message.setText(QCoreApplication.translate("DayView", "Appointment booked."))

    def edit_schedule(self) -> None:
        """Open the branch's rooms and opening hours (managers change them; the services check)."""
        self.schedule_dialog = ScheduleDialog(self.runner, parent=self)
        self.schedule_dialog.open()

    def cancel(self) -> None:
        """Cancel the selected appointment (a late cancellation within the branch's window)."""
        card = self._selected()
        if card is None:
            return

        def done(changes: ChangeSet) -> None:
            late = changes.result is AppointmentStatus.LATE_CANCELLED
            self.message.setText(QCoreApplication.translate("DayView", "Cancelled late: recorded as a late cancellation.")
                                 if late else QCoreApplication.translate("DayView", "Appointment cancelled."))

        self.runner.run(appointments.cancel, card.id, on_done=done, on_error=self._failed, initiator=self)

    def no_show(self) -> None:
        """Record that the customer of the selected appointment did not come."""
        card = self._selected()
        if card is None:
            return
        self.runner.run(appointments.mark_no_show, card.id, on_error=self._failed, initiator=self,
                        on_done=lambda _c: self.message.setText(
                            QCoreApplication.translate("DayView", "Recorded as a no-show.")))

    # ------------------------------------------------------------ moving

    def _double_clicked(self, index: QModelIndex) -> None:
        card = self.model.card(index)
        if card is not None:
            self._moving = card
            self.message.setText(QCoreApplication.translate("DayView", "Moving {customer}: double-click a free slot").format(
                customer=card.customer.shown(current_language())))
            return
        if self._moving is None:
            return
        moving, self._moving = self._moving, None
        resource = self.model.resource(index.column()).id
        by_beautician = self.model.axis is Axis.BEAUTICIAN
        self.runner.run(
            appointments.move, moving.id, self.model.slot_start(index.row()),
            beautician_id=resource if by_beautician else None, room_id=None if by_beautician else resource,
            on_done=lambda _c: self.message.setText(QCoreApplication.translate("DayView", "Appointment moved.")), on_error=self._failed,
            initiator=self,
        )
