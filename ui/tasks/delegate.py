"""Paints a task card: customer and tier, the title, priority · due · holder · steps, and the overdue mark.

One delegate paints every card of the queue (no widget per card). An
overdue task stands out twice: a red edge down its left side and the word
"Overdue" on its first line, so it is seen without colour vision too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from bnaura_desk.services.task_queue import QueueCard

from .labels import card_lines
from .model import CARD_ROLE

CARD_HEIGHT = 92
_MARGIN = 4
_PAD = 10
_CARD = QColor("#ffffff")
_OVERDUE_CARD = QColor("#fff5f5")
_BORDER = QColor("#d7dde4")
_SELECTED = QColor("#2f6fde")
_OVERDUE = QColor("#c62828")
_MUTED = QColor("#5f6b78")
_INK = QColor("#1f2a37")
# The priority's colour on the card's dot: urgent red, high amber, normal blue, low grey.
PRIORITY_COLOURS = {1: QColor("#c62828"), 2: QColor("#e08a00"), 3: QColor("#2f6fde"), 4: QColor("#8a94a0")}


def overdue_mark() -> str:
    return QCoreApplication.translate("TaskQueue", "Overdue")


class TaskCardDelegate(QStyledItemDelegate):
    """Paints ``CARD_ROLE`` values as cards as wide as the view."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height() + 4
        return QSize(max(option.rect.width(), 200), max(CARD_HEIGHT, 3 * line + 2 * _PAD + 2 * _MARGIN))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, QueueCard):
            super().paint(painter, option, index)
            return
        overdue = card.task.overdue
        rect: QRect = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_SELECTED if selected else (_OVERDUE if overdue else _BORDER), 2 if selected else 1))
        painter.setBrush(_OVERDUE_CARD if overdue else _CARD)
        painter.drawRoundedRect(rect, 6, 6)
        if overdue:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_OVERDUE)
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 6, rect.height()), 2, 2)
        customer, about, facts = card_lines(card)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        metrics, bold_metrics = QFontMetrics(base), QFontMetrics(bold)
        line = metrics.height() + 4
        inner = rect.adjusted(_PAD + 4, _PAD - 2, -_PAD, -_PAD)
        # Line 1: the priority's dot, the customer (and tier), the overdue mark on the right.
        dot = 10
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PRIORITY_COLOURS.get(card.task.priority, PRIORITY_COLOURS[3]))
        painter.drawEllipse(inner.left(), inner.top() + (line - dot) // 2, dot, dot)
        mark = overdue_mark() if overdue else ""
        mark_width = bold_metrics.horizontalAdvance(mark) + 8 if mark else 0
        top = QRect(inner.left() + dot + 6, inner.top(), inner.width() - dot - 6 - mark_width, line)
        painter.setFont(bold)
        painter.setPen(_INK)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bold_metrics.elidedText(customer, Qt.TextElideMode.ElideRight, top.width()))
        if mark:
            painter.setPen(_OVERDUE)
            painter.drawText(QRect(inner.right() - mark_width, inner.top(), mark_width, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, mark)
        # Lines 2 and 3: the title; priority, due time, holder and steps (red when overdue).
        painter.setFont(base)
        for i, (text, colour) in enumerate(((about, _INK), (facts, _OVERDUE if overdue else _MUTED)), start=1):
            box = QRect(inner.left(), inner.top() + i * line, inner.width(), line)
            painter.setPen(colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width()))
        painter.restore()
