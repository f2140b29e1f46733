"""Redeeming a reward from a screen: the confirmation, the use case, its answer.

Shared by the redemption screen and the loyalty page's rewards section:
``RewardRedeemer.ask`` asks "Redeem ... for ... points?", and on yes runs
``services.rewards.redeem_reward`` (a manager's PIN when the signed-in user
may not sell). A refusal (too few points, the balance below zero, a
reward gone) comes back through ``refused``; nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.services.rewards import Redeemed, RewardOffer, redeem_reward

from ..customers.callbacks import while_alive
from ..loyalty.labels import format_points
from ..override import run_with_override
from ..runner import DeskRunner


class RewardRedeemer(QObject):
    """Asks, then redeems a reward for a member.

    Signals:
        redeemed(object): the ``Redeemed`` (points spent, the new coupon).
        refused(DeskError): the service's refusal (shown translated); nothing changed.
        busy_changed(bool): a redemption is asked or on its way.
    """

    redeemed = Signal(object)
    refused = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, runner: DeskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self._widget = parent
        self.question: QMessageBox | None = None
        self.busy = False

    def ask(self, customer_id: str, member_name: str, reward_name: str, offer: RewardOffer, balance: int
            ) -> QMessageBox | None:
        """Ask whether to redeem ``offer`` for the member; on "Redeem", redeem it (None while one is under way)."""
        if self.busy:
            return None
        box = QMessageBox(self._widget)
        box.setObjectName("redeemQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Redeem a reward"))
        box.setText(self.tr("Redeem “{reward}” for {name}?").format(reward=reward_name, name=member_name))
        box.setInformativeText(self.tr("{cost} points are spent; the balance will be {after} points.").format(
            cost=format_points(offer.reward.points_cost), after=format_points(balance - offer.reward.points_cost)))
        yes = box.addButton(self.tr("Redeem"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        # Enter confirms: the reward was chosen on purpose one key before; Escape keeps the points.
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question = box
        self._set_busy(True)

        def answered(button: QAbstractButton) -> None:
            self.question = None
            if button is yes:
                self._run(customer_id, offer.reward.id)
            else:
                self._set_busy(False)

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def _run(self, customer_id: str, reward_id: str) -> None:
        run_with_override(
            self.runner, self._widget, redeem_reward, customer_id, reward_id,
            on_done=while_alive(self, self._done),
            on_error=while_alive(self, self._failed),
            on_cancel=while_alive(self, lambda: self._set_busy(False)),
            initiator=self,
        )

    def _done(self, changes: ChangeSet) -> None:
        self._set_busy(False)
        if isinstance(changes.result, Redeemed):
            self.redeemed.emit(changes.result)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DeskError):
            self.refused.emit(error)
        else:
            self.runner.show_error(error, self._widget)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
