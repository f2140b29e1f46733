"""Customers: register, edit, delete, PDPA consent, check-in; find and read."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, delete, exists, func, insert, literal, or_, select
from sqlalchemy.orm import Session, aliased

from ..domain.changes import ChangeSet, Kind
from ..domain.customer import (
    PROFILE_FIELDS,
    AlreadyCheckedIn,
    Channel,
    ConsentPurpose,
    CustomerForm,
    CustomerProfile,
    Gender,
    validate_customer,
)
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, DuplicatePhone, NotFound
from ..domain.ids import uuid7
from ..domain.loyalty_program import clinic_day, day_start
from ..domain.phone import display_phone
from ..domain.points import PointsSource
from ..domain.referral import make_code, typed_code
from ..domain.roles import Permission
from ..domain.search import SUFFIX_MARK, customer_terms, phone_query, query_words
from ..store.models import (
    Branch,
    ConsentEvent,
    Customer,
    CustomerSearchPending,
    CustomerSearchTerm,
    DeviceState,
    Visit,
)
from .context import ServiceContext, stamp_deleted, stamp_written
from .points_ledger import award_once, loyalty_program
from .referral_links import link_referral, referrer_by_code

BANGKOK = ZoneInfo("Asia/Bangkok")


def clinic_today(now: datetime) -> date:
    """Return the date in Bangkok at ``now``."""
    return now.astimezone(BANGKOK).date()


# ---------------------------------------------------------------- writing


def live_customer(session: Session, chain_id: str, customer_id: str) -> Customer:
    """Return the customer ``customer_id`` of ``chain_id`` for a use case to change or add to.

    Raises:
        NotFound: unknown, deleted, or another chain's.
    """
    row = session.get(Customer, customer_id)
    if row is None or row.deleted_at is not None or row.chain_id != chain_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    return row


def _live_customer(ctx: ServiceContext, customer_id: str) -> Customer:
    return live_customer(ctx.session, ctx.chain_id, customer_id)


def _check_phone_free(ctx: ServiceContext, phone: str, *, except_id: str | None = None) -> None:
    query = select(Customer.id, Customer.name_th, Customer.name_en).where(
        Customer.phone == phone, Customer.deleted_at.is_(None), Customer.chain_id == ctx.chain_id
    )
    if except_id is not None:
        query = query.where(Customer.id != except_id)
    hit = ctx.session.execute(query.limit(1)).first()
    if hit is not None:
        raise phone_taken(hit.id, phone, hit.name_th or hit.name_en)


def phone_taken(customer_id: str, phone: str, name: str) -> DuplicatePhone:
    """Return the refusal of a phone that the live customer ``customer_id`` (``name``) already has."""
    return DuplicatePhone(
        QT_TRANSLATE_NOOP("errors", "{phone} already belongs to {name}"),
        existing_customer_id=customer_id,
        phone=display_phone(phone),
        name=name,
    )


def _next_referral_code(ctx: ServiceContext) -> str:
    # The counter makes codes unique on this device; the loop only guards
    # against a code that arrived by sync from a device with the same tag.
    while True:
        code = make_code(ctx.device.referral_tag, ctx.device.referral_counter)
        ctx.device.referral_counter += 1
        taken = ctx.session.execute(select(Customer.id).where(Customer.referral_code == code)).first()
        if taken is None:
            return code


def index_customer(session: Session, customer: Customer) -> None:
    """Rewrite the search terms of one customer (also used by sync's pull)."""
    session.execute(delete(CustomerSearchTerm).where(CustomerSearchTerm.customer_id == customer.id))
    # Written now: no longer waiting for the end of a bootstrap (services.search_index).
    session.execute(delete(CustomerSearchPending).where(CustomerSearchPending.customer_id == customer.id))
    if customer.deleted_at is not None:
        return
    terms = customer_terms(
        customer.name_th, customer.name_en, customer.nickname, customer.phone, customer.referral_code
    )
    if terms:
        session.execute(
            insert(CustomerSearchTerm), [{"term": t, "customer_id": customer.id} for t in terms]
        )


def _profile_record(customer: Customer) -> dict[str, Any]:
    return CustomerProfile(
        name_th=customer.name_th,
        name_en=customer.name_en,
        nickname=customer.nickname,
        phone=customer.phone,
        email=customer.email,
        line_id=customer.line_id,
        birthday=customer.birthday,
        gender=Gender(customer.gender),
        skin_notes=customer.skin_notes,
        channels=tuple(Channel(c) for c in customer.channels),
        quiet_start=customer.quiet_start,
        quiet_end=customer.quiet_end,
        opted_out=customer.opted_out,
    ).as_record()


def profile_columns(profile: CustomerProfile) -> dict[str, Any]:
    """Return the ``customers`` column values of a validated profile."""
    return {
        "name_th": profile.name_th,
        "name_en": profile.name_en,
        "nickname": profile.nickname,
        "phone": profile.phone,
        "email": profile.email,
        "line_id": profile.line_id,
        "birthday": profile.birthday,
        "gender": str(profile.gender),
        "skin_notes": profile.skin_notes,
        "channels": [str(c) for c in profile.channels],
        "quiet_start": profile.quiet_start,
        "quiet_end": profile.quiet_end,
        "opted_out": profile.opted_out,
    }


def register_customer(
    ctx: ServiceContext,
    form: CustomerForm,
    consents: Mapping[ConsentPurpose, bool] | None = None,
    *,
    referral_code: str | None = None,
) -> ChangeSet:
    """Register a new customer; result is the new customer's id.

    The new member gets the loyalty program's welcome points (a lot with an
    id derived from the customer), in the same transaction.

    Args:
        form: what was typed (validated and normalised here).
        consents: PDPA purposes the customer agreed to (or refused) now;
            each is one ``consent.record`` in the same transaction.
        referral_code: a friend's referral code the customer brought; the
            link is recorded (``referral.record``) and the friend is awarded
            when the customer pays a first visit.

    Raises:
        PermissionDenied: the actor may not register customers.
        BadInput: the form breaks a rule (see ``validate_customer``), or a
            consent purpose is unknown.
        DuplicatePhone: another customer has this phone; carries their id so
            the UI can offer to open them.
        BadInput: the referral code is malformed, mistyped or nobody's.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    decisions = known_consents(consents)
    profile = validate_customer(form, clinic_today(ctx.now))
    _check_phone_free(ctx, profile.phone)
    if referral_code:
        referrer_by_code(ctx, referral_code)  # refused before anything is written
    stamp = ctx.tick()
    customer = Customer(
        id=uuid7(),
        chain_id=ctx.chain_id,
        referral_code=_next_referral_code(ctx),
        registered_branch_id=ctx.branch_id,
        created_at=ctx.now,
        updated_at=ctx.now,
        hlc=stamp,
        field_clocks={},
        **profile_columns(profile),
    )
    ctx.session.add(customer)
    ctx.session.flush()
    index_customer(ctx.session, customer)
    record = {
        **profile.as_record(), "referral_code": customer.referral_code, "registered_branch_id": ctx.branch_id,
    }
    ctx.journal(
        action="customer.register",
        entity=Kind.CUSTOMER,
        entity_id=customer.id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    if referral_code:
        link_referral(ctx, customer.id, referral_code)
    for purpose, granted in decisions.items():
        _add_consent(ctx, customer.id, purpose, granted, "")
    award_once(ctx, customer.id, PointsSource.WELCOME, loyalty_program(ctx.session, ctx.chain_id).earn.welcome, "")
    return ctx.changes.build(result=customer.id)


def update_customer(
    ctx: ServiceContext,
    customer_id: str,
    form: CustomerForm,
    consents: Mapping[ConsentPurpose, bool] | None = None,
) -> ChangeSet:
    """Save the edit form: the profile and the consent decisions, in one transaction.

    Only profile fields that differ are written and synced (one
    ``customer.update``); each changed field gets this change's clock in
    ``field_clocks``, so two terminals editing different fields offline
    both keep their edit. Each consent decision that differs from the
    customer's current one is one ``consent.record``; a decision equal to
    the current state writes nothing. Saving an unchanged form writes
    nothing. Any refusal leaves the profile and every consent as they were.

    Args:
        customer_id: the live customer edited.
        form: what is typed in the form (validated and normalised here).
        consents: the decisions the user changed in the form (purpose ->
            given); ``None`` or empty when none.

    Raises:
        PermissionDenied: the actor may not edit customers.
        NotFound: the customer was deleted meanwhile.
        BadInput: the form breaks a rule, or a consent purpose is unknown.
        DuplicatePhone: the new phone belongs to another live customer.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    customer = _live_customer(ctx, customer_id)
    decisions = known_consents(consents)
    profile = validate_customer(form, clinic_today(ctx.now))
    old = _profile_record(customer)
    new = profile.as_record()
    changed = {f: new[f] for f in PROFILE_FIELDS if new[f] != old[f]}
    if changed:
        _update_profile(ctx, customer, profile, old, changed)
    current = current_consents(ctx.session, customer_id)
    for purpose, granted in decisions.items():
        if current.get(purpose, _NO_CONSENT).granted != granted:
            _add_consent(ctx, customer_id, purpose, granted, "")
    return ctx.changes.build(result=customer_id)


def _update_profile(
    ctx: ServiceContext, customer: Customer, profile: CustomerProfile, old: dict[str, Any], changed: dict[str, Any]
) -> None:
    if "phone" in changed:
        _check_phone_free(ctx, profile.phone, except_id=customer.id)
    stamp = ctx.tick()
    columns = profile_columns(profile)
    for f in changed:
        setattr(customer, f, columns[f])
    stamp_written(customer, changed, stamp, ctx.now)
    if changed.keys() & {"name_th", "name_en", "nickname", "phone"}:
        index_customer(ctx.session, customer)
    ctx.journal(
        action="customer.update",
        entity=Kind.CUSTOMER,
        entity_id=customer.id,
        before={f: old[f] for f in changed},
        after=changed,
        payload={"fields": changed},
        hlc=stamp,
    )


def known_consents(consents: Mapping[ConsentPurpose, bool] | None) -> dict[ConsentPurpose, bool]:
    """Return ``consents`` keyed by ``ConsentPurpose``, checked before anything is written.

    Raises:
        BadInput: a purpose that does not exist, or a decision that is not yes/no.
    """
    out: dict[ConsentPurpose, bool] = {}
    for purpose, granted in (consents or {}).items():
        known = require_known_purpose(str(purpose))
        if not isinstance(granted, bool):
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "A consent is either given or withdrawn ({purpose})"),
                purpose=str(purpose),
            )
        out[known] = granted
    return out


