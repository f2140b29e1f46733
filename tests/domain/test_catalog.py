"""Catalog rules as plain functions: item validation, barcodes, stock movements."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.catalog import (
    PRICE_MAX_SATANG,
    ItemForm,
    ItemKind,
    StockReason,
    check_movement,
    count_correction,
    gtin_check_digit,
    is_valid_gtin,
    normalise_barcode,
    validate_item,
)
from bnaura_desk.domain.errors import BadInput

TREATMENT = ItemForm(
    kind=ItemKind.TREATMENT,
    name_th="  โบท็อกซ์   หน้าผาก ",
    name_en="Botox forehead",
    price_satang=590_000,
    vat_exempt=True,
    duration_minutes=30,
    protocol_steps=(" ทำความสะอาดผิว ", "ทายาชา 30 นาที"),
    sku="ignored",
    barcode="ignored",
    package_treatment_id="ignored",
    package_sessions=3,
)
PRODUCT = ItemForm(
    kind=ItemKind.PRODUCT,
    name_th="กันแดด SPF50",
    price_satang=89_000,
    sku=" sun-50 ",
    barcode="885 0000 00000 3",
    duration_minutes=30,
    protocol_steps=("x",),
)
PACKAGE = ItemForm(
    kind=ItemKind.PACKAGE,
    name_th="โบท็อกซ์ 3 ครั้ง",
    price_satang=1_500_000,
    package_treatment_id="0190aaaa-0000-7000-8000-000000000001",
    package_sessions=3,
)


def with_check_digit(body: str) -> str:
    return body + str(gtin_check_digit(body))


# ---------------------------------------------------------------- barcodes


@pytest.mark.parametrize(
    "code",
    ["4006381333931", "8850999220017", "73513537", "036000291452", "96385074"],
)
def test_published_codes_are_valid(code: str) -> None:
    assert is_valid_gtin(code)


@given(
    body=st.text(alphabet="0123456789", min_size=7, max_size=7)
    | st.text(alphabet="0123456789", min_size=11, max_size=12)
)
def test_check_digit_makes_a_valid_code(body: str) -> None:
    code = with_check_digit(body)
    assert is_valid_gtin(code)
    assert normalise_barcode(code) == code


@given(
    body=st.text(alphabet="0123456789", min_size=12, max_size=12),
    position=st.integers(0, 12),
    delta=st.integers(1, 9),
)
def test_any_single_wrong_digit_is_caught(body: str, position: int, delta: int) -> None:
    code = with_check_digit(body)
    wrong = code[:position] + str((int(code[position]) + delta) % 10) + code[position + 1 :]
    assert not is_valid_gtin(wrong)
    with pytest.raises(BadInput) as err:
        normalise_barcode(wrong)
    assert err.value.field == "barcode"


@pytest.mark.parametrize("raw", ["12345", "88500000000A2", "123456789012345", "abc"])
def test_malformed_barcodes_are_refused(raw: str) -> None:
    with pytest.raises(BadInput) as err:
        normalise_barcode(raw)
    assert err.value.field == "barcode"


def test_barcode_spaces_and_dashes_are_dropped() -> None:
    assert normalise_barcode(" 885-0000-00000-3 ") == "8850000000003"
    assert normalise_barcode("   ") == ""


# ---------------------------------------------------------------- items


def test_treatment_is_normalised_and_foreign_fields_emptied() -> None:
    out = validate_item(TREATMENT)
    assert out.name_th == "โบท็อกซ์ หน้าผาก"
    assert out.protocol_steps == ("ทำความสะอาดผิว", "ทายาชา 30 นาที")
    assert (out.sku, out.barcode, out.package_treatment_id, out.package_sessions) == (
        "",
        "",
        None,
        None,
    )
    assert out.duration_minutes == 30 and out.vat_exempt


def test_product_is_normalised() -> None:
    out = validate_item(PRODUCT)
    assert out.sku == "SUN-50"
    assert out.barcode == "8850000000003"
    assert (out.duration_minutes, out.protocol_steps) == (None, ())


def test_package_is_normalised() -> None:
    out = validate_item(PACKAGE)
    assert out.package_sessions == 3
    assert out.as_record()["kind"] == "package"


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (TREATMENT.with_changes(name_th="   "), "name_th"),
        (TREATMENT.with_changes(name_th="ก" * 201), "name_th"),
        (TREATMENT.with_changes(name_en="a" * 201), "name_en"),
        (TREATMENT.with_changes(price_satang=-1), "price_satang"),
        (TREATMENT.with_changes(price_satang=PRICE_MAX_SATANG + 1), "price_satang"),
        (TREATMENT.with_changes(price_satang=True), "price_satang"),
        (TREATMENT.with_changes(price_satang=10.5), "price_satang"),
        (TREATMENT.with_changes(duration_minutes=None), "duration_minutes"),
        (TREATMENT.with_changes(duration_minutes=4), "duration_minutes"),
        (TREATMENT.with_changes(duration_minutes=601), "duration_minutes"),
        (TREATMENT.with_changes(protocol_steps=("ok", "  ")), "protocol_steps"),
        (
            TREATMENT.with_changes(protocol_steps=tuple(f"step {i}" for i in range(41))),
            "protocol_steps",
        ),
        (PRODUCT.with_changes(sku="  "), "sku"),
        (PRODUCT.with_changes(sku="X" * 41), "sku"),
        (PRODUCT.with_changes(barcode="8850000000002"), "barcode"),
        (PACKAGE.with_changes(package_treatment_id=None), "package_treatment_id"),
        (PACKAGE.with_changes(package_sessions=0), "package_sessions"),
        (PACKAGE.with_changes(package_sessions=101), "package_sessions"),
        (PACKAGE.with_changes(package_sessions=None), "package_sessions"),
        (PACKAGE.with_changes(kind="voucher"), "kind"),
    ],
)
def test_bad_items_are_refused(form: ItemForm, field: str) -> None:
    with pytest.raises(BadInput) as err:
        validate_item(form)
    assert err.value.field == field
    assert str(err.value)  # a message a person can read


def test_limits_are_inclusive() -> None:
    validate_item(TREATMENT.with_changes(price_satang=0, duration_minutes=5))
    validate_item(TREATMENT.with_changes(price_satang=PRICE_MAX_SATANG, duration_minutes=600))
    validate_item(TREATMENT.with_changes(protocol_steps=tuple(f"s{i}" for i in range(40))))
    validate_item(PACKAGE.with_changes(package_sessions=100))


# ---------------------------------------------------------------- stock


@pytest.mark.parametrize(
    ("reason", "quantity"),
    [
        (StockReason.RECEIVED, -1),
        (StockReason.RETURNED, -2),
        (StockReason.DAMAGED, 1),
        (StockReason.SOLD, 3),
        (StockReason.COUNT_CORRECTION, 0),
        (StockReason.RECEIVED, 0),
        (StockReason.RECEIVED, True),
    ],
)
def test_wrong_sign_is_refused(reason: StockReason, quantity: int) -> None:
    with pytest.raises(BadInput) as err:
        check_movement(100, quantity, reason)
    assert err.value.field == "quantity"


def test_unknown_reason_is_refused() -> None:
    with pytest.raises(BadInput) as err:
        check_movement(0, 1, "gift")  # type: ignore[arg-type]
    assert err.value.field == "reason"


def test_cannot_take_out_more_than_in_stock() -> None:
    with pytest.raises(BadInput) as err:
        check_movement(2, -3, StockReason.SOLD)
    assert err.value.field == "quantity"
    assert "2" in str(err.value)
    assert check_movement(3, -3, StockReason.SOLD) == -3


def test_count_correction_reaches_the_count() -> None:
    assert count_correction(7, 3) == -4
    assert count_correction(7, 7) == 0
    with pytest.raises(BadInput) as err:
        count_correction(7, -1)
    assert err.value.field == "counted"


moves = st.lists(
    st.tuples(st.sampled_from(list(StockReason)), st.integers(-50, 50))
    | st.tuples(st.just("count"), st.integers(-5, 60)),
    max_size=60,
)


@given(moves)
def test_stock_never_negative_after_accepted_movements(sequence: list[tuple[object, int]]) -> None:
    stock = 0
    for reason, value in sequence:
        try:
            if reason == "count":
                stock += count_correction(stock, value)
                assert stock == value
            else:
                stock += check_movement(stock, value, reason)  # type: ignore[arg-type]
        except BadInput:
            continue
        assert stock >= 0
