"""Chain settings and which of them a branch may override.

A setting belongs to the chain (``setting``, keyed by name). A manager may
mark some keys per-branch: the chain setting ``per_branch_settings`` lists
them, and a branch then keeps its own value in a ``branch_setting`` row
whose id is ``derived_id("branch_setting", branch_id, key)``. Only the keys
declared here may be marked; the server refuses a branch's value for a key
the chain has not marked (``sync.server.branch_settings``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from . import achievements, automation, consents, suggestions
from .catalog import ItemKind, check_category
from .errors import QT_TRANSLATE_NOOP, BadInput
from .ids import derived_id
from .loyalty_program import LOYALTY_KEY, EarnRules, program_value
from .pricing import PricingRules
from .promptpay import promptpay_target
from .scans import PREFETCH_IMAGES_KEY, prefetch_images_value

# The chain setting whose value is the sorted list of keys marked per-branch.
PER_BRANCH_KEY = "per_branch_settings"
LOCKOUT_KEY = "pin_lockout"
# The PromptPay id (mobile, national or tax id, e-wallet) the counter's QR pays; a branch may have its own.
PROMPTPAY_KEY = "promptpay_id"
# How many days a package's sessions stay usable after the sale (0: they never expire).
COURSE_VALID_DAYS_KEY = "course_valid_days"
# What a refund of a whole sale does with the coupon or reward the sale used.
COUPON_ON_REFUND_KEY = "coupon_on_refund"
# The counter's pricing rules (``PricingRules`` but the earn rate): which lines get the tier discount, the
# line discount a cashier may give without a manager.
COUNTER_RULES_KEY = "counter_rules"
# How many hours before an appointment's start a cancellation counts as late (``domain.appointments``).
LATE_CANCEL_HOURS_KEY = "late_cancel_hours"
LATE_CANCEL_HOURS_DEFAULT = 24


class CouponOnRefund(StrEnum):
    """The chain's policy for a used coupon when its whole sale is refunded or voided.

    A coupon use is never taken back (the server hands out a coupon's use
    slots once, ``sync.server.coupons``): restoring gives the member a new
    single-use coupon with the same terms instead, printed on the credit note.
    """

    KEEP = "keep"  # the coupon stays used (the default)
    RESTORE = "restore"  # a replacement coupon with the same terms and expiry


def lockout_value(value: Any) -> dict[str, int]:
    """Return ``value`` as a PIN lockout policy's stored value.

    Raises:
        BadInput: it is not 3 to 20 wrong PINs and a lock of 1 to 1440 minutes.
    """
    ok = isinstance(value, Mapping) and set(value) == {"max_failures", "lock_minutes"} and all(
        isinstance(v, int) and not isinstance(v, bool) for v in value.values()
    )
    if not ok or not (3 <= value["max_failures"] <= 20 and 1 <= value["lock_minutes"] <= 24 * 60):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Allow 3 to 20 wrong PINs and a lock of 1 to 1440 minutes"),
            field="max_failures",
        )
    return {"max_failures": value["max_failures"], "lock_minutes": value["lock_minutes"]}


def promptpay_id_value(value: Any) -> str:
    """Return ``value`` as the PromptPay id's stored value: the id as typed, without its outer spaces.

    Raises:
        BadInput: it is not a PromptPay id (``promptpay.promptpay_target``).
    """
    if not isinstance(value, str):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "PromptPay id is required"), field="promptpay_id")
    promptpay_target(value)
    return value.strip()


def course_valid_days_value(value: Any) -> int:
    """Return ``value`` as the course validity's stored value: whole days, 0 for never expiring.

    Raises:
        BadInput: it is not a whole number of days from 0 to 3650.
    """
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 3650:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A course is valid for 0 to 3650 days (0: no expiry)"),
                       field="course_valid_days")
    return value


def coupon_on_refund_value(value: Any) -> str:
    """Return ``value`` as the coupon-on-refund policy's stored value (a ``CouponOnRefund``).

    Raises:
        BadInput: it is not one of the policies.
    """
    if value not in {p.value for p in CouponOnRefund}:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A refunded sale's coupon is either kept used or restored"),
                       field="coupon_on_refund")
    return str(value)


def counter_rules_value(value: Any) -> dict[str, Any]:
    """Return ``value`` as the counter rules' stored value.

    The value is ``{"tier_kinds": [item kinds], "tier_categories": None or
    [category names], "line_discount_limit_percent": None or 0 to 100}``:
    the tier discount applies to a line whose kind is listed and, unless
    the categories are None (every category), whose category is listed; a
    line discount above the percent needs a manager (None: never). Kinds
    are stored in ``ItemKind`` order, categories trimmed, without repeats,
    sorted.

    Raises:
        BadInput: a key missing or unknown, an unknown item kind, a category
            empty or over 60 characters, a limit that is not a whole percent
            from 0 to 100.
    """
    keys = {"tier_kinds", "tier_categories", "line_discount_limit_percent"}
    if not isinstance(value, Mapping) or set(value) != keys:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The counter rules name the tier discount's item kinds and"
                                                   " categories and the line discount limit"), field="counter_rules")
    kinds = value["tier_kinds"]
    known = {kind.value for kind in ItemKind}
    if not isinstance(kinds, list | tuple) or not all(isinstance(k, str) and k in known for k in kinds):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The tier discount applies to treatments, products or packages"),
                       field="tier_kinds")
    categories = value["tier_categories"]
    if categories is not None:
        if not isinstance(categories, list | tuple) or not all(isinstance(c, str) for c in categories):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose the categories the tier discount applies to"),
                           field="tier_categories")
        cleaned = {check_category(c) for c in categories}
        if "" in cleaned:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A category of the tier discount is empty"),
                           field="tier_categories")
        categories = sorted(cleaned)
    limit = value["line_discount_limit_percent"]
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or not 0 <= limit <= 100):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A line discount needs a manager above 0 to 100 % (or never)"),
                       field="line_discount_limit_percent")
    return {
        "tier_kinds": [kind.value for kind in ItemKind if kind.value in kinds],
        "tier_categories": categories,
        "line_discount_limit_percent": limit,
    }


def counter_rules_of(rules: PricingRules) -> dict[str, Any]:
    """Return ``rules`` as the counter rules' stored value (the earn rate is the loyalty program's, not here).

    A limit in basis points that is not a whole percent is rounded down.
    """
    limit = rules.line_discount_limit_bp
    return counter_rules_value({
        "tier_kinds": [kind.value for kind in rules.tier_kinds],
        "tier_categories": None if rules.tier_categories is None else sorted(rules.tier_categories),
        "line_discount_limit_percent": None if limit is None else limit // 100,
    })


def pricing_rules(value: Any, earn: EarnRules) -> PricingRules:
    """Return the counter's ``PricingRules`` from the stored counter rules ``value`` and the program's ``earn``.

    No value (never set) gives the defaults (``pricing.DEFAULT_RULES``: the
    tier discount on every line, a manager above 10 %). So does a value this
    version cannot read (written by a newer app): every terminal checks the
    value before it writes it, and the counter keeps selling rather than
    refusing every cart.
    """
    if value is None:
        return PricingRules(earn=earn)
    try:
        stored = counter_rules_value(value)
    except BadInput:
        return PricingRules(earn=earn)
    categories = stored["tier_categories"]
    limit = stored["line_discount_limit_percent"]
    return PricingRules(
        tier_kinds=frozenset(ItemKind(k) for k in stored["tier_kinds"]),
        tier_categories=None if categories is None else frozenset(categories),
        line_discount_limit_bp=None if limit is None else limit * 100,
        earn=earn,
    )


def late_cancel_hours_value(value: Any) -> int:
    """Return ``value`` as the late-cancellation window's stored value: whole hours before the start.

    Raises:
        BadInput: it is not a whole number of hours from 0 to 168 (a week).
    """
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 168:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A cancellation is late 0 to 168 hours before the appointment"),
                       field="late_cancel_hours")
    return value


# What makes a value valid, for each setting a manager sets as a value.
VALUE_CHECKS: Mapping[str, Callable[[Any], Any]] = {
    LOCKOUT_KEY: lockout_value,
    PROMPTPAY_KEY: promptpay_id_value,
    COURSE_VALID_DAYS_KEY: course_valid_days_value,
    COUPON_ON_REFUND_KEY: coupon_on_refund_value,
    COUNTER_RULES_KEY: counter_rules_value,
    LATE_CANCEL_HOURS_KEY: late_cancel_hours_value,
    LOYALTY_KEY: program_value,
    achievements.SETTING_KEY: achievements.checked_definitions_value,
    PREFETCH_IMAGES_KEY: prefetch_images_value,
    automation.SETTING_KEY: automation.rules_value,
    suggestions.SETTING_KEY: suggestions.rules_value,
    consents.CONSENT_TEXT_KEY: consents.consent_text_value,
}
# The settings a branch may override.
OVERRIDABLE: frozenset[str] = frozenset({LOCKOUT_KEY, PROMPTPAY_KEY, PREFETCH_IMAGES_KEY, LATE_CANCEL_HOURS_KEY})


def checked_value(key: str, value: Any) -> Any:
    """Return ``value`` as setting ``key``'s stored value.

    Raises:
        BadInput: there is no such setting, or ``value`` is not valid for it.
    """
    check = VALUE_CHECKS.get(key)
    if check is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "There is no setting {key}"), field="key", key=key)
    return check(value)


def branch_setting_id(branch_id: str, key: str) -> str:
    """Return the id of ``branch_id``'s own value of setting ``key`` (the same on every terminal)."""
    return derived_id("branch_setting", branch_id, key)


def overridable(key: str) -> str:
    """Return ``key`` when a branch may override it.

    Raises:
        BadInput: no branch may have its own value of ``key``.
    """
    if key not in OVERRIDABLE:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "The setting {key} is the same at every branch"), field="key", key=key
        )
    return key
