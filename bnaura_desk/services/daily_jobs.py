"""The daily loyalty jobs at a chain's size: expiry, birthdays and lifetime tiers, in bounded batches.

A chain's terminal holds about a million members and twenty million
points entries (bench/RESULTS.md, "Nightly loyalty jobs"). Loading every
due lot, every earned lot of every member above the lowest tier, or an
ORM object per written row, did not fit the night's five minutes and
500 MB. Here:

- what is due is read in batches of ``BATCH`` in the order the jobs have
  always written it, and each batch's rows and journal are written with
  one statement per table (``BulkJournal``, ``insert_rows``): the same
  rows, ids, clocks and operations as one ``ctx.journal`` per row;
- a job notes how far it looked (``LoyaltyJobMark``, local): the next run
  looks only at rows added since and at lots that fell due since, so a
  night with nothing to do reads little. Every row added since is looked
  at whatever its dates, so a lot pulled late with an old expiry still
  gets its expiry; a file whose rows were renumbered, a program changed
  or a clock moved back makes the job look at everything, as before;
- lifetime tiers are sums in SQL, never the lots themselves: what was
  earned, less what refunds took back (``QUALIFYING``, ``SIGNED``).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, delete, func, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..domain.changes import Kind
from ..domain.loyalty_program import (
    BANGKOK,
    LoyaltyProgram,
    award_id,
    month_start,
    tier_change_id,
    tier_period,
)
from ..domain.points import EntryKind, PointsSource, expiry_id, tier_for
from ..store.fast_insert import bulk_writing, insert_rows, table_of
from ..store.models import Customer, LoyaltyJobMark, PointsEntry, PointsExpiry, TierChange
from .bulk_journal import BulkJournal
from .context import ServiceContext
from .points_ledger import points_row

BATCH = 10_000  # rows read and written at a time: memory stays bounded whatever is due
CHUNK = 900  # values per IN (...): under the 999 bound parameters of older SQLite builds
# More rows added since the last run than this: one pass over everything is cheaper than two streams.
SINCE_LIMIT = 2_000_000
# More members changed than this: the change set says "many members" instead of naming them.
NAMED_MEMBERS = 10_000
# SQLite's page cache while a job runs, in KiB: a catch-up writes a million expiries into indexes
# with random keys (ids derived by hashing); with the default 2 MB nearly every insert reads its
# leaf page again from the file. Well inside the night's 500 MB.
JOB_PAGE_CACHE_KIB = 128 * 1024

_STORED = "%Y-%m-%dT%H:%M:%S.%fZ"  # UtcDateTime's text, which sorts by time

# The ledger rows a tier counts (``domain.loyalty_program.qualifying_points``):
# earned lots, and the spends that took back what a refunded sale had
# earned; ``SIGNED`` is what one such row adds to the sum.
QUALIFYING = "(kind = 'earn' OR (kind = 'spend' AND source = 'refund'))"
SIGNED = "CASE kind WHEN 'earn' THEN points ELSE -points END"
_PAST_EVERY_ID = "\U0010ffff"


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STORED)


def _moment(stored: str) -> datetime:
    return datetime.strptime(stored, _STORED).replace(tzinfo=UTC)


class _Members:
    """Notes the members a job changed in the change set, or "many" past ``NAMED_MEMBERS``."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.count = 0

    def add(self, customer_id: str) -> None:
        self.count += 1
        if self.count <= NAMED_MEMBERS:
            self.ctx.changes.add(Kind.CUSTOMER, customer_id)
        elif self.count == NAMED_MEMBERS + 1:
            self.ctx.changes.add_many(Kind.CUSTOMER)


# ---------------------------------------------------------------- marks


def _last_row(session: Session, table: str) -> tuple[int, str]:
    """Return the rowid and id of ``table``'s last row ((0, "") when empty)."""
    row = session.execute(text(f"SELECT rowid, id FROM {table} ORDER BY rowid DESC LIMIT 1")).first()
    return (0, "") if row is None else (int(row[0]), str(row[1]))


