"""A branch's day as a grid: a row per time slot, a column per beautician or per room.

The model shows ``services.appointments.DayView`` as it is given (no
database access): rows are the ``SLOT_MINUTES`` slots of the day's opening
hours (none on a closed day), columns the beauticians or the rooms. A cell
is either free or covered by an appointment that holds its beautician and
room (a no-show is shown too, marked, when nothing else covers the cell;
cancellations are not shown). The first cell of an appointment carries its
text; every cell it covers carries its id (``APPOINTMENT_ROLE``), so the
view can span it and a move can pick it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bnaura_desk.domain.appointments import SLOT_MINUTES, AppointmentStatus
from bnaura_desk.services.appointments import AppointmentCard, DayView, Resource

from ..i18n import current_language
from ..widgets import format_time

Index = QModelIndex | QPersistentModelIndex
APPOINTMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the id of the appointment covering the cell, or None
FREE_ROLE = Qt.ItemDataRole.UserRole + 2  # whether the cell is a free slot
START_ROLE = Qt.ItemDataRole.UserRole + 3  # the slot's start (aware datetime)
_BOOKED = QColor("#dbeafe")
_NO_SHOW = QColor("#fde2e1")


class Axis(StrEnum):
    """What the columns are."""

    BEAUTICIAN = "beautician"
    ROOM = "room"


@dataclass(frozen=True)
class _Cell:
    card: AppointmentCard
    first: bool  # the appointment's first slot
    span: int  # how many slots it covers from its first one


class DayModel(QAbstractTableModel):
    """The slots of one day by beautician or by room (see the module)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: DayView | None = None
        self._axis = Axis.BEAUTICIAN
        self._starts: list[datetime] = []
        self._columns: list[Resource] = []
        self._cells: dict[tuple[int, int], _Cell] = {}

    # ------------------------------------------------------------ filling

    def show_day(self, view: DayView, axis: Axis | None = None) -> None:
        """Show ``view``, by ``axis`` (the current one when None)."""
        self.beginResetModel()
        self._view = view
        if axis is not None:
            self._axis = axis
        self._lay_out()
        self.endResetModel()

    def set_axis(self, axis: Axis) -> None:
        """Show the same day by beautician or by room."""
        if self._view is not None and axis != self._axis:
            self.show_day(self._view, axis)
        self._axis = axis

    def _lay_out(self) -> None:
        view = self._view
        self._starts, self._cells = [], {}
        if view is None:
            self._columns = []
            return
        self._columns = list(view.beauticians if self._axis is Axis.BEAUTICIAN else view.rooms)
        if view.window is not None:
            t, close = view.window
            while t + timedelta(minutes=SLOT_MINUTES) <= close:
                self._starts.append(t)
                t += timedelta(minutes=SLOT_MINUTES)
        column_of = {r.id: i for i, r in enumerate(self._columns)}
        # Holding appointments first, so a no-show never hides one that holds the time.
        shown = sorted((c for c in view.appointments if c.holds_time or c.status is AppointmentStatus.NO_SHOW),
                       key=lambda c: (not c.holds_time, c.starts_at, c.id))
        for card in shown:
            column = column_of.get(card.beautician_id if self._axis is Axis.BEAUTICIAN else card.room_id)
            if column is None:
                continue
            rows = [i for i, start in enumerate(self._starts)
                    if start < card.ends_at and start + timedelta(minutes=SLOT_MINUTES) > card.starts_at]
            if not rows or any((r, column) in self._cells for r in rows):
                continue
            for r in rows:
                self._cells[(r, column)] = _Cell(card, r == rows[0], len(rows) if r == rows[0] else 0)

    # ------------------------------------------------------------ reading

    @property
    def axis(self) -> Axis:
        return self._axis

    @property
    def view(self) -> DayView | None:
        """The day shown (None before the first)."""
        return self._view

    def resource(self, column: int) -> Resource:
        """Return the beautician or room of ``column``."""
        return self._columns[column]

    def slot_start(self, row: int) -> datetime:
        """Return when the slot of ``row`` starts."""
        return self._starts[row]

    def spans(self) -> list[tuple[int, int, int]]:
        """Return (row, column, rows) for every appointment shown, for the view to span its cells."""
        return [(r, c, cell.span) for (r, c), cell in self._cells.items() if cell.first and cell.span > 1]

    def index_at(self, start: datetime, resource_id: str) -> QModelIndex:
        """Return the cell of the slot starting at ``start`` in the column of ``resource_id`` (invalid if none)."""
        columns = [i for i, r in enumerate(self._columns) if r.id == resource_id]
        if not columns or start not in self._starts:
            return QModelIndex()
        return self.index(self._starts.index(start), columns[0])

    def card(self, index: Index) -> AppointmentCard | None:
        """Return the appointment covering the cell at ``index``, or None when it is free."""
        cell = self._cells.get((index.row(), index.column())) if index.isValid() else None
        return cell.card if cell is not None else None

    # ------------------------------------------------------------ the model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._starts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._starts) and 0 <= index.column() < len(self._columns)):
            return None
        cell = self._cells.get((index.row(), index.column()))
        if role == FREE_ROLE:
            return cell is None
        if role == START_ROLE:
            return self._starts[index.row()]
        if role == APPOINTMENT_ROLE:
            return cell.card.id if cell is not None else None
        if cell is None:
            return None
        card = cell.card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and (cell.first or role != Qt.ItemDataRole.DisplayRole):
            return self._text(card)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_NO_SHOW if card.status is AppointmentStatus.NO_SHOW else _BOOKED)
        return None

    def _text(self, card: AppointmentCard) -> str:
        lang = current_language()
        other = card.room if self._axis is Axis.BEAUTICIAN else card.beautician
        text = QCoreApplication.translate("DayView", "{start}–{end} {customer} · {treatment} · {other}").format(
            start=format_time(card.starts_at), end=format_time(card.ends_at), customer=card.customer.shown(lang),
            treatment=card.treatment.shown(lang), other=other)
        if card.status is AppointmentStatus.NO_SHOW:
            text = QCoreApplication.translate("DayView", "{appointment} (no-show)").format(appointment=text)
        return text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].name if 0 <= section < len(self._columns) else None
        return format_time(self._starts[section]) if 0 <= section < len(self._starts) else None
