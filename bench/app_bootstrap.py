"""Event-loop stalls of the real app while a new terminal pulls 100,000 customers.

Usage::

    .venv/bin/python -m bench.app_bootstrap [--customers 100000] [--stall-dumps] [--idle-control] [--json]

The server's clinic is the one ``bench.bootstrap`` seeds and caches
(``--cache``). A real ``bnaura server`` process serves a copy of it; a
brand-new terminal joins the clinic with a one-time code
(``sync.client.enroll.join_clinic``). Then the real app runs on that file in
a fresh process (``ui.app.run_desk``: QApplication with font, theme and
Thai translations, the main window maximised, offscreen; sync starts one
second after the window, as in the app), so the first import of the network
stack and everything the app does on its GUI thread are measured as a
clinic's new counter PC would live them.

A probe timer ticks every 5 ms on the GUI thread and records the gap
between ticks from the window being shown until a moment (``--settle``)
after the first sync round has finished: the longest gap is the longest
time the app could not answer a click or paint (the target: under 100 ms
during the bootstrap). Also reported: the bootstrap's seconds (from sync
starting to the round's end), the app process's CPU seconds meanwhile,
how many times the status bar's progress bar moved, the customers that
arrived.

``--stall-dumps`` says what the GUI thread was doing in the three longest
gaps: ``faulthandler`` dumps every thread's stack from a thread of its own
(it needs no GIL, so a C call that holds the GIL is caught too) every
``--dump-after`` seconds the probe has not ticked; the GUI thread's frames
of each gap are printed. ``--idle-control`` then runs the app again on the
bootstrapped terminal with nothing to pull, for as long, to show the
probe's own noise on this machine. Record the figures in RESULTS.md with
``uptime``'s load: gaps depend on what else the machine runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_STALL_MS = 100.0
TARGET_S = 20.0


# ---------------------------------------------------------------- the app's process


class Probe:
    """Ticks on the GUI thread; records the gaps between ticks (and, if asked, the GUI thread's stack in long ones)."""

    def __init__(self, interval_ms: int, keep_ms: float, dump_after_s: float | None, folder: Path) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.keep_s = keep_ms / 1000
        self.dump_after_s = dump_after_s
        self.ticks = 0
        self.longest_s = 0.0
        self.gaps: list[dict[str, Any]] = []  # gaps longer than keep_ms: at (s from start), ms, dumps
        self.started = self.last = 0.0
        self._fd = os.open(folder / "stall-dumps.txt", os.O_RDWR | os.O_CREAT | os.O_TRUNC) if dump_after_s else -1

    def start(self) -> None:
        self.started = self.last = time.perf_counter()
        self._arm()
        self.timer.start()

    def stop(self) -> None:
        import faulthandler

        self.timer.stop()
        if self._fd >= 0:
            faulthandler.cancel_dump_traceback_later()
            os.close(self._fd)
            self._fd = -1

    def tick(self) -> None:
        now = time.perf_counter()
        gap, self.last = now - self.last, now
        self.ticks += 1
        self.longest_s = max(self.longest_s, gap)
        dumps = self._collect()
        if gap > self.keep_s:
            self.gaps.append({"at_s": now - self.started - gap, "ms": gap * 1000, "dumps": dumps})
        self._arm()

    def _arm(self) -> None:
        if self._fd >= 0 and self.dump_after_s:
            import faulthandler

            # From faulthandler's own thread: no GIL needed, so a GIL-holding C call is caught as well.
            faulthandler.dump_traceback_later(self.dump_after_s, repeat=True, file=self._fd)

    def _collect(self) -> list[dict[str, Any]]:
        """Return the stacks faulthandler wrote since the last tick (one per dump, see ``thread_stacks``)."""
        if self._fd < 0:
            return []
        size = os.fstat(self._fd).st_size
        if not size:
            return []
        os.lseek(self._fd, 0, os.SEEK_SET)
        text = os.read(self._fd, size).decode(errors="replace")
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        return thread_stacks(text)


def thread_stacks(text: str) -> list[dict[str, Any]]:
    """Return each faulthandler dump in ``text``: the GUI thread's stack, and the other threads' stacks.

    A GUI thread shown in the Qt event loop (no Python frame above it) is
    mostly waiting for the GIL: the other threads say who held it.
    """
    import threading

    mark = f"0x{threading.main_thread().ident:016x}"
    dumps: list[dict[str, Any]] = []
    for dump in re.split(r"^Timeout \([^)]*\)!$", text, flags=re.MULTILINE):
        gui, others = "", []
        for block in dump.strip().split("\n\n"):
            lines = block.strip().splitlines()
            if not lines:
                continue
            if mark in lines[0]:
                gui = "\n".join(lines[1:])
            else:
                others.append("\n".join(lines[1:]))
        if gui or others:
            dumps.append({"gui": gui, "others": others})
    return dumps


def run_app(args: argparse.Namespace) -> dict[str, Any]:
    """In the app's process: run ``ui.app.run_desk`` on ``args.terminal`` with the probe; return what it saw."""
    import asyncio

    import qasync
    from PySide6.QtCore import QSettings

    from ui.app import build_app, run_desk
    from ui.main_window import MainWindow

    folder = Path(args.terminal).parent
    settings = QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat)
    app, languages = build_app([sys.argv[0]], settings=settings, language="th")
    app.setQuitOnLastWindowClosed(False)
    probe = Probe(args.interval_ms, args.keep_ms, args.dump_after if args.stall_dumps else None, folder)
    result: dict[str, Any] = {}

    async def drive() -> None:
        loop = asyncio.get_running_loop()
        desk = loop.create_task(run_desk(app, languages, Path(args.terminal)))
        while not (windows := [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]):
            await asyncio.sleep(0.005)
        window = windows[0]
        shown, cpu = time.perf_counter(), time.process_time()
        probe.start()
        moves: list[int] = []
        window.status.sync.progress_bar.valueChanged.connect(moves.append)
        finished: asyncio.Future[object] = loop.create_future()

        def round_done(report: object) -> None:
            if not finished.done():
                finished.set_result(report)

        window.sync_driver.round_finished.connect(round_done)
        report = await asyncio.wait_for(finished, timeout=600)
        ended, cpu = time.perf_counter(), time.process_time() - cpu
        if args.idle_seconds:
            await asyncio.sleep(max(0.0, args.idle_seconds - (ended - shown)))
        await asyncio.sleep(args.settle)
        probe.stop()
        from bnaura_desk.services.customers import count_customers

        result.update(
            # run_desk starts sync one second after showing the window.
            seconds=ended - shown - 1.0,
            measured_s=time.perf_counter() - shown,
            cpu_s=cpu,
            ticks=probe.ticks,
            longest_ms=probe.longest_s * 1000,
            gaps=sorted(probe.gaps, key=lambda g: -g["ms"]),
            progress_moves=len(moves),
            pulled=getattr(report, "pulled", None),
            error=None if hasattr(report, "pulled") else str(report),
            customers=window.runner.terminal.read(count_customers),
        )
        window.close()
        await desk

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(drive())
    return result


