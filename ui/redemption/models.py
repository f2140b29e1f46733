"""The redemption lists as table models: the rewards a balance affords, and a member's coupons.

Both are read-only ``RowsModel``s over what the services give
(``RewardOffer``, ``CouponLine``); the text is made here, in the UI
language, so a language change only asks the views to repaint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bnaura_desk.domain.coupons import CouponKind, CouponMessage, CouponState, display_coupon_code, what_it_gives
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.services.coupons import CouponLine
from bnaura_desk.services.rewards import RewardOffer

from ..i18n import current_language
from ..loyalty.labels import format_points
from ..theme import MUTED
from ..widgets.dates import format_date
from ..widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

IdRole = Qt.ItemDataRole.UserRole + 1
UsableRole = Qt.ItemDataRole.UserRole + 2  # a reward that can be redeemed now; a coupon that is active

_REWARDS = "RewardsModel"
_COUPONS = "CouponsModel"
_REWARD_HEADERS = (
    QT_TRANSLATE_NOOP("RewardsModel", "Reward"),
    QT_TRANSLATE_NOOP("RewardsModel", "Points"),
    QT_TRANSLATE_NOOP("RewardsModel", "Gives"),
    QT_TRANSLATE_NOOP("RewardsModel", "Can redeem?"),
)
_COUPON_HEADERS = (
    QT_TRANSLATE_NOOP("CouponsModel", "Code"),
    QT_TRANSLATE_NOOP("CouponsModel", "Gives"),
    QT_TRANSLATE_NOOP("CouponsModel", "Valid until"),
    QT_TRANSLATE_NOOP("CouponsModel", "State"),
    QT_TRANSLATE_NOOP("CouponsModel", "Details"),
)
STATE_NAMES = {
    CouponState.ACTIVE: QT_TRANSLATE_NOOP("CouponsModel", "Active"),
    CouponState.USED: QT_TRANSLATE_NOOP("CouponsModel", "Used"),
    CouponState.EXPIRED: QT_TRANSLATE_NOOP("CouponsModel", "Expired"),
    CouponState.VOID: QT_TRANSLATE_NOOP("CouponsModel", "Void"),
}
_STATE_COLOURS = {
    CouponState.ACTIVE: QColor("#1b6e3a"),
    CouponState.USED: QColor("#5f6b78"),
    CouponState.EXPIRED: QColor("#8a6500"),
    CouponState.VOID: QColor("#b3261e"),
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _muted() -> QColor:
    return QColor(MUTED)


def render(message: CouponMessage | None) -> str:
    """Return a coupon message in the UI language (dates in the Buddhist era in Thai)."""
    return message.render(QCoreApplication.translate) if message is not None else ""


class RewardsModel(RowsModel):
    """The active rewards cheapest first, each saying whether the member's balance affords it, and why not.

    Columns: name (in the UI language), points it costs, what its coupon
    gives, and "yes" or why not (points missing, not available, the balance
    below zero). Rewards that cannot be redeemed now read greyed.
    """

    NAME, POINTS, GIVES, WHY = range(4)
    COLUMN_COUNT = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._blocked = False
        self._item_names: Mapping[str, tuple[str, str]] = {}

    def set_offers(self, offers: Sequence[RewardOffer], *, blocked: bool,
                   item_names: Mapping[str, tuple[str, str]] | None = None) -> None:
        """Replace the rows; ``blocked``: the balance is below zero; ``item_names``: free items' (Thai, English)."""
        self._blocked = blocked
        self._item_names = dict(item_names or {})
        self.set_rows(offers)

    def offer(self, row: int) -> RewardOffer:
        return self.row_at(row)  # type: ignore[no-any-return]

    def row_of(self, row_id: str) -> int:
        for row, offer in enumerate(self._rows):
            if offer.reward.id == row_id:
                return row
        return -1

    def usable(self, offer: RewardOffer) -> bool:
        """Whether ``offer`` can be redeemed now (available, affordable, the balance not below zero)."""
        return offer.affordable and offer.reward.available and not self._blocked

    def name(self, offer: RewardOffer) -> str:
        r = offer.reward
        if current_language() == "en":
            return r.name_en or r.name_th
        return r.name_th or r.name_en

    def gives(self, offer: RewardOffer) -> str:
        r = offer.reward
        if r.kind is not CouponKind.FREE_ITEM:
            return render(what_it_gives(r.terms()))
        th, en = self._item_names.get(r.free_item_id or "", ("", ""))
        # A free item the catalog lacks (not available): its reward's name says what it would give.
        return render(what_it_gives(r.terms(), th or en, en)) if th or en else self.name(offer)

    def why_not(self, offer: RewardOffer) -> str:
        """Return why ``offer`` cannot be redeemed now ("" when it can)."""
        if not offer.reward.available:
            return QCoreApplication.translate("RewardsModel", "Not available now")
        if self._blocked:
            return QCoreApplication.translate("RewardsModel", "Blocked: the balance is below zero")
        if not offer.affordable:
            return QCoreApplication.translate("RewardsModel", "{points} more points needed").format(
                points=format_points(offer.missing_points))
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        offer: RewardOffer = self._rows[index.row()]
        col = index.column()
        if role == IdRole:
            return offer.reward.id
        if role == UsableRole:
            return self.usable(offer)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return self.name(offer)
            if col == self.POINTS:
                return format_points(offer.reward.points_cost)
            if col == self.GIVES:
                return self.gives(offer)
            if col == self.WHY:
                return self.why_not(offer) or QCoreApplication.translate("RewardsModel", "Yes")
        if role == Qt.ItemDataRole.ToolTipRole:
            why = self.why_not(offer)
            days = QCoreApplication.translate("RewardsModel", "Its coupon is valid {days} days from the day it is redeemed")
            return "\n".join(t for t in (self.name(offer), why, days.format(days=offer.reward.validity_days)) if t)
        if role == Qt.ItemDataRole.ForegroundRole and not self.usable(offer):
            return _muted()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.POINTS:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_REWARDS, _REWARD_HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.POINTS:
            return _RIGHT
        return None


class CouponsModel(RowsModel):
    """A member's coupons newest first: code, what it gives, last valid day, state, and why it no longer applies.

    The details say where and when a used coupon was used, when an expired
    one expired, why a void one was voided; for an active one, its terms.
    """

    CODE, GIVES, UNTIL, STATE, DETAILS = range(5)
    COLUMN_COUNT = 5

    def set_coupons(self, coupons: Sequence[CouponLine]) -> None:
        """Replace the rows with ``coupons`` (a new read)."""
        self.set_rows(coupons)

    def coupon(self, row: int) -> CouponLine:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line: CouponLine = self._rows[index.row()]
        col = index.column()
        if role == IdRole:
            return line.id
        if role == UsableRole:
            return line.state is CouponState.ACTIVE
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CODE:
                return display_coupon_code(line.code)
            if col == self.GIVES:
                return render(line.gives)
            if col == self.UNTIL:
                return format_date(line.valid_until) if line.valid_until is not None else "—"
            if col == self.STATE:
                return QCoreApplication.translate(_COUPONS, STATE_NAMES[line.state])
            if col == self.DETAILS:
                return line.text(QCoreApplication.translate)
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.text(QCoreApplication.translate)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.STATE:
                return _STATE_COLOURS[line.state]
            if line.state is not CouponState.ACTIVE:
                return _muted()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return QCoreApplication.translate(_COUPONS, _COUPON_HEADERS[section])
        return None
