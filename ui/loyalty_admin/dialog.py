"""The "Loyalty program…" dialog (File menu): four tabs a manager uses to run the chain's loyalty program.

Everyone signed in may open it and look; what saves (the program, a
reward, the achievements, a campaign) needs ``loyalty.manage``, so a user
without it is asked for a manager's PIN, once per save (``run_with_override``).
After a save, and when a sync brings the chain's program, every tab reads
the chain again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..runner import DeskRunner
from .achievements import AchievementsTab
from .campaigns import CampaignTab
from .common import ProgramState, read_program_state
from .earning import EarningTab
from .rewards import RewardsTab

PARTS = ("earning", "rewards", "achievements")


class LoyaltyProgramDialog(QDialog):
    """Earning and tiers, rewards, achievements, coupon campaigns.

    Signals:
        loaded(): the chain's program was read and is shown.
    """

    loaded = Signal()

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loyaltyProgramDialog")
        self.runner = runner
        self.bus = bus
        self.state: ProgramState | None = None
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.earning = EarningTab(runner, self)
        self.rewards = RewardsTab(runner, self)
        self.achievements = AchievementsTab(runner, self)
        self.campaigns = CampaignTab(runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("loyaltyTabs")
        for tab in (self.earning, self.rewards, self.achievements, self.campaigns):
            self.tabs.addTab(tab, "")
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.explanation)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        # Fusion's spin boxes are too low for Thai with marks above and below the line.
        for spin in self.findChildren(QSpinBox):
            spin.setMinimumHeight(32)
        # Fusion's tabs clip descenders (g, p) and Thai marks below the line: give them room.
        self.setStyleSheet("QLabel#sectionHeading { font-weight: 600; font-size: 11pt; } "
                           "QTabBar::tab { padding: 7px 14px; } "
                           "QTabBar::tab:selected { background: #ffffff; border-bottom: 3px solid #0f6e6e; }")
        self.resize(1100, 720)
        # A save reads back only its own tab: edits not yet saved in the others stay.
        self.earning.saved.connect(lambda: self.reload(("earning",)))
        self.rewards.changed.connect(lambda: self.reload(("rewards",)))
        self.achievements.saved.connect(lambda: self.reload(("achievements",)))
        bus.changed.connect(self._on_changes)
        self.retranslate()
        self.reload()

    @property
    def is_loaded(self) -> bool:
        return self.state is not None

    def reload(self, parts: tuple[str, ...] = PARTS) -> None:
        """Read the chain's program, rewards and achievements again; show ``parts`` of them anew."""
        self.runner.read(read_program_state, on_done=while_alive(self, lambda state: self._show(state, parts)))

    def _show(self, state: ProgramState, parts: tuple[str, ...]) -> None:
        self.state = state
        if "earning" in parts:
            self.earning.show_program(state.program)
        if "rewards" in parts:
            self.rewards.show_rewards(state.rewards)
        if "achievements" in parts:
            self.achievements.show_definitions(state.achievements)
        self.loaded.emit()

    def _on_changes(self, changes: ChangeSet, initiator: object) -> None:
        # A pulled program or reward (another terminal's manager): show it. Our own saves reload already.
        if not self._mine(initiator) and (changes.touches(Kind.CHAIN) or changes.touches(Kind.REWARD)):
            self.reload()

    def _mine(self, initiator: object) -> bool:
        """Whether ``initiator`` is this dialog or inside it, a form it opened too (``isAncestorOf`` stops at windows)."""
        widget = initiator if isinstance(initiator, QWidget) else None
        while widget is not None:
            if widget is self:
                return True
            widget = widget.parentWidget()
        return False

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty program"))
        self.explanation.setText(self.tr(
            "The chain's loyalty program, the same at every branch. Changes apply from the next award; "
            "points already earned stay as they are."))
        for row, text in enumerate((self.tr("Earning and tiers"), self.tr("Rewards"), self.tr("Achievements"),
                                    self.tr("Coupon campaigns"))):
            self.tabs.setTabText(row, text)
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
