"""A pulled page applied a table at a time keeps the order rows went in one by one.

``apply_changes`` queues new rows and inserts them table by table (see its
module's docstring); these pages put a row that names another of the same
page through that queue, where SQLite checks the foreign key at once.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.services.customers import search_customers
from bnaura_desk.store.models import CatalogItem, Visit
from bnaura_desk.terminal import Terminal
from sync.client.local_apply import apply_changes, parked_count
from sync.protocol import Change

NOW_MS = int(datetime(2026, 11, 23, 3, 0, tzinfo=UTC).timestamp() * 1000)


def _clock(n: int) -> str:
    return Hlc(NOW_MS + n, 0, "0000000a-0000-7000-8000-000000000001").encode()


def _change(cursor: int, entity: str, entity_id: str, data: dict[str, Any]) -> Change:
    clock = _clock(cursor)
    return Change(cursor=cursor, entity=entity, entity_id=entity_id, data=data,
                  field_clocks={f: clock for f in data}, hlc=clock, deleted=False)


def _item(cursor: int, item_id: str, kind: str, **extra: Any) -> Change:
    data = {"kind": kind, "name_th": f"รายการ {cursor}", "name_en": "", "price_satang": 150_000, "vat_exempt": True,
            "active": True, "duration_minutes": 60 if kind == "treatment" else None, "protocol_steps": [],
            "sku": "", "barcode": "", "package_treatment_id": "", "package_sessions": None, **extra}
    return _change(cursor, "catalog_item", item_id, data)


def _apply(terminal: Terminal, page: list[Change]) -> None:
    terminal.run(lambda ctx: apply_changes(ctx.session, page, ctx.now), actor=None)


def test_an_edit_naming_a_row_new_in_the_same_page_finds_it_inserted(tmp_path: Path) -> None:
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        first, second, package = (str(uuid.uuid4()) for _ in range(3))
        _apply(terminal, [_item(1, first, "treatment"),
                          _item(2, package, "package", package_treatment_id=first, package_sessions=5)])
        # The package (already here) now names a treatment that arrives in the same page.
        _apply(terminal, [_item(3, second, "treatment"),
                          _item(4, package, "package", package_treatment_id=second, package_sessions=5)])
        row = terminal.read(lambda s: s.get(CatalogItem, package))
        assert row is not None and row.package_treatment_id == second
    finally:
        terminal.close()


def test_customers_and_their_visits_in_one_page_arrive_and_are_found(tmp_path: Path) -> None:
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        people = [str(uuid.uuid4()) for _ in range(3)]
        page = []
        for n, cid in enumerate(people):
            # The visit's cursor comes first: the page is still applied customers first.
            page.append(_change(10 * n + 1, "visit", str(uuid.uuid4()), {"customer_id": cid, "at": "2026-11-23T10:00:00+07:00"}))
            page.append(_change(10 * n + 2, "customer", cid, {
                "name_th": f"ลูกค้า ทดสอบ{n}", "name_en": "", "nickname": "", "phone": f"+6681234567{n}",
                "email": "", "line_id": "", "gender": "female", "birthday": None, "channels": ["sms"],
                "quiet_start": None, "quiet_end": None, "opted_out": False, "skin_notes": "",
                "referral_code": f"AAAA{n}BCDEF",
            }))
        _apply(terminal, page)
        visits = terminal.read(lambda s: sorted(v.customer_id for v in s.query(Visit)))
        assert visits == sorted(people)
        assert terminal.read(parked_count) == 0
        assert [h.id for h in terminal.read(search_customers, "0812345671")] == [people[1]]
    finally:
        terminal.close()