# ---------------------------------------------------------------- the bench's process


def spawn_app(terminal: Path, args: argparse.Namespace, *, idle_seconds: float = 0.0) -> dict[str, Any]:
    """Run the app on ``terminal`` in a fresh process; return its figures."""
    command = [
        sys.executable, "-m", "bench.app_bootstrap", "--app", str(terminal), "--interval-ms", str(args.interval_ms),
        "--keep-ms", str(args.keep_ms), "--dump-after", str(args.dump_after), "--settle", str(args.settle),
        "--idle-seconds", str(idle_seconds),
    ]
    if args.stall_dumps:
        command.append("--stall-dumps")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(command, cwd=Path(__file__).resolve().parents[1], env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the app failed ({done.returncode}):\n{done.stderr[-4000:]}")
    if done.stderr.strip():
        print(done.stderr.strip()[-2000:], file=sys.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def bench(args: argparse.Namespace) -> dict[str, Any]:
    from bench.bootstrap import cached_server
    from sync.client.enroll import join_clinic

    from ._common import copy_database
    from ._sync import ServerProcess, new_codes, sqlite_url

    cached, meta = cached_server(args.cache, args.customers, args.seed)
    with tempfile.TemporaryDirectory(prefix="bnaura-app-bootstrap-", dir=args.dir) as tmp:
        folder = Path(tmp)
        url = sqlite_url(copy_database(cached, folder / "server.sqlite"))
        (code,) = new_codes(url, str(meta["clinic_id"]))
        terminal = folder / "app" / "terminal.sqlite"
        terminal.parent.mkdir()
        with ServerProcess(url, folder / "server.log") as server:
            join_clinic(terminal, server.base_url, code, "POS-new")
            run = spawn_app(terminal, args)
            idle = spawn_app(terminal, args, idle_seconds=run["measured_s"] - args.settle) if args.idle_control else None
    if run["customers"] != meta["customers"]:
        raise RuntimeError(f"{run['customers']} customers arrived, {meta['customers']} expected ({run['error']})")
    return {"bootstrap": run, "idle": idle, "customers": meta["customers"], "load": os.getloadavg()}


def _stack(stack: str, frames: int) -> str:
    lines = [line.strip() for line in stack.splitlines() if line.strip()]
    return "\n".join(f"      {line}" for line in lines[:frames])


def report(result: dict[str, Any], frames: int) -> str:
    from ._common import machine

    out = [(f"the real app bootstrapping {result['customers']} customers ({machine()}; "
           f"load {' '.join(f'{x:.2f}' for x in result['load'])})"),
           ("| run | seconds | app CPU s | longest stall ms | stalls > 50 ms | stalls > 100 ms | probe ticks | progress bar moves "
           "| customers | target |"),
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, run in (("bootstrap", result["bootstrap"]), ("idle control", result["idle"])):
        if run is None:
            continue
        over = [g for g in run["gaps"] if g["ms"] > 50]
        met = run["longest_ms"] < TARGET_STALL_MS and (name != "bootstrap" or run["seconds"] < TARGET_S)
        out.append(
            f"| {name} | {run['seconds']:.2f} | {run['cpu_s']:.2f} | {run['longest_ms']:.0f} | {len(over)} "
            f"| {sum(g['ms'] > 100 for g in over)} | {run['ticks']} | {run['progress_moves']} | {run['customers']} "
            f"| {'met' if met else 'MISSED'} |"
        )
    for name, run in (("bootstrap", result["bootstrap"]), ("idle control", result["idle"])):
        if run is None:
            continue
        for gap in run["gaps"][:3]:
            out.append(f"\n{name}: {gap['ms']:.0f} ms stall at {gap['at_s']:.2f} s")
            for i, dump in enumerate(gap["dumps"]):
                out.append(f"    dump {i + 1}, the GUI thread (most recent call first):\n{_stack(dump['gui'], frames)}")
                for other in dump["others"]:
                    if "threading.py" in other.splitlines()[0]:
                        continue  # waiting in a pool: not what held the GIL
                    out.append(f"    another thread:\n{_stack(other, 4)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from ._sync import DEFAULT_CACHE

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the seeded server database is kept")
    parser.add_argument("--dir", type=Path, help="folder for the run's files (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stall-dumps", action="store_true", help="say what the GUI thread did in the longest stalls")
    parser.add_argument("--idle-control", action="store_true", help="also measure the app idle, for as long")
    parser.add_argument("--interval-ms", type=int, default=5, help="the probe's tick")
    parser.add_argument("--keep-ms", type=float, default=20.0, help="gaps kept (and counted) from this long")
    parser.add_argument("--dump-after", type=float, default=0.04, help="seconds without a tick before a dump")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds measured after the round ended")
    parser.add_argument("--frames", type=int, default=12, help="frames shown per dump")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--app", help=argparse.SUPPRESS)  # in the app's process: the terminal file
    parser.add_argument("--idle-seconds", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.app:
        args.terminal = args.app
        print(json.dumps(run_app(args)))
        return 0
    result = bench(args)
    print(json.dumps(result, indent=1) if args.json else report(result, args.frames))
    run = result["bootstrap"]
    return 0 if run["longest_ms"] < TARGET_STALL_MS and run["seconds"] < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
