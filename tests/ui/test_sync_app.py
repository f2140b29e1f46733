"""Sync inside the app: the qasync driver, the status bar, the enroll dialog.

A real ``bnaura server`` subprocess on SQLite and real terminal files; the
asyncio loop is qasync's, on the test's QApplication, as in the app.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import pending_count, save_enrollment
from bnaura_desk.terminal import Terminal
from sync.client.async_http import AsyncSyncClient
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.server import admin
from tests.sync.conftest import Server, now, start_server
from ui.bus import ChangeBus
from ui.runner import DeskRunner
from ui.status import SyncIndicator, SyncState
from ui.sync_driver import SyncDriver


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("ui-server")
    srv = start_server("sqlite", f"sqlite:///{tmp / 'server.sqlite'}", tmp)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def qloop(desk_app: QApplication) -> Iterator[qasync.QEventLoop]:
    """qasync's loop on the test's QApplication, running while qtbot spins Qt.

    One per module, as the app has one: qasync's loops do not come back to
    life on one QApplication once one was stopped.
    """
    loop = qasync.QEventLoop(desk_app, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    # Not loop.stop(): it calls QApplication.exit(), which ends the next
    # event loop any later test spins (qtbot.waitUntil) at once.
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


def _enrolled_terminal(server: Server, path: Path, name: str = "POS-1") -> Terminal:
    terminal = Terminal.create(path, clinic_name="คลินิกซิงก์", device_name=name)
    clinic_id = terminal.device().chain_id
    with server.sessions() as session:
        if session.get(admin.ServerChain, clinic_id) is None:
            admin.add_clinic(session, f"คลินิก {clinic_id[-8:]}", now(), clinic_id)
            session.commit()
    token = server.client().post("/v1/enroll", json=server.enroll_body(terminal, server.new_code(clinic_id))).json()["token"]
    terminal.run(save_enrollment, server.base_url, token, "คลินิกซิงก์", actor=None)
    return terminal


class Desk:
    """A terminal with the app's runner, bus, driver and status indicator."""

    def __init__(self, terminal: Terminal, **driver_options: object) -> None:
        self.terminal = terminal
        self.bus = ChangeBus()
        self.runner = DeskRunner(terminal, self.bus)
        self.driver = SyncDriver(self.runner, self.bus, rng=__import__("random").Random(1), **driver_options)  # type: ignore[arg-type]
        self.indicator = SyncIndicator()
        self.driver.view_changed.connect(self.indicator.show_view)
        self.announced: list[tuple[ChangeSet, object]] = []
        self.bus.changed.connect(lambda changes, initiator: self.announced.append((changes, initiator)))

    def register(self, qtbot, name: str, phone: str) -> str:  # type: ignore[no-untyped-def]
        done: list[ChangeSet] = []
        self.runner.run(
            customer_service.register_customer, CustomerForm(name_th=name, phone=phone), actor=SYSTEM, on_done=done.append
        )
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        return str(done[0].result)

    def close(self, loop: qasync.QEventLoop, qtbot) -> None:  # type: ignore[no-untyped-def]
        stopped = loop.create_task(self.driver.stop())
        qtbot.waitUntil(stopped.done, timeout=10_000)
        self.runner.shutdown()
        self.indicator.deleteLater()
        self.terminal.close()


def test_a_commit_is_pushed_soon_and_the_status_bar_says_up_to_date(
    qtbot, qloop, languages, server: Server, tmp_path: Path
) -> None:
    desk = Desk(_enrolled_terminal(server, tmp_path / "a.sqlite"), pull_interval=60.0, push_delay=0.05)
    try:
        desk.driver.start()
        qtbot.waitUntil(lambda: desk.driver.rounds >= 1, timeout=15_000)
        assert desk.indicator.state is SyncState.UP_TO_DATE
        assert desk.indicator.text().startswith("ซิงก์: ข้อมูลล่าสุดแล้ว (ซิงก์ล่าสุด ")

        rounds = desk.driver.rounds
        customer_id = desk.register(qtbot, "สมศรี", "0812345601")
        # No "Sync now", no pull interval (60 s): the commit itself wakes the push.
        qtbot.waitUntil(lambda: desk.driver.rounds > rounds and desk.driver.view.pending == 0, timeout=15_000)
        assert _server_has(server, customer_id)
        assert desk.indicator.state is SyncState.UP_TO_DATE
    finally:
        desk.close(qloop, qtbot)


