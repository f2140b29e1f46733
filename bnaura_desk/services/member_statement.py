"""A member's loyalty as the desk shows it: tier and its progress, balance, the ledger with reasons.

Reads only. The figures are ``services.loyalty``'s summary (the fold of
``domain.points``) of the same rows, read once; this adds what a person
reads: every entry of the ledger with why it happened and when its points
expire, the next tier, and the member's name and referral code (for the
member card and its QR).
The loyalty panel shows it; ``bnaura loyalty statement`` can print it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import QT_TRANSLATE_NOOP, NotFound
from ..domain.points import DEFAULT_TIERS, EntryKind, PointEntry, PointsSource, Tier, next_tier
from ..store.models import Customer, PointsEntry, PointsExpiry
from .loyalty import PointsSummary, summarise


@dataclass(frozen=True)
class LedgerLine:
    """One entry of a member's history.

    ``points`` is signed: what the entry added (> 0) or took (< 0); an
    expiry takes what the fold found left of its lot (0 when it had all
    been used). ``source`` is None for an expiry. ``expires_at`` is when an
    earned lot's points expire.
    """

    id: str
    at: datetime
    kind: EntryKind
    source: PointsSource | None
    reason: str
    points: int
    expires_at: datetime | None


@dataclass(frozen=True)
class MemberLoyalty:
    """Everything the loyalty panel shows of one member at a moment."""

    customer_id: str
    name_th: str
    name_en: str
    referral_code: str
    summary: PointsSummary
    next_tier: Tier | None  # None at the top tier
    lines: tuple[LedgerLine, ...]  # newest first

    @property
    def points_to_next_tier(self) -> int:
        """Qualifying points still needed for the next tier (0 at the top)."""
        if self.next_tier is None:
            return 0
        return max(self.next_tier.threshold - self.summary.statement.lifetime_earned, 0)


def _read_ledger(session: Session, customer_id: str) -> tuple[list[PointEntry], list[LedgerLine]]:
    """Read a member's ledger once: the entries the fold takes, and their lines (expiries without amounts yet)."""
    entries: list[PointEntry] = []
    lines: list[LedgerLine] = []
    # Columns, not ORM objects: a member of years has thousands of entries.
    for row in session.execute(
        select(PointsEntry.id, PointsEntry.kind, PointsEntry.points, PointsEntry.source, PointsEntry.reason,
               PointsEntry.at, PointsEntry.expires_at).where(PointsEntry.customer_id == customer_id)
    ):
        kind = EntryKind(row.kind)
        entries.append(PointEntry(row.id, kind, row.points, row.at, row.expires_at))
        signed = row.points if kind is EntryKind.EARN else -row.points
        lines.append(LedgerLine(row.id, row.at, kind, PointsSource(row.source), row.reason, signed, row.expires_at))
    for expiry in session.execute(
        select(PointsExpiry.id, PointsExpiry.lot_id, PointsExpiry.at).where(PointsExpiry.customer_id == customer_id)
    ):
        entries.append(PointEntry(expiry.id, EntryKind.EXPIRE, 0, expiry.at, lot_id=expiry.lot_id))
        lines.append(LedgerLine(expiry.id, expiry.at, EntryKind.EXPIRE, None, "", 0, None))
    return entries, lines


def _with_amounts(entries: list[PointEntry], lines: list[LedgerLine], summary: PointsSummary) -> list[LedgerLine]:
    """Return the lines up to the summary's moment, newest first, each expiry with what the fold says it took."""
    at = summary.statement.at
    expired = {lot.id: lot.expired for lot in summary.statement.lots}
    taken = {e.id: expired.get(e.lot_id or "", 0) for e in entries if e.kind is EntryKind.EXPIRE}
    shown = [
        replace(line, points=-taken[line.id]) if line.kind is EntryKind.EXPIRE else line
        for line in lines
        if line.at <= at
    ]
    # Newest first; at one instant the fold's order reversed (expiries, spends, earns).
    rank = {EntryKind.EARN: 0, EntryKind.SPEND: 1, EntryKind.EXPIRE: 2}
    shown.sort(key=lambda line: (line.at, rank[line.kind], line.id), reverse=True)
    return shown


def member_loyalty(session: Session, customer_id: str, now: datetime) -> MemberLoyalty:
    """Return a live member's tier, its progress, balance, expiring points and history at ``now``.

    The history is newest first, and agrees with the balance: an expiry
    shows what the fold found left of its lot (0 when all was used).

    Raises:
        NotFound: unknown or deleted customer.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    entries, lines = _read_ledger(session, customer_id)
    summary = summarise(entries, now)
    return MemberLoyalty(
        customer_id=customer.id,
        name_th=customer.name_th,
        name_en=customer.name_en,
        referral_code=customer.referral_code,
        summary=summary,
        next_tier=next_tier(summary.statement.lifetime_earned, DEFAULT_TIERS),
        lines=tuple(_with_amounts(entries, lines, summary)),
    )
