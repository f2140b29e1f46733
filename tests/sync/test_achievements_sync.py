"""Two branches unlock the same achievement offline: one unlock and one award after sync, everywhere.

What a manager checks: the member checked in at Siam and at Thonglor on the
same day while both terminals were offline, each terminal unlocked her
achievements and awarded their points; after both synced with the real
server (SQLite and PostgreSQL) every terminal and the server hold one
unlock per achievement and one award each, and show the same balance.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain import achievements as rules
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.points import EntryKind, PointEntry, fold
from bnaura_desk.services import achievements, customers, loyalty
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_status
from bnaura_desk.store.models import AchievementUnlock, PointsEntry
from bnaura_desk.store.types import canonical_json
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, join_clinic
from sync.protocol import Operation
from sync.server import admin
from sync.server.models import Record

from .conftest import Server, now


@dataclass
class TwoBranches:
    server: Server
    siam: Terminal
    thonglor: Terminal
    chain_id: str


@pytest.fixture
def branches(server: Server, tmp_path: Path) -> Iterator[TwoBranches]:
    with server.sessions() as s:
        chain = admin.add_chain(s, f"บีเอ็น-ออร่า {uuid.uuid4().hex[:6]}", now())
        siam = admin.add_branch(s, chain.id, "สาขาสยาม", now())
        thonglor = admin.add_branch(s, chain.id, "สาขาทองหล่อ", now(), branch_no="1")
        codes = {b.id: admin.new_enrollment_code(s, b.id, now())[1].code for b in (siam, thonglor)}
        s.commit()
    terminals = []
    for name, branch in (("siam", siam), ("thonglor", thonglor)):
        path = tmp_path / f"{name}.sqlite"
        join_clinic(path, server.base_url, codes[branch.id], f"POS {name}")
        terminals.append(Terminal.open(path))
    try:
        yield TwoBranches(server, terminals[0], terminals[1], chain.id)
    finally:
        for t in terminals:
            t.close()


def _sync(t: Terminal) -> None:
    with client_for(t) as client:
        sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.problems == 0 and status.last_error == ""


def _count(t: Terminal, model: type, customer_id: str) -> int:
    column: Any = model.customer_id  # type: ignore[attr-defined]
    return int(t.read(lambda s: s.scalar(select(func.count()).select_from(model).where(column == customer_id))))


def _server_records(server: Server, chain_id: str, entity: str, customer_id: str) -> list[dict[str, Any]]:
    with server.sessions() as s:
        rows = s.scalars(select(Record).where(Record.chain_id == chain_id, Record.entity == entity))
        return [{"id": r.id, **r.data} for r in rows if r.data.get("customer_id") == customer_id]


def test_two_branches_unlocking_the_same_achievement_offline_make_one_unlock_and_one_award(
    branches: TwoBranches,
) -> None:
    siam, thonglor = branches.siam, branches.thonglor
    # The chain adds a "first visit" achievement; the member was born this month (the secret birthday one).
    first_visit = rules.Definition("first_visit", rules.Category.FREQUENCY, "มาครั้งแรก", "First Visit", "", "", 20,
                                   rules.Condition(rules.ConditionKind.VISITS, 1))
    siam.run(achievements.set_achievement_definitions, (*rules.DEFAULT_DEFINITIONS, first_visit), actor=SYSTEM)
    born = date(1990, now().astimezone(rules.BANGKOK).month, 1)
    member = siam.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678",
                                                                birthday=born), actor=SYSTEM).result
    _sync(siam)
    _sync(thonglor)

    # Offline, she checks in at both branches; each terminal unlocks the same two achievements.
    for t in (siam, thonglor):
        before = t.read(loyalty.points_summary, member, now()).balance
        t.run(customers.check_in, member, actor=SYSTEM)  # the check-in unlocks them
        assert t.run(achievements.evaluate_achievements, member, actor=SYSTEM).result == ()
        assert t.read(loyalty.points_summary, member, now()).balance == before + 10 + 220

    for t in (siam, thonglor, siam):
        _sync(t)

    unlock_ids = {rules.unlock_id(member, "birthday_visit"), rules.unlock_id(member, "first_visit")}
    award_ids = {rules.award_id(u) for u in unlock_ids}
    balances = []
    for t in (siam, thonglor):
        assert _count(t, AchievementUnlock, member) == 2
        awards = t.read(lambda s: list(s.execute(select(PointsEntry.id, PointsEntry.points).where(
            PointsEntry.customer_id == member, PointsEntry.source == "achievement"))))
        assert {a for a, _ in awards} == award_ids and sum(p for _, p in awards) == 220
        balances.append(t.read(loyalty.points_summary, member, now()).balance)
        shown = {e.definition.key for e in t.read(achievements.achievement_gallery, branches.chain_id, member, now())
                 if e.unlocked}
        assert shown == {"birthday_visit", "first_visit"}
        # Nothing is left to unlock, on either terminal.
        assert t.run(achievements.evaluate_achievements, member, actor=SYSTEM).result == ()

    unlocks = _server_records(branches.server, branches.chain_id, "achievement_unlock", member)
    assert {u["id"] for u in unlocks} == unlock_ids and len(unlocks) == 2
    points = _server_records(branches.server, branches.chain_id, "points", member)
    assert {p["id"] for p in points if p["source"] == "achievement"} == award_ids
    ledger = [PointEntry(p["id"], EntryKind(p["kind"]), p["points"], datetime.fromisoformat(p["at"]),
                         datetime.fromisoformat(p["expires_at"])) for p in points]
    # Her welcome, one check-in award for the day (derived too) and the two achievements': the same everywhere.
    assert balances == [fold(ledger, now()).balance] * 2 == [100 + 10 + 220] * 2



def _unlock_op(t: Terminal, seq: int, unlock_id: str, record: dict[str, Any]) -> Operation:
    """An ``achievement.unlock`` as a buggy or hostile terminal would push it, bypassing the use case."""
    device = t.device()
    payload = canonical_json({"format": 1, "record": record})
    return Operation(
        device_id=device.device_id, seq=seq, op_id=str(uuid.uuid4()), clinic_id=device.chain_id,
        type="achievement.unlock", entity="achievement_unlock", entity_id=unlock_id,
        hlc=Hlc(int(now().timestamp() * 1000), seq, device.device_id).encode(), actor_id=None, payload=payload,
        payload_sha256=hashlib.sha256(payload.encode()).hexdigest(),
    )


def test_an_unlock_whose_id_is_not_derived_from_member_and_achievement_is_refused(branches: TwoBranches) -> None:
    siam = branches.siam
    member = siam.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    _sync(siam)
    record = {"customer_id": member, "achievement": "influencer", "at": now().isoformat(), "points": 1_000}
    with client_for(siam) as client:
        seq = client.push(siam.device().device_id, []).next_seq
        results = client.push(siam.device().device_id, [
            # A second "influencer" under an id of its own would award it twice.
            _unlock_op(siam, seq, str(uuid.uuid4()), record),
            # The derived id, but for another achievement than the record names.
            _unlock_op(siam, seq + 1, rules.unlock_id(member, "ambassador"), record),
        ]).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "malformed_operation")] * 2
    assert _server_records(branches.server, branches.chain_id, "achievement_unlock", member) == []
