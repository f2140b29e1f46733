"""A member's folded ledger is kept between looks, and no look ever shows a stale balance.

``services.points_folds`` keeps the fold of a member's ledger per database
with the ledger's fingerprint. Whatever happens between two looks (an
award, a spend, the expiry job, rows pulled from the server, a use case
that wrote and was rolled back, time passing with no new rows, entries
stamped ahead of the clock), each look must show what reading every row
shows: the reference of ``test_loyalty_read``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.points import EntryKind, PointsSource, lot_expiry
from bnaura_desk.services import customers, loyalty
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.services.points_ledger import record_points
from bnaura_desk.store.models import Customer, PointsEntry
from tests.conftest import Staffed
from tests.services.test_loyalty_read import Rows, ledgers, reference, source

PHONES = count(500_000)


def register(s: Staffed) -> str:
    return str(s.terminal.run(customers.register_customer, CustomerForm(
        name_th="สมศรี มีแต้ม", phone=f"08{next(PHONES):08d}"), actor=s.front_desk).result)


class Refused(BadInput):
    """The use case of the test that changes its mind after writing."""


def spend_then_refuse(ctx: ServiceContext, customer_id: str, seen: list[tuple[object, object]]) -> ChangeSet:
    """Spend 1 point, look at the summary within the transaction, then refuse: nothing may stay."""
    record_points(ctx, customer_id, EntryKind.SPEND, 1, PointsSource.REWARD, "")
    seen.append((loyalty.points_summary(ctx.session, customer_id, ctx.now),
                 reference(ctx.session, customer_id, ctx.now)[0]))
    raise Refused("changed my mind")


# A day's steps: new ledger rows, a look some days later, or a write that is rolled back.
steps = st.lists(
    st.one_of(
        st.tuples(st.just("rows"), ledgers.filter(bool)),
        st.tuples(st.just("look"), st.integers(0, 400)),
        st.tuples(st.just("rolled back"), st.just(0)),
        st.tuples(st.just("expiry job"), st.integers(0, 400)),
    ),
    min_size=1, max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps)
def test_every_look_shows_what_every_row_shows(staffed: Staffed, day_steps: list[tuple[str, object]]) -> None:
    s = staffed
    member = register(s)
    start = s.clock()
    for step, arg in day_steps:
        if step == "rows":
            write_batch(s, member, arg, start)  # type: ignore[arg-type]
        elif step == "look":
            when = start + timedelta(days=arg)  # type: ignore[operator]
            expected, _ = s.terminal.read(reference, member, when)
            assert s.terminal.read(loyalty.points_summary, member, when) == expected
            assert s.terminal.read(loyalty.points_summary, member, when) == expected  # the kept fold
        elif step == "rolled back":
            moment = s.clock()
            before, _ = s.terminal.read(reference, member, moment)
            assert s.terminal.read(loyalty.points_summary, member, moment) == before
            seen: list[tuple[object, object]] = []
            try:
                s.terminal.run(spend_then_refuse, member, seen, actor=s.manager)
            except Refused:
                pass
            [(within, expected_within)] = seen
            assert within == expected_within  # the transaction saw its own spend
            assert s.terminal.read(loyalty.points_summary, member, moment) == before
        else:
            s.clock.advance(days=arg)  # type: ignore[arg-type]
            s.terminal.run(loyalty.expire_points, actor=None)
        now = s.clock()
        expected, _ = s.terminal.read(reference, member, now)
        assert s.terminal.read(loyalty.points_summary, member, now) == expected


def write_batch(s: Staffed, member: str, rows: Rows, start: datetime) -> None:
    """Write ``rows`` as new ledger entries of ``member``, at their offsets from ``start``; the job writes expiries."""
    chain_id = s.terminal.read(lambda session: session.get(Customer, member)).chain_id  # type: ignore[union-attr]
    with Session(s.terminal.db.engine) as session, session.begin():
        for is_earn, points, offset_us, reason, refund in rows:
            at = start + timedelta(microseconds=offset_us)
            session.add(PointsEntry(
                id=uuid7(), chain_id=chain_id, customer_id=member, kind="earn" if is_earn else "spend",
                points=points, source=source(is_earn, refund), reason=reason, at=at,
                expires_at=lot_expiry(at) if is_earn else None, staff_id=None, hlc="0"))


def test_a_look_at_an_unchanged_ledger_reuses_the_fold_and_follows_the_clock(staffed: Staffed) -> None:
    s = staffed
    member = register(s)  # the welcome lot: 100 points
    now = s.clock()
    first = s.terminal.read(loyalty.points_summary, member, now)
    again = s.terminal.read(loyalty.points_summary, member, now + timedelta(days=1))
    assert again.statement.lots is first.statement.lots  # kept, not read again
    assert (first.statement.balance, again.statement.balance) == (100, 100)
    # A year later the lot has expired although no row was written: the kept fold is read at the new time.
    later = s.terminal.read(loyalty.points_summary, member, now + timedelta(days=366))
    assert later.statement.balance == 0
    s.terminal.run(loyalty.adjust_points, member, 25, "ย้ายแต้ม", actor=s.manager)
    changed = s.terminal.read(loyalty.points_summary, member, s.clock())
    assert changed.statement.balance == 125
    assert changed.statement.lots is not first.statement.lots


def test_a_fold_seen_by_a_rolled_back_use_case_is_never_shown_later(staffed: Staffed) -> None:
    # The rolled-back spend's row number is taken again by the next row: a
    # fold kept from within that transaction would match the new ledger's
    # fingerprint (as many rows, the same highest row number) and show the
    # spend that never happened instead of the adjustment that did.
    s = staffed
    member = register(s)  # 100 points
    assert s.terminal.read(loyalty.points_summary, member, s.clock()).statement.balance == 100
    seen: list[tuple[object, object]] = []
    try:
        s.terminal.run(spend_then_refuse, member, seen, actor=s.manager)
    except Refused:
        pass
    s.terminal.run(loyalty.adjust_points, member, 25, "ย้ายแต้ม", actor=s.manager)
    assert s.terminal.read(loyalty.points_summary, member, s.clock()).statement.balance == 125
