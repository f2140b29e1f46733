"""X and Z reports: what the accountant and the manager read at the end of a shift and a day."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest

from bnaura_desk.documents.sales_report import ReportKind, sales_report_pdf
from bnaura_desk.domain.cash_movements import CashDirection
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import branches, cash_movements, catalog, counter, customers, refunds, shifts
from bnaura_desk.services.sales_reports import x_report, z_report
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text, squashed

CASH, CARD = PaymentMethod.CASH, PaymentMethod.CARD


@pytest.fixture
def day(staffed: Staffed) -> list[counter.SaleDone]:
    """A morning: three sales (one to a member, one split card and cash, one a deposit by transfer)."""
    s = staffed
    s.terminal.run(branches.update_branch, tax_id="0105561234567", actor=s.owner)
    facial = s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                          price_satang=150_000, vat_exempt=True,
                                                          duration_minutes=60), actor=s.manager).result
    serum = s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม",
                                                         price_satang=107_000, sku="S-1"), actor=s.manager).result
    member = s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                            actor=s.front_desk).result
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    sell = [
        # ฿1,070 serum to a Bronze member: 5 % off, ฿1,016.50 cash from ฿1,100.
        counter.Order((counter.OrderLine(serum),), (Tender(CASH, 101_650, 110_000),), customer_id=member),
        # A facial and a serum: ฿2,570, ฿2,000 by card and ฿570 cash.
        counter.Order((counter.OrderLine(facial), counter.OrderLine(serum)),
                      (Tender(CARD, 200_000, approval_code="777", card_last4="1111"), Tender(CASH, 57_000))),
        # A facial on deposit: ฿500 by transfer now, ฿1,000 due next week.
        counter.Order((counter.OrderLine(facial),), (Tender(PaymentMethod.TRANSFER, 50_000, reference="SCB 1"),),
                      balance_due_on=bangkok_date(s.clock()) + timedelta(days=7)),
    ]
    return [s.terminal.run(counter.checkout, order, actor=s.front_desk).result for order in sell]


def test_the_x_report_sums_the_open_shift_and_the_cash_the_drawer_should_hold(staffed: Staffed,
                                                                              day: list[counter.SaleDone]) -> None:
    s = staffed
    report = s.terminal.read(x_report, s.clock())
    assert report.kind is ReportKind.X
    assert (report.receipts, report.first_number, report.last_number) == (3, day[0].number, day[2].number)
    assert (report.subtotal_satang, report.tier_discount_satang, report.total_satang) == (
        107_000 + 257_000 + 150_000, 5_350, 101_650 + 257_000 + 150_000)
    # VAT only on the two serums (฿1,016.50 + ฿1,070 = ฿2,086.50: VAT ฿136.50); the facials are exempt.
    assert (report.vatable_satang + report.vat_satang, report.vat_satang, report.exempt_satang) == (
        208_650, 13_650, 300_000)
    assert [(m.method, m.count, m.amount_satang) for m in report.payments] == [
        (CASH, 2, 158_650), (CARD, 1, 200_000), (PaymentMethod.TRANSFER, 1, 50_000)]
    assert report.balance_due_satang == 100_000
    # The ฿2,000 float and the cash kept: ฿3,586.50.
    assert (report.float_satang, report.cash_expected_satang) == (200_000, 358_650)


def test_the_z_report_is_the_days_and_needs_no_open_shift(staffed: Staffed, day: list[counter.SaleDone]) -> None:
    s = staffed
    s.terminal.run(shifts.close_shift, {100_000: 3, 50_000: 1, 5_000: 1, 1_000: 3, 500: 1, 50: 1},
                   actor=s.front_desk)
    today = bangkok_date(s.clock())
    report = s.terminal.read(z_report, today, s.clock())
    assert (report.kind, report.receipts, report.total_satang) == (ReportKind.Z, 3, 508_650)
    assert report.cash_expected_satang is None
    # The day before sold nothing: an empty report, not an error.
    empty = s.terminal.read(z_report, today - timedelta(days=1), s.clock())
    assert (empty.receipts, empty.first_number, empty.total_satang, empty.payments) == (0, "", 0, ())
    with pytest.raises(BadInput):  # no shift open for an X report now
        s.terminal.read(x_report, s.clock())


def test_the_reports_show_voids_and_refunds_and_the_net_and_the_drawer_less_cash_given_back(
        staffed: Staffed, day: list[counter.SaleDone]) -> None:
    s = staffed
    # The split sale is voided (its ฿570 cash goes back); the member's serum is refunded in cash.
    s.terminal.run(refunds.void_sale, day[1].sale_id, "คีย์ผิด", actor=s.manager)
    s.terminal.run(refunds.refund_sale, day[0].sale_id, None, CASH, "แพ้", actor=s.manager)
    report = s.terminal.read(x_report, s.clock())
    back = report.given_back
    assert (back.voids, back.voids_satang, back.refunds, back.refunds_satang) == (1, 257_000, 1, 101_650)
    assert report.total_satang == 508_650  # the receipts issued stay as they were
    assert report.net_satang == 508_650 - 257_000 - 101_650
    # The float, less nothing of the cash kept: ฿2,000 + ฿1,016.50 + ฿570 − ฿570 − ฿1,016.50.
    assert report.cash_expected_satang == 200_000
    pdf = sales_report_pdf(report)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    for seen in ("Voids (1)", "-2,570.00", "Refunds (1)", "-1,016.50", "Net after refunds", "1,500.00"):
        assert seen in text, seen
    # The Z report of the day counts the same.
    s.terminal.run(shifts.close_shift, {100_000: 2}, actor=s.front_desk)
    z = s.terminal.read(z_report, bangkok_date(s.clock()), s.clock())
    assert (z.given_back, z.net_satang) == (back, report.net_satang)


def test_the_reports_show_cash_in_and_out_and_the_drawer_counts_them(staffed: Staffed,
                                                                    day: list[counter.SaleDone]) -> None:
    s = staffed
    s.terminal.run(cash_movements.record_cash_movement, CashDirection.IN, 100_000, "แลกเหรียญจากธนาคาร",
                   actor=s.front_desk)
    s.clock.advance(minutes=30)
    s.terminal.run(cash_movements.record_cash_movement, CashDirection.OUT, 4_500, "ซื้อกาแฟให้ลูกค้า", actor=s.manager)
    s.terminal.run(cash_movements.record_cash_movement, CashDirection.OUT, 20_000, "ค่าแท็กซี่ส่งของ",
                   actor=s.manager)
    report = s.terminal.read(x_report, s.clock())
    moves = report.cash_moves
    assert (moves.ins, moves.in_satang, moves.outs, moves.out_satang) == (1, 100_000, 2, 24_500)
    assert [(m.direction, m.amount_satang, m.reason) for m in moves.lines] == [
        (CashDirection.IN, 100_000, "แลกเหรียญจากธนาคาร"), (CashDirection.OUT, 4_500, "ซื้อกาแฟให้ลูกค้า"),
        (CashDirection.OUT, 20_000, "ค่าแท็กซี่ส่งของ")]
    # The ฿3,586.50 of the morning, ฿1,000 more change, ฿245 paid out.
    assert report.cash_expected_satang == 358_650 + 100_000 - 24_500
    text = squashed(pdf_text(sales_report_pdf(report)))
    # Each way with its count and sum, each movement under it with its time and reason, the drawer after them.
    for seen in ("Cashin(1)1,000.00", "10:00แลกเหรียญจากธนาคาร1,000.00", "Cashout(2)-245.00", "10:30ซื้อกาแฟให้ลูกค้า-45.00",
                 "10:30ค่าแท็กซี่ส่งของ-200.00", "Cashexpected4,341.50"):
        assert seen in text, seen
    # The Z report of the day counts them, without the lines.
    s.terminal.run(shifts.close_shift, {100_000: 4}, actor=s.front_desk)
    z = s.terminal.read(z_report, bangkok_date(s.clock()), s.clock())
    assert (z.cash_moves.ins, z.cash_moves.in_satang, z.cash_moves.outs, z.cash_moves.out_satang,
            z.cash_moves.lines) == (1, 100_000, 2, 24_500, ())
    z_text = squashed(pdf_text(sales_report_pdf(z)))
    assert "Cashin(1)1,000.00" in z_text and "Cashout(2)-245.00" in z_text and "ซื้อกาแฟให้ลูกค้า" not in z_text