def _still(session: Session, table: str, rowid: int, row_id: str) -> bool:
    """Return whether ``table``'s row ``rowid`` still has the id it had (rowids were not renumbered)."""
    if rowid == 0:
        return True
    found = session.execute(text(f"SELECT id FROM {table} WHERE rowid = :r"), {"r": rowid}).scalar()
    return found == row_id


def _mark(session: Session, job: str) -> LoyaltyJobMark | None:
    """Return the job's mark if it can be trusted (its rows still where they were)."""
    mark = session.get(LoyaltyJobMark, job)
    if mark is None:
        return None
    if not (_still(session, "points_entries", mark.entries_rowid, mark.entries_id)
            and _still(session, "tier_changes", mark.changes_rowid, mark.changes_id)
            and _still(session, "customers", mark.customers_rowid, mark.customers_id)):
        return None
    return mark


def _set_mark(session: Session, job: str, now: datetime, entries: tuple[int, str],
              changes: tuple[int, str] = (0, ""), customers: tuple[int, str] = (0, ""), basis: str = "") -> None:
    mark = session.get(LoyaltyJobMark, job)
    if mark is None:
        mark = LoyaltyJobMark(job=job)
        session.add(mark)
    mark.entries_rowid, mark.entries_id = entries
    mark.changes_rowid, mark.changes_id = changes
    mark.customers_rowid, mark.customers_id = customers
    mark.basis, mark.ran_at = basis, now


# ---------------------------------------------------------------- expiry

_DUE = (
    "SELECT e.expires_at, e.id, e.customer_id FROM points_entries e {hint} "
    "WHERE e.kind = 'earn' AND e.expires_at <= :now AND (e.expires_at, e.id) > (:last_at, :last_id) {extra} "
    "AND NOT EXISTS (SELECT 1 FROM points_expiries x WHERE x.lot_id = e.id) "
    "ORDER BY e.expires_at, e.id LIMIT :n"
)


def _due(session: Session, now: str, extra: str = "", *, after: str = "", by_rowid: bool = False,
         **bounds: Any) -> Iterator[tuple[str, str, str]]:
    """Yield the lots due at ``now`` with no expiry, by (expiry, id), read ``BATCH`` at a time.

    ``after``: only lots expiring after that moment (stored text);
    ``extra`` narrows the lots looked at (a range of rowids);
    ``by_rowid``: a few recent rows, read by their rowid rather than
    through the expiry index (which would walk every expired lot).
    Each batch is read whole before any is written, so no cursor is open
    while the caller writes.
    """
    sql = text(_DUE.format(hint="NOT INDEXED" if by_rowid else "", extra=extra))
    # Past every lot expiring at ``after`` (every id sorts before U+10FFFF): one lower bound, so
    # SQLite walks the expiry index from there.
    last = (after, _PAST_EVERY_ID) if after else ("", "")
    while True:
        rows = session.execute(sql, {"now": now, "last_at": last[0], "last_id": last[1], "n": BATCH,
                                     **bounds}).all()
        for expires, lot_id, customer_id in rows:
            yield str(expires), str(lot_id), str(customer_id)
        if len(rows) < BATCH:
            return
        last = (str(rows[-1][0]), str(rows[-1][1]))


def expire_due(ctx: ServiceContext) -> int:
    """Expire every lot past its time that has no expiry yet, oldest expiry first; return how many.

    What ``loyalty.expire_points`` promises, row for row: an expiry per due
    lot, dated its lot's expiry, its id derived from the lot, journaled as
    ``points.expire``, in the order (expiry, lot id).
    """
    with bulk_writing(ctx.session, JOB_PAGE_CACHE_KIB):
        return _expire_due(ctx)


