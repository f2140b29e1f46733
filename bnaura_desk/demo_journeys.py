"""The demo clinic's customer cases: journeys in every stage, made the way staff make them, on the days they happened.

Each journey is a script: open it, record the customer's consent and a skin
scan with photos, send the proposal, take the payment at the counter, book
the treatment, treat, follow up, close; every step the ordinary use case
run by the staff member who would do it (the sales owner, who also sells
at the counter and books; the beautician, who treats), with the clock set
to when it happened; what one person does at one moment is one transaction. So the automation
rules make their tasks, a stage entered long ago shows overdue on the
kanban, and the beautician's queue holds the treatments booked for them.

Scripts are generators that yield when their next step happens; the
``Timeline`` runs the steps of all journeys in time order. Payments need
the counter's shift, which the demo's sales days (``demo._sell_demo_days``)
open from 10:00 to 19:00: every payment falls on one of those days, in
``PAY_WINDOW``, and the sales days run the timeline up to the end of that
window (``Timeline.run_until``) while their shift is open.
"""

from __future__ import annotations

import heapq
import itertools
import random
import tempfile
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .demo_skin import skin_photo
from .domain.automation import ACTIVE_STATUSES
from .domain.changes import ChangeSet
from .domain.customer import ConsentPurpose
from .domain.dates import BANGKOK
from .domain.journeys import Stage
from .domain.payments import PaymentMethod, Tender
from .domain.roles import Role
from .images.store import ImageStore
from .services.appointments import Booking, book, find_free_slot
from .services.context import Actor, ServiceContext
from .services.counter import Order, OrderLine, checkout, quote
from .services.customers import record_consent
from .services.journeys import cancel_journey, move_journey, open_journey
from .services.scans import record_scan
from .services.tasks import claim_task, complete_task, start_task
from .store.models import CatalogItem, Customer, Staff, Task
from .terminal import Terminal

Script = Generator[datetime, None, None]
# When the counter takes a journey's payment on a sales day: after the day's
# walk-in sales, before the evening's refund and closing (``demo._sell_demo_days``).
PAY_WINDOW = (time(15, 45), time(18, 15))


class Timeline:
    """Runs journey scripts' steps in time order, with the terminal's clock at each step's time."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self._next: list[tuple[datetime, int, Script]] = []
        self._order = itertools.count()

    def add(self, script: Script) -> None:
        """Add a script; its first step runs when the timeline reaches it."""
        self._schedule(script)

    def _schedule(self, script: Script) -> None:
        try:
            at = next(script)  # runs the step before this yield, then says when the next one is
        except StopIteration:
            return
        heapq.heappush(self._next, (at, next(self._order), script))

    def run_until(self, end: datetime) -> None:
        """Run every step due before ``end``, oldest first; the terminal's clock is put back afterwards."""
        clock = self.terminal.clock
        try:
            while self._next and self._next[0][0] < end:
                at, _, script = heapq.heappop(self._next)
                self.terminal.clock = lambda at=at: at  # type: ignore[misc]
                self._schedule(script)
        finally:
            self.terminal.clock = clock

    @property
    def pending(self) -> int:
        return len(self._next)


@dataclass
class Cast:
    """Who works the demo's cases, and with what."""

    sales: list[Actor]  # own the cases, sell at the counter, book (their role may)
    beauticians: list[Actor]
    treatments: list[tuple[str, str]]  # (id, Thai name) of treatments with a duration
    customers: list[str]


def _actors(terminal: Terminal, role: Role) -> list[Actor]:
    rows = terminal.read(lambda s: list(s.execute(
        select(Staff.id, Staff.display_name).where(Staff.role == str(role), Staff.deleted_at.is_(None))
        .order_by(Staff.created_at, Staff.id))))
    return [Actor(staff_id, name, role) for staff_id, name in rows]


def cast_of(terminal: Terminal, rng: random.Random, wanted: int) -> Cast | None:
    """Return the staff, treatments and ``wanted`` customers (fewer when the clinic has fewer) the cases use."""
    treatments = terminal.read(lambda s: list(s.execute(
        select(CatalogItem.id, CatalogItem.name_th).where(
            CatalogItem.kind == "treatment", CatalogItem.active.is_(True), CatalogItem.deleted_at.is_(None),
            CatalogItem.duration_minutes > 0).order_by(CatalogItem.name_th, CatalogItem.id))))
    customers = terminal.read(lambda s: list(s.scalars(
        select(Customer.id).where(Customer.deleted_at.is_(None)).order_by(Customer.id).limit(400))))
    sales, beauticians = _actors(terminal, Role.SALES), _actors(terminal, Role.BEAUTICIAN)
    if not (treatments and customers and sales and beauticians):
        return None
    picked = rng.sample(customers, k=min(wanted, len(customers)))
    return Cast(sales, beauticians, [(i, n) for i, n in treatments], picked)


