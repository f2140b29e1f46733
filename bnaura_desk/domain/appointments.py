"""Appointments as plain rules: opening hours, slots, overlaps, the next free slot.

Everything here is pure (no database, no Qt): the terminal's use cases
(``services.appointments``) and the server's double-booking rule
(``sync.server.appointments``) judge by the same functions.

Times are aware datetimes; a day, a slot's grid and the opening hours are
Bangkok's (``dates.BANGKOK``). A slot is the half-open interval
``[start, end)``: one appointment ending at 11:00 and another starting at
11:00 do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from .dates import BANGKOK, shown_params
from .errors import QT_TRANSLATE_NOOP, BadInput, Translate

# The branch's opening hours when it has none of its own: 10:00 to 20:00 every day.
DEFAULT_OPEN, DEFAULT_CLOSE = time(10, 0), time(20, 0)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # ``date.weekday()`` order
# The grid free slots are offered on (minutes past a Bangkok hour).
SLOT_MINUTES = 15
# How far ahead the next free slot is looked for.
HORIZON_DAYS = 60

Interval = tuple[datetime, datetime]
K = TypeVar("K")


class AppointmentStatus(StrEnum):
    """Where an appointment stands."""

    BOOKED = "booked"
    MOVED = "moved"  # booked, then moved to another time, beautician or room
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"  # cancelled within the late-cancellation window before its start
    NO_SHOW = "no_show"
    DONE = "done"


# The statuses whose appointment holds its beautician and room.
HOLDS_TIME = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.MOVED, AppointmentStatus.DONE})
# The statuses an appointment may still be moved, cancelled or marked a no-show from.
OPEN = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.MOVED})


class SlotRefused(BadInput):
    """A slot refused with dates, times or names among its values, shown in the message's language."""

    def render(self, translate: Translate | None = None) -> str:
        """Return the message, translated by ``translate(context, template)``, dates in its language."""
        if translate is None:
            return self.template.format(**shown_params(self.params, lambda _c, text: text))
        return translate(self.context, self.template).format(**shown_params(self.params, translate))


@dataclass(frozen=True)
class OpeningHours:
    """When a branch is open, per weekday (Monday 0): (open, close) in Bangkok time, or None when closed."""

    days: tuple[tuple[time, time] | None, ...]

    def window(self, day: date) -> Interval | None:
        """Return the aware interval the branch is open on ``day`` (a Bangkok date), or None when closed."""
        hours = self.days[day.weekday()]
        if hours is None:
            return None
        return (datetime.combine(day, hours[0], BANGKOK), datetime.combine(day, hours[1], BANGKOK))

    def contains(self, start: datetime, end: datetime) -> bool:
        """Return whether ``[start, end)`` lies within one day's opening hours."""
        window = self.window(start.astimezone(BANGKOK).date())
        return window is not None and window[0] <= start and end <= window[1] and start < end


DEFAULT_HOURS = OpeningHours(tuple((DEFAULT_OPEN, DEFAULT_CLOSE) for _ in WEEKDAYS))


def _bad_hours() -> BadInput:
    return BadInput(
        QT_TRANSLATE_NOOP("errors", "Opening hours are an opening and a closing time (HH:MM) per weekday,"
                                    " the closing after the opening"),
        field="opening_hours",
    )


def opening_hours_value(value: Any) -> dict[str, list[str]]:
    """Return ``value`` as a branch's stored opening hours: ``{"mon": ["10:00", "20:00"], ...}``.

    A weekday left out is a day the branch is closed. Times are ``HH:MM``
    in Bangkok; the closing time is after the opening time (a branch open
    past midnight is not supported). Days come out in weekday order.

    Raises:
        BadInput: not a mapping of weekday names to two times, a time that
            is not ``HH:MM``, a closing time not after the opening time.
    """
    if not isinstance(value, Mapping) or not set(value) <= set(WEEKDAYS):
        raise _bad_hours()
    out: dict[str, list[str]] = {}
    for day in WEEKDAYS:
        if day not in value:
            continue
        pair = value[day]
        if not isinstance(pair, list | tuple) or len(pair) != 2 or not all(isinstance(p, str) for p in pair):
            raise _bad_hours()
        try:
            opens, closes = (time.fromisoformat(p) for p in pair)
        except ValueError:
            raise _bad_hours() from None
        if len(pair[0]) != 5 or len(pair[1]) != 5 or closes <= opens:
            raise _bad_hours()
        out[day] = [pair[0], pair[1]]
    return out


