"""Achievements: badges a member unlocks by what they did, each awarding points once.

A definition is data a manager can edit (stored as the chain setting
``achievements``; ``DEFAULT_DEFINITIONS`` when unset): a key, a category,
Thai and English names and descriptions, the points it awards, whether it
is secret (hidden until unlocked), and a ``Condition``: a kind and its
parameters (total spend of at least X satang; N visits within D days; a
visit in each of M consecutive months...).

Whether a member meets a condition is a pure function of ``MemberFacts``
(their paid sales, visits, referrals, treatments, reviews) at a moment.
Facts only accumulate, so a condition once met stays met: an unlock is
never taken back, and ``progress`` never goes down as facts are added.

Pure: no database, no clock of its own. Times are aware datetimes;
calendar days and months are those of Asia/Bangkok.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from .errors import QT_TRANSLATE_NOOP, BadInput
from .field_types import MAX_JSON_BYTES
from .ids import derived_id

BANGKOK = ZoneInfo("Asia/Bangkok")
SETTING_KEY = "achievements"  # the chain setting holding the definitions

MAX_POINTS = 100_000
MAX_THRESHOLD = 10**12  # satang of ten billion baht: far above any member
MAX_DAYS = 3_660  # a window of ten years
MAX_DEFINITIONS = 100
KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
NAME_MAX = 80
DESCRIPTION_MAX = 300


class Category(StrEnum):
    """The six groups the gallery shows achievements in."""

    SPENDING = "spending"
    FREQUENCY = "frequency"
    REFERRAL = "referral"
    ENGAGEMENT = "engagement"
    TREATMENTS = "treatments"
    SECRET = "secret"


class ConditionKind(StrEnum):
    """What a condition counts; ``threshold`` is how much of it unlocks the achievement."""

    PURCHASES = "purchases"  # paid sales
    TOTAL_SPEND = "total_spend"  # satang paid in all
    VISITS = "visits"  # days the member checked in
    VISITS_WITHIN = "visits_within"  # visit days within some ``days`` consecutive days
    MONTHLY_STREAK = "monthly_streak"  # consecutive calendar months each with a visit
    REFERRALS = "referrals"  # friends registered with the member's code
    TREATMENTS = "treatments"  # treatments done (of ``item_id`` only, when given)
    DISTINCT_TREATMENTS = "distinct_treatments"  # different treatments done
    REVIEWS = "reviews"  # reviews written
    MEMBER_DAYS = "member_days"  # days since registration
    BIRTHDAY_VISITS = "birthday_visits"  # years with a visit in the birth month


# What the gallery and the manager's screen call them (translated in context "achievements").
CATEGORY_LABELS: dict[Category, str] = {
    Category.SPENDING: QT_TRANSLATE_NOOP("achievements", "Spending"),
    Category.FREQUENCY: QT_TRANSLATE_NOOP("achievements", "Frequency"),
    Category.REFERRAL: QT_TRANSLATE_NOOP("achievements", "Referral"),
    Category.ENGAGEMENT: QT_TRANSLATE_NOOP("achievements", "Engagement"),
    Category.TREATMENTS: QT_TRANSLATE_NOOP("achievements", "Treatments"),
    Category.SECRET: QT_TRANSLATE_NOOP("achievements", "Secret"),
}
CONDITION_LABELS: dict[ConditionKind, str] = {
    ConditionKind.PURCHASES: QT_TRANSLATE_NOOP("achievements", "Purchases"),
    ConditionKind.TOTAL_SPEND: QT_TRANSLATE_NOOP("achievements", "Total spend"),
    ConditionKind.VISITS: QT_TRANSLATE_NOOP("achievements", "Visits"),
    ConditionKind.VISITS_WITHIN: QT_TRANSLATE_NOOP("achievements", "Visits within a number of days"),
    ConditionKind.MONTHLY_STREAK: QT_TRANSLATE_NOOP("achievements", "Consecutive months with a visit"),
    ConditionKind.REFERRALS: QT_TRANSLATE_NOOP("achievements", "Friends referred"),
    ConditionKind.TREATMENTS: QT_TRANSLATE_NOOP("achievements", "Treatments done"),
    ConditionKind.DISTINCT_TREATMENTS: QT_TRANSLATE_NOOP("achievements", "Different treatments done"),
    ConditionKind.REVIEWS: QT_TRANSLATE_NOOP("achievements", "Reviews written"),
    ConditionKind.MEMBER_DAYS: QT_TRANSLATE_NOOP("achievements", "Days as a member"),
    ConditionKind.BIRTHDAY_VISITS: QT_TRANSLATE_NOOP("achievements", "Years with a visit in the birth month"),
}

# Kinds whose condition needs a window of days.
WINDOWED = frozenset({ConditionKind.VISITS_WITHIN})


@dataclass(frozen=True)
class Condition:
    """What unlocks an achievement: ``threshold`` of ``kind`` (within ``days``; of treatment ``item_id``)."""

    kind: ConditionKind
    threshold: int
    days: int | None = None
    item_id: str | None = None


@dataclass(frozen=True)
class Definition:
    """One achievement a member can unlock."""

    key: str
    category: Category
    name_th: str
    name_en: str
    description_th: str
    description_en: str
    points: int
    condition: Condition
    secret: bool = False


@dataclass(frozen=True)
class Sale:
    """A paid sale as achievements see it: when, and what was paid after discounts (satang)."""

    at: datetime
    paid_satang: int


@dataclass(frozen=True)
class TreatmentDone:
    """A treatment performed for the member: when, and which catalog item."""

    at: datetime
    item_id: str


@dataclass(frozen=True)
class MemberFacts:
    """Everything an achievement's condition may look at, for one member.

    Facts after the moment asked about are not counted, so a screen and
    the unlock job agree whatever was recorded later.
    """

    sales: tuple[Sale, ...] = ()
    visits: tuple[datetime, ...] = ()
    referrals: tuple[datetime, ...] = ()
    treatments: tuple[TreatmentDone, ...] = ()
    reviews: tuple[datetime, ...] = ()
    registered_at: datetime | None = None
    birthday: date | None = None


class Progress(NamedTuple):
    """How far a member is towards an achievement: ``current`` of ``target``, ``done`` when met.

    A tuple, so ``current, target, done = progress(...)`` reads as the screens use it.
    """

    current: int
    target: int
    done: bool

    @property
    def fraction(self) -> float:
        """Return the share done, 0.0 to 1.0 (a progress bar)."""
        return 1.0 if self.done else min(self.current / self.target, 1.0)


def unlock_id(customer_id: str, key: str) -> str:
    """Return the id of ``customer_id``'s unlock of achievement ``key``: the same on every terminal."""
    return derived_id("achievement_unlock", customer_id, key)


