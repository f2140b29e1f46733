"""The demo clinic behind ``bnaura init --demo``: staff, catalog, Thai customers, sales days and customer cases.

Everything is written through the ordinary use cases, so a demo database
looks exactly like one a clinic filled by hand: every customer, consent and
stock movement has its audit entry and its outbox operation. Customers are
registered in batches by ``register_customers``, which writes what
``register_customer`` would, a table at a time.

The customer cases (journeys in every stage with their scans, photos,
payments, appointments and the tasks the rules made) are scripted in
``demo_journeys`` and run on the sales days' timeline.

The data (names, catalog) is in ``resources/demo/``; the random choices come
from ``random.Random(seed)``, so a seed gives the same clinic again. Staff
PINs never do: they come from ``secrets`` and are shown once.
"""

from __future__ import annotations

import csv
import random
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .demo_journeys import DemoClinicDay
from .domain.cash_movements import CashDirection
from .domain.catalog import ItemForm, ItemKind, StockReason, gtin_check_digit
from .domain.changes import ChangeSet, Kind
from .domain.customer import Channel, ConsentPurpose, CustomerForm, Gender
from .domain.dates import BANGKOK, bangkok_date
from .domain.errors import QT_TRANSLATE_NOOP, BadInput
from .domain.ids import derived_id
from .domain.payments import THAI_DENOMINATIONS, PaymentMethod, Tender
from .domain.pins import validate_new_pin
from .domain.roles import Role
from .domain.tax_invoices import BuyerForm
from .paths import resources_dir
from .services.appointments import Booking, book, bookable_treatments, find_free_slot
from .services.branches import update_branch
from .services.cash_movements import record_cash_movement
from .services.catalog import create_item, move_stock
from .services.context import SYSTEM, ServiceContext
from .services.counter import Order, OrderLine, checkout, quote
from .services.customers_bulk import Registration, register_customers
from .services.refunds import paid_for, refund_sale, void_sale
from .services.rooms import create_room
from .services.shifts import cash_expected, close_shift, open_shift, open_shift_of
from .services.staff import create_staff
from .services.tax_invoices import issue_full_invoice
from .store.models import Appointment, Branch, CatalogItem, Customer, Payment, Sale, Staff
from .terminal import Terminal

DEMO_CLINIC_NAME_TH = "บีเอ็น-ออร่า คลินิก สาขาสยาม"
DEMO_CLINIC_NAME_EN = "BN-Aura Clinic Siam"

DATA_DIR = resources_dir() / "demo"

# Registrations per transaction: large enough that commits (fsync with
# synchronous=FULL, a checkpoint of the pages written) do not dominate,
# small enough that a progress bar moves and a batch's rows fit in memory.
BATCH_SIZE = 10_000
PIN_LENGTH = 6

# EAN-13 for the demo's own-brand products: 885 is Thailand's GS1 prefix;
# the company number is made up.
BARCODE_COMPANY = "8859921"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoStaff:
    """A demo staff member and the PIN to print once on the console."""

    name: str
    role: Role
    pin: str


@dataclass(frozen=True)
class DemoReport:
    """What ``populate`` made."""

    staff: list[DemoStaff]
    customers: int
    items: int
    branches: int = 1
    sales: int = 0  # every sale: the walk-ins' and the cases'
    appointments: int = 0  # every appointment booked: the cases' and tomorrow's
    journeys: int = 0


