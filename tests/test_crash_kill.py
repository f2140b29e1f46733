"""Kill -9 a process in the middle of service calls; the database must stay whole.

A child process runs random customer use cases on a real database file and
is killed with SIGKILL at a random moment. After every kill the database is
opened again and checked: SQLite integrity, a gapless outbox matching
``device_state.last_seq``, exactly one audit entry per operation, and every
row equal to the fold of its operations (no change without its audit entry
and operation, no operation without its change): customers, visits,
consents, and the loyalty rows the use cases write with them (the welcome
and check-in points, achievements a check-in unlocks). A second test kills a
process registering customers in batches (``register_customers``, as a
large CSV import does): each batch is there whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import pytest

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.search import customer_terms
from bnaura_desk.terminal import Terminal

CHILD = Path(__file__).with_name("crash_child.py")
REPO = CHILD.parents[1]
FILES = 4  # fresh database files, each killed on round after round as it grows
FORKED_KILLS = 112  # children forked by the fork server
SPAWNED_KILLS = 8  # children started as a fresh interpreter: `python crash_child.py DB SEED`
# A child's first calls compile their statements (about 0.1 s for a registration with its welcome
# points): the window must reach well past them for the kills to land among real work.
MAX_DELAY_S = 0.350
TIMEOUT_S = 30.0
BULK_KILLS = 8  # children registering customers in batches (``crash_child.py --bulk``)
BULK_MAX_DELAY_S = 1.5  # a batch of 500 (with points and unlocks) takes about 0.6 s: most children commit some

PROFILE = (
    "name_th", "name_en", "nickname", "phone", "email", "line_id", "birthday", "gender",
    "skin_notes", "channels", "quiet_start", "quiet_end", "opted_out", "referral_code", "registered_branch_id",
)


class Broken(AssertionError):
    """The database after a kill breaks an invariant."""


@dataclass
class Census:
    ops: int
    customers: int
    visits: int
    consents: int
    points: int  # points entries (welcome, check-in, achievement awards)
    unlocks: int  # achievements unlocked


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise Broken(message)


def verify(path: Path) -> Census:
    """Check every invariant of a terminal database; return what it holds."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        con.execute("BEGIN")  # one snapshot for all the checks
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        _check(integrity == ["ok"], f"integrity_check: {integrity}")
        _check(con.execute("PRAGMA foreign_key_check").fetchall() == [], "foreign_key_check failed")

        ops = con.execute("SELECT * FROM outbox ORDER BY seq").fetchall()
        seqs = [op["seq"] for op in ops]
        _check(seqs == list(range(1, len(ops) + 1)), f"outbox sequence has a gap: {seqs[-5:]} of {len(ops)}")
        device = con.execute("SELECT * FROM device_state").fetchone()
        _check(device["last_seq"] == len(ops), f"last_seq {device['last_seq']} but {len(ops)} operations")
        if ops:
            _check(device["last_hlc"] >= ops[-1]["hlc"], "device clock is behind its last operation")

        audits = con.execute("SELECT * FROM audit_log").fetchall()
        by_seq = {a["op_seq"]: a for a in audits if a["op_seq"] is not None}
        _check(len(by_seq) == len(audits), "an audit entry without its operation")
        _check(set(by_seq) == set(seqs), "an operation without exactly one audit entry")

        customers: dict[str, dict[str, Any]] = {}
        visit_ops: dict[str, dict[str, Any]] = {}
        consent_ops: dict[str, dict[str, Any]] = {}
        points_ops: dict[str, tuple[dict[str, Any], str]] = {}  # entry id -> (record, hlc)
        unlock_ops: dict[str, tuple[dict[str, Any], str]] = {}
        registers = 0
        for op in ops:
            audit = by_seq[op["seq"]]
            _check(
                (audit["action"], audit["entity"], audit["entity_id"]) == (op["type"], op["entity"], op["entity_id"]),
                f"audit entry does not describe operation {op['seq']}",
            )
            _check(hashlib.sha256(op["payload"].encode()).hexdigest() == op["payload_sha256"], "payload hash")
            payload = json.loads(op["payload"])
            _check(payload.get("format") == 1, "payload format")
            kind, eid = op["type"], op["entity_id"]
            if kind == "customer.register":
                registers += 1
                _check(eid not in customers, f"customer {eid} registered twice")
                customers[eid] = {
                    "record": dict(payload["record"]), "clocks": dict.fromkeys(PROFILE, op["hlc"]), "hlc": op["hlc"],
                    "deleted": False,
                }
            elif kind == "customer.update":
                state = customers[eid]
                _check(not state["deleted"], "update after delete")
                state["record"].update(payload["fields"])
                state["clocks"].update({f: op["hlc"] for f in payload["fields"]})
                state["hlc"] = op["hlc"]
            elif kind == "customer.delete":
                customers[eid]["deleted"] = True
                customers[eid]["hlc"] = op["hlc"]
            elif kind == "visit.check_in":
                visit_ops[eid] = payload["record"]
            elif kind == "consent.record":
                consent_ops[eid] = payload["record"]
            elif kind == "points.record":
                # A ledger entry is written once: an award made twice (a derived id) would double points.
                _check(eid not in points_ops, f"points entry {eid} recorded twice")
                points_ops[eid] = (payload["record"], op["hlc"])
            elif kind == "achievement.unlock":
                _check(eid not in unlock_ops, f"achievement unlock {eid} recorded twice")
                unlock_ops[eid] = (payload["record"], op["hlc"])
            else:
                _check(kind == "branch.create", f"unexpected operation {kind}")

        rows = con.execute("SELECT * FROM customers").fetchall()
        _check(len(rows) == registers == len(customers), f"{len(rows)} customers but {registers} register operations")
        terms: dict[str, set[str]] = defaultdict(set)
        for r in con.execute("SELECT term, customer_id FROM customer_search_terms"):
            terms[r["customer_id"]].add(r["term"])
        for row in rows:
            folded = customers[row["id"]]
            stored = {k: row[k] for k in PROFILE}
            stored["channels"] = json.loads(stored["channels"])
            stored["opted_out"] = bool(stored["opted_out"])
            _check(stored == folded["record"], f"customer {row['id']} differs from its operations")
            clocks = field_clocks.expand(json.loads(row["field_clocks"]), row["hlc"], PROFILE)
            _check(clocks == folded["clocks"], f"field clocks of {row['id']}")
            _check(row["hlc"] == folded["hlc"], f"clock of {row['id']}")
            _check((row["deleted_at"] is not None) == folded["deleted"], f"tombstone of {row['id']}")
            expected = set() if folded["deleted"] else customer_terms(
                row["name_th"], row["name_en"], row["nickname"], row["phone"], row["referral_code"]
            )
            _check(terms.get(row["id"], set()) == expected, f"search terms of {row['id']}")
        _check(device["referral_counter"] >= len(rows), "referral counter behind the customers")

        visits = con.execute("SELECT * FROM visits").fetchall()
        _check(len(visits) == len(visit_ops), f"{len(visits)} visits but {len(visit_ops)} check-in operations")
        for v in visits:
            _check(visit_ops.get(v["id"], {}).get("customer_id") == v["customer_id"], f"visit {v['id']} has no op")
        consents = con.execute("SELECT * FROM consent_events").fetchall()
        _check(len(consents) == len(consent_ops), "consent events and their operations differ")
        for c in consents:
            rec = consent_ops.get(c["id"])
            _check(
                rec is not None
                and (rec["customer_id"], rec["purpose"], rec["granted"], rec["note"])
                == (c["customer_id"], c["purpose"], bool(c["granted"]), c["note"]),
                f"consent {c['id']} differs from its operation",
            )
        entries = con.execute("SELECT * FROM points_entries").fetchall()
        _check(len(entries) == len(points_ops), f"{len(entries)} points entries but {len(points_ops)} operations")
        for e in entries:
            _check(e["id"] in points_ops, f"points entry {e['id']} has no operation")
            rec, hlc = points_ops[e["id"]]
            _check(
                (rec["customer_id"], rec["kind"], rec["points"], rec["source"], rec["reason"], rec["staff_id"],
                 _moment(rec["at"]), _moment(rec["expires_at"]), hlc)
                == (e["customer_id"], e["kind"], e["points"], e["source"], e["reason"], e["staff_id"],
                    _moment(e["at"]), _moment(e["expires_at"]), e["hlc"]),
                f"points entry {e['id']} differs from its operation",
            )
        unlocks = con.execute("SELECT * FROM achievement_unlocks").fetchall()
        _check(len(unlocks) == len(unlock_ops), f"{len(unlocks)} unlocks but {len(unlock_ops)} operations")
        for u in unlocks:
            _check(u["id"] in unlock_ops, f"unlock {u['id']} has no operation")
            rec, hlc = unlock_ops[u["id"]]
            _check(
                (rec["customer_id"], rec["achievement"], rec["points"], rec["staff_id"], _moment(rec["at"]), hlc)
                == (u["customer_id"], u["achievement"], u["points"], u["staff_id"], _moment(u["at"]), u["hlc"]),
                f"unlock {u['id']} differs from its operation",
            )
        return Census(len(ops), len(rows), len(visits), len(consents), len(entries), len(unlocks))
    finally:
        con.close()