# ----------------------------------------------------------------- the steps


@dataclass
class Case:
    """One customer case being scripted: whose, what, who owns it, and what it has so far."""

    clinic: DemoCases
    customer_id: str
    item_id: str
    item_name: str
    owner: Actor
    beautician: Actor
    seed: int
    journey_id: str = ""
    appointment: tuple[str, datetime, datetime] | None = None  # id, start, end
    values: dict[str, int] = field(default_factory=dict)

    def run(self, use_case: Callable[..., Any], *args: Any, actor: Actor, **kwargs: Any) -> Any:
        return self.clinic.terminal.run(use_case, *args, actor=actor, **kwargs).result

    def together(self, actor: Actor, *steps: Step) -> None:
        """Run what one person does at one moment (e.g. tick a task done and move the card) as one transaction."""
        self.clinic.terminal.run(_together, steps, actor=actor)

    def open(self, title: str, note: str = "") -> None:
        self.journey_id = self.run(open_journey, self.customer_id, owner_id=self.owner.staff_id,
                                   item_id=self.item_id, title=title, note=note, actor=self.owner)

    def scan(self, title: str, notes: str) -> None:
        """A walk-in: the case opened, the sensitive-data consent signed, the scan with two photos; the card at scanned."""
        rng = random.Random(self.seed)
        self.values = {"moisture": rng.randint(25, 70), "oiliness": rng.randint(20, 80),
                       "pigmentation": rng.randint(30, 85), "wrinkles": rng.randint(5, 60),
                       "pores": rng.randint(20, 75), "redness": rng.randint(10, 70),
                       "acne": rng.randint(0, 60), "skin_age": rng.randint(24, 55)}
        photos = [self.clinic.photo(self.seed * 2 + k, self.values) for k in range(2)]
        self.journey_id = self.run(_walk_in, self.customer_id, self.item_id, title, self.values, notes, photos,
                                   self.clinic.images, actor=self.owner)

    def _move(self, stage: Stage, note: str = "", **links: Any) -> Step:
        return (move_journey, (self.journey_id, stage, note), links)

    def move(self, stage: Stage, note: str = "", **links: Any) -> None:
        self.together(self.owner, self._move(stage, note, **links))

    def send_proposal(self) -> None:
        self.together(self.owner, *self._finish_tasks(Stage.SCANNED), self._move(Stage.PROPOSAL_SENT))

    def pay(self, *, deposit: bool = False) -> None:
        """The sales owner sells the treatment at the counter (a card, or a PromptPay deposit) and confirms the payment."""
        terminal, at = self.clinic.terminal, self.clinic.terminal.clock()
        lines = (OrderLine(self.item_id),)
        due = terminal.read(quote, Order(lines, (), customer_id=self.customer_id), at).priced.total_satang
        rng = random.Random(self.seed)
        if deposit:
            order = Order(lines, (Tender(PaymentMethod.PROMPTPAY, max(100, due * 3 // 10 // 100 * 100)),),
                          customer_id=self.customer_id, balance_due_on=at.astimezone(BANGKOK).date() + timedelta(14))
        else:
            order = Order(lines, (Tender(PaymentMethod.CARD, due, approval_code=f"{rng.randrange(10**6):06d}",
                                         card_last4=f"{rng.randrange(10**4):04d}"),), customer_id=self.customer_id)
        self.run(_sell_and_confirm, self.journey_id, order, actor=self.owner)

    def schedule(self, after: datetime) -> datetime:
        """Book the first free slot from ``after`` with the case's beautician and schedule the journey; return its start."""
        terminal = self.clinic.terminal
        slot = terminal.read(find_free_slot, self.item_id, self.beautician.staff_id, after)
        if slot is None:
            raise RuntimeError(f"the demo finds no free slot after {after}")
        booking = Booking(self.customer_id, self.item_id, slot.beautician_id, slot.room_id, slot.starts_at,
                          journey_id=self.journey_id)
        appointment_id = self.run(_book_and_schedule, booking, self._finish_tasks(Stage.PAYMENT_CONFIRMED),
                                  actor=self.owner)
        self.appointment = (appointment_id, slot.starts_at, slot.ends_at)
        return slot.starts_at

    def _treatment_task(self) -> str:
        return str(self.clinic.terminal.read(lambda s: s.scalars(select(Task.id).where(
            Task.journey_id == self.journey_id, Task.entry.endswith(f">{Stage.TREATMENT_SCHEDULED}"))).one()))

    def start_treatment(self) -> None:
        self.run(start_task, self._treatment_task(), actor=self.beautician)

    def complete_treatment(self) -> None:
        self.run(complete_task, self._treatment_task(), actor=self.beautician)

    def _finish_tasks(self, stage: Stage) -> list[Step]:
        """The owner's claim and completion of the open tasks the entry into ``stage`` made."""
        ids = self.clinic.terminal.read(lambda s: list(s.scalars(select(Task.id).where(
            Task.journey_id == self.journey_id, Task.entry.endswith(f">{stage}"),
            Task.status.in_([str(x) for x in ACTIVE_STATUSES])).order_by(Task.id))))
        steps: list[Step] = []
        for task_id in ids:
            steps += [(claim_task, (task_id,), {}), (complete_task, (task_id,), {})]
        return steps

    def close(self, note: str) -> None:
        """The owner ticks the follow-up done and closes the case."""
        self.together(self.owner, *self._finish_tasks(Stage.TREATMENT_COMPLETED), self._move(Stage.COMPLETED, note))


Step = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


def _together(ctx: ServiceContext, steps: Sequence[Step]) -> ChangeSet:
    """Use case: the use cases ``steps`` one after the other in this transaction, as one person; result is the last's."""
    result: Any = None
    for use_case, args, kwargs in steps:
        result = use_case(ctx, *args, **kwargs).result
    return ctx.changes.build(result=result)


def _walk_in(ctx: ServiceContext, customer_id: str, item_id: str, title: str, values: dict[str, int], notes: str,
             photos: Sequence[Path], images: ImageStore) -> ChangeSet:
    """Use case: open the case, record the consent to scans and photos, the scan, and move it to scanned; result is the journey."""
    journey_id = open_journey(ctx, customer_id, owner_id=ctx.actor_id, item_id=item_id, title=title).result
    record_consent(ctx, customer_id, ConsentPurpose.SKIN_SCAN_PHOTOS, True, "ลงนามยินยอมก่อนสแกนผิว")
    record_scan(ctx, customer_id, values, notes, photos, images=images)
    move_journey(ctx, journey_id, Stage.SCANNED)
    return ctx.changes.build(result=journey_id)


def _sell_and_confirm(ctx: ServiceContext, journey_id: str, order: Order) -> ChangeSet:
    """Use case: the counter's checkout of the case's treatment, and the payment confirmed on the card with that sale."""
    sale_id = checkout(ctx, order).result.sale_id
    return move_journey(ctx, journey_id, Stage.PAYMENT_CONFIRMED, sale_id=sale_id)


def _book_and_schedule(ctx: ServiceContext, booking: Booking, finished: Sequence[Step]) -> ChangeSet:
    """Use case: tick the scheduling task done and book the treatment for the journey; result is the appointment.

    A booking naming its journey moves the card to scheduled with the
    appointment and the beautician (``appointments.book``).
    """
    _together(ctx, finished)
    return book(ctx, booking)


# ----------------------------------------------------------------- the cases


NOTES = (
    "ฝ้าแดดบริเวณโหนกแก้มทั้งสองข้าง ผิวขาดน้ำ",
    "รอยสิวอักเสบที่คาง รูขุมขนกว้างบริเวณจมูก",
    "ริ้วรอยรอบดวงตา ผิวหมองคล้ำ",
    "ผิวมันบริเวณ T-zone มีรอยแดงจากสิว",
    "จุดด่างดำกระจาย ผิวแพ้ง่าย ระวังกรดผลไม้",
)
TITLES = ("สนใจโปรแกรมลดฝ้า", "อยากลดรอยสิว", "ปรึกษาเรื่องริ้วรอย", "ทักมาทาง LINE ถามโปรโมชัน",
          "เพื่อนแนะนำมา", "ลูกค้าเก่ากลับมาใช้บริการ")


class DemoCases:
    """Builds the demo's cases on a timeline; see the module's docstring.

    Args:
        terminal: the demo terminal, staffed, its catalog and customers made.
        now: the real time the demo is made at (the cases end before it).
        sales_days: the days (Bangkok) whose shift is open from 10:00 to 19:00.
    """

    def __init__(self, terminal: Terminal, cast: Cast, now: datetime, sales_days: Sequence[date],
                 folder: Path) -> None:
        self.terminal, self.cast, self.now = terminal, cast, now
        self.today = now.astimezone(BANGKOK).date()
        self.sales_days = list(sales_days)
        self.images = ImageStore.beside(terminal.path)
        self.folder = folder
        self.timeline = Timeline(terminal)
        self._n = itertools.count()
        self._made: list[int] = []

    @property
    def made(self) -> int:
        """How many cases were scripted."""
        return len(self._made)

    def photo(self, seed: int, values: dict[str, int]) -> Path:
        path = self.folder / f"scan-{seed}.png"
        path.write_bytes(skin_photo(seed, pigmentation=values["pigmentation"], redness=values["redness"]))
        return path

    def at(self, days: int, hour: int, minute: int = 0) -> datetime:
        """Return ``hour:minute`` (Bangkok) ``days`` from today (negative: before)."""
        return datetime.combine(self.today + timedelta(days=days), time(hour, minute), BANGKOK)

    def ago(self, minutes: int) -> datetime:
        return self.now - timedelta(minutes=minutes)

    def pay_day(self, k: int, minute: int) -> datetime:
        """A time in ``PAY_WINDOW`` of the ``k``-th last sales day (0: the last)."""
        day = self.sales_days[-1 - min(k, len(self.sales_days) - 1)]
        return datetime.combine(day, PAY_WINDOW[0], BANGKOK) + timedelta(minutes=minute)

    def case(self) -> Case:
        n = next(self._n)
        self._made.append(n)
        customer = self.cast.customers[n % len(self.cast.customers)]
        item_id, name = self.cast.treatments[(n * 7) % len(self.cast.treatments)]
        return Case(self, customer, item_id, name, self.cast.sales[n % len(self.cast.sales)],
                    self.cast.beauticians[n % len(self.cast.beauticians)], seed=1000 + n)

    def in_treatment_slot(self, c: Case) -> datetime:
        """Where the treatment under way now was booked: just before now in opening hours, else yesterday evening."""
        rounded = self.ago(25).replace(second=0, microsecond=0)
        rounded -= timedelta(minutes=rounded.minute % 15)
        for after in (rounded, self.at(-1, 17, 0), self.at(-1, 10, 0)):
            slot = self.terminal.read(find_free_slot, c.item_id, c.beautician.staff_id, after)
            if slot is not None and slot.starts_at <= self.ago(10):
                return after
        return self.at(-1, 10, 0)

    # Each script yields the time of its next step; the step follows the yield.

    def lead(self, opened: datetime) -> Script:
        c = self.case()
        yield opened
        c.open(TITLES[c.seed % len(TITLES)])

    def scanned(self, scanned: datetime) -> Script:
        c = self.case()
        yield scanned
        c.scan(TITLES[c.seed % len(TITLES)], NOTES[c.seed % len(NOTES)])

    def proposed(self, opened: datetime, sent: datetime, c: Case | None = None) -> Script:
        c = c or self.case()
        yield opened
        c.scan(TITLES[c.seed % len(TITLES)], NOTES[c.seed % len(NOTES)])
        yield sent
        c.send_proposal()

    def paid(self, opened: datetime, paid: datetime, *, deposit: bool = False) -> Script:
        c = self.case()
        yield from self.proposed(opened, opened + timedelta(days=1, hours=2), c)
        yield paid
        c.pay(deposit=deposit)

    def scheduled(self, opened: datetime, paid: datetime, after: datetime) -> Script:
        c = self.case()
        yield from self.proposed(opened, opened + timedelta(days=1), c)
        yield paid
        c.pay()
        yield paid + timedelta(minutes=10)
        c.schedule(after)

    def treating(self, opened: datetime, paid: datetime) -> Script:
        c = self.case()
        yield from self.proposed(opened, opened + timedelta(days=1), c)
        yield paid
        c.pay()
        yield paid + timedelta(minutes=10)
        start = c.schedule(self.in_treatment_slot(c))
        yield start
        c.start_treatment()

    def treated(self, opened: datetime, paid: datetime, after: datetime, *, follow_up: datetime | None = None,
                done: datetime | None = None) -> Script:
        c = self.case()
        yield from self.proposed(opened, opened + timedelta(days=1), c)
        yield paid
        c.pay()
        yield paid + timedelta(minutes=10)
        start = c.schedule(after)
        yield start
        c.start_treatment()
        assert c.appointment is not None
        yield c.appointment[2]
        c.complete_treatment()
        if follow_up is None:
            return
        # Never before the treatment ended (a slot found later than asked for).
        follow_up = max(follow_up, c.appointment[2] + timedelta(hours=1))
        yield follow_up
        c.move(Stage.FOLLOW_UP, "โทรสอบถามอาการหลังทำ ผิวไม่แดง ไม่มีอาการแพ้")
        if done is None:
            return
        yield max(done, follow_up + timedelta(hours=1))
        c.close("ลูกค้าพอใจผลลัพธ์ นัดสแกนซ้ำเดือนหน้า")

    def cancelled(self, opened: datetime, cancelled: datetime) -> Script:
        c = self.case()
        yield opened
        c.scan(TITLES[c.seed % len(TITLES)], NOTES[c.seed % len(NOTES)])
        yield cancelled
        c.run(cancel_journey, c.journey_id, "ลูกค้าขอเลื่อนไปก่อน งบประมาณไม่พอเดือนนี้", actor=c.owner)

    def plan(self) -> None:
        """Put the demo's cases on the timeline: every stage, some waiting too long (overdue), one cancelled."""
        at, ago, pay = self.at, self.ago, self.pay_day
        for script in (
            self.lead(ago(40)), self.lead(at(-1, 11, 30)), self.lead(at(-4, 14)),  # the last overdue
            self.scanned(ago(160)), self.scanned(at(-6, 13, 30)),  # the last overdue
            self.proposed(at(-3, 12), at(-2, 11)), self.proposed(at(-9, 11), at(-8, 15)),  # overdue
            self.paid(at(-7, 13), pay(0, 15)), self.paid(at(-10, 14), pay(2, 45), deposit=True),  # overdue
            self.scheduled(at(-8, 15), pay(1, 15), at(1, 10)), self.scheduled(at(-5, 11), pay(0, 75), at(1, 13)),
            self.treating(at(-11, 16), pay(2, 75)),
            self.treated(at(-12, 11), pay(2, 0), at(-1, 11)),
            self.treated(at(-13, 15), pay(2, 60), at(-2, 11), follow_up=at(-1, 10, 30)),
            self.treated(at(-14, 10), pay(2, 105), at(-2, 14), follow_up=at(-2, 18, 30), done=at(-1, 12)),
            self.cancelled(at(-7, 15), at(-2, 11)),
        ):
            self.timeline.add(script)


class DemoClinicDay:
    """The demo's cases around its sales days: ``before`` each day opens, ``during`` its open shift, ``after`` the last.

    Args:
        terminal: the demo terminal, staffed, its catalog and customers made
            (no cases are made without sales staff, beauticians, treatments
            and customers).
        seed: picks the cases' customers (``None``: new ones each time).
        sales_days: the days ``demo._sell_demo_days`` opens a shift on, oldest first.
    """

    def __init__(self, terminal: Terminal, seed: int | None, sales_days: Sequence[date]) -> None:
        self.terminal = terminal
        self.now = terminal.clock()
        self._folder = tempfile.TemporaryDirectory(prefix="bnaura-demo-scans-")
        cast = cast_of(terminal, random.Random(seed), 16)
        self.cases = DemoCases(terminal, cast, self.now, sales_days, Path(self._folder.name)) if cast else None
        if self.cases is not None:
            self.cases.plan()

    def before(self, opening: datetime) -> None:
        """Run the cases' steps before a sales day's ``opening`` (its shift is not open yet)."""
        if self.cases is not None:
            self.cases.timeline.run_until(opening)

    def during(self, day: date) -> None:
        """Run the cases' steps up to the end of ``day``'s ``PAY_WINDOW`` (its shift is open)."""
        if self.cases is not None:
            self.cases.timeline.run_until(datetime.combine(day, PAY_WINDOW[1], BANGKOK) + timedelta(minutes=5))

    def after(self) -> int:
        """Run what is left up to now; return how many journeys were made (the folder of photos is removed)."""
        try:
            if self.cases is None:
                return 0
            self.cases.timeline.run_until(self.now + timedelta(seconds=1))
            return self.cases.made
        finally:
            self._folder.cleanup()
