"""ChangeSet: what one use case changed, for the screens to redraw.

Data only. Every service returns one; the UI's change bus carries it to
every screen, and sync's puller returns one for what it applied.

A bootstrap pulls a million customers: naming each of them would hold a
million ids for screens that only redraw what they show (bench/RESULTS.md,
"Bootstrap of a new terminal, 1,000,000 customers"). So a change set may say
that *many* things of a kind changed instead of naming them
(``ChangeSetBuilder(limit=...)``): a screen then refreshes what it shows of
that kind, as for any id (``may_touch``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    CHAIN = "chain"
    BRANCH = "branch"
    STAFF = "staff"
    CUSTOMER = "customer"
    CONSENT = "consent"
    VISIT = "visit"
    CATALOG_ITEM = "catalog_item"
    STOCK = "stock"
    SYNC_EXCEPTION = "sync_exception"
    SETTING = "setting"
    POINTS = "points"
    COUPON = "coupon"
    REWARD = "reward"
    SHIFT = "shift"
    SALE = "sale"
    JOURNEY = "journey"
    PRINTER = "printer"
    PRINT_JOB = "print_job"
    ROOM = "room"
    APPOINTMENT = "appointment"
    TASK = "task"


@dataclass(frozen=True)
class ChangeSet:
    """Kinds of thing and the ids that changed, plus the use case's result.

    ``result`` is what the caller asked for (a new customer's id, say).
    ``many``: kinds of which too many changed to name them; ``changed``
    then names none or only some of them.
    """

    changed: dict[Kind, frozenset[str]] = field(default_factory=dict)
    result: Any = None
    many: frozenset[Kind] = frozenset()

    def touches(self, kind: Kind) -> bool:
        """Return whether anything of ``kind`` changed."""
        return kind in self.many or bool(self.changed.get(kind))

    def ids(self, kind: Kind) -> frozenset[str]:
        """Return the ids of ``kind`` named as changed (some only, when ``kind`` is in ``many``)."""
        return self.changed.get(kind, frozenset())

    def may_touch(self, kind: Kind, thing_id: str) -> bool:
        """Return whether the thing ``thing_id`` of ``kind`` may have changed (named, or one of many)."""
        return kind in self.many or thing_id in self.changed.get(kind, ())

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Return the union of two change sets (``other``'s result wins)."""
        many = self.many | other.many
        out = {k: set(v) for k, v in self.changed.items() if k not in many}
        for k, v in other.changed.items():
            if k not in many:
                out.setdefault(k, set()).update(v)
        return ChangeSet({k: frozenset(v) for k, v in out.items()}, other.result, many)

    @property
    def empty(self) -> bool:
        return not self.many and not any(self.changed.values())


class ChangeSetBuilder:
    """Collects changes during one transaction (or one sync round's pull).

    With a ``limit``, a kind of which more than ``limit`` ids changed is
    noted as one of ``many`` and its ids are let go.
    """

    def __init__(self, limit: int | None = None) -> None:
        self._changed: dict[Kind, set[str]] = {}
        self._many: set[Kind] = set()
        self._limit = limit

    def add(self, kind: Kind, ids: str | Iterable[str]) -> None:
        """Note that ``ids`` of ``kind`` changed."""
        if kind in self._many:
            return
        bucket = self._changed.setdefault(kind, set())
        if isinstance(ids, str):
            bucket.add(ids)
        else:
            bucket.update(ids)
        if self._limit is not None and len(bucket) > self._limit:
            self.add_many(kind)

    def add_many(self, kind: Kind) -> None:
        """Note that many things of ``kind`` changed, without naming them."""
        self._many.add(kind)
        self._changed.pop(kind, None)

    def build(self, result: Any = None) -> ChangeSet:
        """Return the frozen change set."""
        return ChangeSet({k: frozenset(v) for k, v in self._changed.items()}, result, frozenset(self._many))
