"""A member code typed or scanned with the keyboard set to Thai is still the member's code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.keyboard import KEYS, SHIFTED_KEYS, THAI, THAI_SHIFTED, keys_typed
from bnaura_desk.domain.referral import ALPHABET, BODY_SPACE, display_code, make_code, typed_code

ON_THAI_LAYOUT = {**dict(zip(KEYS, THAI, strict=True)), **dict(zip(SHIFTED_KEYS, THAI_SHIFTED, strict=True))}


def thai_layout(keys: str) -> str:
    """Return what pressing ``keys`` (as on a US keyboard; upper case with Shift) types on the Thai layout."""
    return "".join(ON_THAI_LAYOUT.get(key, key) for key in keys)


def test_a_scanned_code_reads_back_from_what_the_thai_layout_typed() -> None:
    assert make_code("7KQ3", 4242) == "7KQ3ZD2J3F"
    assert thai_layout("7KQ3ZD2J3F") == "ึษ๐-(ฏ/๋-โ"
    assert keys_typed("ึษ๐-(ฏ/๋-โ") == "7KQ3ZD2J3F"
    assert typed_code("ึษ๐-(ฏ/๋-โ") == "7KQ3ZD2J3F"
    # Typed by hand without Shift (lower case), with the dashes: the same code.
    assert thai_layout("7kq3-zd2j-3f") == "ึาๆ-ขผก/่ข-ด"
    assert typed_code("ึาๆ-ขผก/่ข-ด") == "7KQ3ZD2J3F"


def test_text_without_thai_is_left_as_typed() -> None:
    assert keys_typed("7KQ3-MX4P-9T") == "7KQ3-MX4P-9T"
    assert keys_typed("081/234-5678") == "081/234-5678"
    assert typed_code("สมหญิง") is None  # a Thai name is no code, even read back as keys
    assert typed_code("0812345678") is None


def test_every_key_types_one_character_and_reads_back() -> None:
    assert len(set(THAI + THAI_SHIFTED)) == len(KEYS) + len(SHIFTED_KEYS) == 94
    assert keys_typed(thai_layout(KEYS + SHIFTED_KEYS)) == KEYS + SHIFTED_KEYS


@given(st.text(alphabet=ALPHABET, min_size=4, max_size=4), st.integers(0, BODY_SPACE - 1), st.booleans())
def test_any_code_scanned_on_the_thai_layout_is_found(tag: str, counter: int, grouped: bool) -> None:
    code = make_code(tag, counter)
    typed = thai_layout(display_code(code) if grouped else code)
    assert typed_code(typed) == code
