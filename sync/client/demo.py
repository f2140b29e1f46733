"""The demo's own clinic server: a local SQLite server beside the app, the demo terminal enrolled.

``bnaura app --demo`` (the README's first command) calls ``start_demo_server``
before the app opens the terminal, and ``stop`` after it closes. A new user
sees the status bar go online; stopping the server (``kill`` the printed
pid) shows the app keep working offline, and starting the demo again
brings it back in sync.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bnaura_desk.services.sync_state import sync_state
from bnaura_desk.terminal import Terminal

from ..server import admin
from ..server.db import server_engine
from ..server.schema import upgrade
from ..server.scope import clinic_sessions
from .enroll import enroll

DEMO_PORT = 8765


@dataclass
class DemoServer:
    """The running demo server (``process`` is ``None`` when one was already running)."""

    url: str
    db_path: Path
    process: subprocess.Popen[bytes] | None

    def stop(self) -> None:
        """Stop the server this call started (one found running is left alone)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def start_demo_server(terminal_path: Path, *, port: int = DEMO_PORT, wait: float = 30.0) -> DemoServer:
    """Start (or reuse) the local demo server and enroll the terminal at ``terminal_path`` with it.

    The server keeps its SQLite file beside the terminal's
    (``demo-server.sqlite``). The terminal's clinic is added to the server
    under its own id, so everything done on it so far is pushed by the
    first sync. The terminal must not be open elsewhere (call this before
    the app opens it).

    Raises:
        RuntimeError: the server did not start (its log is next to the file).
        SyncError: enrolling failed.
    """
    url = f"http://127.0.0.1:{port}"
    db_path = terminal_path.with_name("demo-server.sqlite")
    db_url = f"sqlite:///{db_path}"
    engine = server_engine(db_url)
    try:
        upgrade(engine)  # before the server starts, so it does not race this process
    finally:
        engine.dispose()
    process: subprocess.Popen[bytes] | None = None
    if not _healthy(url):
        log = open(db_path.with_suffix(".log"), "ab")  # noqa: SIM115 - the server's, kept open as long as it runs
        process = subprocess.Popen(
            [sys.executable, "-m", "bnaura_desk.cli", "server", "--db", db_url, "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + wait
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the demo server did not start; see {db_path.with_suffix('.log')}")
            time.sleep(0.1)
    server = DemoServer(url, db_path, process)
    with Terminal.open(terminal_path) as terminal:
        state = terminal.read(sync_state)
        if state is not None and state.server_url == url:
            return server  # enrolled on an earlier run
        clinic = terminal.clinic()
        engine = server_engine(db_url)
        try:
            sessions = clinic_sessions(engine)
            now = datetime.now(UTC)
            with sessions() as session:
                if session.get(admin.ServerClinic, clinic.id) is None:
                    admin.add_clinic(session, clinic.name_th, now, clinic.id)
                    session.commit()
                _, code = admin.new_enrollment_code(session, clinic.name_th, now)
                session.commit()
        finally:
            engine.dispose()
        enroll(terminal, url, code.code)
    return server
