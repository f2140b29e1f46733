"""The counter's settings: the PromptPay id its QR pays, read and set."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet
from ..domain.settings import PROMPTPAY_KEY
from .context import ServiceContext, load_device
from .settings import effective_setting, per_branch_keys, set_branch_setting, set_chain_setting


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
