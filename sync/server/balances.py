"""The server's rule for a deposit's balance (``payment.record``): never more paid for a sale than its total.

A terminal takes at most what it knows is outstanding
(``bnaura_desk.services.balances``); two terminals taking the same balance
offline cannot know each other's payment. Both payments stand (the money
was taken over the counter), and the payment that takes a sale's payments
beyond its total raises ``paid_beyond_total``, naming the sale, its total,
the sums and every payment of the sale, so that a manager gives the
excess back.

What was paid per sale is ``refunds.RefundCeiling``'s tally (scope
``sale_paid``): this rule reads it at the start of a batch and keeps its
own count through the batch, writing nothing to it. The payments of a
deposit sale (one with ``balance_due_on``) are kept as the rule's own rows
(``rule_moves``, scope ``payment``, read by subject, the sale) to be named
in the exception; a sale paid in full at checkout takes no later payment,
so it needs none. The sale's total is its record as this batch has it
(a sale's payments are pushed after it).

A payment seen again (a resend) is counted once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from .checks import Checked
from .models import RuleMove, RuleTally
from .refunds import PAID_SCOPE
from .rules import Proposed, RuleContext, RuleRun

PAYMENT_SCOPE = "payment"
_PAYMENT = "payment.record"


@dataclass(frozen=True)
class PaidCeiling:
    """Report a payment that takes a sale's payments beyond its total (see the module)."""

    operation_types: frozenset[str] = frozenset({_PAYMENT})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _PaidRun(ctx, batch)


def _whole(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class _PaidRun:
    def __init__(self, ctx: RuleContext, batch: list[Checked]) -> None:
        self.ctx = ctx
        sales = sorted({s for c in batch if isinstance(s := c.fields.get("sale_id"), str)})
        self.paid: dict[str, int] = {}
        self.payments: dict[str, list[dict[str, Any]]] = {}
        self.new: list[dict[str, Any]] = []
        for chunk in ctx.chunks(sales):
            for key, balance in ctx.session.execute(
                select(RuleTally.key, RuleTally.balance).where(
                    RuleTally.chain_id == ctx.chain_id, RuleTally.scope == PAID_SCOPE, RuleTally.key.in_(chunk))
            ):
                self.paid[key] = balance
            for row in ctx.session.scalars(
                select(RuleMove).where(RuleMove.chain_id == ctx.chain_id, RuleMove.scope == PAYMENT_SCOPE,
                                       RuleMove.subject.in_(chunk)).order_by(RuleMove.subject, RuleMove.hlc)
            ):
                self.payments.setdefault(row.subject, []).append(
                    {"device_id": row.device_id, "seq": row.seq, "op_id": row.op_id, "entity_id": row.entity_id,
                     "hlc": row.hlc})

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        sale_id = p.fields.get("sale_id")
        if not p.fresh or not isinstance(sale_id, str):
            return
        amount = _whole(p.fields.get("amount_satang"))
        before = self.paid.get(sale_id, 0)
        paid = before + amount
        self.paid[sale_id] = paid
        sale = self.ctx.record_data("sale", sale_id) or {}
        total = sale.get("total_satang")
        reference = p.reference()
        earlier = self.payments.setdefault(sale_id, [])
        if sale.get("balance_due_on"):
            # A deposit's payments are kept to be named; the rest (paid in full at once) need not be.
            earlier.append(reference)
            op = p.op
            self.new.append({
                "chain_id": self.ctx.chain_id, "scope": PAYMENT_SCOPE, "subject": sale_id, "hlc": p.clock,
                "device_id": op.device_id, "seq": op.seq, "op_id": op.op_id, "entity_id": p.checked.entity_id,
                "move": {"amount_satang": amount}, "legal": not isinstance(total, int) or paid <= total,
            })
        if isinstance(total, int) and paid > total:
            named = earlier if earlier and earlier[-1] is reference else [*earlier, reference]
            self.ctx.raise_exception(
                p.op, "paid_beyond_total", sale_id=sale_id, number=sale.get("number"), total_satang=total,
                paid_before_satang=before, amount_satang=amount, paid_satang=paid, beyond_satang=paid - total,
                payments=[self._describe(ref) for ref in named],
            )

    def _describe(self, reference: Mapping[str, Any]) -> dict[str, Any]:
        """Return what a manager needs to know of one payment: where, who, when, how and how much."""
        data = self.ctx.record_data("payment", str(reference.get("entity_id"))) or {}
        return {
            "payment_id": reference.get("entity_id"), "device_id": reference.get("device_id"),
            "branch_id": data.get("branch_id"), "shift_id": data.get("shift_id"), "staff_id": data.get("staff_id"),
            "at": data.get("at"), "method": data.get("method"), "amount_satang": data.get("amount_satang"),
        }

    def write(self) -> None:
        if self.new:
            self.ctx.session.execute(insert(RuleMove), self.new)
            self.new = []
