"""Automation rules applied to a stage entry, and a beautician's task queue with 500 open tasks.

Usage::

    .venv/bin/python -m bench.automation [--tasks 500] [--reads 100] [--json]

On a fresh terminal (SQLite file in a temporary folder) with the default
rules, a treatment with a five-step protocol, five beauticians and 100
customers:

- **rules applied**: ``services.tasks.apply_rules`` for a journey entering
  treatment scheduled, timed inside the use case's transaction (read the
  rules setting, the customer and the treatment, derive the task, write its
  row, audit entry and outbox operation; the commit is the move's, not the
  rules'), once per journey: ``--tasks`` stage entries, so that many open
  tasks in the branch. Half the journeys have a beautician (the task is
  hers), half none (the task waits in the beauticians' queue). Also timed:
  the pure ``domain.automation.tasks_for_entry``. Target: p95 under 5 ms.
- **queue open**: ``terminal.read(my_tasks, beautician, ...)`` on a new
  session, ``--reads`` times; **queue refresh after a change**: a task
  changed by another terminal's use case (a claim, written as a pull
  would leave it), then the same read, timed. Target: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bnaura_desk.domain.automation import DEFAULT_RULES, StageEntry, entry_key, tasks_for_entry
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, customers, journeys, staff, tasks
from bnaura_desk.services.context import SYSTEM, Actor, ServiceContext
from bnaura_desk.store.models import Journey
from bnaura_desk.terminal import Terminal

from ._common import machine, percentiles, table

RULES_TARGET_MS, QUEUE_TARGET_MS = 5.0, 100.0


def run(folder: Path, n_tasks: int, reads: int) -> dict[str, Any]:
    terminal = Terminal.create(folder / "desk.sqlite", clinic_name="Bench", device_name="bench")
    try:
        beauticians = [terminal.run(staff.create_staff, f"ช่าง {i}", Role.BEAUTICIAN, f"71{i:02d}",
                                    actor=SYSTEM).result for i in range(5)]
        facial = terminal.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", price_satang=150_000, vat_exempt=True,
            duration_minutes=60, protocol_steps=("ล้างหน้า", "สครับ", "มาส์ก", "นวด", "ทากันแดด")),
            actor=SYSTEM).result
        members = [terminal.run(customers.register_customer, CustomerForm(name_th=f"ลูกค้า {i}",
                                                                          phone=f"08{i:08d}"), actor=SYSTEM).result
                   for i in range(100)]
        ids = [terminal.run(journeys.open_journey, members[i % len(members)], item_id=facial,
                            actor=SYSTEM).result for i in range(n_tasks)]
        for i, journey in enumerate(ids):
            if i % 2 == 0:
                terminal.run(journeys.assign_journey, journey, beautician_id=beauticians[i % 5], actor=SYSTEM)

        applied: list[float] = []
        pure: list[float] = []
        for journey in ids:
            def timed(ctx: ServiceContext, journey: str = journey) -> Any:
                row = ctx.session.get(Journey, journey)
                assert row is not None
                started = time.perf_counter()
                made = tasks.apply_rules(ctx, row, Stage.PAYMENT_CONFIRMED, ctx.now - timedelta(days=1),
                                         Stage.TREATMENT_SCHEDULED)
                elapsed = time.perf_counter() - started
                facts = tasks.journey_facts(ctx.session, row)
                entry = StageEntry(Stage.TREATMENT_SCHEDULED, entry_key(row.id, Stage.PAYMENT_CONFIRMED, ctx.now,
                                                                       Stage.TREATMENT_SCHEDULED), ctx.now)
                started = time.perf_counter()
                tasks_for_entry(DEFAULT_RULES, facts, entry)
                pure.append(time.perf_counter() - started)
                assert len(made) == 1
                return ctx.changes.build(result=elapsed)

            applied.append(terminal.run(timed, actor=SYSTEM).result)

        me, role = beauticians[0], Role.BEAUTICIAN
        other = Actor(beauticians[1], "ช่าง 1", Role.BEAUTICIAN)
        shown = terminal.read(tasks.my_tasks, me, role, terminal.clock())
        opened: list[float] = []
        for _ in range(reads):
            started = time.perf_counter()
            terminal.read(tasks.my_tasks, me, role, terminal.clock())
            opened.append(time.perf_counter() - started)
        # Another beautician claims unassigned tasks one by one; the queue is read again after each.
        claimable = [c.id for c in shown if c.assignee_id is None]
        refreshed: list[float] = []
        for task_id in claimable[:reads]:
            terminal.run(tasks.claim_task, task_id, actor=other)
            started = time.perf_counter()
            after = terminal.read(tasks.my_tasks, me, role, terminal.clock())
            refreshed.append(time.perf_counter() - started)
            assert task_id not in {c.id for c in after}
        return {
            "rows": [("apply_rules (in the move's transaction)", percentiles(applied)),
                     ("tasks_for_entry (pure)", percentiles(pure)),
                     (f"my_tasks open ({len(shown)} shown of {n_tasks} open)", percentiles(opened)),
                     ("my_tasks after another's claim", percentiles(refreshed))],
            "shown": len(shown),
        }
    finally:
        terminal.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=500, help="open tasks in the branch (one per stage entry)")
    parser.add_argument("--reads", type=int, default=100, help="timed queue reads of each kind")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bnaura-bench-") as folder:
        result = run(Path(folder), args.tasks, args.reads)
    rows = result["rows"]
    met = rows[0][1]["p95"] < RULES_TARGET_MS and max(r[1]["p95"] for r in rows[2:]) < QUEUE_TARGET_MS
    if args.json:
        print(json.dumps({**result, "met": met, "machine": machine()}, indent=1))
    else:
        print(f"automation rules and the task queue ({machine()})")
        print(table(rows))
        print(f"targets: rules p95 < {RULES_TARGET_MS} ms, queue p95 < {QUEUE_TARGET_MS} ms: "
              f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
