"""The nightly loyalty jobs at the chain's size: 1,000,000 members, 20 million points entries.

Usage::

    .venv/bin/python -m bench.loyalty_jobs [--customers 1000000] [--entries 20000000] [--catch-up]
        [--code DIR] [--keep PATH] [--cache DIR] [--json]

Builds once (raw SQL, cached in ``--cache``, default ``/work/bench-cache``)
a terminal database: ``Terminal.create``, then the members and their
ledger inserted with ``INSERT ... SELECT`` over a recursive CTE:

- members with birthdays spread over the months, 1 % deleted;
- ``--entries`` points entries spread evenly over the 395 days before
  tonight (``TONIGHT``), 92 % earned lots (1 to 480 points, expiring 12
  months later) and 8 % spends; each member has the same number of
  entries, at times spread over the 13 months;
- the ledger "settled" as of 31 days before tonight: an expiry row (with
  its real derived id) for every lot expired by then, a tier change to
  every member's lifetime tier then, and the birthday points of members
  born in that month.

Then, on a copy, each timed step is ``run_daily_jobs`` in a fresh process
(``Terminal.open`` with a fixed clock, the system actor), reporting its
wall time and the process's peak resident memory (``VmHWM``):

- without ``--catch-up``, the copy is first settled (SQL again) up to a
  day before tonight, as if the job had run every night; ``--catch-up``
  instead runs the job itself a day before tonight, as a terminal that
  was off for a month would (about 1.4 million lots due, a month's
  birthdays and tier changes), then runs it again (nothing to do);
- tonight's run (a day's lots, about 46,000), then again (nothing to do).

``--code DIR`` runs the job of another checkout (its ``bnaura_desk``), to
compare before and after on the same database. Targets (issue 11):
tonight's run under 5 minutes and 500 MB; a run that finds nothing to do
under 30 s. Exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ._common import machine

TONIGHT = datetime(2026, 12, 15, 13, 0, tzinfo=UTC)  # 20:00 in Bangkok
SPAN_DAYS = 395
SETTLED_DAYS = 31  # the cached database is settled this many days before tonight
TARGET_S, TARGET_MB, IDLE_TARGET_S = 300.0, 500.0, 30.0
BUILD_FORMAT = 1  # bump when the built database changes

# Run in a fresh process, in the checkout under test (its bnaura_desk first on the path).
CHILD = """
import json, resource, sys, time
from datetime import datetime
started = time.perf_counter()
from bnaura_desk.terminal import Terminal
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.loyalty import run_daily_jobs
now = datetime.fromisoformat(sys.argv[2])
def high_water_mb():
    # This process's own peak (VmHWM): ru_maxrss would count the parent's memory before exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

terminal = Terminal.open(sys.argv[1], clock=lambda: now)
rss_before = high_water_mb()
job_started = time.perf_counter()
cpu_started = resource.getrusage(resource.RUSAGE_SELF)
report = terminal.run(run_daily_jobs, actor=SYSTEM).result
job_s = time.perf_counter() - job_started
cpu = resource.getrusage(resource.RUSAGE_SELF)
cpu_s = cpu.ru_utime + cpu.ru_stime - cpu_started.ru_utime - cpu_started.ru_stime
terminal.close()
print(json.dumps({"job_s": job_s, "cpu_s": cpu_s, "process_s": time.perf_counter() - started,
                  "rss_before_mb": rss_before, "peak_rss_mb": high_water_mb(),
                  "expired": report.expired, "birthdays": report.birthdays,
                  "tier_changes": report.tier_changes}))
"""


def stamp(moment: datetime) -> str:
    """Return ``moment`` as the store's UTC text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _functions(con: sqlite3.Connection) -> None:
    from bnaura_desk.domain.loyalty_program import PointsSource, award_id, tier_change_id
    from bnaura_desk.domain.points import expiry_id

    con.create_function("expiry_id", 1, expiry_id, deterministic=True)
    con.create_function("tier_change_id", 4, tier_change_id, deterministic=True)
    con.create_function("birthday_id", 2, lambda c, y: award_id(PointsSource.BIRTHDAY, c, y), deterministic=True)


def _tier_case(column: str) -> str:
    from bnaura_desk.domain.loyalty_program import DEFAULT_PROGRAM

    whens = " ".join(f"WHEN {column} >= {t.threshold} THEN '{t.key}'" for t in reversed(DEFAULT_PROGRAM.tiers))
    return f"CASE {whens} END"


