"""The server's rule for refunds (``refund.record``): never more given back for a sale than was paid for it.

A terminal refunds at most what it knows was paid less the refunds it
knows (``bnaura_desk.domain.refunds``); two terminals of the selling
branch working offline cannot know each other's refunds. So the server
keeps, per sale, a tally of what was paid (``payment.record`` adds) and
of what was given back (``refund.record`` adds), in ``rule_tallies``
(scopes ``sale_paid`` and ``sale_refunded``, keyed by the sale: lookups
of exact keys). A refund that takes the refunds beyond what was paid
still stands (the money went back over the counter) and raises
``refund_beyond_paid``, naming the sale, both sums and every refund of
the sale: the earlier ones are kept as the rule's own rows
(``rule_moves``, scope ``refund``, one per refund, read by subject).

A refund seen again (a resend) is counted once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from .checks import Checked, Rejection
from .models import RuleMove, RuleTally
from .rules import Proposed, RuleContext, RuleRun

PAID_SCOPE = "sale_paid"
REFUNDED_SCOPE = "sale_refunded"
REFUND_SCOPE = "refund"
_PAYMENT, _REFUND = "payment.record", "refund.record"


@dataclass(frozen=True)
class RefundCeiling:
    """Tally each sale's payments and refunds; report a refund beyond what was paid (see the module)."""

    operation_types: frozenset[str] = frozenset({_PAYMENT, _REFUND})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _CeilingRun(ctx, batch)


def _amount(fields: Mapping[str, Any]) -> int:
    value = fields.get("amount_satang")
    return value if isinstance(value, int) else 0


class _CeilingRun:
    def __init__(self, ctx: RuleContext, batch: list[Checked]) -> None:
        self.ctx = ctx
        sales = sorted({s for c in batch if isinstance(s := c.fields.get("sale_id"), str)})
        self.sums: dict[tuple[str, str], int] = {}
        self.known: set[tuple[str, str]] = set()
        self.changed: set[tuple[str, str]] = set()
        self.refunds: dict[str, list[dict[str, Any]]] = {}
        self.new: list[dict[str, Any]] = []
        for chunk in ctx.chunks(sales):
            for scope, key, balance in ctx.session.execute(
                select(RuleTally.scope, RuleTally.key, RuleTally.balance).where(
                    RuleTally.chain_id == ctx.chain_id, RuleTally.scope.in_((PAID_SCOPE, REFUNDED_SCOPE)),
                    RuleTally.key.in_(chunk))
            ):
                self.sums[(scope, key)] = balance
                self.known.add((scope, key))
            for row in ctx.session.scalars(
                select(RuleMove).where(RuleMove.chain_id == ctx.chain_id, RuleMove.scope == REFUND_SCOPE,
                                       RuleMove.subject.in_(chunk)).order_by(RuleMove.subject, RuleMove.hlc)
            ):
                self.refunds.setdefault(row.subject, []).append(
                    {"device_id": row.device_id, "seq": row.seq, "op_id": row.op_id, "entity_id": row.entity_id,
                     "hlc": row.hlc})

    def check(self, p: Proposed) -> None:
        """Refuse a refund whose lines are not the sale's or do not add up to its amount.

        The declaration checked each line's shape (``synced.REFUND``); what
        only the sale can tell is checked here: every line names a line of
        the refunded sale once, returns no more pieces than it sold, and the
        lines' money is the refund's amount.
        """
        if p.op.type != _REFUND:
            return
        sale_id, lines = p.fields.get("sale_id"), p.fields.get("lines")
        if not isinstance(lines, list):
            return  # the declaration refused it already
        named = [line.get("line_id") for line in lines if isinstance(line, dict)]
        if len(set(named)) != len(named):
            raise Rejection("malformed_operation", "a refund names a sale line more than once")
        if sum(int(line.get("amount_satang", 0)) for line in lines if isinstance(line, dict)) != _amount(p.fields):
            raise Rejection("malformed_operation", "a refund's lines do not add up to its amount")
        for line in lines:
            sold = self.ctx.record_data("sale_line", str(line.get("line_id")))
            if sold is None or sold.get("sale_id") != sale_id:
                raise Rejection("malformed_operation", "a refund names a line that is not of its sale",
                                line_id=line.get("line_id"))
            if int(line.get("quantity", 0)) > int(sold.get("quantity") or 0):
                raise Rejection("malformed_operation", "a refund returns more pieces than the line sold",
                                line_id=line.get("line_id"))

    def _add(self, scope: str, sale_id: str, amount: int) -> int:
        total = self.sums.get((scope, sale_id), 0) + amount
        self.sums[(scope, sale_id)] = total
        self.changed.add((scope, sale_id))
        return total

    def settle(self, p: Proposed) -> None:
        sale_id = p.fields.get("sale_id")
        if not p.fresh or not isinstance(sale_id, str):
            return
        amount = _amount(p.fields)
        if p.op.type == _PAYMENT:
            self._add(PAID_SCOPE, sale_id, amount)
            return
        paid = self.sums.get((PAID_SCOPE, sale_id), 0)
        before = self.sums.get((REFUNDED_SCOPE, sale_id), 0)
        refunded = self._add(REFUNDED_SCOPE, sale_id, amount)
        earlier = self.refunds.setdefault(sale_id, [])
        reference = p.reference()
        if refunded > paid:
            self.ctx.raise_exception(
                p.op, "refund_beyond_paid", sale_id=sale_id, paid_satang=paid, refunded_before_satang=before,
                amount_satang=amount, refunded_satang=refunded, beyond_satang=refunded - paid,
                kept_by=earlier[-1] if earlier else None, refunded_again_by=reference,
                refunds=[self._describe(ref) for ref in (*earlier, reference)],
            )
        earlier.append(reference)
        op = p.op
        self.new.append({
            "chain_id": self.ctx.chain_id, "scope": REFUND_SCOPE, "subject": sale_id, "hlc": p.clock,
            "device_id": op.device_id, "seq": op.seq, "op_id": op.op_id, "entity_id": p.checked.entity_id,
            "move": {"amount_satang": amount}, "legal": refunded <= paid,
        })

    def _describe(self, reference: Mapping[str, Any]) -> dict[str, Any]:
        """Return what a manager needs to know of one refund: its credit note, terminal, staff, time, money."""
        data = self.ctx.record_data("refund", str(reference.get("entity_id"))) or {}
        return {
            "refund_id": reference.get("entity_id"), "device_id": reference.get("device_id"),
            "number": data.get("number"), "terminal": data.get("terminal"), "branch_id": data.get("branch_id"),
            "staff_id": data.get("staff_id"), "approved_by": data.get("approved_by"), "at": data.get("at"),
            "kind": data.get("kind"), "method": data.get("method"), "amount_satang": data.get("amount_satang"),
        }

    def write(self) -> None:
        if self.new:
            self.ctx.session.execute(insert(RuleMove), self.new)
            self.new = []
        if not self.changed:
            return
        rows = [{"chain_id": self.ctx.chain_id, "scope": scope, "key": key, "balance": self.sums[(scope, key)],
                 "updated_at": self.ctx.now} for scope, key in sorted(self.changed)]
        fresh = [r for r in rows if (r["scope"], r["key"]) not in self.known]
        old = [r for r in rows if (r["scope"], r["key"]) in self.known]
        if fresh:
            self.ctx.session.execute(insert(RuleTally), fresh)
        if old:
            self.ctx.session.execute(update(RuleTally), old)
        self.known.update(self.changed)
        self.changed = set()
