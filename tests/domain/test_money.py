"""Money in satang: VAT contained in a VAT-inclusive total, baht text."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.money import format_baht, parse_baht, vat_included


@pytest.mark.parametrize(
    "total, vat",
    [
        (10_700, 700),  # ฿107.00 → ฿7.00
        (0, 0),
        (1, 0),  # 0.0654 satang
        (7, 0),  # 0.4579
        (8, 1),  # 0.5234 → rounds up
        (100_000, 6_542),  # ฿1,000: 6542.056
        (150_000, 9_813),  # ฿1,500: 9813.08
        (53_500, 3_500),  # ฿535 = 500 + 35
    ],
)
def test_vat_included_examples(total: int, vat: int) -> None:
    assert vat_included(total) == vat


def test_half_satang_rounds_up() -> None:
    # 107 is odd, so at 7 % a total never holds exactly half a satang of VAT;
    # at 100 % (VAT = total / 2) it does, and halves round away from zero.
    assert not [t for t in range(1, 5000) if Fraction(t * 7, 107).denominator == 2]
    assert vat_included(3, rate_bp=10_000) == 2
    assert vat_included(5, rate_bp=10_000) == 3
    assert vat_included(-3, rate_bp=10_000) == -2
    assert vat_included(4, rate_bp=10_000) == 2


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_refunds_are_symmetric(total: int) -> None:
    assert vat_included(-total) == -vat_included(total)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_vat_is_the_exact_fraction_rounded(total: int) -> None:
    vat = vat_included(total)
    exact = Fraction(total * 7, 107)
    assert abs(vat - exact) <= Fraction(1, 2)
    net = total - vat
    assert net + vat == total
    # Net and VAT keep the total's sign (or are zero).
    assert vat * total >= 0 and net * total >= 0


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10_000))
def test_any_rate_within_half_a_satang(total: int, rate_bp: int) -> None:
    exact = Fraction(total * rate_bp, 10_000 + rate_bp)
    assert abs(vat_included(total, rate_bp) - exact) <= Fraction(1, 2)


@pytest.mark.parametrize(
    "text, satang",
    [
        ("1,234.5", 123_450),
        ("1234.56", 123_456),
        ("฿1,500", 150_000),
        (" 1 500.00 ", 150_000),
        ("0", 0),
        ("0.5", 50),
        ("12,345,678.90", 1_234_567_890),
    ],
)
def test_parse_baht(text: str, satang: int) -> None:
    assert parse_baht(text) == satang


@pytest.mark.parametrize("text", ["", "abc", "-5", "1.234", "1,23", "12,34.00", "1.", "฿", "1e3"])
def test_parse_baht_refuses_with_the_field_named(text: str) -> None:
    with pytest.raises(BadInput) as err:
        parse_baht(text, field="amount")
    assert err.value.field == "amount"


def test_format_baht() -> None:
    assert format_baht(123_450) == "฿1,234.50"
    assert format_baht(5) == "฿0.05"
    assert format_baht(-5_000) == "-฿50.00"
    assert format_baht(100_000_000, symbol=False) == "1,000,000.00"


@given(st.integers(min_value=0, max_value=10**14))
def test_format_parse_round_trip(satang: int) -> None:
    assert parse_baht(format_baht(satang)) == satang
    assert parse_baht(format_baht(satang, symbol=False)) == satang
