"""Column types that keep Python values honest across SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored as ISO-8601 text that sorts by time.

    Naive datetimes are refused: every timestamp in the store is UTC and is
    shown in Asia/Bangkok by the UI.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if len(value) == 27 and value[10] == "T" and value[-1] == "Z":
            # The form written above: fromisoformat reads it a hundred times
            # faster than strptime (a member's 5,000 ledger rows: 0.4 s of
            # parsing before, the loyalty panel's read waited on it).
            return datetime.fromisoformat(value)
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as ``YYYY-MM-DD``."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class ClockTime(TypeDecorator[time]):
    """A wall-clock time of day stored as ``HH:MM``."""

    impl = String(5)
    cache_ok = True

    def process_bind_param(self, value: time | None, dialect: Dialect) -> str | None:
        return None if value is None else value.strftime("%H:%M")

    def process_result_value(self, value: str | None, dialect: Dialect) -> time | None:
        return None if value is None else time.fromisoformat(value)


def canonical_json(value: Any) -> str:
    """Return the one JSON text of ``value``: sorted keys, no spaces, UTF-8 as is.

    Payload hashes depend on it, so it never changes.
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class EncodedJson(str):
    """Text that is already the ``canonical_json`` of a value: ``JsonText`` stores it as it is.

    For bulk writes that have the text at hand (``BulkJournal``: an audit
    entry's record is inside its operation's payload), so it is not made
    twice. Never put one on an ORM object: reading the attribute back
    would give the text, not the value.
    """

    __slots__ = ()


class JsonText(TypeDecorator[Any]):
    """JSON stored as canonical text (readable in the sqlite3 shell)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if type(value) is EncodedJson:
            return str(value)
        return canonical_json(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)
