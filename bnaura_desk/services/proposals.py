"""Proposals at the desk: make a journey's treatment plan, read it, and settle it when the counter is paid.

``make_proposal`` records the plan (``domain.proposals`` checks every line
against the catalog as this branch sells it), supersedes the journey's
earlier plan, and moves a journey at ``scanned`` to ``proposal_sent``
(``services.journeys.move_journey``), all in one transaction
(``Terminal.run``). The counter opens a plan as its cart (``proposal_for``,
``open_proposals``); when the cart is paid, ``confirm_payment`` (called by
``services.counter.checkout`` in the sale's transaction) links the sale to
the journey, moves it to ``payment_confirmed`` and marks the plan accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.journeys import OPEN, Stage
from ..domain.proposals import NOTE_MAX, ItemFacts, ProposalLine, ProposalStatus, check_lines, total_satang
from ..domain.roles import Permission
from ..store.models import BranchPrice, CatalogItem, Customer, Journey, Proposal
from .catalog import branch_price_id, price_here
from .context import ServiceContext, load_device, stamp_written
from .journeys import move_journey

# A plan still on offer: the counter may open it, a newer one supersedes it.
_LIVE = (str(ProposalStatus.DRAFT), str(ProposalStatus.SENT))


def _journey(ctx: ServiceContext, journey_id: str) -> Journey:
    row = ctx.session.get(Journey, journey_id)
    if row is None or row.chain_id != ctx.chain_id or row.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such journey"), field="journey")
    return row


def item_facts(session: Session, chain_id: str, branch_id: str, item_ids: Sequence[str]) -> dict[str, ItemFacts]:
    """Return what the catalog says of each of ``item_ids`` it has (live, of the chain), at ``branch_id``'s prices."""
    ids = set(item_ids)
    if not ids:
        return {}
    items = [i for i in session.scalars(select(CatalogItem).where(CatalogItem.id.in_(ids)))
             if i.deleted_at is None and i.chain_id == chain_id]
    own = {row.id: row for row in session.scalars(select(BranchPrice).where(
        BranchPrice.id.in_([branch_price_id(i.id, branch_id) for i in items])))}
    return {i.id: ItemFacts(i.name_th, price_here(i, own.get(branch_price_id(i.id, branch_id))).available)
            for i in items}


def make_proposal(ctx: ServiceContext, journey_id: str, lines: Sequence[ProposalLine], note: str = "") -> ChangeSet:
    """Record a treatment plan for an open journey of this branch; result is the proposal's id.

    The journey's earlier plan still on offer is superseded. A journey at
    ``scanned`` moves to ``proposal_sent`` in the same transaction; at any
    other open stage it stays where it is (a plan revised after it was sent).

    Raises:
        PermissionDenied: the actor may not work on journeys.
        NotFound: no such journey at this branch; an item not in the catalog.
        BadInput: a closed journey; no lines or too many, a quantity below
            1, a price below 0, an item this branch does not sell (the line
            named); a note too long. Nothing is changed.
    """
    ctx.require(Permission.JOURNEY_MOVE)
    journey = _journey(ctx, journey_id)
    if Stage(journey.stage) not in OPEN:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This journey is closed: reopen it before proposing"),
                       field="journey")
    lines = list(lines)
    check_lines(lines, item_facts(ctx.session, ctx.chain_id, ctx.branch_id, [line.item_id for line in lines]))
    text = note.strip()
    if len(text) > NOTE_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The text is too long (at most {max} characters)"), field="note",
                       max=NOTE_MAX)
    for older in ctx.session.scalars(select(Proposal).where(Proposal.journey_id == journey_id,
                                                            Proposal.status.in_(_LIVE))):
        _set_status(ctx, older, ProposalStatus.SUPERSEDED)
    record: dict[str, Any] = {
        "journey_id": journey_id, "customer_id": journey.customer_id, "branch_id": ctx.branch_id,
        "lines": [line.as_record() for line in lines], "total_satang": total_satang(lines), "note": text,
        "status": str(ProposalStatus.SENT), "staff_id": ctx.actor_id,
    }
    proposal_id, stamp = uuid7(), ctx.tick()
    ctx.session.add(Proposal(id=proposal_id, chain_id=ctx.chain_id, **record, created_at=ctx.now,
                             updated_at=ctx.now, hlc=stamp, field_clocks={}))
    ctx.journal(action="proposal.make", entity="proposal", entity_id=proposal_id, after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.JOURNEY, journey_id)
    if journey.stage == Stage.SCANNED:
        move_journey(ctx, journey_id, Stage.PROPOSAL_SENT)
    return ctx.changes.build(result=proposal_id)


def _set_status(ctx: ServiceContext, row: Proposal, status: ProposalStatus) -> None:
    fields = {"status": str(status)}
    before = {"status": row.status}
    stamp = ctx.tick()
    row.status = str(status)
    stamp_written(row, fields, stamp, ctx.now)
    ctx.journal(action="proposal.set_status", entity="proposal", entity_id=row.id, before=before, after=fields,
                payload={"fields": fields}, hlc=stamp)


