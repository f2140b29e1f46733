"""What a pure legality function says of one move of a subject (a journey's stage move).

The server's ``ClockOrderedReplay`` (``sync.server.rules``) folds a
subject's moves in clock order through such a function; the terminal
judges a move by the same function before it writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Verdict:
    """What a legality function says of one move at its place."""

    legal: bool
    state: Any = None  # the subject's state after the move, when legal
    why: str = ""  # why it is illegal, for the exception
