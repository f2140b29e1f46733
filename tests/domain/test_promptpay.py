"""PromptPay QR payloads: the reference implementations' published payloads, parsed back, refused input, scanned back."""

from __future__ import annotations

import binascii
from decimal import Decimal
from pathlib import Path

import pytest
import segno
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QImage

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.promptpay import (
    MAX_AMOUNT_SATANG,
    PROMPTPAY_AID,
    TargetKind,
    amount_text,
    crc16,
    payload,
    promptpay_target,
)

# --- Published payloads -----------------------------------------------------
# Each expected string is copied from a reference implementation's tests or
# README (facts, not code). Amounts given there in baht are written here in
# satang; where the reference rounds a float with more than two decimals
# (jojoee/promptpay), the satang are that rounding's result.

# dtinth/promptpay-qr, index.test.js (commit a9e4f2d, the reference implementation).
DTINTH = [
    ("0801234567", None, "00020101021129370016A000000677010111011300668012345675802TH530376463046197"),
    ("080-123-4567", None, "00020101021129370016A000000677010111011300668012345675802TH530376463046197"),
    ("+66-89-123-4567", None, "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1"),
    ("1111111111111", None, "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"),
    ("1-1111-11111-11-1", None, "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"),
    ("0123456789012", None, "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD"),
    ("012345678901234", None, "00020101021129390016A00000067701011103150123456789012345802TH530376463049781"),
]

# jojoee/promptpay (Python), tests/test_qrcode_generate_payload.py (commit d93906d).
JOJOEE = [
    ("0819837638", None, "00020101021129370016A000000677010111011300668198376385802TH53037646304F963"),
    ("084-948-8172", None, "00020101021129370016A000000677010111011300668494881725802TH53037646304C907"),
    ("+66-87-125-5555", None, "00020101021129370016A000000677010111011300668712555555802TH5303764630482FE"),
    ("089-999-9999", None, "00020101021129370016A000000677010111011300668999999995802TH53037646304FE29"),
    ("0801234567", 45_625, "00020101021229370016A000000677010111011300668012345675802TH53037645406456.256304483D"),
    ("0819837638", 547_652_150, "00020101021229370016A000000677010111011300668198376385802TH530376454105476521.506304EA3B"),
    ("0849488172", 8_154_541_575, "00020101021229370016A000000677010111011300668494881725802TH5303764541181545415.756304D28D"),
    ("0871255555", 486_468_823, "00020101021229370016A000000677010111011300668712555555802TH530376454104864688.236304E369"),
    ("0891234567", 44_546_565, "00020101021229370016A000000677010111011300668912345675802TH53037645409445465.656304CD64"),
    ("1234567890123", None, "00020101021129370016A000000677010111021312345678901235802TH53037646304EC40"),
    ("8-5128-19188-69-0", None, "00020101021129370016A000000677010111021385128191886905802TH5303764630400F4"),
    ("0-0236-37209-81-1", None, "00020101021129370016A000000677010111021300236372098115802TH530376463040C4C"),
    ("1111111111111", 87_874_800, "00020101021229370016A000000677010111021311111111111115802TH53037645409878748.0063042792"),
    ("1234567890123", 2_300, "00020101021229370016A000000677010111021312345678901235802TH5303764540523.006304C4F2"),
    ("0123456789012", 484_850, "00020101021229370016A000000677010111021301234567890125802TH530376454074848.5063049BEA"),
    ("8512819188690", 54_123, "00020101021229370016A000000677010111021385128191886905802TH53037645406541.23630437F5"),
    ("0023637209811", 7_298, "00020101021229370016A000000677010111021300236372098115802TH5303764540572.986304E802"),
    ("004999000288505", None, "00020101021129390016A00000067701011103150049990002885055802TH530376463041521"),
    ("004000006579718", None, "00020101021129390016A00000067701011103150040000065797185802TH53037646304FBB5"),
    ("012345678901234", 987_488_700, "00020101021229390016A00000067701011103150123456789012345802TH530376454109874887.0063047158"),
    ("004999000288505", 151_575, "00020101021229390016A00000067701011103150049990002885055802TH530376454071515.756304522C"),
]

# vocolboy/promptpay-generator (PHP, on Packagist), README.md usage example.
VOCOLBOY = [
    ("0912345678", 10_000, "00020101021229370016A000000677010111011300669123456785802TH53037645406100.00630492CB"),
]


@pytest.mark.parametrize("target, amount, expected", DTINTH + JOJOEE + VOCOLBOY)
def test_the_published_payloads_come_out_byte_for_byte(target: str, amount: int | None, expected: str) -> None:
    assert payload(target, amount) == expected


