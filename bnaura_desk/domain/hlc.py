"""Hybrid logical clock.

A timestamp is (wall milliseconds, counter, node). Its text form sorts the
same way the timestamps order, so SQL ``ORDER BY hlc`` and ``max(hlc)`` work
and per-field last-writer-wins is a plain string comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import QT_TRANSLATE_NOOP, BadInput

COUNTER_MAX = 99_999
# The text form, strictly: ASCII digits of fixed widths and a node of plain
# characters. ``int()`` alone also reads "１２" or "1_000" (other scripts'
# digits, underscores), and a clock kept from such text would sort after
# every real one and win its fields for ever.
_TEXT = re.compile(r"^([0-9]{13})\.([0-9]{5})\.([0-9A-Za-z._-]{1,60})$")


@dataclass(frozen=True, order=True)
class Hlc:
    """One hybrid-logical-clock timestamp; ordering is causal order."""

    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        """Return the sortable text form ``WWWWWWWWWWWWW.CCCCC.node``."""
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.node}"

    @classmethod
    def parse(cls, text: object) -> Hlc:
        """Parse the text form (whatever a peer sent); raise ``BadInput`` when it is malformed."""
        found = _TEXT.match(text) if isinstance(text, str) else None
        if found is None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Malformed clock value: {value}"), value=str(text)[:100])
        return cls(int(found[1]), int(found[2]), found[3])


ZERO = Hlc(0, 0, "")


def tick(last: Hlc, now_ms: int, node: str) -> Hlc:
    """Return the timestamp of a new local event after ``last``.

    The wall part never goes backwards even if the machine clock does; the
    counter breaks ties within one millisecond.
    """
    if now_ms > last.wall_ms:
        return Hlc(now_ms, 0, node)
    if last.counter >= COUNTER_MAX:
        return Hlc(last.wall_ms + 1, 0, node)
    return Hlc(last.wall_ms, last.counter + 1, node)


def receive(last: Hlc, remote: Hlc, now_ms: int, node: str) -> Hlc:
    """Return the local timestamp after seeing ``remote`` (merge rule).

    The result is later than both ``last`` and ``remote``. Bounding a remote
    clock that runs far ahead is the caller's policy (sync decides).
    """
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif wall == last.wall_ms:
        counter = last.counter + 1
    elif wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    if counter > COUNTER_MAX:
        return Hlc(wall + 1, 0, node)
    return Hlc(wall, counter, node)
