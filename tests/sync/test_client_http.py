"""SyncClient: requests, typed errors, back-off; and two terminals over the real HTTP server.

The end-to-end cases use ``server`` from tests/sync/conftest.py: a real
``bnaura server`` process on a free 127.0.0.1 port (SQLite; PostgreSQL too
when one is reachable).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import pending_count, sync_status
from bnaura_desk.store.models import AuditEntry, OutboxOperation, Visit
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, enroll, join_clinic
from sync.client.http import (
    EnrollmentRefused,
    OperationRefused,
    ProtocolTooOld,
    Revoked,
    SeqConflict,
    SeqGap,
    ServerUnavailable,
    SyncClient,
    Unauthorized,
    backoff_delays,
)
from sync.client.outbox import pending_operations
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server import admin
from sync.server.models import AppliedOperation, Record
from tests.sync.conftest import Server, now

DEVICE = "01a20a00-0000-7000-8000-000000000001"


# ---------------------------------------------------------------- the client alone


def _client(handler: Any, token: str | None = "tok") -> SyncClient:
    return SyncClient("http://server.test/", token, transport=httpx.MockTransport(handler))


def _error(status: int, code: str, **detail: Any) -> httpx.Response:
    return httpx.Response(status, json={"code": code, "message": f"refused: {code}", "detail": detail})


def test_requests_carry_the_protocol_and_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"changes": [], "cursor": 7, "more": False})

    with _client(handler) as client:
        page = client.pull(7, 50)
    assert (page.cursor, page.more) == (7, False)
    [request] = seen
    assert request.url.path == "/v1/pull" and request.url.params["after"] == "7" and request.url.params["limit"] == "50"
    assert request.headers[PROTOCOL_HEADER] == str(PROTOCOL_VERSION)
    assert request.headers["Authorization"] == "Bearer tok"


def test_push_sends_the_operations_as_stored(terminal: Terminal) -> None:
    ops = terminal.read(pending_operations, 10)
    bodies: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        return httpx.Response(200, json={"results": [{"seq": 1, "outcome": "applied"}], "next_seq": 2})

    with _client(handler) as client:
        response = client.push(ops[0].device_id, ops)
    assert response.next_seq == 2
    assert bodies[0]["operations"][0]["payload"] == ops[0].payload
    assert bodies[0]["device_id"] == ops[0].device_id and bodies[0]["protocol"] == PROTOCOL_VERSION


@pytest.mark.parametrize(
    ("response", "error"),
    [
        (_error(426, "protocol_version"), ProtocolTooOld),
        (_error(401, "unauthorized"), Unauthorized),
        (_error(401, "device_revoked"), Revoked),
        (_error(409, "seq_conflict", seq=3), SeqConflict),
        (_error(422, "unknown_operation", seq=3), OperationRefused),
        (_error(400, "bad_operation", seq=3), OperationRefused),
        (_error(410, "code_used"), EnrollmentRefused),
        (_error(409, "clinic_mismatch"), EnrollmentRefused),
        (_error(429, "too_many_attempts"), EnrollmentRefused),
        (httpx.Response(503, json={"code": "database_unavailable", "message": "down"}), ServerUnavailable),
        (httpx.Response(502, text="bad gateway"), ServerUnavailable),
    ],
)
def test_refusals_become_typed_errors(response: httpx.Response, error: type[Exception]) -> None:
    with _client(lambda _: response) as client, pytest.raises(error) as caught:
        client.pull(0, 10)
    assert type(caught.value) is error
    assert not caught.value.retry or error is ServerUnavailable  # type: ignore[attr-defined]


def test_a_gap_names_the_expected_number_and_what_was_applied() -> None:
    response = _error(409, "seq_gap", expected=4, got=6, results=[{"seq": 3, "outcome": "applied"}])
    with _client(lambda _: response) as client, pytest.raises(SeqGap) as caught:
        client.pull(0, 10)
    assert caught.value.expected == 4
    assert [r.seq for r in caught.value.results] == [3]


def test_an_unreachable_server_is_unavailable() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with _client(handler) as client, pytest.raises(ServerUnavailable) as caught:
        client.pull(0, 10)
    assert caught.value.retry and "connection refused" in str(caught.value)


def test_backoff_grows_to_the_cap_with_jitter() -> None:
    delays = backoff_delays(1.0, 60.0, rng=random.Random(4))
    waits = [next(delays) for _ in range(40)]
    assert 0.5 <= waits[0] <= 1.0
    assert all(0 <= w <= 60.0 for w in waits)
    assert max(waits[10:]) > 30  # it reaches the cap's range...
    assert len(set(waits)) == len(waits)  # ...and terminals do not retry in step


# ---------------------------------------------------------------- over the real server


def _register(t: Terminal, name: str, phone: str) -> str:
    return str(t.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone), actor=SYSTEM).result)


def _sync(t: Terminal):  # type: ignore[no-untyped-def]
    with client_for(t) as client:
        return sync_once(t, client)


def _count(t: Terminal, model: type) -> int:
    return int(t.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one()))


@pytest.fixture
def pair(server: Server, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Terminal A (made its clinic offline, adopted by the server) and B (joined with a code)."""
    a = server.terminal("POS-1")
    clinic_id = server.add_clinic(clinic_id=a.device().chain_id)
    answer = enroll(a, server.base_url, server.new_code(clinic_id))
    assert answer.chain_id == answer.branch_id == clinic_id
    joined = join_clinic(tmp_path / "b.sqlite", server.base_url, server.new_code(clinic_id), "POS-2")
    assert joined.chain_id == joined.branch_id == clinic_id
    b = Terminal.open(tmp_path / "b.sqlite")
    yield a, b
    a.close()
    b.close()