def delete_customer(ctx: ServiceContext, customer_id: str) -> ChangeSet:
    """Tombstone a customer: gone from search and lists, kept for the ledgers."""
    ctx.require(Permission.CUSTOMER_DELETE)
    customer = _live_customer(ctx, customer_id)
    stamp = ctx.tick()
    stamp_deleted(customer, stamp, ctx.now)
    index_customer(ctx.session, customer)
    ctx.journal(
        action="customer.delete",
        entity=Kind.CUSTOMER,
        entity_id=customer_id,
        before={"name_th": customer.name_th, "name_en": customer.name_en},
        payload={},
        hlc=stamp,
    )
    return ctx.changes.build(result=customer_id)


def _add_consent(ctx: ServiceContext, customer_id: str, purpose: ConsentPurpose, granted: bool, note: str) -> str:
    stamp = ctx.tick()
    event = ConsentEvent(
        id=uuid7(),
        chain_id=ctx.chain_id,
        customer_id=customer_id,
        purpose=str(purpose),
        granted=granted,
        at=ctx.now,
        recorded_by_id=ctx.actor_id,
        note=note,
        hlc=stamp,
    )
    ctx.session.add(event)
    # Everything the row holds travels, so a pulled consent says when and by whom.
    record = {
        "id": event.id,
        "customer_id": customer_id,
        "purpose": str(purpose),
        "granted": granted,
        "note": note,
        "at": ctx.now.isoformat(),
        "recorded_by_id": ctx.actor_id,
    }
    ctx.journal(
        action="consent.record",
        entity=Kind.CONSENT,
        entity_id=event.id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    return event.id


def record_consent(
    ctx: ServiceContext, customer_id: str, purpose: ConsentPurpose, granted: bool, note: str = ""
) -> ChangeSet:
    """Record a PDPA consent given or withdrawn; result is the event id.

    Withdrawing is one call, exactly like giving. Recording the state the
    customer is already in writes nothing.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    _live_customer(ctx, customer_id)
    purpose = ConsentPurpose(purpose)
    if current_consents(ctx.session, customer_id).get(purpose, _NO_CONSENT).granted == granted:
        return ctx.changes.build(result=None)
    return ctx.changes.build(result=_add_consent(ctx, customer_id, purpose, granted, note.strip()))


def check_in(ctx: ServiceContext, customer_id: str, *, again: bool = False) -> ChangeSet:
    """Record that the customer arrived at the counter; result is the visit id.

    A second check-in the same clinic day (Asia/Bangkok, this clinic's
    visits from any terminal that reached this one) is usually a double
    click or a second member of staff not knowing: it is refused unless the
    user confirmed it (``again=True``), so a visit is not counted twice by
    mistake.

    Raises:
        PermissionDenied: the actor may not check customers in.
        NotFound: the customer was deleted.
        AlreadyCheckedIn: checked in earlier today and ``again`` is false;
            carries the time of that check-in. Nothing is written.
    """
    ctx.require(Permission.CUSTOMER_CHECK_IN)
    _live_customer(ctx, customer_id)
    if not again:
        earlier = _checked_in_today(ctx, customer_id)
        if earlier is not None:
            raise AlreadyCheckedIn(
                QT_TRANSLATE_NOOP("errors", "Already checked in today at {time}"),
                checked_in_at=earlier,
                time=f"{earlier.astimezone(BANGKOK):%H:%M}",
            )
    stamp = ctx.tick()
    visit = Visit(
        id=uuid7(),
        chain_id=ctx.chain_id,
        customer_id=customer_id,
        checked_in_at=ctx.now,
        staff_id=ctx.actor_id,
        device_id=ctx.device.device_id,
        branch_id=ctx.branch_id,
        hlc=stamp,
    )
    ctx.session.add(visit)
    record = {
        "id": visit.id, "customer_id": customer_id, "at": ctx.now.isoformat(), "staff_id": ctx.actor_id,
        "branch_id": ctx.branch_id,
    }
    ctx.journal(
        action="visit.check_in",
        entity=Kind.VISIT,
        entity_id=visit.id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    # The day's check-in points, once a clinic day whichever terminal checks in.
    award_once(ctx, customer_id, PointsSource.CHECK_IN, loyalty_program(ctx.session, ctx.chain_id).earn.check_in,
               "", clinic_day(ctx.now), at=day_start(ctx.now))
    # Visits unlock achievements (Regular, Loyal...), in the same transaction.
    # Imported here: achievements builds on this module's customers.
    from .achievements import unlock_achievements

    unlock_achievements(ctx, customer_id)
    return ctx.changes.build(result=visit.id)


def _checked_in_today(ctx: ServiceContext, customer_id: str) -> datetime | None:
    """Return the latest check-in of ``customer_id`` at this clinic on today's Bangkok date."""
    today = clinic_today(ctx.now)
    start = datetime.combine(today, time(0), BANGKOK)
    end = start + timedelta(days=1)
    return ctx.session.execute(
        select(Visit.checked_in_at)
        .where(
            Visit.customer_id == customer_id,
            Visit.chain_id == ctx.chain_id,
            Visit.checked_in_at >= start,
            Visit.checked_in_at < end,
        )
        .order_by(Visit.checked_in_at.desc())
        .limit(1)
    ).scalar_one_or_none()


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class ConsentState:
    """The latest consent decision for one purpose."""

    purpose: ConsentPurpose
    granted: bool
    at: datetime | None
    recorded_by_id: str | None


_NO_CONSENT = ConsentState(ConsentPurpose.MARKETING, False, None, None)


@dataclass(frozen=True)
class CustomerHit:
    """One row of the customer search list."""

    id: str
    name_th: str
    name_en: str
    nickname: str
    phone: str
    referral_code: str


@dataclass(frozen=True)
class BranchName:
    """A branch as the screens name it (the English name in English, when it has one)."""

    name_th: str
    name_en: str


@dataclass(frozen=True)
class VisitLine:
    """One visit in a customer's history: when, and at which branch (None: unknown here)."""

    at: datetime
    branch: BranchName | None


# How many of a customer's latest visits the detail panel lists.
RECENT_VISITS = 10


@dataclass(frozen=True)
class CustomerDetails:
    """Everything the customer screen shows about one customer.

    ``registered_at`` is the branch the customer registered at and
    ``recent_visits`` the latest visits, newest first, each with its branch.
    A customer or visit from before branches shows the chain's original
    branch (the one whose id is the chain's).
    """

    id: str
    form: CustomerForm
    referral_code: str
    created_at: datetime
    updated_at: datetime
    consents: dict[ConsentPurpose, ConsentState]
    visit_count: int
    last_visit_at: datetime | None
    registered_at: BranchName | None = None
    recent_visits: tuple[VisitLine, ...] = ()


def _branch_names(session: Session, ids: set[str]) -> dict[str, BranchName]:
    """Return the names of the branches ``ids`` names that this terminal knows."""
    if not ids:
        return {}
    rows = session.execute(select(Branch.id, Branch.name_th, Branch.name_en).where(Branch.id.in_(sorted(ids))))
    return {r.id: BranchName(r.name_th, r.name_en) for r in rows}


def current_consents(session: Session, customer_id: str) -> dict[ConsentPurpose, ConsentState]:
    """Return the latest decision per purpose (later events win, by clock)."""
    rows = session.execute(
        select(ConsentEvent).where(ConsentEvent.customer_id == customer_id).order_by(ConsentEvent.hlc)
    ).scalars()
    out: dict[ConsentPurpose, ConsentState] = {}
    for e in rows:
        out[ConsentPurpose(e.purpose)] = ConsentState(ConsentPurpose(e.purpose), e.granted, e.at, e.recorded_by_id)
    return out


def form_of(customer: Customer) -> CustomerForm:
    """Return the edit form filled with a stored customer's values."""
    return CustomerForm(
        name_th=customer.name_th,
        name_en=customer.name_en,
        nickname=customer.nickname,
        phone=display_phone(customer.phone),
        email=customer.email,
        line_id=customer.line_id,
        birthday=customer.birthday,
        gender=Gender(customer.gender),
        skin_notes=customer.skin_notes,
        channels=tuple(Channel(c) for c in customer.channels),
        quiet_start=customer.quiet_start,
        quiet_end=customer.quiet_end,
        opted_out=customer.opted_out,
    )


def get_customer(session: Session, customer_id: str) -> CustomerDetails:
    """Return one live customer with consents and visit summary.

    Raises:
        NotFound: unknown or deleted.
    """
    c = session.get(Customer, customer_id)
    if c is None or c.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    count = session.execute(select(func.count(Visit.id)).where(Visit.customer_id == customer_id)).scalar_one()
    recent = session.execute(
        select(Visit.checked_in_at, Visit.branch_id, Visit.chain_id)
        .where(Visit.customer_id == customer_id)
        .order_by(Visit.checked_in_at.desc())
        .limit(RECENT_VISITS)
    ).all()
    # Null: made before branches, at the branch whose id is the chain's.
    registered_id = c.registered_branch_id or c.chain_id
    names = _branch_names(session, {registered_id} | {v.branch_id or v.chain_id for v in recent})
    return CustomerDetails(
        id=c.id,
        form=form_of(c),
        referral_code=c.referral_code,
        created_at=c.created_at,
        updated_at=c.updated_at,
        consents=current_consents(session, customer_id),
        visit_count=int(count),
        last_visit_at=recent[0].checked_in_at if recent else None,
        registered_at=names.get(registered_id),
        recent_visits=tuple(VisitLine(v.checked_in_at, names.get(v.branch_id or v.chain_id)) for v in recent),
    )


def _prefix_range(word: str, term: Any = CustomerSearchTerm.term) -> Any:
    # A range on the primary key (term, customer_id) instead of LIKE: it is
    # exact for any script and always uses the index.
    return and_(term >= word, term < word + "\U0010ffff")


# Above this many matching terms a search walks the term index in order
# rather than sorting every candidate by name (see search_customers).
_MANY_CANDIDATES = 1_000


def _has_term(condition: Any) -> Any:
    return exists().where(CustomerSearchTerm.customer_id == Customer.id, condition)


def search_customers(session: Session, query: str, *, limit: int = 50) -> list[CustomerHit]:
    """Find live customers as the user types.

    Every word of the query must be the start of a word of the customer's
    Thai or English name or nickname, of their phone number (any format,
    3+ digits; 4+ digits also match the end of the number) or of their
    referral code. Ranking: exact phone, referral code or whole word first,
    then customers whose name (Thai, English or nickname) starts with the
    first word typed, then the other matches, each group by name. When
    thousands match (a first letter), the name-start group comes from the
    Thai-name index and the rest from the term index, in order, so nothing
    sorts them all. An empty query returns the most recently changed
    customers.
    """
    words = query_words(query)
    hits = select(
        Customer.id, Customer.name_th, Customer.name_en, Customer.nickname, Customer.phone, Customer.referral_code
    ).where(Customer.deleted_at.is_(None))
    if not words:
        rows = session.execute(hits.order_by(Customer.updated_at.desc()).limit(limit)).all()
        return [CustomerHit(*r) for r in rows]

    digits = phone_query(query)
    if digits is not None:
        driving = [digits] + ([SUFFIX_MARK + digits[::-1]] if len(digits) >= 4 else [])
        rest: list[str] = []
        exact_terms = [digits]
    else:
        # The longest word is usually the most selective: start from it.
        ordered = sorted(words, key=len, reverse=True)
        driving, rest = ordered[:1], ordered[1:]
        exact_terms = words
    first = select(CustomerSearchTerm.customer_id).where(or_(*(_prefix_range(w) for w in driving)))
    exact_ids = select(CustomerSearchTerm.customer_id).where(CustomerSearchTerm.term.in_(exact_terms))
    many = session.execute(
        select(func.count()).select_from(first.limit(_MANY_CANDIDATES).subquery())
    ).scalar_one()
    if many < _MANY_CANDIDATES:
        candidates = first.distinct().subquery()
        query_rows = hits.join(candidates, candidates.c.customer_id == Customer.id)
        for word in rest:
            query_rows = query_rows.where(_has_term(_prefix_range(word)))
        # Staff typing "สม" look for Somchai before Mr. Piyanuch Sompong:
        # exact phone/code/word, then names that start with what was typed
        # (a phone number that starts with the digits), then the rest.
        if digits is not None:
            starts: Any = _has_term(_prefix_range(digits))
        else:
            starts = or_(
                Customer.name_th.startswith(words[0], autoescape=True),
                Customer.name_en.startswith(words[0], autoescape=True),  # LIKE: ASCII case-insensitive
                Customer.nickname.startswith(words[0], autoescape=True),
            )
        rank = case((Customer.id.in_(exact_ids), literal(0)), (starts, literal(1)), else_=literal(2))
        rows = session.execute(
            query_rows.order_by(rank, Customer.name_th, Customer.name_en).limit(limit)
        ).all()
        return [CustomerHit(*r) for r in rows]

    # Thousands of candidates (one letter typed, or the device tag that
    # starts every referral code of this terminal): sorting them all by name
    # made a keystroke take most of a second on 100,000 customers. Walk the
    # term index in order instead and stop at ``limit`` customers: exact
    # matches come first (an exact term sorts first in its prefix range),
    # then by the word that matched, then by name.
    matched = aliased(CustomerSearchTerm)
    # One walk per prefix range (4+ phone digits drive two: the start and
    # the end of the number). Both ranges in one query made SQLite gather
    # and sort every match of either: 25 ms for "0812" at 1,000,000
    # customers. Each walk stops at its LIMIT, and the first rows of the
    # whole are among the first rows of each (merged below).
    walks = [
        hits.add_columns(matched.term)
        .join(matched, matched.customer_id == Customer.id)
        .where(_prefix_range(w, matched.term))
        .where(*(_has_term(_prefix_range(word)) for word in rest))
        .order_by(matched.term, Customer.name_th, Customer.name_en)
        for w in driving
    ]
    # A customer matches on several terms ("สมหญิง", "สมหญิงใจดี"): keep the
    # first. Fetch a few rows per wanted customer (ORM results are read
    # whole, so the LIMIT is what stops the walk), more if that was short.
    found: dict[str, CustomerHit] = {}
    if digits is None:
        # Exact words first, then Thai names that start with what was typed,
        # walked in name order on the (chain_id, name_th) index; the term
        # walk below fills up the rest.
        for row in session.execute(hits.where(Customer.id.in_(exact_ids)).limit(limit)).all():
            found.setdefault(row.id, CustomerHit(*row))
        chain_ids = session.execute(select(DeviceState.chain_id)).scalars().all()
        starts = (
            hits.where(Customer.chain_id.in_(chain_ids))
            .where(_prefix_range(words[0], Customer.name_th))
            .where(*(_has_term(_prefix_range(word)) for word in words[1:]))
            .order_by(Customer.chain_id, Customer.name_th, Customer.name_en)
            .limit(limit)
        )
        for row in session.execute(starts).all():
            found.setdefault(row.id, CustomerHit(*row))
        if len(found) >= limit:
            return list(found.values())[:limit]
    fetch = limit * 4
    while True:
        per_walk = [session.execute(walk.limit(fetch)).all() for walk in walks]
        # Term order, then name, as one ORDER BY over both ranges would give
        # (Python compares str by code point, SQLite's BINARY by UTF-8
        # bytes: the same order). Each walk's rows are in that order already;
        # past the last row of a walk that was cut by its LIMIT, that walk
        # may have rows still to come, so the merge stops there.
        cut = [_walk_key(r[-1]) for r in per_walk if len(r) >= fetch]
        bound = min(cut) if cut else None
        walked = dict(found)
        for row in heapq.merge(*per_walk, key=_walk_key):
            if bound is not None and _walk_key(row) > bound:
                break
            walked.setdefault(row.id, CustomerHit(*row[:6]))
        if len(walked) >= limit or bound is None:
            return list(walked.values())[:limit]
        fetch *= 4


def _walk_key(row: Any) -> tuple[str, str, str]:
    return (row.term, row.name_th, row.name_en)


def find_by_phone(session: Session, phone_e164: str) -> str | None:
    """Return the id of the live customer with this phone, if any."""
    return session.execute(
        select(Customer.id).where(Customer.phone == phone_e164, Customer.deleted_at.is_(None)).limit(1)
    ).scalar_one_or_none()


def find_by_referral_code(session: Session, typed: str) -> str | None:
    """Return the id of the live customer whose referral code ``typed`` is, if any.

    ``typed`` may be in any case, with spaces or dashes (as read aloud, or
    as a barcode scanner types a member QR, also with the keyboard set to
    Thai); text that is no valid code (wrong length, a typo the check
    character catches) finds no one.
    """
    code = typed_code(typed)
    if code is None:
        return None
    return session.execute(
        select(Customer.id).where(Customer.referral_code == code, Customer.deleted_at.is_(None)).limit(1)
    ).scalar_one_or_none()


def count_customers(session: Session) -> int:
    """Return how many live customers there are."""
    return int(session.execute(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))).scalar_one())


def require_known_purpose(purpose: str) -> ConsentPurpose:
    """Return ``purpose`` as a ConsentPurpose or raise ``BadInput``."""
    try:
        return ConsentPurpose(purpose)
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Unknown consent purpose {purpose}"), purpose=purpose) from None
