"""A member's points: awards, adjustments, the daily jobs, tiers, the statement a screen shows.

The ledger's rules are ``domain.points`` and the program's
``domain.loyalty_program``; this module writes the ledger's rows
(``points_entries``, ``points_expiries``, ``tier_changes``, all
append-only and synced chain-wide) and reads them back folded. Welcome and
check-in points are awarded by registration and check-in themselves
(``customers``); purchase points by the counter; rewards by ``rewards``.

The daily jobs (``run_daily_jobs``: expiry, birthdays, tier changes) run
on start-up and daily on every terminal, and from ``bnaura loyalty
expire``. Every row they write has an id derived from its cause, so any
terminal of the chain may run them first and the others' runs merge into
the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.loyalty_program import (
    Earned,
    LoyaltyProgram,
    Qualification,
    clinic_day,
    day_start,
    month_start,
    next_tier,
    qualifying_points,
    taken_back,
    tier_at,
    tier_change_id,
    tier_period,
)
from ..domain.phone import display_phone, normalise_thai_mobile
from ..domain.points import (
    LOT_MONTHS,
    EntryKind,
    PointsSource,
    Statement,
    Tier,
    add_months,
    adjustment_reason,
    expiry_id,  # noqa: F401  (callers and tests read it here)
    )
from ..domain.referral import display_code, normalise_code
from ..domain.roles import Permission
from ..store.models import Customer, PointsEntry, Referral, TierChange
from ..store.types import utc_from_text
from .achievements import unlock_achievements
from .context import ServiceContext
from .customers import live_customer
from .daily_jobs import award_birthdays_due, expire_due, record_lifetime_tiers, recorded_order
from .points_folds import Row, fold_rows, ledger_rows, member_statement
from .points_ledger import award_once, loyalty_program, record_points
from .referral_links import link_referral


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
    text = adjustment_reason(delta, reason)
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    kind = EntryKind.EARN if delta > 0 else EntryKind.SPEND
    entry = record_points(ctx, customer.id, kind, abs(delta), PointsSource.ADJUSTMENT, text)
    note_tier(ctx, customer.id)
    return ctx.changes.build(result=entry)


def record_review(ctx: ServiceContext, customer_id: str) -> ChangeSet:
    """Award the program's review points for a review the customer left; result is the entry id.

    Once a clinic day per customer (a second review the same day, on any
    terminal, adds nothing); None when the program gives 0 points.

    Raises:
        PermissionDenied: the actor may not edit customers.
        NotFound: the customer was deleted.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    points = loyalty_program(ctx.session, ctx.chain_id).earn.review
    entry = award_once(ctx, customer.id, PointsSource.REVIEW, points, "", clinic_day(ctx.now), at=day_start(ctx.now))
    unlock_achievements(ctx, customer.id)  # reviews unlock achievements (First Review...)
    note_tier(ctx, customer.id)
    return ctx.changes.build(result=entry)