# The demo chain's other branches, after the head office (the terminal's own,
# ``DEMO_CLINIC_NAME_TH``): (Thai name, English name).
DEMO_BRANCHES: tuple[tuple[str, str], ...] = (
    ("บีเอ็น-ออร่า คลินิก สาขาทองหล่อ", "BN-Aura Clinic Thonglor"),
    ("บีเอ็น-ออร่า คลินิก สาขาเชียงใหม่", "BN-Aura Clinic Chiang Mai"),
    ("บีเอ็น-ออร่า คลินิก สาขาภูเก็ต", "BN-Aura Clinic Phuket"),
    ("บีเอ็น-ออร่า คลินิก สาขาขอนแก่น", "BN-Aura Clinic Khon Kaen"),
    ("บีเอ็น-ออร่า คลินิก สาขาพัทยา", "BN-Aura Clinic Pattaya"),
    ("บีเอ็น-ออร่า คลินิก สาขาหาดใหญ่", "BN-Aura Clinic Hat Yai"),
    ("บีเอ็น-ออร่า คลินิก สาขาบางนา", "BN-Aura Clinic Bang Na"),
)
MAX_BRANCHES = 1 + len(DEMO_BRANCHES)


STAFF: tuple[tuple[str, Role], ...] = (
    ("คุณอรทัย", Role.OWNER),
    ("คุณวิภา", Role.MANAGER),
    ("น้องแพรว", Role.FRONT_DESK),
    ("น้องมิ้นท์", Role.FRONT_DESK),
    ("น้องบีม", Role.SALES),
    ("น้องกิ๊ฟ", Role.SALES),
    ("พี่นก", Role.BEAUTICIAN),
    ("พี่ฝน", Role.BEAUTICIAN),
    ("พี่จอย", Role.BEAUTICIAN),
)

EMAIL_DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "hotmail.com", "yahoo.com", "outlook.co.th")
SKIN_NOTES = (
    "ผิวมัน เป็นสิวง่ายบริเวณ T-zone",
    "ผิวแห้ง ขาดความชุ่มชื้น",
    "ผิวแพ้ง่าย ระวังกรดผลไม้เข้มข้น",
    "มีฝ้าและกระบริเวณโหนกแก้ม",
    "รอยสิวและรอยแดงที่แก้มสองข้าง",
    "แพ้ยาชาชนิดทา แจ้งแพทย์ก่อนทำ",
    "รูขุมขนกว้าง อยากให้ผิวเรียบเนียน",
    "ต้องการลดริ้วรอยรอบดวงตา",
)


# ---------------------------------------------------------------- data files


@dataclass(frozen=True)
class _Name:
    th: str
    en: str


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _names(name: str) -> list[_Name]:
    return [_Name(r["name_th"], r["name_en"]) for r in _rows(name)]


def _ascii_word(text: str) -> str:
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())


def ean13(body: str) -> str:
    """Return the 12-digit ``body`` with its EAN-13 check digit."""
    return body + str(gtin_check_digit(body))


# ---------------------------------------------------------------- staff


def new_pin() -> str:
    """Return a random 6-digit PIN from the OS CSPRNG that passes the PIN rules."""
    while True:
        pin = "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))
        try:
            return validate_new_pin(pin)
        except BadInput:
            continue  # 000000, 123456 and friends: draw again


def has_staff(terminal: Terminal) -> bool:
    """Return whether the terminal's database already has staff (so is not empty)."""
    return terminal.read(
        lambda s: (
            s.execute(select(Staff.id).where(Staff.deleted_at.is_(None)).limit(1)).first()
            is not None
        )
    )


def _create_staff(ctx: ServiceContext, people: Sequence[DemoStaff]) -> ChangeSet:
    for person in people:
        create_staff(ctx, person.name, person.role, person.pin)
    return ctx.changes.build(result=len(people))


# ---------------------------------------------------------------- catalog


