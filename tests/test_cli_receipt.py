"""``bnaura receipt show`` on a real database file: the receipt's PDF read back as text, original and copy."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.services import branches, catalog, counter, customers, refunds, shifts
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.receipts import find_sale
from bnaura_desk.store.models import SaleLine
from bnaura_desk.terminal import Terminal

from .test_cli import assert_user_error, bnaura


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # The font draws ำ as nikhahit and sara aa, and the text reads back so.
    return out.replace("\u0e4d\u0e32", "\u0e33")


def _shop(path: Path, *, tax_id: str | None = "0105561234567") -> str:
    """A terminal that sold a member a facial and two serums; return the receipt's number."""
    with Terminal.create(path, clinic_name="บีเอ็น ออร่า คลินิก", device_name="POS-1") as t:
        if tax_id:
            t.run(branches.update_branch, tax_id=tax_id, address="999/9 ถนนพระราม 1 กรุงเทพฯ 10330", actor=SYSTEM)
        facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                     price_satang=150_000, vat_exempt=True, duration_minutes=60),
                       actor=SYSTEM).result
        serum = t.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่มวิตามินซี",
                                                    price_satang=89_000, sku="SER-1"), actor=SYSTEM).result
        member = t.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                       actor=SYSTEM).result
        t.run(shifts.open_shift, 100_000, actor=SYSTEM)
        lines = (counter.OrderLine(facial), counter.OrderLine(serum, quantity=2))
        # Bronze 5 % off: ฿1,425 + ฿1,691 = ฿3,116; paid ฿2,000 by card and ฿1,116 from ฿1,200 cash.
        done = t.run(counter.checkout, counter.Order(lines, (
            Tender(PaymentMethod.CARD, 200_000, approval_code="A12345", card_last4="4242"),
            Tender(PaymentMethod.CASH, 111_600, tendered_satang=120_000)), customer_id=member), actor=SYSTEM).result
    return str(done.number)


def test_the_receipt_and_its_copy_read_back_with_every_figure(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    number = _shop(db)
    original = bnaura("receipt", "show", number.lower(), "--pdf", tmp_path / "r.pdf", "--db", db)
    assert original.returncode == 0, original.stderr
    text = _text(tmp_path / "r.pdf")
    for seen in ("ใบกำกับภาษีอย่างย่อ", "0105561234567", "สำนักงานใหญ่", number, "ทรีตเมนต์หน้าใส",
                 "เซรั่มวิตามินซี", "3,116.00", "1,116.00", "1,200.00", "84.00", "**** 4242", "รวมภาษีมูลค่าเพิ่มแล้ว"):
        assert seen in text, seen
    # The serums' ฿1,691 carry the VAT (7/107: ฿110.63); the facial's ฿1,425 is exempt.
    assert "110.63" in text and "1,580.37" in text and "1,425.00" in text
    assert "สำเนา" not in text
    copy = bnaura("receipt", "show", "--last", "--copy", "--pdf", tmp_path / "c.pdf", "--db", db)
    assert copy.returncode == 0, copy.stderr
    assert "สำเนา / COPY" in _text(tmp_path / "c.pdf") and number in _text(tmp_path / "c.pdf")


def test_an_unknown_number_or_a_branch_without_tax_id_says_so(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    _shop(db, tax_id=None)
    assert_user_error(bnaura("receipt", "show", "R00000-ZZZZ-000999", "--pdf", tmp_path / "x.pdf", "--db", db),
                      "There is no receipt R00000-ZZZZ-000999")
    assert_user_error(bnaura("receipt", "show", "--last", "--pdf", tmp_path / "x.pdf", "--db", db),
                      "tax id")
    assert not (tmp_path / "x.pdf").exists()


def test_the_x_and_z_reports_read_back_with_the_days_figures(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    number = _shop(db)
    x = bnaura("report", "x", "--pdf", tmp_path / "x.pdf", "--db", db)
    assert x.returncode == 0, x.stderr
    assert "1 receipts, ฿3,116.00" in x.stdout
    text = _text(tmp_path / "x.pdf")
    for seen in ("X REPORT", number, "3,116.00", "2,000.00", "1,116.00", "2,116.00", "1,425.00", "110.63"):
        assert seen in text, seen  # total, card, cash, float + cash (฿1,000 + ฿1,116), exempt, VAT
    z = bnaura("report", "z", "--pdf", tmp_path / "z.pdf", "--db", db)
    assert z.returncode == 0, z.stderr
    assert "Z REPORT" in _text(tmp_path / "z.pdf") and number in _text(tmp_path / "z.pdf")
    assert_user_error(bnaura("report", "z", "--date", "31/02/2569", "--pdf", tmp_path / "n.pdf", "--db", db), "")


def test_a_refunds_credit_note_reads_back_with_the_sale_it_corrects(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    number = _shop(db)
    with Terminal.open(db) as t:
        sale_id = t.read(find_sale, number)
        serum = t.read(lambda session: session.scalars(select(SaleLine.id).where(
            SaleLine.sale_id == sale_id, SaleLine.name_th == "เซรั่มวิตามินซี")).one())
        done = t.run(refunds.refund_sale, sale_id, [ReturnLine(serum, 1)], PaymentMethod.CASH,
                     "ลูกค้าแพ้ผลิตภัณฑ์", actor=SYSTEM).result
    written = bnaura("receipt", "credit-note", done.number.lower(), "--pdf", tmp_path / "cn.pdf", "--db", db)
    assert written.returncode == 0, written.stderr
    assert "฿845.50" in written.stdout
    text = _text(tmp_path / "cn.pdf")
    # One of two serums: half the line's ฿1,691 = ฿845.50 (฿890 less ฿44.50 of the Bronze discount);
    # VAT 7/107 of it ฿55.31; the sale of ฿3,116 now stands at ฿2,270.50.
    for seen in ("ใบลดหนี้", "0105561234567", done.number, number, "ลูกค้าแพ้ผลิตภัณฑ์", "เซรั่มวิตามินซี",
                 "890.00", "44.50", "845.50", "55.31", "790.19", "3,116.00", "2,270.50"):
        assert seen in text, seen
    assert "ทรีตเมนต์หน้าใส" not in text and "สำเนา" not in text
    copy = bnaura("receipt", "credit-note", done.number, "--copy", "--pdf", tmp_path / "cc.pdf", "--db", db)
    assert copy.returncode == 0, copy.stderr
    assert "สำเนา / COPY" in _text(tmp_path / "cc.pdf")
    assert_user_error(bnaura("receipt", "credit-note", "C00000-ZZZZ-000009", "--pdf", tmp_path / "n.pdf", "--db", db),
                      "There is no credit note C00000-ZZZZ-000009")