def record_referral(ctx: ServiceContext, customer_id: str, referral_code: str) -> ChangeSet:
    """Record that the friend with ``referral_code`` referred this customer; result is the friend's id.

    For a code the customer brings after registering (at registration,
    ``customers.register_customer`` takes it). The friend is awarded when
    the customer pays a first visit (``award_referral``).

    Raises:
        PermissionDenied: the actor may not edit customers.
        NotFound: the customer was deleted.
        BadInput: the code is malformed, mistyped, nobody's or the
            customer's own, or the customer was already referred.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    return ctx.changes.build(result=link_referral(ctx, customer.id, referral_code))


def award_referral(ctx: ServiceContext, referred_id: str) -> str | None:
    """Award the referrer of ``referred_id`` the program's referral points; return the entry id.

    A building block of the counter, called when the referred customer
    pays a first visit: once per referral whichever terminal sells (the
    entry's id is derived from the referral). None when nobody referred
    the customer, the referrer was deleted, or the program gives 0.
    """
    link = ctx.session.scalars(select(Referral).where(Referral.referred_id == referred_id)).first()
    if link is None:
        return None
    referrer = ctx.session.get(Customer, link.referrer_id)
    if referrer is None or referrer.deleted_at is not None:
        return None
    points = loyalty_program(ctx.session, ctx.chain_id).earn.referral
    # From the referral's moment: every terminal that sells to the friend first makes the same entry.
    entry = award_once(ctx, referrer.id, PointsSource.REFERRAL, points, "", link.id, at=link.at)
    note_tier(ctx, referrer.id)
    return entry


def expire_points(ctx: ServiceContext) -> ChangeSet:
    """Expire every lot past its time that has no expiry yet; result is how many.

    Idempotent, and the same on every terminal: an expiry's id is derived
    from its lot, so terminals running the job offline make the same
    rows, and a second run finds nothing to do. An expiry takes what the
    fold finds left of the lot (possibly nothing: it still marks the lot
    done). Runs on start-up and daily (``bnaura loyalty expire`` too).
    """
    return ctx.changes.build(result=_expire(ctx))


def _expire(ctx: ServiceContext) -> int:
    # In batches, looking only at what fell due or arrived since the last run (daily_jobs).
    return expire_due(ctx)


def award_birthdays(ctx: ServiceContext) -> ChangeSet:
    """Award the program's birthday points to every member born this month; result is how many.

    Once a year per member (the entry's id is derived from the member and
    the year), whichever terminal runs it first; a member whose birthday
    is added later in the month still gets them on the next run.
    """
    return ctx.changes.build(result=_birthdays(ctx))


def _birthdays(ctx: ServiceContext) -> int:
    points = loyalty_program(ctx.session, ctx.chain_id).earn.birthday
    if points <= 0:
        return 0
    return award_birthdays_due(ctx, points)


def _earned(session: Session, customer_ids: list[str] | None, since: datetime | None) -> dict[str, list[Earned]]:
    """Return what tiers count of ``customer_ids`` (every member: None), after ``since`` when given.

    Each member's earned lots, and the points refunds took back
    (``taken_back``); members with neither are absent.
    """
    query = select(PointsEntry.customer_id, PointsEntry.at, PointsEntry.points, PointsEntry.kind).where(
        or_(PointsEntry.kind == str(EntryKind.EARN),
            and_(PointsEntry.kind == str(EntryKind.SPEND), PointsEntry.source == str(PointsSource.REFUND)))
    )
    if customer_ids is not None:
        query = query.where(PointsEntry.customer_id.in_(customer_ids))
    if since is not None:
        query = query.where(PointsEntry.at > since)
    lots: dict[str, list[Earned]] = defaultdict(list)
    earn = str(EntryKind.EARN)
    for customer_id, at, points, kind in session.execute(query):
        lots[customer_id].append(Earned(at, points) if kind == earn else taken_back(at, points))
    return lots


def _recorded_tiers(session: Session, customer_ids: list[str] | None) -> dict[str, str]:
    """Return each member's tier as last recorded (members with no change recorded are absent).

    The changes of a month are all dated its start: the last is the one
    written last (by clock; ``recorded_order``).
    """
    query = select(TierChange.customer_id, TierChange.to_tier).order_by(*recorded_order())
    if customer_ids is not None:
        query = query.where(TierChange.customer_id.in_(customer_ids))
    return {customer_id: tier for customer_id, tier in session.execute(query)}


def _tiers_now(session: Session, program: LoyaltyProgram, customer_ids: list[str], now: datetime) -> dict[str, Tier]:
    """Return the tier at ``now`` of each of ``customer_ids`` that earned points (or had them taken back)."""
    # Rolling tiers look back 12 months from the start of this month.
    since = None if program.qualification is Qualification.LIFETIME else add_months(now, -LOT_MONTHS - 1)
    tiers: dict[str, Tier] = {}
    for start in range(0, len(customer_ids), _CHUNK):
        chunk = customer_ids[start:start + _CHUNK]
        tiers.update((c, tier_at(lots, program, now)) for c, lots in _earned(session, chunk, since).items())
    return tiers


def tiers_now(session: Session, chain_id: str, customer_ids: Iterable[str], now: datetime) -> dict[str, Tier]:
    """Return the tier at ``now`` of each of ``customer_ids`` (members who never earned: the lowest tier).

    The tier ``points_summary`` gives one member, for many at once: the
    program is read once and the points in a few grouped queries (a queue
    or list showing many customers' tiers).
    """
    program = loyalty_program(session, chain_id)
    wanted = sorted(set(customer_ids))
    tiers = _tiers_now(session, program, wanted, now)
    lowest = tier_at((), program, now)
    return {c: tiers.get(c, lowest) for c in wanted}


def _above_lowest(session: Session, program: LoyaltyProgram, now: datetime) -> list[str]:
    """Return the members whose points may put them above the lowest tier now (one grouped query).

    A superset: it sums what was earned, leaving out what refunds took
    back (which only lowers a sum); on rolling qualification everything
    earned since 12 months before the start of the month, the longest
    window a tier of this month looks at.
    """
    if len(program.tiers) < 2:
        return []
    query = select(PointsEntry.customer_id).where(PointsEntry.kind == str(EntryKind.EARN))
    if program.qualification is Qualification.ROLLING:
        query = query.where(PointsEntry.at > add_months(now, -LOT_MONTHS - 1))
    query = query.group_by(PointsEntry.customer_id).having(func.sum(PointsEntry.points) >= program.tiers[1].threshold)
    return list(session.scalars(query))


_CHUNK = 900  # values per IN (...): under the 999 bound parameters of older SQLite builds


def _write_tier_change(ctx: ServiceContext, program: LoyaltyProgram, customer_id: str, before: str,
                       after: str) -> bool:
    period = tier_period(ctx.now)
    change_id = tier_change_id(customer_id, before, after, period)
    # Dated the month's start, as its id: every terminal recording it makes the same row.
    at = month_start(ctx.now)
    if ctx.session.get(TierChange, change_id) is not None:
        return False
    stamp = ctx.tick()
    basis = str(program.qualification)
    ctx.session.add(TierChange(id=change_id, chain_id=ctx.chain_id, customer_id=customer_id, from_tier=before,
                               to_tier=after, period=period, basis=basis, at=at, hlc=stamp))
    record = {"id": change_id, "customer_id": customer_id, "from_tier": before, "to_tier": after, "period": period,
              "basis": basis, "at": at.isoformat()}
    ctx.journal(action="tier.change", entity="tier_change", entity_id=change_id, after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    return True


def _record_tiers(ctx: ServiceContext, customer_ids: list[str] | None, program: LoyaltyProgram | None = None) -> int:
    """Record the tier changes of ``customer_ids`` (every member: None); return how many.

    ``program``: the chain's loyalty program when the caller already read
    it in this transaction (None: read it here).
    """
    if program is None:
        program = loyalty_program(ctx.session, ctx.chain_id)
    if customer_ids is None and program.qualification is Qualification.LIFETIME:
        # Every member, at a chain's size: sums in SQL, only what changed since the last run (daily_jobs).
        return record_lifetime_tiers(ctx, program)
    lowest = program.tiers[0].key
    recorded = _recorded_tiers(ctx.session, customer_ids)
    wanted = customer_ids if customer_ids is not None else _above_lowest(ctx.session, program, ctx.now)
    candidates = sorted(set(wanted) | set(recorded))
    tiers = _tiers_now(ctx.session, program, candidates, ctx.now)
    count = 0
    for start in range(0, len(candidates), _CHUNK):
        chunk = candidates[start:start + _CHUNK]
        live = _live(ctx.session, chunk)
        for customer_id in chunk:
            before = recorded.get(customer_id, lowest)
            after = tiers[customer_id].key if customer_id in tiers else lowest
            if customer_id in live and after != before and _write_tier_change(ctx, program, customer_id, before,
                                                                              after):
                count += 1
    return count


def _live(session: Session, customer_ids: list[str]) -> set[str]:
    """Return those of ``customer_ids`` not deleted."""
    if len(customer_ids) == 1:
        # One member (an award, a sale): by primary key, from the session
        # when the use case holds the member's row, as it usually does.
        customer = session.get(Customer, customer_ids[0])
        return {customer.id} if customer is not None and customer.deleted_at is None else set()
    return set(session.scalars(select(Customer.id).where(Customer.id.in_(customer_ids), Customer.deleted_at.is_(None))))


def note_tier(ctx: ServiceContext, customer_id: str, program: LoyaltyProgram | None = None) -> None:
    """Record the member's tier change, if their points just moved them (a building block of awards, refunds).

    Up with earned points; down, at once, when a refund took back the
    points that reached the tier (on lifetime points; on the last 12
    months a member keeps a tier until the month's end).

    ``program``: the chain's loyalty program as the caller read it in this
    transaction (``points_ledger.loyalty_program``), so that a use case
    parses it once; None: read it here.
    """
    _record_tiers(ctx, [customer_id], program)


def record_tier_changes(ctx: ServiceContext) -> ChangeSet:
    """Record every member whose tier is not the one last recorded; result is how many changed.

    On rolling qualification this is where tiers fall (at a month's end);
    a refund's fall on lifetime points is recorded by the refund itself
    (``note_tier``), and here when the refund was pulled from another
    terminal. A change's id is derived from the member, both tiers and the
    month, so terminals running the job offline record it once (and a move
    already recorded this month is not recorded again: see ``recorded_order``).
    """
    return ctx.changes.build(result=_record_tiers(ctx, None))


@dataclass(frozen=True)
class DailyReport:
    """What the daily loyalty jobs did."""

    expired: int  # lots expired
    birthdays: int  # members given birthday points
    tier_changes: int  # members whose tier changed


def run_daily_jobs(ctx: ServiceContext) -> ChangeSet:
    """Run the expiry, birthday and tier jobs now; result is a ``DailyReport``.

    What the app does on start-up and daily, and ``bnaura loyalty expire``
    does on demand. Idempotent: a second run the same day does nothing.
    """
    report = DailyReport(_expire(ctx), _birthdays(ctx), _record_tiers(ctx, None))
    return ctx.changes.build(result=report)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class PointsSummary:
    """What the loyalty panel shows of a member's points at a moment."""

    statement: Statement
    tier: Tier
    expiring_soon: int  # points that expire within 30 days
    # Points that count towards a tier now (lifetime, or the last 12 months),
    # less what refunds took back.
    qualifying: int = 0
    next_tier: Tier | None = None  # the tier above, None at the top

    @property
    def balance(self) -> int:
        return self.statement.balance

    @property
    def to_next_tier(self) -> int:
        """Points still to earn to reach the next tier (0 at the top)."""
        return max(0, self.next_tier.threshold - self.qualifying) if self.next_tier else 0

    @property
    def blocked(self) -> bool:
        """Whether redemptions are blocked: the balance is negative (points spent twice offline)."""
        return self.statement.balance < 0


_KINDS = {0: EntryKind.EARN, 1: EntryKind.SPEND, 2: EntryKind.EXPIRE}


def _summary(statement: Statement, program: LoyaltyProgram, now: datetime) -> PointsSummary:
    soon = statement.expiring_within(now + timedelta(days=30))
    # The lots are the earned entries up to ``now``, all that tiers count
    # with the refunds' take-backs; not all of them need be told to ``tier_at``.
    if program.qualification is Qualification.LIFETIME:
        # Lifetime points are one sum: earned, less what refunds took back.
        earned = [Earned(now, statement.lifetime_earned - statement.refunded)]
    else:
        # A tier this month counts the 12 months (at most 366 days) before a
        # moment of this month (from its 1st, Asia/Bangkok, at most 31 days
        # ago): nothing earned or taken back 400 days ago counts.
        since = now - timedelta(days=400)
        earned = [Earned(lot.earned_at, lot.points) for lot in statement.lots if lot.earned_at > since]
        earned += [taken_back(t.at, t.points) for t in statement.taken_back if t.at > since]
    tier = tier_at(earned, program, now)
    qualifying = qualifying_points(earned, now, program.qualification)
    return PointsSummary(statement, tier, soon, qualifying, next_tier(tier, program))


def points_summary(session: Session, customer_id: str, now: datetime,
                   program: LoyaltyProgram | None = None) -> PointsSummary:
    """Return a member's balance, tier, progress to the next and points expiring within 30 days at ``now``.

    ``program``: the chain's loyalty program when the caller already read
    it in this session (None: read it here, from the member's chain).
    """
    if program is None:
        customer = session.get(Customer, customer_id)
        program = loyalty_program(session, customer.chain_id) if customer is not None else LoyaltyProgram()
    return _summary(member_statement(session, customer_id, now), program, now)


@dataclass(frozen=True)
class LedgerLine:
    """One line of a member's statement: what happened, how many points, why, until when."""

    entry_id: str
    at: datetime
    kind: EntryKind
    source: str  # a PointsSource, or "" for an expiry
    points: int  # signed: earned +, spent and expired -
    reason: str
    expires_at: datetime | None  # an earned lot's expiry
    left: int | None  # what is left of an earned lot now (None for spends and expiries)


def _lines(rows: list[Row], statement: Statement) -> list[LedgerLine]:
    """Return the lines of ledger ``rows`` (with reasons) oldest first, as ``statement`` folded them."""
    lots = {lot.id: lot for lot in statement.lots}
    lines: list[LedgerLine] = []
    # Oldest first, then by id (text order is time order).
    for at, rank, entry_id, points, expires_at, lot_id, source, reason in sorted(rows, key=itemgetter(0, 2)):
        kind = _KINDS[rank]
        if kind is EntryKind.EXPIRE:
            lot = lots.get(lot_id or "")
            lines.append(LedgerLine(entry_id, utc_from_text(at), kind, "", -(lot.expired if lot else 0), "", None,
                                    None))
            continue
        earned = kind is EntryKind.EARN
        lot = lots.get(entry_id) if earned else None
        lines.append(LedgerLine(entry_id, utc_from_text(at), kind, source, points if earned else -points, reason,
                                utc_from_text(expires_at) if expires_at is not None else None,
                                lot.left if lot else None))
    return lines


def member_points(session: Session, customer_id: str, program: LoyaltyProgram,
                  now: datetime) -> tuple[PointsSummary, list[LedgerLine]]:
    """Return ``points_summary`` and ``ledger_lines`` of a member at ``now`` from one read of the ledger.

    ``program``: the chain's loyalty program (``points_ledger.loyalty_program``),
    which the caller has read already.
    """
    rows = ledger_rows(session, customer_id, reasons=True)
    summary = _summary(fold_rows(rows, now), program, now)
    return summary, _lines(rows, summary.statement)


def ledger_lines(session: Session, customer_id: str, now: datetime) -> list[LedgerLine]:
    """Return a member's statement lines, oldest first, as the fold sees them at ``now``."""
    rows = ledger_rows(session, customer_id, reasons=True)
    return _lines(rows, fold_rows(rows, now))


def find_member(session: Session, chain_id: str, text: str) -> str:
    """Return the live member whose phone (any common format) or referral code ``text`` is.

    Raises:
        BadInput: ``text`` is neither a phone nor a referral code (a
            mistyped code says so), or no live customer has it.
    """
    try:
        phone = normalise_thai_mobile(text)
    except BadInput:
        phone = None
    if phone is not None:
        found = session.scalars(select(Customer.id).where(
            Customer.chain_id == chain_id, Customer.phone == phone, Customer.deleted_at.is_(None))).first()
        if found is None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "No customer has the phone {phone}"), field="member",
                           phone=display_phone(phone))
        return found
    code = normalise_code(text)
    found = session.scalars(select(Customer.id).where(
        Customer.chain_id == chain_id, Customer.referral_code == code, Customer.deleted_at.is_(None))).first()
    if found is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "No customer has the referral code {code}"), field="member",
                       code=display_code(code))
    return found
