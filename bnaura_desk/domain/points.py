"""The points ledger's arithmetic: lots that expire, spends that take the oldest first, tiers.

A member's points are an append-only ledger of entries, never a stored
balance two terminals could overwrite (DESIGN.md "Business rules",
issue 11). Every figure a screen shows is folded from the entries:

- an **earn** (purchase, welcome, check-in, review, referral, birthday, an
  upward adjustment) is a *lot* of points that expires 12 months after it
  was earned, unless it is used first;
- a **spend** (a reward redeemed, a downward adjustment) takes points from
  the oldest lots still valid at its time (first in, first out). Two
  terminals may spend the same points offline: both spends stand, the
  balance goes below zero, and the *debt* is paid from the next lots;
- an **expiry** marks one lot as expired at its expiry time. It carries no
  amount of its own: what it takes is what the fold finds left of the lot
  at that moment, given every entry known. So an expiry written on one
  terminal and a spend of the same lot from before that moment written
  offline on another merge into the right balance, whichever arrives
  first; and the expiry's id is derived from its lot
  (``expiry_id``), so every terminal running the expiry job makes the same
  one row.

A spend whose source is a refund (``PointsSource.REFUND``: the sale that
earned the points was refunded) also counts against the points a tier
qualifies on: the fold notes each one (``Statement.taken_back``).

Pure: no database, no clock of its own. Times are aware datetimes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from itertools import pairwise
from operator import itemgetter
from typing import TypeVar

from .errors import QT_TRANSLATE_NOOP, BadInput
from .ids import derived_id

LOT_MONTHS = 12  # an earned lot expires this many months after it was earned
MAX_ADJUSTMENT = 1_000_000  # a manager adds or takes at most this many points at once


class PointsSource(StrEnum):
    """Why points were earned or spent: the member's history says it."""

    PURCHASE = "purchase"
    WELCOME = "welcome"
    CHECK_IN = "check_in"
    REVIEW = "review"
    REFERRAL = "referral"
    BIRTHDAY = "birthday"
    ACHIEVEMENT = "achievement"
    REWARD = "reward"  # spent on a reward
    ADJUSTMENT = "adjustment"  # by a manager, with a reason
    REFUND = "refund"  # taken back: the sale that earned them was refunded (the reason names the credit note)


class EntryKind(StrEnum):
    """What one ledger entry does to the member's points."""

    EARN = "earn"  # a lot of ``points`` > 0, valid until ``expires_at``
    SPEND = "spend"  # ``points`` > 0 taken, oldest valid lots first
    EXPIRE = "expire"  # the rest of lot ``lot_id`` is gone at the lot's expiry time


@dataclass(frozen=True)
class PointEntry:
    """One entry of a member's ledger as the fold reads it.

    ``points`` is the earned or spent amount (> 0); an expiry has none
    (0) and names its ``lot_id``. ``source``: why points were spent (the
    fold tells a refund's take-back from other spends); None for others.
    """

    id: str
    kind: EntryKind
    points: int
    at: datetime
    expires_at: datetime | None = None
    lot_id: str | None = None
    source: PointsSource | None = None


@dataclass
class Lot:
    """An earned lot as the fold leaves it: what is left of it, and whether it expired."""

    id: str
    earned_at: datetime
    expires_at: datetime
    points: int
    left: int
    expired: int = 0  # what its expiry took (0 until then)


@dataclass(frozen=True)
class TakenBack:
    """Points a refund took back (a spend of source ``REFUND``): when, and how many (> 0)."""

    at: datetime
    points: int


@dataclass
class Statement:
    """The fold of a ledger at a moment: balance, lifetime earned, the lots, any debt and refunds' take-backs."""

    at: datetime
    lots: list[Lot] = field(default_factory=list)
    debt: int = 0  # spent beyond what was there (two offline spends of the same points)
    lifetime_earned: int = 0
    spent: int = 0  # every spend, refunds' take-backs included
    # The spends that took back points a refunded sale had earned, oldest
    # first: they count against the points a tier qualifies on.
    taken_back: list[TakenBack] = field(default_factory=list)

    @property
    def refunded(self) -> int:
        """Points taken back by refunds, all told (part of ``spent``)."""
        return sum(t.points for t in self.taken_back)

    @property
    def balance(self) -> int:
        """Points the member can use now: what is left of valid lots, less any debt (may be negative)."""
        return sum(lot.left for lot in self.lots if lot.expires_at > self.at) - self.debt

    def expiring_within(self, until: datetime) -> int:
        """Points of lots still valid now that expire by ``until`` (what "expiring soon" shows)."""
        return sum(lot.left for lot in self.lots if self.at < lot.expires_at <= until)

    def due_expiries(self, expired_lots: Iterable[str]) -> list[Lot]:
        """Lots past their expiry time with points left and no expiry entry yet (``expired_lots``)."""
        have = set(expired_lots)
        return [lot for lot in self.lots if lot.expires_at <= self.at and lot.left > 0 and lot.id not in have]


