"""The counter's words: discount steps, payment methods, item names in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bnaura_desk.domain.coupons import display_coupon_code
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.payments import PaymentMethod
from bnaura_desk.domain.pricing import DiscountKind, DiscountStep

from ..i18n import current_language
from ..loyalty.labels import TIER_NAMES

_CONTEXT = "Counter"

METHOD_NAMES = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Counter", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("Counter", "Card"),
    PaymentMethod.PROMPTPAY: QT_TRANSLATE_NOOP("Counter", "PromptPay"),
    PaymentMethod.TRANSFER: QT_TRANSLATE_NOOP("Counter", "Transfer"),
}
_STEP_TEXTS = {
    DiscountKind.LINE: QT_TRANSLATE_NOOP("Counter", "Discount: {reason}"),
    DiscountKind.TIER: QT_TRANSLATE_NOOP("Counter", "Member discount {tier}"),
    DiscountKind.COUPON: QT_TRANSLATE_NOOP("Counter", "Coupon {code}"),
}


def translated(text: str) -> str:
    """Return ``text`` (marked in context "Counter") in the UI language."""
    return QCoreApplication.translate(_CONTEXT, text)


def method_name(method: PaymentMethod) -> str:
    return translated(METHOD_NAMES[method])


def tier_label(key: str) -> str:
    """Return a tier's name in the UI language from its key (a clinic's own tier: its key, titled)."""
    name = TIER_NAMES.get(key)
    return QCoreApplication.translate("tiers", name) if name else key.title()


def percent_text(rate_bp: int | None) -> str:
    """Return a rate in basis points as people say it ("10 %", "12.5 %"); "" for None."""
    if rate_bp is None:
        return ""
    whole, rest = divmod(rate_bp, 100)
    return f"{whole} %" if not rest else f"{rate_bp / 100:g} %"


def step_text(step: DiscountStep) -> str:
    """Return what a discount step says on the cart: why it was taken, and at what rate."""
    template = translated(_STEP_TEXTS[step.kind])
    if step.kind is DiscountKind.LINE:
        text = template.format(reason=step.reason)
    elif step.kind is DiscountKind.TIER:
        text = template.format(tier=tier_label(step.reason))
    else:
        text = template.format(code=display_coupon_code(step.reason))
    rate = percent_text(step.rate_bp)
    return f"{text} ({rate})" if rate else text


def item_name(name_th: str, name_en: str) -> str:
    """Return an item's name in the UI language (the Thai one when it has no English)."""
    if current_language() == "en" and name_en:
        return name_en
    return name_th or name_en
