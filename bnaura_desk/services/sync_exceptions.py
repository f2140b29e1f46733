"""Sync exceptions: conflicts the server settled by rule, for a manager to see and resolve.

The server raises them (an edit lost to a delete, a clock far ahead, an
operation that could never apply); terminals pull them like any record.
Resolving one is a synced change of its own (``sync_exception.resolve``):
the note, who and when travel to the server and every other terminal, and
the audit log keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.roles import Permission
from ..store.models import (
    AchievementUnlock,
    Appointment,
    Branch,
    CatalogItem,
    ConsentEvent,
    Coupon,
    CouponUse,
    Customer,
    DeviceState,
    Journey,
    JourneyAction,
    ParkedChange,
    ParkedReason,
    PointsEntry,
    PointsExpiry,
    Proposal,
    Referral,
    RewardRow,
    Room,
    Staff,
    StockMovement,
    SyncExceptionRow,
    Task,
    TaxInvoice,
    TierChange,
    TreatmentConsent,
    Visit,
)
from .context import ServiceContext, stamp_written

# What each kind of exception is called on screen (context "sync_exceptions").
# A kind not listed here is shown by its code (a newer server's kind).
EXCEPTION_KIND_LABELS: dict[str, str] = {
    "edit_lost_to_delete": QT_TRANSLATE_NOOP("sync_exceptions", "Edit lost: the record was deleted"),
    "clock_ahead": QT_TRANSLATE_NOOP("sync_exceptions", "Terminal clock far ahead"),
    "rejected_operation": QT_TRANSLATE_NOOP("sync_exceptions", "Operation rejected by the server"),
    "unknown_record": QT_TRANSLATE_NOOP("sync_exceptions", "Change to a record the server does not have"),
    "seq_conflict": QT_TRANSLATE_NOOP("sync_exceptions", "Operation number sent twice with different contents"),
    "claim_conflict": QT_TRANSLATE_NOOP("sync_exceptions", "Single-use item used twice offline"),
    "below_floor": QT_TRANSLATE_NOOP("sync_exceptions", "Balance taken below its limit"),
    "illegal_move": QT_TRANSLATE_NOOP("sync_exceptions", "Journey move not allowed at its time"),
    "points_for_deleted_customer": QT_TRANSLATE_NOOP("sync_exceptions", "Points for a deleted customer"),
    "second_referrer": QT_TRANSLATE_NOOP("sync_exceptions", "A second referrer for one customer"),
    "refund_beyond_paid": QT_TRANSLATE_NOOP("sync_exceptions", "A sale refunded beyond what was paid"),
    "course_overused": QT_TRANSLATE_NOOP("sync_exceptions", "A course used beyond its sessions"),
    "paid_beyond_total": QT_TRANSLATE_NOOP("sync_exceptions", "A sale paid beyond its total"),
    "invoice_issued_twice": QT_TRANSLATE_NOOP("sync_exceptions", "Two full tax invoices for one receipt"),
    "double_booking": QT_TRANSLATE_NOOP("sync_exceptions", "A beautician or room booked twice"),
    "task_claimed_twice": QT_TRANSLATE_NOOP("sync_exceptions", "A task claimed by two people"),
    "ledger_row_differs": QT_TRANSLATE_NOOP("sync_exceptions", "One record made twice with different contents"),
    "unknown_entity": QT_TRANSLATE_NOOP("sync_exceptions", "Change of a kind this app version does not know"),
    "unstorable_row": QT_TRANSLATE_NOOP("sync_exceptions", "Change this app version cannot store"),
}

# What an exception of a kind means when its detail says no more (context
# "sync_exceptions"): shown after the record's name.
EXCEPTION_KIND_EXPLANATIONS: dict[str, str] = {
    "seq_conflict": QT_TRANSLATE_NOOP(
        "sync_exceptions", "the terminal sent another operation under a number already used; the first one stands"
    ),
    "claim_conflict": QT_TRANSLATE_NOOP(
        "sync_exceptions", "used on two terminals while offline; the first to reach the server keeps it, the other sale stands"
    ),
    "below_floor": QT_TRANSLATE_NOOP(
        "sync_exceptions", "taken below its limit while offline (e.g. points spent twice); both stand"
    ),
    "illegal_move": QT_TRANSLATE_NOOP(
        "sync_exceptions", "not allowed at its place in time order; it was not applied"
    ),
    "points_for_deleted_customer": QT_TRANSLATE_NOOP(
        "sync_exceptions", "points were recorded on another terminal after the customer was deleted; they stand"
    ),
    "second_referrer": QT_TRANSLATE_NOOP(
        "sync_exceptions", "another terminal named a different referrer; the first referrer keeps the referral"
    ),
    "refund_beyond_paid": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "two terminals refunded the same sale while offline, together more than was paid for it; both refunds stand",
    ),
    "course_overused": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "sessions of the same course were used on two terminals while offline, more than were left; both uses stand",
    ),
    "paid_beyond_total": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "two terminals took the same sale's balance while offline, together more than its total; both payments stand",
    ),
    "invoice_issued_twice": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "two terminals issued a full tax invoice for the same receipt while offline; both stand: cancel one with the buyer",
    ),
    "double_booking": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "two terminals booked the same beautician or room for overlapping times while offline; both bookings stand:"
        " move one of them",
    ),
    "task_claimed_twice": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "two people claimed the same task on two terminals while offline; the later claim holds it: reassign it"
        " if needed and tell the other",
    ),
    "ledger_row_differs": QT_TRANSLATE_NOOP(
        "sync_exceptions",
        "another terminal made the same record offline with different contents; the first to reach the server stands",
    ),
    "unknown_entity": QT_TRANSLATE_NOOP(
        "sync_exceptions", "this version of the app does not know this kind of record; it is kept until the app is updated"
    ),
    "unstorable_row": QT_TRANSLATE_NOOP(
        "sync_exceptions", "this version of the app cannot store it; it is kept until the app is updated"
    ),
}

# Why the server rejected an operation (``detail["reason"]`` of a
# ``rejected_operation``, or the code a refused push answered), in people's
# words (context "sync_reasons"). An unknown code shows the server's message.
REJECTION_REASONS: dict[str, str] = {
    "malformed_payload": QT_TRANSLATE_NOOP("sync_reasons", "its contents could not be read"),
    "malformed_operation": QT_TRANSLATE_NOOP("sync_reasons", "it was incomplete"),
    "invalid_record": QT_TRANSLATE_NOOP("sync_reasons", "{field} {problem}"),
    "wrong_entity": QT_TRANSLATE_NOOP("sync_reasons", "it named the wrong kind of record"),
    "foreign_record": QT_TRANSLATE_NOOP("sync_reasons", "it named a record of another clinic"),
    "tombstoned": QT_TRANSLATE_NOOP("sync_reasons", "the record had been deleted"),
    "unknown_record": QT_TRANSLATE_NOOP("sync_reasons", "the server does not have this record"),
    "self_referral": QT_TRANSLATE_NOOP("sync_reasons", "a customer cannot refer themselves"),
    "unknown_operation": QT_TRANSLATE_NOOP(
        "sync_reasons", "the server does not know this kind of change yet: update the clinic server"
    ),
}

# What is wrong with one field of an ``invalid_record`` (``detail["problem"]``:
# ``FieldProblem.problem`` of ``domain.synced`` and the fixed phrases of
# ``domain.field_types``), after the field's name (context "sync_reasons").
# A phrase with a number in it ("is longer than 120 characters") is shown
# as the server wrote it.
FIELD_PROBLEMS: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP("sync_reasons", "is missing"),
    "unknown": QT_TRANSLATE_NOOP("sync_reasons", "is not a field of this record"),
    "not writable": QT_TRANSLATE_NOOP("sync_reasons", "may not be changed this way"),
    "must be text": QT_TRANSLATE_NOOP("sync_reasons", "must be text"),
    "holds a NUL character": QT_TRANSLATE_NOOP("sync_reasons", "holds a character that cannot be stored"),
    "must be a whole number": QT_TRANSLATE_NOOP("sync_reasons", "must be a whole number"),
    "must be an id (a UUID)": QT_TRANSLATE_NOOP("sync_reasons", "must be a record id"),
    "must be a date (YYYY-MM-DD)": QT_TRANSLATE_NOOP("sync_reasons", "must be a date"),
    "must be a time of day (HH:MM)": QT_TRANSLATE_NOOP("sync_reasons", "must be a time of day"),
    "must be a time with a zone (ISO 8601 with an offset)": QT_TRANSLATE_NOOP(
        "sync_reasons", "must be a date and time with its time zone"
    ),
    "must be a list": QT_TRANSLATE_NOOP("sync_reasons", "must be a list"),
    "is not plain JSON": QT_TRANSLATE_NOOP("sync_reasons", "holds data that cannot be stored"),
}

# Why a pulled change waits on this terminal for an update of the app
# (``sync_parked.reason``; context "sync_exceptions").
PARKED_REASON_LABELS: dict[str, str] = {
    "unknown_entity": QT_TRANSLATE_NOOP("sync_exceptions", "Change of a kind this app version does not know"),
    "unstorable": QT_TRANSLATE_NOOP("sync_exceptions", "Change this app version cannot store"),
    "unknown_fields": QT_TRANSLATE_NOOP("sync_exceptions", "Change with fields this app version does not know"),
}
NOTE_MAX = 1000


class ExceptionFilter(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    ALL = "all"


@dataclass(frozen=True)
class SyncExceptionView:
    """One exception as the Exceptions screen lists it."""

    id: str
    kind: str
    entity: str
    entity_id: str
    device_id: str | None
    seq: int | None
    detail: dict[str, Any]
    raised_at: datetime
    resolved_at: datetime | None
    resolved_by_name: str
    note: str
    subject_th: str = ""  # the record's name (a consent's or visit's: its customer's), "" when unknown here
    subject_en: str = ""
    subject_deleted: bool = False  # the named record is tombstoned
    device_name: str = ""  # the raising terminal's name, "" when this terminal has not learnt it
    this_terminal: bool = False  # raised for an operation of this terminal


def list_exceptions(
    session: Session, status: ExceptionFilter = ExceptionFilter.OPEN, kind: str | None = None, *, limit: int = 500
) -> list[SyncExceptionView]:
    """Return exceptions, newest first, filtered by status and (optionally) kind.

    Each names its record as people know it (a customer's, catalog item's or
    staff member's name; a consent's or visit's customer; a stock
    movement's item), also when that record has been deleted since, and the
    terminal whose operation raised it: this terminal's own name, or the
    ``device_name`` the server put in the detail, else "" (the screen then
    shows a short label).
    """
    query = select(SyncExceptionRow, Staff.display_name).outerjoin(Staff, Staff.id == SyncExceptionRow.resolved_by)
    if status is ExceptionFilter.OPEN:
        query = query.where(SyncExceptionRow.resolved_at.is_(None))
    elif status is ExceptionFilter.RESOLVED:
        query = query.where(SyncExceptionRow.resolved_at.is_not(None))
    if kind:
        query = query.where(SyncExceptionRow.kind == kind)
    rows = session.execute(query.order_by(SyncExceptionRow.raised_at.desc()).limit(limit)).all()
    wanted: dict[str, set[str]] = {}
    for r, _name in rows:
        wanted.setdefault(r.entity, set()).add(r.entity_id)
        if (journey := _journey_of(r)) is not None:
            wanted.setdefault("journey", set()).add(journey)
    names = _subject_names(session, wanted)
    me = session.execute(select(DeviceState.device_id, DeviceState.device_name)).first()
    out = []
    for r, resolver in rows:
        detail = dict(r.detail or {})
        subject = names.get((r.entity, r.entity_id)) or names.get(("journey", _journey_of(r) or ""), _NO_NAME)
        mine = me is not None and r.device_id == me.device_id
        sent_name = detail.get("device_name")
        device_name = me.device_name if me is not None and mine else sent_name if isinstance(sent_name, str) else ""
        out.append(
            SyncExceptionView(
                id=r.id, kind=r.kind, entity=r.entity, entity_id=r.entity_id, device_id=r.device_id, seq=r.seq,
                detail=detail, raised_at=r.raised_at, resolved_at=r.resolved_at,
                resolved_by_name=resolver or "", note=r.note,
                subject_th=subject[0], subject_en=subject[1], subject_deleted=subject[2],
                device_name=device_name, this_terminal=mine,
            )
        )
    return out


_NO_NAME = ("", "", False)


def _journey_of(r: SyncExceptionRow) -> str | None:
    """Return the journey a rejected move named (the move itself never reached this terminal if another made it)."""
    subject = (r.detail or {}).get("subject")
    return subject if r.entity == "journey_action" and isinstance(subject, str) else None


def _subject_names(session: Session, wanted: dict[str, set[str]]) -> dict[tuple[str, str], tuple[str, str, bool]]:
    """Return (entity, id) -> (Thai name, English name, deleted) for the records ``wanted`` names.

    Tombstoned rows are read too: an exception is often about a record
    deleted since. One query per kind of record, whatever the number of rows.
    """
    out: dict[tuple[str, str], tuple[str, str, bool]] = {}

    def read(entity: str, query: Any) -> None:
        for row in session.execute(query).all():
            out[(entity, row.id)] = (row.name_th or "", row.name_en or "", row.deleted_at is not None)

    ids = {entity: sorted(found) for entity, found in wanted.items()}
    if "customer" in ids:
        read("customer", select(Customer.id, Customer.name_th, Customer.name_en, Customer.deleted_at)
             .where(Customer.id.in_(ids["customer"])))
    if "catalog_item" in ids:
        read("catalog_item", select(CatalogItem.id, CatalogItem.name_th, CatalogItem.name_en, CatalogItem.deleted_at)
             .where(CatalogItem.id.in_(ids["catalog_item"])))
    if "staff" in ids:
        read("staff", select(Staff.id, Staff.display_name.label("name_th"), literal("").label("name_en"),
                             Staff.deleted_at).where(Staff.id.in_(ids["staff"])))
    if "branch" in ids:
        read("branch", select(Branch.id, Branch.name_th, Branch.name_en, Branch.deleted_at)
             .where(Branch.id.in_(ids["branch"])))
    # Ledger rows are never deleted; they are named after their customer or item.
    if "consent" in ids:
        read("consent", select(ConsentEvent.id, Customer.name_th, Customer.name_en, Customer.deleted_at)
             .join(Customer, Customer.id == ConsentEvent.customer_id).where(ConsentEvent.id.in_(ids["consent"])))
    if "visit" in ids:
        read("visit", select(Visit.id, Customer.name_th, Customer.name_en, Customer.deleted_at)
             .join(Customer, Customer.id == Visit.customer_id).where(Visit.id.in_(ids["visit"])))
    if "stock" in ids:
        read("stock", select(StockMovement.id, CatalogItem.name_th, CatalogItem.name_en, CatalogItem.deleted_at)
             .join(CatalogItem, CatalogItem.id == StockMovement.item_id).where(StockMovement.id.in_(ids["stock"])))
    # A member's loyalty rows, named after the member.
    for entity, model, member in (
        ("points", PointsEntry, PointsEntry.customer_id), ("points_expiry", PointsExpiry, PointsExpiry.customer_id),
        ("tier_change", TierChange, TierChange.customer_id), ("referral", Referral, Referral.referred_id),
        ("achievement_unlock", AchievementUnlock, AchievementUnlock.customer_id),
        ("coupon_use", CouponUse, CouponUse.customer_id),
        ("appointment", Appointment, Appointment.customer_id),
        ("task", Task, Task.customer_id),
        ("proposal", Proposal, Proposal.customer_id),
        ("treatment_consent", TreatmentConsent, TreatmentConsent.customer_id),
    ):
        if entity in ids:
            read(entity, select(model.id, Customer.name_th, Customer.name_en, Customer.deleted_at)
                 .join(Customer, Customer.id == member).where(model.id.in_(ids[entity])))
    # A journey and its moves, named after the journey's customer.
    if "journey" in ids:
        read("journey", select(Journey.id, Customer.name_th, Customer.name_en, Customer.deleted_at)
             .join(Customer, Customer.id == Journey.customer_id).where(Journey.id.in_(ids["journey"])))
    if "journey_action" in ids:
        read("journey_action", select(JourneyAction.id, Customer.name_th, Customer.name_en, Customer.deleted_at)
             .join(Journey, Journey.id == JourneyAction.journey_id).join(Customer, Customer.id == Journey.customer_id)
             .where(JourneyAction.id.in_(ids["journey_action"])))
    if "coupon" in ids:
        read("coupon", select(Coupon.id, Coupon.code.label("name_th"), Coupon.code.label("name_en"),
                              literal(None).label("deleted_at")).where(Coupon.id.in_(ids["coupon"])))
    if "reward" in ids:
        read("reward", select(RewardRow.id, RewardRow.name_th, RewardRow.name_en, literal(None).label("deleted_at"))
             .where(RewardRow.id.in_(ids["reward"])))
    if "room" in ids:
        read("room", select(Room.id, Room.name.label("name_th"), Room.name.label("name_en"),
                            literal(None).label("deleted_at")).where(Room.id.in_(ids["room"])))
    if "tax_invoice" in ids:  # named by its number, as the buyer and the books know it
        read("tax_invoice", select(TaxInvoice.id, TaxInvoice.number.label("name_th"),
                                   TaxInvoice.number.label("name_en"), literal(None).label("deleted_at"))
             .where(TaxInvoice.id.in_(ids["tax_invoice"])))
    return out


@dataclass(frozen=True)
class ParkedProblemView:
    """A pulled change this terminal keeps without storing it, until the app is updated."""

    entity: str
    entity_id: str
    reason: str  # unknown_entity, unstorable, unknown_fields
    problem: str  # the terminal's own words (English), e.g. "a customer needs phone"
    subject_th: str = ""
    subject_en: str = ""
    subject_deleted: bool = False


def list_parked_problems(session: Session, *, limit: int = 100) -> list[ParkedProblemView]:
    """Return the pulled changes that wait for an update of this app, oldest first.

    Rows waiting for a parent that has not arrived yet (a visit before its
    customer) are not problems and are left out. Each is named as people
    know it when this terminal has the record (a change with fields it
    does not know was stored without them).
    """
    rows = session.execute(
        select(ParkedChange)
        .where(ParkedChange.reason != ParkedReason.WAITING)
        .order_by(ParkedChange.cursor)
        .limit(limit)
    ).scalars().all()
    wanted: dict[str, set[str]] = {}
    for r in rows:
        wanted.setdefault(r.entity, set()).add(r.entity_id)
    names = _subject_names(session, wanted)
    out = []
    for r in rows:
        th, en, deleted = names.get((r.entity, r.entity_id), _NO_NAME)
        out.append(ParkedProblemView(r.entity, r.entity_id, r.reason, r.problem, th, en, deleted))
    return out


def resolve_exception(ctx: ServiceContext, exception_id: str, note: str) -> ChangeSet:
    """Mark an exception resolved with a note saying what was done (managers).

    Raises:
        BadInput: an empty or overlong note, an unknown exception, or one
            already resolved (nothing is changed).
        PermissionDenied: the user may not manage sync.
    """
    ctx.require(Permission.SYNC_MANAGE)
    note = note.strip()
    if not note:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Write what was done about it"), field="note")
    if len(note) > NOTE_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "The note is too long (at most {max} characters)"), field="note", max=NOTE_MAX
        )
    row = ctx.session.get(SyncExceptionRow, exception_id)
    if row is None or row.deleted_at is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This exception does not exist"))
    if row.resolved_at is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This exception was already resolved"))
    stamp = ctx.tick()
    fields = {"resolved_at": ctx.now.isoformat(), "resolved_by": ctx.actor_id, "note": note}
    row.resolved_at, row.resolved_by, row.note = ctx.now, ctx.actor_id, note
    stamp_written(row, fields, stamp, ctx.now)
    ctx.journal(
        action="sync_exception.resolve",
        entity=Kind.SYNC_EXCEPTION,
        entity_id=exception_id,
        before={"resolved_at": None, "note": ""},
        after=fields,
        payload={"fields": fields},
        hlc=stamp,
    )
    return ctx.changes.build(result=exception_id)
