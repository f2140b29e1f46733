"""Skin scans: what a scan measures, the checks of what sales typed, and the comparison with earlier scans.

A scan measures up to eight things on a 0–100 scale (moisture, oiliness,
pigmentation, wrinkles, pores, redness, acne and skin age). A scan need not
measure every one (a scanner may not), but it measures at least one. Pure
rules: the service (``services.scans``) checks what people typed with them
before it writes anything, and the screens compare scans with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, BadInput

SCALE_LOW = 0
SCALE_HIGH = 100
NOTES_MAX = 2000
IMAGES_MAX = 20  # images of one scan: a face from a few angles, in a few lights
# The setting (chain-wide, a branch may override it) that has a terminal fetch every pulled scan's
# images at the end of each sync round rather than when first shown: a branch with a good line
# and little time at the screen turns it on.
PREFETCH_IMAGES_KEY = "prefetch_images"


class Measure(StrEnum):
    """What a skin scan measures; each value is also the scan's field and column name."""

    MOISTURE = "moisture"
    OILINESS = "oiliness"
    PIGMENTATION = "pigmentation"
    WRINKLES = "wrinkles"
    PORES = "pores"
    REDNESS = "redness"
    ACNE = "acne"
    SKIN_AGE = "skin_age"


# In the order screens list them.
MEASURES: tuple[Measure, ...] = tuple(Measure)

MEASURE_LABELS: dict[Measure, str] = {
    Measure.MOISTURE: QT_TRANSLATE_NOOP("scans", "Moisture"),
    Measure.OILINESS: QT_TRANSLATE_NOOP("scans", "Oiliness"),
    Measure.PIGMENTATION: QT_TRANSLATE_NOOP("scans", "Pigmentation"),
    Measure.WRINKLES: QT_TRANSLATE_NOOP("scans", "Wrinkles"),
    Measure.PORES: QT_TRANSLATE_NOOP("scans", "Pores"),
    Measure.REDNESS: QT_TRANSLATE_NOOP("scans", "Redness"),
    Measure.ACNE: QT_TRANSLATE_NOOP("scans", "Acne"),
    Measure.SKIN_AGE: QT_TRANSLATE_NOOP("scans", "Skin age"),
}

ScanValues = dict[Measure, int]

# Measures where a higher value is better skin; for every other one (oiliness, pigmentation, wrinkles,
# pores, redness, acne, skin age) lower is better.
HIGHER_IS_BETTER: frozenset[Measure] = frozenset({Measure.MOISTURE})


def improved(measure: Measure, change: int) -> bool | None:
    """Return whether a change of ``measure`` (now − before) is better skin (None: no change)."""
    if change == 0:
        return None
    return (change > 0) == (measure in HIGHER_IS_BETTER)


def check_values(values: Mapping[str, object]) -> ScanValues:
    """Return the measured values keyed by ``Measure``, each a whole number from 0 to 100.

    A measure not given, or given as ``None``, was not measured.

    Raises:
        BadInput: a measure that does not exist; a value that is not a
            whole number from 0 to 100 (the message names the measure);
            nothing measured at all.
    """
    out: ScanValues = {}
    for key, value in values.items():
        try:
            measure = Measure(str(key))
        except ValueError:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A skin scan does not measure {measure}"),
                           field="values", measure=str(key)[:40]) from None
        if value is None:
            continue
        # bool is an int: True must not pass for 1.
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_LOW <= value <= SCALE_HIGH:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "A scan value is a whole number from 0 to 100 ({measure})"),
                field=str(measure), measure=str(measure),
            )
        out[measure] = value
    if not out:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter at least one measured value of the scan"), field="values")
    return out


def check_notes(notes: object) -> str:
    """Return the notes trimmed.

    Raises:
        BadInput: longer than ``NOTES_MAX`` characters, or not text.
    """
    text = notes.strip() if isinstance(notes, str) else None
    if text is None or len(text) > NOTES_MAX or "\x00" in text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Scan notes are text of at most {most} characters"),
                       field="notes", most=NOTES_MAX)
    return text


@dataclass(frozen=True)
class MeasureChange:
    """One measure of a scan beside the previous scan's: ``change`` is now minus before (None if either is missing)."""

    measure: Measure
    now: int | None
    before: int | None

    @property
    def change(self) -> int | None:
        return None if self.now is None or self.before is None else self.now - self.before


def compare(now: Mapping[Measure, int], before: Mapping[Measure, int] | None) -> tuple[MeasureChange, ...]:
    """Return every measure of ``now`` beside ``before`` (the previous scan, or None for a first scan).

    A measure appears when either scan measured it, in ``MEASURES`` order.
    """
    earlier = before or {}
    return tuple(
        MeasureChange(m, now.get(m), earlier.get(m)) for m in MEASURES if m in now or m in earlier
    )


@dataclass(frozen=True)
class ScanPoint:
    """One scan's value of one measure at its time: a point of a measure's chart."""

    at: datetime
    value: int


def series(scans: Sequence[tuple[datetime, Mapping[Measure, int]]]) -> dict[Measure, tuple[ScanPoint, ...]]:
    """Return each measure's values over time (oldest first) from ``(at, values)`` of scans in any order.

    Measures no scan measured are left out; a scan that did not measure a
    measure adds no point to its chart.
    """
    ordered = sorted(scans, key=lambda s: s[0])
    out: dict[Measure, tuple[ScanPoint, ...]] = {}
    for m in MEASURES:
        points = tuple(ScanPoint(at, values[m]) for at, values in ordered if m in values)
        if points:
            out[m] = points
    return out


def prefetch_images_value(value: object) -> bool:
    """Return ``value`` as the ``PREFETCH_IMAGES_KEY`` setting's stored value.

    Raises:
        BadInput: it is not true or false.
    """
    if not isinstance(value, bool):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Fetching images ahead of time is either on or off"),
                       field="value")
    return value
