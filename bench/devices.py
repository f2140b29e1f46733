"""Many terminals pushing at once to a PostgreSQL server run as 1, 2 and 4 processes.

Usage::

    .venv/bin/python -m bench.devices [--devices 50] [--clinics 10] [--workers 1,2,4] [--json]
    .venv/bin/python -m bench.devices --batch 5 --interval 2 --requests 15   # paced: 125 ops/s offered

Per process count: a fresh PostgreSQL schema and role, a real ``bnaura
server --workers N`` (uvicorn processes sharing the port), ``--clinics``
clinics and ``--devices`` devices spread over them, each enrolled over HTTP
with its own one-time code. Every device has an outbox of realistic
operations, built as a terminal writes them (``customer.register`` of demo
customers, then a mix of registrations, profile edits and check-ins of its
own customers), cut into batches of ``--batch``. Each device is a thread
with its own HTTP connection: one untimed batch to warm up, then, all
released together, ``--requests`` batches, each ``POST /v1/push`` timed:
back to back (the server's capacity; latency is then mostly waiting in
line), or one every ``--interval`` seconds per device (a fixed offered
load; latency is the server's own). A ``503`` (a race lost to another request) is sent again
after a short wait, as the terminal does, and counted.

Reported: applied operations per second over the timed window, request
latency p50/p95/max, retries; the server's count of applied operations is
checked against what was sent. One clinic's operations take turns on its
row lock, so ``--clinics 1`` shows the worst case of one busy clinic.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bnaura_desk.demo import CustomerFactory
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

from ._common import machine, percentiles
from ._sync import (
    DeviceOutbox,
    ServerProcess,
    add_clinic,
    applied_count,
    enroll_device,
    migrate,
    new_codes,
    postgres_database,
    postgres_problem,
    push_body,
)


@dataclass
class Device:
    """One simulated terminal: its token and its pushes, serialised ahead of time."""

    device_id: str
    token: str
    warm_up: bytes
    bodies: list[bytes]
    operations: int  # in ``bodies``
    latencies: list[float] = field(default_factory=list)
    retries: int = 0
    error: str = ""


def build_device(base_url: str, code: str, clinic_id: str, n: int, batch: int, requests: int) -> Device:
    """Enroll device ``n`` with ``code`` and write its outbox: one warm-up batch and ``requests`` batches."""
    device_id, token = enroll_device(base_url, code, f"POS-{n + 1}", None)
    rng = random.Random(n)
    box = DeviceOutbox(device_id, clinic_id, CustomerFactory(random.Random(1000 + n)))
    warm_up = [box.register() for _ in range(batch)]  # so edits and check-ins have customers
    bodies = []
    for _ in range(requests):
        ops = []
        for _ in range(batch):
            roll = rng.random()
            # A front desk's day: mostly new customers, then edits and check-ins.
            if roll < 0.6:
                ops.append(box.register())
            elif roll < 0.85:
                ops.append(box.update(rng.randrange(1 << 30)))
            else:
                ops.append(box.check_in(rng.randrange(1 << 30)))
        bodies.append(push_body(device_id, ops))
    return Device(device_id, token, push_body(device_id, warm_up), bodies, batch * requests)


def _push(http: httpx.Client, body: bytes, device: Device) -> None:
    """POST one batch until the server takes it; raise when it refuses it for good."""
    while True:
        response = http.post("/v1/push", content=body)
        if response.status_code == 503:  # a race lost to another request: send again
            device.retries += 1
            time.sleep(0.05)
            continue
        response.raise_for_status()
        outcomes = {r["outcome"] for r in response.json()["results"]}
        if not outcomes <= {"applied", "duplicate"}:
            raise RuntimeError(f"unexpected outcomes {outcomes}")
        return


def cpu_ticks() -> tuple[int, int]:
    """Return the machine's (busy, total) CPU ticks since boot, from ``/proc/stat`` ((0, 0) elsewhere)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def run_devices(base_url: str, devices: list[Device], interval: float = 0.0) -> tuple[float, float, float]:
    """Push every device's batches from its own thread, all released at once.

    Returns the timed window's seconds, the CPU seconds this process (the
    clients) used in it, and the share of the whole machine's CPU that was
    busy (server processes, PostgreSQL and clients together): on a small
    machine the clients take CPU from the server.

    ``interval`` > 0 paces each device: its pushes start every ``interval``
    seconds (from a random offset within the first), so the offered load
    is fixed and latency is the server's, not a queue's; 0 pushes back to
    back (the server's capacity).
    """
    ready = threading.Barrier(len(devices) + 1)
    done = threading.Barrier(len(devices) + 1)

    def work(device: Device) -> None:
        headers = {"Authorization": f"Bearer {device.token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION),
                   "Content-Type": "application/json"}
        try:
            with httpx.Client(base_url=base_url, headers=headers, timeout=120) as http:
                _push(http, device.warm_up, device)
                offset = random.Random(device.device_id).uniform(0, interval)
                ready.wait()
                released = time.perf_counter()
                for k, body in enumerate(device.bodies):
                    if interval > 0:
                        time.sleep(max(0.0, released + offset + k * interval - time.perf_counter()))
                    started = time.perf_counter()
                    _push(http, body, device)
                    device.latencies.append(time.perf_counter() - started)
        except Exception as error:  # noqa: BLE001 - reported after the run
            device.error = f"{type(error).__name__}: {error}"
            ready.abort()
        finally:
            try:
                done.wait()
            except threading.BrokenBarrierError:
                pass

    threads = [threading.Thread(target=work, args=(d,), daemon=True) for d in devices]
    for t in threads:
        t.start()
    try:
        ready.wait()
    except threading.BrokenBarrierError:
        pass  # a device failed before the start; reported by ``measure``
    started, cpu, (busy, total) = time.perf_counter(), time.process_time(), cpu_ticks()
    done.wait()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    busy_end, total_end = cpu_ticks()
    for t in threads:
        t.join()
    return elapsed, cpu, (busy_end - busy) / max(1, total_end - total)


