"""Search terms of a customer, and how a typed query is read."""

from __future__ import annotations

import pytest

from bnaura_desk.domain.search import SUFFIX_MARK, customer_terms, phone_query, query_words


def test_terms_of_a_customer() -> None:
    terms = customer_terms("สมหญิง ใจดี", "Somying JAIDEE", "Ying", "+66812345678", "7KQ3MX4P9T")
    assert {"สมหญิง", "ใจดี", "สมหญิงใจดี", "somying", "jaidee", "somyingjaidee", "ying"} <= terms
    assert "0812345678" in terms
    assert SUFFIX_MARK + "8765432180" in terms
    assert "7kq3mx4p9t" in terms


def test_no_empty_terms() -> None:
    assert customer_terms("", "Anna", "", "", "") == {"anna"}


def test_query_words_fold_case_and_split() -> None:
    assert query_words("  Somying  JAI ") == ["somying", "jai"]
    assert query_words("สม ใจ") == ["สม", "ใจ"]
    assert query_words("") == []


def test_referral_code_typed_with_dashes_is_one_word() -> None:
    assert query_words("7kq3-mx4p") == ["7kq3mx4p"]
    assert query_words("7KQ3-MX4P-9T") == ["7kq3mx4p9t"]
    assert query_words("7kq3-") == ["7kq3"]


def test_query_and_terms_fold_alike() -> None:
    assert query_words("NÃO") == sorted(customer_terms("", "não", "", "", ""))
    assert query_words("น้ำ") == sorted(customer_terms("น้ำ", "", "", "", ""))


@pytest.mark.parametrize(
    "typed, digits",
    [
        ("081", "081"),
        ("081 234", "081234"),
        ("081-234-5678", "0812345678"),
        ("+6681234", "081234"),
        ("(081) 23", "08123"),
        ("5678", "5678"),
    ],
)
def test_phone_queries(typed: str, digits: str) -> None:
    assert phone_query(typed) == digits


@pytest.mark.parametrize("typed", ["08", "", "  ", "สม", "anna 081", "7kq3"])
def test_not_phone_queries(typed: str) -> None:
    assert phone_query(typed) is None
