"""A member's balance, tier and expiring-soon points, read from a large ledger.

Usage::

    .venv/bin/python -m bench.points_summary [--db /tmp/points.sqlite] [--n 300] [--json]

Builds (once; an existing ``--db`` is reused as it is) a real terminal
database (``Terminal.create``, every migration) holding:

- one member with 5,000 ledger rows over about three years: about 2,600
  earned lots, 650 spends and an expiry for every lot past its time (the
  daily job's rows, ids derived from their lot);
- one member with about 20 rows;
- ``--others`` more members (100,000 by default) with about 20 rows each,
  so that the ledger tables (about two million rows) and their indexes are
  the size of a busy clinic's, written with raw ``sqlite3`` inserts.

Then, in one warm process, times ``n`` calls of each, interleaved:

- ``terminal.read(points_summary, member, now)`` (balance, tier,
  progress and points expiring within 30 days: issue 11's benchmark,
  target p95 under 5 ms for the 5,000-row member), a look at a ledger
  unchanged since the last look (``services.points_folds`` kept its fold);
- the same as the first look after a change (every kept fold forgotten
  first: the whole ledger read and folded);
- ``terminal.read(member_loyalty, member, now)`` (the loyalty panel's
  read: the same plus the member's whole history as lines).

Each call is timed with ``time.perf_counter`` around the read (session,
read transaction and all), and its CPU time with ``time.thread_time``
(on a loaded machine the wall time also counts the waits for a core). The
results are checked against a fold of the raw rows, so a fast wrong
answer does not count.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from bnaura_desk.domain.points import EntryKind, PointEntry, expiry_id, fold, lot_expiry
from bnaura_desk.services.loyalty import PointsSummary, points_summary
from bnaura_desk.services.member_statement import MemberLoyalty, member_loyalty
from bnaura_desk.services.points_folds import forget_kept_folds
from bnaura_desk.terminal import Terminal

from ._common import machine, percentiles, table

TARGET_P95_MS = 5.0
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
YEARS = 3
BIG = "0190a000-0000-7000-8000-00000000b16b"  # the member with 5,000 rows
SMALL = "0190a000-0000-7000-8000-0000000005ad"  # the member with about 20


def _text(moment: datetime) -> str:
    # How store.types.UtcDateTime writes a time.
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def ledger(rng: random.Random, customer_id: str, rows: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Return ``points_entries`` and ``points_expiries`` rows of one member: about ``rows`` in all.

    Earns are 4/5 of the entries and spends 1/5 (each spend about 30 % of
    what is earned on average), at random moments over the last three
    years; every lot past its time by ``NOW`` has its expiry row.
    """
    start = NOW - timedelta(days=365 * YEARS)
    span = (NOW - start).total_seconds()
    # Earned lots of the first two years expire by NOW: entries + 2/3 of earns = rows.
    count = max(2, round(rows / (1 + 0.8 * 2 / 3)))
    moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(count))
    entries: list[tuple[object, ...]] = []
    expiries: list[tuple[object, ...]] = []
    for at in moments:
        entry_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if rng.random() < 0.8:
            points = rng.choice((10, 10, 50, 100, 100, 150, 300, 800))
            expires = lot_expiry(at)
            entries.append((entry_id, customer_id, "earn", points, "purchase", "", _text(at), _text(expires)))
            if expires <= NOW:
                expiries.append((expiry_id(entry_id), customer_id, entry_id, _text(expires)))
        else:
            points = rng.choice((100, 200, 300, 500))
            entries.append((entry_id, customer_id, "spend", points, "reward", "", _text(at), None))
    return entries, expiries


CUSTOMER_COLUMNS = (
    "id", "chain_id", "name_th", "name_en", "nickname", "phone", "email", "line_id", "birthday", "gender", "skin_notes",
    "channels", "quiet_start", "quiet_end", "opted_out", "referral_code", "registered_branch_id", "created_at",
    "updated_at", "hlc", "field_clocks", "deleted_at",
)


def _customer_row(chain_id: str, customer_id: str, i: int) -> tuple[object, ...]:
    created = _text(NOW - timedelta(days=365 * YEARS))
    return (customer_id, chain_id, f"ลูกค้า {i}", f"Customer {i}", "", f"08{i:08d}", "", "", None, "unspecified", "",
            "[]", None, None, 0, f"B{i:09d}", None, created, created, "0", "{}", None)


def build(path: Path, others: int, seed: int) -> None:
    """Make the terminal database at ``path`` with the members described in the module's docstring."""
    Terminal.create(path, clinic_name="Bench", device_name="bench").close()
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-400000")
        chain_id = con.execute("SELECT id FROM chains").fetchone()[0]
        con.execute("BEGIN")
        customers = f"INSERT INTO customers ({', '.join(CUSTOMER_COLUMNS)}) VALUES ({', '.join('?' * 22)})"
        entries_sql = ("INSERT INTO points_entries (id, chain_id, customer_id, kind, points, source, reason, at,"
                       " expires_at, staff_id, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '0')")
        expiries_sql = "INSERT INTO points_expiries (id, chain_id, customer_id, lot_id, at, hlc) VALUES (?, ?, ?, ?, ?, '0')"

        def add(customer_id: str, i: int, rows: int) -> None:
            con.execute(customers, _customer_row(chain_id, customer_id, i))
            entries, expiries = ledger(rng, customer_id, rows)
            con.executemany(entries_sql, [(e[0], chain_id, *e[1:]) for e in entries])
            con.executemany(expiries_sql, [(x[0], chain_id, *x[1:]) for x in expiries])

        add(BIG, 0, 5_000)
        add(SMALL, 1, 20)
        for i in range(others):
            add(str(uuid.UUID(int=rng.getrandbits(128), version=4)), i + 2, rng.randint(12, 28))
            if i % 10_000 == 9_999:
                con.execute("COMMIT")
                con.execute("BEGIN")
        con.execute("COMMIT")
        con.execute("ANALYZE")
    finally:
        con.close()


