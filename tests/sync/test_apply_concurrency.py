"""Many connections pushing at once, on SQLite (file) and on PostgreSQL.

The same batch pushed by 20 connections for one device (a terminal whose
retries overlap, or a load balancer that resent a request): each operation
is applied once, every connection gets the full answer (applied or the
stored outcome) or a clean refusal, never an unexpected exception. Five
devices of one clinic pushing at once: the clinic's change cursors are
strictly increasing with no gap or duplicate, so a puller that reads the
feed in cursor order misses nothing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bnaura_desk.domain import field_clocks
from sync.protocol import Operation, PushResponse
from sync.server.apply import ApplyRefused
from sync.server.db import server_engine, session_factory
from sync.server.models import ChangeEntry, Record, ServerChain

from .apply_support import (
    CLINIC_ID,
    Outbox,
    ServerDb,
    applied_seqs,
    check_change_feed,
    create_server_db,
    fixed_id,
    next_seq,
    postgres_schema,
    require_postgres,
    sqlite_url,
)

THREADS = 20


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "server.sqlite")
        return
    require_postgres()
    with postgres_schema() as schema_url:
        yield schema_url


def run_at_once(jobs: list[Any]) -> list[Any]:
    """Run the callables on their own threads, released together; return results or exceptions."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(n: int) -> None:
        barrier.wait()
        try:
            results[n] = jobs[n]()
        except BaseException as error:  # noqa: BLE001 - collected and judged by the test
            results[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "a push hung"
    return results


def own_server(db: ServerDb) -> ServerDb:
    """Another server process on the same database: its own engine and connections."""
    engine = server_engine(db.url)
    return ServerDb(db.url, engine, session_factory(engine), db.clinic_id, db.device_ids)


def mixed_batch(box: Outbox, count: int, tag: int) -> list[Operation]:
    ops: list[Operation] = []
    customers = [fixed_id(0xCD, tag * 1000 + n) for n in range(count // 4 + 1)]
    for n in range(count):
        c = customers[n // 4]
        kind = n % 4
        if kind == 0:
            ops.append(box.register(c, {"name_th": f"ลูกค้า {n}", "phone": "080"}))
        elif kind == 1:
            ops.append(box.update(c, {"phone": f"08{n}"}))
        elif kind == 2:
            ops.append(box.check_in(fixed_id(0xDA, tag * 1000 + n), {"customer_id": c}))
        else:
            ops.append(box.update(c, {"skin_notes": f"n{n}"}))
    return ops


def test_the_same_batch_from_20_connections_is_applied_once(url: str) -> None:
    db = create_server_db(url, 1)
    dev = db.device_ids[0]
    box = Outbox(dev)
    head = mixed_batch(box, 4, 1)
    db.push(dev, head)  # some of the batch already applied before the storm
    batch = [*head, *mixed_batch(box, 36, 2)]
    servers = [own_server(db) for _ in range(THREADS)]
    try:
        results = run_at_once([lambda s=s: s.push(dev, batch) for s in servers])
    finally:
        for s in servers:
            s.close()

    unexpected = [r for r in results if isinstance(r, BaseException) and not isinstance(r, ApplyRefused)]
    assert unexpected == [], [repr(e) for e in unexpected]
    refused = [r for r in results if isinstance(r, ApplyRefused)]
    assert all(r.status == 409 for r in refused), [(r.code, r.message) for r in refused]
    answers = [r for r in results if isinstance(r, PushResponse)]
    assert answers, "at least one connection got the full answer"
    applied_by: dict[int, int] = {}
    for answer in answers:
        assert [r.seq for r in answer.results] == [op.seq for op in batch]
        assert answer.next_seq == len(batch) + 1
        for r in answer.results:
            assert r.outcome in ("applied", "duplicate"), r
            assert r.outcome == "applied" or r.reason == "applied", r
            if r.outcome == "applied":
                applied_by[r.seq] = applied_by.get(r.seq, 0) + 1
    assert sorted(applied_by) == list(range(5, len(batch) + 1)) or len(answers) < THREADS
    assert all(n == 1 for n in applied_by.values()), "an operation was applied twice"

    with db.sessions() as s:
        assert applied_seqs(s, dev) == list(range(1, len(batch) + 1))
        assert next_seq(s, dev) == len(batch) + 1
        visits = s.scalars(select(Record.id).where(Record.entity == "visit")).all()
        assert len(visits) == len({op.entity_id for op in batch if op.type == "visit.check_in"})
        for c in {op.entity_id for op in batch if op.type == "customer.register"}:
            row = s.get(Record, (CLINIC_ID, "customer", c))
            phones = [json.loads(op.payload)["fields"].get("phone") for op in batch if op.entity_id == c and op.type == "customer.update"]
            assert row is not None and row.data["phone"] == [p for p in phones if p is not None][-1]
        check_change_feed(s)
    db.close()


# A field of the shared customer per device, besides the one they all edit.
OWN_FIELDS = ("name_en", "nickname", "email", "line_id", "skin_notes")


def test_five_devices_pushing_at_once_get_one_gapless_change_feed(url: str) -> None:
    db = create_server_db(url, 5)
    boxes = [Outbox(dev) for dev in db.device_ids]
    shared = fixed_id(0xCE, 1)
    db.push(boxes[0].device, [boxes[0].register(shared, {"name_th": "ร่วม", "phone": "0", "skin_notes": "0"})])
    batches: dict[str, list[Operation]] = {}
    for n, box in enumerate(boxes):
        ops = mixed_batch(box, 20, 10 + n)
        # every device also edits the shared customer: another field each, and one field all together
        ops += [box.update(shared, {OWN_FIELDS[n]: str(n), "phone": f"from {n}"}, advance_ms=1 + n)]
        batches[box.device] = ops
    servers = [own_server(db) for _ in boxes]
    seen: list[tuple[int, str, str]] = []
    stop = threading.Event()

    def puller() -> None:
        """Read the feed in cursor order while the pushes run, as a terminal's pull would."""
        reader = own_server(db)
        after = 0
        try:
            while not stop.is_set() or after < final_cursor():
                with reader.sessions() as s:
                    page = s.execute(
                        select(ChangeEntry.cursor, ChangeEntry.entity, ChangeEntry.entity_id)
                        .where(ChangeEntry.chain_id == db.clinic_id, ChangeEntry.cursor > after)
                        .order_by(ChangeEntry.cursor).limit(50)
                    ).all()
                for row in page:
                    seen.append(tuple(row))
                    after = row[0]
        finally:
            reader.close()

    def final_cursor() -> int:
        with db.sessions() as s:
            clinic = s.get(ServerChain, db.clinic_id)
            assert clinic is not None
            return clinic.last_cursor

    pull = threading.Thread(target=puller)
    pull.start()
    try:
        results = run_at_once([lambda s=s, b=b: s.push(b.device, batches[b.device]) for s, b in zip(servers, boxes)])
    finally:
        stop.set()
        pull.join(120)
        for s in servers:
            s.close()
    assert all(isinstance(r, PushResponse) for r in results), [repr(r) for r in results]

    with db.sessions() as s:
        for box in boxes:
            assert applied_seqs(s, box.device) == list(range(1, len(batches[box.device]) + 1 + (box is boxes[0])))
        feed = check_change_feed(s)
        row = s.get(Record, (CLINIC_ID, "customer", shared))
        assert row is not None
        for n in range(5):
            assert row.data[OWN_FIELDS[n]] == str(n), "a concurrent edit of another field was lost"
        winner = max((b[-1] for b in batches.values()), key=lambda op: op.hlc)
        assert field_clocks.clock_of(row.field_clocks, row.hlc, "phone") == winner.hlc
    cursors = [c for c, _, _ in seen]
    assert cursors == list(range(1, len(feed) + 1)), "the puller skipped or repeated a cursor"
    assert seen == [(c.cursor, c.entity, c.entity_id) for c in feed]
    db.close()
