"""Cost of a journaled service call against a bare SQLite transaction.

Usage::

    .venv/bin/python -m bench.service_call [--n 500] [--dir /some/disk/folder]

Measured in the same run, interleaved call by call, in the same folder:

- ``terminal.run(update_customer, ...)`` changing one field: the customer
  row, its search terms when needed, an audit entry and an outbox
  operation, in one ``BEGIN IMMEDIATE`` transaction, through SQLAlchemy;
- a bare ``sqlite3`` transaction inserting one row into each of three small
  tables, in a fresh database with the same pragmas (WAL, synchronous=FULL).

Both commit with an fsync, so the disk sets the floor. Target: p50 ratio
under 10×.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.customers import get_customer, register_customer, update_customer
from bnaura_desk.store.engine import BUSY_TIMEOUT_MS
from bnaura_desk.terminal import Terminal

from ._common import machine, percentiles, table

TARGET_RATIO = 10.0


def bare_database(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}"):
        con.execute(f"PRAGMA {pragma}")
    for name in ("a", "b", "c"):
        con.execute(f"CREATE TABLE {name} (id TEXT PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL)")
    return con


def bare_transaction(con: sqlite3.Connection, i: int) -> None:
    con.execute("BEGIN IMMEDIATE")
    for name in ("a", "b", "c"):
        con.execute(f"INSERT INTO {name} VALUES (?, ?, ?)", (str(uuid.uuid4()), time.time(), f"row {i}"))
    con.execute("COMMIT")


def run(folder: Path, n: int, customers: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    terminal = Terminal.create(folder / "service.sqlite", clinic_name="Bench", device_name="bench")
    bare = bare_database(folder / "bare.sqlite")
    try:
        ids = [
            terminal.run(
                register_customer, CustomerForm(name_th=f"ลูกค้า {i}", phone=f"08{i:08d}"), actor=SYSTEM
            ).result
            for i in range(customers)
        ]
        forms = {cid: terminal.read(get_customer, cid).form for cid in ids}
        for i in range(20):  # warm up both paths
            bare_transaction(bare, -i)
            cid = ids[i % len(ids)]
            forms[cid] = forms[cid].with_changes(nickname=f"w{i}")
            terminal.run(update_customer, cid, forms[cid], actor=SYSTEM)

        service: list[float] = []
        plain: list[float] = []
        fields = ("nickname", "email", "skin_notes", "name_en")
        for i in range(n):
            cid = rng.choice(ids)
            field = fields[i % len(fields)]
            value = f"v{i}@example.com" if field == "email" else f"v{i}"
            forms[cid] = forms[cid].with_changes(**{field: value})
            started = time.perf_counter()
            changes = terminal.run(update_customer, cid, forms[cid], actor=SYSTEM)
            service.append(time.perf_counter() - started)
            assert not changes.empty
            started = time.perf_counter()
            bare_transaction(bare, i)
            plain.append(time.perf_counter() - started)
        ps, pb = percentiles(service), percentiles(plain)
        return {
            "rows": [("service call: update_customer (edit + audit + outbox)", ps),
                     ("bare sqlite3: 3 single-row inserts", pb)],
            "ratio_p50": ps["p50"] / pb["p50"],
            "ratio_p95": ps["p95"] / pb["p95"],
            "last_seq": terminal.device().last_seq,
        }
    finally:
        bare.close()
        terminal.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=500, help="timed calls of each kind")
    parser.add_argument("--customers", type=int, default=200, help="customers the edits go to")
    parser.add_argument("--dir", type=Path, help="folder for both databases (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bnaura-bench-", dir=args.dir) as folder:
        result = run(Path(folder), args.n, args.customers, args.seed)
    if args.json:
        print(json.dumps({**result, "machine": machine()}, indent=1))
    else:
        print(f"service call vs bare transaction, {args.n} each, interleaved ({machine()})")
        print(table(result["rows"]))  # type: ignore[arg-type]
        print(f"ratio p50 {result['ratio_p50']:.2f}x, p95 {result['ratio_p95']:.2f}x "
              f"(target < {TARGET_RATIO}x: {'met' if result['ratio_p50'] < TARGET_RATIO else 'MISSED'})")
    return 0 if result["ratio_p50"] < TARGET_RATIO else 1  # type: ignore[operator]


if __name__ == "__main__":
    raise SystemExit(main())