def award_id(unlock: str) -> str:
    """Return the id of the points entry an unlock awards: one award however many terminals unlock it."""
    return derived_id("points", "achievement", unlock)


# ---------------------------------------------------------------- conditions


def _day(moment: datetime) -> date:
    return moment.astimezone(BANGKOK).date()


def _visit_days(facts: MemberFacts, now: datetime) -> list[date]:
    # Two check-ins on one day are one visit (a second one the front desk confirmed).
    return sorted({_day(v) for v in facts.visits if v <= now})


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _best_window(days: Sequence[date], width: int) -> int:
    """Return the most visit days found within ``width`` consecutive calendar days."""
    best, start = 0, 0
    for end, last in enumerate(days):
        while (last - days[start]).days >= width:
            start += 1
        best = max(best, end - start + 1)
    return best


def _runs(months: Sequence[int]) -> list[tuple[int, int]]:
    """Return (last month, length) of each run of consecutive months in sorted ``months``."""
    runs: list[tuple[int, int]] = []
    for month in months:
        if runs and runs[-1][0] == month - 1:
            runs[-1] = (month, runs[-1][1] + 1)
        else:
            runs.append((month, 1))
    return runs


def progress(definition: Definition, facts: MemberFacts, now: datetime) -> Progress:
    """Return how far ``facts`` at ``now`` are towards ``definition`` (current, target, done).

    ``current`` is what the member can build on now (visits of the last
    window, the streak still running); ``done`` is whether the condition
    was met at any time up to ``now``. Neither goes down when facts are
    added. ``current`` never exceeds ``target``, and equals it when done.
    """
    c = definition.condition
    target = c.threshold
    current, best = _measure(c, facts, now)
    done = best >= target
    return Progress(target if done else min(current, target), target, done)


