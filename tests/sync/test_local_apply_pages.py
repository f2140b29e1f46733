"""A pulled page applied a table at a time keeps the order rows went in one by one.

``apply_changes`` queues new rows and inserts them table by table (see its
module's docstring); these pages put a row that names another of the same
page through that queue, where SQLite checks the foreign key at once.
"""

from __future__ import annotations

import gc
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bnaura_desk.domain.changes import Kind
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
            "sku": "", "barcode": "", "package_treatment_id": None, "package_sessions": None, **extra}
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


def _customer(cursor: int, cid: str, n: int, **extra: Any) -> Change:
    data = {
        "name_th": f"ลูกค้า หน้า{n % 37}", "name_en": f"Page Customer{n % 11}", "nickname": ["", "น้อง"][n % 2],
        "phone": f"+668{n:08d}", "email": "", "line_id": "", "gender": "female",
        "birthday": ["1990-02-03", None][n % 2], "channels": [["sms"], [], ["sms", "line"]][n % 3],
        "quiet_start": "21:00" if n % 4 == 0 else None, "quiet_end": "08:00" if n % 4 == 0 else None,
        "opted_out": n % 5 == 0, "skin_notes": "", "referral_code": f"R{n:09d}", **extra,
    }
    return _change(cursor, "customer", cid, {k: v for k, v in data.items() if v is not _MISSING})


_MISSING = object()


def _rows(terminal: Terminal) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored value of the pulled tables (each terminal's own clinic id as ``<clinic>``)."""
    clinic_id = terminal.device().chain_id

    def read(session: Any) -> dict[str, list[tuple[Any, ...]]]:
        raw = session.connection().exec_driver_sql
        return {
            table: [tuple("<clinic>" if v == clinic_id else v for v in row) for row in raw(sql).all()]
            for table, sql in (
                ("customers", "SELECT * FROM customers ORDER BY id"),
                ("terms", "SELECT * FROM customer_search_terms ORDER BY term, customer_id"),
                ("visits", "SELECT * FROM visits ORDER BY id"),
            )
        }

    return terminal.read(read)


def test_a_large_page_stores_exactly_what_small_pages_store(tmp_path: Path) -> None:
    """A bootstrap's page (``LARGE_PAGE`` changes or more: its own page cache, rows straight to
    the driver) leaves the same rows as the same changes in small pages."""
    from sync.client import local_apply

    people = [str(uuid.uuid4()) for _ in range(local_apply.LARGE_PAGE + 50)]
    page = [_customer(n + 1, cid, n) for n, cid in enumerate(people)]
    # An older terminal's record without some fields (their columns' defaults fill in),
    # a deleted customer (no search terms), and visits of customers of the page.
    page[7] = _customer(8, people[7], 7, line_id=_MISSING, skin_notes=_MISSING)
    page[9] = page[9].model_copy(update={"deleted": True})
    n = len(page)
    page += [_change(n + 1 + i, "visit", str(uuid.uuid4()), {"customer_id": people[i], "at": "2026-11-23T10:00:00+07:00"})
             for i in range(3)]
    terminals = {
        size: Terminal.create(tmp_path / f"t{size}.sqlite", clinic_name="คลินิก", device_name="POS-1")
        for size in (len(page), 100)
    }
    try:
        for size, terminal in terminals.items():
            for start in range(0, len(page), size):
                _apply(terminal, page[start : start + size])
        large, small = (_rows(t) for t in terminals.values())
        assert large["customers"] and large == small
        assert len(large["visits"]) == 3
        terminal = terminals[len(page)]
        assert terminal.read(parked_count) == 0
        assert [h.id for h in terminal.read(search_customers, "0800000011")] == [people[11]]
        assert terminal.read(search_customers, "0800000009") == []  # deleted: not found
        # The page cache is back to what it was, and so is the garbage collector.
        assert terminal.read(lambda s: s.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()) == -2000
        assert gc.isenabled()
    finally:
        for terminal in terminals.values():
            terminal.close()


def test_the_collector_pause_nests_and_restores() -> None:
    from sync.client.http import collector_paused

    assert gc.isenabled()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as the program had it
    finally:
        gc.enable()


def _schema(terminal: Terminal) -> list[tuple[Any, ...]]:
    return terminal.read(lambda s: s.connection().exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'customer_search_terms' ORDER BY name"
    ).all())


