"""``bnaura invoice full`` and ``invoice show`` on a real database file: the A4 PDF read back as text."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bnaura_desk.store.models import AuditEntry, DocumentCounter, OutboxOperation, TaxInvoice
from bnaura_desk.terminal import Terminal

from .test_cli import assert_user_error, bnaura
from .test_cli_receipt import _shop, _text

BUYER = ("--buyer-name", "บริษัท สวยใส จำกัด", "--buyer-tin", "0105559123454",
         "--buyer-address", "55 ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก กรุงเทพฯ 10500")


def _invoices(db: Path) -> list[tuple[str, str]]:
    with Terminal.open(db, read_only=True) as t:
        return t.read(lambda s: [(r.number, r.buyer_tin) for r in s.scalars(select(TaxInvoice))])


def test_a_full_tax_invoice_names_the_buyer_and_the_receipt_it_replaces_and_its_copy_says_so(
        tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    receipt = _shop(db)
    issued = bnaura("invoice", "full", receipt.lower(), *BUYER, "--buyer-branch", "สำนักงานใหญ่",
                    "--pdf", tmp_path / "inv.pdf", "--db", db)
    assert issued.returncode == 0, issued.stderr
    [(number, tin)] = _invoices(db)
    assert number.startswith("T00000-") and number.endswith("-000001") and tin == "0105559123454"
    assert f"issued full tax invoice {number} replacing receipt {receipt} (฿3,116.00)" in issued.stdout
    text = _text(tmp_path / "inv.pdf")
    # Seller, buyer with tax id and head office, the number, the receipt replaced, the items and sums.
    for seen in ("ใบกำกับภาษี", "0105561234567", "บริษัท สวยใส จำกัด", "0105559123454", "ถนนสีลม", "สำนักงานใหญ่",
                 number, receipt, "ทรีตเมนต์หน้าใส", "เซรั่มวิตามินซี", "3,116.00", "ต้นฉบับ"):
        assert seen in text, seen
    # The serums' ฿1,691 carry the VAT (7/107: ฿110.63 on ฿1,580.37); the facial's ฿1,425 is exempt.
    assert "110.63" in text and "1,580.37" in text and "1,425.00" in text
    assert "สามพันหนึ่งร้อยสิบหกบาทถ้วน" in text.replace(" ", "")
    assert "สำเนา" not in text
    # A reprint is a copy with the same figures.
    copy = bnaura("invoice", "show", number.lower(), "--copy", "--pdf", tmp_path / "copy.pdf", "--db", db)
    assert copy.returncode == 0, copy.stderr
    reprint = _text(tmp_path / "copy.pdf")
    assert "สำเนา / COPY" in reprint and number in reprint and receipt in reprint and "0105559123454" in reprint
    # The receipt is replaced once: asking again names the invoice and takes no number.
    again = bnaura("invoice", "full", receipt, *BUYER, "--pdf", tmp_path / "again.pdf", "--db", db)
    assert_user_error(again, f"already replaced by full tax invoice {number}")
    assert not (tmp_path / "again.pdf").exists() and len(_invoices(db)) == 1
    with Terminal.open(db, read_only=True) as t:
        assert t.read(lambda s: s.get(DocumentCounter, "tax_invoice").last_seq) == 1
        assert t.read(lambda s: s.scalar(select(func.count()).select_from(OutboxOperation).where(
            OutboxOperation.type == "tax_invoice.record"))) == 1
        assert t.read(lambda s: s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "tax_invoice.record"))) == 1


def test_a_wrong_tax_id_or_receipt_is_refused_clearly_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    receipt = _shop(db)
    pdf = tmp_path / "x.pdf"
    wrong_digit = ("--buyer-name", "สมหญิง ใจดี", "--buyer-tin", "0105559123455", "--buyer-address", "กรุงเทพฯ")
    assert_user_error(bnaura("invoice", "full", receipt, *wrong_digit, "--pdf", pdf, "--db", db),
                      "check digit is wrong")
    short = ("--buyer-name", "สมหญิง ใจดี", "--buyer-tin", "12345", "--buyer-address", "กรุงเทพฯ")
    assert_user_error(bnaura("invoice", "full", receipt, *short, "--pdf", pdf, "--db", db), "13 digits")
    assert_user_error(bnaura("invoice", "full", receipt, *BUYER, "--buyer-branch", "สาขาใหม่", "--pdf", pdf,
                             "--db", db), "branch")
    assert_user_error(bnaura("invoice", "full", "R00000-ZZZZ-000999", *BUYER, "--pdf", pdf, "--db", db),
                      "There is no receipt R00000-ZZZZ-000999")
    assert_user_error(bnaura("invoice", "show", "T00000-ZZZZ-000001", "--pdf", pdf, "--db", db),
                      "There is no full tax invoice T00000-ZZZZ-000001")
    assert not pdf.exists() and _invoices(db) == []
    with Terminal.open(db, read_only=True) as t:
        assert t.read(lambda s: s.get(DocumentCounter, "tax_invoice")) is None
    # In Thai, the same refusal in Thai.
    thai = bnaura("invoice", "full", receipt, *wrong_digit, "--pdf", pdf, "--db", db, env={"BNAURA_LANG": "th"})
    assert_user_error(thai, "เลขประจำตัวผู้เสียภาษี")


def test_a_branch_without_its_tax_id_takes_no_number(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    receipt = _shop(db, tax_id=None)
    assert_user_error(bnaura("invoice", "full", receipt, *BUYER, "--pdf", tmp_path / "x.pdf", "--db", db), "tax id")
    with Terminal.open(db, read_only=True) as t:
        assert t.read(lambda s: s.get(DocumentCounter, "tax_invoice")) is None
