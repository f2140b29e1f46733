"""Grab the kanban of the demo clinic (what ``scripts/demo`` opens) into docs/screenshots/kanban-demo-th.png.

The demo is made as ``bnaura init --demo`` makes it (``demo.populate``),
in a temporary folder, or an existing demo database is opened read as it
is; the app's main window is built on it, a salesperson signs in and the
journeys screen is shown, then scrolled to its later columns
(``kanban-demo-th-later.png``).

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_kanban_demo.py [th|en] [DEMO.sqlite]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk import demo
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import grab, wait


def open_demo(folder: Path, given: str | None) -> Terminal:
    """Return the demo terminal at ``given``, or a new one made in ``folder`` (timed: the demo must stay quick)."""
    if given:
        return Terminal.open(Path(given))
    terminal = Terminal.create(folder / "demo.sqlite", clinic_name=demo.DEMO_CLINIC_NAME_TH,
                               clinic_name_en=demo.DEMO_CLINIC_NAME_EN, device_name="POS-1")
    started = time.perf_counter()
    report = demo.populate(terminal, customers=300, seed=7)
    print(f"demo made in {time.perf_counter() - started:.1f} s: {report.journeys} journeys, "
          f"{report.appointments} appointments, {report.sales} sales")
    return terminal


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    with tempfile.TemporaryDirectory() as tmp:
        terminal = open_demo(Path(tmp), sys.argv[2] if len(sys.argv) > 2 else None)
        sales = next(c for c in terminal.read(staff_service.list_staff) if c.role is Role.SALES)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1600, 900)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(Actor(sales.id, sales.display_name, Role.SALES))
            wait(app, runner)
            board: Any = window.show_screen("journeys")
            wait(app, runner)
            grab(window, f"kanban-demo-{lang}.png")
            # The later stages, scrolled to: ten columns do not fit a counter's screen.
            bar = board.board_scroll.horizontalScrollBar()
            bar.setValue(bar.maximum())
            wait(app, runner)
            grab(window, f"kanban-demo-{lang}-later.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
