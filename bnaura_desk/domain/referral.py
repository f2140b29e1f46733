"""Referral codes: 10 characters, unique across devices, easy to read aloud.

Layout: 4-character device tag + 5-character body + 1 check character.

- The alphabet leaves out 0/O, 1/I/L: what a customer reads over the phone
  is what staff type.
- Uniqueness across devices without a network: every device has its own
  tag (drawn when the device is created, re-checked by the server at
  enrollment) and numbers its own codes with a counter kept in its database.
  The body is a bijective scramble of the counter, so codes of one device
  never collide and do not reveal how many customers a clinic has.
- The check character (Luhn mod 31) catches any single mistyped character
  and any swap of two neighbouring characters.
"""

from __future__ import annotations

import secrets

from .errors import QT_TRANSLATE_NOOP, BadInput

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
    """Return the Luhn mod-31 check character of ``payload``."""
    factor = 2
    total = 0
    for char in reversed(payload):
        addend = factor * _INDEX[char]
        factor = 1 if factor == 2 else 2
        total += addend // BASE + addend % BASE
    return ALPHABET[(BASE - total % BASE) % BASE]


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


def normalise_code(raw: str) -> str:
    """Return a typed code in canonical form (upper case, no spaces or dashes).

    Raises:
        BadInput: wrong length, a character outside the alphabet, or a wrong
            check character (a typo).
    """
    code = raw.strip().upper().replace("-", "").replace(" ", "")
    if len(code) != CODE_LENGTH or any(c not in _INDEX for c in code):
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
