"""Building the demo clinic: ``bnaura init --demo --customers 100000``.

Usage::

    .venv/bin/python -m bench.demo_build [--customers 100000] [--seed 1] [--branches 1] [--keep PATH] [--json]

Runs the real command in a new process on a new database in a temporary
folder (on the same disk as ``/tmp``) and reports the wall time from spawning
it to its exit (staff with real argon2 PIN hashes, catalog, customers with
their consents, check-ins, audit entries and outbox operations), customers
per second, the size of the database file after the command closed it, and
what of it the customers' ``field_clocks`` take. Target: 100,000 customers
in under 60 s; exit status 1 when it is missed. ``--branches 3`` builds the
demo chain (customers registered at each branch); ``--keep`` moves the built
database there, for ``bench.search`` and ``bench.startup``.
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
from pathlib import Path

from ._common import machine

TARGET_S = 60.0
COUNTED = ("customers", "customer_search_terms", "consent_events", "visits", "outbox", "audit_log")


def build(folder: Path, customers: int, seed: int, branches: int = 1) -> dict[str, object]:
    """Run ``bnaura init --demo`` into ``folder``; return the figures."""
    path = folder / "demo.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [
        sys.executable, "-m", "bnaura_desk.cli", "init", "--db", str(path), "--demo",
        "--customers", str(customers), "--seed", str(seed), "--branches", str(branches),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
        clocks = con.execute("SELECT coalesce(sum(length(field_clocks)), 0) FROM customers").fetchone()[0]
    finally:
        con.close()
    size = path.stat().st_size + sum(p.stat().st_size for p in folder.glob("demo.sqlite-*"))
    return {
        "customers": customers,
        "branches": branches,
        "seconds": round(seconds, 2),
        "customers_per_s": round(customers / seconds),
        "db_mb": round(size / 1e6, 1),
        "field_clocks_mb": round(clocks / 1e6, 3),
        "rows": counts,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--branches", type=int, default=1, help="a demo chain of this many branches")
    parser.add_argument("--keep", type=Path, default=None, help="move the built database to this path")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bnaura-bench-", dir=args.keep.parent if args.keep else None) as folder:
        result = build(Path(folder), args.customers, args.seed, args.branches)
        if args.keep:
            shutil.move(str(Path(folder) / "demo.sqlite"), args.keep)
    result["load"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps({**result, "machine": machine()}, ensure_ascii=False, indent=1))
    else:
        print(f"demo build, {args.customers:,} customers, {args.branches} branch(es) ({machine()})")
        print("| customers | s | customers/s | DB MB | field_clocks MB | target < 60 s |")
        print("| ---: | ---: | ---: | ---: | ---: | --- |")
        met = "met" if result["seconds"] < TARGET_S else "missed"  # type: ignore[operator]
        print(
            f"| {args.customers:,} | {result['seconds']} | {result['customers_per_s']:,} | {result['db_mb']} "
            f"| {result['field_clocks_mb']} | {met} |"
        )
        print("rows:", result["rows"])
    return 0 if result["seconds"] < TARGET_S else 1  # type: ignore[operator]


if __name__ == "__main__":
    raise SystemExit(main())
