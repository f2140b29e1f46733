"""A document whose figures do not add up, or whose seller is not a valid taxpayer, cannot be made."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from bnaura_desk.documents import Buyer, Discount, DocumentLine, Payment, PaymentMethod, Seller, VatCode

from . import samples


def test_the_sample_sale_adds_up() -> None:
    receipt = samples.receipt()
    t = receipt.totals
    assert t.vatable_satang + t.vat_satang + t.exempt_satang == t.total_satang == receipt.paid_satang
    assert receipt.balance_due_satang == 0


@pytest.mark.parametrize("tin", ["010556123456", "01055612345678", "010556123456x", "๐๑๐๕๕๖๑๒๓๔๕๖๗"])
def test_seller_tax_id_is_13_ascii_digits(tin: str) -> None:
    with pytest.raises(ValueError, match="13 digits"):
        dataclasses.replace(samples.SELLER, tin=tin)


def test_seller_branch_label() -> None:
    assert samples.SELLER.branch_label_th == "สาขาที่ 00001"
    assert dataclasses.replace(samples.SELLER, branch_no="00000").branch_label_th == "สำนักงานใหญ่"
    with pytest.raises(ValueError):
        Seller("ก", "A", "addr", "0105561234567", "1")


def test_buyer_without_tax_id_is_a_person() -> None:
    person = Buyer("สมหญิง ใจดี", "กรุงเทพฯ")
    assert person.branch_label_th == ""
    with pytest.raises(ValueError):
        Buyer("  ", "กรุงเทพฯ")


def test_line_net_must_be_gross_less_discounts() -> None:
    with pytest.raises(ValueError, match="net"):
        DocumentLine("x", 2, 100, 150, VatCode.STANDARD, (Discount("d", 10),))
    with pytest.raises(ValueError, match="quantity"):
        DocumentLine("x", 0, 100, 0, VatCode.STANDARD)
    with pytest.raises(ValueError, match="exceed"):
        DocumentLine("x", 1, 100, -50, VatCode.STANDARD, (Discount("d", 150),))


def test_totals_must_match_lines_and_parts() -> None:
    receipt = samples.receipt()
    with pytest.raises(ValueError, match="add up to the total"):
        dataclasses.replace(receipt.totals, vat_satang=receipt.totals.vat_satang + 1)
    with pytest.raises(ValueError, match="subtotal less discounts"):
        dataclasses.replace(receipt.totals, discount_satang=0)
    shifted = dataclasses.replace(receipt.totals, vatable_satang=receipt.totals.vatable_satang + 100,
                                  exempt_satang=receipt.totals.exempt_satang - 100)
    with pytest.raises(ValueError, match="exempt"):
        dataclasses.replace(receipt, totals=shifted)


def test_payments_cannot_exceed_the_total_but_a_deposit_leaves_a_balance() -> None:
    receipt = samples.receipt()
    with pytest.raises(ValueError, match="exceed"):
        dataclasses.replace(receipt, payments=(Payment(PaymentMethod.CASH, receipt.totals.total_satang + 1),))
    deposit = dataclasses.replace(receipt, payments=(Payment(PaymentMethod.TRANSFER, 100_000, reference="TX1"),))
    assert deposit.balance_due_satang == receipt.totals.total_satang - 100_000


def test_cash_change_and_only_cash_is_tendered() -> None:
    assert Payment(PaymentMethod.CASH, 249_000, tendered_satang=300_000).change_satang == 51_000
    with pytest.raises(ValueError):
        Payment(PaymentMethod.CASH, 249_000, tendered_satang=200_000)
    with pytest.raises(ValueError):
        Payment(PaymentMethod.CARD, 249_000, tendered_satang=300_000)


def test_times_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        dataclasses.replace(samples.receipt(), issued_at=datetime(2026, 12, 7, 10, 32))


def test_credit_note_never_credits_more_than_the_original() -> None:
    note = samples.credit_note()
    assert note.corrected_value_satang == note.original_value_satang - note.totals.total_satang
    with pytest.raises(ValueError, match="more credited"):
        dataclasses.replace(note, original_value_satang=note.totals.total_satang - 1)
    with pytest.raises(ValueError, match="reason"):
        dataclasses.replace(note, reason=" ")
