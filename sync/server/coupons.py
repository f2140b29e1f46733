"""The server's rule for coupon uses (``coupon.use``): the first uses to arrive keep a coupon's slots.

A coupon may be used ``usage_limit`` times in all (1: single-use) and
``per_customer_limit`` times by one member (``bnaura_desk.domain.coupons``).
A terminal checks both before it sells, against the uses it knows; two
terminals offline cannot know each other's. So the server keeps one claim
per use *slot* (``rule_claims``, as ``SingleUseClaim`` does for one key):
``coupon_id#n`` for n = 1 .. usage_limit and ``coupon_id#customer_id#n``
for n = 1 .. per_customer_limit. A use arriving takes the next free slot
of each; a coupon with limit N thus accepts N uses, from any terminals, in
any order. A use that finds every slot taken is still applied (the sale
it belongs to happened and the customer paid) and raises
``claim_conflict``, whose detail shows the uses that hold the last slots
and this one: their devices, terminal names, branches, staff and times.

Slots are taken in order and never given back, so how many are taken is
a count (``rule_tallies``, keyed by the coupon, or the coupon and member):
every read is a lookup of exact keys, never a range of text keys (whose
order would depend on the database's collation) nor a scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from .checks import Checked
from .models import RuleClaim, RuleTally
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
        wanted: set[tuple[str, str]] = set()
        for b in batch:
            coupon_id, customer_id = b.fields.get("coupon_id"), b.fields.get("customer_id")
            if isinstance(coupon_id, str):
                wanted.add((USE_SCOPE, _prefix(coupon_id)))
                if isinstance(customer_id, str):
                    wanted.add((MEMBER_SCOPE, _prefix(coupon_id, customer_id)))
        # (scope, key prefix) -> slots taken; the tally rows known in the database
        self.taken: dict[tuple[str, str], int] = {}
        self.known: set[tuple[str, str]] = set()
        self.changed: set[tuple[str, str]] = set()
        # the claims this batch made, by (scope, key), for a conflict's detail
        self.claimed: dict[tuple[str, str], dict[str, Any]] = {}
        self.new: list[dict[str, Any]] = []
        for scope in (USE_SCOPE, MEMBER_SCOPE):
            keys = sorted(k for sc, k in wanted if sc == scope)
            for chunk in ctx.chunks(keys):
                for key, count in ctx.session.execute(
                    select(RuleTally.key, RuleTally.balance).where(
                        RuleTally.chain_id == ctx.chain_id, RuleTally.scope == scope, RuleTally.key.in_(chunk)
                    )
                ):
                    self.taken[(scope, key)] = count
                    self.known.add((scope, key))

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
        slot = self.taken.get((scope, prefix), 0) + 1
        if slot <= limit:
            self.taken[(scope, prefix)] = slot
            self.changed.add((scope, prefix))
            key = f"{prefix}{slot}"
            self.claimed[(scope, key)] = p.reference()
            op = p.op
            self.new.append({
                "chain_id": self.ctx.chain_id, "scope": scope, "key": key, "device_id": op.device_id,
                "seq": op.seq, "op_id": op.op_id, "entity": op.entity, "entity_id": op.entity_id, "hlc": p.clock,
                "claimed_at": self.ctx.now,
            })
            return
        holders = [h for n in range(max(1, limit - _SHOWN + 1), limit + 1)
                   if (h := self._holder(scope, f"{prefix}{n}")) is not None]
        self.ctx.raise_exception(
            p.op, "claim_conflict", scope=scope, key=f"{prefix}{limit}", coupon_id=coupon_id, limit=limit,
            kept_by=holders[-1] if holders else None, claimed_again_by=p.reference(),
            uses=[self._describe(ref) for ref in (*holders, p.reference())],
        )

    def _holder(self, scope: str, key: str) -> dict[str, Any] | None:
        """Return the reference of the use holding slot ``key`` (this batch's, or one lookup by primary key)."""
        held = self.claimed.get((scope, key))
        if held is not None:
            return held
        row = self.ctx.session.get(RuleClaim, (self.ctx.chain_id, scope, key))
        if row is None:
            return None
        return {"device_id": row.device_id, "seq": row.seq, "op_id": row.op_id, "entity_id": row.entity_id,
                "hlc": row.hlc}

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
        if not self.changed:
            return
        rows = [{"chain_id": self.ctx.chain_id, "scope": scope, "key": key, "balance": self.taken[(scope, key)],
                 "updated_at": self.ctx.now} for scope, key in sorted(self.changed)]
        fresh = [r for r in rows if (r["scope"], r["key"]) not in self.known]
        old = [r for r in rows if (r["scope"], r["key"]) in self.known]
        if fresh:
            self.ctx.session.execute(insert(RuleTally), fresh)
        if old:
            self.ctx.session.execute(update(RuleTally), old)
        self.known.update(self.changed)
        self.changed = set()