def expected(path: Path, customer_id: str) -> tuple[int, int]:
    """Return (balance, lifetime earned) by folding the member's raw rows (the check of the timed answers)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def when(text: str) -> datetime:
            return datetime.fromisoformat(text)

        entries = [
            PointEntry(i, EntryKind(k), p, when(a), when(x) if x else None)
            for i, k, p, a, x in con.execute(
                "SELECT id, kind, points, at, expires_at FROM points_entries WHERE customer_id = ?", (customer_id,))
        ]
        entries += [
            PointEntry(i, EntryKind.EXPIRE, 0, when(a), lot_id=lot)
            for i, lot, a in con.execute(
                "SELECT id, lot_id, at FROM points_expiries WHERE customer_id = ?", (customer_id,))
        ]
    finally:
        con.close()
    statement = fold(entries, NOW)
    return statement.balance, statement.lifetime_earned


def count_rows(path: Path, customer_id: str) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute(
            "SELECT (SELECT count(*) FROM points_entries WHERE customer_id = ?)"
            " + (SELECT count(*) FROM points_expiries WHERE customer_id = ?)", (customer_id, customer_id)).fetchone()[0])
    finally:
        con.close()


def first_look(session: Session, customer_id: str, now: datetime) -> PointsSummary:
    """``points_summary`` with no fold kept: the look after the member's ledger changed."""
    forget_kept_folds()
    return points_summary(session, customer_id, now)


def run(path: Path, n: int, freeze: bool = False) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """Return the wall-time and the CPU-time percentiles of each read.

    ``freeze``: after the warm-up, ``gc.freeze()`` the process's objects so
    that the collector's full passes, which the thousands of objects of a
    long ledger's read set off, no longer walk them (what an app may do
    once started).
    """
    checks = {c: expected(path, c) for c in (BIG, SMALL)}
    rows = {c: count_rows(path, c) for c in (BIG, SMALL)}
    samples: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    terminal = Terminal.open(path, read_only=True)
    try:
        calls = [
            (f"points_summary, {rows[BIG]:,} rows", points_summary, BIG),
            (f"points_summary, {rows[BIG]:,} rows, first look", first_look, BIG),
            (f"points_summary, {rows[SMALL]} rows", points_summary, SMALL),
            (f"member_loyalty (panel), {rows[BIG]:,} rows", member_loyalty, BIG),
            (f"member_loyalty (panel), {rows[SMALL]} rows", member_loyalty, SMALL),
        ]
        for _ in range(10):  # warm up: imports, statement caches, the file's pages
            for _name, query, member in calls:
                terminal.read(query, member, NOW)
        if freeze:
            gc.collect()
            gc.freeze()
        for _ in range(n):
            for name, query, member in calls:
                began, began_cpu = time.perf_counter(), time.thread_time()
                answer = terminal.read(query, member, NOW)
                samples.setdefault(name, []).append(time.perf_counter() - began)
                cpu.setdefault(name, []).append(time.thread_time() - began_cpu)
                summary = answer.summary if isinstance(answer, MemberLoyalty) else answer
                assert isinstance(summary, PointsSummary)
                if (summary.balance, summary.statement.lifetime_earned) != checks[member]:
                    raise SystemExit(f"{name}: wrong answer {summary.balance} vs {checks[member]}")
    finally:
        terminal.close()
    return ({name: percentiles(s) for name, s in samples.items()},
            {name: percentiles(s) for name, s in cpu.items()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-points.sqlite"))
    parser.add_argument("--n", type=int, default=300, help="timed calls of each read")
    parser.add_argument("--others", type=int, default=100_000, help="other members, about 20 rows each")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after the warm-up")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.db.exists():
        began = time.perf_counter()
        build(args.db, args.others, args.seed)
        print(f"built {args.db} in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    with open("/proc/loadavg") as f:
        load_before = f.read().split()[:3]
    results, cpu = run(args.db, args.n, args.gc_freeze)
    with open("/proc/loadavg") as f:
        load = load_before + f.read().split()[:3]
    big = next(iter(results.values()))  # points_summary of the 5,000-row member comes first
    met = big["p95"] < TARGET_P95_MS
    if args.json:
        print(json.dumps({"machine": machine(), "load": load, "wall": results, "cpu": cpu, "met": met}, indent=2))
    else:
        print(json.dumps(machine()))
        print(f"load average before {' '.join(load[:3])}, after {' '.join(load[3:])}")
        print("wall time:")
        print(table(list(results.items())))
        print("CPU time of the reading thread:")
        print(table(list(cpu.items())))
        print(f"target p95 < {TARGET_P95_MS} ms (5,000 rows): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
