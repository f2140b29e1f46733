"""The daily loyalty jobs, run by the app: on start-up, then once each clinic day.

Points expire, birthday points are awarded and tier changes recorded by
``services.loyalty.run_daily_jobs``; every terminal runs them (their rows
have ids derived from their causes, so the terminals' runs merge). A
terminal left on overnight runs them again after midnight in Bangkok; one
switched off runs them when it starts. ``bnaura loyalty expire`` does the
same from a cron job.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.loyalty_program import clinic_day
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.loyalty import run_daily_jobs

from .runner import DeskRunner

CHECK_EVERY_MS = 10 * 60 * 1000  # how often the app looks whether the clinic day changed


class DailyLoyaltyJobs(QObject):
    """Runs the daily loyalty jobs through the app's database worker (see the module)."""

    def __init__(self, runner: DeskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent or runner)
        self.runner = runner
        self.last_day = ""  # the clinic day of the last run that finished
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_new_day)

    def start(self) -> None:
        """Run the jobs now, then whenever a new clinic day begins."""
        self.timer.start()
        self.run_if_new_day()

    def run_if_new_day(self) -> None:
        """Run the jobs unless they already ran this clinic day (or are running)."""
        today = clinic_day(self.runner.terminal.clock())
        if self.running or today == self.last_day:
            return
        self.running = True

        def done(_: ChangeSet) -> None:
            self.running, self.last_day = False, today

        def failed(error: BaseException) -> None:
            # Tried again at the next check; the jobs are idempotent.
            self.running = False

        self.runner.run(run_daily_jobs, actor=SYSTEM, on_done=done, on_error=failed)
