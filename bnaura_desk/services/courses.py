"""Packages (courses): granting a package's sessions, using one ("ตัดคอร์ส"), taking back what a refund returns.

Credits are the ``course_credit`` ledger (``domain.courses``): a sale of a
package writes a ``bought`` row per line (quantity × the package's
sessions), a use writes -1 naming the course and who performed it, a
refund of the package line writes back what was left. What is left is a
sum, so two terminals using the same course offline both stand; the server
reports a course used beyond what was bought (``course_overused``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.catalog import ItemKind
from ..domain.changes import ChangeSet, Kind
from ..domain.courses import CourseBalance, CourseEntry, CourseEntryKind, course_to_use, expiry_for, fold_courses
from ..domain.dates import bangkok_date
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.hlc import Hlc
from ..domain.ids import uuid7
from ..domain.roles import Permission, Role
from ..domain.settings import COURSE_VALID_DAYS_KEY
from ..store.models import Branch, CatalogItem, CourseCredit, Sale, Shift, Staff
from .context import ServiceContext, load_device
from .customers import live_customer
from .settings import chain_setting


def _entry(row: CourseCredit) -> CourseEntry:
    return CourseEntry(
        row.id, row.course_id, CourseEntryKind(row.kind), row.sessions, row.at, row.treatment_id,
        row.package_item_id, row.expires_on, row.performed_by, row.staff_id, row.reason,
    )


def course_balances(session: Session, customer_id: str, now: datetime) -> list[CourseBalance]:
    """Return every course of ``customer_id``, oldest first, with what is left, its history, and whether it expired.

    A course expired when ``now`` (in Bangkok) is past its last day; its
    remaining sessions stay on record but cannot be used.
    """
    rows = session.scalars(select(CourseCredit).where(CourseCredit.customer_id == customer_id))
    return fold_courses((_entry(r) for r in rows), bangkok_date(now))


def _write(ctx: ServiceContext, row_id: str, record: dict[str, Any]) -> None:
    """Write one course row, named with this terminal's branch, and journal it (the table keeps dates as such)."""
    record = {**record, "branch_id": ctx.branch_id}
    stamp = ctx.tick()
    columns = {**record, "at": ctx.now,
               "expires_on": date.fromisoformat(record["expires_on"]) if record["expires_on"] else None}
    ctx.session.add(CourseCredit(id=row_id, chain_id=ctx.chain_id, **columns, hlc=stamp))
    ctx.journal(action="course_credit.record", entity="course_credit", entity_id=row_id, after=record,
                payload={"record": {"id": row_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, record["customer_id"])


def grant_course(ctx: ServiceContext, customer_id: str, package: CatalogItem, quantity: int,
                 sale_id: str, sale_number: str) -> str:
    """Write the credits of a package sold on ``sale_id`` (checkout's step; the caller checked the sale).

    Returns the course's id. The course holds ``quantity`` × the package's
    sessions and expires after the chain's ``course_valid_days`` (none set,
    or 0: it never expires).
    """
    assert package.kind == ItemKind.PACKAGE and package.package_treatment_id and package.package_sessions
    days = chain_setting(ctx.session, ctx.chain_id, COURSE_VALID_DAYS_KEY)
    expires = expiry_for(bangkok_date(ctx.now), days if isinstance(days, int) else None)
    course_id = uuid7()
    _write(ctx, course_id, {
        "customer_id": customer_id, "course_id": course_id, "kind": str(CourseEntryKind.BOUGHT),
        "package_item_id": package.id, "treatment_id": package.package_treatment_id, "sale_id": sale_id,
        "sessions": quantity * package.package_sessions, "expires_on": expires.isoformat() if expires else None,
        "performed_by": None, "at": ctx.now.isoformat(), "staff_id": ctx.actor_id, "reason": sale_number,
    })
    return course_id


def use_session(ctx: ServiceContext, customer_id: str, treatment_id: str, performed_by: str | None,
                note: str = "") -> ChangeSet:
    """Use one session of ``treatment_id`` from the customer's oldest usable course; result is the course's id.

    Permission: ``CUSTOMER_CHECK_IN``, held by the counter and by
    beauticians: the session is used where the treatment is done, and using
    it takes no money (``SALE_SELL`` would shut the beautician out).

    Raises:
        PermissionDenied: the actor may not check customers in.
        NotFound: the customer or the performer does not exist.
        BadInput: no course of this treatment has a session left, or all
            that have are expired; nothing is written.
    """
    ctx.require(Permission.CUSTOMER_CHECK_IN)
    live_customer(ctx.session, ctx.chain_id, customer_id)
    if performed_by is not None:
        staff = ctx.session.get(Staff, performed_by)
        if staff is None or staff.chain_id != ctx.chain_id:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This staff member no longer exists"))
    today = bangkok_date(ctx.now)
    balances = [c for c in course_balances(ctx.session, customer_id, ctx.now) if c.treatment_id == treatment_id]
    course = course_to_use(balances, treatment_id, today)
    if course is None:
        if any(c.remaining > 0 for c in balances):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Every course of this treatment has expired"),
                           field="treatment_id")
        raise BadInput(QT_TRANSLATE_NOOP("errors", "No session of this treatment is left"), field="treatment_id")
    _write(ctx, uuid7(), {
        "customer_id": customer_id, "course_id": course.course_id, "kind": str(CourseEntryKind.USED),
        "package_item_id": course.package_item_id, "treatment_id": treatment_id, "sale_id": None,
        "sessions": -1, "expires_on": None, "performed_by": performed_by, "at": ctx.now.isoformat(),
        "staff_id": ctx.actor_id, "reason": note.strip()[:500],
    })
    return ctx.changes.build(result=course.course_id)


def take_back_courses(ctx: ServiceContext, sale_id: str, item_id: str, quantity: int, refund_number: str) -> int:
    """Take back the unused sessions of the courses ``sale_id`` sold of package ``item_id`` (a refund's step).

    ``quantity`` packages of the line come back; each takes back at most
    one package's sessions of what is left (used sessions stay used).
    Returns the sessions taken back.
    """
    grants = ctx.session.scalars(select(CourseCredit).where(
        CourseCredit.sale_id == sale_id, CourseCredit.package_item_id == item_id,
        CourseCredit.kind == str(CourseEntryKind.BOUGHT))).all()
    package = ctx.session.get(CatalogItem, item_id)
    if not grants or package is None or not package.package_sessions:
        return 0
    wanted = quantity * package.package_sessions
    taken = 0
    for grant in grants:
        [course] = [c for c in course_balances(ctx.session, grant.customer_id, ctx.now) if c.course_id == grant.id]
        take = min(course.remaining, wanted - taken)
        if take <= 0:
            continue
        _write(ctx, uuid7(), {
            "customer_id": grant.customer_id, "course_id": grant.id, "kind": str(CourseEntryKind.REFUNDED),
            "package_item_id": item_id, "treatment_id": grant.treatment_id, "sale_id": sale_id,
            "sessions": -take, "expires_on": None, "performed_by": None, "at": ctx.now.isoformat(),
            "staff_id": ctx.actor_id, "reason": refund_number,
        })
        taken += take
    return taken


# -- reading courses for the screens (redemption, the counter, the customer's page)


class CourseState(StrEnum):
    """Whether a session of a course may be used today, and if not, why."""

    USABLE = "usable"
    EXPIRED = "expired"  # past its last day; what is left stays on record
    USED_UP = "used_up"  # nothing left (used, or taken back by a refund)
    WAITS = "waits"  # usable, but an older course of the same treatment is used first


@dataclass(frozen=True)
class CourseStep:
    """One row of a course's history as a screen shows it.

    ``branch_th``/``branch_en``: where it happened (the row's branch; for a
    row written before rows named one, the branch of the terminal that wrote
    it, when known here), "" when not known here.
    ``performed_by``: the name of who performed a used session ("" none);
    ``staff``: who recorded the row; ``note``: a use's note, the sale's
    number for ``bought``, the credit note's for ``refunded``.
    """

    id: str
    kind: CourseEntryKind
    sessions: int
    at: datetime
    branch_th: str
    branch_en: str
    performed_by: str
    staff: str
    note: str


@dataclass(frozen=True)
class CourseView:
    """One course of a customer with names resolved, its state today and its history (oldest first)."""

    id: str  # the course id (its ``bought`` row)
    package_item_id: str
    package_th: str
    package_en: str
    treatment_id: str
    treatment_th: str
    treatment_en: str
    bought: int  # sessions granted
    used: int
    refunded: int
    remaining: int
    bought_at: datetime
    expires_on: date | None
    branch_th: str  # the branch that sold it ("" not known here)
    branch_en: str
    sale_number: str
    state: CourseState
    history: tuple[CourseStep, ...] = ()

    @property
    def usable(self) -> bool:
        """Whether "use a session" on this course is offered today."""
        return self.state is CourseState.USABLE


@dataclass(frozen=True)
class Performer:
    """A staff member who may be named as having performed a session."""

    id: str
    display_name: str
    role: Role


def _device_of(stamp: str) -> str:
    """Return the device that wrote a row, from its clock's node ("" when unreadable)."""
    try:
        return Hlc.parse(stamp).node
    except BadInput:
        return ""


def course_history(session: Session, customer_id: str, now: datetime) -> list[CourseView]:
    """Return every course of ``customer_id`` (oldest first) with names, where, who, and whether usable at ``now``.

    One read for the screens: the fold of ``course_balances`` plus the
    package's and treatment's names, the selling branch and sale number,
    each history row's branch, performer and recorder, and the course's
    state today. Which course a session comes from follows
    ``use_session``: the oldest usable course of a treatment is
    ``USABLE``, a younger one of the same treatment ``WAITS``.
    """
    rows = list(session.scalars(select(CourseCredit).where(CourseCredit.customer_id == customer_id)))
    if not rows:
        return []
    today = bangkok_date(now)
    balances = fold_courses((_entry(r) for r in rows), today)
    by_id = {r.id: r for r in rows}
    item_ids = {i for c in balances for i in (c.package_item_id, c.treatment_id)}
    items = {i: (th, en or "") for i, th, en in session.execute(
        select(CatalogItem.id, CatalogItem.name_th, CatalogItem.name_en).where(CatalogItem.id.in_(item_ids)))}
    sale_ids = {r.sale_id for r in rows if r.sale_id}
    sales = {i: (branch, number) for i, branch, number in session.execute(
        select(Sale.id, Sale.branch_id, Sale.number).where(Sale.id.in_(sale_ids)))} if sale_ids else {}
    # A row written before rows named their branch (migration 0023): the branch of the
    # terminal that wrote it (its clock's node).
    devices = {_device_of(r.hlc) for r in rows} - {""}
    device = load_device(session)
    device_branch = {device.device_id: device.branch_id}
    for table in (Sale, Shift):
        for device_id, branch_id in session.execute(
                select(table.device_id, table.branch_id).where(table.device_id.in_(devices)).distinct()):
            device_branch.setdefault(device_id, branch_id)
    branches = {i: (th, en or "") for i, th, en in session.execute(
        select(Branch.id, Branch.name_th, Branch.name_en))}
    people = {r.performed_by for r in rows if r.performed_by} | {r.staff_id for r in rows if r.staff_id}
    names = {i: name for i, name in session.execute(
        select(Staff.id, Staff.display_name).where(Staff.id.in_(people)))} if people else {}

    def branch_of(row: CourseCredit) -> tuple[str, str]:
        branch_id = row.branch_id or (
            sales[row.sale_id][0] if row.sale_id in sales else device_branch.get(_device_of(row.hlc)))
        return branches.get(branch_id or "", ("", ""))

    first = {c.treatment_id: course_to_use(balances, c.treatment_id, today) for c in balances}
    out: list[CourseView] = []
    for c in balances:
        grant = by_id[c.course_id]
        steps = tuple(
            CourseStep(e.id, e.kind, e.sessions, e.at, *branch_of(by_id[e.id]),
                       names.get(e.performed_by or "", ""), names.get(e.staff_id or "", ""), e.reason)
            for e in c.history)
        if c.remaining <= 0:
            state = CourseState.USED_UP
        elif c.expired:
            state = CourseState.EXPIRED
        else:
            oldest = first.get(c.treatment_id)
            state = CourseState.USABLE if oldest is None or oldest.course_id == c.course_id else CourseState.WAITS
        package = items.get(c.package_item_id, ("", ""))
        treatment = items.get(c.treatment_id, ("", ""))
        sold_at = branch_of(grant)
        out.append(CourseView(
            c.course_id, c.package_item_id, *package, c.treatment_id, *treatment, c.bought, c.used, c.refunded,
            c.remaining, c.bought_at, c.expires_on, *sold_at,
            sales[grant.sale_id][1] if grant.sale_id in sales else grant.reason, state, steps))
    return out


def course_performers(session: Session) -> list[Performer]:
    """Return who may be named as having performed a session here: active staff of this terminal's branch.

    Beauticians first (they perform treatments), then everyone else, each
    group by name. A member limited to other branches is left out.
    """
    branch_id = load_device(session).branch_id
    rows = session.scalars(select(Staff).where(Staff.deleted_at.is_(None), Staff.active.is_(True)))
    here = [s for s in rows if not s.branch_ids or branch_id in s.branch_ids]
    return [Performer(s.id, s.display_name, Role(s.role))
            for s in sorted(here, key=lambda s: (s.role != Role.BEAUTICIAN, s.display_name))]
