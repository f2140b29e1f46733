"""The text a customer signs before a treatment: a default in Thai and English, or the chain's own.

The chain setting ``CONSENT_TEXT_KEY`` holds the chain's wording (a manager
sets it; never set means the defaults below), and may give one treatment a
wording of its own (a laser's risks differ from a facial's):

    {"th": "...", "en": "...", "treatments": {"<catalog item id>": {"th": "...", "en": "..."}}}

A text may name ``{customer}``, ``{treatment}`` and ``{clinic}``, filled in
when the form is shown and printed. Pure: no database, no Qt.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from .errors import QT_TRANSLATE_NOOP, BadInput
from .field_types import Id

CONSENT_TEXT_KEY = "consent_text"
TEXT_MAX = 4000  # characters of one language's text: a page of A4 with the signature
TREATMENTS_MAX = 500
PLACEHOLDERS = frozenset({"customer", "treatment", "clinic"})

DEFAULT_TH = (
    "ข้าพเจ้า {customer} ได้รับคำอธิบายจากเจ้าหน้าที่ของ {clinic} เกี่ยวกับทรีตเมนต์ {treatment} "
    "ทั้งขั้นตอนการทำ ผลที่คาดว่าจะได้รับ ความเสี่ยง และผลข้างเคียงที่อาจเกิดขึ้น เช่น ผิวแดง บวม "
    "หรือระคายเคืองชั่วคราว ข้าพเจ้าได้แจ้งประวัติสุขภาพ โรคประจำตัว ยาที่ใช้อยู่ และประวัติการแพ้ตามความจริง "
    "และได้ซักถามจนเข้าใจแล้ว ข้าพเจ้ายินยอมรับทรีตเมนต์นี้ด้วยความสมัครใจ "
    "และทราบว่าสามารถขอหยุดการทำทรีตเมนต์ได้ทุกเมื่อ"
)
DEFAULT_EN = (
    "I, {customer}, have had the {treatment} treatment explained to me by the staff of {clinic}: its steps, "
    "the results to expect, and its risks and possible side effects, such as temporary redness, swelling or "
    "irritation. I have truthfully told them of my health, conditions, medicines and allergies, and my "
    "questions were answered. I consent to this treatment of my own free will and know that I may ask to stop "
    "it at any time."
)


@dataclass(frozen=True)
class ConsentText:
    """One treatment's consent text in both languages, its placeholders filled in."""

    th: str
    en: str


def _text(value: object, *, required: bool) -> str:
    if not isinstance(value, str) or len(value) > TEXT_MAX or (required and not value.strip()):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A consent text is needed in Thai, at most {most} characters"),
                       field="consent_text", most=TEXT_MAX)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError:
        names = {"?"}  # an unmatched brace
    if not names <= PLACEHOLDERS:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "A consent text may name only the customer, the treatment and the clinic, in braces"),
            field="consent_text")
    return value.strip()


def _pair(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not set(value) <= {"th", "en"}:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A consent text is needed in Thai, at most {most} characters"),
                       field="consent_text", most=TEXT_MAX)
    return {"th": _text(value.get("th"), required=True), "en": _text(value.get("en", ""), required=False)}


def consent_text_value(value: Any) -> dict[str, Any]:
    """Return ``value`` as the ``CONSENT_TEXT_KEY`` setting's stored value, checked.

    Raises:
        BadInput: the Thai text is missing, a text is longer than
            ``TEXT_MAX`` characters or names something but the customer,
            treatment and clinic, or a treatment's own text is keyed by
            something other than a catalog item's id.
    """
    if not isinstance(value, dict) or not set(value) <= {"th", "en", "treatments"}:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A consent text is needed in Thai, at most {most} characters"),
                       field="consent_text", most=TEXT_MAX)
    stored: dict[str, Any] = _pair({k: v for k, v in value.items() if k != "treatments"})
    own = value.get("treatments", {})
    if not isinstance(own, dict) or len(own) > TREATMENTS_MAX or any(Id().problem(k) for k in own):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A treatment's own consent text must name a catalog treatment"),
                       field="consent_text")
    if own:
        stored["treatments"] = {item_id: _pair(pair) for item_id, pair in sorted(own.items())}
    return stored


def consent_text(stored: Any, treatment_id: str, *, customer: str, treatment: str, clinic: str) -> ConsentText:
    """Return the text a customer signs for ``treatment_id``, placeholders filled in.

    The treatment's own text when the setting gives one, else the chain's,
    else the defaults. A stored value this version cannot read (written by
    a newer app) falls back to the defaults rather than leaving the
    beautician without a form. An English text left empty uses the default.
    """
    pair = {"th": DEFAULT_TH, "en": DEFAULT_EN}
    if stored is not None:
        try:
            checked = consent_text_value(stored)
        except BadInput:
            checked = {}
        chosen = checked.get("treatments", {}).get(treatment_id) or checked
        if chosen:
            pair = {"th": chosen["th"], "en": chosen["en"] or DEFAULT_EN}
    names = {"customer": customer, "treatment": treatment, "clinic": clinic}
    return ConsentText(th=pair["th"].format(**names), en=pair["en"].format(**names))