@pytest.mark.parametrize(
    "known",
    [
        # The references' placeholder number 000-000-0000, which we refuse as a
        # target (no Thai mobile starts 00): its payloads still check our CRC.
        # dtinth/promptpay-qr index.test.js, "Amount", 4.22 baht:
        "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469",
        # jojoee/promptpay tests, static and 100 baht:
        "00020101021129370016A000000677010111011300660000000005802TH530376463048956",
        "00020101021229370016A000000677010111011300660000000005802TH53037645406100.0063043B7D",
        # saladpuk/PromptPay README.md (0914185401, 50 baht; tags in ascending order):
        "00020101021229370016A000000677010111011300669141854015303764540550.005802TH630401F8",
    ],
)
def test_the_crc_of_known_payloads(known: str) -> None:
    assert crc16(known[:-4]) == known[-4:]
    assert crc16(known[:-4] + "0") != known[-4:]  # one more character: another CRC


def test_crc16_is_ccitt_false() -> None:
    # The catalogue check value of CRC-16/CCITT-FALSE is 0x29B1 for "123456789".
    assert crc16("123456789") == "29B1"


def test_the_same_payment_as_a_payload_written_in_another_tag_order() -> None:
    # saladpuk/PromptPay's README example writes 53, 54 before 58; the data
    # objects are the same as ours once the order is set aside.
    theirs = "00020101021229370016A000000677010111011300669141854015303764540550.005802TH630401F8"
    ours = payload("091-418-5401", 5_000)
    assert without_crc(read_tlv(ours)) == without_crc(read_tlv(theirs))
    assert ours != theirs


# --- A TLV reader, as a scanning banking app reads the payload -----------------


def read_tlv(text: str) -> dict[str, str]:
    """Return ``{tag: value}`` of a run of EMVCo data objects; fail on a malformed run or a repeated tag."""
    objects: dict[str, str] = {}
    at = 0
    while at < len(text):
        tag, length = text[at : at + 2], text[at + 2 : at + 4]
        assert tag.isdigit() and length.isdigit(), f"bad header at {at}: {text[at:at + 4]!r}"
        value = text[at + 4 : at + 4 + int(length)]
        assert len(value) == int(length), f"tag {tag} runs past the end"
        assert tag not in objects, f"tag {tag} twice"
        objects[tag] = value
        at += 4 + int(length)
    return objects


def tag_order(text: str) -> list[str]:
    tags, at = [], 0
    while at < len(text):
        tags.append(text[at : at + 2])
        at += 4 + int(text[at + 2 : at + 4])
    return tags


def without_crc(objects: dict[str, str]) -> dict[str, str]:
    return {tag: value for tag, value in objects.items() if tag != "63"}


# --- Properties -------------------------------------------------------------

_digit = st.sampled_from("0123456789")


@st.composite
def mobiles(draw: st.DrawFn) -> tuple[str, str]:
    """Return (a Thai mobile as someone types it, its 9 digits after the trunk 0)."""
    nine = draw(st.sampled_from("689")) + "".join(draw(st.lists(_digit, min_size=8, max_size=8)))
    national = "0" + nine
    typed = draw(
        st.sampled_from(
            [
                national,
                f"{national[:3]}-{national[3:6]}-{national[6:]}",
                f"{national[:3]} {national[3:6]} {national[6:]}",
                f"({national[:3]}) {national[3:6]}-{national[6:]}",
                "+66" + nine,
                f"+66 {nine[:2]} {nine[2:5]} {nine[5:]}",
                "66" + nine,
                "+66 " + national,
                "  " + national + " ",
            ]
        )
    )
    return typed, nine


def with_separators(digits: str) -> st.SearchStrategy[str]:
    """Return ``digits`` with spaces or dashes between some of them, as ids are written."""
    gaps = st.lists(st.sampled_from(["", "", "-", " "]), min_size=len(digits) - 1, max_size=len(digits) - 1)
    return gaps.map(lambda seps: digits[0] + "".join(sep + d for sep, d in zip(seps, digits[1:], strict=True)))


@st.composite
def targets(draw: st.DrawFn) -> tuple[str, TargetKind, str]:
    """Return (a target as typed, its kind, the value tag 29 must carry)."""
    kind = draw(st.sampled_from(list(TargetKind)))
    if kind is TargetKind.MOBILE:
        typed, nine = draw(mobiles())
        return typed, kind, "0066" + nine
    size = 13 if kind is TargetKind.TAX_ID else 15
    digits = "".join(draw(st.lists(_digit, min_size=size, max_size=size)))
    return draw(with_separators(digits)), kind, digits


amounts = st.one_of(st.none(), st.integers(1, 1_000_000), st.integers(1, MAX_AMOUNT_SATANG))


@given(targets(), amounts)
def test_every_payload_reads_back_with_the_right_tags_amount_and_crc(
    target: tuple[str, TargetKind, str], amount: int | None
) -> None:
    typed, kind, account = target
    text = payload(typed, amount)
    assert text.isascii() and text.isprintable()
    objects = read_tlv(text)
    dynamic = amount is not None
    assert tag_order(text) == ["00", "01", "29", "58", "53", *(["54"] if dynamic else []), "63"]
    assert objects["00"] == "01"
    assert objects["01"] == ("12" if dynamic else "11")
    assert read_tlv(objects["29"]) == {"00": PROMPTPAY_AID, kind.value: account}
    assert (objects["58"], objects["53"]) == ("TH", "764")
    if amount is not None:
        baht = objects["54"]
        assert len(baht) <= 13 and baht.count(".") == 1 and len(baht.split(".")[1]) == 2
        assert Decimal(baht) * 100 == amount
        assert not baht.startswith("0") or baht.startswith("0.")
    # The CRC covers everything up to and including its own "6304".
    assert text[-8:-4] == "6304"
    assert objects["63"] == f"{binascii.crc_hqx(text[:-4].encode('ascii'), 0xFFFF):04X}"


