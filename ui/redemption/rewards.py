"""The rewards a member can redeem: a table, why the selected one cannot be, the Redeem action.

``RewardsView`` is the list and its action, fed by its owner (the
redemption screen reads everything of a member at once).
``LoyaltyRewardsSection`` is the same view as a section of the loyalty
page: it reads its member itself and follows the bus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.coupons import display_coupon_code
from bnaura_desk.domain.errors import DeskError, NotFound
from bnaura_desk.services.rewards import Redeemed, RewardOffer

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..i18n import current_language
from ..runner import DeskRunner
from ..widgets.field_error import FieldError
from .load import MemberRedemption, MemberRewardsRead, load_redemption
from .models import RewardsModel
from .redeem import RewardRedeemer

# What a member's rewards and coupons depend on, besides the member's own changes.
WATCHED = (Kind.REWARD, Kind.CATALOG_ITEM, Kind.CHAIN, Kind.COUPON)


def member_display_name(name_th: str, name_en: str) -> str:
    """Return the member's name as the UI language prefers it."""
    return (name_en or name_th) if current_language() == "en" else (name_th or name_en)


class RewardsView(QWidget):
    """The rewards table with Redeem (Enter in the table, or the button).

    Signals:
        redeemed(object): a reward was redeemed (``Redeemed``).
    """

    redeemed = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._customer_id: str | None = None
        self._names = ("", "")
        self._balance = 0
        self._blocked = False
        self._issued_code = ""
        self.says_blocked = True  # the loyalty page says it already, above the sections

        self.model = RewardsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("rewardsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RewardsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (RewardsModel.POINTS, RewardsModel.GIVES, RewardsModel.WHY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._render_action())
        self.table.activated.connect(lambda _index: self.redeem_selected())
        self.table.installEventFilter(self)

        self.blocked_label = QLabel(self)
        self.blocked_label.setObjectName("fieldError")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.hide()
        self.why = QLabel(self)
        self.why.setObjectName("hint")
        self.why.setWordWrap(True)
        self.refusal = FieldError(self)
        self.refusal.setObjectName("redeemRefusal")
        self.issued = QLabel(self)
        self.issued.setObjectName("couponIssued")
        self.issued.setWordWrap(True)
        self.issued.hide()
        self.redeem_button = QPushButton(self)
        self.redeem_button.setObjectName("primary")
        self.redeem_button.clicked.connect(self.redeem_selected)

        self.redeemer = RewardRedeemer(runner, self)
        self.redeemer.redeemed.connect(self._redeemed)
        self.redeemer.refused.connect(self._refused)
        self.redeemer.busy_changed.connect(lambda _busy: self._render_action())

        action = QHBoxLayout()
        action.addWidget(self.why, 1)
        action.addWidget(self.redeem_button)
        self.action_row = action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.blocked_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(action)
        layout.addWidget(self.refusal)
        layout.addWidget(self.issued)
        self.retranslate_view()

    # -- contents

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def balance(self) -> int:
        return self._balance

    def set_rewards(self, customer_id: str | None, name_th: str, name_en: str, read: MemberRewardsRead | None) -> None:
        """Show ``read`` for the member ``customer_id`` (None: nobody), keeping the selected reward."""
        if customer_id != self._customer_id:
            self.refusal.clear_error()
            self.issued.hide()
        kept = self.selected_offer()
        self._customer_id = customer_id
        self._names = (name_th, name_en)
        if read is None:
            self._balance, self._blocked = 0, False
            self.model.set_offers([], blocked=False)
        else:
            self._balance, self._blocked = read.rewards.balance, read.rewards.blocked
            self.model.set_offers(read.rewards.offers, blocked=read.rewards.blocked, item_names=read.item_names)
        row = self.model.row_of(kept.reward.id) if kept is not None else -1
        if row < 0:  # the first reward the balance affords, ready for Enter
            row = next((r for r in range(self.model.rowCount()) if self.model.usable(self.model.offer(r))), 0)
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._render_blocked()
        self._render_action()

    def selected_offer(self) -> RewardOffer | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.offer(index.row())

    def select_reward(self, reward_id: str) -> None:
        """Make the reward ``reward_id`` the selected one (if listed)."""
        row = self.model.row_of(reward_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    # -- redeeming

    def redeem_selected(self) -> None:
        """Ask to redeem the selected reward (nothing when it cannot be redeemed now)."""
        offer = self.selected_offer()
        if self._customer_id is None or offer is None or not self.model.usable(offer) or self.redeemer.busy:
            return
        self.refusal.clear_error()
        self.issued.hide()
        self.redeemer.ask(self._customer_id, member_display_name(*self._names), self.model.name(offer), offer,
                          self._balance)

    def _redeemed(self, redeemed: Redeemed) -> None:
        self._issued_code = redeemed.coupon.code
        self._render_issued()
        self.issued.show()
        self.redeemed.emit(redeemed)

    def _refused(self, error: DeskError) -> None:
        self.refusal.show_error(error)

    # -- rendering

    def _render_blocked(self) -> None:
        self.blocked_label.setText(self.tr(
            "The balance is below zero: rewards can be redeemed once it is positive again"))
        self.blocked_label.setVisible(self.says_blocked and self._customer_id is not None and self._blocked)

    def _render_action(self) -> None:
        offer = self.selected_offer()
        usable = offer is not None and self.model.usable(offer) and self._customer_id is not None
        self.redeem_button.setEnabled(usable and not self.redeemer.busy)
        self.why.setText(self.model.why_not(offer) if offer is not None else "")

    def _render_issued(self) -> None:
        code = self._issued_code
        self.issued.setText(self.tr("Coupon {code} issued: it is in the member's coupons").format(
            code=display_coupon_code(code)) if code else "")

    def retranslate_view(self) -> None:
        self.redeem_button.setText(self.tr("Redeem…"))
        self.redeem_button.setToolTip(self.tr("Redeem the selected reward (Enter in the list)"))
        self.model.retranslate()
        self._render_blocked()
        self._render_action()
        self._render_issued()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_view()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a row redeems it (QTableView's "activated" needs a double click on some styles).
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.redeem_selected()
                return True
        return super().eventFilter(watched, event)


class LoyaltyRewardsSection(QWidget):
    """The "Rewards" section of a member's loyalty page (``LoyaltyPanel.add_section``): a ``RewardsView``.

    Follows ``show_customer`` and the bus like the panel: a hidden section
    marks itself stale and reads when shown.

    Signals:
        redemption_requested(str): open the redemption screen for this member.
    """

    redemption_requested = Signal(str)

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loyaltyRewards")
        self.runner = runner
        self._shown: str | None = None
        self._seq = 0
        self._stale = False
        self.view = RewardsView(runner, self)
        self.view.redeem_button.setObjectName("")  # the loyalty page's buttons are plain
        self.view.says_blocked = False
        self.open_screen_button = QPushButton(self)
        self.open_screen_button.setObjectName("openRedemption")
        self.open_screen_button.clicked.connect(self._open_screen)
        self.view.action_row.insertWidget(1, self.open_screen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.view)
        bus.changed.connect(self._on_changed)
        self.retranslate()

    @property
    def customer_id(self) -> str | None:
        return self._shown

    def show_customer(self, customer_id: str | None) -> None:
        """Follow the member ``customer_id`` (None: nobody)."""
        if customer_id != self._shown:
            self._shown = customer_id
            self._seq += 1
            self.view.set_rewards(None, "", "", None)
            self.open_screen_button.setEnabled(customer_id is not None)
        if customer_id is None:
            self._stale = False
        elif self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the member's rewards again."""
        if self._shown is None:
            return
        self._stale = False
        self._seq += 1
        seq, customer_id = self._seq, self._shown
        self.runner.read(load_redemption, customer_id, self.runner.terminal.clock(),
                         on_done=while_alive(self, lambda read: self._show(seq, read)),
                         on_error=while_alive(self, lambda error: self._failed(seq, error)))

    def _show(self, seq: int, read: MemberRedemption) -> None:
        if seq != self._seq:
            return
        m = read.member
        self.view.set_rewards(m.customer_id, m.name_th, m.name_en, read.rewards)

    def _failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(error, NotFound):
            self.show_customer(None)
        else:
            self.runner.show_error(error, self)

    def _open_screen(self) -> None:
        if self._shown is not None:
            self.redemption_requested.emit(self._shown)

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        shown = self._shown
        if shown is None or not (changes.may_touch(Kind.CUSTOMER, shown) or any(changes.touches(k) for k in WATCHED)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rewards"))
        self.open_screen_button.setText(self.tr("Redemption screen…"))
        self.open_screen_button.setToolTip(self.tr("Open the redemption screen for this member: coupons, code check"))
        self.open_screen_button.setEnabled(self._shown is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