def _measure(c: Condition, facts: MemberFacts, now: datetime) -> tuple[int, int]:
    """Return (the amount to show now, the best amount ever) of what ``c`` counts."""
    kind = c.kind
    if kind is ConditionKind.PURCHASES:
        n = sum(1 for s in facts.sales if s.at <= now and s.paid_satang > 0)
        return n, n
    if kind is ConditionKind.TOTAL_SPEND:
        n = sum(s.paid_satang for s in facts.sales if s.at <= now and s.paid_satang > 0)
        return n, n
    if kind is ConditionKind.VISITS:
        n = len(_visit_days(facts, now))
        return n, n
    if kind is ConditionKind.VISITS_WITHIN:
        width = c.days or 1
        days = _visit_days(facts, now)
        today = _day(now)
        recent = sum(1 for d in days if (today - d).days < width)
        return recent, _best_window(days, width)
    if kind is ConditionKind.MONTHLY_STREAK:
        runs = _runs(sorted({_month_index(d) for d in _visit_days(facts, now)}))
        this_month = _month_index(_day(now))
        # A streak ending last month is still alive: this month's visit may come.
        alive = max((length for last, length in runs if last >= this_month - 1), default=0)
        return alive, max((length for _, length in runs), default=0)
    if kind is ConditionKind.REFERRALS:
        n = sum(1 for r in facts.referrals if r <= now)
        return n, n
    if kind is ConditionKind.TREATMENTS:
        n = sum(1 for t in facts.treatments if t.at <= now and c.item_id in (None, t.item_id))
        return n, n
    if kind is ConditionKind.DISTINCT_TREATMENTS:
        n = len({t.item_id for t in facts.treatments if t.at <= now})
        return n, n
    if kind is ConditionKind.REVIEWS:
        n = sum(1 for r in facts.reviews if r <= now)
        return n, n
    if kind is ConditionKind.MEMBER_DAYS:
        since = facts.registered_at
        n = max((_day(now) - _day(since)).days, 0) if since is not None and since <= now else 0
        return n, n
    if kind is ConditionKind.BIRTHDAY_VISITS:
        born = facts.birthday
        n = 0 if born is None else len({d.year for d in _visit_days(facts, now) if d.month == born.month})
        return n, n
    raise AssertionError(f"unhandled condition kind {kind}")


def newly_unlocked(
    definitions: Iterable[Definition], facts: MemberFacts, already_unlocked: Collection[str], now: datetime
) -> list[Definition]:
    """Return the definitions ``facts`` meet at ``now`` that are not in ``already_unlocked`` (keys), in order."""
    return [
        d for d in definitions if d.key not in already_unlocked and progress(d, facts, now).done
    ]


# ---------------------------------------------------------------- defaults


def _define(key: str, category: Category, names: tuple[str, str], descriptions: tuple[str, str], points: int,
            condition: Condition, *, secret: bool = False) -> Definition:
    return Definition(key, category, names[0], names[1], descriptions[0], descriptions[1], points, condition,
                      secret)


