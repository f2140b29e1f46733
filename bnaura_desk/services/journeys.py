"""Journeys at the desk: open a customer case, move it through its stages, and read the board and timeline.

Each move is judged by the one table of ``domain.journeys`` before it is
written, and written at once on this terminal: the journey row shows its
new stage (stamped with the move's clock, so a pull does not undo it while
it waits to be pushed) and a ``journey_action`` row keeps who moved it,
when, from where, to where and why; both in one ``BEGIN IMMEDIATE``
transaction (``Terminal.run``), so two moves on this terminal cannot both
be judged from the same stage. The server replays every terminal's moves
of a journey in clock order (``sync.server.journeys``): a move made on
another terminal from the same stage is rejected there (``illegal_move``,
on the Exceptions screen), and the stage the server settled comes back
with the next pull. The timeline marks such a move as rejected.

What only this terminal can check is checked here: that a sale linked
when confirming the payment is of the journey's customer, has money paid
(in full or a deposit) and was not voided; that an appointment linked when
scheduling the treatment is this branch's, of the journey's customer, and
still held (not cancelled, late-cancelled or missed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import field_types as t
from ..domain.appointments import HOLDS_TIME, AppointmentStatus
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.journeys import (
    INITIAL,
    MANAGER_ONLY,
    NEEDS_REASON,
    REFUSALS,
    TREATMENT_STAGES,
    JourneyState,
    Move,
    MoveKind,
    Refusal,
    Stage,
    judge,
    legal_move,
    move_kind,
)
from ..domain.refunds import RefundKind
from ..domain.roles import Permission, may
from ..domain.verdicts import Verdict
from ..store.models import (
    Appointment,
    CatalogItem,
    Customer,
    Journey,
    JourneyAction,
    OutboxOperation,
    Refund,
    Sale,
    Staff,
)
from .context import ServiceContext, load_device, stamp_written
from .refunds import paid_for

TITLE_MAX, NOTE_MAX, REASON_MAX = 200, 2000, 1000
# The journey's fields a move writes (derived on the server: its replay settles them).
_MOVED = ("stage", "stage_entered_at", "sale_id", "appointment_id")


def _text(value: str, limit: int, field: str) -> str:
    text = value.strip()
    if len(text) > limit:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The text is too long (at most {max} characters)"), field=field,
                       max=limit)
    return text


def _journey(ctx: ServiceContext, journey_id: str) -> Journey:
    row = ctx.session.get(Journey, journey_id)
    if row is None or row.chain_id != ctx.chain_id or row.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such journey"), field="journey")
    return row


def _check_staff(ctx: ServiceContext, staff_id: str | None, field: str) -> None:
    if staff_id is None:
        return
    member = ctx.session.get(Staff, staff_id)
    if member is None or member.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This staff member no longer exists"), field=field)


def _check_item(ctx: ServiceContext, item_id: str | None) -> None:
    if item_id is not None and ctx.session.get(CatalogItem, item_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This catalog item no longer exists"), field="item")


def open_journey(ctx: ServiceContext, customer_id: str, *, owner_id: str | None = None, item_id: str | None = None,
                 title: str = "", note: str = "") -> ChangeSet:
    """Open a journey for a customer at this branch, at its first stage; result is its id.

    ``owner_id`` is the sales owner (default: whoever opens it).

    Raises:
        PermissionDenied: the actor may not move journeys.
        NotFound: no such customer (or deleted), staff member or item.
        BadInput: a title or note too long.
    """
    ctx.require(Permission.JOURNEY_MOVE)
    customer = ctx.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"), field="customer")
    owner = owner_id if owner_id is not None else ctx.actor_id
    _check_staff(ctx, owner, "owner")
    _check_item(ctx, item_id)
    record: dict[str, Any] = {
        "customer_id": customer_id, "branch_id": ctx.branch_id, "owner_id": owner, "beautician_id": None,
        "item_id": item_id, "title": _text(title, TITLE_MAX, "title"), "note": _text(note, NOTE_MAX, "note"),
    }
    journey_id, stamp = uuid7(), ctx.tick()
    journey = Journey(id=journey_id, chain_id=ctx.chain_id, **record, stage=Stage.LEAD_CREATED,
                      created_at=ctx.now, updated_at=ctx.now, hlc=stamp, field_clocks={})
    ctx.session.add(journey)
    ctx.journal(action="journey.open", entity=Kind.JOURNEY, entity_id=journey_id, after=record,
                payload={"record": record}, hlc=stamp)
    from .tasks import apply_rules  # tasks move journeys: imported here, not at the module's top

    apply_rules(ctx, journey, None, None, Stage.LEAD_CREATED)
    return ctx.changes.build(result=journey_id)


_UNSET: Any = object()


def assign_journey(ctx: ServiceContext, journey_id: str, *, owner_id: str | None = _UNSET,
                   beautician_id: str | None = _UNSET, item_id: str | None = _UNSET, title: str | None = None,
                   note: str | None = None) -> ChangeSet:
    """Change who owns or treats a journey, its item of interest, title or note (only what is given).

    Raises:
        PermissionDenied: the actor may not move journeys.
        NotFound: no such journey at this branch, staff member or item.
        BadInput: a title or note too long.
    """
    ctx.require(Permission.JOURNEY_MOVE)
    row = _journey(ctx, journey_id)
    _assign(ctx, row, owner_id=owner_id, beautician_id=beautician_id, item_id=item_id, title=title, note=note)
    return ctx.changes.build(result=row.id)


def _assign(ctx: ServiceContext, row: Journey, *, owner_id: Any = _UNSET, beautician_id: Any = _UNSET,
            item_id: Any = _UNSET, title: str | None = None, note: str | None = None) -> None:
    """Write the given fields that differ as one ``journey.update``."""
    fields: dict[str, Any] = {}
    if owner_id is not _UNSET:
        _check_staff(ctx, owner_id, "owner")
        fields["owner_id"] = owner_id
    if beautician_id is not _UNSET:
        _check_staff(ctx, beautician_id, "beautician")
        fields["beautician_id"] = beautician_id
    if item_id is not _UNSET:
        _check_item(ctx, item_id)
        fields["item_id"] = item_id
    if title is not None:
        fields["title"] = _text(title, TITLE_MAX, "title")
    if note is not None:
        fields["note"] = _text(note, NOTE_MAX, "note")
    fields = {k: v for k, v in fields.items() if getattr(row, k) != v}
    if fields:
        before = {k: getattr(row, k) for k in fields}
        stamp = ctx.tick()
        for k, v in fields.items():
            setattr(row, k, v)
        stamp_written(row, fields, stamp, ctx.now)
        ctx.journal(action="journey.update", entity=Kind.JOURNEY, entity_id=row.id, before=before, after=fields,
                    payload={"fields": fields}, hlc=stamp)


def _state(row: Journey) -> JourneyState:
    entered = row.stage_entered_at.isoformat() if row.stage_entered_at is not None else None
    return JourneyState(Stage(row.stage), entered, row.sale_id, row.appointment_id)


def _check_sale(ctx: ServiceContext, row: Journey, sale_id: str) -> None:
    """Refuse a sale that is not the journey's customer's or has nothing paid."""
    sale = ctx.session.get(Sale, sale_id)
    if sale is None or sale.chain_id != ctx.chain_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    if sale.customer_id != row.customer_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This sale is not of the journey's customer"), field="sale")
    if paid_for(ctx.session, sale_id) <= 0:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Nothing is paid for this sale yet"), field="sale")
    voided = ctx.session.scalar(select(Refund.id).where(Refund.sale_id == sale_id, Refund.kind == str(RefundKind.VOID))
                                .limit(1))
    if voided is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This sale was voided already"), field="sale")


def _check_appointment(ctx: ServiceContext, row: Journey, appointment_id: str) -> None:
    """Refuse an appointment not of this branch, of another customer, or no longer held (cancelled, missed)."""
    appointment = ctx.session.get(Appointment, appointment_id) if t.Id().problem(appointment_id) is None else None
    if appointment is None or appointment.chain_id != ctx.chain_id or appointment.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This appointment is not one of this branch's"),
                       field="appointment")
    if appointment.customer_id != row.customer_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This appointment is another customer's"), field="appointment")
    if AppointmentStatus(appointment.status) not in HOLDS_TIME:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This appointment was cancelled or missed: book another"),
                       field="appointment")


def _require_for(ctx: ServiceContext, kind: MoveKind, to_stage: Stage, *, linking: bool = False) -> bool:
    """Check the actor may make a move of ``kind``; return whether a manager made or authorised it.

    ``linking``: the move forward links the sale (or appointment) that
    justifies it. Whoever may sell confirms a payment with the sale, and
    whoever may book schedules a treatment with the appointment: the
    counter and the desk link them (proposal paid at the POS, booking
    made from a journey) without holding the journey permission.
    """
    if kind in MANAGER_ONLY:
        ctx.require(Permission.JOURNEY_REOPEN)
        return True
    if linking and kind is MoveKind.FORWARD and ctx.actor is not None:
        if to_stage is Stage.PAYMENT_CONFIRMED and may(ctx.actor.role, Permission.SALE_SELL):
            return False
        if to_stage is Stage.TREATMENT_SCHEDULED and may(ctx.actor.role, Permission.APPOINTMENT_BOOK):
            return False
    # A beautician moves a journey into and out of its treatment; anything else is sales' work.
    if not (to_stage in TREATMENT_STAGES and ctx.actor is not None and may(ctx.actor.role, Permission.JOURNEY_TREAT)):
        ctx.require(Permission.JOURNEY_MOVE)
    return False


def move_journey(ctx: ServiceContext, journey_id: str, to_stage: Stage, note: str = "", *,
                 sale_id: str | None = None, appointment_id: str | None = None,
                 beautician_id: str | None = None) -> ChangeSet:
    """Move a journey to ``to_stage`` (``domain.journeys``' table); result is the move's id.

    Forward one stage at a time; payment confirmed with a paid (or
    deposit-paid) sale of the customer (``sale_id``, or one linked before);
    treatment scheduled with an appointment (``appointment_id``), optionally
    naming the beautician. Cancelling needs a reason (``note``); moving back
    or reopening needs a reason and a manager (or a manager's PIN:
    ``Override`` of ``Permission.JOURNEY_REOPEN``). A beautician moves a
    journey into and out of treatment. Whoever may sell confirms a payment
    with its sale, and whoever may book schedules with the appointment
    (the counter's checkout and the desk's booking link them).

    Raises:
        PermissionDenied: the actor may not make this move.
        NotFound: no such journey at this branch, sale, appointment at
            this branch or staff member.
        BadInput: a move the table refuses (with its reason), a sale not
            the customer's, voided or with nothing paid, an appointment of
            another customer or cancelled or missed, a note too long.
            Nothing is changed.
    """
    row = _journey(ctx, journey_id)
    try:
        to = Stage(to_stage)
    except ValueError:
        raise BadInput(REFUSALS[Refusal.NO_SUCH_MOVE], field="stage") from None
    state = _state(row)
    kind = move_kind(state.stage, to)
    if kind is None:
        raise BadInput(REFUSALS[Refusal.NO_SUCH_MOVE], field="stage")
    text = _text(note, REASON_MAX, "note")
    # The reason is asked for before a manager's PIN is spent on the move.
    if kind in NEEDS_REASON and not text:
        raise BadInput(REFUSALS[Refusal.NEEDS_REASON], field="note")
    linking = (to is Stage.PAYMENT_CONFIRMED and sale_id is not None) or (
        to is Stage.TREATMENT_SCHEDULED and appointment_id is not None)
    by_manager = _require_for(ctx, kind, to, linking=linking)
    if sale_id is not None:
        _check_sale(ctx, row, sale_id)
    if beautician_id is not None:
        _check_staff(ctx, beautician_id, "beautician")
    if appointment_id is not None:
        _check_appointment(ctx, row, appointment_id)
    move = Move(state.stage, to, ctx.now.isoformat(), sale_id, appointment_id, bool(text), by_manager)
    refusal = judge(state, move)
    if refusal is not None:
        field = {Refusal.NEEDS_SALE: "sale", Refusal.NEEDS_APPOINTMENT: "appointment"}.get(refusal, "stage")
        raise BadInput(REFUSALS[refusal], field=field)
    override = ctx.override
    approved_by = override.authorizer.staff_id if override is not None and override.spent else (
        ctx.actor_id if by_manager else None)
    record: dict[str, Any] = {
        "journey_id": row.id, "from_stage": str(state.stage), "to_stage": str(to), "note": text,
        "sale_id": sale_id, "appointment_id": appointment_id, "by_manager": by_manager,
        "approved_by": approved_by, "at": ctx.now.isoformat(), "staff_id": ctx.actor_id,
    }
    action_id, stamp = uuid7(), ctx.tick()
    ctx.session.add(JourneyAction(id=action_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now}, hlc=stamp))
    ctx.journal(action="journey.move", entity="journey_action", entity_id=action_id, after=record,
                payload={"record": {"id": action_id, **record}}, hlc=stamp)
    # The journey shows the move at once, stamped with the move's clock: a
    # pull keeps it while the move waits to be pushed, then the server's word.
    row.stage, row.stage_entered_at = str(to), ctx.now
    row.sale_id, row.appointment_id = sale_id or row.sale_id, appointment_id or row.appointment_id
    stamp_written(row, _MOVED, stamp, ctx.now)
    ctx.changes.add(Kind.JOURNEY, row.id)
    if beautician_id is not None:
        _assign(ctx, row, beautician_id=beautician_id)
    # The stage entry's tasks (automation rules), in this transaction.
    from .tasks import apply_rules  # tasks move journeys: imported here, not at the module's top

    apply_rules(ctx, row, state.stage, datetime.fromisoformat(state.entered_at) if state.entered_at else None, to,
                text)
    return ctx.changes.build(result=action_id)


def cancel_journey(ctx: ServiceContext, journey_id: str, reason: str) -> ChangeSet:
    """Cancel an open journey with its reason; result is the move's id (see ``move_journey``)."""
    return move_journey(ctx, journey_id, Stage.CANCELLED, reason)


def reopen_journey(ctx: ServiceContext, journey_id: str, to_stage: Stage, reason: str) -> ChangeSet:
    """Reopen a completed or cancelled journey at ``to_stage`` (a manager, with a reason); see ``move_journey``."""
    return move_journey(ctx, journey_id, to_stage, reason)


# --- reads ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JourneyCard:
    """One journey as the board shows it."""

    id: str
    customer_id: str
    customer_name: str
    title: str
    stage: Stage
    entered_at: datetime  # when it reached its stage (its opening while it is at its first)
    seconds_in_stage: int
    owner_id: str | None
    owner_name: str
    beautician_id: str | None
    beautician_name: str
    sale_id: str | None
    appointment_id: str | None


@dataclass(frozen=True)
class BoardColumn:
    stage: Stage
    cards: tuple[JourneyCard, ...]  # longest in the stage first

    @property
    def count(self) -> int:
        return len(self.cards)


def journeys_by_stage(session: Session, now: datetime, *, branch_id: str | None = None,
                      owner_id: str | None = None, beautician_id: str | None = None,
                      customer_id: str | None = None, stages: Iterable[Stage] | None = None) -> list[BoardColumn]:
    """Return the board: one column per stage (``stages``, default every one), cards longest-waiting first.

    Filters: the branch (default: this terminal's; a terminal holds only
    its branch's journeys), the sales owner, the beautician, the customer.
    """
    if branch_id is None:
        branch_id = load_device(session).branch_id
    wanted = list(stages) if stages is not None else list(Stage)
    query = (select(Journey, Customer.name_th, Customer.name_en)
             .join(Customer, Customer.id == Journey.customer_id)
             .where(Journey.branch_id == branch_id, Journey.stage.in_([str(s) for s in wanted])))
    if owner_id is not None:
        query = query.where(Journey.owner_id == owner_id)
    if beautician_id is not None:
        query = query.where(Journey.beautician_id == beautician_id)
    if customer_id is not None:
        query = query.where(Journey.customer_id == customer_id)
    rows = session.execute(query).all()
    names = _staff_names(session, {i for r in rows for i in (r[0].owner_id, r[0].beautician_id) if i})
    columns: dict[Stage, list[JourneyCard]] = {s: [] for s in wanted}
    for row, name_th, name_en in rows:
        entered = row.stage_entered_at or row.created_at
        columns[Stage(row.stage)].append(JourneyCard(
            row.id, row.customer_id, name_th or name_en or "", row.title, Stage(row.stage), entered,
            max(0, int((now - entered).total_seconds())), row.owner_id, names.get(row.owner_id or "", ""),
            row.beautician_id, names.get(row.beautician_id or "", ""), row.sale_id, row.appointment_id))
    return [BoardColumn(s, tuple(sorted(columns[s], key=lambda c: (c.entered_at, c.id)))) for s in wanted]


def _staff_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {i: n for i, n in session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(sorted(ids))))}


