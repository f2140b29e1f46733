"""The counter's settings: the PromptPay id its QR pays; the rules a manager sets (pricing, courses, coupons)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.loyalty_program import EarnRules
from ..domain.roles import Permission
from ..domain.settings import (
    COUNTER_RULES_KEY,
    COUPON_ON_REFUND_KEY,
    COURSE_VALID_DAYS_KEY,
    PROMPTPAY_KEY,
    CouponOnRefund,
    checked_value,
    counter_rules_of,
    pricing_rules,
)
from .catalog import categories_in_use
from .context import ServiceContext, load_device
from .settings import (
    chain_settings,
    effective_setting,
    per_branch_keys,
    set_branch_setting,
    set_chain_setting,
    write_chain_setting,
)

# The chain settings the counter settings dialog sets together (none of them per-branch).
COUNTER_KEYS = (COUNTER_RULES_KEY, COURSE_VALID_DAYS_KEY, COUPON_ON_REFUND_KEY)


def promptpay_id(session: Session) -> str | None:
    """Return the PromptPay id the counter's QR pays at this terminal's branch, or None when none is set.

    The branch's own id when the chain marked ``promptpay_id`` per-branch
    and the branch has one, else the chain's (``settings.effective_setting``).
    """
    device = load_device(session)
    value = effective_setting(session, device.chain_id, device.branch_id, PROMPTPAY_KEY)
    return value if isinstance(value, str) and value.strip() else None


def set_promptpay_id(ctx: ServiceContext, value: str) -> ChangeSet:
    """Set the PromptPay id the counter's QR pays: this branch's own when the chain marked it per-branch, else the chain's.

    Result is the id as stored.

    Raises:
        PermissionDenied: the actor may not change the clinic's settings.
        BadInput: ``value`` is no PromptPay id (``promptpay.promptpay_target``); nothing is written.
    """
    if PROMPTPAY_KEY in per_branch_keys(ctx.session, ctx.chain_id):
        set_branch_setting(ctx, PROMPTPAY_KEY, value)
    else:
        set_chain_setting(ctx, PROMPTPAY_KEY, value)
    return ctx.changes.build(result=promptpay_id(ctx.session))


@dataclass(frozen=True)
class CounterSettings:
    """The counter's chain settings as the settings dialog shows them, each its default when unset.

    ``rules`` is the counter rules' stored value (``domain.settings.counter_rules_value``);
    ``categories`` the catalog's categories in use, to choose from.
    """

    rules: dict[str, Any]
    course_valid_days: int
    coupon_on_refund: CouponOnRefund
    promptpay_id: str | None
    categories: tuple[str, ...]


def counter_settings(session: Session) -> CounterSettings:
    """Return the counter's chain settings in force (a value a newer app wrote, unreadable here: the default)."""
    device = load_device(session)
    values = chain_settings(session, device.chain_id, COUNTER_KEYS)
    days = values.get(COURSE_VALID_DAYS_KEY)
    refund = values.get(COUPON_ON_REFUND_KEY)
    return CounterSettings(
        rules=counter_rules_of(pricing_rules(values.get(COUNTER_RULES_KEY), EarnRules())),
        course_valid_days=days if isinstance(days, int) and not isinstance(days, bool) and days >= 0 else 0,
        # A value a newer app wrote (or any unreadable one) shows as the default.
        coupon_on_refund=CouponOnRefund(refund) if isinstance(refund, str) and refund in set(CouponOnRefund)
        else CouponOnRefund.KEEP,
        promptpay_id=promptpay_id(session),
        categories=tuple(categories_in_use(session)),
    )


def set_counter_settings(ctx: ServiceContext, values: Mapping[str, Any]) -> ChangeSet:
    """Set the counter's chain settings (``COUNTER_KEYS``) a manager chose, together; result the keys written.

    Every value is checked before anything is written; a value equal to
    the stored one is not written again. They apply at every branch (no
    branch may have its own) from the next cart on.

    Raises:
        PermissionDenied: the actor may not change the counter's rules (managers and owners may).
        BadInput: a key that is not one of the counter's settings, or a value
            not valid for its key (``domain.settings.VALUE_CHECKS``); nothing is written.
    """
    ctx.require(Permission.COUNTER_RULES)
    unknown = sorted(set(values) - set(COUNTER_KEYS))
    if unknown:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "There is no setting {key}"), field="key", key=unknown[0])
    checked = {key: checked_value(key, value) for key, value in values.items()}
    stored = chain_settings(ctx.session, ctx.chain_id, checked)
    written = [key for key in COUNTER_KEYS if key in checked and stored.get(key) != checked[key]]
    for key in written:
        write_chain_setting(ctx, key, checked[key])
    return ctx.changes.build(result=tuple(written))
