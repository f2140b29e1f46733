"""Thai mobile numbers: what staff type becomes one E.164 number."""

from __future__ import annotations

import pytest

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.phone import (
    display_phone,
    national_digits,
    normalise_thai_mobile,
    query_digits,
)


@pytest.mark.parametrize(
    "typed",
    [
        "081-234-5678",
        "0812345678",
        "081 234 5678",
        "(081) 234 5678",
        "081.234.5678",
        "+66 81 234 5678",
        "+66812345678",
        "+66-81-234-5678",
        "66812345678",
        "+66 081 234 5678",  # the 0 typed after the country code
        "  081-234-5678  ",
        "๐๘๑-๒๓๔-๕๖๗๘",  # Thai digits from a Thai keyboard
    ],
)
def test_accepted_forms_become_e164(typed: str) -> None:
    assert normalise_thai_mobile(typed) == "+66812345678"


@pytest.mark.parametrize("typed, e164", [("061-000-0000", "+66610000000"), ("0999999999", "+66999999999")])
def test_all_mobile_prefixes(typed: str, e164: str) -> None:
    assert normalise_thai_mobile(typed) == e164


@pytest.mark.parametrize(
    "typed",
    [
        "02-123-4567",  # Bangkok landline
        "0212345678",  # landline with 10 digits
        "053-123-456",  # Chiang Mai landline
        "081-234-567",  # one digit short
        "081-234-56789",  # one digit long
        "0712345678",  # 07 is not a mobile prefix
        "+1 415 555 0100",  # not Thai
        "081-234-567a",
        "โทร 0812345678",
        "081+2345678",
        "++66812345678",
        "08१2345678",  # a Devanagari digit is not a digit staff type
    ],
)
def test_rejected_forms_name_the_phone_field(typed: str) -> None:
    with pytest.raises(BadInput) as err:
        normalise_thai_mobile(typed)
    assert err.value.field == "phone"


def test_result_is_plain_ascii_e164() -> None:
    # Mixed Thai and Arabic digits must not leak Thai digits into the stored number.
    result = normalise_thai_mobile("081234๕๖๗๘")
    assert result == "+66812345678"
    assert result.isascii()


def test_empty_phone_says_it_is_required() -> None:
    with pytest.raises(BadInput, match="required") as err:
        normalise_thai_mobile("   ")
    assert err.value.field == "phone"


def test_bad_number_message_quotes_what_was_typed() -> None:
    with pytest.raises(BadInput) as err:
        normalise_thai_mobile("02-123-4567")
    assert "02-123-4567" in str(err.value)


def test_display_and_national_forms() -> None:
    assert display_phone("+66812345678") == "081-234-5678"
    assert national_digits("+66812345678") == "0812345678"
    assert display_phone("+14155550100") == "+14155550100"  # not Thai: shown as stored


@pytest.mark.parametrize(
    "typed, digits",
    [
        ("081 234", "081234"),
        ("081-23", "08123"),
        ("+6681234", "081234"),
        ("+66 81 23", "08123"),
        ("66812", "0812"),
        ("5678", "5678"),
        ("6689", "6689"),  # last four digits that happen to start with 66
        ("๐๘๑", "081"),
    ],
)
def test_query_digits(typed: str, digits: str) -> None:
    assert query_digits(typed) == digits