def _expire_due(ctx: ServiceContext) -> int:
    session = ctx.session
    now = _text(ctx.now)
    top = _last_row(session, "points_entries")
    mark = _mark(session, "expiry")
    if mark is None or top[0] - mark.entries_rowid > SINCE_LIMIT:
        due: Iterator[tuple[str, str, str]] = _due(session, now)
    else:
        # Rows seen by the last run were done up to its time: only those due since. Rows added
        # since (pulled, perhaps long expired): all of them. Merged in the order of one query.
        seen = _due(session, now, "AND +e.rowid <= :seen", after=_text(mark.ran_at), seen=mark.entries_rowid)
        added = _due(session, now, "AND e.rowid > :seen", by_rowid=True, seen=mark.entries_rowid)
        due = heapq.merge(seen, added)
    members = _Members(ctx)
    journal = BulkJournal(ctx)
    rows: list[dict[str, Any]] = []
    count = 0
    for expires, lot_id, customer_id in due:
        expires_at = _moment(expires)
        stamp = ctx.tick()
        row_id = expiry_id(lot_id)
        rows.append({"id": row_id, "chain_id": ctx.chain_id, "customer_id": customer_id, "lot_id": lot_id,
                     "at": expires_at, "hlc": stamp})
        record = {"id": row_id, "customer_id": customer_id, "lot_id": lot_id, "at": expires_at.isoformat()}
        journal.add(action="points.expire", entity="points_expiry", entity_id=row_id, after=record,
                    payload={"record": record}, hlc=stamp)
        members.add(customer_id)
        count += 1
        if len(rows) >= BATCH:
            _write(ctx, table_of(PointsExpiry), rows, journal)
            rows = []
    _write(ctx, table_of(PointsExpiry), rows, journal)
    _set_mark(session, "expiry", ctx.now, top)
    return count


def _write(ctx: ServiceContext, table: Any, rows: list[dict[str, Any]], journal: BulkJournal) -> None:
    if rows:
        insert_rows(ctx.session, table, rows)
    journal.write()


# ---------------------------------------------------------------- birthdays


def award_birthdays_due(ctx: ServiceContext, points: int) -> int:
    """Award ``points`` to every live member born this month not yet awarded this year; return how many.

    What ``loyalty.award_birthdays`` promises, row for row: a member with a
    birthday entry dated this year is skipped; the others get the entry
    ``award_once`` makes (id from member and year, dated the month's
    start), in member id order.
    """
    with bulk_writing(ctx.session, JOB_PAGE_CACHE_KIB):
        return _award_birthdays_due(ctx, points)


def _award_birthdays_due(ctx: ServiceContext, points: int) -> int:
    session = ctx.session
    local = ctx.now.astimezone(BANGKOK)
    year_start = local.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    year = str(local.year)
    at = month_start(ctx.now)
    # The birthday is stored as YYYY-MM-DD: its month is characters 6-7.
    born = session.scalars(
        select(Customer.id).where(
            Customer.chain_id == ctx.chain_id, Customer.deleted_at.is_(None),
            func.substr(Customer.birthday, 6, 2) == f"{local.month:02d}",
        ).order_by(Customer.id)
    ).all()
    members = _Members(ctx)
    journal = BulkJournal(ctx)
    count = 0
    for start in range(0, len(born), CHUNK):
        chunk = born[start:start + CHUNK]
        ids = {c: award_id(PointsSource.BIRTHDAY, c, year) for c in chunk}
        # This year's award has this id: those who have it were awarded (the cheap question first).
        have = set(session.scalars(select(PointsEntry.id).where(PointsEntry.id.in_(ids.values()))))
        rest = [c for c in chunk if ids[c] not in have]
        if not rest:
            continue
        awarded = set(session.scalars(select(PointsEntry.customer_id).where(
            PointsEntry.customer_id.in_(rest), PointsEntry.at >= year_start,
            PointsEntry.source == str(PointsSource.BIRTHDAY),
        )))
        rows: list[dict[str, Any]] = []
        for customer_id in rest:
            if customer_id in awarded:
                continue
            stamp = ctx.tick()
            row, record = points_row(ctx, ids[customer_id], customer_id, EntryKind.EARN, points,
                                     PointsSource.BIRTHDAY, "", stamp, at=at)
            rows.append(row)
            journal.add(action="points.record", entity=Kind.POINTS, entity_id=row["id"], after=record,
                        payload={"record": record}, hlc=stamp)
            members.add(customer_id)
            count += 1
        _write(ctx, table_of(PointsEntry), rows, journal)
    return count


