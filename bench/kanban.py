"""The journeys kanban with 5,000 open journeys: opening the board, a move committed and repainted, memory.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.kanban [--journeys 5000] [--moves 100]

Builds a terminal in a temporary folder: customers and journeys made with the
services (``register_customer``, ``open_journey``), then spread over every
open stage by writing the stage (and a placeholder sale and appointment
where the stage needs them) straight into the table — the board reads
rows, it does not care how they got there — with stage entry times over
the last 30 days, so some cards are overdue.

- open: ``JourneyBoard(...)`` built, its one read on the worker, every
  column's model reset, and the whole board painted offscreen
  (``QWidget.grab``); five times, a new board each time.
- move: ``request_move`` of a lead card to "skin scanned" (judged,
  ``move_journey`` committed on the worker, the card moved between the two
  column models) and both columns repainted (``repaint`` of their
  viewports); ``--moves`` times.
- memory: the process's resident size before the first board and after
  the last (the worker's data and the models of five boards, four freed).

Targets: open under 500 ms; move p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken
from sqlalchemy import update
from sqlalchemy.orm import Session

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import FLOW, Stage, needs_appointment, needs_sale
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers, journeys
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.store.models import Journey
from bnaura_desk.terminal import Terminal

from ._common import machine, percentiles, table

OPEN_TARGET_MS = 500.0
MOVE_TARGET_P95_MS = 50.0
FIRST = ("สมหญิง", "มาลี", "ปรียา", "กนกวรรณ", "วิไล", "อรพรรณ", "ชุติมา", "พิมพ์ชนก", "ณัฐธิดา", "สุภาพร")
LAST = ("ใจดี", "ศรีสุข", "ทองดี", "สุขใจ", "รักษ์ดี", "มีสุข", "แสงทอง", "บุญมา", "วงศ์ไทย", "พึ่งบุญ")


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def build(terminal: Terminal, count: int, rng: random.Random) -> Actor:
    sales_id = terminal.run(staff_service.create_staff, "น้องเซลส์", Role.SALES, "2468", actor=SYSTEM).result
    sales = Actor(sales_id, "น้องเซลส์", Role.SALES)
    desk_id = terminal.run(staff_service.create_staff, "น้องหน้าร้าน", Role.FRONT_DESK, "1357", actor=SYSTEM).result
    desk = Actor(desk_id, "น้องหน้าร้าน", Role.FRONT_DESK)
    ids = []
    for n in range(count):
        name = f"{FIRST[n % 10]} {LAST[(n // 10) % 10]} {n}"
        customer = terminal.run(customers.register_customer, CustomerForm(
            name_th=name, phone=f"08{n:08d}"), actor=desk).result
        ids.append(terminal.run(journeys.open_journey, customer, title="ฝ้า กระ", actor=sales).result)
    open_stages = [s for s in FLOW if s is not Stage.COMPLETED]
    now = terminal.clock.now if isinstance(terminal.clock, Clock) else datetime.now(UTC)

    def spread(session: Session) -> None:
        for journey_id in ids[count // 5:]:  # a fifth stay leads (the moves take them)
            stage = rng.choice(open_stages)
            session.execute(update(Journey).where(Journey.id == journey_id).values(
                stage=str(stage), stage_entered_at=now - timedelta(minutes=rng.randint(1, 30 * 1440)),
                sale_id="00000000-0000-7000-8000-000000000001" if needs_sale(stage) else None,
                appointment_id="00000000-0000-7000-8000-000000000002" if needs_appointment(stage) else None))

    with Session(terminal.db.engine) as session:
        spread(session)
        session.commit()
    return sales


def wait(app: QCoreApplication, runner, until) -> None:  # type: ignore[no-untyped-def]
    while not (runner.pending() == 0 and until()):
        app.processEvents()
        time.sleep(0.0005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=5000)
    parser.add_argument("--moves", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(13)
    app = QApplication.instance() or QApplication([])
    from ui.bus import ChangeBus
    from ui.fonts import install_app_font
    from ui.journeys.board import JourneyBoard
    from ui.runner import DeskRunner
    from ui.theme import apply_theme

    install_app_font()
    apply_theme(app)  # type: ignore[arg-type]
    clock = Clock(datetime(2026, 11, 23, 3, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(Path(tmp) / "kanban.sqlite", clinic_name="คลินิกทดสอบ", device_name="POS-1",
                                   clock=clock)
        started = time.perf_counter()
        sales = build(terminal, args.journeys, rng)
        print(f"built {args.journeys} journeys in {time.perf_counter() - started:.1f} s")
        runner = DeskRunner(terminal, ChangeBus())
        runner.actor = sales
        rss_before = rss_mb()
        opens: list[float] = []
        board = None
        for _ in range(5):
            if board is not None:  # gone for good: a live one would reload on every move's change
                board.close()
                Shiboken.delete(board)
                gc.collect()
            t0 = time.perf_counter()
            board = JourneyBoard(runner)
            board.resize(1600, 900)
            board.show()
            wait(app, runner, lambda b=board: b.loaded)
            board.grab()
            opens.append(time.perf_counter() - t0)
        assert board is not None
        shown = sum(c.model.rowCount() for c in board.columns.values())
        moves: list[float] = []
        lead, scanned = board.columns[Stage.LEAD_CREATED], board.columns[Stage.SCANNED]
        for card in lead.model.cards()[: args.moves]:
            t0 = time.perf_counter()
            board.request_move(card.id, Stage.LEAD_CREATED, Stage.SCANNED)
            wait(app, runner, lambda c=card: scanned.model.row_of(c.id) >= 0)
            lead.view.viewport().repaint()
            scanned.view.viewport().repaint()
            moves.append(time.perf_counter() - t0)
        rss_after = rss_mb()
        runner.shutdown()
        terminal.close()
    open_p, move_p = percentiles(opens), percentiles(moves)
    print(machine())
    print(f"cards on the board: {shown}; load average {os.getloadavg()[0]:.2f}")
    print(table([("open the board (read + models + first paint)", open_p),
                 ("move committed and repainted", move_p)]))
    print(f"RSS before the first board {rss_before:.0f} MB, after {rss_after:.0f} MB")
    print(f"targets: open < {OPEN_TARGET_MS} ms: {'met' if open_p['max'] < OPEN_TARGET_MS else 'MISSED'}; "
          f"move p95 < {MOVE_TARGET_P95_MS} ms: {'met' if move_p['p95'] < MOVE_TARGET_P95_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
