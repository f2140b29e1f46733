"""The customer search list: a table model over search hits and its name delegate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from bnaura_desk.domain.phone import display_phone
from bnaura_desk.domain.referral import display_code
from bnaura_desk.services.customers import CustomerHit

from ..widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

CustomerIdRole = Qt.ItemDataRole.UserRole + 1
SecondLineRole = Qt.ItemDataRole.UserRole + 2  # the English name under a Thai one


class CustomerListModel(RowsModel):
    """Search results in the order the service ranked them (exact phone first).

    Columns: name (Thai, English on a second line), nickname, phone as read
    aloud, referral code grouped for reading.
    """

    NAME, NICKNAME, PHONE, CODE = range(4)
    COLUMN_COUNT = 4

    # -- contents

    def set_hits(self, hits: Sequence[CustomerHit]) -> None:
        """Replace the rows with ``hits`` (a new search result)."""
        self.set_rows(hits)

    def hit(self, row: int) -> CustomerHit:
        return self.row_at(row)  # type: ignore[no-any-return]

    # -- QAbstractTableModel

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h = self._rows[index.row()]
        col = index.column()
        if role == CustomerIdRole:
            return h.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return h.name_th or h.name_en
            if col == self.NICKNAME:
                return h.nickname
            if col == self.PHONE:
                return display_phone(h.phone)
            if col == self.CODE:
                return display_code(h.referral_code)
        if role == SecondLineRole and col == self.NAME:
            return h.name_en if h.name_th else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            return "\n".join(n for n in (h.name_th, h.name_en) if n)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.NAME:
            return " ".join(n for n in (h.name_th, h.name_en) if n)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            self.NAME: self.tr("Name"),
            self.NICKNAME: self.tr("Nickname"),
            self.PHONE: self.tr("Phone"),
            self.CODE: self.tr("Referral code"),
        }
        return titles.get(section)

class NameDelegate(QStyledItemDelegate):
    """Paints the Thai name with the English name under it, smaller and muted."""

    PADDING = 4

    def _second_font(self, option: QStyleOptionViewItem) -> QFont:
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        second = index.data(SecondLineRole)
        # Thai marks stack above and below the line: use the font's full
        # height (ascent + descent), never the x-height, so nothing clips.
        first_h = option.fontMetrics.height()
        height = first_h + 2 * self.PADDING
        if second:
            height += QFontMetrics(self._second_font(option)).height()
        return QSize(base.width(), max(base.height(), height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        second = index.data(SecondLineRole)
        if not second:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        first = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, text_role))
        first_h = opt.fontMetrics.height()
        top = rect.adjusted(0, 0, 0, -(rect.height() - first_h))
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            opt.fontMetrics.elidedText(first, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = self._second_font(opt)
        painter.setFont(small)
        muted = opt.palette.color(
            group, text_role if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(muted)
        bottom = rect.adjusted(0, first_h, 0, 0)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(small).elidedText(second, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
