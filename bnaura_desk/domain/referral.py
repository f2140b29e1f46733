"""Referral codes: 10 characters, unique across devices, easy to read aloud.

Layout: 4-character device tag + 5-character body + 1 check character.

- The alphabet leaves out 0/O, 1/I/L: what a customer reads over the phone
  is what staff type.
- Uniqueness across devices without a network: every device has its own
  tag (drawn when the device is created, re-checked by the server at
  enrollment) and numbers its own codes with a counter kept in its database.
  The body is a bijective scramble of the counter, so codes of one device
  never collide and do not reveal how many customers a clinic has.
- The check character makes the weighted sum ``sum((i + 1) * value[i])``
  of all ten characters divisible by 31. 31 is prime and the weights 1..10
  are distinct and non-zero modulo 31, so any single mistyped character and
  any swap of two characters (neighbours or not) changes the sum. (Luhn mod
  31 was used first; it misses the swap of "2" and "Z", values 0 and 30.)
"""

from __future__ import annotations

import secrets

from .errors import QT_TRANSLATE_NOOP, BadInput
from .keyboard import keys_typed

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BASE = len(ALPHABET)  # 31
TAG_LENGTH = 4
BODY_LENGTH = 5
CODE_LENGTH = TAG_LENGTH + BODY_LENGTH + 1
BODY_SPACE = BASE**BODY_LENGTH  # 28,629,151 codes per device
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
# Multiplier coprime with 31**5 (not a multiple of 31): x -> (A*x + C) mod N is a bijection.
_A = 11_863_279
_C = 5_422_617


def new_device_tag() -> str:
    """Return a random device tag from a CSPRNG."""
    return "".join(secrets.choice(ALPHABET) for _ in range(TAG_LENGTH))


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, rem = divmod(value, BASE)
        chars.append(ALPHABET[rem])
    return "".join(reversed(chars))


def check_character(payload: str) -> str:
    """Return the check character that makes ``payload + char`` a valid code.

    The weighted sum of the whole code, weight ``i + 1`` for the character
    at index ``i``, must be 0 modulo 31 (``len(payload) + 1`` must be < 31).
    """
    total = sum((i + 1) * _INDEX[c] for i, c in enumerate(payload))
    weight = len(payload) + 1
    # value * weight ≡ -total (mod 31); 31 is prime, so weight has an inverse.
    return ALPHABET[(-total * pow(weight, -1, BASE)) % BASE]


def make_code(tag: str, counter: int) -> str:
    """Return the referral code number ``counter`` of the device with ``tag``.

    Raises:
        ValueError: ``counter`` outside ``0 .. BODY_SPACE - 1`` or a bad tag.
    """
    if not 0 <= counter < BODY_SPACE:
        raise ValueError(f"referral counter out of range: {counter}")
    if len(tag) != TAG_LENGTH or any(c not in _INDEX for c in tag):
        raise ValueError(f"bad device tag: {tag!r}")
    body = _encode((_A * counter + _C) % BODY_SPACE, BODY_LENGTH)
    payload = tag + body
    return payload + check_character(payload)


def canonical(raw: str) -> str:
    """Return a typed code as stored: upper case, without the spaces and dashes it is read out with."""
    return raw.strip().upper().replace("-", "").replace(" ", "")


def is_well_formed(code: str, length: int) -> bool:
    """Return whether canonical ``code`` has ``length`` characters, all of the alphabet."""
    return len(code) == length and all(c in _INDEX for c in code)


def normalise_code(raw: str) -> str:
    """Return a typed code in canonical form (upper case, no spaces or dashes).

    Raises:
        BadInput: wrong length, a character outside the alphabet, or a wrong
            check character (a typo).
    """
    code = canonical(raw)
    if not is_well_formed(code, CODE_LENGTH):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A referral code has 10 letters and digits, e.g. {example}"),
            field="referral_code",
            example="7KQ3-MX4P-9T",
        )
    if check_character(code[:-1]) != code[-1]:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Referral code {code} has a typo; please check it again"),
            field="referral_code",
            code=code,
        )
    return code


def display_code(code: str) -> str:
    """Return the code grouped for reading aloud: ``7KQ3MX4P9T`` → ``7KQ3-MX4P-9T``."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def typed_code(raw: str) -> str | None:
    """Return the referral code ``raw`` is (canonical), or None when it is no valid code.

    As ``normalise_code``, and also when it was typed, or scanned by a
    barcode scanner, with the keyboard set to Thai (``keyboard.keys_typed``).
    """
    for candidate in (raw, keys_typed(raw)):
        try:
            return normalise_code(candidate)
        except BadInput:
            continue
    return None
