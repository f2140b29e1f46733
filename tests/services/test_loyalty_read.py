"""A member's points read in one pass over the stored rows: the same summary and history as reading ORM objects.

``services.loyalty`` reads a member's ledger once, with its times as the
store's text, and folds it with ``domain.points.fold_ordered``. The
reference here is how it read before (every row as an ORM object, folded by
``domain.points.fold``, the tier from every earned entry): for any ledger
on a real terminal database, the balance, tier, expiring points and history
a member is shown must be the same, whichever way tiers qualify, with
refunds' take-backs counted against the tier.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.loyalty_program import (
    DEFAULT_PROGRAM,
    Earned,
    Qualification,
    next_tier,
    qualifying_points,
    taken_back,
    tier_at,
)
from bnaura_desk.domain.points import EntryKind, PointEntry, PointsSource, expiry_id, fold, lot_expiry
from bnaura_desk.services import customers, loyalty
from bnaura_desk.services import settings as settings_service
from bnaura_desk.services.member_statement import member_loyalty
from bnaura_desk.services.points_ledger import loyalty_program
from bnaura_desk.store.models import Customer, PointsEntry, PointsExpiry
from tests.conftest import Staffed

PHONES = count(1)


def reference(session: Session, customer_id: str, now: datetime) -> tuple[loyalty.PointsSummary, list[loyalty.LedgerLine]]:
    """The summary and the lines as they were read before: ORM objects, ``fold``, a tier from every earn and refund."""
    rows = {e.id: e for e in session.scalars(select(PointsEntry).where(PointsEntry.customer_id == customer_id))}
    entries = [PointEntry(e.id, EntryKind(e.kind), e.points, e.at, e.expires_at,
                          source=PointsSource(e.source) if e.kind == "spend" else None) for e in rows.values()]
    entries += [
        PointEntry(x.id, EntryKind.EXPIRE, 0, x.at, lot_id=x.lot_id)
        for x in session.scalars(select(PointsExpiry).where(PointsExpiry.customer_id == customer_id))
    ]
    customer = session.get(Customer, customer_id)
    assert customer is not None
    program = loyalty_program(session, customer.chain_id)
    statement = fold(entries, now)
    earned = [Earned(e.at, e.points) for e in entries if e.kind is EntryKind.EARN]
    earned += [taken_back(e.at, e.points) for e in entries if e.source is PointsSource.REFUND]
    tier = tier_at(earned, program, now)
    summary = loyalty.PointsSummary(statement, tier, statement.expiring_within(now + timedelta(days=30)),
                                    qualifying_points(earned, now, program.qualification), next_tier(tier, program))
    lots = {lot.id: lot for lot in statement.lots}
    lines = []
    for e in entries:
        if e.kind is EntryKind.EXPIRE:
            lot = lots.get(e.lot_id or "")
            lines.append(loyalty.LedgerLine(e.id, e.at, e.kind, "", -(lot.expired if lot else 0), "", None, None))
            continue
        row = rows[e.id]
        is_earn = e.kind is EntryKind.EARN
        lot = lots.get(e.id) if is_earn else None
        lines.append(loyalty.LedgerLine(e.id, e.at, e.kind, row.source, e.points if is_earn else -e.points,
                                        row.reason, e.expires_at, lot.left if lot else None))
    lines.sort(key=lambda line: (line.at, line.entry_id))
    return summary, lines


# Entries at any microsecond from two years before to a month after the moment of the question:
# (earned, points, microseconds from the moment, reason, a spend is a refund's take-back).
Rows = list[tuple[bool, int, int, str, bool]]
ledgers = st.lists(
    st.tuples(st.booleans(), st.integers(1, 3_000),
              st.builds(lambda day, us: day * 86_400_000_000 + us, st.integers(-730, 30),
                        st.sampled_from([0, 0, 1, 86_399_999_999]) | st.integers(0, 86_399_999_999)),
              st.sampled_from(["", "ย้ายแต้ม", "a reason"]), st.booleans()),
    max_size=30,
)


def source(is_earn: bool, refund: bool) -> str:
    """The source of a written row: a purchase, a reward, or a refund's take-back."""
    return "purchase" if is_earn else "refund" if refund else "reward"


def write(s: Staffed, customer_id: str, rows: Rows, now: datetime, job: datetime) -> None:
    """Write ``rows`` to the member's ledger, and the expiries the daily job would have written at ``job``."""
    chain_id = s.terminal.read(lambda session: session.get(Customer, customer_id)).chain_id  # type: ignore[union-attr]
    entries: list[PointsEntry] = []
    for n, (is_earn, points, offset_us, reason, refund) in enumerate(rows):
        at = now + timedelta(microseconds=offset_us)
        entries.append(PointsEntry(
            id=f"{customer_id[:24]}{n:012d}", chain_id=chain_id, customer_id=customer_id,
            kind="earn" if is_earn else "spend", points=points, source=source(is_earn, refund),
            reason=reason, at=at, expires_at=lot_expiry(at) if is_earn else None, staff_id=None, hlc="0"))
    ledger = [PointEntry(e.id, EntryKind(e.kind), e.points, e.at, e.expires_at) for e in entries]
    due = fold(ledger, job).due_expiries([])
    expiries = [PointsExpiry(id=expiry_id(lot.id), chain_id=chain_id, customer_id=customer_id, lot_id=lot.id,
                             at=lot.expires_at, hlc="0") for lot in due]
    with Session(s.terminal.db.engine) as session, session.begin():
        session.add_all(entries)
        session.flush()
        session.add_all(expiries)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ledgers, st.integers(-400, 30), st.booleans())
def test_the_one_read_shows_what_reading_every_row_showed(staffed: Staffed, rows: Rows,
                                                          job_day: int, rolling: bool) -> None:
    qualification = Qualification.ROLLING if rolling else Qualification.LIFETIME
    staffed.terminal.run(settings_service.set_loyalty_program, replace(DEFAULT_PROGRAM, qualification=qualification),
                         actor=staffed.manager)
    member = str(staffed.terminal.run(customers.register_customer, CustomerForm(
        name_th="สมหญิง ใจดี", phone=f"08{next(PHONES):08d}"), actor=staffed.front_desk).result)
    now = staffed.clock()
    write(staffed, member, rows, now, now + timedelta(days=job_day))

    summary, lines = staffed.terminal.read(reference, member, now)
    assert staffed.terminal.read(loyalty.points_summary, member, now) == summary
    assert staffed.terminal.read(loyalty.ledger_lines, member, now) == lines
    seen = staffed.terminal.read(member_loyalty, member, now)
    assert seen.summary == summary
    assert list(seen.lines) == [line for line in reversed(lines) if line.at <= now]
    assert seen.qualification is qualification
