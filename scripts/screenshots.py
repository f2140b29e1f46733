#!/usr/bin/env python3
"""Render the shell's screenshots into docs/screenshots/ (offscreen, no display needed).

    python scripts/screenshots.py [--out docs/screenshots] [--customers 300]

Builds the demo clinic in a temporary folder (``bnaura_desk.demo.populate``,
or a few staff when the demo module is missing), starts the real main
window in Thai, and saves:

- ``login.png``: the sign-in screen;
- ``login-wrong-pin.png``: the same after a wrong PIN;
- ``main.png``: the main window after the right PIN;
- ``main-en.png``: the main window switched to English at run time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from bnaura_desk.domain.roles import Role
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.terminal import Terminal
from ui.app import build_app, create_main_window

FALLBACK_STAFF = (
    ("คุณอรทัย", Role.OWNER, "258025"),
    ("คุณวิภา", Role.MANAGER, "369147"),
    ("น้องแพรว", Role.FRONT_DESK, "482619"),
    ("พี่นก", Role.BEAUTICIAN, "714035"),
)


def make_demo(folder: Path, customers: int) -> tuple[Terminal, dict[str, str]]:
    """Return the demo terminal and each staff member's PIN by name."""
    path = folder / "terminal.sqlite"
    try:
        from bnaura_desk import demo
    except ImportError:
        demo = None
    if demo is not None:
        terminal = Terminal.create(
            path, clinic_name=demo.DEMO_CLINIC_NAME_TH, clinic_name_en=demo.DEMO_CLINIC_NAME_EN, device_name="POS-1"
        )
        report = demo.populate(terminal, customers=customers, seed=7)
        return terminal, {s.name: s.pin for s in report.staff}
    terminal = Terminal.create(path, clinic_name="บีเอ็น-ออร่า คลินิก", device_name="POS-1")
    for name, role, pin in FALLBACK_STAFF:
        terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM)
    return terminal, {name: pin for name, _, pin in FALLBACK_STAFF}


# QEventLoop.processEvents, not QApplication.processEvents: PySide6 6.12.0 on
# Python 3.11 drops a reference to None on every call of a void-returning
# function (QApplication.processEvents among them), and a loop of them soon
# aborts with "none_dealloc". The instance method returns a bool and is safe.
_LOOP: QEventLoop | None = None


def _process() -> None:
    global _LOOP
    if _LOOP is None:
        _LOOP = QEventLoop()
    _LOOP.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not settle")
        _process()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _process()


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    print(f"wrote {path}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=300)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat)
        app, languages = build_app(["screenshots"], settings=settings, language="th")
        terminal, pins = make_demo(folder, args.customers)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 800)
            window.show()
            wait(app, lambda: window.login.loaded)
            settle(app)
            save(window, args.out / "login.png")

            desk = next(t.card for t in window.login.tiles() if t.card.role is Role.FRONT_DESK)
            window.login.select(desk.id)
            wrong = "135792" if pins[desk.display_name] != "135792" else "246801"
            window.login.pin.setText(wrong)
            window.login.submit()
            wait(app, lambda: not window.login.busy and runner.pending() == 0)
            settle(app)
            save(window, args.out / "login-wrong-pin.png")

            window.login.pin.setText(pins[desk.display_name])
            window.login.submit()
            wait(app, lambda: not window.signing_in and runner.pending() == 0)
            settle(app, 1.0)
            wait(app, lambda: runner.pending() == 0)
            save(window, args.out / "main.png")

            window.set_language("en")
            settle(app)
            wait(app, lambda: runner.pending() == 0)
            save(window, args.out / "main-en.png")
        finally:
            wait(app, lambda: runner.pending() == 0)
            runner.shutdown()
            window.close()
            terminal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
