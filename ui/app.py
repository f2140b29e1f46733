"""The composition root of the desktop app.

``main`` builds everything once and passes it in: the QApplication with the
bundled font, theme and translator; the ``Terminal``; the ``ChangeBus`` and
the ``DeskRunner``; the ``MainWindow``. Nothing reaches for a global.

Start-up stays lean (the benchmark wants an interactive sign-in screen in
under 2 s): no screen is built and no list is loaded before someone signs in
and opens it; the sign-in screen reads only the staff list.
"""

from __future__ import annotations

import asyncio
import gc
import socket
import sys
from pathlib import Path

import qasync
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from bnaura_desk.domain.errors import DatabaseProblem
from bnaura_desk.services.branches import whereabouts
from bnaura_desk.services.setup import is_set_up_at
from bnaura_desk.terminal import Terminal

from .bus import ChangeBus
from .fonts import install_app_font
from .i18n import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION, LanguageSwitcher, ensure_compiled
from .loyalty_jobs import DailyLoyaltyJobs
from .main_window import MainWindow, install_default_screens
from .runner import DeskRunner
from .sync_driver import SyncDriver
from .theme import apply_theme


def build_app(
    argv: list[str] | None = None,
    *,
    i18n_dir: Path | None = None,
    settings: QSettings | None = None,
    language: str | None = None,
) -> tuple[QApplication, LanguageSwitcher]:
    """Return the QApplication (made or reused) set up with font, theme and language.

    Args:
        argv: command-line arguments for Qt (default: the program name only).
        i18n_dir: where the translations are (default ``resources/i18n``);
            missing or stale ``.qm`` files are compiled here first.
        settings: where the language choice is kept (default QSettings
            "BN-Aura"/"Desk").
        language: show this language instead of the saved one (not saved).
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(SETTINGS_ORGANIZATION)
    app.setApplicationName(SETTINGS_APPLICATION)
    install_app_font()
    apply_theme(app)
    if not getattr(sys, "frozen", False):  # the desktop bundle ships them compiled, no lrelease
        try:
            ensure_compiled(i18n_dir)
        except Exception as error:  # noqa: BLE001 - the app still works in English
            print(f"bnaura: cannot compile translations: {error}", file=sys.stderr)
    languages = LanguageSwitcher(app, i18n_dir=i18n_dir, settings=settings)
    if language is not None:
        languages.set_language(language, save=False)
    else:
        languages.set_language(languages.saved_language(), save=False)
    return app, languages


def create_main_window(
    terminal: Terminal,
    languages: LanguageSwitcher,
    *,
    bus: ChangeBus | None = None,
    runner: DeskRunner | None = None,
    screens: bool = True,
    sync: SyncDriver | None = None,
) -> MainWindow:
    """Build the main window around an open terminal (the app and the tests).

    Args:
        screens: register this release's screens (customers, catalog);
            tests of the shell alone register their own.
        sync: the sync driver (default: one for this terminal, not started;
            ``window.sync_driver.start()`` once the asyncio loop runs).

    The caller owns the runner: call ``window.runner.shutdown()`` before
    closing the terminal.
    """
    bus = bus or ChangeBus()
    runner = runner or DeskRunner(terminal, bus)
    window = MainWindow(runner, bus, languages)
    window.attach_sync(sync or SyncDriver(runner, bus))
    # A few rows, read before the worker has anything to do.
    window.show_whereabouts(terminal.read(whereabouts))
    if screens:
        install_default_screens(window)
    return window


def fit_to_screen(window: MainWindow) -> None:
    """Shrink ``window`` to the screen's available area when it is larger."""
    area = window.screen().availableGeometry()
    window.resize(min(window.width(), area.width()), min(window.height(), area.height()))
    window.move(area.topLeft())


def show_database_problem(error: DatabaseProblem) -> None:
    """Tell the user, in their language, why the database cannot be opened."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("errors", "BN-Aura Desk"),
        error.render(QCoreApplication.translate),
        QMessageBox.StandardButton.Ok,
    )
    box.exec()


async def first_run(db_path: Path) -> bool:
    """Show the first-run dialog for an empty database; return whether it joined a clinic."""
    from .enroll import EnrollDialog  # first run only: keeps enrollment out of the start-up

    dialog = EnrollDialog(path=db_path, device_name=socket.gethostname()[:100] or "Counter 1")
    finished: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def settle(result: int) -> None:
        if not finished.done():
            finished.set_result(result)

    dialog.finished.connect(settle)
    dialog.open()
    return await finished == QDialog.DialogCode.Accepted


async def run_desk(app: QApplication, languages: LanguageSwitcher, db_path: Path) -> int:
    """The app's life, awaited in the qasync loop: first run, main window, sync, shutdown.

    Returns the exit code: 1 when the database cannot be opened (after a
    translated message box saying why), 0 otherwise.
    """
    try:
        if not is_set_up_at(db_path) and not await first_run(db_path):
            return 0
        terminal = Terminal.open(Path(db_path))
    except DatabaseProblem as error:
        show_database_problem(error)
        return 1
    window = create_main_window(terminal, languages)
    # The counter PC runs nothing else: fill the screen. Never larger than
    # it either (a 1280x800 window on a 1366x768 terminal hid the status
    # bar), also where no window manager maximises (kiosk sessions).
    fit_to_screen(window)
    window.showMaximized()
    # What start-up made (Qt wrappers, modules, the catalog of statements)
    # lives as long as the app: keep it out of the collector's full passes,
    # which otherwise come every few reads of a long points ledger and make
    # its slowest reads several times the typical (bench/RESULTS.md).
    gc.freeze()
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def close() -> None:
        if not closed.done():
            closed.set_result(None)

    app.lastWindowClosed.connect(close)
    # Sync starts a moment after the window: its first round loads the
    # network stack, which the sign-in screen should not wait for.
    starting = asyncio.get_running_loop().call_later(1.0, window.sync_driver.start)
    # Points expiry, birthdays and tiers: once the sign-in screen is up, then daily.
    loyalty_jobs = DailyLoyaltyJobs(window.runner)
    jobs_starting = asyncio.get_running_loop().call_later(3.0, loyalty_jobs.start)
    try:
        await closed
    finally:
        starting.cancel()
        jobs_starting.cancel()
        loyalty_jobs.timer.stop()
        await window.sync_driver.stop()
        window.runner.shutdown()
        terminal.close()
    return 0


def main(db_path: Path, argv: list[str] | None = None) -> int:
    """Run the desktop app on the terminal database at ``db_path``; return the exit code.

    The Qt event loop is qasync's asyncio loop, so sync runs as tasks in
    the GUI thread's loop without ever blocking it. An empty or missing
    database first shows the first-run dialog (join a clinic server).
    """
    app, languages = build_app(argv)
    # run_desk decides when the app ends (after sync has stopped cleanly).
    quits_by_itself = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            return int(loop.run_until_complete(run_desk(app, languages, Path(db_path))))
    finally:
        asyncio.set_event_loop(None)
        app.setQuitOnLastWindowClosed(quits_by_itself)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("terminal.sqlite"), sys.argv))