def test_a_joined_terminal_knows_its_chain_and_branch_before_the_first_pull(server: Server, tmp_path: Path) -> None:
    chain_id = server.add_clinic("บีเอ็น-ออร่า")
    answer = join_clinic(tmp_path / "new.sqlite", server.base_url, server.new_code(chain_id), "POS-9")
    with Terminal.open(tmp_path / "new.sqlite") as t:
        device, chain, branch = t.device(), t.chain(), t.branch()
        assert (device.chain_id, device.branch_id) == (answer.chain_id, answer.branch_id) == (chain_id, chain_id)
        assert (chain.id, chain.name) == (answer.chain_id, answer.chain_name) == (chain_id, "บีเอ็น-ออร่า")
        assert (branch.id, branch.chain_id, branch.name_th, branch.branch_code) == (
            answer.branch_id, chain_id, answer.branch_name, answer.branch_no
        )
        # Empty clocks: the branch's profile, when pulled, wins over these.
        assert (branch.hlc, branch.field_clocks, chain.hlc) == ("", {}, "")
        _sync(t)
        assert t.read(pending_count) == 0


def test_a_set_up_terminal_enrolls_with_its_branch_and_takes_the_chains_name(server: Server) -> None:
    a = server.terminal("POS-1")
    own = a.device().branch_id
    answer = enroll(a, server.base_url, server.new_code(server.add_clinic("เครือบนเซิร์ฟเวอร์", clinic_id=own)))
    assert answer.branch_id == own
    assert a.chain().name == answer.chain_name == "เครือบนเซิร์ฟเวอร์"
    assert a.branch().name_th != a.chain().name  # the branch keeps its own name


