"""Bootstrap of a new terminal from a server that holds 100,000 customers.

Usage::

    .venv/bin/python -m bench.bootstrap [--customers 100000] [--backend sqlite|postgresql|both] [--json]

The server's clinic is made once and cached (``--cache``): a seeding
terminal with the demo clinic's staff, catalog and opening stock
(``demo.populate``) enrolls and pushes its outbox with ``sync_once``; then
an import device enrolled in the same clinic pushes ``--customers``
``customer.register`` operations (realistic Thai customers from the demo's
``CustomerFactory``, validated as ``register_customer`` validates them), 500
per ``POST /v1/push``, through a real server process. Everything in the
server database was written by the server's own apply step. The SQLite file
is kept; for PostgreSQL its rows are copied into a fresh schema (same
tables, same values) before each run.

Timed, per backend, with a real ``bnaura server`` process: a brand-new
terminal is made from an empty file with ``sync.client.enroll.join_clinic``
(a one-time code), then ``sync_once`` pulls the whole clinic,
``protocol.MAX_PULL`` changes a page, each next page asked for while the
current one is applied, as ``SyncClient`` does it (``pull_ahead``).
Reported: seconds of the pull round (the target: under 20 s for 100,000
customers, under 120 s for 1,000,000), customers per
second, seconds from asking for each page to its answer having arrived
(server and transfer, in the client's background thread, mostly while the
page before is applied), seconds the round waited for an answer, the
terminal's own seconds (the round less those waits: reading the pages, of
which ``parse_s`` in the JSON output, and applying them), the pages'
progress as the app's bar sees it (``head``), the size of the terminal
database after it closed and the bench process's peak resident memory (the
terminal's side). Exit status 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import insert, inspect, select, text

from bnaura_desk import demo
from bnaura_desk.services.customers import count_customers
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, enroll, join_clinic
from sync.client.http import PendingPage, read_page
from sync.client.local_apply import parked_count
from sync.protocol import MAX_BATCH, PROTOCOL_HEADER, PROTOCOL_VERSION, PullResponse
from sync.server.db import server_engine
from sync.server.models import ServerBase, ServerChain

from ._common import copy_database, machine
from ._sync import (
    DEFAULT_CACHE,
    DeviceOutbox,
    ServerProcess,
    TimedTransport,
    add_clinic,
    enroll_device,
    file_size,
    migrate,
    new_codes,
    postgres_database,
    postgres_problem,
    push_body,
    sqlite_url,
)

TARGET_S = 20.0  # 100,000 customers (issue 3)
TARGET_1M_S = 120.0  # 1,000,000 customers (issue 10)


def target_s(customers: int) -> float:
    """Return the pull round's target for a clinic of ``customers``."""
    return TARGET_S if customers <= 100_000 else TARGET_1M_S
CLINIC = "บีเอ็น-ออร่า คลินิก สาขาทดสอบ"


# ---------------------------------------------------------------- the server's clinic, made once


def seed_server(folder: Path, customers: int, seed: int) -> tuple[Path, dict[str, object]]:
    """Make a SQLite server database in ``folder`` holding the clinic; return it and what it holds."""
    db = folder / "server.sqlite"
    url = sqlite_url(db)
    migrate(url)
    terminal = Terminal.create(folder / "seed-terminal.sqlite", clinic_name=CLINIC, device_name="POS-1")
    try:
        demo.populate(terminal, customers=0, seed=seed)
        clinic_id = terminal.device().chain_id
        add_clinic(url, CLINIC, clinic_id)
        code, import_code = new_codes(url, clinic_id, 2)
        with ServerProcess(url, folder / "seed-server.log") as server:
            enroll(terminal, server.base_url, code)
            with client_for(terminal) as client:
                sync_once(terminal, client)
            device_id, token = enroll_device(server.base_url, import_code, "import", clinic_id)
            outbox = DeviceOutbox(device_id, clinic_id, demo.CustomerFactory(random.Random(seed)))
            headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION),
                       "Content-Type": "application/json"}
            started = time.perf_counter()
            with httpx.Client(base_url=server.base_url, headers=headers, timeout=300) as http:
                done = 0
                while done < customers:
                    ops = [outbox.register() for _ in range(min(MAX_BATCH, customers - done))]
                    response = http.post("/v1/push", content=push_body(device_id, ops))
                    response.raise_for_status()
                    outcomes = {r["outcome"] for r in response.json()["results"]}
                    if outcomes != {"applied"}:
                        raise RuntimeError(f"seeding: unexpected outcomes {outcomes}")
                    done += len(ops)
                    if done % 10_000 < MAX_BATCH:
                        rate = done / (time.perf_counter() - started)
                        print(f"seeding: {done} customers pushed ({rate:.0f}/s)", file=sys.stderr)
    finally:
        terminal.close()
    engine = server_engine(url)
    try:
        with engine.connect() as conn:
            head = conn.execute(select(ServerChain.last_cursor)).scalar_one()
    finally:
        engine.dispose()  # the last connection checkpoints the WAL into the file
    return db, {"clinic_id": clinic_id, "customers": customers, "head": int(head)}


