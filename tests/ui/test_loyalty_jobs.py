"""The app runs the daily loyalty jobs on start-up and again when a new clinic day begins."""

from __future__ import annotations

from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers, loyalty
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import PointsExpiry
from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.loyalty_jobs import DailyLoyaltyJobs
from ui.runner import DeskRunner


def _expiries(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(PointsExpiry))))


def test_points_expire_at_start_up_and_after_midnight(qtbot, staffed_copy: Staffed) -> None:  # type: ignore[no-untyped-def]
    s = staffed_copy
    member = s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง", phone="0812345678"),
                            actor=SYSTEM).result
    s.clock.advance(days=-400)
    s.terminal.run(loyalty.adjust_points, member, 80, "แต้มเก่า", actor=SYSTEM)
    s.clock.advance(days=400)
    runner = DeskRunner(s.terminal, ChangeBus())
    try:
        jobs = DailyLoyaltyJobs(runner)
        jobs.start()
        qtbot.waitUntil(lambda: jobs.last_day != "" and not jobs.running)
        assert _expiries(s) == 1  # the 80 points of 13 months ago
        jobs.run_if_new_day()
        assert not jobs.running  # the same day: nothing to do

        s.clock.advance(days=366)  # a year on, the next clinic day: the welcome points expire
        jobs.run_if_new_day()
        qtbot.waitUntil(lambda: not jobs.running)
        assert _expiries(s) == 2
        assert jobs.timer.isActive()
    finally:
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
        runner.shutdown()