def measure(
    workers: int, n_devices: int, n_clinics: int, batch: int, requests: int, interval: float, folder: Path
) -> dict[str, object]:
    """One run: a fresh schema, ``workers`` server processes, the devices pushing; return the figures."""
    with postgres_database() as url:
        migrate(url)
        clinics = [add_clinic(url, f"คลินิกสาขา {k + 1}") for k in range(n_clinics)]
        homes = [clinics[n % n_clinics] for n in range(n_devices)]
        codes = {c: iter(new_codes(url, c, homes.count(c))) for c in clinics}
        with ServerProcess(url, folder / f"server-{workers}.log", workers=workers) as server:
            devices = [build_device(server.base_url, next(codes[c]), c, n, batch, requests) for n, c in enumerate(homes)]
            elapsed, client_cpu, machine_busy = run_devices(server.base_url, devices, interval)
        errors = [d.error for d in devices if d.error]
        if errors:
            raise RuntimeError(f"{len(errors)} devices failed, first: {errors[0]}")
        sent = sum(d.operations for d in devices)
        on_server = applied_count(url)
    expected = sent + n_devices * batch  # with the warm-up batches
    if on_server != expected:
        raise RuntimeError(f"the server applied {on_server} operations, {expected} were sent")
    latency = percentiles([x for d in devices for x in d.latencies])
    return {
        "workers": workers,
        "clinics": n_clinics,
        "devices": n_devices,
        "batch": batch,
        "interval_s": interval,
        "operations": sent,
        "seconds": elapsed,
        "ops_per_s": sent / elapsed,
        "p50_ms": latency["p50"],
        "p95_ms": latency["p95"],
        "max_ms": latency["max"],
        "requests": latency["n"],
        "retries": sum(d.retries for d in devices),
        "client_cpu_s": client_cpu,
        "machine_busy": machine_busy,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--clinics", type=int, default=10, help="clinics the devices are spread over")
    parser.add_argument("--workers", default="1,2,4", help="server process counts to measure, comma-separated")
    parser.add_argument("--batch", type=int, default=25, help="operations per push")
    parser.add_argument("--requests", type=int, default=8, help="timed pushes per device")
    parser.add_argument("--interval", type=float, default=0.0,
                        help="seconds between the starts of one device's pushes (default 0: back to back)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if (problem := postgres_problem()) is not None:
        parser.error(f"PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable: {problem}")

    results = []
    with tempfile.TemporaryDirectory(prefix="bnaura-devices-") as folder:
        for workers in (int(w) for w in args.workers.split(",")):
            results.append(
                measure(workers, args.devices, args.clinics, args.batch, args.requests, args.interval, Path(folder))
            )
    if args.json:
        print(json.dumps({"results": results, "machine": machine()}, indent=1))
    else:
        pace = f"one every {args.interval:g} s each" if args.interval else "back to back"
        print(f"{args.devices} devices in {args.clinics} clinics pushing {args.batch}-operation batches {pace}, "
              f"concurrently, to PostgreSQL ({machine()})")
        print("| server processes | operations | seconds | applied ops/s | p50 ms | p95 ms | max ms | retries "
              "| clients' CPU s | machine CPU busy |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            print(f"| {r['workers']} | {r['operations']} | {r['seconds']:.1f} | {r['ops_per_s']:.0f} | "
                  f"{r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['max_ms']:.0f} | {r['retries']} "
                  f"| {r['client_cpu_s']:.1f} | {r['machine_busy']:.0%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
