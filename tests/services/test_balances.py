"""A deposit's balance paid later, on a real SQLite terminal: the drawer, the receipt's copy and the refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from bnaura_desk.documents import receipt_pdf
from bnaura_desk.documents.sales_report import sales_report_pdf
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import BadInput, NotFound
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import balances, branches, counter, refunds, sales_reports, shifts
from bnaura_desk.services.receipts import receipt_document
from bnaura_desk.store.models import AuditEntry, OutboxOperation, Payment
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text
from tests.services.test_counter import member, shop  # noqa: F401 (the fixture)

CASH, TRANSFER = PaymentMethod.CASH, PaymentMethod.TRANSFER


def english(error: Exception) -> str:
    return error.render(lambda _c, text: text)  # type: ignore[attr-defined, no-any-return]


def drawer(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: shifts.cash_expected(
        session, shifts.open_shift_of(session, s.terminal.device().device_id))))


def written(s: Staffed) -> tuple[int, int, int]:
    def count(model: type) -> int:
        return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))
    return count(Payment), count(AuditEntry), count(OutboxOperation)


@pytest.fixture
def deposit(staffed: Staffed, shop: dict[str, str]) -> tuple[str, counter.SaleDone]:  # noqa: F811
    """A member's ฿3,325 facial (Bronze 5 % off): ฿1,000 by transfer now, the rest due in 30 days."""
    s = staffed
    somying = member(s)
    due = bangkok_date(s.clock()) + timedelta(days=30)
    done = s.terminal.run(counter.checkout, counter.Order(
        (counter.OrderLine(shop["facial"]),), (Tender(TRANSFER, 100_000, reference="KBANK 1"),),
        customer_id=somying, balance_due_on=due), actor=s.front_desk).result
    assert (done.total_satang, done.balance_satang) == (332_500, 232_500)
    return somying, done


def test_the_balance_is_paid_in_two_installments_into_the_drawer_and_the_copy_shows_every_payment(
        staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    somying, sale = deposit
    [owed] = s.terminal.read(balances.customer_balances, somying)
    assert (owed.number, owed.balance_satang, owed.overdue(bangkok_date(s.clock()))) == (sale.number, 232_500, False)
    before = drawer(s)
    s.clock.advance(days=7)
    first = s.terminal.run(balances.pay_balance, sale.sale_id, [Tender(CASH, 100_000, tendered_satang=100_000)],
                           actor=s.front_desk).result
    assert (first.paid_satang, first.change_satang, first.balance_satang) == (100_000, 0, 132_500)
    # The second installment in cash from ฿1,500: ฿175 change; nothing is owed after it.
    s.clock.advance(days=7)
    second = s.terminal.run(balances.pay_balance, sale.sale_id, [Tender(CASH, 132_500, tendered_satang=150_000)],
                            actor=s.front_desk).result
    assert (second.paid_satang, second.change_satang, second.balance_satang) == (132_500, 17_500, 0)
    assert drawer(s) == before + 232_500
    assert s.terminal.read(balances.customer_balances, somying) == []
    # Each payment is audited and leaves the terminal for the server.
    ops = s.terminal.read(lambda session: list(session.scalars(
        select(OutboxOperation.type).where(OutboxOperation.type == "payment.record"))))
    assert len(ops) == 3
    # The copy of the receipt lists the deposit and both installments, dated; the original only the deposit.
    s.terminal.run(branches.update_branch, tax_id="0105561234567", actor=s.owner)
    copy = pdf_text(receipt_pdf(s.terminal.read(receipt_document, sale.sale_id, copy=True)))
    assert "COPY" in copy and "KBANK 1" in copy
    assert copy.count("Received") == 2 and "1,000.00" in copy and "1,325.00" in copy
    assert "Balance due" not in copy
    original = pdf_text(receipt_pdf(s.terminal.read(receipt_document, sale.sale_id)))
    assert "Received" not in original and "2,325.00" in original  # the balance due at the sale


def test_a_copy_after_one_installment_shows_what_is_still_owed(
        staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = deposit
    s.terminal.run(branches.update_branch, tax_id="0105561234567", actor=s.owner)
    s.terminal.run(balances.pay_balance, sale.sale_id, [Tender(PaymentMethod.CARD, 50_000, approval_code="a1",
                                                               card_last4="4242")], actor=s.front_desk)
    text = pdf_text(receipt_pdf(s.terminal.read(receipt_document, sale.sale_id, copy=True)))
    assert "Balance due" in text and "1,825.00" in text and "**** 4242 APPR A1" in text


@pytest.mark.parametrize(("tenders", "why"), [
    ([], "Enter the payment of the balance"),
    ([Tender(CASH, 0)], "enter an amount above ฿0.00"),
    ([Tender(CASH, -100)], "enter an amount above ฿0.00"),
    ([Tender(TRANSFER, 232_600, reference="SCB 2")], "more than the ฿2,325.00 still to pay"),
    ([Tender(CASH, 200_000), Tender(CASH, 32_600)], "more than the ฿2,325.00 still to pay"),
    ([Tender(PaymentMethod.CARD, 1_000)], "approval code"),
])
def test_wrong_payments_are_refused_and_nothing_is_written(
        staffed: Staffed, deposit: tuple[str, counter.SaleDone], tenders: list[Tender], why: str) -> None:
    s = staffed
    before = written(s)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(balances.pay_balance, deposit[1].sale_id, tenders, actor=s.front_desk)
    assert why in english(refused.value)
    assert written(s) == before


def test_cash_handed_over_beyond_the_balance_is_change_not_payment(
        staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    before = drawer(s)
    done = s.terminal.run(balances.pay_balance, deposit[1].sale_id, [Tender(CASH, 232_500, tendered_satang=300_000)],
                          actor=s.front_desk).result
    assert (done.change_satang, done.balance_satang, drawer(s)) == (67_500, 0, before + 232_500)


def test_a_sale_paid_in_full_a_refunded_one_and_an_unknown_one_take_no_payment(
        staffed: Staffed, shop: dict[str, str], deposit: tuple[str, counter.SaleDone]) -> None:  # noqa: F811
    s = staffed
    paid = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),),
                                                          (Tender(CASH, 120_000),)), actor=s.front_desk).result
    before = written(s)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(balances.pay_balance, paid.sale_id, [Tender(CASH, 100)], actor=s.front_desk)
    assert f"Nothing is left to pay on receipt {paid.number}" in english(refused.value)
    with pytest.raises(NotFound):
        s.terminal.run(balances.pay_balance, "0190f0f0-0000-7000-8000-000000000000", [Tender(CASH, 100)],
                       actor=s.front_desk)
    s.terminal.run(refunds.refund_sale, deposit[1].sale_id, None, TRANSFER, "ลูกค้ายกเลิกคอร์ส", actor=s.manager)
    before = written(s)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(balances.pay_balance, deposit[1].sale_id, [Tender(CASH, 100)], actor=s.front_desk)
    assert "was voided or refunded" in english(refused.value)
    assert written(s) == before
    assert s.terminal.read(balances.customer_balances, deposit[0]) == []