def add_months(moment: datetime, months: int) -> datetime:
    """Return ``moment`` ``months`` later, on the same day or the month's last (31 Jan + 1 month: 28/29 Feb)."""
    month0 = moment.month - 1 + months
    year, month = moment.year + month0 // 12, month0 % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def lot_expiry(earned_at: datetime, months: int = LOT_MONTHS) -> datetime:
    """Return when points earned at ``earned_at`` expire."""
    return add_months(earned_at, months)


def expiry_id(lot_id: str) -> str:
    """Return the id of the expiry of lot ``lot_id``: the same on every terminal that runs the job."""
    return derived_id("points_expiry", lot_id)


# The fold's order at one instant: earns first, then spends, then expiries,
# each by id, so every terminal folds the same entries the same way.
RANK: dict[EntryKind, int] = {EntryKind.EARN: 0, EntryKind.SPEND: 1, EntryKind.EXPIRE: 2}

Time = TypeVar("Time", datetime, str)
# One ledger entry as the fold reads it: (at, rank, id, points, expires_at, ref),
# ``rank`` as in ``RANK``; ``expires_at`` for an earn, else None; ``ref`` for an
# expiry its lot's id, for a spend its source (``PointsSource``, may be None
# but for a refund's), for an earn None.
Event = tuple[Time, int, str, int, Time | None, str | None]
ORDER = itemgetter(0, 1, 2)  # the sort key of an ``Event``: at, rank, id
_REFUND = str(PointsSource.REFUND)


def _same(moment: datetime) -> datetime:
    return moment


def _ref(entry: PointEntry) -> str | None:
    """Return the ``ref`` of ``entry``'s ``Event``: an expiry's lot, a spend's source."""
    if entry.kind is EntryKind.EXPIRE:
        return entry.lot_id
    if entry.kind is EntryKind.SPEND and entry.source is not None:
        return str(entry.source)
    return None


def fold(entries: Sequence[PointEntry], at: datetime) -> Statement:
    """Return the statement of ``entries`` at ``at`` (entries after ``at`` are left out).

    Spends take from the oldest lots still valid at the spend's time;
    a spend beyond them is debt, paid first from the lots earned after it;
    a refund's spend (source ``REFUND``) is noted in ``taken_back`` too.
    A lot's expiry (an ``EXPIRE`` entry, at the lot's expiry time) takes
    what is left of it then. Lots past their time without an expiry entry
    yet still show what is left (``due_expiries``), but no longer count in
    the balance.
    """
    # Aware datetimes compare by instant, whatever their zone.
    events: list[Event[datetime]] = sorted(
        ((e.at, RANK[e.kind], e.id, e.points, e.expires_at, _ref(e)) for e in entries if e.at <= at),
        key=ORDER,
    )
    return fold_ordered(events, at, at, _same)


