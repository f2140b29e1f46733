"""Branch numbers as typed and as printed on Thai tax documents."""

from __future__ import annotations

import pytest

from bnaura_desk.domain.branch import (
    HEAD_OFFICE,
    parse_branch_number,
    tax_document_label_en,
    tax_document_label_th,
)
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.field_types import BranchNumber


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0", "00000"), ("00000", "00000"), ("1", "00001"), (" 00001 ", "00001"), ("๐๐๐๑๒", "00012"),
     ("12345", "12345")],
)
def test_what_people_type_is_stored_as_five_digits(typed: str, stored: str) -> None:
    assert parse_branch_number(typed) == stored


@pytest.mark.parametrize("typed", ["", "   ", "123456", "1a", "สาขา 1", "-1", "1.0", "١٢", "1 2"])
def test_anything_but_up_to_five_digits_is_refused_with_a_clear_message(typed: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_branch_number(typed)
    assert refused.value.field == "branch_no"
    assert "five digits" in refused.value.render()


def test_the_head_office_and_a_branch_are_printed_as_the_revenue_department_asks() -> None:
    assert tax_document_label_th(HEAD_OFFICE) == "สำนักงานใหญ่"
    assert tax_document_label_th("00001") == "สาขาที่ 00001"
    assert tax_document_label_en(HEAD_OFFICE) == "Head office"
    assert tax_document_label_en("00012") == "Branch 00012"


def test_a_label_is_never_printed_from_a_number_not_stored_as_five_digits() -> None:
    with pytest.raises(ValueError):
        tax_document_label_th("1")


@pytest.mark.parametrize(
    ("value", "good"),
    [("00000", True), ("00001", True), ("1", False), ("", False), ("0000a", False), ("๐๐๐๐๑", False),
     (1, False), (None, False)],
)
def test_the_synced_field_takes_only_the_stored_form(value: object, good: bool) -> None:
    assert (BranchNumber().problem(value) is None) == good
