"""The tiers table of the loyalty program, editable in place (name, from points, discount, multiplier).

Rows stay in the order the manager gives them: tiers that overlap or are
out of order are the program's check to refuse (``program_from``), with
its message, not something the table quietly sorts away.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from bnaura_desk.domain.points import Tier

from ..loyalty.labels import TIER_NAMES, format_points, tier_name

Index = QModelIndex | QPersistentModelIndex

NAME, THRESHOLD, DISCOUNT, MULTIPLIER = range(4)


def tier_key(typed: str) -> str:
    """Return the tier key for a typed name: a known tier's key when it is its name in either language."""
    text = " ".join(typed.split())
    for key, source in TIER_NAMES.items():
        if text.casefold() in (source.casefold(), QCoreApplication.translate("tiers", source).casefold(), key):
            return key
    return text


class TiersModel(QAbstractTableModel):
    """The tiers being edited; ``tiers()`` is what Save sends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tiers: list[Tier] = []

    def set_tiers(self, tiers: tuple[Tier, ...] | list[Tier]) -> None:
        """Show ``tiers`` (the chain's, as read)."""
        self.beginResetModel()
        self._tiers = list(tiers)
        self.endResetModel()

    def tiers(self) -> tuple[Tier, ...]:
        """Return the tiers as edited, in the order shown."""
        return tuple(self._tiers)

    def add_tier(self) -> int:
        """Add a tier after the last (above it by 1,000 points, its discount and multiplier); return its row."""
        last = self._tiers[-1] if self._tiers else Tier("", -1_000, 0, 10)
        row = len(self._tiers)
        self.beginInsertRows(QModelIndex(), row, row)
        self._tiers.append(Tier(f"tier{row + 1}", last.threshold + 1_000, last.discount_percent,
                                last.multiplier_tenths))
        self.endInsertRows()
        return row

    def remove_tier(self, row: int) -> None:
        """Remove the tier at ``row``."""
        if 0 <= row < len(self._tiers):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._tiers[row]
            self.endRemoveRows()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._tiers:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._tiers) - 1, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._tiers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tiers):
            return None
        tier, column = self._tiers[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return tier_name(tier)
            if column == THRESHOLD:
                return format_points(tier.threshold)
            if column == DISCOUNT:
                return f"{tier.discount_percent} %"
            return f"{tier.multiplier_tenths / 10:g}×"
        if role == Qt.ItemDataRole.EditRole:
            return (tier_name(tier), tier.threshold, tier.discount_percent, tier.multiplier_tenths / 10)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._tiers):
            return False
        tier, column = self._tiers[index.row()], index.column()
        try:
            if column == NAME:
                changed = Tier(tier_key(str(value)), tier.threshold, tier.discount_percent, tier.multiplier_tenths)
            elif column == THRESHOLD:
                changed = Tier(tier.key, int(value), tier.discount_percent, tier.multiplier_tenths)
            elif column == DISCOUNT:
                changed = Tier(tier.key, tier.threshold, int(value), tier.multiplier_tenths)
            else:
                changed = Tier(tier.key, tier.threshold, tier.discount_percent, round(float(value) * 10))
        except (TypeError, ValueError):
            return False
        self._tiers[index.row()] = changed
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 4:
            return None
        return (self.tr("Tier"), self.tr("From points"), self.tr("Discount"), self.tr("Points ×"))[section]
