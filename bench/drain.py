"""Drain after a day-long outage: 10,000 queued operations from one terminal.

Usage::

    .venv/bin/python -m bench.drain [--ops 10000] [--backend sqlite|postgresql|both] [--json]

A terminal (a real SQLite file) is filled through the ordinary use cases,
each leaving its outbox operation: the demo clinic's staff and catalog
(``demo.populate``), demo customers registered with their consents and
check-ins (``demo.register_batch``, i.e. ``register_customers``, which
writes what ``register_customer`` and ``check_in`` would), then profile edits (``update_customer``), until exactly
``--ops`` operations wait in the outbox. That terminal is built once and
cached (``--cache``); every run works on a copy.

Per backend: a fresh server database (a SQLite file, or a PostgreSQL schema
and role of its own), a real ``bnaura server`` process, the terminal's
clinic added with its id and the terminal enrolled with a one-time code
(``sync.client.enroll.enroll``); then ``sync_once`` is timed until the
outbox is empty. The round pushes in batches of 200 and then pulls the
clinic's feed back (its own changes, applied locally as no-ops), as the app
does; both are in the time, and the moment the push phase ended is
reported too. Target: the whole round under 10 s. Exit status 1 when missed.

``--rule-share 0.33``: a third of the operations are governed by the
server's rules (single-use tokens, a coupon's shape; tallies with a floor,
points' shape), written by use cases of ``tests/sync/rule_entities.py`` and
applied by a server with those declarations (``bench/rules_server.py``);
tokens and accounts repeat, so claims collide and balances go below zero,
and the server raises its exceptions as it drains.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from bnaura_desk import demo
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.customers import get_customer, update_customer
from bnaura_desk.services.setup import init_database
from bnaura_desk.services.sync_state import pending_count
from bnaura_desk.store.models import Customer
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, enroll
from sync.client.local_apply import STORAGE
from tests.sync import rule_entities as rules

from ._common import copy_database, machine
from ._sync import (
    DEFAULT_CACHE,
    ServerProcess,
    TimedTransport,
    add_clinic,
    applied_count,
    exception_count,
    migrate,
    new_codes,
    postgres_database,
    postgres_problem,
    sqlite_url,
)

TARGET_S = 10.0
EDIT_SHARE = 0.12  # about this share of the day's operations are profile edits


def build_terminal(path: Path, ops: int, seed: int, rule_share: float = 0.0) -> None:
    """Create a terminal at ``path`` whose outbox holds exactly ``ops`` unsent operations.

    All of them come from use cases run through ``Terminal.run``; customers
    are registered 100 per transaction (as the demo does) only to keep the
    build short: each still has its own operations, audit entries and
    search terms.
    """
    rng = random.Random(seed)
    terminal = Terminal.create(path, clinic_name="คลินิกทดสอบการซิงก์", device_name="POS-1")
    rule_ops = int(ops * rule_share)
    try:
        demo.populate(terminal, customers=0, seed=seed)  # staff, catalog, opening stock
        if rule_ops:
            rules.create_tables(terminal.db.engine)
            terminal.synced = rules.TEST_REGISTRY
            for n in range(rule_ops):
                if n % 2:
                    terminal.run(rules.use_token, f"COUPON-{rng.randrange(rule_ops)}", actor=SYSTEM)
                else:
                    terminal.run(rules.add_to_tally, f"member-{rng.randrange(200)}", rng.randint(-300, 400),
                                 actor=SYSTEM)
        factory = demo.CustomerFactory(rng)
        pending = terminal.read(pending_count)
        # A registration makes 2-4 operations (customer, consents, check-in).
        while pending + 400 <= ops * (1 - EDIT_SHARE):
            terminal.run(demo.register_batch, [factory.make() for _ in range(100)], actor=SYSTEM)
            pending = terminal.read(pending_count)
        ids = terminal.read(lambda s: list(s.scalars(select(Customer.id))))
        n = 0
        while pending < ops:
            cid = rng.choice(ids)
            form = terminal.read(get_customer, cid).form
            field = ("nickname", "skin_notes", "email", "line_id")[n % 4]
            value = {"email": f"edit{n}@example.com", "line_id": f"edit_{n}"}.get(field, f"แก้ไข {n}")
            terminal.run(update_customer, cid, form.with_changes(**{field: value}), actor=SYSTEM)
            pending = terminal.read(pending_count)
            n += 1
        assert pending == ops, (pending, ops)
    finally:
        terminal.close()


def cached_terminal(cache: Path, ops: int, seed: int, rule_share: float = 0.0) -> Path:
    """Return the cached terminal of ``ops`` operations, building it when missing."""
    cache.mkdir(parents=True, exist_ok=True)
    rules_part = f"-rules{int(rule_share * 100)}" if rule_share else ""
    path = cache / f"drain-terminal-{ops}-seed{seed}{rules_part}.sqlite"
    if not path.exists():
        started = time.perf_counter()
        building = cache / f"building-{path.name}"
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        build_terminal(building, ops, seed, rule_share)
        copy_database(building, path)  # one file, no WAL beside it
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        print(f"built the terminal with {ops} operations in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def drain(backend: str, template: Path, folder: Path, ops: int, rule_share: float = 0.0) -> dict[str, object]:
    """Drain a copy of ``template`` into a fresh server on ``backend``; return the figures."""
    terminal_path = copy_database(template, folder / f"terminal-{backend}.sqlite")
    # The cached terminal may be of an older schema than this checkout's: upgrade the copy
    # (a backup of it lands beside it, in the run's folder).
    init_database(terminal_path, backup_dir=folder / "backups")
    if backend == "sqlite":
        return _drain(sqlite_url(folder / "server.sqlite"), backend, terminal_path, folder, ops, rule_share)
    with postgres_database() as url:
        return _drain(url, backend, terminal_path, folder, ops, rule_share)


def _drain(
    url: str, backend: str, terminal_path: Path, folder: Path, ops: int, rule_share: float
) -> dict[str, object]:
    migrate(url)
    terminal = Terminal.open(terminal_path)
    storage = rules.TEST_STORAGE if rule_share else STORAGE
    try:
        device = terminal.device()
        add_clinic(url, "คลินิกทดสอบการซิงก์", device.chain_id)  # adopts the terminal's clinic
        (code,) = new_codes(url, device.chain_id)
        with ServerProcess(url, folder / f"server-{backend}.log", rules=bool(rule_share)) as server:
            enroll(terminal, server.base_url, code)
            assert terminal.read(pending_count) == ops
            with client_for(terminal) as client:
                timed = TimedTransport(client)
                rounds = pushed = pulled = applied = 0
                started = time.perf_counter()
                while terminal.read(pending_count) and rounds < 5:
                    report = sync_once(terminal, timed, storage=storage)
                    rounds += 1
                    pushed, pulled, applied = pushed + report.pushed, pulled + report.pulled, applied + report.applied
                    if report.problem:
                        raise RuntimeError(f"the push stopped: {report.problem}")
                elapsed = time.perf_counter() - started
            left = terminal.read(pending_count)
        on_server = applied_count(url, device.device_id)
        exceptions = exception_count(url)
    finally:
        terminal.close()
    if left or on_server != ops or applied != ops:
        raise RuntimeError(f"{backend}: {left} operations left, {on_server} on the server, {applied} applied")
    push_phase = (timed.first_pull_at or started + elapsed) - started
    return {
        "backend": backend,
        "operations": ops,
        "seconds": elapsed,
        "ops_per_s": ops / elapsed,
        "push_phase_s": push_phase,
        "push_requests_s": timed.push_s,
        "pushes": timed.pushes,
        "pull_requests_s": timed.pull_s,
        "pulls": timed.pulls,
        "pulled": pulled,
        "terminal_s": elapsed - timed.push_s - timed.pull_s,
        "rounds": rounds,
        "rule_share": rule_share,
        "exceptions": exceptions,
        "met": elapsed < TARGET_S,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ops", type=int, default=10_000, help="operations queued on the terminal")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the built terminal is kept")
    parser.add_argument("--dir", type=Path, help="folder for the run's databases (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rule-share", type=float, default=0.0,
                        help="share of the operations governed by the server's rules (e.g. 0.33)")
    args = parser.parse_args(argv)

    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if "postgresql" in backends and (problem := postgres_problem()) is not None:
        parser.error(f"PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable: {problem}")
    template = cached_terminal(args.cache, args.ops, args.seed, args.rule_share)
    results = []
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bnaura-drain-", dir=args.dir) as folder:
        for backend in backends:
            results.append(drain(backend, template, Path(folder), args.ops, args.rule_share))
    if args.json:
        print(json.dumps({"results": results, "machine": machine()}, indent=1))
    else:
        rule_part = f", {args.rule_share:.0%} of them rule-governed" if args.rule_share else ""
        print(f"drain of {args.ops} queued operations{rule_part}, one sync_once round ({machine()})")
        print("| server | seconds | ops/s | push phase s | in push requests s | pushes | in pull requests s "
              "| pulled | terminal's own s | target < 10 s |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for r in results:
            print(f"| {r['backend']} | {r['seconds']:.2f} | {r['ops_per_s']:.0f} | {r['push_phase_s']:.2f} "
                  f"| {r['push_requests_s']:.2f} | {r['pushes']} | {r['pull_requests_s']:.2f} | {r['pulled']} "
                  f"| {r['terminal_s']:.2f} | {'met' if r['met'] else 'MISSED'} |")
        if args.rule_share:
            print("exceptions raised while draining: " + ", ".join(f"{r['backend']} {r['exceptions']}" for r in results))
    return 0 if all(r["met"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
