"""Paints a kanban card: customer and tier, the item of interest, owner and time in stage, the overdue mark.

One delegate paints every card of a column (no widget per card); every card
has the same size, so the views can take ``uniformItemSizes``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from bnaura_desk.services.journey_board import BoardCard

from ..counter.labels import tier_label
from ..i18n import current_language
from .model import CARD_ROLE

CARD_SIZE = QSize(236, 84)
_MARGIN = 4
_PAD = 8
_CARD = QColor("#ffffff")
_BORDER = QColor("#d7dde4")
_SELECTED = QColor("#2f6fde")
_OVERDUE = QColor("#c62828")
_MUTED = QColor("#5f6b78")
_INK = QColor("#1f2a37")
_TIER = QColor("#8a5a00")


def time_in_stage(seconds: int) -> str:
    """Return how long a card has been in its stage, as the board says it ("3 d 4 h", "25 min")."""
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Journeys", "{minutes} min").format(minutes=minutes)
    hours, days = minutes // 60, minutes // 1440
    if days < 1:
        return QCoreApplication.translate("Journeys", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("Journeys", "{days} d {hours} h").format(days=days, hours=hours % 24)


def card_lines(card: BoardCard) -> tuple[str, str, str]:
    """Return the card's three lines: customer (and tier), what it is about, owner and time in stage."""
    j = card.journey
    name = j.customer_name
    if card.tier:
        name = QCoreApplication.translate("Journeys", "{customer} · {tier}").format(
            customer=name, tier=tier_label(card.tier))
    about = card.item.shown(current_language()) if card.item is not None else ""
    if j.title:
        about = f"{about} — {j.title}" if about else j.title
    people = j.owner_name or QCoreApplication.translate("Journeys", "No owner")
    if j.beautician_name:
        people = f"{people} / {j.beautician_name}"
    return name, about, f"{people} · {time_in_stage(j.seconds_in_stage)}"


class CardDelegate(QStyledItemDelegate):
    """Paints ``CARD_ROLE`` values as cards."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CARD_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, BoardCard):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_SELECTED if selected else _BORDER, 2 if selected else 1))
        painter.setBrush(_CARD)
        painter.drawRoundedRect(rect, 6, 6)
        if card.overdue:  # a red edge on the left: seen at a glance down a column
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_OVERDUE)
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        name, about, people = card_lines(card)
        base: QFont = option.font
        bold = QFont(base)
        bold.setBold(True)
        inner = rect.adjusted(_PAD + 2, _PAD - 2, -_PAD, -_PAD)
        line = QFontMetrics(base).height() + 2
        mark = QCoreApplication.translate("Journeys", "Overdue") if card.overdue else ""
        mark_width = QFontMetrics(bold).horizontalAdvance(mark) + 6 if mark else 0
        painter.setFont(bold)
        painter.setPen(_INK)
        top = QRect(inner.left(), inner.top(), inner.width() - mark_width, line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, top.width()))
        if mark:
            painter.setPen(_OVERDUE)
            painter.drawText(QRect(inner.right() - mark_width, inner.top(), mark_width, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, mark)
        painter.setFont(base)
        metrics = QFontMetrics(base)
        for i, (text, colour) in enumerate(((about, _TIER if not about else _INK), (people, _MUTED)), start=1):
            box = QRect(inner.left(), inner.top() + i * line, inner.width(), line)
            painter.setPen(_OVERDUE if (i == 2 and card.overdue) else colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width()))
        painter.restore()