# ---------------------------------------------------------------- lifetime tiers


def _basis(program: LoyaltyProgram) -> str:
    # "net": the sums take refunds' take-backs off. A mark of a run whose sums
    # did not (a terminal upgraded) has another basis, so the first run after
    # looks at everyone: members whose tier a refund took back fall then.
    return "lifetime net " + " ".join(f"{t.key}:{t.threshold}" for t in program.tiers)


def recorded_order() -> tuple[InstrumentedAttribute[Any], ...]:
    """Return the order of a member's tier changes whose last is the tier last recorded.

    A month's changes are all dated its start (their id and contents follow
    from member, tiers and month): among them, the one written last, by
    its clock, and then by id. Ordering by id alone, a fall then a rise in
    one month (a refund, then a new sale) could leave the fall looking last.
    """
    return (TierChange.at, TierChange.hlc, TierChange.id)


def _qualifying_rows() -> ColumnElement[bool]:
    return or_(PointsEntry.kind == str(EntryKind.EARN),
               and_(PointsEntry.kind == str(EntryKind.SPEND), PointsEntry.source == str(PointsSource.REFUND)))


def _sums(session: Session, customer_ids: Sequence[str], now: datetime) -> dict[str, int]:
    """Return the lifetime qualifying points at ``now`` of those of ``customer_ids`` who earned any.

    Earned, less what refunds took back; never below 0.
    """
    signed = case((PointsEntry.kind == str(EntryKind.EARN), PointsEntry.points), else_=-PointsEntry.points)
    rows = session.execute(
        select(PointsEntry.customer_id, func.sum(signed)).where(
            PointsEntry.customer_id.in_(customer_ids), PointsEntry.at <= now, _qualifying_rows(),
        ).group_by(PointsEntry.customer_id)
    )
    return {str(c): max(0, int(s)) for c, s in rows}


def _changed_since(session: Session, mark: LoyaltyJobMark, top: tuple[int, str], changes_top: tuple[int, str],
                   customers_top: tuple[int, str]) -> list[str]:
    """Return the members whose lifetime tier may differ from the last run's answer, sorted."""
    ids: set[str] = set()
    # A lot earned, or points a refund took back: both move a lifetime sum.
    ids.update(session.scalars(text(
        f"SELECT customer_id FROM points_entries WHERE rowid > :a AND rowid <= :b AND {QUALIFYING}"
    ), {"a": mark.entries_rowid, "b": top[0]}))
    ids.update(session.scalars(text("SELECT customer_id FROM tier_changes WHERE rowid > :a AND rowid <= :b"),
                               {"a": mark.changes_rowid, "b": changes_top[0]}))
    ids.update(session.scalars(text("SELECT id FROM customers WHERE rowid > :a AND rowid <= :b"),
                               {"a": mark.customers_rowid, "b": customers_top[0]}))
    return sorted(str(i) for i in ids)


