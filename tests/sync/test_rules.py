"""The server's rules at apply time, with operation types made for the tests (tests/sync/rule_entities.py).

On SQLite and PostgreSQL, through the real push: a single-use claim, a
tally with a floor and moves replayed in clock order, each settled inside
the push transaction from its own indexed table, and what a manager sees
when two terminals collided offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bnaura_desk.domain.hlc import Hlc
from sync.server.models import RuleClaim, RuleMove, RuleTally

from .apply_support import (
    BASE_MS,
    CLINIC_ID,
    Outbox,
    ServerDb,
    create_server_db,
    exceptions,
    new_id,
    postgres_schema,
    record,
    require_postgres,
    sqlite_url,
)
from .rule_entities import TEST_REGISTRY, TEST_RULES


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerDb]:
    """A server database with one clinic and three devices, applying by the test rules."""
    if request.param == "sqlite":
        server = create_server_db(sqlite_url(tmp_path / "server.sqlite"), 3)
    else:
        require_postgres()
        schema = postgres_schema()
        url = schema.__enter__()
        request.addfinalizer(lambda: schema.__exit__(None, None, None))
        server = create_server_db(url, 3)
    server.registry, server.rules = TEST_REGISTRY, TEST_RULES
    yield server
    server.close()


@pytest.fixture
def boxes(db: ServerDb) -> list[Outbox]:
    return [Outbox(d) for d in db.device_ids]


def use(box: Outbox, token: str, **kw: Any) -> Any:
    return box.op("test_token.use", "test_token_use", new_id(), {"record": {"token": token, "sale": "S"}}, **kw)


def add(box: Outbox, account: str, delta: int, **kw: Any) -> Any:
    return box.op("test_tally.add", "test_tally_entry", new_id(), {"record": {"account": account, "delta": delta}}, **kw)


def open_subject(box: Outbox, subject: str, **kw: Any) -> Any:
    return box.op("test_subject.open", "test_subject", subject, {"record": {"title": "s"}}, **kw)


def move(box: Outbox, subject: str, to: str, **kw: Any) -> Any:
    return box.op("test_move.make", "test_move", new_id(), {"record": {"subject_id": subject, "to": to}}, **kw)


def outcomes(response: Any) -> list[tuple[str, str]]:
    return [(r.outcome, r.reason) for r in response.results]


def kinds(db: ServerDb) -> list[str]:
    with db.sessions() as s:
        return [e.kind for e in exceptions(s)]


# --- single-use claim --------------------------------------------------------------------


def test_the_first_claim_to_arrive_keeps_the_key_and_a_later_one_is_applied_and_reported(
    db: ServerDb, boxes: list[Outbox]
) -> None:
    a, b = boxes[0], boxes[1]
    # Both terminals sold with the same coupon while offline; B's sale was even earlier.
    a_use = use(a, "COUPON-7", advance_ms=5_000)
    b_use = use(b, "COUPON-7", advance_ms=1_000)
    assert outcomes(db.push(a.device, [a_use])) == [("applied", "")]
    assert outcomes(db.push(b.device, [b_use])) == [("applied", "")]  # the sale happened: it stands
    with db.sessions() as s:
        assert record(s, "test_token_use", b_use.entity_id) is not None
        claim = s.get(RuleClaim, (CLINIC_ID, "test_token", "COUPON-7"))
        assert claim is not None and (claim.device_id, claim.seq) == (a.device, 1)  # first to reach the server
        [raised] = exceptions(s)
    assert raised.kind == "claim_conflict"
    assert (raised.device_id, raised.seq) == (b.device, 1)
    assert raised.detail["kept_by"]["op_id"] == a_use.op_id
    assert raised.detail["claimed_again_by"]["op_id"] == b_use.op_id
    assert raised.detail["key"] == "COUPON-7"


def test_a_resent_claim_is_a_duplicate_and_raises_nothing_more(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes[0], boxes[1]
    ops = [use(a, "C1"), use(a, "C2")]
    db.push(a.device, ops)
    again = db.push(a.device, ops)
    assert [r.outcome for r in again.results] == ["duplicate", "duplicate"]
    db.push(b.device, [use(b, "C3")])
    assert kinds(db) == []


def test_two_claims_of_one_key_in_one_batch_keep_the_first(db: ServerDb, boxes: list[Outbox]) -> None:
    a = boxes[0]
    first, second, other = use(a, "K"), use(a, "K"), use(a, "L")
    assert outcomes(db.push(a.device, [first, second, other])) == [("applied", "")] * 3
    with db.sessions() as s:
        [raised] = exceptions(s)
        assert raised.kind == "claim_conflict" and raised.seq == 2
        keys = sorted(c.key for c in s.scalars(select(RuleClaim)))
    assert keys == ["K", "L"]


# --- tally with a floor --------------------------------------------------------------------


def test_a_take_below_the_floor_is_applied_and_reported(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes[0], boxes[1]
    db.push(a.device, [add(a, "member-1", 500)])
    # Both terminals spent the 500 points offline.
    assert outcomes(db.push(a.device, [add(a, "member-1", -400)])) == [("applied", "")]
    assert outcomes(db.push(b.device, [add(b, "member-1", -300)])) == [("applied", "")]
    with db.sessions() as s:
        tally = s.get(RuleTally, (CLINIC_ID, "test_account", "member-1"))
        assert tally is not None and tally.balance == -200
        [raised] = exceptions(s)
    assert raised.kind == "below_floor" and raised.device_id == b.device
    assert (raised.detail["balance_before"], raised.detail["delta"], raised.detail["balance"]) == (100, -300, -200)
    # Another take while below is reported again; an add that leaves it below is not.
    db.push(a.device, [add(a, "member-1", 50), add(a, "member-1", -10), add(a, "member-2", 30)])
    assert kinds(db) == ["below_floor", "below_floor"]
    with db.sessions() as s:
        assert s.get(RuleTally, (CLINIC_ID, "test_account", "member-1")).balance == -160  # type: ignore[union-attr]
        assert s.get(RuleTally, (CLINIC_ID, "test_account", "member-2")).balance == 30  # type: ignore[union-attr]


# --- moves replayed in clock order ---------------------------------------------------------


def _subject(db: ServerDb, subject: str) -> tuple[str, bool]:
    with db.sessions() as s:
        row = record(s, "test_subject", subject)
        assert row is not None
        moves = list(s.scalars(select(RuleMove).where(RuleMove.subject == subject).order_by(RuleMove.hlc)))
        return row.data["stage"], all(m.legal for m in moves)


def test_moves_are_folded_in_clock_order_whatever_order_they_arrive_in(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes[0], boxes[1]
    subject = new_id()
    db.push(a.device, [open_subject(a, subject)])
    # B moved it to working first (earlier clock), A then to done; A's push arrives first.
    to_working = move(b, subject, "working", hlc=Hlc(BASE_MS + 1_000, 0, b.device).encode())
    to_done = move(a, subject, "done", hlc=Hlc(BASE_MS + 2_000, 0, a.device).encode())
    # done at its place (after open, before B's move is known) is illegal: rejected.
    assert outcomes(db.push(a.device, [to_done])) == [("rejected", "illegal_move")]
    assert outcomes(db.push(b.device, [to_working])) == [("applied", "")]
    assert _subject(db, subject) == ("working", True)
    assert kinds(db) == ["illegal_move"]


def test_a_late_move_with_an_earlier_clock_is_folded_into_its_place(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes[0], boxes[1]
    subject = new_id()
    db.push(a.device, [open_subject(a, subject)])
    db.push(a.device, [move(a, subject, "working", hlc=Hlc(BASE_MS + 1_000, 0, a.device).encode()),
                       move(a, subject, "done", hlc=Hlc(BASE_MS + 3_000, 0, a.device).encode())])
    assert _subject(db, subject)[0] == "done"
    # B cancelled it offline between the two moves; its push comes last.
    late = move(b, subject, "cancelled", hlc=Hlc(BASE_MS + 2_000, 0, b.device).encode())
    assert outcomes(db.push(b.device, [late])) == [("applied", "")]
    # In clock order: open → working → cancelled, and A's "done" is no longer legal at its place.
    assert _subject(db, subject) == ("cancelled", False)
    with db.sessions() as s:
        [raised] = exceptions(s)
    assert raised.kind == "illegal_move"
    assert raised.detail["made_illegal"]["hlc"] == Hlc(BASE_MS + 3_000, 0, a.device).encode()
    assert raised.detail["by_late_move"]["op_id"] == late.op_id
    with db.sessions() as s:
        stage = record(s, "test_subject", subject)
        assert stage is not None and stage.data == {"title": "s", "stage": "cancelled"}


def test_an_illegal_move_changes_nothing_but_its_report(db: ServerDb, boxes: list[Outbox]) -> None:
    a = boxes[0]
    subject = new_id()
    db.push(a.device, [open_subject(a, subject), move(a, subject, "cancelled")])
    before = _subject(db, subject)
    response = db.push(a.device, [move(a, subject, "working"), move(a, subject, "done")])
    assert outcomes(response) == [("rejected", "illegal_move"), ("rejected", "illegal_move")]
    assert _subject(db, subject) == before == ("cancelled", True)
    with db.sessions() as s:
        raised = exceptions(s)
        assert [e.kind for e in raised] == ["illegal_move", "illegal_move"]
        assert "cancelled cannot move to working" in raised[0].detail["message"]
        assert len(list(s.scalars(select(RuleMove)))) == 1


# --- the two former special cases --------------------------------------------------------


def test_a_setting_set_as_terminals_wrote_it_before_settings_were_declared_still_applies(
    db: ServerDb, boxes: list[Outbox]
) -> None:
    a = boxes[0]
    legacy = a.op("setting.set", "clinic", CLINIC_ID, {"key": "pin_lockout", "value": {"max_failures": 5}})
    current = a.setting("pin_lockout", {"max_failures": 7})
    assert outcomes(db.push(a.device, [legacy, current])) == [("applied", ""), ("applied", "")]
    with db.sessions() as s:
        row = record(s, "setting", "pin_lockout")
        assert row is not None and row.data == {"value": {"max_failures": 7}}
    other_clinic = a.op("setting.set", "clinic", new_id(), {"key": "pin_lockout", "value": 1})
    assert outcomes(db.push(a.device, [other_clinic])) == [("rejected", "foreign_record")]
