"""The redemption screen: the member at the desk, what their points buy, their coupons, a coupon code's check.

Keyboard-first: F2 finds the member (type a name or phone, Up/Down, Enter;
a member QR scanned into the box opens its member), F3 checks a coupon
code (typed or scanned: the answer shows as soon as the code is whole),
F4 goes to the rewards, where Enter redeems the selected one after a
confirmation; F5 goes to the member's courses, where Enter uses a session
of the selected one ("ตัดคอร์ส", ``ui.courses``). The screen learns of
changes only from the bus (points, coupons, rewards, courses, made here or
pulled by sync); hidden, it marks itself stale and reads when shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.coupons import CODE_LENGTH, CouponVerdict
from bnaura_desk.domain.errors import NotFound
from bnaura_desk.domain.keyboard import keys_typed
from bnaura_desk.domain.phone import display_phone
from bnaura_desk.domain.referral import canonical, display_code, typed_code
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.coupons import check_coupon_code
from bnaura_desk.services.customers import CustomerHit
from bnaura_desk.services.rewards import Redeemed

from ..bus import ChangeBus
from ..courses.section import CoursesSection
from ..customers.callbacks import while_alive
from ..customers.model import CustomerIdRole, CustomerListModel, NameDelegate
from ..loyalty.labels import format_points
from ..runner import DeskRunner
from ..widgets.scroll import VerticalScrollArea
from .load import MemberRedemption, load_redemption
from .models import CouponsModel, render
from .rewards import WATCHED, RewardsView, member_display_name

SEARCH_LIMIT = 20
_VALID_STYLE = "color: #1b6e3a; font-weight: 600;"
_REFUSED_STYLE = "color: #b42318; font-weight: 600;"


def scanned_text(typed: str) -> str:
    """Return what was typed as the keys pressed (a scanner with the keyboard set to Thai types Thai letters)."""
    return keys_typed(typed)


class RedemptionScreen(QWidget):
    """Redeem rewards and check coupons for the member at the desk.

    Args:
        runner: the app's database worker (its ``actor`` redeems).
        bus: the change bus; the member, their rewards and coupons refresh from it.
    """

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redemptionScreen")
        self.runner = runner
        self._customer_id: str | None = None
        self._read: MemberRedemption | None = None
        self._search_seq = 0
        self._member_seq = 0
        self._check_seq = 0
        self._stale = False
        self._verdict: CouponVerdict | None = None
        self._select_coupon: str | None = None

        # -- finding the member
        self.search = QLineEdit(self)
        self.search.setObjectName("redemptionSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self.search_members)
        self.hits = CustomerListModel(self)
        self.hit_list = QTableView(self)
        self.hit_list.setObjectName("redemptionHits")
        self.hit_list.setModel(self.hits)
        self.hit_list.setItemDelegateForColumn(CustomerListModel.NAME, NameDelegate(self.hit_list))
        self.hit_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hit_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hit_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hit_list.setWordWrap(False)
        self.hit_list.verticalHeader().hide()
        self.hit_list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 14)
        for column in (CustomerListModel.NICKNAME, CustomerListModel.CODE):
            self.hit_list.hideColumn(column)  # a narrow list: name and phone say who it is
        hit_header = self.hit_list.horizontalHeader()
        hit_header.setSectionResizeMode(CustomerListModel.NAME, QHeaderView.ResizeMode.Stretch)
        hit_header.setSectionResizeMode(CustomerListModel.PHONE, QHeaderView.ResizeMode.ResizeToContents)
        self.hit_list.selectionModel().currentRowChanged.connect(self._hit_changed)
        self.search_hint = QLabel(self)
        self.search_hint.setObjectName("hint")
        self.search_hint.setWordWrap(True)

        # -- the member
        self.name = QLabel(self)
        self.name.setObjectName("memberName")
        big = QFont(self.name.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.name.setFont(big)
        self.name.setWordWrap(True)
        self.who = QLabel(self)
        self.who.setObjectName("hint")
        self.balance = QLabel(self)
        self.balance.setObjectName("pointsBalance")
        self.balance.setFont(big)
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # -- a coupon code
        self.code_caption = QLabel(self)
        self.code_box = QLineEdit(self)
        self.code_box.setObjectName("couponCode")
        self.code_box.setClearButtonEnabled(True)
        self.code_box.textChanged.connect(self._code_typed)
        self.code_box.returnPressed.connect(self.check_code)
        self.code_caption.setBuddy(self.code_box)
        self.code_result = QLabel(self)
        self.code_result.setObjectName("couponVerdict")
        self.code_result.setWordWrap(True)
        self.code_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- rewards and coupons
        self.rewards_caption = QLabel(self)
        self.rewards_caption.setObjectName("sectionTitle")
        self.rewards = RewardsView(runner, self)
        self.rewards.redeemed.connect(self._redeemed)
        self.coupons_caption = QLabel(self)
        self.coupons_caption.setObjectName("sectionTitle")
        self.coupons = CouponsModel(self)
        self.coupon_list = QTableView(self)
        self.coupon_list.setObjectName("memberCoupons")
        self.coupon_list.setModel(self.coupons)
        self.coupon_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.coupon_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.coupon_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coupon_list.setAlternatingRowColors(True)
        # Where and when a used coupon was used is the point of the details: they wrap, never elide.
        self.coupon_list.setWordWrap(True)
        self.coupon_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.coupon_list.verticalHeader().hide()
        self.coupon_list.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 12)
        self.coupon_list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        coupon_header = self.coupon_list.horizontalHeader()
        for column in (CouponsModel.CODE, CouponsModel.GIVES, CouponsModel.UNTIL, CouponsModel.STATE):
            coupon_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        coupon_header.setSectionResizeMode(CouponsModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.no_coupons = QLabel(self)
        self.no_coupons.setObjectName("hint")
        self.courses = CoursesSection(runner, bus, self)

        for caption in (self.rewards_caption, self.coupons_caption):
            bold = QFont(caption.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.1)
            caption.setFont(bold)

        # -- layout
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.search_hint)
        left_layout.addWidget(self.hit_list, 1)

        header = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name)
        names.addWidget(self.who)
        header.addLayout(names, 1)
        header.addWidget(self.balance, 0, Qt.AlignmentFlag.AlignTop)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_caption)
        code_row.addWidget(self.code_box, 1)

        rewards_part = QWidget(self)
        rewards_layout = QVBoxLayout(rewards_part)
        rewards_layout.setContentsMargins(0, 0, 0, 0)
        rewards_layout.addWidget(self.rewards_caption)
        rewards_layout.addWidget(self.rewards, 1)
        coupons_part = QWidget(self)
        coupons_layout = QVBoxLayout(coupons_part)
        coupons_layout.setContentsMargins(0, 0, 0, 0)
        coupons_layout.addWidget(self.coupons_caption)
        coupons_layout.addWidget(self.no_coupons)
        coupons_layout.addWidget(self.coupon_list, 1)
        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.setChildrenCollapsible(False)
        lists.addWidget(rewards_part)
        lists.addWidget(coupons_part)
        lists.addWidget(self.courses)
        lists.setSizes([1_000, 700, 1_100])  # an empty coupon list needs little; the courses' action sits under them

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addLayout(code_row)
        right_layout.addWidget(self.code_result)
        right_layout.addWidget(lists, 1)
        right.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        right.setMinimumHeight(self.fontMetrics().height() * 32)  # rewards, coupons and courses
        right_scroll = VerticalScrollArea(right, self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 1_000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for key, target in (("F2", self.search), ("F3", self.code_box), ("F4", self.rewards.table),
                            ("F5", self.courses.table)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda target=target: self._focus(target))

        bus.changed.connect(self._on_changed)
        self.retranslate()
        self.search_members()

    # -- public

    @property
    def customer_id(self) -> str | None:
        """The member shown (None: nobody yet)."""
        return self._customer_id

    @property
    def member(self) -> MemberRedemption | None:
        """What was last read of the member shown (None while reading)."""
        return self._read

    @property
    def verdict(self) -> CouponVerdict | None:
        """The answer to the code in the box (None: no code, or the check is on its way)."""
        return self._verdict

    def show_customer(self, customer_id: str | None) -> None:
        """Show the member ``customer_id`` (None: nobody): read now, or when the screen is shown."""
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._read = None
            self._member_seq += 1
            self._render()
            self.check_code()  # a bound coupon is this member's or another's
        self.courses.show_customer(customer_id)
        if customer_id is None:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the member shown again (rewards, balance, coupons)."""
        self._stale = False
        if self._customer_id is None:
            return
        self._member_seq += 1
        seq, customer_id = self._member_seq, self._customer_id
        self.runner.read(
            load_redemption, customer_id, self.runner.terminal.clock(),
            on_done=while_alive(self, lambda read: self._show(seq, read)),
            on_error=while_alive(self, lambda error: self._failed(seq, error)),
        )

    # -- finding the member

    def search_members(self) -> None:
        """Search for what is typed in the member box."""
        self._search_seq += 1
        seq, text = self._search_seq, self.search.text()
        self.runner.read(
            customer_service.search_customers, text, limit=SEARCH_LIMIT,
            on_done=while_alive(self, lambda hits: self._show_hits(seq, hits)),
            on_error=while_alive(self, self.runner.show_error),
        )

    def _show_hits(self, seq: int, hits: list[CustomerHit]) -> None:
        if seq != self._search_seq:
            return  # an older keystroke's answer
        self.hits.set_hits(hits)
        row = self.hits.row_of(self._customer_id) if self._customer_id else -1
        if row < 0 and self.search.text().strip() and hits:
            row = 0  # the best match, shown at once
        if row >= 0:
            self._highlight(row)

    def _highlight(self, row: int) -> None:
        index = self.hits.index(row, 0)
        self.hit_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.hit_list.scrollTo(index)

    def _hit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Moving in the list (mouse or arrows) shows that member.
        customer_id = current.data(CustomerIdRole) if current.isValid() else None
        if customer_id:
            self.show_customer(customer_id)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        rows = self.hits.rowCount()
        current = self.hit_list.currentIndex().row()
        steps: dict[Any, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                                 Qt.Key.Key_PageUp: -10}
        if key in steps and rows:
            self._highlight(0 if current < 0 else min(max(current + steps[key], 0), rows - 1))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            typed = self.search.text()
            if typed_code(typed) is not None:
                self.runner.read(customer_service.find_by_referral_code, typed,
                                 on_done=while_alive(self, lambda cid: self._picked_by_code(typed, cid)),
                                 on_error=while_alive(self, self.runner.show_error))
            elif rows:
                if current < 0:
                    self._highlight(0)
                self._focus(self.rewards.table)
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False

    def _picked_by_code(self, typed: str, customer_id: str | None) -> None:
        if self.search.text() != typed:
            return  # typed on since
        if customer_id is not None:
            self.show_customer(customer_id)
            self._focus(self.rewards.table)
        elif self.hits.rowCount():
            self._highlight(0)

    # -- a coupon code

    def _code_typed(self, text: str) -> None:
        # The answer comes as soon as a whole code is there (a scanner types it and presses Enter).
        if not text.strip():
            self._check_seq += 1
            self._verdict = None
            self._render_verdict()
        elif len(canonical(scanned_text(text))) >= CODE_LENGTH:
            self.check_code()

    def check_code(self) -> None:
        """Check the code in the box for the member shown (nothing when the box is empty)."""
        typed = self.code_box.text()
        if not typed.strip():
            return
        self._check_seq += 1
        seq = self._check_seq
        self.runner.read(
            check_coupon_code, scanned_text(typed), self.runner.terminal.clock(), customer_id=self._customer_id,
            on_done=while_alive(self, lambda verdict: self._checked(seq, verdict)),
            on_error=while_alive(self, self.runner.show_error),
        )

    def _checked(self, seq: int, verdict: CouponVerdict) -> None:
        if seq != self._check_seq:
            return
        self._verdict = verdict
        self._render_verdict()
        self._select_checked_coupon()

    def _select_checked_coupon(self) -> None:
        # A code of the member's own coupons: the list shows which one it is.
        verdict = self._verdict
        if verdict is None:
            return
        for row in range(self.coupons.rowCount()):
            if self.coupons.coupon(row).code == verdict.code:
                index = self.coupons.index(row, 0)
                self.coupon_list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.coupon_list.scrollTo(index)
                return

    def _render_verdict(self) -> None:
        verdict = self._verdict
        if verdict is None:
            self.code_result.clear()
            self.code_result.hide()
            return
        self.code_result.setText(render(verdict.message))
        self.code_result.setStyleSheet(_VALID_STYLE if verdict.applies else _REFUSED_STYLE)
        self.code_result.show()

    # -- reading the member

    def _show(self, seq: int, read: MemberRedemption) -> None:
        if seq != self._member_seq:
            return
        self._read = read
        self._render()

    def _failed(self, seq: int, error: BaseException) -> None:
        if seq != self._member_seq:
            return
        if isinstance(error, NotFound):
            self.show_customer(None)
        else:
            self.runner.show_error(error, self)

    def _redeemed(self, redeemed: Redeemed) -> None:
        # The bus brings the new read; select the new coupon when it arrives.
        self._select_coupon = redeemed.coupon.id

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        shown = self._customer_id
        if changes.touches(Kind.CUSTOMER) and self.isVisible():
            self.search_members()
        if shown is None or not (changes.may_touch(Kind.CUSTOMER, shown) or any(changes.touches(k) for k in WATCHED)):
            return
        if self.isVisible():
            self.refresh()
            self.check_code()  # used, voided or issued elsewhere: the answer may have changed
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
            self.search_members()
            self.check_code()

    # -- rendering

    def _render(self) -> None:
        read = self._read
        if read is None:
            self.name.setText("…" if self._customer_id else self.tr("No member chosen"))
            self.who.setText("" if self._customer_id else self.tr(
                "Find the member: type a name or phone, or scan their member QR (F2)"))
            self.balance.clear()
            self.rewards.set_rewards(None, "", "", None)
            self.coupons.set_coupons([])
            self.no_coupons.hide()
            return
        m = read.member
        self.name.setText(member_display_name(m.name_th, m.name_en))
        other = m.name_en if self.name.text() == m.name_th else m.name_th
        parts = [p for p in (other, display_phone(m.phone), display_code(m.referral_code)) if p]
        self.who.setText(" · ".join(parts))
        balance = read.rewards.rewards.balance
        self.balance.setText(self.tr("{points} points").format(points=format_points(balance)))
        self.balance.setStyleSheet("color: #b42318;" if balance < 0 else "")
        self.rewards.set_rewards(m.customer_id, m.name_th, m.name_en, read.rewards)
        self.coupons.set_coupons(read.coupons)
        self.no_coupons.setText(self.tr("No coupons yet: a redeemed reward's coupon shows here"))
        self.no_coupons.setVisible(not read.coupons)
        wanted = self._select_coupon
        row = self.coupons.row_of(wanted) if wanted else -1
        if row >= 0:
            self._select_coupon = None
            index = self.coupons.index(row, 0)
            self.coupon_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.coupon_list.scrollTo(index)

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    # -- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._search_key(event)
        return super().eventFilter(watched, event)

    # -- language

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Member: name, phone or scan the member QR (F2)"))
        self.search_hint.setText(self.tr("Up/Down choose, Enter goes to the rewards"))
        self.code_caption.setText(self.tr("Coupon code (F3)"))
        self.code_box.setPlaceholderText(self.tr("Type or scan a coupon code"))
        self.rewards_caption.setText(self.tr("Rewards (F4; Enter redeems)"))
        self.coupons_caption.setText(self.tr("The member's coupons"))
        self.hits.retranslate()
        self.coupons.retranslate()
        self._render()
        self._render_verdict()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
