"""The server's rule for who referred a customer (``referral.record``).

A referral's id is derived from the referred customer, so a customer has
one referral row. A terminal refuses a customer's own code and a second
referrer; the server checks again, since a terminal cannot be trusted:

- a referral naming the referred customer as their own referrer is
  refused (``self_referral``);
- a second referral of the same customer naming another referrer (two
  terminals, offline; or a terminal that does not check) cannot replace
  the first, which keeps the referral and its award; it is reported as
  ``second_referrer`` with both referrers, rather than dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .checks import Checked, Rejection
from .rules import Proposed, RuleContext, RuleRun


@dataclass(frozen=True)
class OneReferrer:
    """Refuse self-referral and report a second referrer (see the module)."""

    operation_types: frozenset[str] = frozenset({"referral.record"})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _OneReferrerRun(ctx)


class _OneReferrerRun:
    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx

    def check(self, p: Proposed) -> None:
        if p.fields.get("referrer_id") == p.fields.get("referred_id"):
            raise Rejection("self_referral", "a customer cannot refer themselves")

    def settle(self, p: Proposed) -> None:
        if p.fresh:
            return
        kept = self.ctx.record_data("referral", p.checked.entity_id) or {}
        if kept.get("referrer_id") != p.fields.get("referrer_id"):
            self.ctx.raise_exception(
                p.op, "second_referrer", customer_id=p.fields.get("referred_id"),
                kept_referrer_id=kept.get("referrer_id"), refused_referrer_id=p.fields.get("referrer_id"),
            )

    def write(self) -> None:
        return None