def _sum_all(session: Session, now: str) -> int | None:
    """Sum every member's lifetime qualifying points at ``now`` into ``temp.loyalty_sums`` (one pass over the ledger).

    Earned, less what refunds took back, never below 0. Returns the first
    rowid of such a row dated after ``now`` (None when there is none): it
    counts from its date on, so the mark stays before it.
    """
    session.execute(text("DROP TABLE IF EXISTS temp.loyalty_sums"))
    session.execute(text(
        "CREATE TEMP TABLE loyalty_sums AS SELECT customer_id, "
        f"max(0, sum(CASE WHEN at <= :now THEN {SIGNED} ELSE 0 END)) AS points, "
        "min(CASE WHEN at > :now THEN rowid END) AS ahead "
        f"FROM points_entries WHERE {QUALIFYING} GROUP BY customer_id"
    ), {"now": now})
    session.execute(text("CREATE UNIQUE INDEX temp.loyalty_sums_customer ON loyalty_sums (customer_id)"))
    ahead = session.execute(text("SELECT min(ahead) FROM loyalty_sums")).scalar()
    return None if ahead is None else int(ahead)


def _all_differing(session: Session, program: LoyaltyProgram) -> Iterator[tuple[str, str, str]]:
    """Yield (member, recorded tier, tier now) of every live member whose two differ, by member id.

    From ``temp.loyalty_sums`` (``_sum_all``), ``BATCH`` members at a time;
    drops it when done.
    """
    lowest = program.tiers[0].key
    tiers = sorted(program.tiers, key=lambda t: t.threshold, reverse=True)
    case = " ".join(f"WHEN s.points >= {int(t.threshold)} THEN :tier{i}" for i, t in enumerate(tiers))
    names = {f"tier{i}": t.key for i, t in enumerate(tiers)}
    query = text(
        "SELECT c.id, coalesce((SELECT t.to_tier FROM tier_changes t WHERE t.customer_id = c.id "
        "                       ORDER BY t.at DESC, t.hlc DESC, t.id DESC LIMIT 1), :lowest) AS before, "
        f"  coalesce((SELECT CASE {case} ELSE :lowest END FROM loyalty_sums s WHERE s.customer_id = c.id), "
        "           :lowest) AS after "
        "FROM customers c WHERE c.deleted_at IS NULL AND c.id > :last "
        "ORDER BY c.id LIMIT :n"
    )
    last = ""
    try:
        while True:
            rows = session.execute(query, {"lowest": lowest, "last": last, "n": BATCH, **names}).all()
            for customer_id, before, after in rows:
                if before != after:
                    yield str(customer_id), str(before), str(after)
            if len(rows) < BATCH:
                return
            last = str(rows[-1][0])
    finally:
        session.execute(text("DROP TABLE IF EXISTS temp.loyalty_sums"))


def _some_differing(session: Session, program: LoyaltyProgram, customer_ids: list[str],
                    now: datetime) -> Iterator[tuple[str, str, str]]:
    """Yield (member, recorded tier, tier now) of each of ``customer_ids`` (sorted) live and differing."""
    lowest = program.tiers[0].key
    for start in range(0, len(customer_ids), CHUNK):
        chunk = customer_ids[start:start + CHUNK]
        sums = _sums(session, chunk, now)
        recorded = {c: t for c, t in session.execute(
            select(TierChange.customer_id, TierChange.to_tier).where(TierChange.customer_id.in_(chunk))
            .order_by(*recorded_order()))}
        live = set(session.scalars(select(Customer.id).where(Customer.id.in_(chunk), Customer.deleted_at.is_(None))))
        for customer_id in chunk:
            before = recorded.get(customer_id, lowest)
            after = tier_for(sums.get(customer_id, 0), program.tiers).key
            if customer_id in live and before != after:
                yield customer_id, before, after


def record_lifetime_tiers(ctx: ServiceContext, program: LoyaltyProgram) -> int:
    """Record every member whose lifetime tier is not the one last recorded; return how many changed.

    What ``loyalty.record_tier_changes`` promises on lifetime
    qualification, row for row (member id order, ids from member, tiers and
    month, an existing change not written again). Lifetime qualifying
    points change only with new rows (lots earned, points taken back by a
    refund), so after a first pass over every member the job looks only at
    members with rows added since (those, tier changes pulled from other
    terminals, new members); a changed program or a clock moved back looks
    at everyone again.
    """
    with bulk_writing(ctx.session, JOB_PAGE_CACHE_KIB):
        return _record_lifetime_tiers(ctx, program)