def _catalog_forms() -> tuple[
    list[ItemForm], list[tuple[ItemForm, int]], list[tuple[ItemForm, str]]
]:
    """Return treatments, products with their opening stock, packages with their treatment's English name."""
    treatments = [
        ItemForm(
            kind=ItemKind.TREATMENT,
            name_th=r["name_th"],
            name_en=r["name_en"],
            price_satang=int(r["price_baht"]) * 100,
            # Medical services (injections, lasers) are VAT-exempt under
            # Revenue Code section 81; cosmetic facials and masks carry 7 %.
            vat_exempt=r["vat"] == "exempt",
            duration_minutes=int(r["minutes"]),
            protocol_steps=tuple(r["steps"].split("|")),
            category=r["category"],
        )
        for r in _rows("treatments.csv")
    ]
    products = [
        (
            ItemForm(
                kind=ItemKind.PRODUCT,
                name_th=r["name_th"],
                name_en=r["name_en"],
                price_satang=int(r["price_baht"]) * 100,
                sku=r["sku"],
                barcode=ean13(f"{BARCODE_COMPANY}{n:05d}"),
                category=r["category"],
            ),
            int(r["stock"]),
        )
        for n, r in enumerate(_rows("products.csv"), start=1)
    ]
    packages = [
        (
            ItemForm(
                kind=ItemKind.PACKAGE,
                name_th=r["name_th"],
                name_en=r["name_en"],
                price_satang=int(r["price_baht"]) * 100,
                package_sessions=int(r["sessions"]),
                package_treatment_id=None,  # filled in once the treatment exists
                category=r["category"],
            ),
            r["treatment_en"],
        )
        for r in _rows("packages.csv")
    ]
    return treatments, products, packages


def _create_catalog(ctx: ServiceContext) -> ChangeSet:
    treatments, products, packages = _catalog_forms()
    by_name: dict[str, tuple[str, bool]] = {}
    for form in treatments:
        by_name[form.name_en] = (create_item(ctx, form).result, form.vat_exempt)
    for form, stock in products:
        item_id = create_item(ctx, form).result
        move_stock(ctx, item_id, stock, StockReason.RECEIVED, "สต็อกเริ่มต้น")
    for form, treatment_en in packages:
        treatment_id, exempt = by_name[treatment_en]
        # A package is prepaid sessions of its treatment: same VAT code.
        create_item(ctx, form.with_changes(package_treatment_id=treatment_id, vat_exempt=exempt))
    return ctx.changes.build(result=len(treatments) + len(products) + len(packages))


# ---------------------------------------------------------------- customers


@dataclass(frozen=True)
class DemoCustomer:
    """One customer to register: the form, the consents given, whether they are here today."""

    form: CustomerForm
    consents: Mapping[ConsentPurpose, bool]
    checked_in: bool
    branch_id: str | None = None  # where they registered; None: this terminal's branch


