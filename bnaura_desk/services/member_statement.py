"""A member's loyalty as the desk shows it: tier and its progress, balance, the ledger with reasons.

Reads only. The figures come from ``services.loyalty.points_summary`` (the
fold of ``domain.points``); this adds what a person reads: every entry of
the ledger with why it happened and when its points expire, the next tier,
and the member's name and referral code (for the member card and its QR).
The loyalty panel shows it; ``bnaura loyalty statement`` can print it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import QT_TRANSLATE_NOOP, NotFound
from ..domain.points import DEFAULT_TIERS, EntryKind, PointsSource, Tier, next_tier
from ..store.models import Customer, PointsEntry, PointsExpiry
from .loyalty import PointsSummary, points_summary


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


def ledger_lines(session: Session, customer_id: str, summary: PointsSummary) -> list[LedgerLine]:
    """Return a member's ledger entries up to ``summary``'s moment, newest first.

    ``summary`` is the member's ``points_summary``: the amounts the expiries
    took come from its fold, so the history and the balance agree.
    """
    at = summary.statement.at
    expired = {lot.id: lot.expired for lot in summary.statement.lots}
    lines = [
        LedgerLine(
            e.id, e.at, EntryKind(e.kind), PointsSource(e.source), e.reason,
            e.points if e.kind == EntryKind.EARN else -e.points, e.expires_at,
        )
        for e in session.scalars(
            select(PointsEntry).where(PointsEntry.customer_id == customer_id, PointsEntry.at <= at)
        )
    ]
    lines += [
        LedgerLine(x.id, x.at, EntryKind.EXPIRE, None, "", -expired.get(x.lot_id, 0), None)
        for x in session.scalars(
            select(PointsExpiry).where(PointsExpiry.customer_id == customer_id, PointsExpiry.at <= at)
        )
    ]
    # Newest first; at one instant the fold's order reversed (expiries, spends, earns).
    rank = {EntryKind.EARN: 0, EntryKind.SPEND: 1, EntryKind.EXPIRE: 2}
    lines.sort(key=lambda line: (line.at, rank[line.kind], line.id), reverse=True)
    return lines


def member_loyalty(session: Session, customer_id: str, now: datetime) -> MemberLoyalty:
    """Return a live member's tier, its progress, balance, expiring points and history at ``now``.

    Raises:
        NotFound: unknown or deleted customer.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    summary = points_summary(session, customer_id, now)
    return MemberLoyalty(
        customer_id=customer.id,
        name_th=customer.name_th,
        name_en=customer.name_en,
        referral_code=customer.referral_code,
        summary=summary,
        next_tier=next_tier(summary.statement.lifetime_earned, DEFAULT_TIERS),
        lines=tuple(ledger_lines(session, customer_id, summary)),
    )
