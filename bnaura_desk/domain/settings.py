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

from . import achievements
from .errors import QT_TRANSLATE_NOOP, BadInput
from .ids import derived_id
from .loyalty_program import LOYALTY_KEY, program_value
from .promptpay import promptpay_target

# The chain setting whose value is the sorted list of keys marked per-branch.
PER_BRANCH_KEY = "per_branch_settings"
LOCKOUT_KEY = "pin_lockout"
# The PromptPay id (mobile, national or tax id, e-wallet) the counter's QR pays; a branch may have its own.
PROMPTPAY_KEY = "promptpay_id"
# How many days a package's sessions stay usable after the sale (0: they never expire).
COURSE_VALID_DAYS_KEY = "course_valid_days"
# What a refund of a whole sale does with the coupon or reward the sale used.
COUPON_ON_REFUND_KEY = "coupon_on_refund"


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


# What makes a value valid, for each setting a manager sets as a value.
VALUE_CHECKS: Mapping[str, Callable[[Any], Any]] = {
    LOCKOUT_KEY: lockout_value,
    PROMPTPAY_KEY: promptpay_id_value,
    COURSE_VALID_DAYS_KEY: course_valid_days_value,
    COUPON_ON_REFUND_KEY: coupon_on_refund_value,
    LOYALTY_KEY: program_value,
    achievements.SETTING_KEY: achievements.checked_definitions_value,
}
# The settings a branch may override.
OVERRIDABLE: frozenset[str] = frozenset({LOCKOUT_KEY, PROMPTPAY_KEY})


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