def _record_lifetime_tiers(ctx: ServiceContext, program: LoyaltyProgram) -> int:
    session = ctx.session
    now = _text(ctx.now)
    top = _last_row(session, "points_entries")
    changes_top = _last_row(session, "tier_changes")
    customers_top = _last_row(session, "customers")
    basis = _basis(program)
    mark = _mark(session, "tiers")
    differing: Iterator[tuple[str, str, str]]
    if mark is None or mark.basis != basis or ctx.now < mark.ran_at or top[0] - mark.entries_rowid > SINCE_LIMIT:
        ahead = _sum_all(session, now)
        differing = _all_differing(session, program)
    else:
        # Rows up to the mark were all dated by its time; a lot (or a refund's take-back) added
        # since and dated after now counts from its date on, so the mark stays before it.
        ahead = session.execute(text(
            f"SELECT min(rowid) FROM points_entries WHERE rowid > :a AND {QUALIFYING} AND at > :now"
        ), {"a": mark.entries_rowid, "now": now}).scalar()
        differing = _some_differing(session, program, _changed_since(session, mark, top, changes_top,
                                                                     customers_top), ctx.now)
    period = tier_period(ctx.now)
    at = month_start(ctx.now)
    members = _Members(ctx)
    journal = BulkJournal(ctx)
    count = skipped = 0
    batch: list[tuple[str, str, str]] = []
    for item in itertools.chain(differing, [None]):
        if item is not None:
            batch.append(item)
        if len(batch) >= CHUNK or (item is None and batch):
            written = _write_tier_changes(ctx, program, batch, period, at, journal, members)
            count, skipped, batch = count + written, skipped + len(batch) - written, []
    if skipped:
        # A member still not at their recorded tier (this month's change was recorded before, then
        # another): like every run before marks, the next run looks at everyone again.
        session.execute(delete(LoyaltyJobMark).where(LoyaltyJobMark.job == "tiers"))
        return count
    if ahead is not None:
        top = _row_before(session, int(ahead))
    _set_mark(session, "tiers", ctx.now, top, _last_row(session, "tier_changes"), customers_top, basis)
    return count


def _row_before(session: Session, rowid: int) -> tuple[int, str]:
    row = session.execute(text("SELECT rowid, id FROM points_entries WHERE rowid < :r ORDER BY rowid DESC LIMIT 1"),
                          {"r": rowid}).first()
    return (0, "") if row is None else (int(row[0]), str(row[1]))


def _write_tier_changes(ctx: ServiceContext, program: LoyaltyProgram, changes: list[tuple[str, str, str]],
                        period: str, at: datetime, journal: BulkJournal, members: _Members) -> int:
    """Write the tier changes of ``changes`` (at most ``CHUNK``) not already recorded; return how many."""
    if not changes:
        return 0
    ids = [tier_change_id(c, before, after, period) for c, before, after in changes]
    have = set(ctx.session.scalars(select(TierChange.id).where(TierChange.id.in_(ids))))
    basis = str(program.qualification)
    rows: list[dict[str, Any]] = []
    for change_id, (customer_id, before, after) in zip(ids, changes, strict=True):
        if change_id in have:
            continue
        have.add(change_id)
        stamp = ctx.tick()
        rows.append({"id": change_id, "chain_id": ctx.chain_id, "customer_id": customer_id, "from_tier": before,
                     "to_tier": after, "period": period, "basis": basis, "at": at, "hlc": stamp})
        record = {"id": change_id, "customer_id": customer_id, "from_tier": before, "to_tier": after,
                  "period": period, "basis": basis, "at": at.isoformat()}
        journal.add(action="tier.change", entity="tier_change", entity_id=change_id, after=record,
                    payload={"record": record}, hlc=stamp)
        members.add(customer_id)
    _write(ctx, table_of(TierChange), rows, journal)
    return len(rows)