_C = ConditionKind
DEFAULT_DEFINITIONS: tuple[Definition, ...] = (
    # Spending (the seeds).
    _define("first_purchase", Category.SPENDING, ("ซื้อครั้งแรก", "First Purchase"),
            ("ซื้อสินค้าหรือบริการครั้งแรก", "Make your first purchase"), 100, Condition(_C.PURCHASES, 1)),
    _define("big_spender", Category.SPENDING, ("นักช้อปตัวจริง", "Big Spender"),
            ("ใช้จ่ายรวม ฿10,000 ขึ้นไป", "Spend ฿10,000 or more in all"), 300,
            Condition(_C.TOTAL_SPEND, 1_000_000)),
    _define("vip_member", Category.SPENDING, ("สมาชิกวีไอพี", "VIP Member"),
            ("ใช้จ่ายรวม ฿50,000 ขึ้นไป", "Spend ฿50,000 or more in all"), 500,
            Condition(_C.TOTAL_SPEND, 5_000_000)),
    # Frequency (the seeds).
    _define("regular", Category.FREQUENCY, ("ลูกค้าประจำ", "Regular"),
            ("มาคลินิก 5 ครั้งภายใน 3 เดือน", "Visit 5 times within 3 months"), 200,
            Condition(_C.VISITS_WITHIN, 5, days=91)),
    _define("loyal", Category.FREQUENCY, ("ลูกค้าคนสนิท", "Loyal"),
            ("มาคลินิก 12 ครั้งภายใน 1 ปี", "Visit 12 times within a year"), 400,
            Condition(_C.VISITS_WITHIN, 12, days=365)),
    _define("vip_regular", Category.FREQUENCY, ("ขาประจำวีไอพี", "VIP Regular"),
            ("มาคลินิกทุกเดือน 6 เดือนติดต่อกัน", "Visit every month for 6 months in a row"), 600,
            Condition(_C.MONTHLY_STREAK, 6)),
    # Referral (the seeds).
    _define("friend_bringer", Category.REFERRAL, ("ชวนเพื่อน", "Friend Bringer"),
            ("แนะนำเพื่อน 1 คน", "Refer a friend"), 150, Condition(_C.REFERRALS, 1)),
    _define("ambassador", Category.REFERRAL, ("แอมบาสเดอร์", "Ambassador"),
            ("แนะนำเพื่อน 5 คน", "Refer 5 friends"), 500, Condition(_C.REFERRALS, 5)),
    _define("influencer", Category.REFERRAL, ("อินฟลูเอนเซอร์", "Influencer"),
            ("แนะนำเพื่อน 10 คน", "Refer 10 friends"), 1_000, Condition(_C.REFERRALS, 10)),
    # Engagement.
    _define("first_review", Category.ENGAGEMENT, ("รีวิวแรก", "First Review"),
            ("เขียนรีวิวครั้งแรก", "Write your first review"), 50, Condition(_C.REVIEWS, 1)),
    _define("trusted_voice", Category.ENGAGEMENT, ("เสียงที่ไว้ใจได้", "Trusted Voice"),
            ("เขียนรีวิว 5 ครั้ง", "Write 5 reviews"), 200, Condition(_C.REVIEWS, 5)),
    _define("one_year", Category.ENGAGEMENT, ("ครบรอบ 1 ปี", "One Year Together"),
            ("เป็นสมาชิกครบ 1 ปี", "Be a member for a year"), 300, Condition(_C.MEMBER_DAYS, 365)),
    # Treatments.
    _define("first_treatment", Category.TREATMENTS, ("ทรีตเมนต์แรก", "First Treatment"),
            ("รับทรีตเมนต์ครั้งแรก", "Have your first treatment"), 100, Condition(_C.TREATMENTS, 1)),
    _define("glow_getter", Category.TREATMENTS, ("ผิวสวยต่อเนื่อง", "Glow Getter"),
            ("รับทรีตเมนต์ 10 ครั้ง", "Have 10 treatments"), 400, Condition(_C.TREATMENTS, 10)),
    _define("explorer", Category.TREATMENTS, ("นักสำรวจ", "Explorer"),
            ("ลองทรีตเมนต์ 5 แบบที่ต่างกัน", "Try 5 different treatments"), 300,
            Condition(_C.DISTINCT_TREATMENTS, 5)),
    # Secret: hidden until unlocked.
    _define("birthday_visit", Category.SECRET, ("เซอร์ไพรส์วันเกิด", "Birthday Surprise"),
            ("มาคลินิกในเดือนเกิด", "Visit in your birthday month"), 200, Condition(_C.BIRTHDAY_VISITS, 1),
            secret=True),
)


# ---------------------------------------------------------------- stored form and validation


def definition_value(d: Definition) -> dict[str, Any]:
    """Return ``d`` as stored in the chain setting (JSON)."""
    condition: dict[str, Any] = {"kind": str(d.condition.kind), "threshold": d.condition.threshold}
    if d.condition.days is not None:
        condition["days"] = d.condition.days
    if d.condition.item_id is not None:
        condition["item_id"] = d.condition.item_id
    return {
        "key": d.key, "category": str(d.category), "name_th": d.name_th, "name_en": d.name_en,
        "description_th": d.description_th, "description_en": d.description_en, "points": d.points,
        "secret": d.secret, "condition": condition,
    }


def definitions_value(definitions: Iterable[Definition]) -> list[dict[str, Any]]:
    """Return ``definitions`` as the chain setting's stored value."""
    return [definition_value(d) for d in definitions]


@dataclass
class _Reader:
    """Reads one stored definition, refusing what is not one (``BadInput`` naming the achievement)."""

    raw: Mapping[str, Any]
    key: str = field(default="?")

    def text(self, name: str, limit: int, *, required: bool) -> str:
        value = self.raw.get(name, "")
        if not isinstance(value, str):
            value = ""
        value = " ".join(value.split())
        if required and not value:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Achievement {key} needs a Thai name"), field=name,
                           key=self.key)
        if len(value) > limit:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The names of achievement {key} have at most 80 characters and its descriptions 300"),
                           field=name, key=self.key)
        return value

    def number(self, raw: Mapping[str, Any], name: str) -> int | None:
        value = raw.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The figures of achievement {key} must be whole numbers"),
                           field=name, key=self.key)
        return value