def _moment(text: str | None) -> datetime | None:
    """Parse a stored or journaled ISO-8601 time (the store writes ``...Z``, a record ``...+00:00``)."""
    return None if text is None else datetime.fromisoformat(text)


def _readline(stream: IO[str], what: str) -> str:
    ready, _, _ = select.select([stream], [], [], TIMEOUT_S)
    if not ready:
        raise AssertionError(f"no {what} line from the child within {TIMEOUT_S} s")
    return stream.readline().strip()


def _new_db(folder: Path, n: int) -> Path:
    path = folder / f"crash-{n}.sqlite"
    Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name=f"POS-{n}").close()
    return path


@pytest.mark.slow
def test_kill_9_during_service_calls_leaves_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(os.environ.get("BNAURA_CRASH_SEED", str(time.time_ns())))
    files = [_new_db(tmp_path, n) for n in range(FILES)]
    started = time.monotonic()
    stderr_path = tmp_path / "child-stderr.txt"
    kills = 0
    growth: list[int] = []  # operations committed by each killed child
    ops = {db: verify(db).ops for db in files}

    with stderr_path.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, str(CHILD), "--serve"],
            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True, bufsize=1,
        )
        assert server.stdin is not None and server.stdout is not None
        try:
            assert _readline(server.stdout, "serving") == "serving"
            for i in range(FORKED_KILLS):
                db = files[i % FILES]
                server.stdin.write(f"{db} {rng.randrange(2**32)}\n")
                server.stdin.flush()
                line = _readline(server.stdout, "ready")
                assert line.startswith("ready "), f"child failed to start: {line}\n{stderr_path.read_text()}"
                pid = int(line.split()[1])
                time.sleep(rng.uniform(0, MAX_DELAY_S))
                os.kill(pid, signal.SIGKILL)
                line = _readline(server.stdout, "dead")
                _, dead_pid, status = line.split()
                assert int(dead_pid) == pid
                assert os.WIFSIGNALED(int(status)) and os.WTERMSIG(int(status)) == signal.SIGKILL, (
                    f"child {pid} ended by itself ({status}) before the kill:\n{stderr_path.read_text()}"
                )
                kills += 1
                try:
                    after = verify(db).ops
                except Broken as broken:
                    raise AssertionError(f"after kill {kills} of {db.name}: {broken}") from None
                growth.append(after - ops[db])
                ops[db] = after
        finally:
            server.stdin.close()
            server.wait(timeout=TIMEOUT_S)

        for i in range(SPAWNED_KILLS):
            db = files[i % FILES]
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(db), str(rng.randrange(2**32))],
                cwd=REPO, stdout=subprocess.PIPE, stderr=stderr, text=True,
            )
            assert child.stdout is not None
            line = _readline(child.stdout, "ready")
            assert line == f"ready {child.pid}", f"child failed to start: {line}\n{stderr_path.read_text()}"
            time.sleep(rng.uniform(0, MAX_DELAY_S))
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=TIMEOUT_S) == -signal.SIGKILL
            kills += 1
            try:
                after = verify(db).ops
            except Broken as broken:
                raise AssertionError(f"after spawned kill {i} of {db.name}: {broken}") from None
            growth.append(after - ops[db])
            ops[db] = after

    elapsed = time.monotonic() - started
    census = [verify(db) for db in files]
    # The app itself reopens every file and keeps working.
    for db in files:
        with Terminal.open(db) as t:
            assert t.device().last_seq == verify(db).ops
    print(
        f"\n{kills} kills in {elapsed:.1f} s ({sum(1 for g in growth if g > 0)} after a commit); "
        f"{sum(growth)} operations committed; "
        f"databases: {[(c.ops, c.customers, c.visits, c.consents, c.points, c.unlocks) for c in census]}"
    )
    assert kills >= 100
    # The kills landed among real work, not only before the first call.
    assert sum(1 for g in growth if g > 0) >= kills // 2
    assert sum(c.customers for c in census) > 100 and all(c.visits and c.consents for c in census)