@given(mobiles())
def test_every_way_of_writing_a_mobile_gives_one_payload(mobile: tuple[str, str]) -> None:
    typed, nine = mobile
    assert promptpay_target(typed).digits == "0" + nine
    assert payload(typed, 150_000) == payload("0" + nine, 150_000)


def test_thai_digits_are_the_same_number() -> None:
    assert payload("๐๘๑-๒๓๔-๕๖๗๘", 9_900) == payload("0812345678", 9_900)


def test_the_target_is_named_by_kind_for_a_settings_screen() -> None:
    assert promptpay_target(" 081-234-5678 ") == promptpay_target("+66812345678")
    assert promptpay_target("081-234-5678").kind is TargetKind.MOBILE
    assert promptpay_target("0-1055-36092-64-1").kind is TargetKind.TAX_ID
    assert promptpay_target("0-1055-36092-64-1").digits == "0105536092641"
    assert promptpay_target("004 999 000 288 505").kind is TargetKind.EWALLET


@pytest.mark.parametrize(
    "satang, text",
    [(1, "0.01"), (99, "0.99"), (100, "1.00"), (150_050, "1500.50"), (MAX_AMOUNT_SATANG, "9999999999.99")],
)
def test_amount_text_is_exact(satang: int, text: str) -> None:
    assert amount_text(satang) == text


# --- Refused input ------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "",
        "   ",
        "081-234-567",  # a digit short
        "08123456789",  # a digit too many
        "02-123-4567",  # a Bangkok landline
        "053-123-456",  # a Chiang Mai landline
        "+66 2 123 4567",  # the landline written internationally
        "0712345678",  # 10 digits but not 06, 08 or 09
        "000-000-0000",  # the references' placeholder: no one's mobile
        "+1 415 555 0100",  # not Thailand
        "+1234567890123",  # a "+" before an id
        "66 1 234 56789",  # 66 and no mobile after it
        "081-234-567O",  # a letter O for a zero
        "promptpay",
        "081/234/5678",
        "123456789012",  # 12 digits
        "12345678901234",  # 14 digits
        "1234567890123456",  # 16 digits
        "๐๘๑-๒๓๔-๕๖๗",  # Thai digits, one short
        "０８１２３４５６７８",  # full-width digits are no Thai keyboard's
    ],
)
def test_a_target_that_is_no_promptpay_id_is_refused(target: str) -> None:
    with pytest.raises(BadInput) as refused:
        payload(target, 10_000)
    assert refused.value.field == "promptpay_id"
    message = str(refused.value)
    if target.strip():
        # The message repeats what was typed and says what would do.
        assert target.strip() in message
        for accepted in ("mobile", "13-digit national or tax id", "15-digit e-wallet id"):
            assert accepted in message


@pytest.mark.parametrize("satang", [0, -1, -10_000, MAX_AMOUNT_SATANG + 1, 10**15])
def test_an_amount_a_cashier_cannot_ask_for_is_refused(satang: int) -> None:
    with pytest.raises(BadInput) as refused:
        payload("0812345678", satang)
    assert refused.value.field == "amount"
    assert ("฿0.00" if satang <= 0 else "฿9,999,999,999.99") in str(refused.value)


@given(st.integers(max_value=0))
def test_no_amount_at_or_below_zero_makes_a_payload(satang: int) -> None:
    with pytest.raises(BadInput):
        payload("1234567890123", satang)


@pytest.mark.parametrize("amount", [1.5, 100.0, True, False, Decimal("1.00"), "100"])
def test_an_amount_that_is_not_integer_satang_is_a_programming_error(amount: object) -> None:
    # A float cannot hold most satang exactly; a bool is an int to Python but
    # no amount. Either is a bug in the caller, not the cashier's input.
    with pytest.raises(TypeError):
        payload("0812345678", amount)  # type: ignore[arg-type]


# --- Scanned back ------------------------------------------------------------


@pytest.mark.parametrize(
    "target, amount",
    [("081-234-5678", None), ("081-234-5678", 150_050), ("0-1055-36092-64-1", 9_999_999), ("004999000288505", 1)],
)
def test_the_qr_drawn_from_a_payload_scans_back_as_the_payload(
    target: str, amount: int | None, tmp_path: Path
) -> None:
    text = payload(target, amount)
    path = tmp_path / "promptpay.png"
    segno.make_qr(text, error="m").save(str(path), scale=4, border=4)
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    scanned = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in scanned] == [text]
