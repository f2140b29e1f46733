"""Full tax invoices issued offline on two terminals of the selling branch, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: both invoices for
the same receipt stand on every terminal (each took a number of its own
terminal's series, and a tax document's number is never taken back), and
the Exceptions screen names the receipt and both invoices; a third try is
refused naming the first; another branch can neither issue one for the
sale nor record one as the selling branch's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.tax_invoices import BuyerForm
from bnaura_desk.services import branches, catalog, counter, shifts, tax_invoices
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_exceptions import list_exceptions
from bnaura_desk.services.sync_state import sync_status, unsettled_problems
from bnaura_desk.store.models import TaxInvoice
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, join_clinic
from sync.server import admin
from sync.server.models import Record, SyncException

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)

COMPANY = BuyerForm("บริษัท สวยใส จำกัด", "0105559123454", "55 ถนนสีลม กรุงเทพฯ 10500", "สำนักงานใหญ่")
PERSON = BuyerForm("สมหญิง ใจดี", "3100600445368", "12 ซอยอารีย์ กรุงเทพฯ 10400")


@pytest.fixture
def siam_2(chain: Chain, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    """A second terminal enrolled at the Siam branch (the counter's second till)."""
    with chain.server.sessions() as s:
        code = admin.new_enrollment_code(s, chain.branch_ids["siam"], now())[1].code
        s.commit()
    path = tmp_path / "siam-2.sqlite"
    join_clinic(path, chain.server.base_url, code, "POS siam 2")
    t = Terminal.open(path)
    try:
        yield t
    finally:
        t.close()


def _sold(chain: Chain, tills: tuple[Terminal, ...]) -> counter.SaleDone:  # noqa: F811
    """Siam (its tax id set) sells a serum in cash; every till pulls the branch and the sale."""
    siam = chain.siam
    siam.run(branches.update_branch, tax_id="0105561234567", address="991 ถนนพระราม 1 กรุงเทพฯ", actor=SYSTEM)
    serum = siam.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่มวิตามินซี",
                                                   price_satang=107_000, sku="SER-1"), actor=SYSTEM).result
    siam.run(shifts.open_shift, 100_000, actor=SYSTEM)
    sale = siam.run(counter.checkout, counter.Order((counter.OrderLine(serum),),
                                                    (Tender(PaymentMethod.CASH, 107_000),)), actor=SYSTEM).result
    for t in (siam, *tills):
        _sync(t)
    return sale


def _sync_with_exception(t: Terminal) -> None:
    """A sync round after which the terminal may show an open exception (its only "problem")."""
    with client_for(t) as client:
        sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.last_error == "" and status.pending == 0
    assert t.read(unsettled_problems) == []


def _exceptions(chain: Chain) -> list[SyncException]:  # noqa: F811
    with chain.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id,
                                                          SyncException.kind == "invoice_issued_twice")))


def test_two_tills_issuing_a_full_invoice_for_one_receipt_offline_both_stand_and_a_manager_is_told(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    sale = _sold(chain, (siam_2,))
    # The internet is down: the customer asks at one till, then (impatient) at the other.
    first = siam.run(tax_invoices.issue_full_invoice, sale.number, COMPANY, actor=SYSTEM).result
    second = siam_2.run(tax_invoices.issue_full_invoice, sale.number, PERSON, actor=SYSTEM).result
    assert first.number.endswith("-000001") and second.number.endswith("-000001") and first.number != second.number
    for t in (siam, siam_2, siam):
        _sync_with_exception(t)
    # Both invoices stand everywhere: their numbers were taken and are never reused.
    for t in (siam, siam_2):
        numbers = t.read(lambda s: sorted(s.scalars(select(TaxInvoice.number).where(TaxInvoice.sale_id == sale.sale_id))))
        assert numbers == sorted([first.number, second.number])
    [raised] = _exceptions(chain)
    assert (raised.entity, raised.entity_id) == ("tax_invoice", second.invoice_id)
    detail = raised.detail
    assert detail["receipt_number"] == sale.number
    assert [(i["number"], i["buyer_tin"]) for i in detail["invoices"]] == [
        (first.number, "0105559123454"), (second.number, "3100600445368")]
    # The chain's managers see it on their Exceptions screen, the invoice named by its number.
    [seen] = [e for e in siam.read(list_exceptions) if e.kind == "invoice_issued_twice"]
    assert (seen.entity, seen.subject_th) == ("tax_invoice", second.number)
    # A third try names the invoice that replaced the receipt first.
    with pytest.raises(BadInput) as again:
        siam_2.run(tax_invoices.issue_full_invoice, sale.number, COMPANY, actor=SYSTEM)
    assert first.number in again.value.render(lambda _c, text: text)


def test_another_branch_can_neither_issue_one_nor_claim_to_be_the_selling_branch(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    sale = _sold(chain, (thonglor,))
    with pytest.raises(BadInput) as refused:
        thonglor.run(tax_invoices.issue_full_invoice, sale.number, COMPANY, actor=SYSTEM)
    assert "only at the branch that issued the receipt" in refused.value.render(lambda _c, text: text)
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = [_op(thonglor, seq, "tax_invoice.record", "tax_invoice", str(uuid.uuid4()), {"record": {
            "sale_id": sale.sale_id, "branch_id": chain.branch_ids["siam"], "number": "T00000-AAAA-000001",
            "seq": 1, "buyer_name": "ปลอม", "buyer_tin": "0105559123454", "buyer_address": "กรุงเทพฯ",
            "at": "2026-12-07T10:00:00+07:00"}})]
        results = client.push(thonglor.device().device_id, forged).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "foreign_record")]
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "tax_invoice")) == 0
    assert siam.read(lambda s: s.scalar(select(func.count()).select_from(TaxInvoice))) == 0