@dataclass(frozen=True)
class TimelineEntry:
    """One move of a journey, as its timeline shows it."""

    id: str
    at: datetime
    from_stage: Stage
    to_stage: Stage
    kind: MoveKind | None
    note: str
    staff_id: str | None
    staff_name: str
    approved_by: str | None
    approved_by_name: str
    sale_id: str | None
    appointment_id: str | None
    # Not legal at its place in clock order (another terminal moved the
    # journey first): the server rejected it, or a move with an earlier
    # clock that arrived later made it illegal. It does not count.
    rejected: bool


def journey_timeline(session: Session, journey_id: str) -> list[TimelineEntry]:
    """Return a journey's moves, oldest first (by clock), those that do not count marked ``rejected``.

    The moves are folded in clock order through ``domain.journeys.legal_move``
    as the server folds them; a terminal holds every move of its branch's
    journeys that the server kept, and its own that it rejected.

    Raises:
        NotFound: no such journey on this terminal.
    """
    if session.get(Journey, journey_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such journey"), field="journey")
    actions = list(session.scalars(select(JourneyAction).where(JourneyAction.journey_id == journey_id)
                                   .order_by(JourneyAction.hlc)))
    names = _staff_names(session, {i for a in actions for i in (a.staff_id, a.approved_by) if i})
    # This terminal's own moves the server rejected were never in its replay:
    # folded here, one that an earlier move arriving later would have made
    # legal would take the state and mark the server's next move rejected
    # (found by the sync simulation, seed 13).
    refused = set(session.scalars(select(OutboxOperation.entity_id).where(
        OutboxOperation.type == "journey.move", OutboxOperation.outcome == "rejected",
        OutboxOperation.entity_id.in_([a.id for a in actions]))))
    out, state = [], INITIAL
    for a in actions:
        # The server's replay, done again here: the same moves in the same
        # clock order through the same table give the same verdicts.
        verdict = Verdict(False) if a.id in refused else legal_move(state, _as_move(a))
        if verdict.legal:
            state = verdict.state
        out.append(TimelineEntry(
            a.id, a.at, Stage(a.from_stage), Stage(a.to_stage), move_kind(Stage(a.from_stage), Stage(a.to_stage)),
            a.note, a.staff_id, names.get(a.staff_id or "", ""), a.approved_by, names.get(a.approved_by or "", ""),
            a.sale_id, a.appointment_id, not verdict.legal))
    return out


def _as_move(a: JourneyAction) -> Move:
    return Move(Stage(a.from_stage), Stage(a.to_stage), a.at.isoformat(), a.sale_id, a.appointment_id,
                bool(a.note.strip()), a.by_manager)
