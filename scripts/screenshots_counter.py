"""Grab screenshots of the POS screen and its dialogs into docs/screenshots/.

A throw-away terminal with a small clinic menu, a Gold member, a ฿200
coupon, the branch's tax id and PromptPay id, and a shift opened this
morning with two cash sales in it.

- pos-mid-sale[-en].png: the POS page mid-sale: a product scanned, a
  treatment, two sunscreens with a line discount, the member's tier
  discount and the coupon on each line, the totals;
- pos-after-sale[-en].png: the POS page right after that sale: its number
  in the after-sale strip, "Print again (copy)" on, the cart empty again;
- pos-payment-promptpay[-en].png: the payment dialog on PromptPay, the QR
  for the amount due after ฿1,000 was paid by card;
- customer-display[-en].png: the customer display mid-sale (the same cart,
  the member's first name, tier and the points the sale earns);
- customer-display-promptpay[-en].png: the customer display showing the
  PromptPay QR while the payment dialog does;
- customer-display-thanks[-en].png: the thank-you after checkout, with the
  points earned and the member's new balance;
- pos-refund[-en].png: the refund dialog on that sale, one serum and one
  sunscreen coming back, the money and points it gives back, Void offered;
- pos-full-invoice[-en].png: the full tax invoice dialog on that sale's
  receipt, a company's name, tax id, address and head office typed;
- pos-shift-close[-en].png: closing the shift, the drawer counted by note
  and coin, expected and the difference.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_counter.py [th|en] [--size WIDTHxHEIGHT]

The main window is 1280 × 800 unless ``--size`` says otherwise (say
1366x768, the smallest counter screen); with ``--size`` every file name
ends in ``-WIDTHxHEIGHT``. The script says when the window had to grow past
the size asked for: something on the POS page would not fit that screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.pricing import LineDiscount, LineDiscountKind
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.settings import PROMPTPAY_KEY
from bnaura_desk.services import branches, catalog, counter, coupons, loyalty, settings, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait

SERUM_BARCODE = "8851234567898"


def seed(terminal: Terminal, clock: Clock) -> tuple[dict[Role, Actor], dict[str, str]]:
    """Return the staff and the things the story uses (items by name, the member, the coupon code)."""
    actors = {}
    for role, name, pin in ((Role.OWNER, "คุณนภา", "2580"), (Role.MANAGER, "คุณวิภา", "3691"),
                            (Role.FRONT_DESK, "น้องแพรว", "4826")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        actors[role] = Actor(staff_id, name, role)
    owner, manager, desk = actors[Role.OWNER], actors[Role.MANAGER], actors[Role.FRONT_DESK]
    terminal.run(branches.update_branch, tax_id="0105561234567", branch_no="0",
                 address="99 ถนนพระรามที่ 1 แขวงปทุมวัน เขตปทุมวัน กรุงเทพฯ 10330", actor=owner)
    terminal.run(settings.set_chain_setting, PROMPTPAY_KEY, "0105561234567", actor=owner)
    menu = [
        (ItemKind.TREATMENT, "ทรีทเมนต์หน้าใส", "Brightening Facial", 350_000, True, {"duration_minutes": 60}),
        (ItemKind.TREATMENT, "เลเซอร์ลดริ้วรอย", "Wrinkle Laser", 890_000, True, {"duration_minutes": 45}),
        (ItemKind.TREATMENT, "ทรีทเมนต์หน้าพื้นฐาน", "Basic Facial", 150_000, True, {"duration_minutes": 45}),
        (ItemKind.PRODUCT, "เซรั่มวิตามินซี", "Vitamin C Serum", 120_000, False,
         {"sku": "SER-01", "barcode": SERUM_BARCODE}),
        (ItemKind.PRODUCT, "ครีมกันแดด SPF50", "Sunscreen SPF50", 89_000, False, {"sku": "SUN-50"}),
        (ItemKind.PRODUCT, "มาส์กหน้าพรีเมียม", "Premium Mask", 59_000, False, {"sku": "MASK-P"}),
    ]
    items: dict[str, str] = {}
    for kind, th, en, price, exempt, extra in menu:
        items[en] = str(terminal.run(catalog.create_item, ItemForm(
            kind=kind, name_th=th, name_en=en, price_satang=price, vat_exempt=exempt, **extra), actor=manager).result)
        if kind is ItemKind.PRODUCT:
            terminal.run(catalog.move_stock, items[en], 24, catalog.StockReason.RECEIVED, actor=manager)
    member = str(terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", nickname="หญิง", phone="086-245-1190"), actor=desk).result)
    terminal.run(loyalty.adjust_points, member, 3_150, "ย้ายแต้มจากบัตรสะสมแต้มแบบกระดาษ", actor=manager)
    code = terminal.run(coupons.issue_coupon, CouponTerms(CouponKind.AMOUNT, amount_satang=20_000),
                        actor=manager).result.code
    terminal.run(shifts.open_shift, 200_000, actor=desk)
    clock.now += timedelta(hours=1)
    for item, paid in ((items["Basic Facial"], 150_000), (items["Premium Mask"], 59_000)):
        terminal.run(counter.checkout, counter.Order((counter.OrderLine(item),), (Tender(PaymentMethod.CASH, paid),)),
                     actor=desk)
        clock.now += timedelta(minutes=40)
    return actors, {**items, "member": member, "coupon": code}


def main() -> None:
    args = sys.argv[1:]
    width, height, sized = 1280, 800, ""
    if "--size" in args:
        at = args.index("--size")
        sized = args[at + 1]
        width, height = (int(n) for n in sized.lower().split("x"))
        del args[at:at + 2]
        sized = f"-{width}x{height}"
    lang = args[0] if args else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = ("" if lang == "th" else f"-{lang}") + sized
    clock = Clock(datetime(2026, 12, 7, 2, 30, tzinfo=UTC))  # 09:30 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        actors, things = seed(terminal, clock)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(width, height)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(actors[Role.FRONT_DESK])
            wait(app, runner)
            screen: Any = window.show_screen("counter")
            wait(app, runner)
            window.resize(width, height)
            wait(app, runner)
            if window.width() > width or window.height() > height:
                print(f"the POS page does not fit {width} × {height}: the window is "
                      f"{window.width()} × {window.height()}")
            # The serum scanned, the facial typed, two sunscreens with the regular customer's 5 %.
            screen.search.setText(SERUM_BARCODE)
            wait(app, runner)
            screen.finder.enter()
            wait(app, runner)
            screen.search.setText("หน้าใส")
            wait(app, runner)
            screen.finder.enter()
            wait(app, runner)
            screen.search.setText("SUN-50")
            wait(app, runner)
            screen.finder.enter()
            wait(app, runner)
            screen.change_quantity(+1)
            screen.draft.set_discount(2, LineDiscount(LineDiscountKind.PERCENT, 500, "ลูกค้าประจำ"))
            screen.attach_member(things["member"])
            wait(app, runner)
            code = things["coupon"]
            screen.coupon_box.setText(f"{code[:4]}-{code[4:8]}-{code[8:]}")
            screen.coupon_box.returnPressed.emit()
            wait(app, runner)
            screen.select_line(1)
            grab(window, f"pos-mid-sale{suffix}.png")
            screen.show_customer_display()
            screen.display.resize(1280, 720)
            wait(app, runner)
            grab(screen.display, f"customer-display{suffix}.png")

            screen.pay()
            wait(app, runner)
            dialog = screen.payment
            dialog.choose(dialog.method.CARD)
            dialog.card_amount.setText("1000")
            dialog.approval.setText("A1B2C3")
            dialog.last4.setText("4242")
            dialog.add_payment()
            dialog.choose(dialog.method.PROMPTPAY)
            wait(app, runner)
            grab(dialog, f"pos-payment-promptpay{suffix}.png")
            grab(screen.display, f"customer-display-promptpay{suffix}.png")
            dialog.enter()
            wait(app, runner)
            wait(app, runner)  # the member's new balance, read after the sale
            grab(screen.display, f"customer-display-thanks{suffix}.png")
            grab(window, f"pos-after-sale{suffix}.png")

            # The sale just made, opened for a refund: one serum and one sunscreen come back.
            screen.refund_or_void()
            wait(app, runner)
            refund = screen.refund_dialog
            lines = refund.lines
            lines.setData(lines.index(0, lines.RETURN), 1)
            lines.setData(lines.index(2, lines.RETURN), 1)
            refund.reason.setText("ลูกค้าแพ้เซรั่ม ขอคืนพร้อมครีมกันแดดที่ยังไม่เปิด")
            refund.view.setCurrentIndex(lines.index(2, lines.RETURN))
            wait(app, runner)
            grab(refund, f"pos-refund{suffix}.png")
            refund.reject()
            wait(app, runner)

            # The customer's company asks for a full tax invoice in its name, replacing the receipt.
            screen.invoice_button.ask()
            wait(app, runner)
            invoice = screen.invoice_button.dialog
            invoice.name.setText("บริษัท สวยใส เทรดดิ้ง จำกัด")
            invoice.tin.setText("0105559123454")
            invoice.address.setPlainText("55 ถนนสีลม แขวงสุริยวงศ์\nเขตบางรัก กรุงเทพฯ 10500")
            invoice.branch.setText("สำนักงานใหญ่")
            wait(app, runner)
            grab(invoice, f"pos-full-invoice{suffix}.png")
            invoice.reject()
            wait(app, runner)

            screen.shift_bar.close_shift()
            wait(app, runner)
            closing = screen.shift_dialog
            for value, pieces in ((100_000, 4), (5_000, 1), (2_000, 1), (1_000, 1), (500, 1), (100, 4)):
                closing.counts[value].setValue(pieces)
            closing.note.setText("เหรียญ 1 บาทขาดไป 1 เหรียญ")
            wait(app, runner)
            grab(closing, f"pos-shift-close{suffix}.png")
            closing.reject()
            wait(app, runner)
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
