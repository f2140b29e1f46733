"""Journeys moved offline on two terminals of one branch, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: the server replayed
both terminals' moves in clock order, the move made from a stage the
journey had already left does not count (the Exceptions screen says so),
and both terminals show the journey at the same stage with the same
timeline. Another branch neither sees the branch's journeys nor can move
or forge one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import journeys, staff, sync_exceptions
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import Journey, JourneyAction
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, join_clinic
from sync.server import admin
from sync.server.models import Record, SyncException

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)


@pytest.fixture
def siam_2(chain: Chain, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    """A second terminal enrolled at the Siam branch (the sales team's tablet)."""
    with chain.server.sessions() as s:
        code = admin.new_enrollment_code(s, chain.branch_ids["siam"], now())[1].code
        s.commit()
    path = tmp_path / "siam-2.sqlite"
    join_clinic(path, chain.server.base_url, code, "POS siam 2")
    t = Terminal.open(path)
    try:
        yield t
    finally:
        t.close()


def _opened(chain: Chain, tills: tuple[Terminal, ...]) -> str:  # noqa: F811
    """Siam opens a journey for a new member and takes it to scanned; every till pulls it. Return its id."""
    siam = chain.siam
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    journey = siam.run(journeys.open_journey, member, title="ฝ้า กระ", actor=SYSTEM).result
    siam.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    for t in (siam, *tills):
        _sync(t)
    return str(journey)


def _round(t: Terminal) -> None:
    """A sync round that may end with an exception to show (a rejected move is one)."""
    with client_for(t) as client:
        sync_once(t, client)


def _seen(t: Terminal, journey: str) -> tuple[str, list[tuple[str, str, bool]]]:
    """The journey's stage on ``t`` and its timeline: (from, to, rejected) per move."""
    row = t.read(lambda s: s.get(Journey, journey))
    assert row is not None
    return row.stage, [(e.from_stage, e.to_stage, e.rejected) for e in t.read(journeys.journey_timeline, journey)]


def _illegal(chain: Chain) -> list[SyncException]:  # noqa: F811
    with chain.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id,
                                                          SyncException.kind == "illegal_move")))


def _server_stage(chain: Chain, journey: str) -> str:  # noqa: F811
    with chain.server.sessions() as s:
        record = s.get(Record, (chain.chain_id, "journey", journey))
        assert record is not None
        return str(record.data["stage"])


def test_two_terminals_moving_the_same_card_offline_the_later_move_is_rejected_and_both_converge(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    journey = _opened(chain, (siam_2,))
    assert _seen(siam_2, journey)[0] == Stage.SCANNED
    # The internet is down: the counter sends the proposal; a minute later the tablet cancels the same card.
    siam.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, "ส่งใบเสนอราคาแล้ว", actor=SYSTEM)
    siam_2.run(journeys.cancel_journey, journey, "ลูกค้าไม่สนใจ", actor=SYSTEM)
    assert _seen(siam_2, journey)[0] == Stage.CANCELLED  # each terminal shows its own move at once
    for t in (siam, siam_2, siam):
        _round(t)
    # The counter's move came first by clock: the tablet's, made from scanned, is rejected.
    assert _server_stage(chain, journey) == Stage.PROPOSAL_SENT
    [raised] = _illegal(chain)
    assert raised.entity == "journey_action" and raised.device_id == siam_2.device().device_id
    expected = (Stage.PROPOSAL_SENT, [(Stage.LEAD_CREATED, Stage.SCANNED, False),
                                      (Stage.SCANNED, Stage.PROPOSAL_SENT, False)])
    assert _seen(siam, journey) == expected
    # The tablet shows where the journey is, and its own cancel marked as not counted.
    assert _seen(siam_2, journey) == (expected[0], [*expected[1], (Stage.SCANNED, Stage.CANCELLED, True)])
    # The branch's managers see it on the Exceptions screen of both terminals.
    for t in (siam, siam_2):
        assert t.read(lambda s: [e.kind for e in s.scalars(select(LocalException))]) == ["illegal_move"]
        [view] = t.read(sync_exceptions.list_exceptions)
        assert (view.entity, view.subject_th, view.device_name) == ("journey_action", "สมหญิง ใจดี", "POS siam 2")
    # The tablet moves on from where the journey is; it syncs without a problem.
    siam_2.run(journeys.cancel_journey, journey, "ลูกค้าไม่สนใจ", actor=SYSTEM)
    for t in (siam_2, siam):
        _round(t)
    assert _server_stage(chain, journey) == Stage.CANCELLED
    assert _seen(siam, journey)[0] == _seen(siam_2, journey)[0] == Stage.CANCELLED
    assert len(_illegal(chain)) == 1


def test_a_move_with_an_earlier_clock_arriving_late_takes_its_place_and_the_later_one_is_reported(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    journey = _opened(chain, (siam_2,))
    siam.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, actor=SYSTEM)  # earlier clock
    siam_2.run(journeys.cancel_journey, journey, "ลูกค้าไม่สนใจ", actor=SYSTEM)  # later clock, reaches the server first
    _round(siam_2)
    assert _server_stage(chain, journey) == Stage.CANCELLED
    for t in (siam, siam_2, siam):
        _round(t)
    # In clock order the proposal came first: the cancel, made from scanned, no longer counts.
    assert _server_stage(chain, journey) == Stage.PROPOSAL_SENT
    [raised] = _illegal(chain)
    assert raised.detail["made_illegal"]["device_id"] == siam_2.device().device_id
    timeline = [(Stage.LEAD_CREATED, Stage.SCANNED, False), (Stage.SCANNED, Stage.PROPOSAL_SENT, False),
                (Stage.SCANNED, Stage.CANCELLED, True)]
    assert _seen(siam, journey) == _seen(siam_2, journey) == (Stage.PROPOSAL_SENT, timeline)


