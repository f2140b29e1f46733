"""The items found by the counter's search box: name, SKU or barcode, price here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.money import format_baht
from bnaura_desk.services.catalog import CatalogRow

from ..widgets.rows_model import RowsModel
from .labels import item_name, translated

Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("Counter", "Item"),
    QT_TRANSLATE_NOOP("Counter", "SKU / barcode"),
    QT_TRANSLATE_NOOP("Counter", "Price"),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ItemHitsModel(RowsModel):
    """Catalog rows as the search found them (an exact barcode or SKU first)."""

    NAME, CODE, PRICE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.query = ""  # the text these rows were found for

    def set_hits(self, query: str, rows: Sequence[CatalogRow]) -> None:
        """Show ``rows`` found for ``query``."""
        self.query = query
        self.set_rows(rows)

    def item(self, row: int) -> CatalogRow:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: CatalogRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return item_name(row.name_th, row.name_en)
            if col == self.CODE:
                return row.sku or row.barcode
            if col == self.PRICE:
                return format_baht(row.price_satang)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PRICE:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(_HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.PRICE:
            return _RIGHT
        return None