def test_no_payment_without_an_open_shift(staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    s.terminal.run(shifts.close_shift, {}, actor=s.front_desk)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(balances.pay_balance, deposit[1].sale_id, [Tender(CASH, 100)], actor=s.front_desk)
    assert "Open a shift before taking a payment" in english(refused.value)


def test_an_overdue_balance_is_marked_so(staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    owed = s.terminal.read(balances.outstanding, deposit[1].sale_id)
    today = bangkok_date(s.clock())
    assert not owed.overdue(today) and owed.overdue(today + timedelta(days=31))


def test_a_balance_counts_in_the_shift_and_the_day_that_took_it(
        staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = deposit
    s.terminal.run(branches.update_branch, tax_id="0105561234567", actor=s.owner)
    first_shift = s.terminal.read(lambda session: shifts.open_shift_of(session, s.terminal.device().device_id)).id
    s.terminal.run(shifts.close_shift, {}, actor=s.front_desk)
    s.clock.advance(days=1)
    s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk)
    s.terminal.run(balances.pay_balance, sale.sale_id, [Tender(CASH, 132_500, tendered_satang=140_000),
                                                        Tender(PaymentMethod.CARD, 100_000, approval_code="77",
                                                               card_last4="1111")], actor=s.front_desk)
    # Today's shift sold nothing but took ฿2,325: cash in the drawer, card by method, the line says why.
    x = s.terminal.read(sales_reports.x_report, s.clock())
    assert (x.receipts, x.total_satang, x.balance_due_satang) == (0, 0, 0)
    assert [(m.method, m.count, m.amount_satang) for m in x.payments] == [(CASH, 1, 132_500),
                                                                        (PaymentMethod.CARD, 1, 100_000)]
    assert (x.balances_received, x.balances_received_satang) == (2, 232_500)
    assert x.cash_expected_satang == 100_000 + 132_500
    text = pdf_text(sales_report_pdf(x))
    assert "/ Balances paid (2) 2,325.00" in text
    # The sale's own shift still shows the deposit it took and the balance it left, nothing more.
    before = s.terminal.read(sales_reports.x_report, s.clock(), first_shift)
    assert [(m.method, m.amount_satang) for m in before.payments] == [(TRANSFER, 100_000)]
    assert (before.balance_due_satang, before.balances_received) == (232_500, 0)
    # The days' Z reports likewise.
    today = bangkok_date(s.clock())
    z = s.terminal.read(sales_reports.z_report, today, s.clock())
    assert (z.receipts, z.balances_received_satang, sum(m.amount_satang for m in z.payments)) == (0, 232_500, 232_500)
    yesterday = s.terminal.read(sales_reports.z_report, today - timedelta(days=1), s.clock())
    assert (yesterday.receipts, yesterday.balance_due_satang, yesterday.balances_received) == (1, 232_500, 0)


def test_a_deposit_whose_balance_was_paid_in_another_shift_is_refunded_not_voided(
        staffed: Staffed, deposit: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = deposit
    # An installment another terminal took in its own shift, as sync brings it here.
    row = s.terminal.read(lambda session: session.scalars(select(Payment).where(Payment.sale_id == sale.sale_id)).one())
    pulled = {c.name: getattr(row, c.key) for c in Payment.__table__.columns}
    pulled |= {"id": uuid7(), "shift_id": uuid7(), "method": "cash", "reference": "", "amount_satang": 10_000,
               "tendered_satang": 10_000, "at": row.at + timedelta(hours=2)}
    with s.terminal.db.engine.begin() as connection:
        connection.execute(insert(Payment.__table__).values(**pulled))
    with pytest.raises(BadInput) as refused:
        s.terminal.run(refunds.void_sale, sale.sale_id, "คีย์ผิด", actor=s.manager)
    assert "paid in another shift; refund it instead" in english(refused.value)
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ลูกค้ายกเลิก", actor=s.manager).result
    assert done.amount_satang == 110_000  # what was paid, wherever it was taken
