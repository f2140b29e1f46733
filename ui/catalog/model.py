"""The catalog list: a table model over catalog rows, and the proxy that sorts it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cmp_to_key
from typing import Any

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from bnaura_desk.domain.catalog import KIND_LABELS, ItemKind
from bnaura_desk.domain.money import format_baht
from bnaura_desk.services.catalog import CatalogRow

from ..customers.model import SecondLineRole
from ..widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

ItemIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 3


def kind_label(kind: ItemKind) -> str:
    """Return the translated name of a kind (domain text, context ``catalog``)."""
    return QCoreApplication.translate("catalog", KIND_LABELS[kind])


def menu_order(rows: Sequence[CatalogRow]) -> list[CatalogRow]:
    """Return ``rows`` as the menu reads: treatments, products, packages; each by Thai name.

    Names compare with ``QCollator`` (Thai): by code point, names with a
    leading vowel (เ แ โ ใ ไ) would all come after the others.
    """
    collator = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    collator.setNumericMode(True)
    kinds = list(ItemKind)

    def by_name(a: CatalogRow, b: CatalogRow) -> int:
        return collator.compare(a.name_th or a.name_en, b.name_th or b.name_en)

    named = sorted(rows, key=cmp_to_key(by_name))
    return sorted(named, key=lambda r: kinds.index(r.kind))  # stable: names stay in order


class CatalogModel(RowsModel):
    """Catalog rows in the service's order (treatments, products, packages; by name).

    Columns: name (Thai, English under it), kind (and category), price (VAT-inclusive,
    ``฿1,234.00``), VAT (7 % or exempt), details (minutes, stock or
    sessions), status (on sale or not).
    """

    NAME, KIND, PRICE, VAT, DETAILS, STATUS = range(6)
    COLUMN_COUNT = 6

    def item(self, row: int) -> CatalogRow:
        return self.row_at(row)  # type: ignore[no-any-return]

    # -- QAbstractTableModel

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == ItemIdRole:
            return r.id
        if role == SortRole:
            return self._sort_key(r, col)
        if role == SecondLineRole and col == self.NAME:
            return r.name_en if r.name_th else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PRICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not (r.active and r.available_here):
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            return "\n".join(n for n in (r.name_th, r.name_en, r.sku, r.barcode) if n)
        return None

    def _text(self, r: CatalogRow, col: int) -> str:
        if col == self.NAME:
            return r.name_th or r.name_en
        if col == self.KIND:
            return f"{kind_label(r.kind)} · {r.category}" if r.category else kind_label(r.kind)
        if col == self.PRICE:
            return format_baht(r.price_satang)
        if col == self.VAT:
            return self.tr("Exempt") if r.vat_exempt else self.tr("7%")
        if col == self.DETAILS:
            return self._details(r)
        if col == self.STATUS:
            if r.active and not r.available_here:
                return self.tr("Not sold at this branch")
            return self.tr("On sale") if r.active else self.tr("Off sale")
        return ""

    def _details(self, r: CatalogRow) -> str:
        if r.kind is ItemKind.TREATMENT and r.duration_minutes is not None:
            return self.tr("{minutes} min").format(minutes=r.duration_minutes)
        if r.kind is ItemKind.PRODUCT:
            return self.tr("{count} in stock").format(count=r.stock or 0)
        if r.kind is ItemKind.PACKAGE and r.package_sessions is not None:
            return self.tr("{count} sessions").format(count=r.package_sessions)
        return ""

    def _sort_key(self, r: CatalogRow, col: int) -> Any:
        if col == self.PRICE:
            return r.price_satang
        if col == self.KIND:
            return list(ItemKind).index(r.kind)
        if col == self.DETAILS:
            return r.duration_minutes or r.stock or r.package_sessions or 0
        return self._text(r, col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            self.NAME: self.tr("Name"),
            self.KIND: self.tr("Kind"),
            self.PRICE: self.tr("Price"),
            self.VAT: self.tr("VAT"),
            self.DETAILS: self.tr("Duration / stock / sessions"),
            self.STATUS: self.tr("Status"),
        }
        return titles.get(section)


class CatalogSortProxy(QSortFilterProxyModel):
    """Sorts by the column clicked: numbers as numbers, names as Thai readers expect.

    Thai names sort with ``QCollator`` (Thai locale), not by code point,
    which would put words with leading vowels (เ แ โ ใ ไ) after all others.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._collator = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self._collator.setNumericMode(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b) < 0
        return bool(a < b)
