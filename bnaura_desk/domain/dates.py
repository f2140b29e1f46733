"""Dates as a Thai clinic shows them: Buddhist era in Thai, Gregorian in English.

Neither Qt nor Babel formats Buddhist-era dates, so this does it: the year is
the Gregorian year + 543, the month names are the Thai ones. Times are shown
in Asia/Bangkok, whatever zone the value is in (the store keeps UTC).

Pure (no Qt): domain messages name dates too ("expired on 12 ม.ค. 2569"),
and the screens' ``ui.widgets.dates`` builds on this module.

A message's date is formatted when the message is rendered, in the
language of its translation: ``message_language`` asks the translation
function itself, as Qt's own ``QT_LAYOUT_DIRECTION`` marker does for the
layout direction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .errors import QT_TRANSLATE_NOOP, BadInput, Translate

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

# Translated "th" in the Thai translation: the language a translation
# function renders into (see ``message_language``).
LANGUAGE_MARKER = QT_TRANSLATE_NOOP("dates", "BNAURA_MESSAGE_LANGUAGE_en")


def local(value: date | datetime) -> date | datetime:
    """Return an aware datetime in Bangkok time; a date or naive datetime as it is."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(BANGKOK)
    return value


def format_date(d: date | datetime, lang: str, *, long: bool = False) -> str:
    """Return ``d`` as a clinic shows it.

    Args:
        d: a date, or an aware datetime (its date in Bangkok is shown).
        lang: ``"th"`` (Buddhist era, Thai month) or ``"en"``.
        long: full month name instead of the abbreviation.

    Return:
        ``23 พ.ย. 2569`` / ``23 พฤศจิกายน 2569`` in Thai, ``23 Nov 2026`` /
        ``23 November 2026`` in English.
    """
    d = local(d)
    if lang == "th":
        months = THAI_MONTHS if long else THAI_MONTHS_SHORT
        return f"{d.day} {months[d.month - 1]} {d.year + BUDDHIST_ERA_OFFSET}"
    month = ENGLISH_MONTHS[d.month - 1]
    return f"{d.day} {month if long else month[:3]} {d.year}"


def format_time(t: datetime) -> str:
    """Return the time of ``t`` in Bangkok as ``HH:MM`` (24-hour, as in both languages)."""
    return f"{local(t):%H:%M}"


def format_datetime(t: datetime, lang: str, *, long: bool = False) -> str:
    """Return ``t`` (aware, any zone) as ``23 พ.ย. 2569 10:00`` in Bangkok time."""
    return f"{format_date(t, lang, long=long)} {format_time(t)}"


def bangkok_date(t: datetime) -> date:
    """Return the calendar date of ``t`` (aware, any zone) in Bangkok."""
    shown = local(t)
    return shown.date() if isinstance(shown, datetime) else shown


def message_language(translate: Translate) -> str:
    """Return ``"th"`` or ``"en"``: the language ``translate`` renders messages into."""
    marker = translate("dates", LANGUAGE_MARKER)
    return "th" if marker.endswith("_th") else "en"


@dataclass(frozen=True)
class InTwoLanguages:
    """A name a message shows in its own language: a catalog item's Thai and English names."""

    th: str
    en: str = ""

    def shown(self, lang: str) -> str:
        """Return the name in ``lang`` (``"th"`` or ``"en"``), or the other one when it has none."""
        return (self.en or self.th) if lang == "en" else (self.th or self.en)

    def __str__(self) -> str:  # formatted without a language (a plain ``str.format``): the Thai
        return self.th or self.en


def shown_params(params: Mapping[str, Any], translate: Translate) -> dict[str, Any]:
    """Return ``params`` with dates, moments and ``InTwoLanguages`` names in ``translate``'s language (the rest as is)."""
    lang = message_language(translate)
    out: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, InTwoLanguages):
            out[name] = value.shown(lang)
        elif isinstance(value, datetime):
            out[name] = format_datetime(value, lang)
        elif isinstance(value, date):
            out[name] = format_date(value, lang)
        else:
            out[name] = value
    return out


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TYPED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
BE_THRESHOLD = 2400  # a year above this is Buddhist era (2570 = 2027)


def parse_day(text: str, field: str) -> date:
    """Return ``text`` (``2027-01-31``, or ``31/01/2570`` / ``31/01/2027`` as Thai staff type it) as a date.

    Raises:
        BadInput: not a date in one of those forms, or no such day.
    """
    iso, typed = _ISO.match(text.strip()), _TYPED.match(text.strip())
    try:
        if iso:
            year, month, day = (int(g) for g in iso.groups())
        elif typed:
            day, month, year = (int(g) for g in typed.groups())
        else:
            raise ValueError(text)
        return date(year - 543 if year > BE_THRESHOLD else year, month, day)
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "{text} is not a date (e.g. 2027-01-31 or 31/01/2570)"),
                       field=field, text=text.strip()) from None
