"""The server's rule for full tax invoices (``tax_invoice.record``): one per sale.

A terminal refuses a second full tax invoice for a sale it knows has one
(``bnaura_desk.services.tax_invoices``), but two terminals of the selling
branch working offline cannot see each other's. Both invoices stand: each
took a number of its terminal's series, and a tax document's number is
never taken back or left as a gap. The first to reach the server keeps the
sale (a claim in ``rule_claims``, scope ``tax_invoice``, keyed by the
sale); a later one raises ``invoice_issued_twice`` naming the sale and both
invoices (number, terminal, buyer, time), so a manager cancels one of them
with the buyer.

An invoice seen again (a resend) claims nothing new.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from .checks import Checked
from .models import RuleClaim
from .rules import Proposed, RuleContext, RuleRun

SCOPE = "tax_invoice"
_RECORD = "tax_invoice.record"


def _sale(fields: Mapping[str, Any]) -> str | None:
    sale = fields.get("sale_id")
    return sale if isinstance(sale, str) else None


@dataclass(frozen=True)
class OneInvoicePerSale:
    """The first full tax invoice of a sale keeps it; a later one stands and is reported (see the module)."""

    operation_types: frozenset[str] = frozenset({_RECORD})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _InvoiceRun(ctx, batch)


class _InvoiceRun:
    def __init__(self, ctx: RuleContext, batch: list[Checked]) -> None:
        self.ctx = ctx
        sales = sorted({s for c in batch if (s := _sale(c.fields)) is not None})
        self.holders: dict[str, dict[str, Any]] = {}
        self.new: list[dict[str, Any]] = []
        for chunk in ctx.chunks(sales):
            for row in ctx.session.scalars(select(RuleClaim).where(
                    RuleClaim.chain_id == ctx.chain_id, RuleClaim.scope == SCOPE, RuleClaim.key.in_(chunk))):
                self.holders[row.key] = {"device_id": row.device_id, "seq": row.seq, "op_id": row.op_id,
                                         "entity_id": row.entity_id, "hlc": row.hlc}

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        sale_id = _sale(p.fields)
        if sale_id is None or not p.fresh:
            return
        holder = self.holders.get(sale_id)
        if holder is None:
            self.holders[sale_id] = p.reference()
            op = p.op
            self.new.append({
                "chain_id": self.ctx.chain_id, "scope": SCOPE, "key": sale_id, "device_id": op.device_id,
                "seq": op.seq, "op_id": op.op_id, "entity": op.entity, "entity_id": op.entity_id, "hlc": p.clock,
                "claimed_at": self.ctx.now,
            })
            return
        sale = self.ctx.record_data("sale", sale_id) or {}
        self.ctx.raise_exception(
            p.op, "invoice_issued_twice", scope=SCOPE, key=sale_id, sale_id=sale_id,
            receipt_number=sale.get("number"), kept_by=holder, claimed_again_by=p.reference(),
            invoices=[self._describe(holder), self._describe(p.reference())],
        )

    def _describe(self, reference: Mapping[str, Any]) -> dict[str, Any]:
        """Return what a manager needs to know of one invoice: its number, terminal, buyer, staff and time."""
        data = self.ctx.record_data("tax_invoice", str(reference.get("entity_id"))) or {}
        return {
            "invoice_id": reference.get("entity_id"), "device_id": reference.get("device_id"),
            "number": data.get("number"), "terminal": data.get("terminal"), "buyer_name": data.get("buyer_name"),
            "buyer_tin": data.get("buyer_tin"), "staff_id": data.get("staff_id"), "at": data.get("at"),
        }

    def write(self) -> None:
        if self.new:
            self.ctx.session.execute(insert(RuleClaim), self.new)
            self.new = []
