#!/usr/bin/env python3
"""Render the sync screenshots into docs/screenshots/ (offscreen, no display needed).

    python scripts/screenshots_sync.py [--out docs/screenshots] [--customers 120] [--lang th,en]

Everything is real: the demo clinic (``bnaura_desk.demo``) in a temporary
folder, its own clinic server started by ``sync.client.demo.start_demo_server``
(the path ``bnaura app --demo`` takes: a ``bnaura server`` process on
SQLite, the terminal enrolled with it), the main window with its sync
driver in the qasync loop as ``ui.app`` runs it, and a second terminal
(``join_clinic``) syncing with the blocking client as ``bnaura sync`` does.
Saved, in Thai and with an ``-en`` suffix in English (the language is
switched at run time, the widgets stay the same):

- ``sync-online.png``: the status bar up to date, with the last sync time;
- ``sync-offline.png``: the server stopped, the manager edits two customers
  and registers one: the status bar is offline with 3 operations waiting;
- ``exceptions.png``: the server back, the Exceptions screen (all of them):
  two edits lost to a delete made on the other terminal, and a clock far
  ahead on that terminal, resolved with a note;
- ``exceptions-resolve.png``: the resolve dialog of a lost edit, a note typed;
- ``enroll.png``: the first-run dialog after the server refused a wrong code;
- ``enroll-connect.png``: File → Connect to clinic server, the same refusal.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import httpx
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import Actor
from bnaura_desk.services.sync_exceptions import ExceptionFilter, list_exceptions, resolve_exception
from bnaura_desk.services.sync_state import pending_count
from bnaura_desk.store.models import Customer, Staff
from bnaura_desk.terminal import Terminal, utc_now
from screenshots import make_demo  # the same demo clinic as the shell's screenshots
from sync.client.demo import DemoServer, start_demo_server
from sync.client.engine import sync_once
from sync.client.enroll import client_for, join_clinic
from sync.server import admin
from sync.server.db import server_engine
from sync.server.scope import chain_sessions
from ui.app import build_app, create_main_window
from ui.customers.screen import CustomerScreen
from ui.enroll import EnrollDialog
from ui.exceptions.screen import ExceptionsScreen
from ui.i18n import LanguageSwitcher
from ui.main_window import MainWindow
from ui.status import SyncState

WRONG_CODE = "7KQ4-MX2P-9RTW"


# ---------------------------------------------------------------- helpers


async def until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Let the qasync loop (Qt events and asyncio tasks) run until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for: {what}")
        await asyncio.sleep(0.05)


async def settle(seconds: float = 0.5) -> None:
    await asyncio.sleep(seconds)


def save(widget: QWidget, path: Path) -> None:
    """Save ``widget.grab()`` as a PNG (zlib level 9; optipng too when installed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().toImage().save(str(path), "PNG", 0):
        raise OSError(f"cannot write {path}")
    optipng = shutil.which("optipng")
    if optipng:
        subprocess.run([optipng, "-quiet", "-o2", str(path)], check=False)
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size // 1024} KB)")


def png_name(name: str, lang: str) -> str:
    return f"{name}.png" if lang == "th" else f"{name}-{lang}.png"


async def save_each(
    languages: LanguageSwitcher, langs: list[str], widget: QWidget, out: Path, name: str
) -> None:
    """Save ``widget`` in every language of ``langs`` (``name.png``, ``name-en.png``), back to the first.

    The language is switched at run time, as the Language menu does.
    """
    for lang in langs:
        languages.set_language(lang, save=False)
        await settle(0.3)
        save(widget, out / png_name(name, lang))
    languages.set_language(langs[0], save=False)
    await settle(0.3)


async def save_dialog_each(
    languages: LanguageSwitcher, langs: list[str], make: Callable[[], Awaitable[QDialog]], out: Path, name: str
) -> None:
    """Open a dialog with ``make`` in every language of ``langs`` and save it.

    A dialog is opened anew in each language: while a dialog is open the
    Language menu cannot be reached, so nobody switches under it.
    """
    for lang in langs:
        languages.set_language(lang, save=False)
        await settle(0.3)
        dialog = await make()
        await settle(0.5)
        save(dialog, out / png_name(name, lang))
        dialog.reject()
        dialog.deleteLater()
        await settle(0.2)
    languages.set_language(langs[0], save=False)
    await settle(0.3)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def restart(server: DemoServer, port: int) -> DemoServer:
    """Start the demo's server process again on its database (as a second ``bnaura app --demo`` does)."""
    log = open(server.db_path.with_suffix(".log"), "ab")  # noqa: SIM115 - the server's, open while it runs
    process = subprocess.Popen(
        [sys.executable, "-m", "bnaura_desk.cli", "server", "--db", f"sqlite:///{server.db_path}",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{server.url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the demo server did not start again")
        time.sleep(0.1)
    return DemoServer(server.url, server.db_path, process)


def new_code(server: DemoServer, clinic_name: str) -> str:
    """A one-time enrollment code, as ``bnaura server enroll-code --clinic NAME`` makes it."""
    engine = server_engine(f"sqlite:///{server.db_path}")
    try:
        with chain_sessions(engine)() as session:
            _, code = admin.new_enrollment_code(session, clinic_name, datetime.now(UTC))
            session.commit()
            return code.code
    finally:
        engine.dispose()


def staff_actor(terminal: Terminal, role: Role) -> Actor:
    staff = terminal.read(
        lambda s: s.scalars(select(Staff).where(Staff.role == role.value).order_by(Staff.display_name)).first()
    )
    return Actor(staff.id, staff.display_name, role)


def customer_ids(terminal: Terminal, count: int) -> list[str]:
    """The first live customers by Thai name (the same on every run: the demo is seeded)."""
    return list(
        terminal.read(
            lambda s: s.scalars(
                select(Customer.id).where(Customer.deleted_at.is_(None)).order_by(Customer.name_th).limit(count)
            ).all()
        )
    )


async def run_use_case(window: MainWindow, use_case: Callable[..., object], *args: object) -> object:
    """Run a use case as the signed-in user on the app's worker (as a screen does); return its result."""
    done: list[object] = []
    failed: list[BaseException] = []
    window.runner.run(use_case, *args, on_done=lambda c: done.append(c.result), on_error=failed.append)
    await until(lambda: bool(done or failed), use_case.__name__)
    if failed:
        raise failed[0]
    return done[0]


async def sign_in(window: MainWindow, pins: dict[str, str], role: Role) -> None:
    await until(lambda: window.login.loaded, "the sign-in screen")
    card = next(t.card for t in window.login.tiles() if t.card.role is role)
    window.login.select(card.id)
    window.login.pin.setText(pins[card.display_name])
    window.login.submit()
    await until(lambda: not window.signing_in and window.runner.pending() == 0, "signing in")


# ---------------------------------------------------------------- the story


async def story(
    languages: LanguageSwitcher, folder: Path, out: Path, langs: list[str],
    terminal: Terminal, pins: dict[str, str], servers: list[DemoServer], port: int,
) -> None:
    server = servers[0]
    window = create_main_window(terminal, languages)
    driver = window.sync_driver
    runner = window.runner
    b: Terminal | None = None
    try:
        window.resize(1280, 800)
        window.show()
        await sign_in(window, pins, Role.MANAGER)
        driver.start()

        # 1. Online: the demo's outbox pushed, the clinic pulled back.
        await until(lambda: driver.view.state is SyncState.UP_TO_DATE, "the first sync", 120)
        await settle(1.0)
        await save_each(languages, langs, window, out, "sync-online")

        # A second terminal joins the clinic and takes everything with its first pull.
        clinic = terminal.branch()
        join_clinic(folder / "pos2.sqlite", server.url, new_code(server, clinic.name_th), "POS-2")
        b = Terminal.open(folder / "pos2.sqlite")
        with client_for(b) as client:
            sync_once(b, client)

        # Right after a round of this terminal (its next pull is 30 s away), the
        # other terminal deletes two customers and syncs, and the server goes down:
        # this terminal never hears of the deletes before it edits them offline.
        rounds = driver.rounds
        driver.sync_now()
        await until(lambda: driver.rounds > rounds and driver.view.state is SyncState.UP_TO_DATE, "a round")
        first, second = customer_ids(terminal, 2)
        b_manager = staff_actor(b, Role.MANAGER)
        for customer_id in (first, second):
            b.run(customer_service.delete_customer, customer_id, actor=b_manager)
        with client_for(b) as client:
            sync_once(b, client)
        server.stop()

        # 2. Offline: two edits and a new customer wait; the counter goes on.
        for customer_id, changes in (
            (first, {"nickname": "แนน", "skin_notes": "แพ้ง่าย ใช้ครีมสูตรอ่อนโยน"}),
            (second, {"line_id": "new.line.id", "email": "new.address@gmail.com"}),
        ):
            edited = terminal.read(customer_service.get_customer, customer_id).form.with_changes(**changes)
            await run_use_case(window, customer_service.update_customer, customer_id, edited)
        form = CustomerForm(
            name_th="ลลิตา มีสุข", name_en="Lalita Meesuk", nickname="ลิตา", phone="089-555-0142"
        )
        await run_use_case(window, customer_service.register_customer, form)
        waiting = terminal.read(pending_count)
        await until(
            lambda: driver.view.state is SyncState.OFFLINE and driver.view.pending == waiting,
            "offline, all counted",
        )
        customers = cast(CustomerScreen, window.show_screen("customers"))
        customers.search.setText("ลลิตา")
        await until(lambda: runner.pending() == 0 and customers.model.rowCount() == 1, "the search")
        await settle(1.0)
        await save_each(languages, langs, window, out, "sync-offline")
        customers.search.clear()

        # 3. The server is back. The other terminal's clock runs two hours fast
        # when it edits a customer; the server bounds it and reports it.
        server = restart(server, port)
        servers.append(server)
        b.close()
        b = Terminal.open(folder / "pos2.sqlite", clock=lambda: utc_now() + timedelta(hours=2))
        third = customer_ids(b, 3)[2]
        details = b.read(customer_service.get_customer, third)
        b.run(
            customer_service.update_customer, third, details.form.with_changes(nickname="ฝน"), actor=b_manager
        )
        with client_for(b) as client:
            sync_once(b, client)
        # This terminal catches up: its edits of the deleted customers are lost
        # to the deletes (the tombstone wins), and reported.
        rounds = driver.rounds
        driver.sync_now()
        await until(lambda: driver.rounds > rounds and driver.view.pending == 0, "catching up", 60)
        exceptions = terminal.read(list_exceptions, ExceptionFilter.ALL)
        kinds = sorted(e.kind for e in exceptions)
        assert kinds == ["clock_ahead", "edit_lost_to_delete", "edit_lost_to_delete"], kinds
        ahead = next(e for e in exceptions if e.kind == "clock_ahead")
        await run_use_case(
            window, resolve_exception, ahead.id, "ตั้งเวลาเครื่อง POS-2 ใหม่ให้ตรงกับเวลาอินเทอร์เน็ตแล้ว"
        )

        screen = cast(ExceptionsScreen, window.show_screen("exceptions"))
        screen.status_filter.setCurrentIndex(screen.status_filter.findData(ExceptionFilter.ALL))
        await until(lambda: screen.model.rowCount() == 3 and runner.pending() == 0, "the exceptions")
        lost = next(r for r in range(3) if screen.model.row_at(r).kind == "edit_lost_to_delete")
        screen.view.selectRow(lost)
        await settle(1.0)
        await save_each(languages, langs, window, out, "exceptions")

        async def resolve_dialog() -> QDialog:
            dialog = screen.resolve_selected()
            assert dialog is not None
            dialog.note.setPlainText("โทรแจ้งลูกค้าแล้ว ลูกค้าขอให้ลบข้อมูลตามที่สาขาแจ้ง ไม่ต้องกู้คืน")
            return dialog

        await save_dialog_each(languages, langs, resolve_dialog, out, "exceptions-resolve")

        # 4. Connecting with a wrong code: the first-run dialog and File → Connect.
        async def refused(dialog: EnrollDialog) -> QDialog:
            dialog.url.setText(server.url)
            dialog.code.setText(WRONG_CODE)
            dialog.show()
            await settle(0.3)
            dialog.save()
            await until(lambda: not dialog.busy() and dialog.error_text("code") != "", "the refusal")
            return dialog

        async def first_run() -> QDialog:
            return await refused(EnrollDialog(path=folder / "new-terminal.sqlite", device_name="เคาน์เตอร์ 2"))

        async def connect() -> QDialog:
            dialog = window.connect_to_server()  # File → Connect to clinic server…
            assert isinstance(dialog, EnrollDialog)
            return await refused(dialog)

        await save_dialog_each(languages, langs, first_run, out, "enroll")
        await save_dialog_each(languages, langs, connect, out, "enroll-connect")
    finally:
        await driver.stop()
        runner.shutdown()
        window.close()
        terminal.close()
        if b is not None:
            b.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=120)
    parser.add_argument("--lang", default="th,en", help="languages to save, the first one first (default th,en)")
    args = parser.parse_args(argv)
    langs = [lang.strip() for lang in args.lang.split(",") if lang.strip()]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat)
        app, languages = build_app(["screenshots"], settings=settings, language=langs[0])
        terminal, pins = make_demo(folder, args.customers)
        terminal.close()
        path = folder / "terminal.sqlite"
        port = free_port()
        servers = [start_demo_server(path, port=port)]  # what `bnaura app --demo` does before the app opens
        try:
            terminal = Terminal.open(path)
            loop = qasync.QEventLoop(app)
            asyncio.set_event_loop(loop)
            with loop:
                loop.run_until_complete(story(languages, folder, args.out, langs, terminal, pins, servers, port))
        finally:
            for server in servers:
                server.stop()
            asyncio.set_event_loop(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
