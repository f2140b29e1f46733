"""Full tax invoices on a real SQLite terminal: the record, its number, its document, and what is refused.

One use case, one transaction: the number of the terminal's ``tax_invoice``
series, the record, audit and outbox commit together; a refusal takes no
number.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.errors import BadInput, DeskError, NotFound, PermissionDenied
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.tax_invoices import BuyerForm
from bnaura_desk.services import branches, counter, refunds, tax_invoices
from bnaura_desk.store.models import AuditEntry, DocumentCounter, OutboxOperation, TaxInvoice
from tests.conftest import Staffed
from tests.services.test_counter import member, shop  # noqa: F401 (the fixture)

CASH = PaymentMethod.CASH
COMPANY = BuyerForm("บริษัท สวยใส จำกัด", "0105559123454", "55 ถนนสีลม กรุงเทพฯ 10500", "สำนักงานใหญ่")


def english(error: DeskError) -> str:
    return error.render(lambda _c, text: text)


def count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def last_seq(s: Staffed) -> int | None:
    row = s.terminal.read(lambda session: session.get(DocumentCounter, "tax_invoice"))
    return None if row is None else int(row.last_seq)


@pytest.fixture
def sold(staffed: Staffed, shop: dict[str, str]) -> list[counter.SaleDone]:  # noqa: F811
    """Two sales of a branch with its tax id: a Gold member's treatment and two serums (฿5,310), a serum (฿1,200)."""
    s = staffed
    s.terminal.run(branches.update_branch, tax_id="0105561234567", address="999/9 ถนนพระราม 1", actor=s.owner)
    somying = member(s, 2_900)
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    first = s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, 531_000),), customer_id=somying),
                           actor=s.front_desk).result
    second = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),),
                                                            (Tender(CASH, 120_000),)), actor=s.front_desk).result
    return [first, second]


def test_the_front_desk_issues_a_full_tax_invoice_that_repeats_the_receipt_and_names_the_buyer(
        staffed: Staffed, sold: list[counter.SaleDone]) -> None:
    s = staffed
    changes = s.terminal.run(tax_invoices.issue_full_invoice, sold[0].number.lower(), COMPANY, actor=s.front_desk)
    issued = changes.result
    assert issued.receipt_number == sold[0].number
    assert issued.number.startswith("T00000-") and issued.number.endswith("-000001")
    assert sold[0].sale_id in changes.changed[Kind.SALE]
    row = s.terminal.read(lambda session: session.get(TaxInvoice, issued.invoice_id))
    assert (row.sale_id, row.buyer_name, row.buyer_tin, row.buyer_branch, row.seq) == (
        sold[0].sale_id, "บริษัท สวยใส จำกัด", "0105559123454", "00000", 1)
    assert row.staff_id == s.front_desk.staff_id
    doc = s.terminal.read(tax_invoices.tax_invoice_document, issued.invoice_id)
    assert (doc.number, doc.receipt.number, doc.buyer.tin, doc.buyer.branch_label_th, doc.is_copy) == (
        issued.number, sold[0].number, "0105559123454", "สำนักงานใหญ่", False)
    # The treatment's ฿3,150 is exempt; the serums' ฿2,160 carry 7/107 VAT: ฿141.31.
    totals = doc.receipt.totals
    assert (totals.total_satang, totals.exempt_satang, totals.vat_satang, totals.vatable_satang) == (
        531_000, 315_000, 14_131, 216_000 - 14_131)
    assert doc.seller.tin == "0105561234567"
    assert s.terminal.read(tax_invoices.tax_invoice_document, issued.invoice_id, copy=True).is_copy
    # A copy is found by the receipt it replaced; a receipt not replaced has none.
    assert s.terminal.read(tax_invoices.invoice_for_receipt, sold[0].number) == issued.invoice_id
    with pytest.raises(NotFound) as none:
        s.terminal.read(tax_invoices.invoice_for_receipt, sold[1].number)
    assert english(none.value) == f"Receipt {sold[1].number} has no full tax invoice"
    # The next one, for the other sale, takes the next number of the series.
    again = s.terminal.run(tax_invoices.issue_full_invoice, sold[1].number,
                           BuyerForm("สมชาย ใจดี", "3100600445368", "กรุงเทพฯ"), actor=s.front_desk).result
    assert again.number.endswith("-000002") and last_seq(s) == 2
    person = s.terminal.read(lambda session: session.get(TaxInvoice, again.invoice_id))
    assert person.buyer_branch is None
    assert s.terminal.read(tax_invoices.find_invoice, f" {again.number.lower()} ") == again.invoice_id
    assert s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(OutboxOperation).where(
        OutboxOperation.type == "tax_invoice.record"))) == 2
    assert s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "tax_invoice.record"))) == 2


def test_a_receipt_is_replaced_once_and_a_refusal_takes_no_number(
        staffed: Staffed, sold: list[counter.SaleDone]) -> None:
    s = staffed
    issued = s.terminal.run(tax_invoices.issue_full_invoice, sold[0].number, COMPANY, actor=s.front_desk).result
    with pytest.raises(BadInput) as twice:
        s.terminal.run(tax_invoices.issue_full_invoice, sold[0].number, COMPANY, actor=s.front_desk)
    assert english(twice.value) == (
        f"Receipt {sold[0].number} was already replaced by full tax invoice {issued.number}; print a copy of it")
    with pytest.raises(BadInput) as bad_tin:
        s.terminal.run(tax_invoices.issue_full_invoice, sold[1].number,
                       BuyerForm("สมชาย", "3100600445367", "กรุงเทพฯ"), actor=s.front_desk)
    assert "check digit" in english(bad_tin.value)
    with pytest.raises(PermissionDenied):
        s.terminal.run(tax_invoices.issue_full_invoice, sold[1].number, COMPANY, actor=s.beautician)
    # A voided sale has no receipt left to replace.
    void = s.terminal.run(refunds.void_sale, sold[1].sale_id, "คีย์ผิด", actor=s.manager).result
    with pytest.raises(BadInput) as voided:
        s.terminal.run(tax_invoices.issue_full_invoice, sold[1].number, COMPANY, actor=s.front_desk)
    assert english(voided.value) == f"Receipt {sold[1].number} was voided (credit note {void.number})"
    assert count(s, TaxInvoice) == 1 and last_seq(s) == 1


def test_a_sale_at_a_branch_without_its_tax_id_takes_no_number(staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    done = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["serum"]),),
                                                          (Tender(CASH, 120_000),)), actor=s.front_desk).result
    with pytest.raises(BadInput) as refused:
        s.terminal.run(tax_invoices.issue_full_invoice, done.number, COMPANY, actor=s.front_desk)
    assert "tax id" in english(refused.value)
    assert count(s, TaxInvoice) == 0 and last_seq(s) is None