class CustomerFactory:
    """Makes realistic Thai customers from the name lists, reproducibly for a seed.

    Phones are unique across everything one factory makes.
    """

    def __init__(self, rng: random.Random, other_branches: Sequence[str] = ()) -> None:
        self.rng = rng
        self.other_branches = list(other_branches)
        self.female = _names("first_names_female.csv")
        self.male = _names("first_names_male.csv")
        self.surnames = _names("surnames.csv")
        nicks = _rows("nicknames.csv")
        self.nicks = {
            Gender.FEMALE: [
                _Name(r["name_th"], r["name_en"]) for r in nicks if r["gender"] in ("female", "any")
            ],
            Gender.MALE: [
                _Name(r["name_th"], r["name_en"]) for r in nicks if r["gender"] in ("male", "any")
            ],
        }
        self.phones: set[str] = set()
        self._birth_start = date(1960, 1, 1)
        self._birth_days = (date(2005, 12, 31) - self._birth_start).days

    def _phone(self) -> str:
        rng = self.rng
        while True:
            digits = rng.choice(("06", "08", "09")) + f"{rng.randrange(10**8):08d}"
            if digits not in self.phones:
                self.phones.add(digits)
                return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"

    def make(self) -> DemoCustomer:
        """Return the next customer."""
        rng = self.rng
        # Aesthetic clinics' customers are mostly women.
        gender = Gender.FEMALE if rng.random() < 0.72 else Gender.MALE
        first = rng.choice(self.female if gender is Gender.FEMALE else self.male)
        last = rng.choice(self.surnames)
        nick = rng.choice(self.nicks[gender])
        email = ""
        if rng.random() < 0.6:
            local = f"{_ascii_word(first.en)}.{_ascii_word(last.en)[: rng.randint(1, 6)]}{rng.randint(1, 99)}"
            email = f"{local}@{rng.choice(EMAIL_DOMAINS)}"
        line_id = ""
        if rng.random() < 0.5:
            base = rng.choice((_ascii_word(nick.en), _ascii_word(first.en)))[:14]
            line_id = f"{base}{rng.choice(('', '.', '_'))}{rng.randint(10, 9999)}"
        channels = [Channel.SMS]
        if line_id:
            channels.append(Channel.LINE)
        if email and rng.random() < 0.5:
            channels.append(Channel.EMAIL)
        if rng.random() < 0.2:
            channels.append(Channel.IN_APP)
        if rng.random() < 0.05:
            channels.append(Channel.CALL)
        quiet = rng.random() < 0.1
        form = CustomerForm(
            name_th=f"{first.th} {last.th}",
            name_en=f"{first.en} {last.en}",
            nickname=nick.th,
            phone=self._phone(),
            email=email,
            line_id=line_id,
            birthday=self._birth_start + timedelta(days=rng.randrange(self._birth_days + 1)),
            gender=gender,
            skin_notes=rng.choice(SKIN_NOTES) if rng.random() < 0.2 else "",
            channels=tuple(channels),
            quiet_start=time(21, 0) if quiet else None,
            quiet_end=time(8, 0) if quiet else None,
        )
        consents = {ConsentPurpose.TREATMENT_RECORDS: True}
        if rng.random() < 0.6:
            consents[ConsentPurpose.MARKETING] = True
        # About half registered at this terminal's branch, the rest at the chain's others.
        branch = rng.choice(self.other_branches) if self.other_branches and rng.random() < 0.5 else None
        return DemoCustomer(form, consents, checked_in=rng.random() < 0.3, branch_id=branch)

    def batches(self, total: int, size: int = BATCH_SIZE) -> Iterator[list[DemoCustomer]]:
        """Yield ``total`` customers in lists of at most ``size``."""
        done = 0
        while done < total:
            n = min(size, total - done)
            yield [self.make() for _ in range(n)]
            done += n


def _add_branches(ctx: ServiceContext, count: int) -> ChangeSet:
    """Add the demo chain's other branches on this terminal; result is their ids.

    Branches are the server's to make (``bnaura server branches add``); the
    demo has its terminal hold them first, so customers can be registered
    at each before any server exists. The demo server adds them under the
    same ids and numbers when it enrolls the terminal
    (``sync.client.demo``). Nothing is journaled; the rows carry no clock,
    so what the server sends of them wins.
    """
    ids = []
    for k, (name_th, name_en) in enumerate(DEMO_BRANCHES[: count - 1], start=1):
        branch_id = derived_id("demo_branch", ctx.chain_id, str(k))
        ctx.session.add(Branch(
            id=branch_id, chain_id=ctx.chain_id, name_th=name_th, name_en=name_en, branch_code=f"{k:05d}",
            created_at=ctx.now, updated_at=ctx.now, hlc="", field_clocks={},
        ))
        ids.append(branch_id)
        ctx.changes.add(Kind.BRANCH, branch_id)
    return ctx.changes.build(result=ids)


def register_batch(ctx: ServiceContext, customers: Sequence[DemoCustomer]) -> ChangeSet:
    """Register many customers in one transaction; result is how many.

    ``register_customers`` writes what ``register_customer`` and
    ``check_in`` would for each, with their audit entries and outbox
    operations. One bad form refuses the whole batch, like any use case.
    """
    register_customers(ctx, [Registration(c.form, c.consents, c.checked_in, c.branch_id) for c in customers])
    return ctx.changes.build(result=len(customers))


# ---------------------------------------------------------------- populate


