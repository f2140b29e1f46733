"""Clicking a catalog column sorts the way staff read: Thai names in dictionary order."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.services.catalog import CatalogRow
from ui.catalog.model import CatalogModel, CatalogSortProxy


def _row(name_th: str, price: int) -> CatalogRow:
    return CatalogRow(
        id=name_th, kind=ItemKind.TREATMENT, name_th=name_th, name_en="", price_satang=price,
        vat_exempt=False, active=True, duration_minutes=60, sku="", barcode="", stock=None,
        package_sessions=None,
    )


def _names(proxy: CatalogSortProxy) -> list[str]:
    return [proxy.index(r, CatalogModel.NAME).data() for r in range(proxy.rowCount())]


def test_thai_names_sort_by_dictionary_order_not_code_point(qtmodeltester: object) -> None:
    model = CatalogModel()
    model.set_rows([_row("สครับผิว", 90000), _row("เลเซอร์ขน", 150000), _row("กลูต้าผิวใส", 2500000)])
    proxy = CatalogSortProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
    proxy.sort(CatalogModel.NAME, Qt.SortOrder.AscendingOrder)
    # A Thai reader skips the leading vowel เ: เลเซอร์ files under ล, before ส.
    # By code point it would come last (U+0E40 is after every consonant).
    assert _names(proxy) == ["กลูต้าผิวใส", "เลเซอร์ขน", "สครับผิว"]


def test_prices_sort_as_numbers() -> None:
    model = CatalogModel()
    model.set_rows([_row("ก", 90000), _row("ข", 1500000), _row("ค", 250000)])
    proxy = CatalogSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(CatalogModel.PRICE, Qt.SortOrder.DescendingOrder)
    assert _names(proxy) == ["ข", "ค", "ก"]  # ฿15,000 > ฿2,500 > ฿900, not by text
