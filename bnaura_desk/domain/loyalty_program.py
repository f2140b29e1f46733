"""The chain's loyalty program: what earns points, the tiers and how members qualify.

A manager sets it (the chain setting ``loyalty_program``); unset, the
defaults of the seeds apply (DESIGN.md "Business rules", issue 11):

- purchase: 1 point per ฿10 paid after discounts, times the tier's
  multiplier, rounded down; welcome 100 on registration; check-in 10 (once
  a day); review 50; referral 200 to the referrer when the friend pays a
  first visit; birthday 100 once in the birth month of each year;
- tiers Bronze 0, Silver 1,000, Gold 3,000, Platinum 7,000, Diamond 15,000
  qualifying points, with discounts 5/8/10/12/15 % and earn multipliers
  1/1.5/2/2.5/3×;
- members qualify on lifetime earned points, or, if the chain chooses, on
  points earned in the last 12 months. Either way the points a refund
  takes back (``PointsSource.REFUND``: the sale that earned them was
  refunded) count against them from the refund's moment, never below 0:
  a tier reached only through a refunded sale is not kept. On lifetime
  points a tier falls only so, and at once; on the last 12 months a tier
  also falls as points age, and a member keeps a tier until the end of
  the month it would fall in, whether it falls by age or by a refund (a
  refund's take-back stops counting 12 months after the refund, as an
  earned lot does 12 months after it was earned).

Awards that must happen once whichever terminal makes them (the day's
check-in, a birthday, a welcome) have ids derived from their cause
(``award_id``), as has the record of a tier change (``tier_change_id``).

Pure: no database, no clock of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from .errors import QT_TRANSLATE_NOOP, BadInput
from .ids import derived_id
from .points import DEFAULT_TIERS, LOT_MONTHS, PointsSource, Tier, add_months, check_tiers, tier_for

LOYALTY_KEY = "loyalty_program"
BANGKOK = ZoneInfo("Asia/Bangkok")
MAX_AWARD = 100_000  # points one award may give
MAX_THRESHOLD = 100_000_000


class Qualification(StrEnum):
    """What a member's tier is measured on."""

    LIFETIME = "lifetime"  # every point ever earned: a tier falls only when a refund takes points back, at once
    ROLLING = "rolling"  # points earned in the last 12 months: a tier can fall, at a month's end


@dataclass(frozen=True)
class EarnRules:
    """How many points each kind of award gives."""

    satang_per_point: int = 1_000  # ฿10 paid earns 1 point (times the tier multiplier)
    welcome: int = 100
    check_in: int = 10
    review: int = 50
    referral: int = 200
    birthday: int = 100


@dataclass(frozen=True)
class LoyaltyProgram:
    """The chain's loyalty program (the defaults until a manager changes it)."""

    earn: EarnRules = field(default_factory=EarnRules)
    tiers: tuple[Tier, ...] = DEFAULT_TIERS
    qualification: Qualification = Qualification.LIFETIME

    def as_value(self) -> dict[str, Any]:
        """Return the program as the setting's stored JSON value."""
        return {
            "earn": asdict(self.earn),
            "tiers": [asdict(t) for t in self.tiers],
            "qualification": str(self.qualification),
        }


DEFAULT_PROGRAM = LoyaltyProgram()


def _whole(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None
    return value


def program_from(value: Any) -> LoyaltyProgram:
    """Return the program a setting's stored ``value`` describes (the defaults for ``None``).

    Raises:
        BadInput: ``value`` is not a valid program: an earn rate negative or
            beyond 100,000 points, ฿ per point not 1 to 100,000 satang
            times 100, tiers that overlap, are out of order or do not start
            at 0, a discount outside 0-100 %, a multiplier outside 0-10×,
            an unknown qualification.
    """
    if value is None:
        return DEFAULT_PROGRAM
    if not isinstance(value, Mapping) or set(value) != {"earn", "tiers", "qualification"}:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The loyalty program is not complete"), field="program")
    earn = value["earn"]
    names = {f for f in EarnRules.__dataclass_fields__}
    if not isinstance(earn, Mapping) or set(earn) != names:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The loyalty program is not complete"), field="earn")
    rates: dict[str, int] = {}
    for name in names:
        low, high = (100, 10_000_000) if name == "satang_per_point" else (0, MAX_AWARD)
        checked = _whole(earn[name], low, high)
        if checked is None:
            if name == "satang_per_point":
                raise BadInput(
                    QT_TRANSLATE_NOOP("errors", "Points per baht must be 1 point for ฿1 to ฿100,000"),
                    field="satang_per_point",
                )
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "An award is 0 to 100,000 points; it cannot be negative"), field=name
            )
        rates[name] = checked
    tiers = value["tiers"]
    if not isinstance(tiers, list) or not 1 <= len(tiers) <= 12:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A program has 1 to 12 tiers"), field="tiers")
    parsed: list[Tier] = []
    for raw in tiers:
        if not isinstance(raw, Mapping) or set(raw) != {"key", "threshold", "discount_percent", "multiplier_tenths"}:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A tier needs a name, points, a discount and a multiplier"),
                           field="tiers")
        key = raw["key"]
        threshold = _whole(raw["threshold"], 0, MAX_THRESHOLD)
        discount = _whole(raw["discount_percent"], 0, 100)
        multiplier = _whole(raw["multiplier_tenths"], 0, 100)
        if not isinstance(key, str) or not 1 <= len(key) <= 20 or threshold is None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A tier needs a name, points, a discount and a multiplier"),
                           field="tiers")
        if discount is None or multiplier is None:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "A tier's discount is 0 to 100 % and its multiplier 0 to 10 times"),
                field="tiers",
            )
        parsed.append(Tier(key, threshold, discount, multiplier))
    if len({t.key for t in parsed}) != len(parsed) or check_tiers(parsed) is not None:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "Tiers overlap: the first starts at 0 points and each starts above the one before"
            ),
            field="tiers",
        )
    try:
        qualification = Qualification(value["qualification"])
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Tiers qualify on lifetime points or on the last 12 months"),
                       field="qualification") from None
    return LoyaltyProgram(EarnRules(**rates), tuple(parsed), qualification)


