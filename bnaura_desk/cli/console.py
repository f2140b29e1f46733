"""Where a command writes, and text laid out in columns by display width.

A terminal gives a Thai vowel or tone mark above or below its consonant no
column of its own, and a CJK character two: tables are padded by what the
eye sees, never by ``len``.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import TextIO

from ..domain.errors import Translate

# Categories a terminal draws in no column of its own: non-spacing and
# enclosing marks (Thai vowels above/below, tone marks), format characters
# (zero-width space, which Thai text uses between words; joiners) and
# control characters.
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc"})


class Console:
    """Where a command writes: results on ``out``, progress and problems on ``err``.

    Args:
        out: the results (what a script would pipe on).
        err: progress lines, notes and error messages.
        translate: ``translate(context, text)`` for translated messages.
    """

    def __init__(self, out: TextIO, err: TextIO, translate: Translate) -> None:
        self.out = out
        self.err = err
        self.translate = translate

    def say(self, text: str = "") -> None:
        """Write one line of result on ``out`` (flushed: a pipe sees it at once)."""
        print(text, file=self.out, flush=True)

    def note(self, text: str) -> None:
        """Write one line of progress or trouble on ``err``."""
        print(text, file=self.err, flush=True)


def char_width(ch: str) -> int:
    """Return how many terminal columns the single character ``ch`` takes: 0, 1 or 2."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Return how many terminal columns ``text`` takes (see ``char_width``)."""
    return sum(char_width(ch) for ch in text)


def pad(text: str, width: int) -> str:
    """Return ``text`` with spaces after it up to ``width`` columns (never cut)."""
    return text + " " * max(0, width - display_width(text))


def table(rows: Sequence[Sequence[str]], *, indent: str = "  ", gap: str = "  ") -> list[str]:
    """Return ``rows`` (the first one the header) as lines of aligned columns.

    Every column but the last is padded to its widest cell by display width;
    the last is left as it is, so no line ends in spaces.
    """
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [
        max((display_width(row[i]) for row in rows if i < len(row)), default=0)
        for i in range(columns - 1)
    ]
    lines = []
    for row in rows:
        cells = [pad(cell, widths[i]) if i < len(widths) else cell for i, cell in enumerate(row)]
        lines.append((indent + gap.join(cells)).rstrip())
    return lines


def utf8_stdout() -> tuple[TextIO, Callable[[], None]]:
    """Return standard output as a UTF-8 text stream, and the call that finishes with it.

    A CSV on standard output must be UTF-8 whatever the locale says; the
    finishing call flushes and leaves ``sys.stdout`` usable.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced by a text-only stream (embedding, tests)
        return sys.stdout, sys.stdout.flush
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")

    def done() -> None:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open

    return stream, done
