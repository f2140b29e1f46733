"""A deposit's balance paid later: a sale with money outstanding, seen on the customer and paid at any branch.

A deposit plan (``counter.Order.balance_due_on``) sells the whole sale and
takes part of its money; the rest is outstanding until later ``payment``
records naming the same sale cover it (several installments may). What is
outstanding is a sum, never a stored field: the sale's total less every
payment of it (``outstanding``).

Any branch of the chain takes a balance: the sale is chain-wide for
reading, and the money lands in the drawer of the terminal that takes it
(the payment names this branch and this terminal's open shift, so
``shifts.cash_expected`` and this shift's X report count it). A sale with
a void or a refund takes no more money: the refund settled what it owes.
Two terminals taking the same balance offline cannot see each other's
payment; the server keeps both and says so (``sync.server.balances``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.payments import Tender, check_balance_payments
from ..domain.roles import Permission
from ..store.models import Payment, Refund, Sale
from .context import ServiceContext
from .printing import queue_sale_receipt
from .shifts import open_shift_of


@dataclass(frozen=True)
class Outstanding:
    """A sale's money as it stands: its total, what was paid so far, and when the balance is due."""

    sale_id: str
    number: str
    customer_id: str | None
    total_satang: int
    paid_satang: int
    balance_due_on: date | None
    settled: bool  # voided or refunded: nothing more is taken for it

    @property
    def balance_satang(self) -> int:
        """What is still to pay (0 when paid in full, or when a refund settled the sale)."""
        return 0 if self.settled else max(0, self.total_satang - self.paid_satang)

    def overdue(self, today: date) -> bool:
        """Whether money is still owed after its due date (``today`` is the clinic's date)."""
        return self.balance_satang > 0 and self.balance_due_on is not None and self.balance_due_on < today


@dataclass(frozen=True)
class BalancePaid:
    """What ``pay_balance`` took: the payments' sum, the change handed back, and what is still outstanding."""

    sale_id: str
    number: str
    paid_satang: int
    change_satang: int
    balance_satang: int


def _outstanding(session: Session, sales: Sequence[Sale]) -> list[Outstanding]:
    ids = [sale.id for sale in sales]
    paid: dict[str, int] = {}
    settled: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        paid.update((sale_id, int(amount)) for sale_id, amount in session.execute(
            select(Payment.sale_id, func.sum(Payment.amount_satang)).where(Payment.sale_id.in_(chunk))
            .group_by(Payment.sale_id)))
        settled.update(session.scalars(select(Refund.sale_id).where(Refund.sale_id.in_(chunk))))
    return [Outstanding(sale.id, sale.number, sale.customer_id, sale.total_satang, paid.get(sale.id, 0),
                        sale.balance_due_on, sale.id in settled) for sale in sales]


def outstanding(session: Session, sale_id: str) -> Outstanding:
    """Return what sale ``sale_id`` still owes (a read).

    Raises:
        NotFound: no such sale here.
    """
    sale = session.get(Sale, sale_id)
    if sale is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    return _outstanding(session, [sale])[0]


def customer_balances(session: Session, customer_id: str) -> list[Outstanding]:
    """Return the customer's sales with money still to pay, the earliest due first (a read)."""
    sales = list(session.scalars(select(Sale).where(Sale.customer_id == customer_id,
                                                    Sale.balance_due_on.is_not(None))))
    owed = [o for o in _outstanding(session, sales) if o.balance_satang > 0]
    return sorted(owed, key=lambda o: (o.balance_due_on or date.max, o.number))


def pay_balance(ctx: ServiceContext, sale_id: str, tenders: Sequence[Tender]) -> ChangeSet:
    """Take ``tenders`` toward what sale ``sale_id`` still owes; result is a ``BalancePaid``.

    One transaction: a ``payment`` per tender naming the sale, this branch
    and this terminal's open shift, audit and outbox, and a copy of the
    sale's receipt queued when the terminal has a printer (a copy lists
    every payment and the balance still due). Part of the balance may be
    paid; the rest stays due on the sale's date.

    Raises:
        PermissionDenied: the actor may not sell.
        NotFound: no such sale.
        BadInput: no shift open on this terminal; a voided or refunded
            sale; nothing outstanding; no payment, an amount not above
            ฿0.00 or a tender ``domain.payments.check_tender`` refuses;
            more paid than is outstanding (cash handed over beyond it is
            change, not payment).
    """
    ctx.require(Permission.SALE_SELL)
    shift = open_shift_of(ctx.session, ctx.device.device_id)
    if shift is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Open a shift before taking a payment"), field="shift")
    sale = ctx.session.get(Sale, sale_id)
    if sale is None or sale.chain_id != ctx.chain_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    owed = _outstanding(ctx.session, [sale])[0]
    if owed.settled:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "Receipt {number} was voided or refunded: it takes no more payments"),
            field="sale", number=sale.number)
    if owed.balance_satang <= 0:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Nothing is left to pay on receipt {number}"),
                       field="sale", number=sale.number)
    checked, paid = check_balance_payments(tenders, owed.balance_satang)
    if ctx.now == sale.at:
        # A later payment is told from the checkout's by its moment (receipts and reports do):
        # the same instant could only be a clock set back to the sale's microsecond.
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Check this terminal's clock and try again"), field="at")
    for tender in checked:
        record = {
            "sale_id": sale.id, "branch_id": ctx.branch_id, "shift_id": shift.id, "method": str(tender.method),
            "amount_satang": tender.amount_satang, "tendered_satang": tender.tendered_satang,
            "change_satang": tender.change_satang, "approval_code": tender.approval_code,
            "card_last4": tender.card_last4, "reference": tender.reference, "at": ctx.now.isoformat(),
            "staff_id": ctx.actor_id,
        }
        payment_id = uuid7()
        stamp = ctx.tick()
        ctx.session.add(Payment(id=payment_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now}, hlc=stamp))
        ctx.journal(action="payment.record", entity="payment", entity_id=payment_id, after=record,
                    payload={"record": {"id": payment_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.SALE, sale.id)
    if sale.customer_id is not None:
        ctx.changes.add(Kind.CUSTOMER, sale.customer_id)
    # The payments go in before the copy's job, which names the sale (no relationships to order inserts by).
    ctx.session.flush()
    queue_sale_receipt(ctx, sale.id, sale.number, copy=True)
    return ctx.changes.build(result=BalancePaid(sale.id, sale.number, paid.paid_satang, paid.change_satang,
                                                paid.balance_satang))