@pytest.mark.slow
def test_kill_9_during_bulk_registration_leaves_whole_batches(tmp_path: Path) -> None:
    """A process registering customers in batches (a large CSV import) is killed; each batch is all or nothing."""
    from tests.crash_child import BULK

    rng = random.Random(os.environ.get("BNAURA_CRASH_SEED", str(time.time_ns())))
    db = _new_db(tmp_path, 0)
    stderr_path = tmp_path / "child-stderr.txt"
    before = verify(db)
    committed: list[int] = []  # customers each killed child committed
    with stderr_path.open("w") as stderr:
        for _ in range(BULK_KILLS):
            child = subprocess.Popen(
                [sys.executable, str(CHILD), "--bulk", str(db), str(rng.randrange(2**32))],
                cwd=REPO, stdout=subprocess.PIPE, stderr=stderr, text=True,
            )
            assert child.stdout is not None
            line = _readline(child.stdout, "ready")
            assert line == f"ready {child.pid}", f"child failed to start: {line}\n{stderr_path.read_text()}"
            time.sleep(rng.uniform(0.2, BULK_MAX_DELAY_S))
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=TIMEOUT_S) == -signal.SIGKILL
            try:
                after = verify(db)  # every row with its operation and audit entry, search terms, gapless outbox
            except Broken as broken:
                raise AssertionError(f"after bulk kill {len(committed) + 1}: {broken}") from None
            assert after.customers % BULK == 0, f"{after.customers} customers: a batch was cut"
            committed.append(after.customers - before.customers)
            before = after
    print(f"\nbulk kills: customers committed per child {committed}; {before}")
    assert before.customers >= BULK and before.visits and before.consents  # the kills landed among real work
    with Terminal.open(db) as t:
        assert t.device().last_seq == verify(db).ops


