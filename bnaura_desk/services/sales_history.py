"""A customer's purchases at every branch of the chain, newest first (sales are chain-wide for reading)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..store.models import Branch, Payment, Refund, Sale, SaleLine
from .line_performance import performers


@dataclass(frozen=True)
class Purchase:
    """One sale to the customer as the customer screen lists it (money in satang)."""

    sale_id: str
    at: datetime
    branch_th: str
    branch_en: str
    number: str
    items: tuple[tuple[str, str, int], ...]  # (Thai name, English name, quantity) per line
    total_satang: int
    paid_satang: int
    balance_due_on: date | None
    points_earned: int
    settled: bool = False  # voided or refunded: nothing more is owed or taken
    # Per line, in the order of ``items``: who performed it ("" when not recorded at this branch).
    performed_by: tuple[str, ...] = ()

    @property
    def balance_satang(self) -> int:
        """What is still to pay (a deposit's balance); 0 when paid in full, voided or refunded."""
        return 0 if self.settled else max(0, self.total_satang - self.paid_satang)


def customer_purchases(session: Session, customer_id: str, limit: int = 500) -> list[Purchase]:
    """Return the customer's latest ``limit`` sales at any branch, newest first, with their items and what was paid.

    A line's performer is the one this terminal knows (``line_performance``
    is branch-only: the branch where the treatment was performed).
    """
    sales = list(session.execute(
        select(Sale, Branch.name_th, Branch.name_en).join(Branch, Branch.id == Sale.branch_id)
        .where(Sale.customer_id == customer_id).order_by(Sale.at.desc(), Sale.id.desc()).limit(limit)))
    ids = [sale.id for sale, _, _ in sales]
    items: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    by: dict[str, list[str]] = defaultdict(list)
    done = performers(session, ids)
    paid: dict[str, int] = {}
    settled: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for line in session.scalars(select(SaleLine).where(SaleLine.sale_id.in_(chunk))
                                    .order_by(SaleLine.sale_id, SaleLine.line_no)):
            items[line.sale_id].append((line.name_th, line.name_en, line.quantity))
            by[line.sale_id].append(done.get(line.id, ("", ""))[1])
        for sale_id, amount in session.execute(select(Payment.sale_id, func.sum(Payment.amount_satang))
                                               .where(Payment.sale_id.in_(chunk)).group_by(Payment.sale_id)):
            paid[sale_id] = int(amount)
        settled.update(session.scalars(select(Refund.sale_id).where(Refund.sale_id.in_(chunk))))
    return [
        Purchase(sale.id, sale.at, name_th, name_en, sale.number, tuple(items[sale.id]), sale.total_satang,
                 int(paid.get(sale.id, 0)), sale.balance_due_on, sale.points_earned, sale.id in settled,
                 tuple(by[sale.id]))
        for sale, name_th, name_en in sales
    ]
