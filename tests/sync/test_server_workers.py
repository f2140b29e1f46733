"""Several server processes in front of one PostgreSQL: exactly once still holds.

``bnaura server --workers 3`` over the session's PostgreSQL schema; requests
race from threads. Safety comes from row locks, unique constraints and
transactions in the database, never from a lock inside one process.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.store.types import canonical_json
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Operation
from sync.server.models import AppliedOperation, ChangeEntry, Device, Record, ServerChain

from .conftest import REPO, Enrolled, Server, free_port

pytestmark = pytest.mark.parametrize("server", ["postgresql"], indirect=True)


@pytest.fixture(scope="module")
def workers(server: Server) -> Iterator[str]:
    """The base URL of a second, three-process server over the same PostgreSQL schema."""
    port = free_port()
    log = open(server.tmp / f"workers-{port}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "bnaura_desk.cli", "server", "--db", server.serving_url, "--port", str(port),
         "--workers", "3", "--log-level", "warning", "--forwarded-allow-ips", "127.0.0.1"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        assert process.poll() is None, (server.tmp / f"workers-{port}.log").read_text()
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "the three-worker server did not start"
        time.sleep(0.05)
    yield base
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def _race(n: int, call: Any) -> list[httpx.Response]:
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda i: call(i), range(n)))


def test_one_code_raced_by_eight_terminals_enrolls_exactly_one(server: Server, workers: str) -> None:
    terminals = [server.terminal(f"POS-{i}") for i in range(8)]
    clinic = server.add_clinic()
    code = server.new_code(clinic)

    def attempt(i: int) -> httpx.Response:
        body = server.enroll_body(terminals[i], code, claim_clinic=False)
        headers = {"X-Forwarded-For": f"10.200.0.{i + 1}", PROTOCOL_HEADER: "1"}
        return httpx.post(f"{workers}/v1/enroll", json=body, headers=headers, timeout=30)

    answers = _race(8, attempt)
    assert Counter(r.status_code for r in answers) == {200: 1, 410: 7}, [r.text for r in answers]
    assert {r.json()["code"] for r in answers if r.status_code == 410} == {"code_used"}
    with server.sessions() as s:
        assert len(list(s.scalars(select(Device).where(Device.chain_id == clinic)))) == 1


def test_one_batch_raced_through_three_processes_applies_each_operation_once(
    server: Server, enrolled: Enrolled, workers: str
) -> None:
    for i in range(5):
        enrolled.register(f"พร้อมกัน {i}", f"08555555{i:02d}")
    ops = enrolled.operations()
    body = {"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id, "operations": [op.model_dump() for op in ops]}
    headers = {"Authorization": f"Bearer {enrolled.token}", PROTOCOL_HEADER: "1"}

    answers = _race(8, lambda i: httpx.post(f"{workers}/v1/push", json=body, headers=headers, timeout=60))
    assert {r.status_code for r in answers} == {200}, [r.text for r in answers]
    for r in answers:
        assert [x["seq"] for x in r.json()["results"]] == [op.seq for op in ops]
        assert r.json()["next_seq"] == len(ops) + 1
    applied = Counter(x["outcome"] for r in answers for x in r.json()["results"])
    assert applied == {"applied": len(ops), "duplicate": 7 * len(ops)}
    with server.sessions() as s:
        seqs = list(s.scalars(select(AppliedOperation.seq).where(AppliedOperation.device_id == enrolled.device_id)))
        assert sorted(seqs) == [op.seq for op in ops]
        _assert_gapless_feed(s, enrolled.clinic_id)


def _ledger_ops(device: str, clinic: str, n: int) -> list[Operation]:
    """Check-ins (a ledger) as a terminal of ``clinic`` would write them."""
    ops = []
    wall = int(time.time() * 1000)
    for seq in range(1, n + 1):
        visit = str(uuid.uuid4())
        payload = canonical_json({"format": 1, "record": {"id": visit, "customer_id": None}})
        ops.append(Operation(
            device_id=device, seq=seq, op_id=str(uuid.uuid4()), clinic_id=clinic, type="visit.check_in",
            entity="visit", entity_id=visit, hlc=Hlc(wall + seq, 0, device).encode(), actor_id=None,
            payload=payload, payload_sha256=hashlib.sha256(payload.encode()).hexdigest(),
        ))
    return ops


def test_devices_of_one_clinic_pushing_at_once_get_a_gapless_change_feed(
    server: Server, enrolled: Enrolled, workers: str
) -> None:
    others = [server.enrolled(clinic_id=enrolled.clinic_id) for _ in range(3)]
    batches = [_ledger_ops(o.device_id, enrolled.clinic_id, 15) for o in others]

    def push(i: int) -> httpx.Response:
        o = others[i % 3]
        ops = batches[i % 3]
        body = {"protocol": PROTOCOL_VERSION, "device_id": o.device_id, "operations": [op.model_dump() for op in ops]}
        return httpx.post(f"{workers}/v1/push", json=body, timeout=60,
                          headers={"Authorization": f"Bearer {o.token}", PROTOCOL_HEADER: "1"})

    answers = _race(6, push)  # each device's batch twice, all at once
    assert {r.status_code for r in answers} == {200}, [r.text for r in answers]
    with server.sessions() as s:
        feed = _assert_gapless_feed(s, enrolled.clinic_id)
        # The chain and its branch as the owner added them (cursors 1 and 2), then the 45 operations.
        assert [f.entity for f in feed[:2]] == ["chain", "branch"] and len(feed) == 47
    pulled = enrolled.pull().json()
    assert [c["cursor"] for c in pulled["changes"]] == list(range(1, 48))


def _assert_gapless_feed(s: Any, clinic_id: str) -> list[ChangeEntry]:
    feed = list(s.scalars(select(ChangeEntry).where(ChangeEntry.chain_id == clinic_id).order_by(ChangeEntry.cursor)))
    clinic = s.get(ServerChain, clinic_id)
    assert [c.cursor for c in feed] == list(range(1, clinic.last_cursor + 1))
    latest = {(c.entity, c.entity_id): c.cursor for c in feed}
    rows = {(r.entity, r.id): r.cursor for r in s.scalars(select(Record).where(Record.chain_id == clinic_id))}
    assert rows == latest
    return feed


def test_the_wrong_code_limit_holds_across_processes(server: Server, workers: str) -> None:
    terminal = server.terminal()
    body = server.enroll_body(terminal, "2345-6789-ABCD", claim_clinic=False)
    statuses = []
    for _ in range(14):  # a new connection each time: the requests spread over the processes
        headers = {"X-Forwarded-For": "10.201.0.1", PROTOCOL_HEADER: "1"}
        r = httpx.post(f"{workers}/v1/enroll", json=body, headers=headers, timeout=30)
        statuses.append(r.status_code)
    assert statuses == [403] * 10 + [429] * 4