def test_the_checker_sees_broken_databases(tmp_path: Path) -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    from bnaura_desk.domain.customer import CustomerForm
    from bnaura_desk.services import customers as svc
    from bnaura_desk.services.context import SYSTEM

    def fresh(n: int) -> Path:
        path = _new_db(tmp_path, n)
        with Terminal.open(path) as t:
            # Born this month: the check-in unlocks the secret birthday-visit achievement and its award.
            born = date(1990, datetime.now(ZoneInfo("Asia/Bangkok")).month, 1)
            form = CustomerForm(name_th="ก", phone="0812345678", birthday=born)
            cid = t.run(svc.register_customer, form, actor=SYSTEM).result
            t.run(svc.check_in, cid, actor=SYSTEM)
            t.run(svc.update_customer, cid, form.with_changes(name_th="ข"), actor=SYSTEM)
        census = verify(path)
        # The branch; the customer and its welcome points; the visit, its check-in points, the unlock and
        # its award; the edit.
        assert census == Census(ops=1 + 2 + 4 + 1, customers=1, visits=1, consents=0, points=3, unlocks=1)
        return path

    breakages = [
        # a visit without its operation
        "INSERT INTO visits SELECT 'v2', chain_id, customer_id, checked_in_at, staff_id, device_id, hlc, branch_id FROM visits",
        # a change without its operation
        "UPDATE customers SET nickname = 'x'",
        # a gap in the outbox
        "DROP TRIGGER outbox_no_delete; DELETE FROM outbox WHERE seq = 2",
        # last_seq ahead of the outbox
        "UPDATE device_state SET last_seq = last_seq + 1",
        # an audit entry lost
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE op_seq = 3",
        # search terms out of step
        "DELETE FROM customer_search_terms WHERE term = (SELECT min(term) FROM customer_search_terms)",
        # a points entry without its operation
        (
            "INSERT INTO points_entries (id, chain_id, customer_id, kind, points, source, reason, at, expires_at,"
            " staff_id, hlc) SELECT 'p2', chain_id, customer_id, kind, points, source, reason, at, expires_at,"
            " staff_id, hlc FROM points_entries LIMIT 1"
        ),
        # points that differ from their operation
        "DROP TRIGGER points_entries_no_update; UPDATE points_entries SET points = points + 1",
        # an unlock lost, its operation kept
        "DROP TRIGGER achievement_unlocks_no_delete; DELETE FROM achievement_unlocks",
    ]
    for n, sql in enumerate(breakages):
        path = fresh(n)
        con = sqlite3.connect(path)
        con.executescript(sql)
        con.close()
        with pytest.raises(Broken):
            verify(path)
