"""Customer profile validation: each rule, with the field at fault named."""

from __future__ import annotations

from datetime import date, time

import pytest

from bnaura_desk.domain.customer import (
    NAME_MAX,
    NOTES_MAX,
    Channel,
    CustomerForm,
    Gender,
    in_quiet_hours,
    validate_customer,
)
from bnaura_desk.domain.errors import BadInput

TODAY = date(2026, 11, 23)
GOOD = CustomerForm(name_th="สมหญิง ใจดี", phone="081-234-5678")


def test_minimal_form_is_normalised() -> None:
    p = validate_customer(
        GOOD.with_changes(
            name_th="  สมหญิง   ใจดี ",
            name_en=" Somying  Jaidee",
            email=" Somying@Example.COM ",
            line_id="@Somying.J",
            skin_notes="  oily T-zone \n",
            channels=(Channel.LINE, Channel.SMS, Channel.LINE),
        ),
        TODAY,
    )
    assert p.name_th == "สมหญิง ใจดี"
    assert p.name_en == "Somying Jaidee"
    assert p.phone == "+66812345678"
    assert p.email == "somying@example.com"
    assert p.line_id == "@somying.j"
    assert p.skin_notes == "oily T-zone"
    assert p.channels == (Channel.LINE, Channel.SMS)


def test_english_name_alone_is_enough() -> None:
    assert validate_customer(CustomerForm(name_en="Anna", phone="0812345678"), TODAY).name_en == "Anna"


def _refused(form: CustomerForm, today: date = TODAY) -> BadInput:
    with pytest.raises(BadInput) as err:
        validate_customer(form, today)
    return err.value


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name_th": "", "name_en": ""}, "name_th"),
        ({"name_th": "   ", "name_en": "\t"}, "name_th"),
        ({"name_th": "ก" * (NAME_MAX + 1)}, "name_th"),
        ({"name_en": "a" * (NAME_MAX + 1)}, "name_en"),
        ({"nickname": "n" * (NAME_MAX + 1)}, "nickname"),
        ({"phone": ""}, "phone"),
        ({"phone": "02-123-4567"}, "phone"),
        ({"phone": "081-234-567x"}, "phone"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "a@b"}, "email"),
        ({"line_id": "ab"}, "line_id"),
        ({"line_id": "has space"}, "line_id"),
        ({"birthday": date(2026, 11, 24)}, "birthday"),
        ({"birthday": date(1899, 12, 31)}, "birthday"),
        ({"quiet_start": time(21, 0)}, "quiet_start"),
        ({"quiet_end": time(8, 0)}, "quiet_start"),
        ({"skin_notes": "x" * (NOTES_MAX + 1)}, "skin_notes"),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, object], field: str) -> None:
    assert _refused(GOOD.with_changes(**changes)).field == field


def test_birthday_today_is_fine_and_tomorrow_is_the_future() -> None:
    assert validate_customer(GOOD.with_changes(birthday=TODAY), TODAY).birthday == TODAY
    err = _refused(GOOD.with_changes(birthday=date(2026, 11, 24)))
    assert "future" in str(err)


def test_limits_are_inclusive() -> None:
    p = validate_customer(
        GOOD.with_changes(name_th="ก" * NAME_MAX, skin_notes="x" * NOTES_MAX), TODAY
    )
    assert len(p.name_th) == NAME_MAX and len(p.skin_notes) == NOTES_MAX


def test_as_record_is_json_ready() -> None:
    p = validate_customer(
        GOOD.with_changes(
            birthday=date(1990, 5, 17), quiet_start=time(21, 0), quiet_end=time(8, 0), gender=Gender.FEMALE
        ),
        TODAY,
    )
    rec = p.as_record()
    assert rec["birthday"] == "1990-05-17"
    assert (rec["quiet_start"], rec["quiet_end"]) == ("21:00", "08:00")
    assert rec["gender"] == "female" and type(rec["gender"]) is str
    assert rec["channels"] == ["sms", "line"]
    assert rec["phone"] == "+66812345678"


@pytest.mark.parametrize(
    "at, start, end, quiet",
    [
        (time(22, 0), time(21, 0), time(8, 0), True),
        (time(7, 59), time(21, 0), time(8, 0), True),
        (time(8, 0), time(21, 0), time(8, 0), False),
        (time(12, 0), time(21, 0), time(8, 0), False),
        (time(13, 0), time(12, 0), time(14, 0), True),
        (time(14, 0), time(12, 0), time(14, 0), False),
        (time(13, 0), None, None, False),
        (time(13, 0), time(9, 0), time(9, 0), False),
    ],
)
def test_quiet_hours(at: time, start: time | None, end: time | None, quiet: bool) -> None:
    assert in_quiet_hours(at, start, end) is quiet
