"""Who performed a sale's line: recorded when the beautician completes the treatment task.

Sale lines are written at checkout, before anyone performs the treatment,
so the performer is a row of its own (``domain.synced.LINE_PERFORMANCE``),
one per line (its id derived from the line's): recording it again, here or
on another terminal offline, names the later performer (by clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.changes import Kind
from ..domain.ids import derived_id
from ..store.models import LinePerformance, Refund, SaleLine, Staff
from .context import ServiceContext, stamp_written

ENTITY = "line_performance"


def line_performance_id(sale_line_id: str) -> str:
    """Return the id of the performance of ``sale_line_id`` (the same on every terminal)."""
    return derived_id(ENTITY, sale_line_id)


def treatment_line(session: Session, sale_id: str, item_id: str) -> SaleLine | None:
    """Return the first line of ``sale_id`` that sold ``item_id`` (None: the sale did not sell it)."""
    return session.scalars(select(SaleLine).where(SaleLine.sale_id == sale_id, SaleLine.item_id == item_id)
                           .order_by(SaleLine.line_no).limit(1)).first()


def record_performance(ctx: ServiceContext, line: SaleLine, staff_id: str, task_id: str | None) -> str:
    """Record ``staff_id`` as the performer of ``line`` now (within the caller's transaction); return the row's id.

    Not a use case of its own: ``tasks.complete_task`` calls it. A line
    already recorded gets the new performer, task and time.
    """
    row_id = line_performance_id(line.id)
    row = ctx.session.get(LinePerformance, row_id)
    written: dict[str, Any] = {
        "branch_id": ctx.branch_id, "sale_id": line.sale_id, "sale_line_id": line.id, "staff_id": staff_id,
        "task_id": task_id, "performed_at": ctx.now.isoformat(),
    }
    before = None if row is None else {
        "staff_id": row.staff_id, "task_id": row.task_id, "performed_at": row.performed_at.isoformat()}
    stamp = ctx.tick()
    if row is None:
        ctx.session.add(LinePerformance(
            id=row_id, chain_id=ctx.chain_id, **{**written, "performed_at": ctx.now}, created_at=ctx.now,
            updated_at=ctx.now, hlc=stamp, field_clocks={}))
    else:
        row.branch_id, row.staff_id, row.task_id, row.performed_at = ctx.branch_id, staff_id, task_id, ctx.now
        stamp_written(row, list(written), stamp, ctx.now)
    ctx.journal(action="line_performance.record", entity=ENTITY, entity_id=row_id, before=before, after=written,
                payload={"fields": written}, hlc=stamp)
    ctx.changes.add(Kind.SALE, line.sale_id)
    return row_id


def performers(session: Session, sale_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Return, by sale line id, the performer's (staff id, display name) of the lines of ``sale_ids`` recorded here."""
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(sale_ids), 500):
        chunk = sale_ids[start:start + 500]
        for line_id, staff_id, name in session.execute(
                select(LinePerformance.sale_line_id, LinePerformance.staff_id, Staff.display_name)
                .outerjoin(Staff, Staff.id == LinePerformance.staff_id)
                .where(LinePerformance.sale_id.in_(chunk))):
            out[line_id] = (staff_id, name or "")
    return out


@dataclass(frozen=True)
class PerformerTotal:
    """One performer's treatments in a period: how many lines, and what they sold for (net, satang)."""

    staff_id: str
    name: str
    lines: int
    net_satang: int


def performer_totals(session: Session, start: datetime, end: datetime) -> list[PerformerTotal]:
    """Return the lines performed at this branch from ``start`` (inclusive) to ``end`` (exclusive), by performer.

    Most net first, then by name. The net is the line's as sold (before any refund).
    """
    rows = session.execute(
        select(LinePerformance.staff_id, Staff.display_name, func.count(), func.sum(SaleLine.net_satang))
        .join(SaleLine, SaleLine.id == LinePerformance.sale_line_id)
        .outerjoin(Staff, Staff.id == LinePerformance.staff_id)
        .where(LinePerformance.performed_at >= start, LinePerformance.performed_at < end)
        .group_by(LinePerformance.staff_id, Staff.display_name))
    totals = [PerformerTotal(staff_id, name or "", int(count), int(net or 0)) for staff_id, name, count, net in rows]
    return sorted(totals, key=lambda t: (-t.net_satang, t.name, t.staff_id))


def refunded_performed_lines(session: Session, start: datetime, end: datetime) -> int:
    """Return how many lines performed from ``start`` (inclusive) to ``end`` (exclusive) were voided or refunded.

    A line counts when any refund or void recorded here (at any time, up
    to now) gave back some of it; ``performer_totals`` still counts such a
    line at its net as sold.
    """
    performed = {line_id: sale_id for line_id, sale_id in session.execute(
        select(LinePerformance.sale_line_id, LinePerformance.sale_id)
        .where(LinePerformance.performed_at >= start, LinePerformance.performed_at < end))}
    if not performed:
        return 0
    given_back: set[str] = set()
    sale_ids = sorted(set(performed.values()))
    for first in range(0, len(sale_ids), 500):
        # A refund names what came back of each line in its ``lines`` record (JSON): read in Python.
        for lines in session.scalars(select(Refund.lines).where(Refund.sale_id.in_(sale_ids[first:first + 500]))):
            given_back.update(str(line.get("line_id")) for line in lines or ())
    return len(given_back & performed.keys())
