"""Appointment rules: opening hours, slot checks and the next free slot."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.appointments import (
    DEFAULT_HOURS,
    AppointmentStatus,
    check_slot,
    first_free,
    is_late_cancellation,
    next_free_slot,
    opening_hours,
    opening_hours_value,
    overlaps,
)
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.domain.errors import BadInput

MONDAY = datetime(2026, 12, 7, 0, 0, tzinfo=BANGKOK)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour, minutes=minute)


def test_unset_hours_are_ten_to_eight_every_day() -> None:
    assert opening_hours(None) == DEFAULT_HOURS
    assert DEFAULT_HOURS.contains(at(0, 10), at(0, 20))
    assert not DEFAULT_HOURS.contains(at(0, 9, 45), at(0, 10, 45))
    assert not DEFAULT_HOURS.contains(at(6, 19, 30), at(6, 20, 30))


def test_stored_hours_are_checked_and_a_missing_day_is_closed() -> None:
    stored = opening_hours_value({"sat": ["09:00", "18:00"], "mon": ["11:00", "21:00"]})
    assert list(stored) == ["mon", "sat"]
    hours = opening_hours(stored)
    assert hours.window(at(1, 0).date()) is None  # Tuesday: closed
    assert hours.contains(at(0, 20), at(0, 21))
    for bad in ({"mon": ["20:00", "10:00"]}, {"xyz": ["10:00", "11:00"]}, {"mon": ["10:00"]},
                {"mon": ["10", "11:00"]}, ["mon"], {"mon": ["25:00", "26:00"]}):
        with pytest.raises(BadInput):
            opening_hours_value(bad)


def test_a_slot_in_the_past_or_outside_hours_is_refused_with_the_hours_named() -> None:
    now = at(0, 12)
    with pytest.raises(BadInput, match="past"):
        check_slot(at(0, 11), at(0, 12), now, DEFAULT_HOURS)
    with pytest.raises(BadInput) as error:
        check_slot(at(0, 19, 30), at(0, 20, 30), now, DEFAULT_HOURS)
    assert error.value.params == {"opens": "10:00", "closes": "20:00"}
    closed = opening_hours({"mon": ["10:00", "20:00"]})
    with pytest.raises(BadInput, match="closed"):
        check_slot(at(1, 11), at(1, 12), now, closed)
    check_slot(at(0, 19), at(0, 20), now, DEFAULT_HOURS)


def test_touching_slots_do_not_overlap() -> None:
    assert not overlaps(at(0, 10), at(0, 11), at(0, 11), at(0, 12))
    assert overlaps(at(0, 10), at(0, 11, 1), at(0, 11), at(0, 12))


def test_late_cancellation_window() -> None:
    assert is_late_cancellation(at(1, 10), at(0, 11), 24)
    assert not is_late_cancellation(at(1, 10), at(0, 9), 24)


def test_next_free_slot_skips_busy_time_and_closed_hours() -> None:
    busy = [(at(0, 10), at(0, 11)), (at(0, 11), at(0, 12, 10))]
    assert next_free_slot(busy, timedelta(minutes=60), at(0, 8), DEFAULT_HOURS) == (at(0, 12, 15), at(0, 13, 15))
    # Too late today: tomorrow's opening.
    assert next_free_slot([], timedelta(minutes=90), at(0, 19), DEFAULT_HOURS) == (at(1, 10), at(1, 11, 30))
    assert next_free_slot([], timedelta(hours=11), at(0, 8), DEFAULT_HOURS) is None


def test_first_free_picks_the_earliest_option() -> None:
    options = {"a": [(at(0, 10), at(0, 14))], "b": [(at(0, 10), at(0, 11))]}
    assert first_free(options, timedelta(minutes=30), at(0, 9), DEFAULT_HOURS) == ("b", at(0, 11), at(0, 11, 30))


def test_statuses() -> None:
    assert {s.value for s in AppointmentStatus} == {"booked", "moved", "cancelled", "late_cancelled", "no_show",
                                                    "done"}


_minutes = st.integers(min_value=0, max_value=4 * 24 * 60)


@settings(max_examples=300, deadline=None)
@given(
    busy=st.lists(st.tuples(_minutes, st.integers(min_value=1, max_value=300)), max_size=25),
    duration=st.integers(min_value=5, max_value=240),
    after=_minutes,
    open_hour=st.integers(min_value=0, max_value=12),
    length=st.integers(min_value=1, max_value=12),
)
def test_no_free_slot_overlaps_busy_time_or_leaves_opening_hours(
    busy: list[tuple[int, int]], duration: int, after: int, open_hour: int, length: int
) -> None:
    hours = opening_hours({d: [f"{open_hour:02d}:00", f"{open_hour + length:02d}:00"]
                           for d in ("mon", "tue", "thu", "fri", "sun")})
    intervals = [(MONDAY + timedelta(minutes=s), MONDAY + timedelta(minutes=s + n)) for s, n in busy]
    start_after = MONDAY + timedelta(minutes=after)
    slot = next_free_slot(intervals, timedelta(minutes=duration), start_after, hours, horizon_days=10)
    if slot is None:
        assert duration > length * 60 or intervals  # nothing free only when it cannot fit or time is taken
        return
    start, end = slot
    assert end - start == timedelta(minutes=duration)
    assert start >= start_after
    assert hours.contains(start, end)
    assert not any(overlaps(start, end, b, e) for b, e in intervals)
    assert start.astimezone(BANGKOK).minute % 15 == 0
