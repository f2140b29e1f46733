"""Sync bookkeeping on the terminal: enrollment, pull cursor, outcomes to show.

Qt-free use cases and reads that ``sync.client`` and the UI share. None of
them journals: enrolling or moving the pull cursor is this terminal's own
business, not a change the clinic's other terminals need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.referral import new_device_tag
from ..store.models import (
    Branch,
    Chain,
    DeviceState,
    OutboxOperation,
    ParkedChange,
    ParkedReason,
    SyncExceptionRow,
    SyncState,
)
from .context import ServiceContext

STATE_ID = 1
# Outcomes a manager must look at (a refused-but-unsettled operation too).
PROBLEM_OUTCOMES = ("rejected", "exception")


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and ``bnaura sync`` show about this terminal's sync."""

    server_url: str
    clinic_name: str
    enrolled_at: datetime
    pull_cursor: int
    last_sync_at: datetime | None
    last_error: str
    pending: int  # outbox operations the server has not acknowledged
    problems: int  # open exceptions, and operations refused and waiting


@dataclass(frozen=True)
class OperationProblem:
    """One outbox operation the server rejected, settled with an exception, or refuses."""

    seq: int
    type: str
    entity: str
    entity_id: str
    created_at: datetime
    outcome: str | None  # None: refused as a whole and still waiting (see detail)
    reason: str
    detail: dict[str, Any]


# ---------------------------------------------------------------- reads


def sync_state(session: Session) -> SyncState | None:
    """Return the enrollment row, ``None`` when this terminal is not enrolled."""
    return session.get(SyncState, STATE_ID)


def pending_count(session: Session) -> int:
    """Return how many outbox operations wait for the server's answer."""
    return int(
        session.execute(
            select(func.count()).select_from(OutboxOperation).where(OutboxOperation.outcome.is_(None))
        ).scalar_one()
    )


def _problem_filter() -> Any:
    return or_(
        OutboxOperation.outcome.in_(PROBLEM_OUTCOMES),
        and_(OutboxOperation.outcome.is_(None), OutboxOperation.outcome_detail.is_not(None)),
    )


def unsettled_problems(session: Session, *, limit: int = 500) -> list[OperationProblem]:
    """Return operations a manager must see, oldest first.

    Rejected and applied-with-exception operations stay here (they never
    block the queue); an operation the server refuses as a whole (its
    outcome still empty, the refusal in ``outcome_detail``) does block it
    and is listed too.
    """
    rows = session.execute(
        select(OutboxOperation).where(_problem_filter()).order_by(OutboxOperation.seq).limit(limit)
    ).scalars()
    out = []
    for r in rows:
        detail = r.outcome_detail or {}
        out.append(
            OperationProblem(
                seq=r.seq,
                type=r.type,
                entity=r.entity,
                entity_id=r.entity_id,
                created_at=r.created_at,
                outcome=r.outcome,
                reason=str(detail.get("reason", "")),
                detail=dict(detail.get("detail") or {}),
            )
        )
    return out


def sync_status(session: Session) -> SyncStatus | None:
    """Return the sync state for display, ``None`` when not enrolled."""
    state = sync_state(session)
    if state is None:
        return None
    # What the Exceptions screen lists unresolved: the clinic's open
    # exceptions (the server raises one for every rejected or conflicting
    # operation, and they arrive with the pull) and this terminal's
    # operations the server refuses as a whole, which wait in the outbox;
    # and pulled rows this version cannot store.
    # Resolving an exception there takes it off the status bar.
    waiting = session.execute(
        select(func.count())
        .select_from(OutboxOperation)
        .where(OutboxOperation.outcome.is_(None), OutboxOperation.outcome_detail.is_not(None))
    ).scalar_one()
    open_exceptions = session.execute(
        select(func.count()).select_from(SyncExceptionRow).where(SyncExceptionRow.resolved_at.is_(None))
    ).scalar_one()
    # Pulled rows this version cannot store wait for an update: a manager sees them too.
    parked = session.execute(
        select(func.count()).select_from(ParkedChange).where(ParkedChange.reason != ParkedReason.WAITING)
    ).scalar_one()
    problems = int(waiting) + int(open_exceptions) + int(parked)
    return SyncStatus(
        server_url=state.server_url,
        clinic_name=state.clinic_name,
        enrolled_at=state.enrolled_at,
        pull_cursor=state.pull_cursor,
        last_sync_at=state.last_sync_at,
        last_error=state.last_error,
        pending=pending_count(session),
        problems=int(problems),
    )