def test_a_bootstrap_page_leaves_search_to_the_end_and_then_finds_everyone(tmp_path: Path, monkeypatch: Any) -> None:
    """A page with ``DEFER_INDEXING`` new customers or more notes them; writing the waiting terms
    then stores exactly the terms small pages store, and search finds them."""
    from bnaura_desk.services.search_index import has_pending, index_pending_customers
    from sync.client import local_apply

    monkeypatch.setattr(local_apply, "DEFER_INDEXING", 40)
    people = [str(uuid.uuid4()) for _ in range(120)]
    page = [_customer(n + 1, cid, n) for n, cid in enumerate(people)]
    page[9] = page[9].model_copy(update={"deleted": True})
    terminals = {
        size: Terminal.create(tmp_path / f"t{size}.sqlite", clinic_name="คลินิก", device_name="POS-1")
        for size in (50, 10)  # 50: every page leaves it to the end; 10: indexed at once
    }
    try:
        schema = _schema(terminals[10])
        for size, terminal in terminals.items():
            for start in range(0, len(page), size):
                _apply(terminal, page[start : start + size])
        deferred, at_once = terminals.values()
        assert deferred.read(has_pending) and not at_once.read(has_pending)
        assert deferred.read(search_customers, "0800000011") == []  # not yet
        changes = deferred.run(index_pending_customers, actor=None)
        # Two pages of 50 waited (less the deleted customer); the last 20 were indexed at once.
        assert changes.result == 99 and changes.touches(Kind.CUSTOMER)
        assert not deferred.read(has_pending)
        assert _rows(deferred) == _rows(at_once)
        assert _schema(deferred) == schema  # the customer index made again, as the migration made it
        assert [h.id for h in deferred.read(search_customers, "0800000011")] == [people[11]]
        assert deferred.read(search_customers, "0800000009") == []  # deleted: not found
        assert len(deferred.read(search_customers, "หน้า1", limit=500)) == len(at_once.read(search_customers, "หน้า1", limit=500))
        # Nothing waits: writing again changes nothing.
        assert deferred.run(index_pending_customers, actor=None).result == 0
        assert _rows(deferred) == _rows(at_once)
    finally:
        for terminal in terminals.values():
            terminal.close()


def test_a_customer_edited_before_the_end_is_indexed_once_with_the_new_name(tmp_path: Path, monkeypatch: Any) -> None:
    from bnaura_desk.services.search_index import has_pending, index_pending_customers
    from sync.client import local_apply

    monkeypatch.setattr(local_apply, "DEFER_INDEXING", 5)
    people = [str(uuid.uuid4()) for _ in range(8)]
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        _apply(terminal, [_customer(n + 1, cid, n) for n, cid in enumerate(people)])
        # A later (small) page renames one of them; another is tombstoned.
        _apply(terminal, [_customer(20, people[3], 3, name_th="วิมล ใหม่เอี่ยม"),
                          _customer(21, people[4], 4).model_copy(update={"deleted": True})])
        assert [h.id for h in terminal.read(search_customers, "ใหม่เอี่ยม")] == [people[3]]  # at once
        terminal.run(index_pending_customers, actor=None)
        assert not terminal.read(has_pending)
        assert [h.id for h in terminal.read(search_customers, "ใหม่เอี่ยม")] == [people[3]]
        assert people[3] not in {h.id for h in terminal.read(search_customers, "หน้า3", limit=500)}
        assert terminal.read(search_customers, "0800000004") == []
        assert [h.id for h in terminal.read(search_customers, "0800000005")] == [people[5]]
    finally:
        terminal.close()
