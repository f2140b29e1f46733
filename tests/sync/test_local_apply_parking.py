"""A pulled row the terminal cannot store is parked with its reason and shown, never skipped.

The rest of the page applies; the parked row is tried again with every
pull, so a terminal updated to know the entity (or the value) stores it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.services.sync_exceptions import list_parked_problems
from bnaura_desk.services.sync_state import save_enrollment, sync_status
from bnaura_desk.store.models import Customer, ParkedChange
from bnaura_desk.terminal import Terminal
from sync.client.local_apply import STORAGE, Storage, apply_changes, parked_count
from sync.protocol import Change

from .rule_entities import TEST_STORAGE, TokenUse, create_tables

NOW_MS = int(datetime(2026, 11, 23, 3, 0, tzinfo=UTC).timestamp() * 1000)
NODE = "0000000a-0000-7000-8000-000000000001"


def _change(cursor: int, entity: str, entity_id: str, data: dict[str, Any]) -> Change:
    clock = Hlc(NOW_MS + cursor, 0, NODE).encode()
    return Change(cursor=cursor, entity=entity, entity_id=entity_id, data=data, field_clocks={}, hlc=clock,
                  deleted=False)


def _customer(cursor: int, customer_id: str, **fields: Any) -> Change:
    data = {"name_th": f"ลูกค้า {cursor}", "phone": "0812345678", "referral_code": f"CODE{cursor:06d}", **fields}
    return _change(cursor, "customer", customer_id, data)


def _apply(terminal: Terminal, page: list[Change], storage: Storage = STORAGE) -> None:
    terminal.run(lambda ctx: apply_changes(ctx.session, page, ctx.now, storage=storage), actor=None)


def _customers(terminal: Terminal) -> set[str]:
    return set(terminal.read(lambda s: list(s.scalars(select(Customer.id)))))


def _problems(terminal: Terminal) -> list[tuple[str, str, str]]:
    return terminal.read(lambda s: [(p.entity, p.reason, p.problem) for p in list_parked_problems(s)])


def test_an_entity_this_version_does_not_know_is_parked_and_applied_once_it_is_known(tmp_path: Path) -> None:
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        known, use = str(uuid.uuid4()), str(uuid.uuid4())
        page = [_change(1, "test_token_use", use, {"token": "COUPON-1", "sale": "S"}), _customer(2, known)]
        _apply(terminal, page)
        assert _customers(terminal) == {known}  # the rest of the page applied
        assert _problems(terminal) == [
            ("test_token_use", "unknown_entity", "this terminal does not know test_token_use records"),
        ]
        terminal.run(save_enrollment, "http://127.0.0.1:8765", "token", "คลินิก", actor=None)
        status = terminal.read(sync_status)
        assert status is not None and status.problems == 1  # the status bar counts it for a manager
        # An updated terminal knows it: the next pull (even an empty page) stores it.
        create_tables(terminal.db.engine)
        _apply(terminal, [], TEST_STORAGE)
        assert terminal.read(lambda s: [(u.id, u.token) for u in s.scalars(select(TokenUse))]) == [(use, "COUPON-1")]
        assert terminal.read(parked_count) == 0
        assert terminal.read(sync_status).problems == 0  # type: ignore[union-attr]
    finally:
        terminal.close()


def test_a_value_this_version_cannot_store_is_parked_with_the_problem(tmp_path: Path) -> None:
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        good, wrong_type, no_phone, too_long = (str(uuid.uuid4()) for _ in range(4))
        _apply(terminal, [
            _customer(1, wrong_type, opted_out="yes"),
            _customer(2, good),
            _change(3, "customer", no_phone, {"name_th": "ไม่มีเบอร์", "referral_code": "NOPHONE"}),
            _customer(4, too_long, nickname="ก" * 500),
        ])
        assert _customers(terminal) == {good}
        problems = sorted(_problems(terminal))
        assert [(e, r) for e, r, _ in problems] == [("customer", "unstorable")] * 3
        texts = " | ".join(p for _, _, p in problems)
        assert "opted_out must be true or false" in texts
        assert "needs phone" in texts
        assert "nickname is longer than 120 characters" in texts
    finally:
        terminal.close()


def test_fields_this_version_does_not_know_are_left_out_and_reported(tmp_path: Path) -> None:
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        cid = str(uuid.uuid4())
        _apply(terminal, [_customer(1, cid, nickname="นิด", loyalty_tier="gold")])
        row = terminal.read(lambda s: s.get(Customer, cid))
        assert row is not None and row.nickname == "นิด"
        assert _problems(terminal) == [("customer", "unknown_fields", "fields this terminal does not know: loyalty_tier")]
        # A newer state of the record replaces what was parked of it.
        _apply(terminal, [_customer(2, cid, nickname="นิดา")])
        assert terminal.read(lambda s: s.get(Customer, cid)).nickname == "นิดา"  # type: ignore[union-attr]
        assert _problems(terminal) == []
    finally:
        terminal.close()


def test_a_row_waiting_for_its_parent_is_not_a_problem_for_managers(tmp_path: Path) -> None:
    terminal = Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1")
    try:
        cid, visit = str(uuid.uuid4()), str(uuid.uuid4())
        _apply(terminal, [_change(1, "visit", visit, {"customer_id": cid, "at": "2026-11-23T10:00:00+07:00",
                                                       "staff_id": None})])
        assert terminal.read(parked_count) == 1 and _problems(terminal) == []
        assert terminal.read(lambda s: s.scalars(select(ParkedChange.reason)).one()) == "waiting"
        _apply(terminal, [_customer(2, cid)])
        assert terminal.read(parked_count) == 0
    finally:
        terminal.close()