def settle(con: sqlite3.Connection, upto: datetime) -> dict[str, int]:
    """Write, without the journal, what nightly runs up to ``upto`` would have: expiries, birthdays, tier changes."""
    from bnaura_desk.domain.loyalty_program import BANGKOK, month_start, tier_period

    _functions(con)
    con.execute("PRAGMA cache_size=-1000000")
    chain_id, hlc = con.execute("SELECT chain_id, last_hlc FROM device_state").fetchone()
    hlc = hlc or "0000000000000.00000.bench"
    before = con.total_changes
    con.execute(
        "INSERT INTO points_expiries (id, chain_id, customer_id, lot_id, at, hlc) "
        "SELECT expiry_id(e.id), e.chain_id, e.customer_id, e.id, e.expires_at, ? FROM points_entries e "
        "WHERE e.expires_at <= ? AND NOT EXISTS (SELECT 1 FROM points_expiries x WHERE x.lot_id = e.id)",
        (hlc, stamp(upto)),
    )
    expired = con.total_changes - before
    local = upto.astimezone(BANGKOK)
    start = month_start(upto)
    before = con.total_changes
    con.execute(
        "INSERT OR IGNORE INTO points_entries (id, chain_id, customer_id, kind, points, source, reason, at, expires_at,"
        " staff_id, hlc) SELECT birthday_id(id, ?), chain_id, id, 'earn', 100, 'birthday', '', ?, ?, NULL, ? "
        "FROM customers WHERE deleted_at IS NULL AND substr(birthday, 6, 2) = ?",
        (str(local.year), stamp(start), stamp(start.replace(year=start.year + 1)), hlc, f"{local.month:02d}"),
    )
    birthdays = con.total_changes - before
    period = tier_period(upto)
    before = con.total_changes
    con.execute(
        # The last change of each member (SQLite takes the bare column from the row of max()).
        "CREATE TEMP TABLE recorded AS SELECT customer_id, to_tier, max(rowid) FROM tier_changes GROUP BY customer_id"
    )
    con.execute("CREATE UNIQUE INDEX temp.recorded_customer ON recorded (customer_id)")
    con.execute(
        "INSERT OR IGNORE INTO tier_changes (id, chain_id, customer_id, from_tier, to_tier, period, basis, at, hlc) "
        "SELECT tier_change_id(s.customer_id, coalesce(r.to_tier, 'bronze'), s.tier, ?), ?, s.customer_id, "
        "coalesce(r.to_tier, 'bronze'), s.tier, ?, 'lifetime', ?, ? "
        f"FROM (SELECT customer_id, {_tier_case('sum(points)')} AS tier FROM points_entries "
        "      NOT INDEXED WHERE kind = 'earn' AND at <= ? GROUP BY customer_id) s "
        "JOIN customers c ON c.id = s.customer_id AND c.deleted_at IS NULL "
        "LEFT JOIN recorded r ON r.customer_id = s.customer_id "
        "WHERE s.tier != coalesce(r.to_tier, 'bronze')",
        (period, chain_id, period, stamp(start), hlc, stamp(upto)),
    )
    con.execute("DROP TABLE recorded")
    tiers = con.total_changes - before
    con.commit()
    return {"expiries": expired, "birthdays": birthdays, "tier_changes": tiers}


def build(path: Path, customers: int, entries: int) -> dict[str, Any]:
    """Build the terminal database at ``path``; return what it holds."""
    from bnaura_desk.terminal import Terminal

    started = time.perf_counter()
    created = TONIGHT - timedelta(days=SPAN_DAYS + 30)
    Terminal.create(path, clinic_name="Bench Clinic", device_name="POS-1", clock=lambda: created).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-2000000")
    con.execute("PRAGMA temp_store=FILE")
    chain_id, branch_id = con.execute("SELECT chain_id, branch_id FROM device_state").fetchone()
    hlc = f"{int(created.timestamp() * 1000):013d}.00000.bench"
    con.execute("UPDATE device_state SET last_hlc = ?", (hlc,))
    # Members: ids like uuid7 text, a phone and a referral code each, birthdays over every month.
    con.execute(
        "INSERT INTO customers (id, chain_id, name_th, name_en, nickname, phone, email, line_id, birthday, gender, "
        "skin_notes, channels, quiet_start, quiet_end, opted_out, referral_code, registered_branch_id, created_at, "
        "updated_at, hlc, field_clocks, deleted_at) "
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
        "SELECT printf('01900000-0000-7000-8000-%012x', i), ?, 'สมาชิก ' || i, 'Member ' || i, '', "
        "printf('08%08d', i), '', '', printf('%04d-%02d-%02d', 1960 + i % 45, 1 + (i * 7) % 12, 1 + i % 28), "
        "'unspecified', '', '[]', NULL, NULL, 0, printf('BNCH%06d', i), ?, ?, ?, ?, '{}', "
        "CASE WHEN i % 100 = 99 THEN ? END FROM n",
        (customers, chain_id, branch_id, stamp(created), stamp(created), hlc, stamp(created)),
    )
    # The ledger, oldest first (ids in time order, as uuid7 would be); the indexes made after the rows.
    indexes = [row[0] for row in con.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'points_entries' AND sql IS NOT NULL")]
    for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'points_entries' AND sql IS NOT NULL"
    ).fetchall():
        con.execute(f"DROP INDEX {name}")
    first = (TONIGHT - timedelta(days=SPAN_DAYS)).timestamp()
    step = SPAN_DAYS * 86400 / entries
    # Entry k belongs to member (k * 104729) mod customers: each member gets entries spread over the span.
    con.execute(
        "INSERT INTO points_entries (id, chain_id, customer_id, kind, points, source, reason, at, expires_at, "
        "staff_id, hlc) "
        "WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k + 1 < ?), "
        "t(k, ts, spend) AS (SELECT k, strftime('%Y-%m-%dT%H:%M:%S', ? + k * ?, 'unixepoch') || '.000000Z', "
        "  (k * 7) % 100 < 8 FROM n) "
        "SELECT printf('01910000-0000-7000-8000-%012x', k), ?, "
        "printf('01900000-0000-7000-8000-%012x', (k * 104729) % ?), "
        "CASE WHEN spend THEN 'spend' ELSE 'earn' END, "
        "CASE WHEN spend THEN 50 + (k * 13) % 200 ELSE 1 + ((k * 31) % 97) * (1 + k % 5) END, "
        "CASE WHEN spend THEN 'reward' ELSE 'purchase' END, '', ts, "
        "CASE WHEN spend THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', ts, '+12 months') || '.000000Z' END, "
        "NULL, printf('%013d.00000.bench', CAST((? + k * ?) * 1000 AS INTEGER)) FROM t",
        (entries, first, step, chain_id, customers, first, step),
    )
    con.commit()
    for sql in indexes:
        con.execute(sql)
    con.commit()
    settled = settle(con, TONIGHT - timedelta(days=SETTLED_DAYS))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return {"build_s": round(time.perf_counter() - started, 1), "settled": settled}


