"""The counter's settings as the POS screen reads them (a read; set with ``settings.set_chain_setting``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..domain.settings import PROMPTPAY_KEY
from .context import load_device
from .settings import effective_setting


def promptpay_id(session: Session) -> str | None:
    """Return the PromptPay id the counter's QR pays at this terminal's branch, or None when none is set.

    The branch's own id when the chain marked ``promptpay_id`` per-branch
    and the branch has one, else the chain's (``settings.effective_setting``).
    """
    device = load_device(session)
    value = effective_setting(session, device.chain_id, device.branch_id, PROMPTPAY_KEY)
    return value if isinstance(value, str) and value.strip() else None
