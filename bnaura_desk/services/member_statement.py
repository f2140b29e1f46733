"""A member's loyalty as the desk shows it: tier and its progress, balance, the ledger with reasons.

Reads only, in one read transaction. The figures are
``services.loyalty.points_summary`` (the fold of ``domain.points``, the
tier as the chain's program measures it) and the history is its
``ledger_lines``; this adds what the loyalty panel also needs: the lines
newest first, how the program qualifies tiers, and the member's name and
referral code (for the member card and its QR).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.errors import QT_TRANSLATE_NOOP, NotFound
from ..domain.loyalty_program import Qualification
from ..store.models import Customer
from .loyalty import LedgerLine, PointsSummary, ledger_lines, points_summary
from .points_ledger import loyalty_program


@dataclass(frozen=True)
class MemberLoyalty:
    """Everything the loyalty panel shows of one member at a moment."""

    customer_id: str
    name_th: str
    name_en: str
    referral_code: str
    summary: PointsSummary  # balance, tier, qualifying points, the next tier, expiring within 30 days
    qualification: Qualification  # lifetime points, or the last 12 months'
    lines: tuple[LedgerLine, ...]  # newest first


def member_loyalty(session: Session, customer_id: str, now: datetime) -> MemberLoyalty:
    """Return a live member's tier, its progress, balance, expiring points and history at ``now``.

    The history agrees with the balance: an expiry shows what the fold found
    left of its lot (0 when all of it was used).

    Raises:
        NotFound: unknown or deleted customer.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    lines = ledger_lines(session, customer_id, now)
    return MemberLoyalty(
        customer_id=customer.id,
        name_th=customer.name_th,
        name_en=customer.name_en,
        referral_code=customer.referral_code,
        summary=points_summary(session, customer_id, now),
        qualification=loyalty_program(session, customer.chain_id).qualification,
        lines=tuple(reversed([line for line in lines if line.at <= now])),
    )