def cached_server(cache: Path, customers: int, seed: int) -> tuple[Path, dict[str, object]]:
    """Return the cached server database of ``customers`` customers, seeding it when missing."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"bootstrap-server-{customers}-seed{seed}.sqlite"
    meta_path = path.with_suffix(".json")
    if not (path.exists() and meta_path.exists()):
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="bnaura-seed-", dir=cache) as folder:
            db, meta = seed_server(Path(folder), customers, seed)
            copy_database(db, path)
        meta_path.write_text(json.dumps(meta))
        print(f"seeded the server with {customers} customers in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
    return path, json.loads(meta_path.read_text())


def copy_to_postgres(source: Path, url: str) -> None:
    """Copy every server row of the SQLite file ``source`` into the (migrated, empty) database at ``url``.

    Values go through the models' column types on both sides, so they land
    exactly as the apply step would have written them there. The tables are
    analysed afterwards.
    """
    src = server_engine(sqlite_url(source))
    dst = server_engine(url)
    try:
        present = {t: {c["name"] for c in inspect(src).get_columns(t)} for t in inspect(src).get_table_names()}
        with src.connect() as read, dst.begin() as write:
            for table in ServerBase.metadata.sorted_tables:
                columns = [c for c in table.columns if c.name in present.get(table.name, ())]
                rows = read.execute(select(*columns)).mappings()
                while chunk := rows.fetchmany(5000):
                    write.execute(insert(table), [dict(r) for r in chunk])
        with dst.connect() as conn:
            # Statistics, as autovacuum would have gathered them while a real
            # clinic grew: without them the planner sorts the whole change
            # feed after the cursor for every page (260 ms a page, not 45).
            conn.execute(text("ANALYZE"))
            conn.commit()
    finally:
        src.dispose()
        dst.dispose()


# ---------------------------------------------------------------- the timed bootstrap


@dataclass
class _Pending:
    """A page ``SyncClient.pull_ahead`` is fetching; reading it adds to its ``owner``'s timings."""

    page: PendingPage
    owner: AheadTimedTransport

    def result(self) -> PullResponse:
        started = time.perf_counter()
        try:
            response = self.page.fetched.result()
        finally:
            arrived = time.perf_counter()
            self.owner.wait_s += arrived - started
        page = read_page(response)  # as PendingPage.result: the terminal's own time
        self.owner.parse_s += time.perf_counter() - arrived
        self.owner.heads.append(page.head)
        return page

    def cancel(self) -> bool:
        return self.page.cancel()


@dataclass
class AheadTimedTransport(TimedTransport):
    """``TimedTransport`` that asks for pages ahead through ``SyncClient.pull_ahead``, as the round does.

    ``pull_s`` is then the time from asking for a page to its answer having
    arrived (in the client's background thread, partly while the terminal
    applies the page before); ``wait_s`` is the time the round waited for
    an answer that had not arrived yet.
    """

    wait_s: float = 0.0
    parse_s: float = 0.0

    def pull_ahead(self, after: int, limit: int) -> _Pending:
        asked = time.perf_counter()
        page = self.client.pull_ahead(after, limit)
        self.pulls += 1
        page.fetched.add_done_callback(lambda _: self._arrived(asked))
        return _Pending(page, self)

    def _arrived(self, asked: float) -> None:
        self.pull_s += time.perf_counter() - asked


