"""The branch's rooms and opening hours, set by a manager from the day view ("Rooms and hours…").

Rooms: add one by name, take the selected one out of use or back. Hours:
one row per weekday, open or closed, with its opening and closing time;
saved as one value (``services.rooms.set_opening_hours``). A refusal (a
room name the branch has, a closing time before the opening) is shown in
the dialog; nothing is changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.appointments import WEEKDAYS, OpeningHours
from bnaura_desk.services import rooms
from bnaura_desk.services.rooms import RoomCard

from ..runner import DeskRunner, translate_error

_ID = Qt.ItemDataRole.UserRole
_ACTIVE = Qt.ItemDataRole.UserRole + 1


def _day_name(index: int) -> str:
    """Return weekday ``index`` (Monday 0) in the user's language."""
    names = (
        QCoreApplication.translate("ScheduleDialog", "Monday"),
        QCoreApplication.translate("ScheduleDialog", "Tuesday"),
        QCoreApplication.translate("ScheduleDialog", "Wednesday"),
        QCoreApplication.translate("ScheduleDialog", "Thursday"),
        QCoreApplication.translate("ScheduleDialog", "Friday"),
        QCoreApplication.translate("ScheduleDialog", "Saturday"),
        QCoreApplication.translate("ScheduleDialog", "Sunday"),
    )
    return names[index]


class ScheduleDialog(QDialog):
    """Rooms and opening hours of this terminal's branch (see the module)."""

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.branch_id = runner.terminal.device().branch_id
        self.loaded = False
        self.setWindowTitle(QCoreApplication.translate("ScheduleDialog", "Rooms and opening hours"))
        self.room_list = QListWidget(self)
        self.room_list.setObjectName("scheduleRooms")
        self.room_name = QLineEdit(self)
        self.room_name.setPlaceholderText(QCoreApplication.translate("ScheduleDialog", "New room's name"))
        self.add_button = QPushButton(QCoreApplication.translate("ScheduleDialog", "Add room"), self)
        self.add_button.clicked.connect(self.add_room)
        self.toggle_button = QPushButton(QCoreApplication.translate("ScheduleDialog", "In use / out of use"), self)
        self.toggle_button.clicked.connect(self.toggle_room)
        self.open_boxes: list[QCheckBox] = []
        self.opens: list[QTimeEdit] = []
        self.closes: list[QTimeEdit] = []
        hours = QGridLayout()
        for i, _day in enumerate(WEEKDAYS):
            box = QCheckBox(_day_name(i), self)
            opens, closes = QTimeEdit(self), QTimeEdit(self)
            for edit in (opens, closes):
                edit.setDisplayFormat("HH:mm")
            box.toggled.connect(opens.setEnabled)
            box.toggled.connect(closes.setEnabled)
            hours.addWidget(box, i, 0)
            hours.addWidget(opens, i, 1)
            hours.addWidget(closes, i, 2)
            self.open_boxes.append(box)
            self.opens.append(opens)
            self.closes.append(closes)
        self.save_hours_button = QPushButton(QCoreApplication.translate("ScheduleDialog", "Save opening hours"), self)
        self.save_hours_button.clicked.connect(self.save_hours)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QPushButton(QCoreApplication.translate("ScheduleDialog", "Close"), self)
        close.clicked.connect(self.accept)
        add_row = QHBoxLayout()
        add_row.addWidget(self.room_name, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("ScheduleDialog", "Rooms"), self))
        layout.addWidget(self.room_list)
        layout.addLayout(add_row)
        layout.addWidget(self.toggle_button)
        layout.addWidget(QLabel(QCoreApplication.translate("ScheduleDialog", "Opening hours"), self))
        layout.addLayout(hours)
        layout.addWidget(self.save_hours_button)
        layout.addWidget(self.message)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def reload(self) -> None:
        """Read the rooms (those out of use too) and the hours on the worker."""
        self.runner.read(rooms.list_rooms, self.branch_id, include_inactive=True, on_done=self._show_rooms,
                         on_error=self._failed)
        self.runner.read(rooms.branch_hours, self.branch_id, on_done=self._show_hours, on_error=self._failed)

    def _show_rooms(self, cards: list[RoomCard]) -> None:
        self.room_list.clear()
        for card in cards:
            text = card.name if card.active else QCoreApplication.translate(
                "ScheduleDialog", "{room} (out of use)").format(room=card.name)
            item = QListWidgetItem(text)
            item.setData(_ID, card.id)
            item.setData(_ACTIVE, card.active)
            self.room_list.addItem(item)

    def _show_hours(self, hours: OpeningHours) -> None:
        for i, pair in enumerate(hours.days):
            self.open_boxes[i].setChecked(pair is not None)
            opens, closes = pair if pair is not None else (None, None)
            self.opens[i].setTime(QTime(opens.hour, opens.minute) if opens else QTime(10, 0))
            self.closes[i].setTime(QTime(closes.hour, closes.minute) if closes else QTime(20, 0))
            self.opens[i].setEnabled(pair is not None)
            self.closes[i].setEnabled(pair is not None)
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self.message.setText(translate_error(error))

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def add_room(self) -> None:
        """Add a room called as typed."""
        def added(_changes: object) -> None:
            self.room_name.clear()
            self._done(QCoreApplication.translate("ScheduleDialog", "Room added."))

        self.runner.run(rooms.create_room, self.room_name.text(), on_error=self._failed, initiator=self,
                        on_done=added)

    def toggle_room(self) -> None:
        """Take the selected room out of use, or back into use."""
        item = self.room_list.currentItem()
        if item is None:
            return
        self.runner.run(rooms.update_room, item.data(_ID), active=not item.data(_ACTIVE), on_error=self._failed,
                        initiator=self, on_done=lambda _c: self._done(
                            QCoreApplication.translate("ScheduleDialog", "Room saved.")))

    def hours_value(self) -> dict[str, Any]:
        """Return the hours as the dialog shows them, as the branch stores them."""
        return {day: [self.opens[i].time().toString("HH:mm"), self.closes[i].time().toString("HH:mm")]
                for i, day in enumerate(WEEKDAYS) if self.open_boxes[i].isChecked()}

    def save_hours(self) -> None:
        """Save the opening hours shown."""
        self.runner.run(rooms.set_opening_hours, self.hours_value(), on_error=self._failed, initiator=self,
                        on_done=lambda _c: self._done(
                            QCoreApplication.translate("ScheduleDialog", "Opening hours saved.")))