def program_value(value: Any) -> dict[str, Any]:
    """Return ``value`` as the setting's stored value (the check ``domain.settings`` runs).

    Raises:
        BadInput: see ``program_from``.
    """
    return program_from(value).as_value()


# ---------------------------------------------------------------- awards that happen once


def clinic_day(moment: datetime) -> str:
    """Return the clinic's date (Asia/Bangkok) of ``moment`` as YYYY-MM-DD."""
    return moment.astimezone(BANGKOK).date().isoformat()


def day_start(moment: datetime) -> datetime:
    """Return the start (00:00 Asia/Bangkok) of the clinic day of ``moment``: when that day's awards count from."""
    local = moment.astimezone(BANGKOK)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def month_start(moment: datetime) -> datetime:
    """Return the start (the 1st, 00:00 Asia/Bangkok) of the month of ``moment``."""
    return day_start(moment).replace(day=1)


def award_id(source: PointsSource, customer_id: str, *cause: str) -> str:
    """Return the id of an award that happens once per cause (the same on every terminal).

    The welcome of a customer (no cause), the check-in of a day (the
    clinic's date), the birthday of a year, the referral of a friend.
    """
    return derived_id("points", str(source), customer_id, *cause)


# ---------------------------------------------------------------- tiers


@dataclass(frozen=True)
class Earned:
    """One change of the points tiers count: when, and how many.

    An earned lot (``points`` > 0), or points a refund took back
    (``points`` < 0, ``taken_back``).
    """

    at: datetime
    points: int


def taken_back(at: datetime, points: int) -> Earned:
    """Return the ``points`` (> 0) a refund took back at ``at`` as tiers count them."""
    return Earned(at, -points)


def qualifying_points(earned: Iterable[Earned], at: datetime, qualification: Qualification) -> int:
    """Return the points that count towards a tier at ``at``: lifetime, or earned in the 12 months before.

    Points taken back by refunds up to ``at`` (within the 12 months) are
    taken off; never below 0.
    """
    if qualification is Qualification.LIFETIME:
        return max(0, sum(e.points for e in earned if e.at <= at))
    since = add_months(at, -LOT_MONTHS)
    return max(0, sum(e.points for e in earned if since < e.at <= at))


def _stops_counting(at: datetime) -> datetime:
    """Return when a change made at ``at`` has left the 12 months ``qualifying_points`` looks back on."""
    end = add_months(at, LOT_MONTHS)
    if add_months(end, -LOT_MONTHS) < at:
        # 29 February: 12 months on is 28 February, when it still counts; it stops the next day.
        end = end.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return end


def tier_at(earned: Iterable[Earned], program: LoyaltyProgram, at: datetime) -> Tier:
    """Return a member's tier at ``at``.

    On lifetime points, the tier their qualifying points (earned less
    taken back by refunds) reach now. On the last 12 months, the highest
    tier they qualified for at any moment of the current month
    (Asia/Bangkok) up to ``at``: a member whose points fall below a tier
    (lots ageing, or a refund) keeps it until the end of that month.
    Qualifying points only rise when points are earned or when a refund's
    take-back leaves the 12 months, so the moments to look at are the
    month's start, each of those in the month, and ``at``.
    """
    lots = [e for e in earned if e.at <= at]
    if program.qualification is Qualification.LIFETIME:
        return tier_for(qualifying_points(lots, at, program.qualification), program.tiers)
    start = month_start(at)
    moments = [start, at, *(e.at for e in lots if e.at >= start and e.points > 0)]
    moments += [end for e in lots if e.points < 0 and start <= (end := _stops_counting(e.at)) <= at]
    best = program.tiers[0]
    for moment in moments:
        tier = tier_for(qualifying_points(lots, moment, program.qualification), program.tiers)
        if tier.threshold > best.threshold:
            best = tier
    return best


def next_tier(tier: Tier, program: LoyaltyProgram) -> Tier | None:
    """Return the tier above ``tier`` (None at the top)."""
    above = [t for t in program.tiers if t.threshold > tier.threshold]
    return above[0] if above else None


def tier_period(at: datetime) -> str:
    """Return the month (YYYY-MM, Asia/Bangkok) a tier change at ``at`` belongs to."""
    local = at.astimezone(BANGKOK)
    return f"{local.year:04d}-{local.month:02d}"


def tier_change_id(customer_id: str, from_tier: str, to_tier: str, period: str) -> str:
    """Return the id of the record of a member's tier change in a month (the same on every terminal)."""
    return derived_id("tier_change", customer_id, from_tier, to_tier, period)
