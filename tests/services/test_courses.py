"""Packages (courses) on a real SQLite terminal: buying a course, using its sessions, refunding what is left."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.courses import CourseEntryKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.domain.settings import COURSE_VALID_DAYS_KEY
from bnaura_desk.services import catalog, counter, courses, customers, refunds, settings, shifts
from bnaura_desk.store.models import CourseCredit, OutboxOperation, Sale, SaleLine
from tests.conftest import Staffed

CASH = PaymentMethod.CASH


@pytest.fixture
def clinic(staffed: Staffed) -> dict[str, str]:
    """A facial, a 5-session course of it, a member, and an open shift."""
    s = staffed

    def make(form: ItemForm) -> str:
        return str(s.terminal.run(catalog.create_item, form, actor=s.manager).result)

    facial = make(ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีทเมนต์หน้าใส", price_satang=150_000,
                           vat_exempt=True, duration_minutes=60))
    course = make(ItemForm(kind=ItemKind.PACKAGE, name_th="คอร์สหน้าใส 5 ครั้ง", price_satang=600_000,
                           vat_exempt=True, package_treatment_id=facial, package_sessions=5))
    somying = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                                 actor=s.front_desk).result)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    return {"facial": facial, "course": course, "member": somying}


def buy(s: Staffed, c: dict[str, str], quantity: int = 1) -> counter.SaleDone:
    order = counter.Order((counter.OrderLine(c["course"], quantity),), (), customer_id=c["member"])
    due = s.terminal.read(counter.quote, order, s.clock()).priced.total_satang
    paid = counter.Order(order.lines, (Tender(CASH, due),), customer_id=c["member"])
    result: counter.SaleDone = s.terminal.run(counter.checkout, paid, actor=s.front_desk).result
    return result


def balances(s: Staffed, c: dict[str, str]) -> list[courses.CourseBalance]:
    return s.terminal.read(courses.course_balances, c["member"], s.clock())


def test_buying_two_courses_gives_ten_sessions_that_never_expire_by_default(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    done = buy(s, clinic, quantity=2)
    [course] = balances(s, clinic)
    assert (course.treatment_id, course.bought, course.used, course.remaining, course.expires_on) == (
        clinic["facial"], 10, 0, 10, None)
    # The credit is the sale's: written with it, named by it, and it syncs.
    grant = s.terminal.read(lambda session: session.get(CourseCredit, course.course_id))
    assert (grant.sale_id, grant.reason, grant.kind) == (done.sale_id, done.number, "bought")
    ops = s.terminal.read(lambda session: list(session.scalars(
        select(OutboxOperation.type).where(OutboxOperation.entity_id == course.course_id))))
    assert ops == ["course_credit.record"]


def test_a_package_needs_a_customer_and_nothing_is_sold_without_one(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    with pytest.raises(BadInput) as refused:
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(clinic["course"]),),
                                                       (Tender(CASH, 600_000),)), actor=s.front_desk)
    assert refused.value.field == "customer_id"
    assert s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(Sale))) == 0


def test_a_beautician_uses_sessions_oldest_course_first_until_none_is_left(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    buy(s, clinic)
    s.clock.advance(days=1)
    buy(s, clinic)
    first, second = balances(s, clinic)
    for _ in range(6):
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], s.beautician.staff_id, "ผิวดีขึ้น",
                       actor=s.beautician)
    first, second = balances(s, clinic)
    assert (first.used, first.remaining, second.used, second.remaining) == (5, 0, 1, 4)
    used = [e for e in first.history if e.kind is CourseEntryKind.USED]
    assert {(e.performed_by, e.reason, e.sessions) for e in used} == {(s.beautician.staff_id, "ผิวดีขึ้น", -1)}
    for _ in range(4):
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=s.front_desk)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=s.front_desk)
    assert refused.value.template == "No session of this treatment is left"
    assert [c.remaining for c in balances(s, clinic)] == [0, 0]


def test_an_expired_course_is_refused_with_its_own_message(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    s.terminal.run(settings.set_chain_setting, COURSE_VALID_DAYS_KEY, 30, actor=s.owner)
    buy(s, clinic)
    [course] = balances(s, clinic)
    assert course.expires_on == bangkok_date(s.clock()) + timedelta(days=30) and not course.expired
    s.clock.advance(days=30)  # its last day: still usable
    s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=s.front_desk)
    s.clock.advance(days=1)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=s.front_desk)
    assert refused.value.template == "Every course of this treatment has expired"
    [course] = balances(s, clinic)
    assert (course.remaining, course.expired) == (4, True)


def test_a_customer_without_a_course_of_that_treatment_is_refused(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    buy(s, clinic)
    with pytest.raises(BadInput):
        s.terminal.run(courses.use_session, clinic["member"], clinic["course"], None, actor=s.front_desk)
    with pytest.raises(PermissionDenied):
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=None)
    assert balances(s, clinic)[0].remaining == 5


def test_a_refund_of_the_package_takes_back_only_the_unused_sessions(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    done = buy(s, clinic)
    for _ in range(2):
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=s.front_desk)
    line = s.terminal.read(lambda session: session.scalars(
        select(SaleLine.id).where(SaleLine.sale_id == done.sale_id)).one())
    refund = s.terminal.run(refunds.refund_sale, done.sale_id, [ReturnLine(line, 1)], CASH, "ลูกค้าย้ายบ้าน",
                            actor=s.manager).result
    [course] = balances(s, clinic)
    assert (course.bought, course.used, course.refunded, course.remaining) == (5, 2, 3, 0)
    assert course.history[-1].reason == refund.number
    with pytest.raises(BadInput):
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], None, actor=s.front_desk)


def test_a_void_of_the_sale_takes_back_the_whole_course(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    done = buy(s, clinic, quantity=2)
    s.terminal.run(refunds.void_sale, done.sale_id, "คีย์ผิด", actor=s.manager)
    [course] = balances(s, clinic)
    assert (course.bought, course.refunded, course.remaining) == (10, 10, 0)
