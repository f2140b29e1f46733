"""The loyalty panel of the selected member: tier, points, history, referral code and QR, actions.

Shown as the "Loyalty" page of the customer detail. It reads the member
itself (``services.member_statement``) and learns of changes only from
the bus, like the other screens: a points change of this member, made
here or pulled by sync, announces the customer, a change of the chain's
loyalty program the chain, and the panel reads the member again (when
hidden, it marks itself stale and reads when shown).

The rewards catalog and the achievements gallery (issue 11) are further
sections: ``add_section`` puts them beside the history.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import NotFound
from bnaura_desk.domain.loyalty_program import Qualification
from bnaura_desk.domain.referral import display_code
from bnaura_desk.services.branches import Whereabouts, whereabouts
from bnaura_desk.services.member_statement import MemberLoyalty, member_loyalty

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..runner import DeskRunner
from ..widgets.dates import format_date
from ..widgets.scroll import VerticalScrollArea
from .adjust import AdjustPointsDialog
from .card import MemberCard, write_member_card
from .history import PointsHistoryModel
from .labels import format_points, tier_colour, tier_name
from .qr import qr_image

if TYPE_CHECKING:  # the UI never opens sessions; it only names the type
    from sqlalchemy.orm import Session

EXPIRING_DAYS = 30  # what "expiring soon" means (services.loyalty.points_summary)
QR_MODULE_PX = 4


def load_member(session: Session, customer_id: str, now: datetime) -> tuple[MemberLoyalty, Whereabouts]:
    """Read a member's loyalty and the chain's name (for the member card), in one read."""
    return member_loyalty(session, customer_id, now), whereabouts(session)


class LoyaltyPanel(QWidget):
    """Shows one member's loyalty (``show_customer``); empty when none is selected.

    Args:
        runner: the app's database worker (its ``actor`` adjusts points).
        bus: the change bus; the panel reads its member again from it.

    Signals:
        loaded(str): the member with this id was read and is shown.
    """

    loaded = Signal(str)

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loyaltyPanel")
        self.runner = runner
        self._customer_id: str | None = None
        self._member: MemberLoyalty | None = None
        self._place: Whereabouts | None = None
        self._seq = 0
        self._stale = False
        self.adjust_dialog: AdjustPointsDialog | None = None

        self.tier_badge = QLabel(self)
        self.tier_badge.setObjectName("tierBadge")
        self.tier_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.balance = QLabel(self)
        self.balance.setObjectName("pointsBalance")
        big = QFont(self.balance.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.balance.setFont(big)
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("tierProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.next_tier = QLabel(self)
        self.lifetime = QLabel(self)
        self.expiring = QLabel(self)
        self.below_zero = QLabel(self)
        self.below_zero.setObjectName("fieldError")
        for label in (self.next_tier, self.lifetime, self.expiring, self.below_zero):
            label.setWordWrap(True)

        self.qr = QLabel(self)
        self.qr.setObjectName("memberQr")
        self.code_caption = QLabel(self)
        self.code = QLabel(self)
        self.code.setObjectName("referralCode")
        code_font = QFont(self.code.font())
        code_font.setPointSizeF(code_font.pointSizeF() * 1.3)
        code_font.setBold(True)
        self.code.setFont(code_font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.adjust_button = QPushButton(self)
        self.adjust_button.clicked.connect(self.adjust_points)
        self.card_button = QPushButton(self)
        self.card_button.clicked.connect(self.print_member_card)

        self.history_model = PointsHistoryModel(self)
        self.history = QTableView(self)
        self.history.setObjectName("pointsHistory")
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(False)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        for column in (PointsHistoryModel.DATE, PointsHistoryModel.POINTS, PointsHistoryModel.EXPIRES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PointsHistoryModel.WHAT, QHeaderView.ResizeMode.Stretch)
        self.no_history = QLabel(self)
        self.no_history.setObjectName("hint")
        history_page = QWidget(self)
        history_layout = QVBoxLayout(history_page)
        history_layout.setContentsMargins(0, 6, 0, 0)
        history_layout.addWidget(self.no_history)
        history_layout.addWidget(self.history, 1)
        self.sections = QTabWidget(self)
        self.sections.setObjectName("loyaltySections")
        self.sections.setDocumentMode(True)
        self.sections.addTab(history_page, "")
        self.sections.setMinimumHeight(self.fontMetrics().height() * 10)

        top = QHBoxLayout()
        top.addWidget(self.tier_badge)
        top.addStretch(1)
        top.addWidget(self.balance)
        # The figures and the code beside the QR, the actions under them:
        # the history keeps the height (a counter screen may be 768 high).
        figures = QVBoxLayout()
        figures.setSpacing(2)
        for label in (self.next_tier, self.lifetime, self.expiring, self.below_zero):
            figures.addWidget(label)
        figures.addSpacing(6)
        figures.addWidget(self.code_caption)
        figures.addWidget(self.code)
        figures.addStretch(1)
        member = QHBoxLayout()
        member.addLayout(figures, 1)
        member.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        actions.addWidget(self.adjust_button)
        actions.addWidget(self.card_button)
        actions.addStretch(1)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addLayout(member)
        layout.addLayout(actions)
        layout.addWidget(self.sections, 1)
        # Narrower than this the figures beside the QR wrap word by word.
        body.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.body_scroll = VerticalScrollArea(body, self)
        self.body_scroll.setObjectName("loyaltyScroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body_scroll)

        bus.changed.connect(self._on_changed)
        self.retranslate()
        self._render()

    # -- public

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def member(self) -> MemberLoyalty | None:
        """The member shown, as last read (None while reading or when none is selected)."""
        return self._member

    def show_customer(self, customer_id: str | None) -> None:
        """Show the member ``customer_id`` (None: nobody), reading them now or when the panel is shown."""
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._member = None
            self._seq += 1  # a read on its way is for someone else
            self._render()
        if customer_id is None:
            self._stale = False
        elif self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the member shown again."""
        if self._customer_id is None:
            return
        self._stale = False
        self._seq += 1
        seq, customer_id = self._seq, self._customer_id
        self.runner.read(
            load_member,
            customer_id,
            self.runner.terminal.clock(),
            on_done=while_alive(self, lambda result: self._show(seq, result)),
            on_error=while_alive(self, lambda error: self._failed(seq, error)),
        )

    def add_section(self, widget: QWidget) -> int:
        """Add a section beside the history (rewards, achievements); its tab shows its window title."""
        widget.installEventFilter(self)
        return self.sections.addTab(widget, widget.windowTitle())

    def adjust_points(self) -> AdjustPointsDialog | None:
        """Open the adjust dialog for the member shown (None when nobody is shown)."""
        member = self._member
        if member is None:
            return None
        if self.adjust_dialog is not None:
            self.adjust_dialog.raise_()
            return self.adjust_dialog
        dialog = AdjustPointsDialog(self.runner, member.customer_id, _display_name(member), member.summary.balance, self)
        dialog.finished.connect(lambda _result: self._adjust_closed(dialog))
        self.adjust_dialog = dialog
        dialog.open()
        return dialog

    def member_card(self) -> MemberCard | None:
        """Return the member card of the member shown (None when nobody is shown)."""
        member = self._member
        if member is None:
            return None
        place = self._place
        chain = (place.chain_name or place.branch_name_th) if place else ""
        second = member.name_en if member.name_th and member.name_en else ""
        return MemberCard(chain, _display_name(member), second, member.summary.tier, member.referral_code)

    def save_member_card(self, path: Path) -> bool:
        """Write the member card of the member shown to ``path`` (PDF); False when nobody is shown."""
        card = self.member_card()
        if card is None:
            return False
        write_member_card(path, card)
        return True

    def print_member_card(self) -> None:
        """Ask where to save the member card, save it, and open it for printing."""
        card = self.member_card()
        if card is None:
            return
        suggested = Path(QDir.homePath()) / f"member-card-{display_code(card.referral_code)}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the member card"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        try:
            write_member_card(path, card)
        except OSError as error:
            self.runner.show_error(error, self)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- reading

    def _show(self, seq: int, result: tuple[MemberLoyalty, Whereabouts]) -> None:
        if seq != self._seq:
            return
        self._member, self._place = result
        self._render()
        self.loaded.emit(self._member.customer_id)

    def _failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(error, NotFound):
            self.show_customer(None)
        else:
            self.runner.show_error(error, self)

    def _adjust_closed(self, dialog: AdjustPointsDialog) -> None:
        if self.adjust_dialog is dialog:
            self.adjust_dialog = None
        dialog.deleteLater()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        shown = self._customer_id
        # The member's points, or the chain's program (tiers, how they qualify: a chain setting).
        if shown is None or not (changes.may_touch(Kind.CUSTOMER, shown) or changes.touches(Kind.CHAIN)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- rendering

    def _render(self) -> None:
        m = self._member
        self.adjust_button.setEnabled(m is not None)
        self.card_button.setEnabled(m is not None)
        if m is None:
            for label in (self.balance, self.next_tier, self.lifetime, self.expiring, self.code):
                label.setText("…" if self._customer_id else "")
            self.tier_badge.hide()
            self.below_zero.hide()
            self.qr.clear()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.history_model.set_lines([])
            self.no_history.hide()
            return
        summary = m.summary
        tier = summary.tier
        self.tier_badge.setText(tier_name(tier))
        self.tier_badge.setStyleSheet(
            f"QLabel#tierBadge {{ background: {tier_colour(tier).name()}; color: #ffffff; font-weight: 600;"
            " border-radius: 10px; padding: 4px 14px; }"
        )
        self.tier_badge.show()
        self.balance.setText(self.tr("{points} points").format(points=format_points(summary.balance)))
        self.balance.setStyleSheet("color: #b42318;" if summary.balance < 0 else "")
        qualifying, above = summary.qualifying, summary.next_tier
        if above is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.next_tier.setText(self.tr("Highest tier reached"))
        else:
            self.progress.setRange(tier.threshold, above.threshold)
            # On the last 12 months' points a tier is kept to the month's end: the bar starts empty then.
            self.progress.setValue(min(max(qualifying, tier.threshold), above.threshold))
            self.next_tier.setText(
                self.tr("{points} more points to {tier}").format(
                    points=format_points(summary.to_next_tier), tier=tier_name(above)
                )
            )
        if m.qualification is Qualification.ROLLING:
            counted = self.tr("Earned in the last 12 months: {points} points")
        else:
            counted = self.tr("Earned since joining: {points} points")
        self.lifetime.setText(counted.format(points=format_points(qualifying)))
        by = format_date(summary.statement.at + timedelta(days=EXPIRING_DAYS))
        if summary.expiring_soon:
            self.expiring.setText(
                self.tr("{points} points expire by {date}").format(points=format_points(summary.expiring_soon), date=by)
            )
        else:
            self.expiring.setText(self.tr("No points expire by {date}").format(date=by))
        self.below_zero.setText(self.tr("The balance is below zero: rewards can be redeemed once it is positive again"))
        self.below_zero.setVisible(summary.balance < 0)
        self.code.setText(display_code(m.referral_code))
        self.qr.setPixmap(QPixmap.fromImage(qr_image(m.referral_code, QR_MODULE_PX)))
        self.qr.setToolTip(self.tr("Member QR: scan it into the customer search to open this member"))
        self.history_model.set_lines(m.lines)
        self.no_history.setText(self.tr("No points yet"))
        self.no_history.setVisible(not m.lines)

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty"))
        self.code_caption.setText(self.tr("Referral code"))
        self.adjust_button.setText(self.tr("Adjust points…"))
        self.card_button.setText(self.tr("Member card (PDF)…"))
        self.sections.setTabText(0, self.tr("History"))
        self.history_model.retranslate()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowTitleChange and isinstance(watched, QWidget):
            index = self.sections.indexOf(watched)
            if index >= 0:
                self.sections.setTabText(index, watched.windowTitle())
        return super().eventFilter(watched, event)


def _display_name(member: MemberLoyalty) -> str:
    return member.name_th or member.name_en
