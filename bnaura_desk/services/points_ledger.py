"""Writing a member's points entries: the one place a ``points.record`` is made.

Building blocks of the loyalty use cases (awards, rewards, adjustments,
the counter), not use cases themselves: the caller has checked who acts
and what. ``points_row`` makes the row and the synced record of one entry,
so that writing one (``record_points``) and writing many at once (the bulk
registration) produce the same bytes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..domain.changes import Kind
from ..domain.errors import BadInput
from ..domain.ids import uuid7
from ..domain.loyalty_program import DEFAULT_PROGRAM, LOYALTY_KEY, LoyaltyProgram, award_id, program_from
from ..domain.points import EntryKind, PointsSource, lot_expiry
from ..store.models import PointsEntry, Setting
from .context import ServiceContext


def loyalty_program(session: Session, chain_id: str) -> LoyaltyProgram:
    """Return the chain's loyalty program (the defaults until a manager sets it)."""
    row = session.get(Setting, (chain_id, LOYALTY_KEY))
    return program_of(row.value if row is not None else None)


def program_of(value: Any) -> LoyaltyProgram:
    """Return the loyalty program of the setting's stored ``value`` (None: never set; the defaults)."""
    try:
        return program_from(value)
    except BadInput:
        # Every terminal checks the program before it writes it; a value
        # that fails here came from a newer app version. The desk keeps
        # working on the defaults rather than refusing every registration.
        return DEFAULT_PROGRAM


def points_row(ctx: ServiceContext, entry_id: str, customer_id: str, kind: EntryKind, points: int,
               source: PointsSource, reason: str, stamp: str, *,
               at: datetime | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the ``points_entries`` row and the synced record of one entry made with clock ``stamp``.

    ``at``: the moment of an award every terminal may make (see
    ``award_once``); the entry then names no member of staff, so that every
    terminal makes the same record. None: now, by the acting member.
    """
    moment, staff_id = (ctx.now, ctx.actor_id) if at is None else (at, None)
    expires = lot_expiry(moment) if kind is EntryKind.EARN else None
    row = {
        "id": entry_id, "chain_id": ctx.chain_id, "customer_id": customer_id, "kind": str(kind), "points": points,
        "source": str(source), "reason": reason, "at": moment, "expires_at": expires, "staff_id": staff_id,
        "hlc": stamp,
    }
    record = {
        "id": entry_id, "customer_id": customer_id, "kind": str(kind), "points": points, "source": str(source),
        "reason": reason, "at": moment.isoformat(), "expires_at": expires.isoformat() if expires else None,
        "staff_id": staff_id,
    }
    return row, record


def record_points(ctx: ServiceContext, customer_id: str, kind: EntryKind, points: int, source: PointsSource,
                  reason: str, *, entry_id: str | None = None, at: datetime | None = None) -> str:
    """Write one earned lot or spend, journaled as ``points.record``; return its id.

    ``entry_id`` is a derived id (``award_id``) for an award that must
    happen once whichever terminal makes it (a birthday, the day's
    check-in): when that entry is already here, nothing is written and its
    id is returned.
    """
    if entry_id is not None and ctx.session.get(PointsEntry, entry_id) is not None:
        return entry_id
    stamp = ctx.tick()
    row, record = points_row(ctx, entry_id or uuid7(), customer_id, kind, points, source, reason, stamp, at=at)
    ctx.session.add(PointsEntry(**row))
    ctx.journal(action="points.record", entity=Kind.POINTS, entity_id=row["id"], after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    return str(row["id"])


def award_once(ctx: ServiceContext, customer_id: str, source: PointsSource, points: int, reason: str,
               *cause: str, at: datetime | None = None) -> str | None:
    """Award ``points`` earned for ``source`` once per cause (``award_id``); return the entry id.

    An award any terminal may make (the day's check-in, a birthday) passes
    ``at``, a moment that follows from its cause (the day's start, the
    birthday month's): every terminal that makes it offline then writes the
    very same record, so the rows merge without one terminal keeping a
    version the others do not have. None when the program gives 0 points
    for it (nothing is written).
    """
    if points <= 0:
        return None
    return record_points(ctx, customer_id, EntryKind.EARN, points, source, reason,
                         entry_id=award_id(source, customer_id, *cause), at=at)
