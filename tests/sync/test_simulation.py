"""The seeded sync simulation (``tests/sync/simulation.py``): many seeds on every run.

Each seed plays three real terminals and a real server database through
random work, partitions, outages of up to days, server restarts and
crashes, terminal kills and skewed clocks, then checks that every node
ends with the same data, no operation lost and none applied twice. The
work includes the clinic's workflow (``tests/sync/sim_journeys.py``):
journeys opened and moved, the same card moved on two terminals, tasks
claimed twice, appointments booked twice for one beautician. The
test id names the seed; a failure prints the command that replays it
(``python -m bench.soak --seed N --steps K``). ``bench/soak.py`` runs
thousands (``python -m bench.soak --ci --seeds 200`` runs 200 more of this
test's shape, after its own).

Environment: ``BNAURA_SIM_SEEDS`` (how many seeds, default ``CI_SEEDS``),
``BNAURA_SIM_START`` (first seed, default 1), ``BNAURA_SIM_STEPS`` (steps
per seed, default ``CI_STEPS``).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import Customer, Visit
from sync.client.engine import BlockingTransport, SyncReport, TerminalDatabase, pull_changes, run_to_end
from sync.server.models import AppliedOperation
from tests.sync.simulation import CI_SEEDS, CI_STEPS, Simulation, run_simulation
from tests.sync.test_client_loopback import Clinic, clinic_fixture, edit, later, register  # noqa: F401 - the fixture

# The suite's time is bounded: CI_SEEDS seeds of CI_STEPS steps (bench/RESULTS.md has what they cost);
# bench.soak runs many more of the same shape on demand, and longer ones.
SEEDS = int(os.environ.get("BNAURA_SIM_SEEDS", str(CI_SEEDS)))
START = int(os.environ.get("BNAURA_SIM_START", "1"))
STEPS = int(os.environ.get("BNAURA_SIM_STEPS", str(CI_STEPS)))


@pytest.mark.parametrize("seed", range(START, START + SEEDS), ids=lambda seed: f"seed={seed}")
def test_every_node_ends_with_the_same_data(seed: int, tmp_path: Path) -> None:
    result = run_simulation(seed, STEPS, tmp_path)
    result.check()  # the message names the seed and the command that replays it
    assert result.operations > 0 and result.counts["sync"] > 0


def test_a_seed_replays_the_same_run(tmp_path: Path) -> None:
    first = run_simulation(7, 40, tmp_path / "first")
    again = run_simulation(7, 40, tmp_path / "again")
    first.check()
    assert (again.trace_digest, again.operations, again.counts) == (first.trace_digest, first.operations, first.counts)
    assert run_simulation(8, 40, tmp_path / "other").trace_digest != first.trace_digest


def test_the_final_checks_see_a_divergence(tmp_path: Path) -> None:
    """A green run means something: a changed field, a doubled visit and a lost operation are each reported."""
    sim = Simulation(3, tmp_path, steps=40)
    try:
        sim.run()
        sim.settle()
        assert sim.check() == []
        t2 = sim.nodes[2].terminal
        assert sim.customers and sim.visits
        # Behind the app's back: what a sync bug would leave behind.
        with t2.db.engine.begin() as conn:
            conn.execute(update(Customer).where(Customer.id == sim.customers[0]).values(nickname="diverged"))
            visit = conn.execute(select(Visit).where(Visit.id == sim.visits[0])).one()._asdict()
            conn.execute(insert(Visit).values({**visit, "id": uuid7()}))  # a check-in applied twice
        with sim.server.sessions() as s:
            s.execute(delete(AppliedOperation).where(AppliedOperation.device_id == sim.nodes[0].device_id, AppliedOperation.seq == 1))
            s.commit()
        problems = "\n".join(sim.check())
    finally:
        sim.close()
    assert f"customer {sim.customers[0]} (c0): data.nickname" in problems
    assert f"T2: {len(sim.visits) + 1} visit rows, {len(sim.visits)} committed" in problems
    assert "T0: server applied seqs 2.." in problems


def test_an_edit_made_during_a_pull_does_not_outlive_the_pulled_tombstone(clinic: Clinic) -> None:
    """Found by the simulation (seed 39, 150 steps): the terminal kept its lost edit forever.

    A (its UI beside sync) edits a customer while its pull is in flight; the
    page holds B's tombstone of that customer. The pending, later edit used
    to be kept over the pulled fields, the server then answered it
    "tombstoned" without changing the record, so nothing newer ever came
    and A's deleted row kept a value no other node has.
    """
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", "0812345678")
    clinic.sync_all()
    b.run(customer_service.delete_customer, cid, actor=SYSTEM)
    clinic.sync("B")
    later(clinic.clocks["A"], 60)
    edit(a, cid, skin_notes="typed while the pull was in flight")  # still live on A
    run_to_end(pull_changes(TerminalDatabase(a), BlockingTransport(clinic.server), SyncReport()))  # type: ignore[arg-type]
    assert clinic.sync("A").exceptions == 1  # the server reports the edit lost to the delete
    clinic.sync_all()
    row = a.read(lambda s: s.get(Customer, cid))
    server = clinic.server.record("customer", cid)
    assert row is not None and server is not None
    assert row.deleted_at is not None and server.deleted_at is not None
    assert row.skin_notes == server.data["skin_notes"] == ""
    assert field_clocks.clock_of(row.field_clocks, row.hlc, "skin_notes") == field_clocks.clock_of(server.field_clocks, server.hlc, "skin_notes")


def test_the_rules_are_in_play(tmp_path: Path) -> None:
    """Across a few seeds, terminals collide on every shape of rule, and the runs still converge."""
    seen: Counter[str] = Counter()
    for seed in range(101, 107):
        result = run_simulation(seed, CI_STEPS, tmp_path / str(seed))
        result.check()
        seen.update(result.counts)
    for kind in ("claim_conflict", "below_floor", "illegal_move", "task_claimed_twice", "double_booking"):
        assert seen[f"server exception {kind}"] > 0, (kind, sorted(k for k in seen if k.startswith("server exception")))
    assert seen["token use"] and seen["tally"] and seen["move subject"] and seen["coupon use"]
    assert seen["sale"] and seen["refund"]
    # The workflow: cards moved (and raced), tasks claimed (and raced), appointments booked (and raced).
    for what in ("journey open", "journey move", "race move", "task claim", "race claim", "appointment book",
                 "race book", "double bookings kept"):
        assert seen[what] > 0, (what, sorted(seen))