def test_another_branch_neither_sees_nor_can_move_or_forge_a_journey(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    journey = _opened(chain, (thonglor,))
    member = siam.read(lambda s: s.get(Journey, journey)).customer_id  # type: ignore[union-attr]
    # Thonglor knows the member (customers are the chain's) but not Siam's journey.
    assert thonglor.read(lambda s: (s.scalar(select(func.count()).select_from(Journey)),
                                    s.scalar(select(func.count()).select_from(JourneyAction)))) == (0, 0)
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = [
            # A move of Siam's journey (ids are not secret).
            _op(thonglor, seq, "journey.move", "journey_action", str(uuid.uuid4()), {"record": {
                "journey_id": journey, "from_stage": "scanned", "to_stage": "cancelled", "note": "ปลอม",
                "at": "2026-12-07T10:00:00+07:00"}}),
            # Siam's journey given to another owner.
            _op(thonglor, seq + 1, "journey.update", "journey", journey, {"fields": {"title": "ยึด"}}),
            # A journey claiming to be Siam's.
            _op(thonglor, seq + 2, "journey.open", "journey", str(uuid.uuid4()), {"record": {
                "customer_id": member, "branch_id": chain.branch_ids["siam"], "title": "ปลอม"}}),
            # Its stage written by a terminal: only the server's replay writes it.
            _op(thonglor, seq + 3, "journey.open", "journey", str(uuid.uuid4()), {"record": {
                "customer_id": member, "branch_id": chain.branch_ids["thonglor"], "stage": "completed"}}),
        ]
        results = client.push(thonglor.device().device_id, forged).results
    # A branch-only row of another branch is no parent this device may name.
    assert [(r.outcome, r.reason) for r in results] == [
        ("rejected", "unknown_parent"), ("rejected", "foreign_record"), ("rejected", "foreign_record"),
        ("rejected", "invalid_record")], results
    assert _server_stage(chain, journey) == Stage.SCANNED
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "journey")) == 1
    for t in (siam, thonglor):
        _round(t)
    assert _seen(siam, journey) == (Stage.SCANNED, [(Stage.LEAD_CREATED, Stage.SCANNED, False)])
    assert thonglor.read(lambda s: s.scalar(select(func.count()).select_from(Journey))) == 0


def test_a_move_back_approved_by_someone_who_is_not_a_manager_is_rejected(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    journey = _opened(chain, (siam_2,))
    seller = siam.run(staff.create_staff, "น้องเซลส์", Role.SALES, "5937", actor=SYSTEM).result
    manager = siam.run(staff.create_staff, "คุณวิภา", Role.MANAGER, "3691", actor=SYSTEM).result
    _sync(siam)

    def back(approved_by: str) -> dict[str, object]:
        return {"record": {"journey_id": journey, "from_stage": "scanned", "to_stage": "lead_created",
                           "note": "สแกนใหม่", "by_manager": True, "approved_by": approved_by,
                           "at": "2026-12-07T10:00:00+07:00"}}

    # A buggy or hostile tablet of the branch claims the seller approved a move back, then the manager.
    with client_for(siam_2) as client:
        seq = client.push(siam_2.device().device_id, []).next_seq
        results = client.push(siam_2.device().device_id, [
            _op(siam_2, seq, "journey.move", "journey_action", str(uuid.uuid4()), back(seller)),
            _op(siam_2, seq + 1, "journey.move", "journey_action", str(uuid.uuid4()), back(manager)),
        ]).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "illegal_move"), ("applied", "")]
    assert _server_stage(chain, journey) == Stage.LEAD_CREATED


def test_a_terminals_own_rejected_move_does_not_take_the_journey_in_its_timeline(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    """Found by the sync simulation (seed 13): the tablet showed the server's next move as rejected.

    The tablet saw the lead before anything moved it. The counter scanned it
    and sent the proposal (pushed), then moved it back to the lead (not
    pushed yet). The tablet scanned the lead it saw: rejected, the server had
    it at proposal sent. The move back arrived after, with its earlier clock;
    the counter scanned the lead again. Folded with the others, the tablet's
    rejected move would have been legal after the move back and taken the
    stage, marking the counter's second scan rejected on the tablet only.
    """
    siam = chain.siam
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    journey = str(siam.run(journeys.open_journey, member, title="ฝ้า กระ", actor=SYSTEM).result)
    for t in (siam, siam_2):
        _sync(t)
    siam.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    siam.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, actor=SYSTEM)
    _round(siam)
    siam.run(journeys.move_journey, journey, Stage.LEAD_CREATED, "สแกนใหม่", actor=SYSTEM)  # back, not pushed
    siam_2.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    _round(siam_2)  # rejected: the server has it at proposal sent
    _round(siam)
    siam.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    for t in (siam, siam_2, siam):
        _round(t)
    assert _server_stage(chain, journey) == Stage.SCANNED
    kept = [(Stage.LEAD_CREATED, Stage.SCANNED, False), (Stage.SCANNED, Stage.PROPOSAL_SENT, False),
            (Stage.PROPOSAL_SENT, Stage.LEAD_CREATED, False), (Stage.LEAD_CREATED, Stage.SCANNED, False)]
    assert _seen(siam, journey) == (Stage.SCANNED, kept)
    assert _seen(siam_2, journey) == (Stage.SCANNED, [*kept[:3], (Stage.LEAD_CREATED, Stage.SCANNED, True), kept[3]])
