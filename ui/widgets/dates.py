"""Dates as a Thai clinic shows them: Buddhist era in Thai, Gregorian in English.

The formatting itself is ``bnaura_desk.domain.dates`` (domain messages name dates
too); this module adds the UI language as the default. Times are shown
in Asia/Bangkok, whatever zone the value is in (the store keeps UTC).
"""

from __future__ import annotations

from datetime import date, datetime

from bnaura_desk.domain import dates as _dates
from bnaura_desk.domain.dates import (
    BANGKOK,
    BUDDHIST_ERA_OFFSET,
    ENGLISH_MONTHS,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    bangkok_date,
    format_time,
)

# Re-exported: the screens' names for them.
__all__ = [
    "BANGKOK", "BUDDHIST_ERA_OFFSET", "ENGLISH_MONTHS", "THAI_MONTHS", "THAI_MONTHS_SHORT", "bangkok_date",
    "format_date", "format_datetime", "format_time",
]


def _language(lang: str | None) -> str:
    if lang is None:
        from ..i18n import current_language

        return current_language()
    return lang


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
    return _dates.format_date(d, _language(lang), long=long)


def format_datetime(t: datetime, lang: str | None = None, *, long: bool = False) -> str:
    """Return ``t`` (aware, any zone) as ``23 พ.ย. 2569 10:00`` in Bangkok time."""
    return f"{format_date(t, lang, long=long)} {format_time(t)}"
