"""Registering many customers in one transaction: the demo clinic, large CSV imports.

``register_customers`` writes exactly what as many calls of
``register_customer`` (and ``check_in`` for those who are at the counter)
would write: the same rows, search terms, consent events, visits, audit
entries and outbox operations, with a clock per change taken in the same
order. Only the writing differs: every row is checked before anything is
written, and each table gets one executemany (``store.fast_insert``)
instead of an ORM object per row, which made a 100,000-customer demo take
13 minutes (bench/RESULTS.md, "Demo clinic generation").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..domain.achievements import Definition, MemberFacts, newly_unlocked
from ..domain.achievements import award_id as achievement_award_id
from ..domain.changes import ChangeSet, Kind
from ..domain.customer import ConsentPurpose, CustomerForm, CustomerProfile, validate_customer
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError, Translate
from ..domain.ids import uuid7
from ..domain.loyalty_program import award_id, clinic_day, day_start
from ..domain.phone import display_phone
from ..domain.points import EntryKind, PointsSource
from ..domain.referral import make_code
from ..domain.roles import Permission
from ..domain.search import customer_terms
from ..store.fast_insert import bulk_writing, insert_rows, table_of
from ..store.models import AchievementUnlock, Branch, ConsentEvent, Customer, CustomerSearchTerm, PointsEntry, Visit
from .achievements import achievement_definitions, award_reason, unlock_row
from .bulk_journal import BulkJournal
from .context import ServiceContext
from .customers import clinic_today, known_consents, phone_taken, profile_columns
from .points_ledger import loyalty_program, points_row

# Values per ``IN (...)`` query: under the 999 bound parameters of older SQLite builds.
_CHUNK = 900


@dataclass(frozen=True)
class Registration:
    """One customer to register: the form, the consent decisions, whether they are at the counter now.

    ``branch_id``: the branch of the chain where they registered (and are
    checked in), when the list comes from another branch (the demo chain,
    another branch's customers imported here); None for this terminal's.
    """

    form: CustomerForm
    consents: Mapping[ConsentPurpose, bool] = field(default_factory=dict)
    check_in: bool = False
    branch_id: str | None = None


def _identity(context: str, text: str) -> str:
    return text


class RegistrationRefused(BadInput):
    """One registration of a batch is refused, so the batch is: which one and why.

    ``row`` counts from 1 in the order given; ``error`` is what
    ``register_customer`` would have raised for it (its ``field`` is this
    error's ``field``).
    """

    def __init__(self, row: int, error: DeskError) -> None:
        self.row = row
        self.error = error
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Customer {row} of the list: {message}"),
            field=error.field,
            row=row,
            message=error.render(),
        )

    def render(self, translate: Translate = _identity) -> str:
        return translate(self.context, self.template).format(row=self.row, message=self.error.render(translate))


@dataclass(frozen=True)
class _Checked:
    profile: CustomerProfile
    consents: dict[ConsentPurpose, bool]
    check_in: bool
    branch_id: str


def register_customers(ctx: ServiceContext, registrations: Sequence[Registration]) -> ChangeSet:
    """Register many new customers at once, all or none; result is their ids, in order.

    Each is registered as ``register_customer`` registers one (referral
    code, search terms, ``customer.register`` and a ``consent.record`` per
    decision, each with its audit entry and its own clock), then checked in
    as ``check_in`` does when ``check_in`` is set.

    Raises:
        PermissionDenied: the actor may not register customers (or check
            them in, when a registration asks for it).
        RegistrationRefused: the first registration (in order) that breaks
            a rule (``validate_customer``, an unknown consent purpose) or
            repeats an earlier one's phone; when there is none, the first
            whose phone a live customer has. One refused registration
            refuses the batch; nothing is written.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    if any(r.check_in for r in registrations):
        ctx.require(Permission.CUSTOMER_CHECK_IN)
    with bulk_writing(ctx.session):
        return _register(ctx, registrations)


def _register(ctx: ServiceContext, registrations: Sequence[Registration]) -> ChangeSet:
    """Check everything, then make every row in the order the use cases would, then write each table."""
    checked = _check_all(ctx, registrations)
    codes = _referral_codes(ctx, len(checked))

    journal = BulkJournal(ctx)
    customers: list[dict[str, Any]] = []
    terms: list[dict[str, Any]] = []
    consents: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    unlocks: list[dict[str, Any]] = []
    ids: list[str] = []
    definitions = achievement_definitions(ctx.session, ctx.chain_id)
    earn = loyalty_program(ctx.session, ctx.chain_id).earn
    today = clinic_day(ctx.now)
    now, chain_id = ctx.now, ctx.chain_id
    for one, code in zip(checked, codes):
        branch_id = one.branch_id
        stamp = ctx.tick()
        customer_id = uuid7()
        ids.append(customer_id)
        p = one.profile
        customers.append({
            "id": customer_id,
            "chain_id": chain_id,
            **profile_columns(p),
            "referral_code": code,
            "registered_branch_id": branch_id,
            "created_at": now,
            "updated_at": now,
            "hlc": stamp,
            "field_clocks": {},
            "deleted_at": None,
        })
        terms.extend(
            {"term": t, "customer_id": customer_id}
            for t in customer_terms(p.name_th, p.name_en, p.nickname, p.phone, code)
        )
        record = {**p.as_record(), "referral_code": code, "registered_branch_id": branch_id}
        journal.add(
            action="customer.register",
            entity=Kind.CUSTOMER,
            entity_id=customer_id,
            after=record,
            payload={"record": record},
            hlc=stamp,
        )
        for purpose, granted in one.consents.items():
            consents.append(_consent(ctx, journal, customer_id, purpose, granted))
        if earn.welcome > 0:
            points.append(_award(ctx, journal, customer_id, PointsSource.WELCOME, earn.welcome))
        if one.check_in:
            visits.append(_visit(ctx, journal, customer_id, branch_id))
            if earn.check_in > 0:
                points.append(_award(ctx, journal, customer_id, PointsSource.CHECK_IN, earn.check_in, today,
                                     at=day_start(ctx.now)))
            # What the first check-in unlocks (as ``check_in`` does): a new
            # member's facts are this visit, today's registration, the birthday.
            facts = MemberFacts(visits=(now,), registered_at=now, birthday=p.birthday)
            for definition in newly_unlocked(definitions, facts, (), now):
                unlocks.append(_unlock(ctx, journal, customer_id, definition, points))

    session = ctx.session
    insert_rows(session, table_of(Customer), customers)
    insert_rows(session, table_of(CustomerSearchTerm), terms)
    insert_rows(session, table_of(ConsentEvent), consents)
    insert_rows(session, table_of(Visit), visits)
    insert_rows(session, table_of(PointsEntry), points)
    insert_rows(session, table_of(AchievementUnlock), unlocks)
    journal.write()
    return ctx.changes.build(result=ids)


def _check_all(ctx: ServiceContext, registrations: Sequence[Registration]) -> list[_Checked]:
    """Validate every registration and its phone; raise ``RegistrationRefused`` for the first bad one."""
    today = clinic_today(ctx.now)
    checked: list[_Checked] = []
    first_with: dict[str, int] = {}  # phone -> row that has it first
    branches = set(ctx.session.scalars(
        select(Branch.id).where(Branch.chain_id == ctx.chain_id, Branch.deleted_at.is_(None))
    ))
    for row, registration in enumerate(registrations, start=1):
        try:
            decisions = known_consents(registration.consents)
            profile = validate_customer(registration.form, today)
            branch_id = registration.branch_id or ctx.branch_id
            if branch_id not in branches:
                raise BadInput(QT_TRANSLATE_NOOP("errors", "This chain has no such branch"), field="branch")
        except DeskError as err:
            raise RegistrationRefused(row, err) from err
        earlier = first_with.setdefault(profile.phone, row)
        if earlier != row:
            raise RegistrationRefused(
                row,
                BadInput(
                    QT_TRANSLATE_NOOP("errors", "{phone} is also the phone of customer {other} of the list"),
                    field="phone",
                    phone=display_phone(profile.phone),
                    other=earlier,
                ),
            )
        checked.append(_Checked(profile, decisions, registration.check_in, branch_id))
    phones = list(first_with)
    taken: list[tuple[int, DeskError]] = []
    for start in range(0, len(phones), _CHUNK):
        # The clinic is compared here, not in SQL: with it in the WHERE
        # clause SQLite walks the clinic's index (every customer) instead of
        # looking up these few hundred phones.
        hits = ctx.session.execute(
            select(Customer.id, Customer.phone, Customer.name_th, Customer.name_en, Customer.chain_id).where(
                Customer.phone.in_(phones[start : start + _CHUNK]), Customer.deleted_at.is_(None)
            )
        )
        taken.extend(
            (first_with[h.phone], phone_taken(h.id, h.phone, h.name_th or h.name_en))
            for h in hits
            if h.chain_id == ctx.chain_id
        )
    if taken:
        row, error = min(taken, key=lambda t: t[0])
        raise RegistrationRefused(row, error)
    return checked


def _referral_codes(ctx: ServiceContext, count: int) -> list[str]:
    """Return the next ``count`` referral codes of this device, as ``count`` registrations would take them.

    The device's counter makes them unique on this device; a code already
    held (one that came by sync from a device with the same tag) is skipped,
    as ``register_customer`` skips it.
    """
    device = ctx.device
    codes: list[str] = []
    while len(codes) < count:
        start = device.referral_counter
        candidates = [make_code(device.referral_tag, start + k) for k in range(count - len(codes))]
        device.referral_counter = start + len(candidates)
        held: set[str] = set()
        for at in range(0, len(candidates), _CHUNK):
            held.update(
                ctx.session.execute(
                    select(Customer.referral_code).where(Customer.referral_code.in_(candidates[at : at + _CHUNK]))
                ).scalars()
            )
        codes.extend(c for c in candidates if c not in held)
    return codes


def _consent(
    ctx: ServiceContext, journal: BulkJournal, customer_id: str, purpose: ConsentPurpose, granted: bool
) -> dict[str, Any]:
    """Return the consent event row of one decision at registration, journaled as ``consent.record``."""
    stamp = ctx.tick()
    event_id = uuid7()
    at = ctx.now
    # The same record as ``customers._add_consent``: everything the row holds travels.
    record = {
        "id": event_id,
        "customer_id": customer_id,
        "purpose": str(purpose),
        "granted": granted,
        "note": "",
        "at": at.isoformat(),
        "recorded_by_id": ctx.actor_id,
    }
    journal.add(
        action="consent.record",
        entity=Kind.CONSENT,
        entity_id=event_id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    return {
        "id": event_id,
        "chain_id": ctx.chain_id,
        "customer_id": customer_id,
        "purpose": str(purpose),
        "granted": granted,
        "at": at,
        "recorded_by_id": ctx.actor_id,
        "note": "",
        "hlc": stamp,
    }


def _award(ctx: ServiceContext, journal: BulkJournal, customer_id: str, source: PointsSource, points: int,
           *cause: str, at: datetime | None = None) -> dict[str, Any]:
    """Return the points row of a welcome or check-in award, journaled as ``points.record`` (as ``award_once``)."""
    stamp = ctx.tick()
    row, record = points_row(ctx, award_id(source, customer_id, *cause), customer_id, EntryKind.EARN, points,
                             source, "", stamp, at=at)
    journal.add(action="points.record", entity=Kind.POINTS, entity_id=row["id"], after=record,
                payload={"record": record}, hlc=stamp)
    return row


def _unlock(ctx: ServiceContext, journal: BulkJournal, customer_id: str, definition: Definition,
            points: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the row of an achievement a first check-in unlocks, journaled (and its award added to ``points``)."""
    stamp = ctx.tick()
    row, record = unlock_row(ctx, customer_id, definition, stamp)
    journal.add(action="achievement.unlock", entity="achievement_unlock", entity_id=row["id"], after=record,
                payload={"record": record}, hlc=stamp)
    if definition.points > 0:
        stamp = ctx.tick()
        award, award_record = points_row(ctx, achievement_award_id(row["id"]), customer_id, EntryKind.EARN,
                                         definition.points, PointsSource.ACHIEVEMENT, award_reason(definition),
                                         stamp, at=row["at"])
        journal.add(action="points.record", entity=Kind.POINTS, entity_id=award["id"], after=award_record,
                    payload={"record": award_record}, hlc=stamp)
        points.append(award)
    return row


def _visit(ctx: ServiceContext, journal: BulkJournal, customer_id: str, branch_id: str) -> dict[str, Any]:
    """Return the visit row of a check-in at registration at ``branch_id``, journaled as ``visit.check_in``."""
    stamp = ctx.tick()
    visit_id = uuid7()
    record = {
        "id": visit_id, "customer_id": customer_id, "at": ctx.now.isoformat(), "staff_id": ctx.actor_id,
        "branch_id": branch_id,
    }
    journal.add(
        action="visit.check_in",
        entity=Kind.VISIT,
        entity_id=visit_id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    return {
        "id": visit_id,
        "chain_id": ctx.chain_id,
        "customer_id": customer_id,
        "checked_in_at": ctx.now,
        "staff_id": ctx.actor_id,
        "device_id": ctx.device.device_id,
        "branch_id": branch_id,
        "hlc": stamp,
    }