# ---------------------------------------------------------------- use cases


def save_enrollment(
    ctx: ServiceContext, server_url: str, token: str, chain_name: str, ca_file: str = ""
) -> ChangeSet:
    """Keep the server's address, this device's token and the server's CA file (enrolling again replaces them).

    ``ca_file`` is the certificate authority (PEM path) that verifies an
    HTTPS server's certificate, "" for the system's trust store. The pull
    cursor is kept: it is a position in the same chain's feed. The chain
    takes the name the server knows it by (the server's to write; its
    record, when pulled, wins over this as over any local value).
    """
    clinic_name = chain_name
    chain = ctx.session.get(Chain, ctx.chain_id)
    if chain is not None and chain.name != chain_name:
        chain.name = chain_name
        ctx.changes.add(Kind.CHAIN, ctx.chain_id)
    state = sync_state(ctx.session)
    if state is None:
        ctx.session.add(
            SyncState(
                id=STATE_ID,
                server_url=server_url,
                token=token,
                clinic_name=clinic_name,
                enrolled_at=ctx.now,
                pull_cursor=0,
                last_sync_at=None,
                last_error="",
                ca_file=ca_file,
            )
        )
    else:
        state.server_url, state.token, state.clinic_name = server_url, token, clinic_name
        state.enrolled_at, state.last_error, state.ca_file = ctx.now, "", ca_file
    return ctx.changes.build()


def note_sync_finished(ctx: ServiceContext, error: str = "") -> ChangeSet:
    """Record when sync last ran to the end and what, if anything, went wrong."""
    state = sync_state(ctx.session)
    if state is None:
        return ChangeSet()  # not enrolled: nothing to note
    state.last_error = error
    if not error:
        state.last_sync_at = ctx.now
    return ChangeSet()


def set_up_enrolled_device(
    session: Session,
    *,
    device_id: str,
    chain_id: str,
    chain_name: str,
    branch_id: str,
    branch_name: str,
    branch_no: str,
    device_name: str,
    server_url: str,
    token: str,
    now: datetime,
    ca_file: str = "",
) -> None:
    """Set up an empty database as a new terminal of a branch the server already knows.

    Unlike ``setup.create_clinic_and_device`` nothing is journaled: the
    chain and its branch exist on the server, and their profiles, staff,
    catalog and customers arrive with the first pull. The chain and branch
    rows written here only hold the names the enrollment answer gave until
    then (empty clocks, so the pulled values win). ``ca_file`` as for
    ``save_enrollment``. The caller commits.
    """
    session.add(Chain(id=chain_id, name=chain_name, created_at=now, updated_at=now, hlc="", field_clocks={}))
    session.flush()
    session.add(
        Branch(
            id=branch_id,
            chain_id=chain_id,
            name_th=branch_name,
            name_en="",
            tax_id="",
            branch_code=branch_no,
            address="",
            phone="",
            created_at=now,
            updated_at=now,
            hlc="",
            field_clocks={},
        )
    )
    session.flush()
    session.add(
        DeviceState(
            device_id=device_id,
            chain_id=chain_id,
            branch_id=branch_id,
            device_name=device_name,
            last_seq=0,
            last_hlc="",
            referral_tag=new_device_tag(),
            referral_counter=0,
            created_at=now,
        )
    )
    session.add(
        SyncState(
            id=STATE_ID,
            server_url=server_url,
            token=token,
            clinic_name=branch_name,
            enrolled_at=now,
            pull_cursor=0,
            last_sync_at=None,
            last_error="",
            ca_file=ca_file,
        )
    )