def _server_has(server: Server, entity_id: str) -> bool:
    from sqlalchemy import select

    from sync.server.models import Record

    with server.sessions() as session:
        return session.scalar(select(Record.id).where(Record.id == entity_id)) is not None


def test_pulled_changes_reach_the_change_bus_with_the_driver_as_initiator(
    qtbot, qloop, languages, server: Server, tmp_path: Path
) -> None:
    a = _enrolled_terminal(server, tmp_path / "a.sqlite", "POS-1")
    clinic_id = a.device().chain_id
    with client_for(a) as client:
        sync_once(a, client)  # the branch's profile first: B's customer names the branch
    # A second terminal of the same clinic registers a customer and syncs from the command line.
    b_path = tmp_path / "b.sqlite"
    from sync.client.enroll import join_clinic

    join_clinic(b_path, server.base_url, server.new_code(clinic_id), "POS-2")
    with Terminal.open(b_path) as b:
        cid = b.run(
            customer_service.register_customer, CustomerForm(name_th="มาลี", phone="0812345602"), actor=SYSTEM
        ).result
        with client_for(b) as client:
            sync_once(b, client)

    desk = Desk(a, pull_interval=60.0)
    try:
        desk.driver.start()
        qtbot.waitUntil(lambda: desk.driver.rounds >= 1, timeout=15_000)
        pulled = [(c, i) for c, i in desk.announced if i is desk.driver]
        assert pulled and any(cid in c.ids(Kind.CUSTOMER) for c, _ in pulled)
        hits = a.read(customer_service.search_customers, "มาลี")
        assert [h.id for h in hits] == [cid]
    finally:
        desk.close(qloop, qtbot)


class _SilentServer:
    """A TCP server that accepts connections and never answers (a hung link)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for c in self.held:
            c.close()


def test_a_hung_server_never_holds_up_registering_at_the_counter(
    qtbot, qloop, languages, tmp_path: Path
) -> None:
    hung = _SilentServer()
    terminal = Terminal.create(tmp_path / "a.sqlite", clinic_name="คลินิก", device_name="POS-1")
    terminal.run(save_enrollment, hung.url, "token", "คลินิก", actor=None)
    desk = Desk(
        terminal,
        pull_interval=60.0,
        client_factory=lambda url, token, verify: AsyncSyncClient(url, token, timeout=30.0),
    )
    try:
        desk.driver.start()
        qtbot.waitUntil(lambda: desk.indicator.state is SyncState.SYNCING, timeout=10_000)
        started = time.monotonic()
        customer_id = desk.register(qtbot, "รอไม่ได้", "0812345603")
        waited = time.monotonic() - started
        # The round is still waiting on the dead server (30 s time-out); the sale did not wait for it.
        assert desk.driver.rounds == 0 and waited < 10
        assert terminal.read(customer_service.get_customer, customer_id).form.name_th == "รอไม่ได้"
        # The status bar counts the new operation as waiting at once.
        waiting = terminal.read(pending_count)
        qtbot.waitUntil(lambda: desk.indicator.pending == waiting, timeout=10_000)
        assert f"รอส่ง {waiting} รายการ" in desk.indicator.text()
    finally:
        desk.close(qloop, qtbot)
        hung.close()


def _closed_port_url() -> str:
    """An address where nothing listens: every connection is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_sync_now_while_offline_says_the_server_is_unreachable_and_when_it_retries(
    qtbot, qloop, languages, tmp_path: Path
) -> None:
    from ui.status import DeskStatusBar
    from ui.widgets.dates import format_time

    languages.set_language("en", save=False)
    terminal = Terminal.create(tmp_path / "a.sqlite", clinic_name="คลินิก", device_name="POS-1")
    terminal.run(save_enrollment, _closed_port_url(), "token", "คลินิก", actor=None)
    desk = Desk(terminal, pull_interval=60.0)
    bar = DeskStatusBar()
    qtbot.addWidget(bar)
    desk.driver.view_changed.connect(bar.sync.show_view)
    bar.sync.sync_requested.connect(desk.driver.sync_now)
    try:
        desk.driver.start()
        qtbot.waitUntil(lambda: desk.driver.view.retry_at is not None, timeout=15_000)
        assert bar.sync.state is SyncState.OFFLINE
        retry = desk.driver.view.retry_at
        assert retry is not None
        assert bar.sync.text().endswith(f"; next try at {format_time(retry)}")
        assert bar.currentMessage() == ""  # nobody asked: no message

        rounds = desk.driver.rounds
        qtbot.mouseClick(bar.sync.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desk.driver.rounds > rounds and bar.currentMessage() != "", timeout=15_000)
        retry = desk.driver.view.retry_at
        assert retry is not None
        assert bar.currentMessage() == f"Server unreachable: working offline, will retry at {format_time(retry)}"
    finally:
        desk.close(qloop, qtbot)