def populate(
    terminal: Terminal,
    *,
    customers: int = 300,
    seed: int | None = None,
    progress: Progress | None = None,
    branches: int = 1,
) -> DemoReport:
    """Fill a new terminal database with the demo clinic, or the demo chain of ``branches`` branches.

    Args:
        terminal: a set-up terminal without staff (see ``has_staff``).
        customers: how many customers to register (0 or more); with
            several branches about half registered at this terminal's
            branch (the head office) and the rest at the others.
        branches: the chain's branches, this terminal's included (1 to
            ``MAX_BRANCHES``).
        seed: makes the customers the same on every run; ``None`` for new ones.
        progress: called as ``progress(done, total)`` after each batch of
            customers is committed.

    Returns:
        The staff with their PINs (to show once), and how many customers
        and catalog items were made.

    Raises:
        BadInput: the database already has staff, ``customers`` < 0, or
            ``branches`` is not 1 to ``MAX_BRANCHES``.
    """
    if not 1 <= branches <= MAX_BRANCHES:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "The demo chain has 1 to {most} branches"),
            field="branches", most=MAX_BRANCHES,
        )
    if customers < 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "The number of demo customers cannot be negative"),
            field="customers",
        )
    if has_staff(terminal):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{path} already has staff; the demo needs a new database"),
            path=str(terminal.path),
        )
    people = [DemoStaff(name, role, new_pin()) for name, role in STAFF]
    # The ignores: Terminal.run's ParamSpec signature does not declare the
    # runner's own ``actor=`` keyword, so strict mypy flags every call.
    terminal.run(_create_staff, people, actor=SYSTEM)
    items = terminal.run(_create_catalog, actor=SYSTEM).result
    others = terminal.run(_add_branches, branches, actor=SYSTEM).result

    factory = CustomerFactory(random.Random(seed), others)
    done = 0
    for batch in factory.batches(customers):
        terminal.run(register_batch, batch, actor=SYSTEM)
        done += len(batch)
        if progress is not None:
            progress(done, customers)
    sales = journeys = booked = 0
    if done:
        for name in DEMO_ROOMS:
            terminal.run(create_room, name, actor=SYSTEM)
        today = bangkok_date(terminal.clock())
        cases = DemoClinicDay(terminal, seed, [today - timedelta(days=back) for back in range(DEMO_SALE_DAYS, 0, -1)])
        _sell_demo_days(terminal, random.Random(seed), DEMO_SALE_DAYS, cases)
        journeys = cases.after()
        _book_demo_day(terminal, random.Random(seed))
        # Walk-ins' sales and the cases' (paid on the same days), every appointment booked.
        sales = terminal.read(lambda s: s.scalar(select(func.count()).select_from(Sale)) or 0)
        booked = terminal.read(lambda s: s.scalar(select(func.count()).select_from(Appointment)) or 0)
    return DemoReport(staff=people, customers=done, items=items, branches=1 + len(others), sales=sales,
                      appointments=booked, journeys=journeys)


# The demo's appointments: the branch's rooms, and the next clinic day booked across beauticians and rooms.
DEMO_ROOMS = ("ห้อง 1", "ห้อง 2", "ห้อง VIP")
DEMO_APPOINTMENTS = 12


def _book_demo_day(terminal: Terminal, rng: random.Random) -> int:
    """Book tomorrow (the default opening hours) at free slots up to ``DEMO_APPOINTMENTS`` in all; return how many more.

    The cases scheduled for tomorrow (``demo_journeys``) already hold some
    of the day; the rest are customers who booked without a case on the board.
    """
    treatments = [item_id for item_id, _name, _minutes in terminal.read(bookable_treatments)]
    members = terminal.read(lambda s: list(s.scalars(
        select(Customer.id).where(Customer.deleted_at.is_(None)).order_by(Customer.id).limit(60))))
    if not treatments or not members:
        return 0
    day = bangkok_date(terminal.clock()) + timedelta(days=1)
    after = datetime.combine(day, time(10), BANGKOK)
    held = terminal.read(lambda s: s.scalar(select(func.count()).select_from(Appointment).where(
        Appointment.starts_at >= after, Appointment.starts_at < after + timedelta(days=1))) or 0)
    booked = 0
    for _ in range(DEMO_APPOINTMENTS - held):
        item_id = rng.choice(treatments)
        slot = terminal.read(find_free_slot, item_id, None, after)
        if slot is None or slot.starts_at.astimezone(BANGKOK).date() != day:
            break
        terminal.run(book, Booking(rng.choice(members), item_id, slot.beautician_id, slot.room_id, slot.starts_at),
                     actor=SYSTEM)
        booked += 1
        after += timedelta(minutes=rng.choice((0, 15, 30)))  # the day fills from the morning, not all at 10:00
    return booked


