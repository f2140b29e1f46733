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
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from bnaura_desk.services.sync_state import sync_state
from bnaura_desk.store.models import Branch
from bnaura_desk.terminal import Terminal

from ..server import admin
from ..server.db import server_engine
from ..server.models import ServerBranch, ServerChain
from ..server.schema import upgrade
from ..server.scope import chain_sessions
from .enroll import enroll

DEMO_PORT = 8765


def bnaura_command() -> list[str]:
    """Return the command line that runs ``bnaura`` in a new process.

    In the desktop bundle ``sys.executable`` is ``bnaura`` itself; from a
    source checkout or a virtualenv it is Python, given the package.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "bnaura_desk.cli"]


@dataclass
class DemoServer:
    """The running demo server (``process`` is ``None`` when one was already running).

    A server this process started is reaped as soon as it ends, even while
    the app runs (killed by hand to show the app offline): a thread waits
    for it, so it never stays a zombie, and no SIGCHLD handler is needed
    (Qt keeps its own for QProcess).
    """

    url: str
    db_path: Path
    process: subprocess.Popen[bytes] | None
    _reaper: threading.Thread | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.process is not None:
            self._reaper = threading.Thread(
                target=self.process.wait, name="demo-server-reaper", daemon=True
            )
            self._reaper.start()

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


def _spawn(url: str, db_path: Path, port: int, wait: float) -> DemoServer:
    """Start ``bnaura server`` on ``port`` and wait until it answers ``/health``.

    Raises:
        RuntimeError: it ended or did not answer within ``wait`` seconds
            (it is stopped; its log says why).
    """
    log_path = db_path.with_suffix(".log")
    # The child writes to its own copy of the descriptor; ours is closed at once.
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [*bnaura_command(), "server", "--db", f"sqlite:///{db_path}", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            stdout=log, stderr=subprocess.STDOUT,
        )
    server = DemoServer(url, db_path, process)
    deadline = time.monotonic() + wait
    while not _healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"the demo server did not start; see {log_path}")
        time.sleep(0.1)
    return server


def start_demo_server(terminal_path: Path, *, port: int = DEMO_PORT, wait: float = 30.0) -> DemoServer:
    """Start (or reuse) the local demo server and enroll the terminal at ``terminal_path`` with it.

    The server keeps its SQLite file beside the terminal's
    (``demo-server.sqlite``). The terminal's clinic is added to the server
    under its own id, so everything done on it so far is pushed by the
    first sync. The terminal is opened first and held until the server is
    up and the terminal enrolled: a terminal open elsewhere (the app
    already running on it) is refused before anything is started or
    created, and a server this call started is stopped again if enrolling
    fails. Call this before the app opens the terminal.

    Raises:
        DatabaseProblem: the terminal is in use, or not a set-up database.
        RuntimeError: the server did not start (its log is next to the file).
        SyncError: enrolling failed.
    """
    url = f"http://127.0.0.1:{port}"
    db_path = terminal_path.with_name("demo-server.sqlite")
    db_url = f"sqlite:///{db_path}"
    with Terminal.open(terminal_path) as terminal:
        engine = server_engine(db_url)
        try:
            upgrade(engine)  # before the server starts, so it does not race this process
        finally:
            engine.dispose()
        if _healthy(url):
            server = DemoServer(url, db_path, None)
        else:
            server = _spawn(url, db_path, port, wait)
        try:
            state = terminal.read(sync_state)
            if state is None or state.server_url != url:  # not enrolled on an earlier run
                _enroll(terminal, url, db_url)
        except BaseException:
            server.stop()
            raise
    return server


def _enroll(terminal: Terminal, url: str, db_url: str) -> None:
    """Add the terminal's chain and its branches to the demo server (same ids and numbers), then enroll it.

    A demo chain's other branches exist on the terminal first
    (``bnaura init --demo --branches N``); the server gets them here, so the
    customers registered at each are accepted when the terminal pushes.
    """
    chain, own = terminal.chain(), terminal.branch()
    branches = terminal.read(
        lambda s: list(s.scalars(select(Branch).where(Branch.deleted_at.is_(None)).order_by(Branch.branch_code)))
    )
    engine = server_engine(db_url)
    try:
        sessions = chain_sessions(engine)
        now = datetime.now(UTC)
        with sessions() as session:
            if session.get(ServerChain, chain.id) is None:
                admin.add_chain(session, chain.name, now, chain.id)
            for branch in branches:
                if session.get(ServerBranch, branch.id) is None:
                    admin.add_branch(session, chain.id, branch.name_th, now, branch.id, branch.branch_code)
            session.commit()
            _, code = admin.new_enrollment_code(session, own.id, now)
            session.commit()
    finally:
        engine.dispose()
    enroll(terminal, url, code.code)
