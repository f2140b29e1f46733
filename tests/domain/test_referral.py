"""Referral codes: 10 readable characters, unique per device, typo-proof."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain import referral
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.referral import (
    ALPHABET,
    BODY_SPACE,
    CODE_LENGTH,
    display_code,
    make_code,
    new_device_tag,
    normalise_code,
)

tags = st.text(alphabet=ALPHABET, min_size=4, max_size=4)
counters = st.integers(min_value=0, max_value=BODY_SPACE - 1)


def test_alphabet_has_no_lookalikes() -> None:
    assert not set("0O1IL") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 31
    assert all(c.isascii() and (c.isdigit() or c.isupper()) for c in ALPHABET)


@given(tags, counters)
def test_codes_are_ten_readable_characters(tag: str, counter: int) -> None:
    code = make_code(tag, counter)
    assert len(code) == CODE_LENGTH == 10
    assert set(code) <= set(ALPHABET)
    assert not set(code) & set("0O1IL")
    assert code.startswith(tag)
    assert normalise_code(code) == code


@given(tags, counters, counters)
def test_distinct_counters_give_distinct_codes(tag: str, a: int, b: int) -> None:
    assert (make_code(tag, a) == make_code(tag, b)) == (a == b)


@given(tags, tags, counters, counters)
def test_different_devices_never_share_a_code(t1: str, t2: str, a: int, b: int) -> None:
    if t1 != t2:
        assert make_code(t1, a) != make_code(t2, b)


def test_body_scramble_is_a_bijection() -> None:
    # The algebra: x -> (A x + C) mod 31**5 is a bijection iff gcd(A, 31**5) == 1.
    assert math.gcd(referral._A, BODY_SPACE) == 1
    # And a large sample, including both ends of the range, has no repeat.
    sample = list(range(200_000)) + list(range(BODY_SPACE - 50_000, BODY_SPACE))
    bodies = {make_code("2345", n)[4:9] for n in sample}
    assert len(bodies) == len(sample)


def test_consecutive_codes_do_not_look_consecutive() -> None:
    bodies = [make_code("2345", n)[4:9] for n in range(5)]
    assert len({b[:3] for b in bodies}) > 1


@pytest.mark.parametrize("counter", [-1, BODY_SPACE])
def test_counter_out_of_range(counter: int) -> None:
    with pytest.raises(ValueError):
        make_code("2345", counter)


@pytest.mark.parametrize("tag", ["234", "23456", "0ABC", "abcd"])
def test_bad_tag(tag: str) -> None:
    with pytest.raises(ValueError):
        make_code(tag, 1)


def test_device_tags_are_random_and_readable() -> None:
    drawn = {new_device_tag() for _ in range(200)}
    assert len(drawn) > 190
    assert all(len(t) == 4 and set(t) <= set(ALPHABET) for t in drawn)


@settings(max_examples=300)
@given(tags, counters)
def test_every_single_character_typo_is_caught(tag: str, counter: int) -> None:
    code = make_code(tag, counter)
    for i in range(CODE_LENGTH):
        for c in ALPHABET:
            if c != code[i]:
                with pytest.raises(BadInput):
                    normalise_code(code[:i] + c + code[i + 1 :])


@settings(max_examples=500)
@given(tags, counters)
def test_every_swap_of_neighbours_is_caught(tag: str, counter: int) -> None:
    code = make_code(tag, counter)
    for i in range(CODE_LENGTH - 1):
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        if swapped != code:
            with pytest.raises(BadInput):
                normalise_code(swapped)


def test_swap_of_first_and_last_alphabet_letters_is_caught() -> None:
    # The weak spot of Luhn mod N: '2' (value 0) next to 'Z' (value 30).
    for n in range(3000):
        code = make_code("2Z2Z", n)
        with pytest.raises(BadInput):
            normalise_code("Z2" + code[2:])


@given(tags, counters)
def test_normalise_accepts_how_people_type_it(tag: str, counter: int) -> None:
    code = make_code(tag, counter)
    assert normalise_code(code.lower()) == code
    assert normalise_code(display_code(code)) == code
    assert normalise_code(" " + display_code(code).lower().replace("-", " - ") + " ") == code


def test_display_groups_for_reading_aloud() -> None:
    assert display_code("7KQ3MX4P9T") == "7KQ3-MX4P-9T"


@pytest.mark.parametrize("typed", ["", "ABC", "7KQ3MX4P9", "7KQ3MX4P9TT", "7KQ3MX4P0T", "7KQ3MX4POT", "7KQ3MX4P1T"])
def test_normalise_refuses_wrong_shape(typed: str) -> None:
    with pytest.raises(BadInput) as err:
        normalise_code(typed)
    assert err.value.field == "referral_code"


def test_typo_message_names_the_code() -> None:
    code = make_code("2345", 42)
    typo = code[:-1] + next(c for c in ALPHABET if c != code[-1])
    with pytest.raises(BadInput, match="typo") as err:
        normalise_code(typo.lower())
    assert typo in str(err.value)