def check_payable(ctx: ServiceContext, journey_id: str, customer_id: str | None) -> Journey:
    """Refuse a journey a sale cannot confirm the payment of; return it (called before checkout writes).

    Raises:
        NotFound: no such journey at this branch.
        BadInput: the sale has no customer or another customer than the
            journey's; the journey is not waiting for payment (before
            ``proposal_sent``, or closed).
    """
    journey = _journey(ctx, journey_id)
    if customer_id != journey.customer_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This sale is not of the journey's customer"), field="customer_id")
    if Stage(journey.stage) not in OPEN or journey.stage in (Stage.LEAD_CREATED, Stage.SCANNED):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This journey is not waiting for a payment"), field="journey")
    return journey


def confirm_payment(ctx: ServiceContext, journey_id: str, sale_id: str) -> None:
    """Link a paid (or deposit-paid) sale to its journey, in the sale's transaction.

    A journey at ``proposal_sent`` moves to ``payment_confirmed`` with the
    sale; one already past it (paid before, a second sale) keeps its stage.
    Its plan on offer is accepted. Call ``check_payable`` first.
    """
    journey = _journey(ctx, journey_id)
    if journey.stage == Stage.PROPOSAL_SENT:
        move_journey(ctx, journey_id, Stage.PAYMENT_CONFIRMED, sale_id=sale_id)
    for offered in ctx.session.scalars(select(Proposal).where(Proposal.journey_id == journey_id,
                                                              Proposal.status.in_(_LIVE))):
        _set_status(ctx, offered, ProposalStatus.ACCEPTED)
    ctx.changes.add(Kind.JOURNEY, journey_id)


# --- reads ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    """A proposal's line as screens show it: the item's names with the line."""

    item_id: str
    name_th: str
    name_en: str
    quantity: int
    price_satang: int

    @property
    def amount_satang(self) -> int:
        return self.quantity * self.price_satang


@dataclass(frozen=True)
class ProposalView:
    """A proposal as the counter and the journey screens show it."""

    id: str
    journey_id: str
    customer_id: str
    customer_name: str
    lines: tuple[PlanLine, ...]
    total_satang: int
    note: str
    status: ProposalStatus
    staff_id: str | None
    created_at: datetime


def _view(session: Session, row: Proposal) -> ProposalView:
    lines = [ProposalLine.from_record(r) for r in row.lines]
    names = {i.id: (i.name_th, i.name_en) for i in session.scalars(
        select(CatalogItem).where(CatalogItem.id.in_({line.item_id for line in lines})))}
    customer = session.get(Customer, row.customer_id)
    name = (customer.name_th or customer.name_en or "") if customer is not None else ""
    return ProposalView(
        row.id, row.journey_id, row.customer_id, name,
        tuple(PlanLine(line.item_id, *names.get(line.item_id, ("", "")), line.quantity, line.price_satang)
              for line in lines),
        row.total_satang, row.note, ProposalStatus(row.status), row.staff_id, row.created_at)


def proposal_for(session: Session, journey_id: str) -> ProposalView | None:
    """Return the journey's latest proposal (the one on offer, else the last accepted), or None."""
    rows = list(session.scalars(select(Proposal).where(Proposal.journey_id == journey_id)
                                .order_by(Proposal.created_at.desc(), Proposal.id.desc())))
    live = [r for r in rows if r.status in _LIVE]
    chosen = live[0] if live else next((r for r in rows if r.status == ProposalStatus.ACCEPTED), None)
    return _view(session, chosen) if chosen is not None else None


def open_proposals(session: Session, *, branch_id: str | None = None, limit: int = 200) -> list[ProposalView]:
    """Return this branch's proposals on offer (newest first): what the counter's "Open proposal…" lists."""
    if branch_id is None:
        branch_id = load_device(session).branch_id
    rows = session.scalars(select(Proposal).where(Proposal.branch_id == branch_id, Proposal.status.in_(_LIVE))
                           .order_by(Proposal.created_at.desc(), Proposal.id.desc()).limit(limit))
    return [_view(session, r) for r in rows]


@dataclass(frozen=True)
class CounterPlan:
    """A proposal as the counter opens it: the plan, and this branch's price now of each item."""

    proposal: ProposalView
    prices_here: dict[str, int]


def counter_plan(session: Session, *, proposal_id: str | None = None, journey_id: str | None = None) -> CounterPlan:
    """Return the proposal on offer (by its id, or its journey's) with this branch's prices, for the counter's cart.

    Raises:
        NotFound: no such proposal at this branch, or the journey has none on offer.
        BadInput: the proposal was superseded by a newer one or already paid.
    """
    device = load_device(session)
    row: Proposal | None
    if proposal_id is not None:
        row = session.get(Proposal, proposal_id)
    else:
        row = session.scalars(select(Proposal).where(Proposal.journey_id == journey_id, Proposal.status.in_(_LIVE))
                              .order_by(Proposal.created_at.desc(), Proposal.id.desc()).limit(1)).first()
    if row is None or row.branch_id != device.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This journey has no proposal to open"), field="proposal")
    if row.status not in _LIVE:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This proposal was superseded or already paid"),
                       field="proposal")
    view = _view(session, row)
    ids = [line.item_id for line in view.lines]
    items = {i.id: i for i in session.scalars(select(CatalogItem).where(CatalogItem.id.in_(ids)))}
    own = {r.id: r for r in session.scalars(select(BranchPrice).where(
        BranchPrice.id.in_([branch_price_id(i, device.branch_id) for i in ids])))}
    prices = {i: price_here(items[i], own.get(branch_price_id(i, device.branch_id))).price_satang
              for i in ids if i in items}
    return CounterPlan(view, prices)
