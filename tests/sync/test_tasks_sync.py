"""Tasks made and claimed offline on two terminals of one branch, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: two terminals that
moved the same card the same way made one task between them (its id is
derived from the rule and the stage entry); two people who claimed the
same task offline see who holds it (the later claim), and the Exceptions
screen says it was claimed twice; another branch sees none of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.automation import TaskStatus
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import journeys, staff, sync_exceptions, tasks
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.store.models import Task
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for, join_clinic
from sync.server import admin
from sync.server.models import Record, SyncException

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)
from .test_journeys_sync import _round


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


def _lead(chain: Chain, tills: tuple[Terminal, ...]) -> str:  # noqa: F811
    """Siam opens a journey for a new member (no sales owner: the system opened it); every till pulls it."""
    siam = chain.siam
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    journey = str(siam.run(journeys.open_journey, member, title="ฝ้า กระ", actor=SYSTEM).result)
    for t in (siam, *tills):
        _sync(t)
    return journey


def _tasks(t: Terminal) -> list[tuple[str, str, str | None]]:
    return t.read(lambda s: [(r.id, r.status, r.claimed_by) for r in s.scalars(select(Task).order_by(Task.id))])


def _server_tasks(chain: Chain) -> list[dict[str, object]]:  # noqa: F811
    with chain.server.sessions() as s:
        return [r.data for r in s.scalars(select(Record).where(Record.chain_id == chain.chain_id,
                                                               Record.entity == "task"))]


def test_two_terminals_scanning_the_same_lead_offline_make_one_task(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    journey = _lead(chain, (siam_2,))
    # Offline, both move the lead to scanned: each makes "send the proposal" at once.
    siam.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    siam_2.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    [(mine, _, _)] = _tasks(siam)
    assert [i for i, _, _ in _tasks(siam_2)] == [mine]  # the same derived id on both
    for t in (siam, siam_2, siam):
        _round(t)
    # One task on the server and on both terminals (the second move itself is rejected: illegal_move).
    [record] = _server_tasks(chain)
    assert (record["journey_id"], record["rule"], record["status"]) == (journey, "send_proposal", "open")
    assert _tasks(siam) == _tasks(siam_2) == [(mine, "open", None)]
    with chain.server.sessions() as s:
        kinds = list(s.scalars(select(SyncException.kind).where(SyncException.chain_id == chain.chain_id)))
    assert kinds == ["illegal_move"]


@pytest.mark.parametrize("first_to_push", ["earlier", "later"])
def test_two_people_claiming_one_task_offline_the_later_claim_holds_it_and_a_manager_is_told(
        chain: Chain, siam_2: Terminal, first_to_push: str) -> None:  # noqa: F811
    siam = chain.siam
    journey = _lead(chain, (siam_2,))
    ids = [siam.run(staff.create_staff, name, Role.SALES, pin, actor=SYSTEM).result
           for name, pin in (("น้องเซลส์", "5937"), ("น้องแพร", "8642"))]
    siam.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    for t in (siam, siam_2):
        _sync(t)
    [(task, status, _)] = _tasks(siam_2)
    assert status == TaskStatus.OPEN
    # Offline: the counter's seller claims it, a minute later the tablet's.
    siam.run(tasks.claim_task, task, actor=Actor(ids[0], "น้องเซลส์", Role.SALES))
    siam_2.run(tasks.claim_task, task, actor=Actor(ids[1], "น้องแพร", Role.SALES))
    order = (siam, siam_2, siam) if first_to_push == "earlier" else (siam_2, siam, siam_2)
    for t in order:
        _round(t)
    for t in (siam, siam_2):
        _round(t)
    # Whatever the order they arrived in, the later claim holds it, on the server and both terminals.
    [record] = _server_tasks(chain)
    assert (record["claimed_by"], record["assignee_id"], record["status"]) == (ids[1], ids[1], "claimed")
    assert _tasks(siam) == _tasks(siam_2) == [(task, "claimed", ids[1])]
    # The claim that found the task held by the other raised one exception, on both terminals' screens.
    with chain.server.sessions() as s:
        [raised] = list(s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id,
                                                              SyncException.kind == "task_claimed_twice")))
    assert raised.detail["task_id"] == task and {raised.detail["held_by"], raised.detail["claimed_by"]} == set(ids)
    for t in (siam, siam_2):
        assert t.read(lambda s: [e.kind for e in s.scalars(select(LocalException))]) == ["task_claimed_twice"]
        [view] = t.read(sync_exceptions.list_exceptions)
        assert (view.entity, view.subject_th) == ("task", "สมหญิง ใจดี")  # named after the task's customer
    # The seller who lost it finds it gone from her queue; the other has it.
    assert siam.read(tasks.my_tasks, ids[0], Role.SALES, now()) == []
    assert [c.id for c in siam.read(tasks.my_tasks, ids[1], Role.SALES, now())] == [task]


def test_another_branch_sees_no_task_and_cannot_claim_one(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    journey = _lead(chain, (thonglor,))
    siam.run(journeys.move_journey, journey, Stage.SCANNED, actor=SYSTEM)
    _sync(siam)
    _sync(thonglor)
    [(task, _, _)] = _tasks(siam)
    assert thonglor.read(lambda s: s.scalar(select(func.count()).select_from(Task))) == 0
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        results = client.push(thonglor.device().device_id, [
            _op(thonglor, seq, "task.claim", "task", task, {"fields": {
                "status": "claimed", "claimed_by": str(uuid.uuid4()), "assignee_id": None}}),
        ]).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "foreign_record")], results
    assert [r["status"] for r in _server_tasks(chain)] == ["open"]