def _read(raw: Any) -> Definition:
    if not isinstance(raw, Mapping):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The achievements must be a list of at most 100 definitions"), field="key")
    key = raw.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "An achievement's key is 1 to 40 small letters, digits or _, from a letter"),
            field="key",
        )
    r = _Reader(raw, key)
    try:
        category = Category(str(raw.get("category")))
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Achievement {key} has no known category"), field="category",
                       key=key) from None
    points = r.number(raw, "points")
    if points is None or not 0 <= points <= MAX_POINTS:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Achievement {key} awards 0 to 100,000 points"), field="points",
                       key=key)
    secret = raw.get("secret", False)
    if not isinstance(secret, bool) or (category is Category.SECRET and not secret):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Achievement {key} is in the secret category: it must be hidden"),
                       field="secret", key=key)
    return Definition(
        key=key, category=category,
        name_th=r.text("name_th", NAME_MAX, required=True), name_en=r.text("name_en", NAME_MAX, required=False),
        description_th=r.text("description_th", DESCRIPTION_MAX, required=False),
        description_en=r.text("description_en", DESCRIPTION_MAX, required=False),
        points=points, condition=_read_condition(r, raw.get("condition")), secret=secret,
    )


def _read_condition(r: _Reader, raw: Any) -> Condition:
    try:
        kind = ConditionKind(str(raw.get("kind")) if isinstance(raw, Mapping) else "")
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Achievement {key} has no known condition"), field="condition",
                       key=r.key) from None
    assert isinstance(raw, Mapping)
    threshold = r.number(raw, "threshold")
    if threshold is None or not 1 <= threshold <= MAX_THRESHOLD:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The target of achievement {key} must be above zero"),
                       field="threshold", key=r.key)
    days = r.number(raw, "days")
    if kind in WINDOWED and (days is None or not 1 <= days <= MAX_DAYS):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The window of achievement {key} is 1 to 3,660 days"),
                       field="days", key=r.key)
    item_id = raw.get("item_id")
    if item_id is not None and (kind is not ConditionKind.TREATMENTS or not isinstance(item_id, str)
                                or not 0 < len(item_id) <= 36):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Only a treatments achievement may name a treatment"),
                       field="item_id", key=r.key)
    return Condition(kind, threshold, days if kind in WINDOWED else None, item_id)


def definitions_from_value(value: Any) -> tuple[Definition, ...]:
    """Return the definitions a stored (or edited) value describes, checked.

    Raises:
        BadInput: not a list of definitions; more than 100; a key used
            twice or not of small letters, digits and _; an unknown
            category or condition kind; a target not above zero; a window
            not of 1 to 3,660 days; points not 0 to 100,000; a missing Thai
            name; a secret-category achievement not hidden. Nothing is kept.
    """
    if not isinstance(value, list) or len(value) > MAX_DEFINITIONS:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The achievements must be a list of at most 100 definitions"), field="key")
    definitions = tuple(_read(raw) for raw in value)
    seen: set[str] = set()
    for d in definitions:
        if d.key in seen:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The achievement key {key} is used twice"), field="key",
                           key=d.key)
        seen.add(d.key)
    return definitions


def checked_definitions_value(value: Any) -> list[dict[str, Any]]:
    """Return ``value`` as the chain setting's stored value, checked (``settings.VALUE_CHECKS``).

    Raises:
        BadInput: as ``definitions_from_value``; or the whole list is
            larger than a synced setting may be (16 KB of JSON: about 40
            achievements with Thai descriptions).
    """
    stored = definitions_value(definitions_from_value(value))
    if len(json.dumps(stored, ensure_ascii=False).encode("utf-8")) > MAX_JSON_BYTES:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "The achievements take too much room: shorten descriptions or remove some"),
            field="description_th",
        )
    return stored


def stored_definitions(value: Any) -> tuple[Definition, ...]:
    """Return the definitions in force for a stored setting value (``None``: the defaults).

    A definition this version cannot read (a condition kind a newer
    terminal introduced) is left out rather than failing the gallery.
    """
    if value is None:
        return DEFAULT_DEFINITIONS
    readable: list[Definition] = []
    for raw in value if isinstance(value, list) else ():
        try:
            readable.append(_read(raw))
        except BadInput:
            continue
    return tuple(readable)


def by_key(definitions: Iterable[Definition]) -> dict[str, Definition]:
    """Return ``definitions`` by key."""
    return {d.key: d for d in definitions}


def visible(definition: Definition, unlocked: bool) -> bool:
    """Return whether the gallery shows ``definition``: a secret one only once unlocked."""
    return unlocked or not definition.secret

