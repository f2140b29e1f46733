"""The X and Z reports on the 80 mm roll: what a terminal sold in a shift (X) or a day (Z).

A Z report is what the clinic's accountant files with the day: the
number of receipts and their first and last numbers, the sales with each
kind of discount, the VAT-able, VAT and exempt parts, and the money by
payment method. An X report is the same for the open shift, with the cash
the drawer should hold. Both count the cash put in and taken out by hand;
the X report lists each movement with its reason.

Both end with the treatments performed at the branch in the period, by
performer (how many lines, their net as sold): what the manager pays the
beauticians by. It is the branch's (a treatment is performed at the branch,
whichever terminal sold it), so every terminal's report shows the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..domain.cash_movements import CashDirection
from ..domain.dates import format_time
from ..domain.payments import PaymentMethod
from . import labels
from .fonts import Weight
from .layout import Gap, label_amount, roll_pdf, text
from .model import Seller
from .receipt import MARGIN, ROLL_WIDTH, SIZE, SMALL, WIDTH


class ReportKind(StrEnum):
    """An X report (a shift so far) or a Z report (a day, closed)."""

    X = "X"
    Z = "Z"


@dataclass(frozen=True)
class MethodTotal:
    """The money one payment method took: how many payments and how much."""

    method: PaymentMethod
    count: int
    amount_satang: int


@dataclass(frozen=True)
class GivenBack:
    """Money the terminal gave back in the period: voids and refunds, each counted and summed (credit notes)."""

    voids: int = 0
    voids_satang: int = 0
    refunds: int = 0
    refunds_satang: int = 0

    @property
    def total_satang(self) -> int:
        return self.voids_satang + self.refunds_satang


@dataclass(frozen=True)
class CashMoveLine:
    """One cash movement as an X report lists it: when, which way, how much, why."""

    at: datetime
    direction: CashDirection
    amount_satang: int
    reason: str


@dataclass(frozen=True)
class CashMoves:
    """Cash put into and taken out of the drawer by hand in the period, each way counted and summed.

    ``lines`` lists each movement (an X report's; a Z report counts only).
    """

    ins: int = 0
    in_satang: int = 0
    outs: int = 0
    out_satang: int = 0
    lines: tuple[CashMoveLine, ...] = ()


@dataclass(frozen=True)
class PerformerLine:
    """One performer's treatments in the period: how many sale lines, and their net as sold (satang)."""

    name: str
    lines: int
    net_satang: int


@dataclass(frozen=True)
class SalesReport:
    """What a terminal sold in a period, as the report prints it (money in satang).

    ``vatable_satang`` is the 7 % part before VAT (as on the receipts):
    ``vatable + vat + exempt == total``. The cash fields are an X report's
    (None on a Z report). ``payments`` is all the money the period took by
    method: the sales' own and the balances received.
    """

    kind: ReportKind
    seller: Seller
    terminal: str
    pos_number: str
    period_start: datetime
    period_end: datetime
    printed_at: datetime
    receipts: int
    first_number: str
    last_number: str
    subtotal_satang: int
    line_discount_satang: int
    tier_discount_satang: int
    coupon_discount_satang: int
    total_satang: int
    vatable_satang: int
    vat_satang: int
    exempt_satang: int
    payments: tuple[MethodTotal, ...]
    balance_due_satang: int  # what deposits among these sales left to pay at their checkout
    float_satang: int | None = None
    cash_expected_satang: int | None = None
    cash_counted_satang: int | None = None
    given_back: GivenBack = GivenBack()
    cash_moves: CashMoves = CashMoves()
    # Payments taken in the period toward a deposit's balance (any sale's,
    # earlier ones included): in ``payments`` by method, not in the sales.
    balances_received: int = 0
    balances_received_satang: int = 0
    # The treatments performed at the branch in the period, by performer (most net first);
    # ``performed_refunded`` of their lines were voided or refunded (still counted as sold).
    performed: tuple[PerformerLine, ...] = ()
    performed_refunded: int = 0

    @property
    def net_satang(self) -> int:
        """The sales less what voids and refunds gave back."""
        return self.total_satang - self.given_back.total_satang

    def __post_init__(self) -> None:
        discounts = self.line_discount_satang + self.tier_discount_satang + self.coupon_discount_satang
        if self.subtotal_satang - discounts != self.total_satang:
            raise ValueError("the sales less their discounts are not the total")
        if self.vatable_satang + self.vat_satang + self.exempt_satang != self.total_satang:
            raise ValueError("the VAT parts do not add up to the total")
        taken = sum(m.amount_satang for m in self.payments) - self.balances_received_satang
        if taken + self.balance_due_satang != self.total_satang:
            raise ValueError("the payments and the balances due do not add up to the total")


TITLES = {
    ReportKind.X: ("รายงานยอดขายระหว่างกะ", "X REPORT"),
    ReportKind.Z: ("รายงานสรุปยอดขายประจำวัน", "Z REPORT"),
}
TERMINAL = "เครื่อง / Terminal"
PERIOD_FROM = "ตั้งแต่ / From"
PERIOD_TO = "ถึง / To"
PRINTED = "พิมพ์เมื่อ / Printed"
RECEIPTS = "จำนวนใบเสร็จ / Receipts"
FIRST_NUMBER = "เลขที่แรก / First No."
LAST_NUMBER = "เลขที่สุดท้าย / Last No."
GROSS = "ยอดขายก่อนส่วนลด / Gross sales"
LINE_DISCOUNTS = "ส่วนลดรายการ / Line discounts"
TIER_DISCOUNTS = "ส่วนลดสมาชิก / Member discounts"
COUPON_DISCOUNTS = "ส่วนลดคูปอง / Coupons"
NET = "ยอดขายสุทธิ / Net sales"
BY_METHOD = "รับชำระตามวิธี / By payment method"
BALANCE_DUE = "ค้างชำระ (มัดจำ) / Balances due"
BALANCES_RECEIVED = "รับยอดค้างชำระ / Balances paid"
FLOAT = "เงินทอนตั้งต้น / Float"
CASH_EXPECTED = "เงินสดที่ควรมี / Cash expected"
CASH_COUNTED = "เงินสดที่นับได้ / Cash counted"
DIFFERENCE = "ส่วนต่าง / Difference"
VOIDS = "ยกเลิกการขาย / Voids"
REFUNDS = "คืนเงิน / Refunds"
NET_AFTER_REFUNDS = "สุทธิหลังคืนเงิน / Net after refunds"
CASH_IN = "นำเงินสดเข้า / Cash in"
CASH_OUT = "นำเงินสดออก / Cash out"
PERFORMED = "ทรีตเมนต์ที่ทำ (ทั้งสาขา) / Treatments performed (branch)"
PERFORMED_TOTAL = "รวม / Total"
PERFORMED_NONE = "ไม่มีทรีตเมนต์ที่ทำในช่วงนี้ / None performed in this period"
PERFORMED_AS_SOLD = "ยอดตามราคาขาย ก่อนหักคืนเงิน / Net as sold, before refunds"
PERFORMED_REFUNDED = ("ในจำนวนนี้ {count:,} รายการถูกยกเลิกหรือคืนเงิน (ยังนับตามราคาขาย)"
                      " / {count:,} of these lines were voided or refunded (counted as sold)")
NONE = "-"


def _cash_moves(moves: CashMoves) -> list[Flowable]:
    """Return the cash in and cash out rows, each movement under its way (time, reason, amount)."""
    parts: list[Flowable] = [Gap(6, dashed=True)]
    for label, count, satang, direction in ((CASH_IN, moves.ins, moves.in_satang, CashDirection.IN),
                                             (CASH_OUT, moves.outs, -moves.out_satang, CashDirection.OUT)):
        parts.append(label_amount(f"{label} ({count:,})", satang, WIDTH, SIZE))
        for line in moves.lines:
            if line.direction is direction:
                signed = line.amount_satang if direction is CashDirection.IN else -line.amount_satang
                parts.append(label_amount(f"{format_time(line.at)} {line.reason}", signed, WIDTH, SMALL,
                                          indent=3 * mm))
    return parts


def _performed(report: SalesReport) -> list[Flowable]:
    """Return the treatments performed section: each performer with lines and net, the total and the footnote."""
    parts: list[Flowable] = [Gap(6, dashed=True), text(PERFORMED, WIDTH, SIZE, Weight.SEMIBOLD)]
    if not report.performed:
        return parts + [text(PERFORMED_NONE, WIDTH, SMALL)]
    for performer in report.performed:
        parts.append(label_amount(f"{performer.name or NONE} ({performer.lines:,})", performer.net_satang, WIDTH,
                                  SIZE))
    lines = sum(p.lines for p in report.performed)
    parts += [Gap(2), label_amount(f"{PERFORMED_TOTAL} ({lines:,})", sum(p.net_satang for p in report.performed),
                                   WIDTH, SIZE, Weight.BOLD),
              text(PERFORMED_AS_SOLD, WIDTH, SMALL)]
    if report.performed_refunded:
        parts.append(text(PERFORMED_REFUNDED.format(count=report.performed_refunded), WIDTH, SMALL))
    return parts


def sales_report_pdf(report: SalesReport) -> bytes:
    """Return the report as a one-page PDF, 80 mm wide and as tall as its content."""
    seller = report.seller
    title_th, title_en = TITLES[report.kind]
    parts: list[Flowable] = [
        text(seller.name_th, WIDTH, 11, Weight.BOLD, "center"),
        text(f"{labels.TIN} {seller.tin}", WIDTH, SMALL, align="center"),
        text(labels.branch_line(seller.branch_label_th, seller.branch_label_en), WIDTH, SMALL, align="center"),
        Gap(3),
        text(title_th, WIDTH, 11, Weight.BOLD, "center"),
        text(title_en, WIDTH, SMALL, Weight.SEMIBOLD, "center"),
        Gap(3),
        label_amount(TERMINAL, report.terminal, WIDTH, SMALL, amount_width=38 * mm),
        label_amount(labels.POS_NUMBER, report.pos_number or NONE, WIDTH, SMALL, amount_width=30 * mm),
        label_amount(PERIOD_FROM, labels.moment(report.period_start), WIDTH, SMALL, amount_width=38 * mm),
        label_amount(PERIOD_TO, labels.moment(report.period_end), WIDTH, SMALL, amount_width=38 * mm),
        Gap(6, dashed=True),
        label_amount(RECEIPTS, f"{report.receipts:,}", WIDTH, SIZE),
        label_amount(FIRST_NUMBER, report.first_number or NONE, WIDTH, SIZE, amount_width=38 * mm),
        label_amount(LAST_NUMBER, report.last_number or NONE, WIDTH, SIZE, amount_width=38 * mm),
        Gap(6, dashed=True),
        label_amount(GROSS, report.subtotal_satang, WIDTH, SIZE),
        label_amount(LINE_DISCOUNTS, -report.line_discount_satang, WIDTH, SIZE),
        label_amount(TIER_DISCOUNTS, -report.tier_discount_satang, WIDTH, SIZE),
        label_amount(COUPON_DISCOUNTS, -report.coupon_discount_satang, WIDTH, SIZE),
        Gap(2),
        label_amount(NET, report.total_satang, WIDTH, 11, Weight.BOLD, amount_width=30 * mm),
        text(f"({labels.VAT_INCLUDED})", WIDTH, SMALL, Weight.SEMIBOLD),
        label_amount(labels.VATABLE, report.vatable_satang, WIDTH, SMALL),
        label_amount(labels.VAT, report.vat_satang, WIDTH, SMALL),
        label_amount(labels.EXEMPT, report.exempt_satang, WIDTH, SMALL),
        Gap(6, dashed=True),
        text(BY_METHOD, WIDTH, SIZE, Weight.SEMIBOLD),
    ]
    for method in report.payments:
        name = f"{labels.PAYMENT_METHODS[method.method]} ({method.count:,})"
        parts.append(label_amount(name, method.amount_satang, WIDTH, SIZE))
    if report.balances_received:
        parts.append(label_amount(f"{BALANCES_RECEIVED} ({report.balances_received:,})",
                                  report.balances_received_satang, WIDTH, SIZE))
    if report.balance_due_satang:
        parts.append(label_amount(BALANCE_DUE, report.balance_due_satang, WIDTH, SIZE))
    back = report.given_back
    parts += [
        Gap(6, dashed=True),
        label_amount(f"{VOIDS} ({back.voids:,})", -back.voids_satang, WIDTH, SIZE),
        label_amount(f"{REFUNDS} ({back.refunds:,})", -back.refunds_satang, WIDTH, SIZE),
        Gap(2),
        label_amount(NET_AFTER_REFUNDS, report.net_satang, WIDTH, SIZE, Weight.BOLD),
    ]
    parts += _cash_moves(report.cash_moves)
    if report.cash_expected_satang is not None:
        parts += [Gap(6, dashed=True)]
        if report.float_satang is not None:
            parts.append(label_amount(FLOAT, report.float_satang, WIDTH, SIZE))
        parts.append(label_amount(CASH_EXPECTED, report.cash_expected_satang, WIDTH, SIZE, Weight.SEMIBOLD))
        if report.cash_counted_satang is not None:
            parts += [label_amount(CASH_COUNTED, report.cash_counted_satang, WIDTH, SIZE),
                      label_amount(DIFFERENCE, report.cash_counted_satang - report.cash_expected_satang, WIDTH,
                                   SIZE, Weight.BOLD)]
    parts += _performed(report)
    parts += [Gap(6, dashed=True), label_amount(PRINTED, labels.moment(report.printed_at), WIDTH, SMALL,
                                                amount_width=38 * mm)]
    return roll_pdf(parts, ROLL_WIDTH, MARGIN, f"{title_en} {report.terminal}", seller.name_th)

