"""The scan rules as plain functions: values 0–100, the comparison with the previous scan, the charts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.scans import MEASURE_LABELS, MEASURES, Measure, check_notes, check_values, compare, series

values_st = st.dictionaries(st.sampled_from(MEASURES), st.integers(0, 100), min_size=1)
T0 = datetime(2026, 12, 1, 3, tzinfo=UTC)


def test_every_measure_has_a_label_and_there_are_the_eight_of_the_scanner() -> None:
    assert [str(m) for m in MEASURES] == ["moisture", "oiliness", "pigmentation", "wrinkles", "pores", "redness",
                                          "acne", "skin_age"]
    assert MEASURE_LABELS.keys() == set(MEASURES)


@given(values_st)
def test_values_from_0_to_100_are_kept_as_given(values: dict[Measure, int]) -> None:
    assert check_values({str(k): v for k, v in values.items()}) == values


@given(st.sampled_from(MEASURES), st.one_of(st.integers(max_value=-1), st.integers(min_value=101),
                                            st.floats(allow_nan=True), st.text(max_size=3), st.booleans()))
def test_anything_else_is_refused_naming_the_measure(measure: Measure, value: object) -> None:
    with pytest.raises(BadInput) as refused:
        check_values({str(measure): value, "moisture" if measure != Measure.MOISTURE else "acne": 50})
    assert refused.value.field == str(measure)


def test_a_scan_measures_something() -> None:
    with pytest.raises(BadInput, match="at least one"):
        check_values({"moisture": None})


def test_notes_are_trimmed_and_bounded() -> None:
    assert check_notes("  ผิวแห้ง \n") == "ผิวแห้ง"
    with pytest.raises(BadInput):
        check_notes("x" * 2001)


@given(values_st, st.one_of(st.none(), values_st))
def test_the_comparison_shows_every_measure_of_either_scan_and_the_change_is_now_minus_before(
        now: dict[Measure, int], before: dict[Measure, int] | None) -> None:
    rows = compare(now, before)
    assert {r.measure for r in rows} == set(now) | set(before or {})
    assert [r.measure for r in rows] == [m for m in MEASURES if m in {r.measure for r in rows}]
    for r in rows:
        if r.now is not None and r.before is not None:
            assert r.change == r.now - r.before and -100 <= r.change <= 100
        else:
            assert r.change is None


@given(st.lists(values_st, min_size=1, max_size=8), st.randoms())
def test_each_chart_has_a_point_per_scan_that_measured_it_oldest_first(scans: list[dict[Measure, int]],
                                                                        rnd: object) -> None:
    dated = [(T0 + timedelta(days=i), v) for i, v in enumerate(scans)]
    shuffled = list(dated)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    charts = series(shuffled)
    for m in MEASURES:
        expected = [(at, v[m]) for at, v in dated if m in v]
        assert [(p.at, p.value) for p in charts.get(m, ())] == expected


def test_moisture_up_is_better_and_every_other_measure_down_is_better() -> None:
    from bnaura_desk.domain.scans import improved

    assert improved(Measure.MOISTURE, 5) is True and improved(Measure.MOISTURE, -5) is False
    for m in MEASURES:
        assert improved(m, 0) is None
        if m is not Measure.MOISTURE:
            assert improved(m, -3) is True and improved(m, 3) is False
