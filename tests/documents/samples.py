"""Documents as the checkout would fill them: a Gold member's mixed sale, its full tax invoice, a refund."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bnaura_desk.documents import (
    Buyer,
    CreditNote,
    Discount,
    DocumentLine,
    FullTaxInvoice,
    Member,
    Payment,
    PaymentMethod,
    Receipt,
    Seller,
    Totals,
    VatCode,
)
from bnaura_desk.documents.consent_form import ConsentForm
from bnaura_desk.documents.sales_report import GivenBack, PerformerLine, ReportKind, SalesReport
from bnaura_desk.documents.sales_report import MethodTotal as ReportMethodTotal
from bnaura_desk.domain.money import vat_included

SELLER = Seller(
    name_th="บีเอ็น ออร่า คลินิกเวชกรรม สาขาสยาม",
    name_en="BN-Aura Clinic Siam",
    address="999/9 อาคารสยามพารากอน ชั้น 4 ถนนพระรามที่ 1 แขวงปทุมวัน เขตปทุมวัน กรุงเทพมหานคร 10330",
    tin="0105561234567",
    branch_no="00001",
)
LONG_NAME = "ทรีตเมนต์หน้าใสเลเซอร์ (Laser Facial Treatment) พร้อมมาส์กบำรุงผิวสูตรพิเศษเพื่อผิวที่แพ้ง่าย"
SOLD_AT = datetime(2026, 12, 7, 3, 32, tzinfo=UTC)  # 10:32 in Bangkok, 7 ธ.ค. 2569


def totals_of(lines: tuple[DocumentLine, ...]) -> Totals:
    """Return the totals the pricing function would give these lines (VAT by the domain's own formula)."""
    total = sum(line.net_satang for line in lines)
    exempt = sum(line.net_satang for line in lines if line.vat_code is VatCode.EXEMPT)
    vat = vat_included(total - exempt)
    return Totals(
        subtotal_satang=sum(line.gross_satang for line in lines),
        discount_satang=sum(line.discount_satang for line in lines),
        total_satang=total,
        vatable_satang=total - exempt - vat,
        vat_satang=vat,
        exempt_satang=exempt,
    )


def sale_lines() -> tuple[DocumentLine, ...]:
    """A treatment with the Gold tier discount, an exempt doctor's consultation, a product."""
    return (
        DocumentLine(LONG_NAME, 2, 150_000, 270_000, VatCode.STANDARD, (Discount("ส่วนลดสมาชิก Gold 10%", 30_000),)),
        DocumentLine("ปรึกษาแพทย์ผิวหนัง", 1, 50_000, 50_000, VatCode.EXEMPT),
        DocumentLine("เซรั่มไฮยาลูรอน 30 ml", 1, 129_000, 129_000, VatCode.STANDARD),
    )


def receipt(*, is_copy: bool = False, lines: tuple[DocumentLine, ...] | None = None) -> Receipt:
    """The receipt of the sale: card and cash, a member who earned points."""
    lines = sale_lines() if lines is None else lines
    totals = totals_of(lines)
    card = min(200_000, totals.total_satang)
    payments = [Payment(PaymentMethod.CARD, card, reference="**** 4242 APPR 123456")]
    if totals.total_satang > card:
        cash = totals.total_satang - card
        payments.append(Payment(PaymentMethod.CASH, cash, tendered_satang=(cash // 100_000 + 1) * 100_000))
    return Receipt(
        seller=SELLER, pos_number="E051234567890", number="B01-T01-R-000123", issued_at=SOLD_AT,
        lines=lines, totals=totals, payments=tuple(payments), member=Member("M-7Q4K2P9XRT", 448, 3_512),
        is_copy=is_copy,
    )


BUYER = Buyer(
    name="บริษัท สวยใส เทรดดิ้ง จำกัด",
    address="88/8 ถนนสุขุมวิท 21 (อโศกมนตรี) แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพมหานคร 10110",
    tin="0105559876543",
    branch_no="00000",
)


def full_tax_invoice(*, is_copy: bool = False, lines: tuple[DocumentLine, ...] | None = None) -> FullTaxInvoice:
    """The full tax invoice a company asked for, replacing the receipt."""
    return FullTaxInvoice(number="B01-T01-F-000045", issued_at=datetime(2026, 12, 7, 5, 10, tzinfo=UTC),
                          buyer=BUYER, receipt=receipt(lines=lines), is_copy=is_copy)


def credit_note(*, is_copy: bool = False) -> CreditNote:
    """One of the two treatments refunded the next morning, in cash."""
    lines = (DocumentLine(LONG_NAME, 1, 150_000, 135_000, VatCode.STANDARD, (Discount("ส่วนลดสมาชิก Gold 10%", 15_000),)),)
    original = receipt()
    return CreditNote(
        seller=SELLER, number="B01-T01-C-000007", issued_at=datetime(2026, 12, 8, 2, 0, tzinfo=UTC),
        original_number=original.number, original_issued_at=original.issued_at,
        original_value_satang=original.totals.total_satang,
        reason="ลูกค้ายกเลิกการรับบริการ 1 ครั้ง เนื่องจากแพ้ผลิตภัณฑ์", lines=lines, totals=totals_of(lines),
        buyer=BUYER, refunds=(Payment(PaymentMethod.CASH, 135_000),), is_copy=is_copy,
    )


def many_lines(n: int) -> tuple[DocumentLine, ...]:
    """``n`` product lines, alternately VAT 7 % and exempt."""
    return tuple(
        DocumentLine(f"มาส์กหน้าสูตรพิเศษ ชุดที่ {i}", 1 + i % 3, 19_900 + i * 100, (1 + i % 3) * (19_900 + i * 100),
                     VatCode.STANDARD if i % 2 else VatCode.EXEMPT)
        for i in range(1, n + 1)
    )


def signature_png(width: int = 600, height: int = 200) -> bytes:
    """Return a PNG of a hand-drawn looking signature: dark ink on white, as the signature pad exports."""
    import io
    import math

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    points = [(20 + x * 4, height / 2 + math.sin(x / 6) * height / 4 - x / 3) for x in range((width - 40) // 4)]
    draw.line(points, fill=(16, 24, 64), width=5, joint="curve")
    draw.line([(60, height - 30), (width - 60, height - 40)], fill=(16, 24, 64), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def consent_form(customer: str = "สมหญิง ใจดี") -> ConsentForm:
    """Return the consent form a beautician has the customer sign before a laser facial."""
    from bnaura_desk.domain.consents import consent_text

    clinic = "บีเอ็น ออร่า คลินิกเวชกรรม"
    treatment = "เลเซอร์หน้าใส (Laser Facial)"
    wording = consent_text(None, "", customer=customer, treatment=treatment, clinic=clinic)
    return ConsentForm(
        form_id="0193a5b2-7c4e-7d21-9f00-4b3c2a1d0e9f", clinic_th=clinic, clinic_en="BN-Aura Clinic",
        branch="สาขาสยาม / Siam", customer=customer, treatment=treatment, text_th=wording.th, text_en=wording.en,
        signed_at=SOLD_AT, signature_png=signature_png(), witness="พี่นิด",
    )


def z_report_with_performers() -> SalesReport:
    """A day's Z report: three receipts, one refunded, and four beauticians' treatments (one long Thai name)."""
    start = datetime(2026, 12, 6, 17, 0, tzinfo=UTC)  # 7 ธ.ค. 2569 00:00 in Bangkok
    return SalesReport(
        ReportKind.Z, SELLER, "เคาน์เตอร์ 1", "E051234567890", start, start + timedelta(days=1, microseconds=-1),
        datetime(2026, 12, 7, 13, 5, tzinfo=UTC), 3, "R01-000120", "R01-000122", 939_000, 0, 46_950, 0, 892_050,
        0, 0, 892_050, (ReportMethodTotal(PaymentMethod.CASH, 2, 442_050), ReportMethodTotal(PaymentMethod.CARD, 1,
                                                                                           450_000)), 0,
        given_back=GivenBack(refunds=1, refunds_satang=142_500),
        performed=(PerformerLine("น้องแพร", 2, 446_500), PerformerLine("พี่นิด", 3, 427_500),
                   PerformerLine("คุณสุภาวดี ศรีสวัสดิ์วงศ์ตระกูล (หัวหน้าแผนกเลเซอร์)", 1, 18_050),
                   PerformerLine("น้องฟ้า", 1, 0)),
        performed_refunded=1,
    )
