"""Birthdays as staff type them: day/month/year, Buddhist-era years accepted.

Showing dates is ``ui.widgets.dates``; this module reads and pre-fills the
birthday field of the customer form.
"""

from __future__ import annotations

import re
from datetime import date

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput

from ..i18n import current_language

BE_OFFSET = 543
# A typed year above this is Buddhist era (2400 BE = 1857 CE: no customer alive).
BE_THRESHOLD = 2400

_TYPED_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def birthday_text(d: date | None, lang: str | None = None) -> str:
    """Return a birthday as typed in the form: ``05/03/2533`` in Thai, ``05/03/1990`` in English."""
    if d is None:
        return ""
    lang = lang or current_language()
    year = d.year + BE_OFFSET if lang == "th" else d.year
    return f"{d.day:02d}/{d.month:02d}/{year}"


def parse_birthday(text: str) -> date | None:
    """Return the date typed as day/month/year (``None`` when empty).

    Years above 2400 are Buddhist era and converted (2533 → 1990). The
    separators ``/``, ``.`` and ``-`` are all accepted.

    Raises:
        BadInput: on ``birthday``: not day/month/year, or no such date.
    """
    if not text.strip():
        return None
    match = _TYPED_DATE.match(text)
    if match is None:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "Type the birthday as day/month/year, e.g. 25/12/1990 or 25/12/2533"
            ),
            field="birthday",
        )
    day, month, year = (int(g) for g in match.groups())
    if year > BE_THRESHOLD:
        year -= BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{text} is not a date on the calendar"),
            field="birthday",
            text=text.strip(),
        ) from None
