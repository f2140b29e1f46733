"""Shared helpers of the benchmarks: percentiles, the machine, a safe copy."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
from pathlib import Path


def percentiles(samples_s: list[float]) -> dict[str, float]:
    """Return n, p50, p95 and max of ``samples_s`` (seconds) in milliseconds."""
    ms = sorted(s * 1000 for s in samples_s)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"n": len(ms), "p50": q[49], "p95": q[94], "max": ms[-1]}


def machine() -> dict[str, str]:
    """Return what the figures depend on: CPU, cores, memory, Python, SQLite."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.splitlines()[1].split()[1]
    except (OSError, IndexError):
        mem = "?"
    return {
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "memory": mem,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "os": platform.platform(),
    }


def copy_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` with SQLite's backup API, opening the source read-only."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def table(rows: list[tuple[str, dict[str, float]]]) -> str:
    """Return a Markdown table of percentile rows."""
    out = ["| what | n | p50 ms | p95 ms | max ms |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, p in rows:
        out.append(f"| {name} | {p['n']} | {p['p50']:.2f} | {p['p95']:.2f} | {p['max']:.2f} |")
    return "\n".join(out)