def opening_hours(value: Any) -> OpeningHours:
    """Return the ``OpeningHours`` of a branch's stored value.

    None (never set) gives ``DEFAULT_HOURS``; so does a value this version
    cannot read (written by a newer app), so the desk keeps booking.
    """
    if value is None:
        return DEFAULT_HOURS
    try:
        stored = opening_hours_value(value)
    except BadInput:
        return DEFAULT_HOURS
    days: list[tuple[time, time] | None] = []
    for day in WEEKDAYS:
        pair = stored.get(day)
        days.append(None if pair is None else (time.fromisoformat(pair[0]), time.fromisoformat(pair[1])))
    return OpeningHours(tuple(days))


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Return whether ``[a_start, a_end)`` and ``[b_start, b_end)`` share any instant."""
    return a_start < b_end and b_start < a_end


def first_overlap(busy: Iterable[tuple[K, datetime, datetime]], start: datetime, end: datetime) -> K | None:
    """Return the key of the first busy interval (in ``busy``'s order) overlapping ``[start, end)``, or None."""
    for key, b_start, b_end in busy:
        if overlaps(start, end, b_start, b_end):
            return key
    return None


def check_slot(start: datetime, end: datetime, now: datetime, hours: OpeningHours) -> None:
    """Refuse a slot in the past or outside the opening hours.

    Raises:
        BadInput: ``start`` is before ``now``; the slot is empty; it is not
            within one day's opening hours (the message names that day's hours,
            or says the branch is closed).
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("appointment times must be aware")
    if start < now:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "An appointment cannot start in the past"), field="starts_at")
    if end <= start:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The treatment has no duration to book"), field="duration")
    if hours.contains(start, end):
        return
    window = hours.window(start.astimezone(BANGKOK).date())
    if window is None:
        raise SlotRefused(QT_TRANSLATE_NOOP("errors", "The branch is closed on {day}"), field="starts_at",
                       day=start.astimezone(BANGKOK).date())
    raise BadInput(
        QT_TRANSLATE_NOOP("errors", "The branch is open from {opens} to {closes} that day; the appointment"
                                    " must fit within"),
        field="starts_at", opens=f"{window[0]:%H:%M}", closes=f"{window[1]:%H:%M}",
    )


def is_late_cancellation(start: datetime, now: datetime, window_hours: int) -> bool:
    """Return whether cancelling at ``now`` an appointment starting at ``start`` is a late cancellation."""
    return now >= start - timedelta(hours=window_hours)


def _grid_up(t: datetime, step: int) -> datetime:
    """Return ``t`` rounded up to the next ``step``-minute mark of Bangkok's clock (``t`` itself when on one)."""
    local = t.astimezone(BANGKOK)
    midnight = datetime.combine(local.date(), time(0), BANGKOK)
    seconds = (local - midnight).total_seconds()
    marks = -(-seconds // (step * 60))
    return midnight + timedelta(minutes=int(marks) * step)


def next_free_slot(
    busy: Sequence[Interval],
    duration: timedelta,
    after: datetime,
    hours: OpeningHours,
    *,
    step: int = SLOT_MINUTES,
    horizon_days: int = HORIZON_DAYS,
) -> Interval | None:
    """Return the earliest slot of ``duration`` starting at or after ``after`` that is free and within opening hours.

    Args:
        busy: the intervals already taken (of one beautician, one room, or both
            together); any order, may overlap each other.
        duration: the treatment's length (positive).
        after: the earliest start (aware); starts are on the ``step``-minute
            grid of Bangkok's clock.
        hours: the branch's opening hours.
        horizon_days: how many Bangkok days from ``after``'s are searched.

    Return:
        ``(start, end)`` overlapping no busy interval and within one day's
        opening hours, or None when there is none within the horizon.
    """
    if duration <= timedelta(0):
        raise ValueError("a slot needs a positive duration")
    taken = sorted(busy)
    first_day = after.astimezone(BANGKOK).date()
    for offset in range(horizon_days):
        window = hours.window(first_day + timedelta(days=offset))
        if window is None:
            continue
        candidate = _grid_up(max(window[0], after), step)
        while candidate + duration <= window[1]:
            end = candidate + duration
            blocking = [b_end for b_start, b_end in taken if overlaps(candidate, end, b_start, b_end)]
            if not blocking:
                return (candidate, end)
            candidate = _grid_up(max(blocking), step)
    return None


def first_free(
    options: Mapping[K, Sequence[Interval]],
    duration: timedelta,
    after: datetime,
    hours: OpeningHours,
    *,
    step: int = SLOT_MINUTES,
    horizon_days: int = HORIZON_DAYS,
) -> tuple[K, datetime, datetime] | None:
    """Return the option (a beautician, or a beautician and room) with the earliest free slot, and that slot.

    Ties go to the option first in ``options``' order. None when no option
    has a free slot within the horizon.
    """
    best: tuple[K, datetime, datetime] | None = None
    for key, busy in options.items():
        slot = next_free_slot(busy, duration, after, hours, step=step, horizon_days=horizon_days)
        if slot is not None and (best is None or slot[0] < best[1]):
            best = (key, slot[0], slot[1])
    return best
