"""Customer search terms: what a customer can be found by, and how a query is read.

Each customer has a few index terms (lower-cased words of the names and the
nickname, the national phone digits, the phone read backwards for "last four
digits" searches, the referral code). A query matches a customer when each
of its words is a prefix of one of the customer's terms.
"""

from __future__ import annotations

import re
import unicodedata

from .phone import national_digits, query_digits
from .referral import ALPHABET

# A referral code typed as printed, in groups: "7KQ3-MX4P-9T" (or a start of it).
_CODE_GROUPS = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{0,4}}(-[{ALPHABET}]{{0,2}})?", re.IGNORECASE)

SUFFIX_MARK = "~"  # terms for phone suffix search start with this


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


# What separates the words of a name ("-" and "/" included).
_SEPARATORS = re.compile(r"[\s,.()\-/]+")


def _words(text: str) -> list[str]:
    # Precompiled, and nothing to do for an empty field (most nicknames):
    # a bootstrap makes the terms of a million customers (bench/RESULTS.md).
    if not text:
        return []
    return [w for w in _SEPARATORS.split(_fold(text)) if w]


def customer_terms(
    name_th: str, name_en: str, nickname: str, phone: str, referral_code: str
) -> set[str]:
    """Return the index terms of one customer."""
    terms: set[str] = set()
    for text in (name_th, name_en, nickname):
        words = _words(text)
        terms.update(words)
        if len(words) > 1:
            terms.add("".join(words))  # "สมชายใจดี" typed without the space
    if phone:
        digits = national_digits(phone)
        terms.add(digits)
        terms.add(SUFFIX_MARK + digits[::-1])
    if referral_code:
        terms.add(referral_code.casefold())
    return terms


def query_words(query: str) -> list[str]:
    """Return the words of a typed query, folded like the terms.

    A referral code typed with its dashes is one word, as it is indexed.
    """
    if _CODE_GROUPS.fullmatch(query.strip()):
        return [_fold(query.strip().replace("-", ""))]
    return _words(query)


def phone_query(query: str) -> str | None:
    """Return the phone digits of a query that is all phone-like, else ``None``.

    At least 3 digits: shorter digit strings match too much to be useful.
    """
    if not re.fullmatch(r"[\d\s\-+()]+", query.strip() or "x"):
        return None
    digits = query_digits(query)
    return digits if len(digits) >= 3 else None
