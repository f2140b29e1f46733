"""ChangeSet: what one use case changed, for the screens to redraw.

Data only. Every service returns one; the UI's change bus carries it to
every screen, and sync's puller returns one for what it applied.
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


@dataclass(frozen=True)
class ChangeSet:
    """Kinds of thing and the ids that changed, plus the use case's result.

    ``result`` is what the caller asked for (a new customer's id, say).
    """

    changed: dict[Kind, frozenset[str]] = field(default_factory=dict)
    result: Any = None

    def touches(self, kind: Kind) -> bool:
        """Return whether anything of ``kind`` changed."""
        return bool(self.changed.get(kind))

    def ids(self, kind: Kind) -> frozenset[str]:
        """Return the ids of ``kind`` that changed."""
        return self.changed.get(kind, frozenset())

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Return the union of two change sets (``other``'s result wins)."""
        out = {k: set(v) for k, v in self.changed.items()}
        for k, v in other.changed.items():
            out.setdefault(k, set()).update(v)
        return ChangeSet({k: frozenset(v) for k, v in out.items()}, other.result)

    @property
    def empty(self) -> bool:
        return not any(self.changed.values())


class ChangeSetBuilder:
    """Collects changes during one transaction."""

    def __init__(self) -> None:
        self._changed: dict[Kind, set[str]] = {}

    def add(self, kind: Kind, ids: str | Iterable[str]) -> None:
        """Note that ``ids`` of ``kind`` changed."""
        bucket = self._changed.setdefault(kind, set())
        if isinstance(ids, str):
            bucket.add(ids)
        else:
            bucket.update(ids)

    def build(self, result: Any = None) -> ChangeSet:
        """Return the frozen change set."""
        return ChangeSet({k: frozenset(v) for k, v in self._changed.items()}, result)