def cached_build(cache: Path, customers: int, entries: int) -> Path:
    """Return the cached database for these sizes, building it first when missing."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"loyalty-v{BUILD_FORMAT}-{customers}-{entries}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        info = build(partial, customers, entries)
        partial.rename(path)
        print(f"built {path} {info}", file=sys.stderr)
    return path


def run_job(db: Path, now: datetime, code: Path) -> dict[str, Any]:
    """Run ``run_daily_jobs`` at ``now`` in a fresh process of the checkout ``code``; return its figures."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(db), now.isoformat()], cwd=code, env=env,
                         check=True, capture_output=True, text=True)
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    figures["wall_s"] = time.perf_counter() - started
    figures["load"] = os.getloadavg()[0]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=20_000_000)
    parser.add_argument("--catch-up", action="store_true", help="first run the job for a terminal off for a month")
    parser.add_argument("--first-run", action="store_true",
                        help="after settling, run the job once yesterday (a first run: no marks yet)")
    parser.add_argument("--code", type=Path, default=Path.cwd(), help="the checkout whose job runs")
    parser.add_argument("--cache", type=Path, default=Path("/work/bench-cache"))
    parser.add_argument("--keep", type=Path, default=None, help="keep the database after the runs here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    source = cached_build(args.cache, args.customers, args.entries)
    steps: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="bnaura-loyalty-", dir=args.cache) as folder:
        db = Path(folder) / "terminal.sqlite"
        shutil.copyfile(source, db)
        yesterday = TONIGHT - timedelta(days=1)
        if args.catch_up:
            steps.append(("catch-up: off for a month", run_job(db, yesterday, args.code)))
            steps.append(("catch-up again: nothing to do", run_job(db, yesterday, args.code)))
        else:
            con = sqlite3.connect(db)
            settle(con, yesterday)
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.close()
            if args.first_run:
                steps.append(("yesterday, first run: no marks yet, no lot due", run_job(db, yesterday, args.code)))
        steps.append(("tonight", run_job(db, TONIGHT, args.code)))
        steps.append(("again: nothing to do", run_job(db, TONIGHT, args.code)))
        if args.keep:
            shutil.move(str(db), args.keep)
    met = all(
        (f["job_s"] < IDLE_TARGET_S) if "nothing" in name else (f["job_s"] < TARGET_S and f["peak_rss_mb"] < TARGET_MB)
        for name, f in steps
    )
    if args.json:
        print(json.dumps({"steps": steps, "machine": machine(), "met": met}, indent=1))
    else:
        print(f"loyalty jobs, {args.customers:,} members, {args.entries:,} entries ({machine()})")
        print("| run | job s | job CPU s | process s | peak RSS MB | expired | birthdays | tier changes | load |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, f in steps:
            print(f"| {name} | {f['job_s']:.1f} | {f.get('cpu_s', 0):.1f} | {f['wall_s']:.1f} | {f['peak_rss_mb']:.0f} | {f['expired']:,} "
                  f"| {f['birthdays']:,} | {f['tier_changes']:,} | {f['load']:.1f} |")
        print("targets:", "met" if met else "missed")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
