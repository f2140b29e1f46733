"""Dates as a Thai clinic shows them: Buddhist era in Thai, Gregorian in English.

Neither Qt nor Babel formats Buddhist-era dates, so this does it: the year is
the Gregorian year + 543, the month names are the Thai ones. Times are shown
in Asia/Bangkok, whatever zone the value is in (the store keeps UTC).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")
BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def _language(lang: str | None) -> str:
    if lang is None:
        from ..i18n import current_language

        return current_language()
    return lang


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(BANGKOK)
    return value


def format_date(d: date | datetime, lang: str | None = None, *, long: bool = False) -> str:
    """Return ``d`` as a clinic shows it.

    Args:
        d: a date, or an aware datetime (its date in Bangkok is shown).
        lang: ``"th"`` (Buddhist era, Thai month) or ``"en"``; default the UI language.
        long: full month name instead of the abbreviation.

    Return:
        ``23 พ.ย. 2569`` / ``23 พฤศจิกายน 2569`` in Thai, ``23 Nov 2026`` /
        ``23 November 2026`` in English.
    """
    d = _local(d)
    if _language(lang) == "th":
        months = THAI_MONTHS if long else THAI_MONTHS_SHORT
        return f"{d.day} {months[d.month - 1]} {d.year + BUDDHIST_ERA_OFFSET}"
    month = ENGLISH_MONTHS[d.month - 1]
    return f"{d.day} {month if long else month[:3]} {d.year}"


def format_time(t: datetime) -> str:
    """Return the time of ``t`` in Bangkok as ``HH:MM`` (24-hour, as in both languages)."""
    return f"{_local(t):%H:%M}"


def format_datetime(t: datetime, lang: str | None = None, *, long: bool = False) -> str:
    """Return ``t`` (aware, any zone) as ``23 พ.ย. 2569 10:00`` in Bangkok time."""
    return f"{format_date(t, lang, long=long)} {format_time(t)}"


def bangkok_date(t: datetime) -> date:
    """Return the calendar date of ``t`` (aware, any zone) in Bangkok."""
    local = _local(t)
    return local.date() if isinstance(local, datetime) else local
