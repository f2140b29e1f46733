"""The types a synced field may have, and how a JSON value is checked against one.

A synced record travels as JSON. The server checks every pushed field
against its declared type before it keeps it, and a terminal checks every
pulled field before it stores it, with the same ``problem`` function, so
neither side keeps a value the other cannot store: a text longer than its
column, a date that is not a date, a JSON value nested a few hundred levels
deep (which would make every later pull of the record fail).

``problem(value)`` returns ``None`` for a good value, else a short English
reason (for logs, exception details and the machine-readable refusal); it
never raises. ``to_column(value)`` turns a good JSON value into what the
terminal's column holds (a ``date``, a ``time``, an aware ``datetime``...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Protocol

from .branch import BRANCH_NUMBER

# Every JSON value kept for a field is bounded, so one record can never make
# a page too large to pull or too deep to parse.
MAX_JSON_DEPTH = 8
MAX_JSON_BYTES = 16_384

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# ISO dates and times as Python writes them (``date.isoformat()`` and friends),
# ASCII digits only: ``fromisoformat`` alone accepts other digits in some versions.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$", re.ASCII)
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$", re.ASCII
)


class FieldType(Protocol):
    """What a declared field's values must be."""

    def problem(self, value: Any) -> str | None:
        """Return why ``value`` (a JSON value) cannot be this type's, or None when it can."""

    def to_column(self, value: Any) -> Any:
        """Return the terminal column's value for a good JSON ``value``."""


def _is_int(value: Any) -> bool:
    # bool is an int subclass: True must not pass for 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _text_problem(value: Any, max_length: int) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if len(value) > max_length:
        return f"is longer than {max_length} characters"
    if "\x00" in value:
        return "holds a NUL character"
    return None


@dataclass(frozen=True)
class Text:
    """Text of at most ``max_length`` characters.

    ``empty_is_null``: the terminal stores "" as NULL (a product's SKU, so
    that "no SKU" is never a value two items share).
    """

    max_length: int
    empty_is_null: bool = False

    def problem(self, value: Any) -> str | None:
        return _text_problem(value, self.max_length)

    def to_column(self, value: Any) -> Any:
        return None if self.empty_is_null and value == "" else value


@dataclass(frozen=True)
class BranchNumber:
    """A branch number as tax documents print it: exactly five ASCII digits (``00000``: the head office)."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not BRANCH_NUMBER.fullmatch(value):
            return "must be five digits (00000 for the head office)"
        return None

    def to_column(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of words (an enum's values)."""

    values: frozenset[str]

    @classmethod
    def of(cls, values: Collection[str]) -> Choice:
        return cls(frozenset(str(v) for v in values))

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or value not in self.values:
            return f"must be one of {', '.join(sorted(self.values))}"
        return None

    def to_column(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Integer:
    """A whole number between ``low`` and ``high`` (64-bit by default)."""

    low: int = -(2**63)
    high: int = 2**63 - 1

    def problem(self, value: Any) -> str | None:
        if not _is_int(value):
            return "must be a whole number"
        if not self.low <= value <= self.high:
            return f"must be between {self.low} and {self.high}"
        return None

    def to_column(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Boolean:
    """true or false."""

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, bool) else "must be true or false"

    def to_column(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Id:
    """A canonical lower-case UUID (36 characters); ``entity`` names what it points to.

    A field naming another synced entity (a visit's ``customer_id``) makes
    that entity a parent: a pulled row waits until its parent has arrived.
    """

    entity: str | None = None

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not _UUID.match(value):
            return "must be an id (a UUID)"
        return None

    def to_column(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Sha256:
    """A lower-case hex SHA-256 (64 characters): the name of a content-addressed file (an image)."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not _SHA256.match(value):
            return "must be a SHA-256 (64 lower-case hex digits)"
        return None

    def to_column(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class IsoDate:
    """A calendar date, ``YYYY-MM-DD``."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not _DATE.match(value):
            return "must be a date (YYYY-MM-DD)"
        try:
            date.fromisoformat(value)
        except ValueError:
            return "must be a date (YYYY-MM-DD)"
        return None

    def to_column(self, value: Any) -> Any:
        return date.fromisoformat(value)


@dataclass(frozen=True)
class ClockTime:
    """A time of day, ``HH:MM`` (seconds allowed)."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not _TIME.match(value):
            return "must be a time of day (HH:MM)"
        try:
            time.fromisoformat(value)
        except ValueError:
            return "must be a time of day (HH:MM)"
        return None

    def to_column(self, value: Any) -> Any:
        return time.fromisoformat(value)


@dataclass(frozen=True)
class Moment:
    """An instant with its zone (ISO 8601 with an offset), e.g. ``2026-12-07T10:42:00+07:00``."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not _DATETIME.match(value):
            return "must be a time with a zone (ISO 8601 with an offset)"
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return "must be a time with a zone (ISO 8601 with an offset)"
        return None

    def to_column(self, value: Any) -> Any:
        return datetime.fromisoformat(value)


@dataclass(frozen=True)
class ListOf:
    """A list of ``min_items`` to ``max_items`` values of one type."""

    item: FieldType
    max_items: int = 100
    min_items: int = 0

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list):
            return "must be a list"
        if len(value) > self.max_items:
            return f"has more than {self.max_items} items"
        if len(value) < self.min_items:
            return f"has fewer than {self.min_items} items"
        for position, item in enumerate(value):
            found = self.item.problem(item)
            if found is not None:
                return f"item {position + 1} {found}"
        return None

    def to_column(self, value: Any) -> Any:
        return [self.item.to_column(v) for v in value]


@dataclass(frozen=True)
class Record:
    """A JSON object with exactly the keys ``fields`` names, each of its type (a refund's line).

    Every key is required and no other key is kept: a record inside a
    record is checked as strictly as the record's own fields.
    """

    fields: tuple[tuple[str, FieldType], ...]

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict):
            return "must be an object"
        names = [name for name, _ in self.fields]
        unknown = sorted(str(k) for k in value if k not in names)
        if unknown:
            return f"has an unknown key {unknown[0]}"
        for name, kind in self.fields:
            if name not in value:
                return f"lacks {name}"
            found = kind.problem(value[name])
            if found is not None:
                return f"{name} {found}"
        return None

    def to_column(self, value: Any) -> Any:
        return {name: kind.to_column(value[name]) for name, kind in self.fields}


@dataclass(frozen=True)
class Json:
    """Free JSON (details of an exception, a setting's value), bounded in depth and size."""

    max_depth: int = MAX_JSON_DEPTH
    max_bytes: int = MAX_JSON_BYTES

    def problem(self, value: Any) -> str | None:
        if _depth(value, self.max_depth) > self.max_depth:
            return f"is nested deeper than {self.max_depth} levels"
        try:
            size = len(json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8"))
        except (TypeError, ValueError, UnicodeEncodeError):
            return "is not plain JSON"
        if size > self.max_bytes:
            return f"is larger than {self.max_bytes} bytes"
        return None

    def to_column(self, value: Any) -> Any:
        return value


def _depth(value: Any, limit: int) -> int:
    """Return how deeply ``value`` nests (a scalar is 0), counting no further than ``limit + 1``.

    Iterative, so a value nested thousands of levels deep is measured
    without recursion and without walking more than it must.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            if level > limit:
                return level
            deepest = max(deepest, level)
            stack.extend((child, level) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def json_depth(value: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """Return how deeply ``value`` nests, counting no further than ``limit + 1`` (see ``Json``)."""
    return _depth(value, limit)