def test_two_terminals_sync_end_to_end(server: Server, pair: tuple[Terminal, Terminal]) -> None:
    a, b = pair
    cid = _register(a, "สมหญิง ใจดี", "081 234 5678")
    written = a.read(pending_count)  # branch.create, customer.register and its welcome points.record
    report_a = _sync(a)
    assert report_a.applied == report_a.pushed == written
    report_b = _sync(b)
    assert cid in report_b.changes.ids(Kind.CUSTOMER)
    assert [h.id for h in b.read(customer_service.search_customers, "สมหญิง")] == [cid]
    assert b.branch().name_th == a.branch().name_th
    # Offline edits of different fields on both, and a check-in on each.
    a_form = a.read(customer_service.get_customer, cid).form
    a.run(customer_service.update_customer, cid, a_form.with_changes(phone="089 999 0000"), actor=SYSTEM)
    b_form = b.read(customer_service.get_customer, cid).form
    b.run(customer_service.update_customer, cid, b_form.with_changes(nickname="หญิง"), actor=SYSTEM)
    a.run(customer_service.check_in, cid, actor=SYSTEM)
    b.run(customer_service.check_in, cid, actor=SYSTEM)
    outbox_b = _count(b, OutboxOperation)
    for t in (a, b, a):
        _sync(t)
    for t in (a, b):
        got = t.read(customer_service.get_customer, cid)
        assert (got.form.phone, got.form.nickname, got.visit_count) == ("089-999-0000", "หญิง", 2)
        assert t.read(pending_count) == 0
    assert _count(b, OutboxOperation) == outbox_b  # pulling wrote no operation
    assert b.read(lambda s: s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()) == outbox_b
    status = b.read(sync_status)
    assert status is not None and status.last_sync_at is not None and status.problems == 0


def test_a_lost_answer_is_resent_and_nothing_is_doubled(server: Server, pair: tuple[Terminal, Terminal]) -> None:
    a, b = pair
    cid = _register(a, "สมหญิง", "081 234 5678")
    a.run(customer_service.check_in, cid, actor=SYSTEM)
    ops = a.read(pending_operations, 100)
    with client_for(a) as client:
        client.push(a.device().device_id, ops)  # applied on the server; the answer is "lost"
    # Everything A wrote: the branch, the customer with its welcome points, the visit with its check-in points.
    assert a.read(pending_count) == len(ops) == a.device().last_seq
    report = _sync(a)
    assert (report.pushed, report.duplicates, report.applied) == (len(ops), len(ops), len(ops))
    assert a.read(pending_count) == 0
    with server.sessions() as s:
        applied = s.scalar(select(func.count()).select_from(AppliedOperation).where(AppliedOperation.device_id == a.device().device_id))
        visits = s.scalar(select(func.count()).select_from(Record).where(Record.entity == "visit", Record.chain_id == a.device().chain_id))
    assert (applied, visits) == (len(ops), 1)
    _sync(b)
    assert _count(b, Visit) == 1


def test_a_revoked_terminal_is_told_so(server: Server, pair: tuple[Terminal, Terminal]) -> None:
    a, _ = pair
    with server.sessions() as s:
        admin.revoke_device(s, a.device().device_id, now())
        s.commit()
    with pytest.raises(Unauthorized):
        _sync(a)
    status = a.read(sync_status)
    assert status is not None and status.last_error


def test_a_used_code_is_refused_and_the_new_database_can_try_again(server: Server, tmp_path: Path) -> None:
    clinic_id = server.add_clinic()
    code = server.new_code(clinic_id)
    join_clinic(tmp_path / "one.sqlite", server.base_url, code, "POS-1")
    with pytest.raises(EnrollmentRefused) as caught:
        join_clinic(tmp_path / "two.sqlite", server.base_url, code, "POS-2")
    assert caught.value.server_code == "code_used"
    from bnaura_desk.domain.errors import DatabaseProblem

    # Nothing was set up: the same database joins with a fresh code.
    join_clinic(tmp_path / "two.sqlite", server.base_url, server.new_code(clinic_id), "POS-2")
    with Terminal.open(tmp_path / "two.sqlite") as t:
        assert t.device().chain_id == clinic_id and t.device().device_name == "POS-2"
    # A set-up database is never turned into another clinic's terminal.
    with pytest.raises(DatabaseProblem):
        join_clinic(tmp_path / "two.sqlite", server.base_url, server.new_code(clinic_id), "POS-3")
