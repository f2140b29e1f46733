"""The server's rule for coupon uses (``coupon.use``): the first uses to arrive keep a coupon's slots.

A coupon may be used ``usage_limit`` times in all (1: single-use) and
``per_customer_limit`` times by one member (``bnaura_desk.domain.coupons``).
A terminal checks both before it sells, against the uses it knows; two
terminals offline cannot know each other's. So the server keeps one claim
per use *slot* (``rule_claims``, as ``SingleUseClaim`` does for one key):
``coupon_id#n`` for n = 1 .. usage_limit and ``coupon_id#customer_id#n``
for n = 1 .. per_customer_limit. A use arriving takes the lowest free
slot of each; a coupon with limit N thus accepts N uses, from any
terminals, in any order. A use that finds every slot taken is still
applied (the sale it belongs to happened and the customer paid) and raises
``claim_conflict``, whose detail shows the use that kept the last slot and
this one: their devices, terminal names, branches, staff and times.

The slots are found by key range over the claims' primary key (chain,
scope, key): one indexed query per coupon of a batch, never a scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from .checks import Checked
from .models import RuleClaim
from .rules import Proposed, RuleContext, RuleRun

USE_SCOPE = "coupon_use"
MEMBER_SCOPE = "coupon_member_use"
# The uses a conflict's detail lists at most (besides the late one).
_SHOWN = 3


def _prefix(coupon_id: str, customer_id: str | None = None) -> str:
    return f"{coupon_id}#{customer_id}#" if customer_id is not None else f"{coupon_id}#"


@dataclass(frozen=True)
class CouponUseSlots:
    """Settle ``coupon.use`` against the coupon's limits (see the module)."""

    operation_types: frozenset[str] = frozenset({"coupon.use"})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _SlotsRun(ctx, batch)


class _SlotsRun:
    def __init__(self, ctx: RuleContext, batch: list[Checked]) -> None:
        self.ctx = ctx
        # (scope, key prefix) -> {slot number: the reference of the use holding it}
        self.slots: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
        self.new: list[dict[str, Any]] = []
        coupons = sorted({c for b in batch if isinstance(c := b.fields.get("coupon_id"), str)})
        for coupon_id in coupons:
            low, high = f"{coupon_id}#", f"{coupon_id}$"  # "$" follows "#": every key of this coupon
            for row in ctx.session.scalars(
                select(RuleClaim).where(
                    RuleClaim.chain_id == ctx.chain_id, RuleClaim.scope.in_((USE_SCOPE, MEMBER_SCOPE)),
                    RuleClaim.key >= low, RuleClaim.key < high,
                )
            ):
                prefix, _, number = row.key.rpartition("#")
                if not number.isdigit():
                    continue
                self.slots.setdefault((row.scope, prefix + "#"), {})[int(number)] = {
                    "device_id": row.device_id, "seq": row.seq, "op_id": row.op_id, "entity_id": row.entity_id,
                    "hlc": row.hlc,
                }

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        if not p.fresh:
            return  # a use the chain already had: its slots were taken when it first came
        coupon_id = p.fields.get("coupon_id")
        if not isinstance(coupon_id, str):
            return
        coupon = self.ctx.record_data("coupon", coupon_id) or {}
        customer_id = p.fields.get("customer_id")
        limit = coupon.get("usage_limit", 1)
        if isinstance(limit, int):
            self._claim(p, USE_SCOPE, _prefix(coupon_id), limit, coupon_id)
        per_member = coupon.get("per_customer_limit")
        if isinstance(per_member, int) and isinstance(customer_id, str):
            self._claim(p, MEMBER_SCOPE, _prefix(coupon_id, customer_id), per_member, coupon_id)

    def _claim(self, p: Proposed, scope: str, prefix: str, limit: int, coupon_id: str) -> None:
        taken = self.slots.setdefault((scope, prefix), {})
        slot = len(taken) + 1
        if slot in taken or (taken and max(taken) != len(taken)):
            slot = next((n for n in range(1, limit + 1) if n not in taken), limit + 1)
        if slot <= limit:
            taken[slot] = p.reference()
            op = p.op
            self.new.append({
                "chain_id": self.ctx.chain_id, "scope": scope, "key": f"{prefix}{slot}", "device_id": op.device_id,
                "seq": op.seq, "op_id": op.op_id, "entity": op.entity, "entity_id": op.entity_id, "hlc": p.clock,
                "claimed_at": self.ctx.now,
            })
            return
        holders = [taken[n] for n in sorted(taken)[-_SHOWN:]]
        kept = holders[-1]
        self.ctx.raise_exception(
            p.op, "claim_conflict", scope=scope, key=f"{prefix}{limit}", coupon_id=coupon_id, limit=limit,
            kept_by=kept, claimed_again_by=p.reference(),
            uses=[self._describe(ref) for ref in (*holders, p.reference())],
        )

    def _describe(self, reference: Mapping[str, Any]) -> dict[str, Any]:
        """Return what a manager needs to know of one use: device, terminal, branch, staff, time, sale."""
        data = self.ctx.record_data("coupon_use", str(reference.get("entity_id"))) or {}
        return {
            "use_id": reference.get("entity_id"), "device_id": reference.get("device_id"),
            "terminal": data.get("terminal"), "branch_id": data.get("branch_id"), "staff_id": data.get("staff_id"),
            "at": data.get("at"), "customer_id": data.get("customer_id"), "sale_ref": data.get("sale_ref"),
            "discount_satang": data.get("discount_satang"),
        }

    def write(self) -> None:
        if self.new:
            self.ctx.session.execute(insert(RuleClaim), self.new)
            self.new = []