def bootstrap(backend: str, cached: Path, meta: dict[str, object], folder: Path) -> dict[str, object]:
    """Start a server over the cached clinic on ``backend``; time a new terminal's first sync."""
    if backend == "sqlite":
        return _bootstrap(sqlite_url(copy_database(cached, folder / "server.sqlite")), backend, meta, folder)
    with postgres_database() as url:
        migrate(url)
        copy_to_postgres(cached, url)
        return _bootstrap(url, backend, meta, folder)


def _bootstrap(url: str, backend: str, meta: dict[str, object], folder: Path) -> dict[str, object]:
    (code,) = new_codes(url, str(meta["clinic_id"]))
    path = folder / f"new-terminal-{backend}.sqlite"
    progress: list[tuple[int, int]] = []
    with ServerProcess(url, folder / f"server-{backend}.log") as server:
        started = time.perf_counter()
        join_clinic(path, server.base_url, code, "POS-new")
        joined = time.perf_counter() - started
        terminal = Terminal.open(path)
        try:
            with client_for(terminal) as client:
                timed = AheadTimedTransport(client)
                started = time.perf_counter()
                report = sync_once(terminal, timed, progress=lambda done, total: progress.append((done, total)))
                elapsed = time.perf_counter() - started
            customers = terminal.read(count_customers)
            parked = terminal.read(parked_count)
            terms = terminal.read(lambda s: s.execute(text("SELECT count(*) FROM customer_search_terms")).scalar_one())
        finally:
            terminal.close()
    if customers != meta["customers"] or parked:
        raise RuntimeError(f"{backend}: {customers} customers arrived ({meta['customers']} expected), {parked} parked")
    return {
        "backend": backend,
        "customers": customers,
        "changes": report.pulled,
        "pages": timed.pulls,
        "join_s": joined,
        "seconds": elapsed,
        "customers_per_s": customers / elapsed,
        "pull_requests_s": timed.pull_s,
        "waited_s": timed.wait_s,
        "parse_s": timed.parse_s,
        "terminal_s": elapsed - timed.wait_s - timed.push_s,
        "search_terms": int(terms),
        "db_bytes": file_size(path),
        # The bench process is the terminal's side: its peak resident memory so far (pages in flight included).
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "progress_last": progress[-1] if progress else None,
        "head": meta["head"],
        "met": elapsed < target_s(customers),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the seeded server database is kept")
    parser.add_argument("--dir", type=Path, help="folder for the run's databases (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if "postgresql" in backends and (problem := postgres_problem()) is not None:
        parser.error(f"PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable: {problem}")
    cached, meta = cached_server(args.cache, args.customers, args.seed)
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bnaura-bootstrap-", dir=args.dir) as folder:
        for backend in backends:
            results.append(bootstrap(backend, cached, meta, Path(folder)))
    if args.json:
        print(json.dumps({"results": results, "machine": machine()}, indent=1))
    else:
        print(f"bootstrap of a new terminal, {args.customers} customers on the server ({machine()})")
        print("| server | join s | pull round s | customers/s | changes | pages | in pull requests s "
              "| waiting for pages s | terminal's own s | terminal DB MB | peak RSS MB | progress at end "
              f"| target < {target_s(args.customers):.0f} s |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
        for r in results:
            done, total = r["progress_last"] or (0, 0)
            print(f"| {r['backend']} | {r['join_s']:.2f} | {r['seconds']:.2f} | {r['customers_per_s']:.0f} "
                  f"| {r['changes']} | {r['pages']} | {r['pull_requests_s']:.2f} | {r['waited_s']:.2f} "
                  f"| {r['terminal_s']:.2f} | {r['db_bytes'] / 1e6:.1f} | {r['peak_rss_mb']:.0f} | {done}/{total} "
                  f"| {'met' if r['met'] else 'MISSED'} |")
    return 0 if all(r["met"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
