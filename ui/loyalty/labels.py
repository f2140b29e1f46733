"""Translated names of tiers and of why points moved, and each tier's colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.points import EntryKind, PointsSource, Tier
from bnaura_desk.services.loyalty import LedgerLine

_TIERS = "tiers"
_POINTS = "points"

TIER_NAMES = {
    "bronze": QT_TRANSLATE_NOOP("tiers", "Bronze"),
    "silver": QT_TRANSLATE_NOOP("tiers", "Silver"),
    "gold": QT_TRANSLATE_NOOP("tiers", "Gold"),
    "platinum": QT_TRANSLATE_NOOP("tiers", "Platinum"),
    "diamond": QT_TRANSLATE_NOOP("tiers", "Diamond"),
}

# The badge's background; white text reads on each (contrast 4.5:1 or more).
TIER_COLOURS = {
    "bronze": "#8c5a2b",
    "silver": "#5f6b78",
    "gold": "#8a6500",
    "platinum": "#3f5f73",
    "diamond": "#1c63a8",
}
OTHER_TIER_COLOUR = "#555555"  # a tier a clinic named itself

SOURCE_NAMES = {
    PointsSource.PURCHASE: QT_TRANSLATE_NOOP("points", "Purchase"),
    PointsSource.WELCOME: QT_TRANSLATE_NOOP("points", "Welcome"),
    PointsSource.CHECK_IN: QT_TRANSLATE_NOOP("points", "Check-in"),
    PointsSource.REVIEW: QT_TRANSLATE_NOOP("points", "Review"),
    PointsSource.REFERRAL: QT_TRANSLATE_NOOP("points", "Referral"),
    PointsSource.BIRTHDAY: QT_TRANSLATE_NOOP("points", "Birthday"),
    PointsSource.ACHIEVEMENT: QT_TRANSLATE_NOOP("points", "Achievement"),
    PointsSource.REWARD: QT_TRANSLATE_NOOP("points", "Reward"),
    PointsSource.ADJUSTMENT: QT_TRANSLATE_NOOP("points", "Adjustment"),
    PointsSource.REFUND: QT_TRANSLATE_NOOP("points", "Refund"),
}
EXPIRED = QT_TRANSLATE_NOOP("points", "Expired")
WITH_REASON = QT_TRANSLATE_NOOP("points", "{what}: {reason}")


def tier_name(tier: Tier) -> str:
    """Return the tier's name in the UI language (its key when it has no known name)."""
    name = TIER_NAMES.get(tier.key)
    return QCoreApplication.translate(_TIERS, name) if name else tier.key.title()


def tier_colour(tier: Tier) -> QColor:
    """Return the colour of the tier's badge."""
    return QColor(TIER_COLOURS.get(tier.key, OTHER_TIER_COLOUR))


def line_what(line: LedgerLine) -> str:
    """Return what a history line says happened: "Welcome", "Adjustment: <reason>", "Expired"."""
    if line.kind is EntryKind.EXPIRE or not line.source:
        return QCoreApplication.translate(_POINTS, EXPIRED)
    name = SOURCE_NAMES.get(PointsSource(line.source)) if line.source in set(PointsSource) else None
    what = QCoreApplication.translate(_POINTS, name) if name else line.source
    if not line.reason:
        return what
    return QCoreApplication.translate(_POINTS, WITH_REASON).format(what=what, reason=line.reason)


def format_points(points: int, *, signed: bool = False) -> str:
    """Return points with thousands separators (``1,250``), with a sign for history lines (``+100``, ``−50``)."""
    text = f"{abs(points):,}"
    if not signed:
        return f"-{text}" if points < 0 else text
    return f"+{text}" if points > 0 else (f"\u2212{text}" if points < 0 else text)
