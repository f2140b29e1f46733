"""The demo's own clinic server beside ``bnaura app --demo`` (``scripts/demo``), with real processes.

Started twice while the app is open, the demo is refused before it starts
anything; a demo server killed while the app runs is reaped at once, not
left a zombie until the app exits.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from bnaura_desk.domain.errors import DatabaseProblem
from bnaura_desk.domain.roles import Role
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.staff import create_staff
from bnaura_desk.terminal import Terminal
from sync.client.demo import start_demo_server
from tests.sync.conftest import free_port
from tests.test_cli import REPO, assert_user_error, bnaura

SERVER_LINE = re.compile(r"demo clinic server: (http://127\.0\.0\.1:\d+) \(pid (\d+)\)")


def staffed_db(path: Path) -> Path:
    """A set-up terminal with one owner: the demo takes it as made already."""
    with Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name="POS-1") as t:
        t.run(create_staff, "คุณเจ้าของ", Role.OWNER, "2580", actor=SYSTEM)
    return path


def answers_health(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def holds_writer_lock(pid: int, db: Path) -> bool:
    """Whether process ``pid`` has the database's writer lock file open (it then holds the lock).

    Looked at from outside: taking the lock to test it could make the app's
    own open fail.
    """
    lock = str(db.resolve()) + ".lock"
    return any(f.path == lock for f in psutil.Process(pid).open_files())


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.05)


def reaped(pid: int) -> bool:
    """Whether ``pid`` is gone for good: not running, and not a zombie waiting for its parent."""
    return not psutil.pid_exists(pid)


def test_a_terminal_in_use_gets_no_demo_server(tmp_path: Path) -> None:
    db = staffed_db(tmp_path / "terminal.sqlite")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # The first `with` is the app holding the writer lock.
    with Terminal.open(db), pytest.raises(DatabaseProblem, match="is open in another BN-Aura"):
        start_demo_server(db, port=port, wait=20)
    assert not answers_health(url)
    assert not (tmp_path / "demo-server.sqlite").exists()  # nothing made either


class App:
    """``bnaura app --demo`` offscreen in its own process, its output read as it comes."""

    def __init__(self, db: Path, port: int) -> None:
        env = {
            k: v for k, v in os.environ.items() if k not in {"BNAURA_DB", "LC_ALL", "LC_MESSAGES"}
        }
        env.update(
            QT_QPA_PLATFORM="offscreen",
            BNAURA_DEMO_PORT=str(port),
            BNAURA_LANG="en",
            PYTHONPATH=str(REPO),
            PYTHONIOENCODING="utf-8",
        )
        self.stderr_path = db.with_name("app.stderr")
        with self.stderr_path.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bnaura_desk.cli", "app", "--demo", "--db", str(db)],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                encoding="utf-8",
            )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def server(self, timeout: float = 90) -> tuple[str, int]:
        """Return the URL and pid of the demo server the app printed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, self.stderr_path.read_text()
                continue
            if match := SERVER_LINE.search(line):
                return match.group(1), int(match.group(2))
        raise AssertionError("the app printed no demo server line")

    def stop(self) -> str:
        """Terminate the app; return what it wrote on stderr."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.stderr_path.read_text(encoding="utf-8")


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[App, Path, int]]:
    db = staffed_db(tmp_path / "terminal.sqlite")
    port = free_port()
    running = App(db, port)
    yield running, db, port
    running.stop()
    # A server left behind by a failed assertion: its command line names this test's folder.
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        if f"--port {port}" in cmdline and str(db.parent) in cmdline:
            proc.kill()


def test_demo_started_again_is_refused_before_it_starts_a_server(
    app: tuple[App, Path, int],
) -> None:
    running, db, port = app
    url, pid = running.server()
    assert answers_health(url)
    wait_for(lambda: holds_writer_lock(running.process.pid, db), 60, "the app to open the database")
    # The user stops the demo server to watch the app work offline...
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not answers_health(url), 10, "the killed server to stop answering")
    # ... and starts the demo again, with the first app still open.
    again = bnaura("app", "--demo", "--db", db, env={"BNAURA_DEMO_PORT": str(port)})
    assert_user_error(again, "is open in another BN-Aura program")
    assert "demo clinic server" not in again.stdout
    assert not answers_health(url)  # no second server left running
    assert running.process.poll() is None  # the first app goes on
    assert "Traceback" not in running.stop()


def test_a_demo_server_killed_while_the_app_runs_is_reaped(app: tuple[App, Path, int]) -> None:
    running, db, _ = app
    _, pid = running.server()
    assert psutil.Process(pid).ppid() == running.process.pid
    wait_for(lambda: holds_writer_lock(running.process.pid, db), 60, "the app to open the database")
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while not reaped(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reaped(pid), f"the killed demo server is {psutil.Process(pid).status()}, not reaped"
    assert running.process.poll() is None  # the app keeps working offline
    assert "Traceback" not in running.stop()
