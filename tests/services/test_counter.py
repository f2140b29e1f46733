"""Checkout at the counter on a real SQLite terminal: what the receipt, the drawer and the member's points show.

One use case, one transaction: the sale, lines, payments, coupon use,
points, stock and the receipt's number commit together, or nothing does.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.pricing import LineDiscount, LineDiscountKind
from bnaura_desk.services import catalog, counter, customers, loyalty, shifts
from bnaura_desk.services.context import Override
from bnaura_desk.services.coupons import CouponRefused, issue_coupon
from bnaura_desk.store.models import (
    AchievementUnlock,
    AuditEntry,
    OutboxOperation,
    Payment,
    PointsEntry,
    Sale,
    SaleLine,
    StockMovement,
)
from tests.conftest import Staffed

CASH = PaymentMethod.CASH


def item(s: Staffed, kind: ItemKind, name: str, price: int, **kw: object) -> str:
    return str(s.terminal.run(catalog.create_item, ItemForm(kind=kind, name_th=name, price_satang=price, **kw),
                              actor=s.manager).result)


@pytest.fixture
def shop(staffed: Staffed) -> dict[str, str]:
    """A clinic with a treatment (VAT-exempt), a product (VAT 7 %) and an open shift with a ฿2,000 float."""
    s = staffed
    things = {
        "facial": item(s, ItemKind.TREATMENT, "ทรีทเมนต์หน้าใส", 350_000, vat_exempt=True, duration_minutes=60),
        "serum": item(s, ItemKind.PRODUCT, "เซรั่มวิตามินซี", 120_000, sku="SER-01"),
    }
    s.terminal.run(catalog.move_stock, things["serum"], 10, catalog.StockReason.RECEIVED, actor=s.manager)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    return things


def member(s: Staffed, points: int = 0) -> str:
    customer = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                                  actor=s.front_desk).result)
    if points:
        s.terminal.run(loyalty.adjust_points, customer, points, "ย้ายแต้มจากระบบเดิม", actor=s.manager)
    return customer


def count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def test_a_member_buys_a_treatment_and_a_serum_with_cash(staffed: Staffed, shop: dict[str, str]) -> None:
    s = staffed
    somying = member(s, 2_900)  # with her welcome 100: 3,000 lifetime, Gold (10 % off, 2× points)
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    done = s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, 531_000, 600_000),),
                                                          customer_id=somying), actor=s.front_desk).result
    # ฿3,500 + 2 × ฿1,200 = ฿5,900; Gold 10 % off: ฿5,310. Change from ฿6,000: ฿690.
    assert (done.total_satang, done.paid_satang, done.change_satang, done.balance_satang) == (531_000, 531_000, 69_000, 0)
    assert done.number.startswith("R00000-") and done.number.endswith("-000001")
    assert done.points_earned == 531_000 * 20 // 10_000  # 1 per ฿10, twice for Gold: 1,062
    sale = s.terminal.read(lambda session: session.get(Sale, done.sale_id))
    # The VAT-exempt treatment is kept apart: VAT is 7/107 of the serum's ฿2,160 only.
    assert (sale.exempt_satang, sale.vatable_satang, sale.vat_satang) == (315_000, 216_000, 14_131)
    assert (sale.tier, sale.tier_discount_satang, sale.customer_id) == ("gold", 59_000, somying)
    lines = s.terminal.read(lambda session: list(session.scalars(select(SaleLine).order_by(SaleLine.line_no))))
    assert [(li.name_th, li.quantity, li.net_satang, li.vat_code) for li in lines] == [
        ("ทรีทเมนต์หน้าใส", 1, 315_000, "exempt"), ("เซรั่มวิตามินซี", 2, 216_000, "vat7")]
    # The serum left the shelf; the points are on her statement with the receipt's number.
    assert s.terminal.read(catalog.stock_level, shop["serum"]) == 8
    # Her first purchase also unlocks First Purchase (100 points), in the same transaction.
    summary = s.terminal.read(loyalty.points_summary, somying, s.clock())
    assert summary.balance == 3_000 + 1_062 + 100
    assert s.terminal.read(lambda session: [u.achievement for u in session.scalars(
        select(AchievementUnlock).where(AchievementUnlock.customer_id == somying))]) == ["first_purchase"]
    reasons = s.terminal.read(lambda session: [e.reason for e in session.scalars(
        select(PointsEntry).where(PointsEntry.source == "purchase"))])
    assert reasons == [done.number]
    # The drawer expects the float plus the cash kept.
    expected = s.terminal.read(lambda session: shifts.cash_expected(session, shifts.open_shift_of(
        session, s.terminal.device().device_id)))
    assert expected == 200_000 + 531_000
    # Everything syncs: a sale, two lines, a payment, the stock move and the points.
    types = s.terminal.read(lambda session: [o.type for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.created_at == sale.at).order_by(OutboxOperation.seq))])
    assert sorted(types) == sorted(["sale.record", "sale_line.record", "sale_line.record", "stock.move",
                                    "payment.record", "points.record", "achievement.unlock", "points.record"])


def test_receipts_are_numbered_in_sequence_without_gaps(staffed: Staffed, shop: dict[str, str]) -> None:
    s = staffed
    numbers = []
    for _ in range(3):
        done = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),),
                                                              (Tender(CASH, 120_000),)), actor=s.front_desk).result
        numbers.append(done.number)
    # A refused checkout takes no number.
    with pytest.raises(BadInput):
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),), (Tender(CASH, 100_000),)),
                       actor=s.front_desk)
    done = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),),
                                                          (Tender(CASH, 120_000),)), actor=s.front_desk).result
    numbers.append(done.number)
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == [1, 2, 3, 4]
    assert len({n.split("-")[1] for n in numbers}) == 1  # this terminal's tag


@pytest.mark.parametrize(("tenders", "due_on", "why"), [
    ((Tender(CASH, 100_000),), None, "฿200.00 is still to pay"),
    ((Tender(CASH, 150_000),), None, "more than the ฿1,200.00 due"),
    ((Tender(CASH, 120_000, tendered_satang=100_000),), None, "less than ฿1,200.00"),
    ((Tender(PaymentMethod.CARD, 120_000, approval_code="A1B2C3"),), None, "last 4 digits"),
    ((Tender(PaymentMethod.CARD, 120_000, card_last4="1234"),), None, "approval code"),
    ((Tender(PaymentMethod.TRANSFER, 120_000),), None, "transfer's reference"),
    ((Tender(CASH, 0),), None, "above ฿0.00"),
    ((Tender(CASH, 50_000),), date(2020, 1, 1), "after today"),
    ((Tender(CASH, 120_000),), date(2099, 1, 1), "part of the sale now"),
])
def test_payments_that_do_not_add_up_are_refused_and_nothing_is_written(
        staffed: Staffed, shop: dict[str, str], tenders: tuple[Tender, ...], due_on: date | None, why: str) -> None:
    s = staffed
    before = (count(s, Sale), count(s, Payment), count(s, StockMovement), count(s, AuditEntry))
    with pytest.raises(BadInput) as refused:
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),), tenders,
                                                       balance_due_on=due_on), actor=s.front_desk)
    assert why in refused.value.render(lambda _c, text: text)
    assert (count(s, Sale), count(s, Payment), count(s, StockMovement), count(s, AuditEntry)) == before


def test_a_deposit_leaves_the_balance_due_on_its_date(staffed: Staffed, shop: dict[str, str]) -> None:
    s = staffed
    due = (s.clock() + timedelta(days=30)).date()
    done = s.terminal.run(counter.checkout, counter.Order(
        (counter.OrderLine(shop["facial"]),), (Tender(PaymentMethod.TRANSFER, 100_000, reference="KBANK 889123"),),
        balance_due_on=due), actor=s.front_desk).result
    assert (done.total_satang, done.paid_satang, done.balance_satang) == (350_000, 100_000, 250_000)
    sale = s.terminal.read(lambda session: session.get(Sale, done.sale_id))
    assert sale.balance_due_on == due


def test_a_coupon_is_used_once_and_a_wrong_one_changes_nothing(staffed: Staffed, shop: dict[str, str]) -> None:
    s = staffed
    code = s.terminal.run(issue_coupon, CouponTerms(kind=CouponKind.PERCENT, percent=10), actor=s.manager).result.code
    done = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["facial"]),),
                                                          (Tender(CASH, 315_000),), coupon_code=code.lower()),
                          actor=s.front_desk).result
    assert done.total_satang == 315_000
    sale = s.terminal.read(lambda session: session.get(Sale, done.sale_id))
    assert (sale.coupon_code, sale.coupon_discount_satang) == (code, 35_000)
    before = (count(s, Sale), count(s, AuditEntry))
    with pytest.raises(CouponRefused) as used:
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["facial"]),),
                                                       (Tender(CASH, 315_000),), coupon_code=code),
                       actor=s.front_desk)
    assert "used" in used.value.render(lambda _c, text: text)
    assert (count(s, Sale), count(s, AuditEntry)) == before


def test_a_big_line_discount_needs_a_manager(staffed: Staffed, shop: dict[str, str]) -> None:
    s = staffed
    half = counter.Order((counter.OrderLine(shop["serum"], discount=LineDiscount(LineDiscountKind.PERCENT, 5_000,
                                                                                    "สินค้าตัวโชว์")),),
                         (Tender(CASH, 60_000),))
    with pytest.raises(PermissionDenied):
        s.terminal.run(counter.checkout, half, actor=s.front_desk)
    assert count(s, Sale) == 0
    approved = Override(authorizer=s.manager, permission=counter.Permission.SALE_DISCOUNT, granted_at=s.clock())
    done = s.terminal.run(counter.checkout, half, actor=s.front_desk, override=approved).result
    assert done.total_satang == 60_000
    audit = s.terminal.read(lambda session: session.scalars(
        select(AuditEntry).where(AuditEntry.action == "sale.record")).one())
    assert audit.authorized_by_id == s.manager.staff_id


def test_no_sale_without_an_open_shift(staffed: Staffed) -> None:
    s = staffed
    serum = item(s, ItemKind.PRODUCT, "เซรั่ม", 120_000, sku="SER-02")
    with pytest.raises(BadInput) as refused:
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(serum),), (Tender(CASH, 120_000),)),
                       actor=s.front_desk)
    assert "Open a shift" in refused.value.render(lambda _c, text: text)


def test_a_friends_first_paid_visit_awards_the_referrer(staffed: Staffed, shop: dict[str, str]) -> None:
    s = staffed
    mali = member(s)
    code = s.terminal.read(lambda session: session.get(customers.Customer, mali).referral_code)
    friend = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="ฝน ดีใจ", phone="0899999999"),
                                referral_code=code, actor=s.front_desk).result)
    before = s.terminal.read(loyalty.points_summary, mali, s.clock()).balance
    for _ in range(2):  # her second visit awards nothing more
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),), (Tender(CASH, 114_000),),
                                                       customer_id=friend), actor=s.front_desk)
    assert s.terminal.read(loyalty.points_summary, mali, s.clock()).balance == before + 200
