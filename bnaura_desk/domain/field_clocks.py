"""Per-field clocks of a profile row, kept compact.

Last writer wins per field: each field of a profile row (a customer's
phone, a staff member's role) has the hybrid-logical-clock stamp of its
last write, and a write with a later clock wins. Most rows are written
once and never edited, so storing every field's clock would repeat the
row's clock once per field (about a third of a terminal's database).

The compact form keeps only what differs from the row's own clock
``hlc`` (the latest clock of the row):

- a field listed in ``clocks`` has that clock;
- any other field has ``clocks["*"]`` when present, else ``hlc``.

So a row written once is ``{}``; a row whose phone was edited later is
``{"*": <created>, "phone": <edited>}`` with ``hlc`` the edit's clock.
Server and terminal read and write clocks only through these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# The key of "every field not listed"; no field is called this.
OTHERS = "*"

FieldClocks = dict[str, str]


def clock_of(clocks: Mapping[str, str], hlc: str, field: str) -> str:
    """Return the clock of ``field``'s last write in a row whose clock is ``hlc``."""
    found = clocks.get(field)
    if found is not None:
        return found
    return clocks.get(OTHERS, hlc)


def write(clocks: Mapping[str, str], hlc: str, fields: Iterable[str], clock: str) -> tuple[FieldClocks, str]:
    """Return the clocks and row clock after ``fields`` were written at ``clock``.

    ``clock`` need not be the row's latest (a merge writes a field whose
    stored clock is older, with a clock older than another field's): each
    written field gets ``clock`` and the row clock is the latest of all.
    The result is compact (see ``compact``).
    """
    written = list(fields)
    if not written:
        return dict(clocks), hlc
    full = _explicit(clocks, hlc)
    for f in written:
        full[f] = clock
    new_hlc = max(hlc, clock)
    return compact(full, new_hlc), new_hlc


def touch(clocks: Mapping[str, str], hlc: str, clock: str) -> tuple[FieldClocks, str]:
    """Return the clocks and row clock after an event at ``clock`` that writes no field (a tombstone).

    The fields keep their clocks: when the row clock moves, the fields that
    had it implicitly are written down.
    """
    if clock <= hlc:
        return dict(clocks), hlc
    return compact(_explicit(clocks, hlc), clock), clock


def compact(full: Mapping[str, str], hlc: str) -> FieldClocks:
    """Return the compact form of ``full`` for a row whose clock is ``hlc``.

    ``full`` may hold ``OTHERS`` (the clock of every field it does not
    list). Entries equal to that default are dropped, and so is the
    default itself when it is ``hlc``.
    """
    default = full.get(OTHERS, hlc)
    out = {f: c for f, c in full.items() if f != OTHERS and c != default}
    if default != hlc:
        out[OTHERS] = default
    return out


def expand(clocks: Mapping[str, str], hlc: str, fields: Iterable[str]) -> FieldClocks:
    """Return the clock of each of ``fields`` in a row whose clock is ``hlc`` (no ``OTHERS``)."""
    return {f: clock_of(clocks, hlc, f) for f in fields}


def _explicit(clocks: Mapping[str, str], hlc: str) -> FieldClocks:
    """Return ``clocks`` with the implicit default written as ``OTHERS`` (so ``hlc`` may move)."""
    full = dict(clocks)
    full.setdefault(OTHERS, hlc)
    return full


def compact_complete(full: Mapping[str, str], hlc: str) -> FieldClocks:
    """Return the compact form of a map that lists the clock of every field (the form before issue 9).

    Every field is listed, so the most common clock can become the default.
    """
    counts: dict[str, int] = {}
    for c in full.values():
        counts[c] = counts.get(c, 0) + 1
    if not counts:
        return {}
    # The row's own clock wins a tie: it needs no OTHERS entry.
    default = max(counts, key=lambda c: (counts[c], c == hlc, c))
    out = {f: c for f, c in full.items() if c != default}
    if default != hlc:
        out[OTHERS] = default
    return out
