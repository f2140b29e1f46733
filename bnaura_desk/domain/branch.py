"""A branch's number as the Revenue Department wants it on tax documents.

A Thai tax invoice names the seller's establishment by a five-digit branch
number: ``00000`` is the head office (printed ``สำนักงานใหญ่``), any other
number a branch (printed ``สาขาที่ 00001``). A chain's first branch is the
head office unless its manager says otherwise.
"""

from __future__ import annotations

import re

from .errors import QT_TRANSLATE_NOOP, BadInput

HEAD_OFFICE = "00000"
BRANCH_NUMBER = re.compile(r"^[0-9]{5}$", re.ASCII)  # what is stored and synced: exactly five ASCII digits
_TYPED = re.compile(r"[0-9]{1,5}", re.ASCII)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def parse_branch_number(raw: str) -> str:
    """Return the branch number ``raw`` stands for, as five digits.

    People type ``1`` or ``00001`` (or with Thai digits, ``๐๐๐๐๑``) for
    branch 00001 and ``0`` or ``00000`` for the head office; all mean the
    same five-digit number.

    Raises:
        BadInput: empty, not digits, or more than five digits.
    """
    text = raw.strip().translate(_THAI_DIGITS)
    if not _TYPED.fullmatch(text):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "A branch number is up to five digits: 00000 for the head office, 00001 for branch 1"
            ),
            field="branch_no",
        )
    return text.zfill(5)


def is_head_office(branch_no: str) -> bool:
    """Return whether ``branch_no`` (five digits) is the head office's."""
    return branch_no == HEAD_OFFICE


def tax_document_label_th(branch_no: str) -> str:
    """Return how a Thai tax document names the seller's establishment (``สำนักงานใหญ่``, ``สาขาที่ 00001``).

    Printed in Thai whatever the screen's language: the Revenue Code asks
    for these words.
    """
    _require_stored_form(branch_no)
    return "สำนักงานใหญ่" if is_head_office(branch_no) else f"สาขาที่ {branch_no}"


def tax_document_label_en(branch_no: str) -> str:
    """Return the English line printed under the Thai one (``Head office``, ``Branch 00001``)."""
    _require_stored_form(branch_no)
    return "Head office" if is_head_office(branch_no) else f"Branch {branch_no}"


def _require_stored_form(branch_no: str) -> None:
    # A label is printed from a stored number; anything else is a bug, not input.
    if not BRANCH_NUMBER.fullmatch(branch_no):
        raise ValueError(f"not a stored branch number: {branch_no!r}")