def fold_ordered(events: Iterable[Event[Time]], at: datetime, until: Time,
                 when: Callable[[Time], datetime]) -> Statement:
    """Return the statement at ``at`` of ``events`` given in the fold's order (sorted by ``ORDER``).

    The fold of ``fold``, for a ledger read from the store as it is kept:
    its times may be any values that sort and compare as the times they
    stand for (the store's fixed-width UTC text, ``store.types``), so that
    the thousands of entries of a long-standing member need not be turned
    into datetimes; only the lots' times are, by ``when``. ``until`` is
    ``at`` as the events give times: events after it are left out.

    Raises:
        ValueError: an event of an unknown rank.
    """
    statement = Statement(at=at)
    lots: dict[str, Lot] = {}
    live: list[Lot] = []  # in earning order
    ends: list[Time] = []  # each live lot's expiry time, as the events give it
    # Lots before ``first`` have nothing left, and never will again (only a
    # new lot pays debt): a spend starts there, not at a member's first
    # lot (5,000 entries took 0.1 s scanning the spent lots again and again).
    first = 0
    debt = earned = spent = 0
    taken_back: list[TakenBack] = []
    # The loop runs once per entry of a member's whole history (5,000 for a
    # long-standing one, on every look at the loyalty panel): plain
    # comparisons rather than min() and len() calls.
    for moment, rank, entry_id, points, expires_at, ref in events:
        if moment > until:
            break  # in order: every event after it is later still
        if rank == 0:
            assert expires_at is not None, "an earned lot has an expiry time"
            earned += points
            paid = 0
            if debt:  # a spend beyond the lots before it is paid from this one first
                paid = debt if debt < points else points  # noqa: FURB136 (a call per lot costs)
                debt -= paid
            lot = Lot(entry_id, when(moment), when(expires_at), points, points - paid)
            lots[entry_id] = lot
            live.append(lot)
            ends.append(expires_at)
        elif rank == 1:
            spent += points
            wanted = points
            count = len(live)
            while first < count and live[first].left == 0:
                first += 1
            index = first
            while wanted and index < count:
                lot = live[index]
                left = lot.left
                if left and ends[index] > moment:  # still valid when spent
                    taken = left if left < wanted else wanted  # noqa: FURB136
                    lot.left = left - taken
                    wanted -= taken
                index += 1
            debt += wanted
            if ref == _REFUND:  # rare: the time is made a datetime only here
                taken_back.append(TakenBack(when(moment), points))
        elif rank == 2:
            gone = lots.get(ref or "")
            if gone is not None and gone.expired == 0:
                gone.expired, gone.left = gone.left, 0
        else:
            raise ValueError(f"ledger entry {entry_id} of an unknown kind")
    statement.debt, statement.lifetime_earned, statement.spent = debt, earned, spent
    statement.taken_back = taken_back
    statement.lots = list(lots.values())
    return statement


# ---------------------------------------------------------------- tiers


@dataclass(frozen=True)
class Tier:
    """A loyalty tier: from ``threshold`` qualifying points, its discount and earn multiplier."""

    key: str
    threshold: int
    discount_percent: int
    multiplier_tenths: int  # 15 is 1.5×: points are whole, so the multiplier is kept exact


DEFAULT_TIERS: tuple[Tier, ...] = (
    Tier("bronze", 0, 5, 10),
    Tier("silver", 1_000, 8, 15),
    Tier("gold", 3_000, 10, 20),
    Tier("platinum", 7_000, 12, 25),
    Tier("diamond", 15_000, 15, 30),
)


def check_tiers(tiers: Sequence[Tier]) -> str | None:
    """Return why ``tiers`` cannot be a clinic's tiers (overlapping, unordered, negative), or None."""
    if not tiers or tiers[0].threshold != 0:
        return "the first tier starts at 0 points"
    for lower, higher in pairwise(tiers):
        if higher.threshold <= lower.threshold:
            return f"{higher.key} must start above {lower.key}"
    if any(t.multiplier_tenths < 0 or not 0 <= t.discount_percent <= 100 for t in tiers):
        return "an earn multiplier cannot be negative and a discount is 0 to 100 %"
    return None


def tier_for(points: int, tiers: Sequence[Tier] = DEFAULT_TIERS) -> Tier:
    """Return the tier ``points`` qualifying points reach (the highest whose threshold they meet)."""
    reached = tiers[0]
    for tier in tiers:
        if points >= tier.threshold:
            reached = tier
    return reached


def purchase_points(paid_satang: int, tier: Tier, satang_per_point: int = 1_000) -> int:
    """Return the points a purchase of ``paid_satang`` (after discounts) earns: 1 per ฿10 times the multiplier, down."""
    if paid_satang <= 0:
        return 0
    return paid_satang * tier.multiplier_tenths // (satang_per_point * 10)


# ---------------------------------------------------------------- adjustments


def adjustment_reason(delta: int, reason: str) -> str:
    """Return the reason of a manual adjustment of ``delta`` points, cleaned; refuse a bad one.

    The adjust dialog checks with this before it asks anyone for a
    manager's PIN, and ``services.loyalty.adjust_points`` checks again.

    Raises:
        BadInput: ``delta`` is 0 or beyond ``MAX_ADJUSTMENT`` either way
            (field ``points``), or the reason is empty or longer than 500
            characters (field ``reason``).
    """
    if delta == 0 or abs(delta) > MAX_ADJUSTMENT:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Add or take 1 to 1,000,000 points"), field="points")
    text = " ".join(reason.split())
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Say why the points are adjusted"), field="reason")
    if len(text) > 500:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The reason has at most 500 characters"), field="reason")
    return text
