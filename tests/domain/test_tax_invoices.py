"""The buyer of a full tax invoice as typed at the counter: tax id check digit, establishment, name and address."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.tax_invoices import BuyerForm, check_buyer, parse_buyer_branch, parse_tin, tin_check_digit


def english(error: BadInput) -> str:
    return error.render(lambda _c, text: text)


@pytest.mark.parametrize("tin", ["0107537000254", "0105536092641", "0994000165510"])
def test_real_tax_ids_pass_and_are_forgiven_their_spaces_dashes_and_thai_digits(tin: str) -> None:
    assert parse_tin(tin) == tin
    assert parse_tin(f"{tin[0]}-{tin[1:5]}-{tin[5:10]}-{tin[10:12]}-{tin[12]}") == tin
    thai = tin.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert parse_tin(f" {thai} ") == tin


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(1, 9))
def test_a_tax_id_whose_last_digit_does_not_check_is_refused(body: str, shift: int) -> None:
    good = body + str(tin_check_digit(body))
    assert parse_tin(good) == good
    wrong = body + str((int(good[12]) + shift) % 10)
    with pytest.raises(BadInput) as refused:
        parse_tin(wrong)
    assert english(refused.value) == f"Tax id {wrong} is not valid (its check digit is wrong); check it with the buyer"
    assert refused.value.field == "buyer_tin"


@pytest.mark.parametrize("typo", ["0107537000264", "0107537002054", "1107537000254", "0170537000254"])
def test_a_digit_typed_wrong_or_two_swapped_is_caught(typo: str) -> None:
    with pytest.raises(BadInput):
        parse_tin(typo)  # 0107537000254 with one digit wrong, or two neighbours swapped


@pytest.mark.parametrize("typed", ["", "12345", "01075370002540", "0107537OOO254"])
def test_a_tax_id_that_is_not_13_digits_is_refused(typed: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_tin(typed)
    assert english(refused.value) == "A tax id is 13 digits"


def test_the_buyers_establishment_is_the_head_office_a_branch_or_none() -> None:
    assert parse_buyer_branch("สำนักงานใหญ่") == parse_buyer_branch("Head office") == parse_buyer_branch("0") == "00000"
    assert parse_buyer_branch("1") == parse_buyer_branch("00001") == parse_buyer_branch("๐๐๐๐๑") == "00001"
    assert parse_buyer_branch("") is None and parse_buyer_branch(None) is None and parse_buyer_branch("  ") is None
    for wrong in ("สาขาสีลม", "123456", "-1"):
        with pytest.raises(BadInput) as refused:
            parse_buyer_branch(wrong)
        assert "สำนักงานใหญ่" in english(refused.value) and refused.value.field == "buyer_branch"


def test_a_buyer_is_tidied_and_each_missing_part_is_named() -> None:
    buyer = check_buyer(BuyerForm("  บริษัท  สวยใส   จำกัด ", "0107537000254", " 55 ถนนสีลม\n\n  กรุงเทพฯ  10500 ", "1"))
    assert (buyer.name, buyer.tin, buyer.address, buyer.branch_no) == (
        "บริษัท สวยใส จำกัด", "0107537000254", "55 ถนนสีลม\nกรุงเทพฯ 10500", "00001")
    for form, field in ((BuyerForm(" ", "0107537000254", "กรุงเทพฯ"), "buyer_name"),
                        (BuyerForm("ก" * 201, "0107537000254", "กรุงเทพฯ"), "buyer_name"),
                        (BuyerForm("สมหญิง", "0107537000254", " \n "), "buyer_address"),
                        (BuyerForm("สมหญิง", "0107537000254", "ก" * 501), "buyer_address"),
                        (BuyerForm("สมหญิง", "", "กรุงเทพฯ"), "buyer_tin")):
        with pytest.raises(BadInput) as refused:
            check_buyer(form)
        assert refused.value.field == field
