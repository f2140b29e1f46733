"""Sync soak: the seeded simulation of three terminals and a server, for many seeds.

Usage::

    python -m bench.soak --seeds 2000                 # seeds 1..2000
    python -m bench.soak --seeds 500 --start 10001 --jobs 2
    python -m bench.soak --seed 39 --steps 150         # replay one seed (keeps its files)
    python -m bench.soak --ci --seeds 200 --jobs 2     # 200 seeds of the test's shape, after the test's own

Each seed runs ``tests.sync.simulation.run_simulation`` in a folder of its
own: three terminal databases and a server database, random work and faults
(partitions, outages of up to days, server restarts and crashes mid-batch,
terminal kills, answers lost after the server applied, clocks skewed by up
to four minutes, ``--far-ahead`` adds clocks beyond the server's five-minute
bound), then the checks: identical data on every node, every operation
answered, applied exactly once, no ledger row lost or doubled.

Progress goes to stderr, one line per seed; the summary to stdout, as
Markdown (or ``--json``) with the machine it ran on. A failed seed's
folder (databases and ``trace.txt``) is kept and named, with the command
that replays it. Exit status 1 when any seed failed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.sync.simulation import CI_SEEDS, CI_STEPS, DEFAULT_STEPS, SimulationResult, run_simulation

from ._common import machine, percentiles, table

# Counters worth a line in the summary: how much of each fault the seeds saw.
COVERAGE = (
    "register", "edit", "delete", "consent", "check-in", "interleaved",
    "sync", "sync unavailable", "ops answered", "ops answered as duplicate", "ops with exception",
    "fault lost-push-answer", "fault kill-after-push", "fault server-crash-mid-batch",
    "fault lost-pull-answer", "fault kill-after-pull", "kill idle", "server restart", "server down",
    "partition", "reskew", "server exception edit_lost_to_delete", "server exception clock_ahead",
    # The clinic's workflow (tests/sync/sim_journeys.py).
    "journey open", "journey move", "refused journey move", "race move", "server exception illegal_move",
    "task claim", "task start", "task complete", "race claim", "server exception task_claimed_twice",
    "appointment book", "refused appointment book", "race book", "double bookings kept",
    "server exception double_booking", "kept entries into a watched stage", "kept entries with their task keyed alike",
)


def _one(seed: int, steps: int, far_ahead: bool, root: str) -> SimulationResult:
    """Run one seed in its own folder under ``root``; drop the folder when it converged."""
    folder = Path(root) / f"seed-{seed}"
    result = run_simulation(seed, steps, folder, far_ahead=far_ahead)
    if result.ok:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _days(span: timedelta) -> str:
    return f"{span.total_seconds() / 86400:.1f} d"


def summary(results: list[SimulationResult], steps: int, far_ahead: bool, wall_s: float) -> dict[str, Any]:
    """Return the figures of a soak run (what the Markdown and JSON outputs show)."""
    failed = [r for r in results if not r.ok]
    counts: Counter[str] = Counter()
    for r in results:
        counts.update(r.counts)
    return {
        "seeds": len(results),
        "converged": len(results) - len(failed),
        "failed": [r.seed for r in failed],
        "replay": [r.replay for r in failed],
        "steps": steps,
        "far_ahead": far_ahead,
        "wall_s": round(wall_s, 1),
        "seed_seconds": percentiles([r.seconds for r in results]) if results else {},
        "seed_cpu_seconds": percentiles([r.cpu_seconds for r in results]) if results else {},
        "operations": sum(r.operations for r in results),
        "longest_offline_days": round(max((r.longest_offline for r in results), default=timedelta(0)).total_seconds() / 86400, 2),
        "longest_simulated_days": round(max((r.simulated for r in results), default=timedelta(0)).total_seconds() / 86400, 2),
        "max_final_rounds": max((r.final_rounds for r in results), default=0),
        "coverage": {k: counts[k] for k in COVERAGE},
    }


def markdown(figures: dict[str, Any], results: list[SimulationResult]) -> str:
    lines = [
        (
            f"sync soak, {figures['seeds']} seeds × {figures['steps']} steps"
            f"{' (far-ahead clocks)' if figures['far_ahead'] else ''} ({machine()})"
        ),
        "",
        "| seeds | converged | failed | wall s | operations | longest offline | longest run | max settle rounds |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        (
            f"| {figures['seeds']} | {figures['converged']} | {len(figures['failed'])} | {figures['wall_s']} "
            f"| {figures['operations']} | {figures['longest_offline_days']} d | {figures['longest_simulated_days']} d "
            f"| {figures['max_final_rounds']} |"
        ),
        "",
    ]
    if results:
        lines += [table([("one seed (wall)", figures["seed_seconds"]),
                         ("one seed (CPU of its process)", figures["seed_cpu_seconds"])]), ""]
    lines += ["| happened (all seeds) | times |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in figures["coverage"].items()]
    lines.append("")
    if figures["failed"]:
        lines.append(f"FAILED seeds: {figures['failed']}")
        for r in results:
            if not r.ok:
                lines += ["", r.failure]
    else:
        lines.append(f"all {figures['seeds']} seeds converged")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=1000, help="how many seeds (default 1000)")
    parser.add_argument("--start", type=int, help="the first seed (default 1; with --ci, the first after the test's)")
    parser.add_argument("--seed", type=int, help="replay this one seed only (its files are kept)")
    parser.add_argument("--steps", type=int, help=f"random steps per seed (default {DEFAULT_STEPS}; with --ci, {CI_STEPS})")
    parser.add_argument("--ci", action="store_true",
                        help=f"seeds of tests/sync/test_simulation.py's shape ({CI_STEPS} steps), starting after "
                             f"the {CI_SEEDS} it runs: the on-demand extension of the suite's simulation")
    parser.add_argument("--far-ahead", action="store_true", help="also clocks more than 5 minutes ahead (bounded by the server)")
    parser.add_argument("--jobs", type=int, default=1, help="seeds run at once, one process each (default 1)")
    parser.add_argument("--dir", type=Path, help="where the seeds' folders go (default: a new temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    if args.steps is None:
        args.steps = CI_STEPS if args.ci else DEFAULT_STEPS
    if args.start is None:
        args.start = CI_SEEDS + 1 if args.ci else 1

    seeds = [args.seed] if args.seed is not None else list(range(args.start, args.start + args.seeds))
    own_root = args.dir is None
    root = args.dir or Path(tempfile.mkdtemp(prefix="bnaura-soak-"))
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: list[SimulationResult] = []

    def progress(r: SimulationResult) -> None:
        results.append(r)
        failed = sum(1 for x in results if not x.ok)
        state = "ok" if r.ok else "FAILED"
        print(
            f"[{len(results):>5}/{len(seeds)}] seed {r.seed} {state} {r.seconds:.1f} s, {r.operations} ops, "
            f"offline up to {_days(r.longest_offline)}; {failed} failed so far",
            file=sys.stderr, flush=True,
        )
        if not r.ok:
            print(r.failure, file=sys.stderr, flush=True)

    if args.seed is not None:
        # A replay keeps its folder, converged or not, for a look at the databases and the trace.
        result = run_simulation(args.seed, args.steps, root / f"seed-{args.seed}", far_ahead=args.far_ahead)
        progress(result)
        print(f"databases and trace: {root / f'seed-{args.seed}'}", file=sys.stderr)
    elif args.jobs <= 1:
        for seed in seeds:
            progress(_one(seed, args.steps, args.far_ahead, str(root)))
    else:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(_one, seed, args.steps, args.far_ahead, str(root)) for seed in seeds]
            for future in futures:  # in seed order: the progress reads like a serial run
                progress(future.result())
    results.sort(key=lambda r: r.seed)
    figures = summary(results, args.steps, args.far_ahead, time.perf_counter() - started)
    # A folder of ours is dropped when it holds nothing to look at (no failed seed, no replay).
    if own_root and not figures["failed"] and args.seed is None:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        print(json.dumps({**figures, "machine": machine()}, ensure_ascii=False, indent=1))
    else:
        print(markdown(figures, results))
    return 1 if figures["failed"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
