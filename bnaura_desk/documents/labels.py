"""The words printed on tax documents: Thai first (the Revenue Code asks for Thai), English after.

Printed the same whatever language the screen is in, so they are plain
constants, not Qt translations.
"""

from __future__ import annotations

from datetime import datetime

from bnaura_desk.domain.dates import format_date, format_time

from ..domain.payments import PaymentMethod
from ..domain.pricing import VatCode

COPY = "สำเนา / COPY"
ORIGINAL = "ต้นฉบับ / ORIGINAL"
ABBREVIATED_TAX_INVOICE = "ใบกำกับภาษีอย่างย่อ"
ABBREVIATED_TAX_INVOICE_EN = "ABBREVIATED TAX INVOICE"
FULL_TAX_INVOICE = "ใบกำกับภาษี / ใบเสร็จรับเงิน"
FULL_TAX_INVOICE_EN = "TAX INVOICE / RECEIPT"
CREDIT_NOTE = "ใบลดหนี้"
CREDIT_NOTE_EN = "CREDIT NOTE"
VAT_INCLUDED = "รวมภาษีมูลค่าเพิ่มแล้ว / VAT included"
TIN = "เลขประจำตัวผู้เสียภาษี / Tax ID"
POS_NUMBER = "หมายเลขเครื่อง POS / POS No."
NUMBER = "เลขที่ / No."
DATE = "วันที่ / Date"
SUBTOTAL = "รวมเป็นเงิน / Subtotal"
DISCOUNT = "ส่วนลด / Discount"
TOTAL = "ยอดสุทธิ / Total"
VATABLE = "มูลค่าที่เสียภาษี / VATable"
VAT = "ภาษีมูลค่าเพิ่ม 7% / VAT 7%"
EXEMPT = "มูลค่าที่ได้รับยกเว้นภาษี / VAT exempt"
VAT_CODE_LEGEND = "V = รวมภาษี 7% / VAT 7% incl.  E = ยกเว้นภาษี / exempt"
TENDERED = "รับเงิน / Tendered"
CHANGE = "เงินทอน / Change"
BALANCE_DUE = "ค้างชำระ / Balance due"
RECEIVED_ON = "รับชำระเมื่อ / Received"
MEMBER = "สมาชิก / Member"
POINTS_EARNED = "คะแนนที่ได้รับ / Points earned"
POINTS_BALANCE = "คะแนนคงเหลือ / Points balance"
THANK_YOU = "ขอบคุณที่ใช้บริการ / Thank you"
BUYER = "ผู้ซื้อ / Buyer"
ADDRESS = "ที่อยู่ / Address"
BUYER_BRANCH = "สาขา / Branch"
REPLACES = "ออกแทนใบกำกับภาษีอย่างย่อเลขที่ / Replaces abbreviated tax invoice No."
AMOUNT_IN_WORDS = "จำนวนเงินตัวอักษร / Amount in words"
ITEM_NO = "ลำดับ\nNo."
DESCRIPTION = "รายการ\nDescription"
QUANTITY = "จำนวน\nQty"
UNIT_PRICE = "ราคาต่อหน่วย\nUnit price"
LINE_DISCOUNT = "ส่วนลด\nDiscount"
AMOUNT = "จำนวนเงิน\nAmount"
RECEIVED_BY = "ผู้รับเงิน / Received by"
AUTHORISED = "ผู้มีอำนาจลงนาม / Authorised signature"
ORIGINAL_DOCUMENT = "อ้างถึงใบกำกับภาษีเลขที่ / Original tax invoice No."
ORIGINAL_DATE = "ลงวันที่ / dated"
REASON = "เหตุที่ลดหนี้ / Reason"
RESTORED_COUPON = "คูปองที่คืนให้ / Coupon restored"
ORIGINAL_VALUE = "มูลค่าตามใบกำกับภาษีเดิม / Original value"
CORRECTED_VALUE = "มูลค่าที่ถูกต้อง / Corrected value"
CREDITED = "ผลต่าง / Difference credited"
REFUNDED_BY = "คืนเงินโดย / Refunded by"

PAYMENT_METHODS = {
    PaymentMethod.CASH: "เงินสด / Cash",
    PaymentMethod.CARD: "บัตร / Card",
    PaymentMethod.PROMPTPAY: "พร้อมเพย์ / PromptPay",
    PaymentMethod.TRANSFER: "โอนเงิน / Transfer",
}
VAT_CODES = {VatCode.STANDARD: "V", VatCode.EXEMPT: "E"}


def branch_line(label_th: str, label_en: str) -> str:
    """Return the establishment as printed: ``สำนักงานใหญ่ / Head office``."""
    return f"{label_th} / {label_en}"


def moment(when: datetime) -> str:
    """Return a document's date and time in Bangkok, Buddhist era: ``7 ธ.ค. 2569 10:32``."""
    return f"{format_date(when, 'th')} {format_time(when)}"