def test_a_bootstrap_reads_its_pages_on_the_database_worker_and_moves_the_progress_bar_each_page(
    qtbot, qloop, languages, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from bnaura_desk import demo
    from bnaura_desk.services.customers import count_customers
    from sync.client import engine, pages
    from sync.client.enroll import join_clinic
    from sync.protocol import Change

    # A clinic whose server holds 400 customers with their consents and check-ins (over 1,000 changes).
    b = _enrolled_terminal(server, tmp_path / "b.sqlite", "POS-1")
    factory = demo.CustomerFactory(random.Random(7))
    for _ in range(4):
        b.run(demo.register_batch, [factory.make() for _ in range(100)], actor=SYSTEM)
    with client_for(b) as client:
        sync_once(b, client)
    clinic_id = b.device().chain_id
    b.close()
    join_clinic(tmp_path / "a.sqlite", server.base_url, server.new_code(clinic_id), "POS-2")

    reads: list[str] = []
    applied: list[tuple[str, bool]] = []
    real_read, real_apply = pages.UnreadPage.read, engine.apply_changes

    def read(page: pages.UnreadPage):  # type: ignore[no-untyped-def]
        reads.append(threading.current_thread().name)
        return real_read(page)

    def apply(session, changes, now, **kw):  # type: ignore[no-untyped-def]
        applied.append((threading.current_thread().name, all(isinstance(c, Change) for c in changes)))
        return real_apply(session, changes, now, **kw)

    monkeypatch.setattr(pages.UnreadPage, "read", read)
    monkeypatch.setattr(engine, "apply_changes", apply)
    desk = Desk(Terminal.open(tmp_path / "a.sqlite"), pull_interval=60.0, page=200)
    moves: list[int] = []
    desk.indicator.progress_bar.valueChanged.connect(moves.append)
    desk.driver.progress.connect(desk.indicator.show_progress)
    try:
        desk.driver.start()
        qtbot.waitUntil(lambda: desk.driver.rounds >= 1, timeout=60_000)
        assert desk.indicator.state is SyncState.UP_TO_DATE
        assert desk.terminal.read(count_customers) == 400
        # Every page was read and applied on the database worker, never in the GUI thread's event loop.
        assert len(reads) >= 5 and len(applied) == len(reads)
        assert {name.split("_")[0] for name in reads} == {"desk-db"}
        assert applied == [(reads[0], True)] * len(reads)
        # The bar moved at least once per page, and is gone once everything arrived.
        assert len(moves) >= len(reads) and moves == sorted(moves)
        qtbot.waitUntil(lambda: desk.indicator.progress_bar.isHidden(), timeout=5_000)
    finally:
        desk.close(qloop, qtbot)
