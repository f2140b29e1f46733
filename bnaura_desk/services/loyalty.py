"""A member's points: adjustments by a manager, the expiry job, the statement a screen shows.

The ledger's rules are ``domain.points``; this module writes its rows
(``points_entries``, ``points_expiries``, both append-only and synced
chain-wide) and reads them back folded. Earning at the counter, rewards,
tiers and achievements build on it (issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.ids import uuid7
from ..domain.points import (
    DEFAULT_TIERS,
    EntryKind,
    PointEntry,
    PointsSource,
    Statement,
    Tier,
    expiry_id,
    fold,
    lot_expiry,
    tier_for,
)
from ..domain.roles import Permission
from ..store.models import PointsEntry, PointsExpiry
from .context import ServiceContext
from .customers import live_customer

MAX_ADJUSTMENT = 1_000_000


def record_points(ctx: ServiceContext, customer_id: str, kind: EntryKind, points: int, source: PointsSource,
                  reason: str, *, entry_id: str | None = None) -> str:
    """Write one earned lot or spend, journaled as ``points.record``; return its id.

    A building block of the loyalty use cases (awards, rewards, the
    counter), not a use case itself: the caller has checked who acts and
    what. ``entry_id`` is a derived id (``derived_id("points", ...)``) for an
    award that must happen once whichever terminal makes it (a birthday,
    the day's check-in): when that entry is already here, nothing is
    written and its id is returned.
    """
    if entry_id is not None and ctx.session.get(PointsEntry, entry_id) is not None:
        return entry_id
    stamp = ctx.tick()
    expires = lot_expiry(ctx.now) if kind is EntryKind.EARN else None
    entry = PointsEntry(
        id=entry_id or uuid7(), chain_id=ctx.chain_id, customer_id=customer_id, kind=str(kind), points=points,
        source=str(source), reason=reason, at=ctx.now, expires_at=expires, staff_id=ctx.actor_id, hlc=stamp,
    )
    ctx.session.add(entry)
    record = {
        "id": entry.id, "customer_id": customer_id, "kind": str(kind), "points": points, "source": str(source),
        "reason": reason, "at": ctx.now.isoformat(), "expires_at": expires.isoformat() if expires else None,
        "staff_id": ctx.actor_id,
    }
    ctx.journal(action="points.record", entity=Kind.POINTS, entity_id=entry.id, after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    return entry.id


def adjust_points(ctx: ServiceContext, customer_id: str, delta: int, reason: str) -> ChangeSet:
    """Add (``delta`` > 0, a lot that expires like earned points) or take a member's points by hand.

    Result is the new entry's id.

    Raises:
        PermissionDenied: the actor may not adjust points (managers may).
        NotFound: the customer was deleted.
        BadInput: ``delta`` is 0 or beyond a million either way, or there
            is no reason.
    """
    ctx.require(Permission.POINTS_ADJUST)
    if delta == 0 or abs(delta) > MAX_ADJUSTMENT:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Add or take 1 to 1,000,000 points"), field="points")
    text = " ".join(reason.split())
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Say why the points are adjusted"), field="reason")
    if len(text) > 500:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The reason has at most 500 characters"), field="reason")
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    kind = EntryKind.EARN if delta > 0 else EntryKind.SPEND
    return ctx.changes.build(result=record_points(ctx, customer.id, kind, abs(delta), PointsSource.ADJUSTMENT, text))


def expire_points(ctx: ServiceContext) -> ChangeSet:
    """Expire every lot past its time that has no expiry yet; result is how many.

    Idempotent, and the same on every terminal: an expiry's id is derived
    from its lot, so terminals running the job offline make the same
    rows, and a second run finds nothing to do. An expiry takes what the
    fold finds left of the lot (possibly nothing: it still marks the lot
    done). Runs on start-up and daily (``bnaura loyalty expire`` too).
    """
    due = ctx.session.execute(
        select(PointsEntry.id, PointsEntry.customer_id, PointsEntry.expires_at)
        .outerjoin(PointsExpiry, PointsExpiry.lot_id == PointsEntry.id)
        .where(PointsEntry.kind == str(EntryKind.EARN), PointsEntry.expires_at <= ctx.now,
               PointsExpiry.id.is_(None))
        .order_by(PointsEntry.expires_at, PointsEntry.id)
    ).all()
    for lot_id, customer_id, expires_at in due:
        assert expires_at is not None  # selected by it
        stamp = ctx.tick()
        expiry = PointsExpiry(id=expiry_id(lot_id), chain_id=ctx.chain_id, customer_id=customer_id, lot_id=lot_id,
                              at=expires_at, hlc=stamp)
        ctx.session.add(expiry)
        record = {"id": expiry.id, "customer_id": customer_id, "lot_id": lot_id, "at": expires_at.isoformat()}
        ctx.journal(action="points.expire", entity="points_expiry", entity_id=expiry.id, after=record,
                    payload={"record": record}, hlc=stamp)
        ctx.changes.add(Kind.CUSTOMER, customer_id)
    return ctx.changes.build(result=len(due))


@dataclass(frozen=True)
class PointsSummary:
    """What the loyalty panel shows of a member's points at a moment."""

    statement: Statement
    tier: Tier
    expiring_soon: int  # points that expire within 30 days

    @property
    def balance(self) -> int:
        return self.statement.balance


def points_summary(session: Session, customer_id: str, now: datetime) -> PointsSummary:
    """Return a member's balance, lifetime points, tier and points expiring within 30 days at ``now``."""
    entries: list[PointEntry] = [
        PointEntry(e.id, EntryKind(e.kind), e.points, e.at, e.expires_at)
        for e in session.scalars(select(PointsEntry).where(PointsEntry.customer_id == customer_id))
    ]
    entries += [
        PointEntry(x.id, EntryKind.EXPIRE, 0, x.at, lot_id=x.lot_id)
        for x in session.scalars(select(PointsExpiry).where(PointsExpiry.customer_id == customer_id))
    ]
    statement = fold(entries, now)
    soon = statement.expiring_within(now + timedelta(days=30))
    return PointsSummary(statement, tier_for(statement.lifetime_earned, DEFAULT_TIERS), soon)