# The demo's counter: the last few clinic days, each a shift of sales closed
# with its cash counted, so the reports, receipts and a member's history
# have something to show.
DEMO_SALE_DAYS = 3
DEMO_SALES_PER_DAY = 8
DEMO_TAX_ID = "0105561234567"  # a made-up company's tax id, for the demo's receipts
# A made-up company (its tax id's check digit right) that asks for a full tax invoice on the first day.
DEMO_BUYER = BuyerForm("บริษัท สวยใส เทรดดิ้ง จำกัด", "0105559123454",
                       "55 ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก กรุงเทพฯ 10500", "สำนักงานใหญ่")


def _sell_demo_days(terminal: Terminal, rng: random.Random, days: int, cases: DemoClinicDay | None = None) -> int:
    """Sell on the last ``days`` clinic days (shift opened at 10:00, closed at 19:00 with the cash counted); return how many sales.

    ``cases``: the customer cases' steps run up to each day's opening
    before it, and while its shift is open after its walk-in sales (their
    payments need the shift).
    """
    branch = terminal.branch()
    if not branch.tax_id:
        terminal.run(update_branch, tax_id=DEMO_TAX_ID, address="999/9 ถนนพระราม 1 แขวงปทุมวัน เขตปทุมวัน กรุงเทพฯ 10330",
                     actor=SYSTEM)
    on_sale = terminal.read(lambda s: [
        (i.id, i.kind) for i in s.scalars(select(CatalogItem).where(
            CatalogItem.active.is_(True), CatalogItem.deleted_at.is_(None),
            CatalogItem.kind.in_([str(ItemKind.TREATMENT), str(ItemKind.PRODUCT)])).order_by(CatalogItem.name_th))])
    members = terminal.read(lambda s: list(s.scalars(
        select(Customer.id).where(Customer.deleted_at.is_(None)).order_by(Customer.id).limit(200))))
    if not on_sale:
        return 0
    clock, sold = terminal.clock, 0
    sold_ids: list[list[str]] = []
    today = clock().astimezone(BANGKOK).date()
    try:
        for back in range(days, 0, -1):
            opened = datetime.combine(today - timedelta(days=back), time(10), BANGKOK)
            if cases is not None:
                cases.before(opened)
            terminal.clock = lambda at=opened: at  # type: ignore[misc]
            terminal.run(open_shift, 200_000, actor=SYSTEM)
            if back == 1:  # the last day's drawer also has cash put in and taken out by hand
                _move_cash(terminal, opened + timedelta(minutes=5), CashDirection.IN, 100_000, "แลกเหรียญจากธนาคาร")
            sold_ids.append([])
            for n in range(DEMO_SALES_PER_DAY):
                at = opened + timedelta(minutes=40 * (n + 1), seconds=rng.randrange(600))
                terminal.clock = lambda at=at: at  # type: ignore[misc]
                picked = rng.sample(on_sale, k=min(len(on_sale), rng.choice((1, 1, 2, 3))))
                lines = tuple(OrderLine(item_id, quantity=rng.choice((1, 1, 2)) if kind == ItemKind.PRODUCT else 1)
                              for item_id, kind in picked)
                member = rng.choice(members) if members and rng.random() < 0.7 else None
                if member is None and any(kind == ItemKind.PACKAGE for _, kind in picked):
                    if not members:
                        continue
                    member = rng.choice(members)  # a course is someone's: the counter asks whose
                due = terminal.read(quote, Order(lines, (), customer_id=member), at).priced.total_satang
                if due == 0:
                    continue
                if rng.random() < 0.5:
                    tendered = -(-due // 10_000) * 10_000  # the next ฿100 up
                    tenders: tuple[Tender, ...] = (Tender(PaymentMethod.CASH, due, tendered),)
                else:
                    tenders = (Tender(PaymentMethod.CARD, due, approval_code=f"{rng.randrange(10**6):06d}",
                                      card_last4=f"{rng.randrange(10**4):04d}"),)
                done = terminal.run(checkout, Order(lines, tenders, customer_id=member), actor=SYSTEM).result
                sold_ids[-1].append(done.sale_id)
                sold += 1
            if cases is not None:
                cases.during(opened.date())
            if back == days and len(sold_ids[-1]) > 1:
                _full_invoice(terminal, opened, sold_ids[-1][1])
            if back == 1:
                _move_cash(terminal, opened + timedelta(hours=6), CashDirection.OUT, 12_000, "ซื้อน้ำดื่ม")
            _give_back(terminal, opened, sold_ids, last_day=back == 1)
            closing = opened + timedelta(hours=9)
            terminal.clock = lambda at=closing: at  # type: ignore[misc]
            expected = terminal.read(_cash_in_drawer, terminal.device().device_id)
            terminal.run(close_shift, _counted(expected), actor=SYSTEM)
    finally:
        terminal.clock = clock
    return sold


def _give_back(terminal: Terminal, opened: datetime, sold_ids: list[list[str]], *, last_day: bool) -> None:
    """Near closing: refund yesterday's first sale the way it was paid (a reaction to a product); on the last day, void the day's last sale."""
    at = opened + timedelta(hours=8, minutes=30)
    terminal.clock = lambda at=at: at  # type: ignore[misc]
    if len(sold_ids) >= 2 and sold_ids[-2]:
        sale_id = sold_ids[-2][0]
        method = PaymentMethod(terminal.read(lambda s: s.scalars(
            select(Payment.method).where(Payment.sale_id == sale_id)).first()) or PaymentMethod.CARD)
        in_drawer = terminal.read(_cash_in_drawer, terminal.device().device_id)
        if method is PaymentMethod.CASH and terminal.read(paid_for, sale_id) > in_drawer:
            method = PaymentMethod.TRANSFER  # more than the drawer holds: the clinic transfers it
        terminal.run(refund_sale, sale_id, None, method, "ลูกค้าแพ้ผลิตภัณฑ์", actor=SYSTEM)
    if last_day and sold_ids[-1]:
        terminal.run(void_sale, sold_ids[-1][-1], "คีย์รายการผิด", actor=SYSTEM)


def _full_invoice(terminal: Terminal, opened: datetime, sale_id: str) -> None:
    """In the afternoon, the customer of the day's second sale asks for a full tax invoice in her company's name."""
    at = opened + timedelta(hours=8)
    terminal.clock = lambda at=at: at  # type: ignore[misc]
    number = terminal.read(lambda s: s.scalars(select(Sale.number).where(Sale.id == sale_id)).one())
    terminal.run(issue_full_invoice, number, DEMO_BUYER, actor=SYSTEM)


def _move_cash(terminal: Terminal, at: datetime, direction: CashDirection, satang: int, reason: str) -> None:
    terminal.clock = lambda: at
    terminal.run(record_cash_movement, direction, satang, reason, actor=SYSTEM)


def _cash_in_drawer(session: Session, device_id: str) -> int:
    shift = open_shift_of(session, device_id)
    assert shift is not None, "the demo opened it"
    return cash_expected(session, shift)


def _counted(satang: int) -> dict[int, int]:
    """Return ``satang`` as the fewest Thai notes and coins (what a careful cashier counts)."""
    counted: dict[int, int] = {}
    for value in sorted(THAI_DENOMINATIONS, reverse=True):
        pieces, satang = divmod(satang, value)
        if pieces:
            counted[value] = pieces
    return counted
