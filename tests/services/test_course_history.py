"""The course reads the screens use: each course's state today, names, where and by whom, and who may perform."""

from __future__ import annotations

from sqlalchemy import select

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.courses import CourseEntryKind
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import courses
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.services.courses import CourseState
from bnaura_desk.store.models import CourseCredit, Shift
from tests.conftest import PINS, Staffed
from tests.services.test_branches import OTHER_BRANCH, _add_branch
from tests.services.test_courses import buy, clinic  # noqa: F401 - the fixture

OTHER_DEVICE = "01a25000-0000-7000-8000-0000000d0002"


def history(s: Staffed, c: dict[str, str]) -> list[courses.CourseView]:
    return s.terminal.read(courses.course_history, c["member"], s.clock())


def test_the_oldest_course_of_a_treatment_is_the_one_offered_and_each_row_says_who_and_where(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811 - the fixture
    s = staffed
    first_sale = buy(s, clinic)
    s.clock.advance(days=1)
    buy(s, clinic)
    first, second = history(s, clinic)
    assert (first.package_th, first.treatment_th, first.bought, first.remaining) == (
        "คอร์สหน้าใส 5 ครั้ง", "ทรีทเมนต์หน้าใส", 5, 5)
    assert (first.state, second.state) == (CourseState.USABLE, CourseState.WAITS)
    assert (first.branch_th, first.sale_number) == (s.terminal.branch().name_th, first_sale.number)

    for _ in range(5):
        s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], s.beautician.staff_id, "ผิวดีขึ้น",
                       actor=s.front_desk)
    first, second = history(s, clinic)
    assert (first.state, first.remaining, second.state) == (CourseState.USED_UP, 0, CourseState.USABLE)
    bought, used = first.history[0], first.history[1]
    assert (bought.kind, bought.sessions, bought.staff, bought.note) == (
        CourseEntryKind.BOUGHT, 5, "น้องหน้าร้าน", first_sale.number)
    assert (used.kind, used.sessions, used.performed_by, used.staff, used.note, used.branch_th) == (
        CourseEntryKind.USED, -1, "พี่นิด", "น้องหน้าร้าน", "ผิวดีขึ้น", s.terminal.branch().name_th)


def test_a_session_used_at_another_branch_names_the_branch_on_its_row(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811 - the fixture
    s = staffed
    buy(s, clinic)
    _add_branch(s.terminal)
    [course] = history(s, clinic)
    stamp = Hlc(int(s.clock().timestamp() * 1000), 0, OTHER_DEVICE).encode()

    def pulled(ctx: ServiceContext) -> ChangeSet:
        # A use at Thonglor as a pull brings it, from a terminal this one knows nothing else of.
        ctx.session.add(CourseCredit(
            id=uuid7(), chain_id=ctx.chain_id, customer_id=clinic["member"], course_id=course.id, kind="used",
            package_item_id=course.package_item_id, treatment_id=course.treatment_id, sale_id=None, sessions=-1,
            expires_on=None, performed_by=None, at=ctx.now, staff_id=None, reason="", hlc=stamp,
            branch_id=OTHER_BRANCH))
        return ChangeSet()

    s.terminal.run(pulled, actor=None)
    [course] = history(s, clinic)
    assert [step.branch_th for step in course.history] == [s.terminal.branch().name_th, "สาขาทองหล่อ"]
    # This terminal's own rows name its branch.
    rows = s.terminal.read(lambda session: {r.kind: r.branch_id for r in session.scalars(
        select(CourseCredit))})
    assert rows["bought"] == s.terminal.branch().id


def test_a_session_used_at_another_branch_before_rows_named_one_names_its_terminals_branch_when_known(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811 - the fixture
    s = staffed
    buy(s, clinic)
    _add_branch(s.terminal)
    [course] = history(s, clinic)
    stamp = Hlc(int(s.clock().timestamp() * 1000), 0, OTHER_DEVICE).encode()

    def pulled(ctx: ServiceContext, with_shift: bool) -> ChangeSet:
        # What a pull brings: the other terminal's use, and (its branch's) shift.
        ctx.session.add(CourseCredit(
            id=uuid7(), chain_id=ctx.chain_id, customer_id=clinic["member"], course_id=course.id, kind="used",
            package_item_id=course.package_item_id, treatment_id=course.treatment_id, sale_id=None, sessions=-1,
            expires_on=None, performed_by=None, at=ctx.now, staff_id=None, reason="", hlc=stamp))
        if with_shift:
            ctx.session.add(Shift(id=uuid7(), chain_id=ctx.chain_id, branch_id=OTHER_BRANCH, device_id=OTHER_DEVICE,
                                  opened_at=ctx.now, created_at=ctx.now, updated_at=ctx.now, hlc=stamp,
                                  field_clocks={}))
        return ChangeSet()

    s.terminal.run(pulled, False, actor=None)
    [course] = history(s, clinic)
    assert (course.history[-1].branch_th, course.remaining) == ("", 4)  # not known here (yet)
    s.terminal.run(pulled, True, actor=None)
    [course] = history(s, clinic)
    assert [step.branch_th for step in course.history[1:]] == ["สาขาทองหล่อ", "สาขาทองหล่อ"]


def test_performers_are_the_active_staff_of_this_branch_beauticians_first(staffed: Staffed) -> None:
    s = staffed
    t = s.terminal
    _add_branch(t)
    t.run(staff_service.set_staff_branches, s.sales.staff_id, [OTHER_BRANCH], actor=s.manager)
    gone = t.run(staff_service.create_staff, "พี่แดง", Role.BEAUTICIAN, PINS[Role.BEAUTICIAN], actor=s.manager).result
    t.run(staff_service.update_staff, gone, active=False, actor=s.manager)
    here = t.read(courses.course_performers)
    assert [p.display_name for p in here] == ["พี่นิด", "คุณผู้จัดการ", "คุณเจ้าของ", "น้องหน้าร้าน"]
    assert here[0].role is Role.BEAUTICIAN
