"""Refunds and voids at the counter: money given back for a sale, with its credit note, in one transaction.

``refund_sale`` gives back all or part of a sale after it (a manager, or a
front-desk user with a manager's PIN); ``void_sale`` undoes a whole sale
within its own open shift at its own terminal. Either writes one
``refund`` record with the credit note's number, and with it, in the same
transaction: the points the refunded part earned taken back (a spend
naming the credit note; the tier noted again, and it falls when what the
sale earned was all that held it: ``domain.loyalty_program``), the refunded products back
in stock, audit and outbox. Never more is given back than was paid for
the sale less earlier refunds, and only at the branch that sold it.

A coupon used by the sale follows the chain's policy
(``domain.settings.CouponOnRefund``, setting ``coupon_on_refund``): kept
used (the default; the customer keeps the discount's value in the refund,
the lines' nets being after the coupon), or, once the whole sale has come
back, given back as a new single-use coupon with the same terms
(``coupons.restore_coupon``), printed on the credit note. A use itself is
never taken back: the server hands out a coupon's use slots once
(``sync.server.coupons``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.catalog import ItemKind
from ..domain.changes import ChangeSet, Kind
from ..domain.document_numbers import DocumentType
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.payments import PaymentMethod
from ..domain.points import EntryKind, PointsSource
from ..domain.refunds import (
    RefundedLine,
    RefundKind,
    ReturnLine,
    SoldLine,
    check_reason,
    plan_refund,
    points_to_take,
)
from ..domain.roles import Permission
from ..domain.settings import COUPON_ON_REFUND_KEY, CouponOnRefund
from ..store.models import CatalogItem, Payment, Refund, Sale, SaleLine
from .catalog import record_returned
from .context import ServiceContext, load_device
from .counter import next_document_number
from .coupons import restore_coupon
from .courses import take_back_courses
from .loyalty import note_tier
from .points_ledger import record_points
from .settings import chain_setting
from .shifts import open_shift_of


@dataclass(frozen=True)
class RefundDone:
    """What a refund or void wrote: its id, the credit note's number, the money and points given back."""

    refund_id: str
    number: str
    kind: RefundKind
    amount_satang: int
    method: PaymentMethod
    points_taken: int
    # The code of the coupon given back for the one the sale used (policy ``restore``), else None.
    restored_coupon: str | None = None


def _sale_here(session: Session, chain_id: str, branch_id: str, sale_id: str) -> Sale:
    """Return the sale, refused unless this terminal's branch sold it."""
    sale = session.get(Sale, sale_id)
    if sale is None or sale.chain_id != chain_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    if sale.branch_id != branch_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A sale is refunded only at the branch that sold it"),
                       field="sale")
    return sale


def _earlier(session: Session, sale: Sale) -> list[Refund]:
    refunds = list(session.scalars(select(Refund).where(Refund.sale_id == sale.id).order_by(Refund.at)))
    if any(r.kind == RefundKind.VOID for r in refunds):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This sale was voided already"), field="sale")
    return refunds


def paid_for(session: Session, sale_id: str) -> int:
    """Return what was paid for a sale (at checkout and later), in satang."""
    return int(session.scalar(select(func.coalesce(func.sum(Payment.amount_satang), 0))
                                  .where(Payment.sale_id == sale_id)) or 0)


def _sold_lines(session: Session, sale: Sale, earlier: list[Refund]) -> list[SoldLine]:
    returned: dict[str, tuple[int, int]] = {}
    for refund in earlier:
        for line in refund.lines:
            quantity, amount = returned.get(str(line["line_id"]), (0, 0))
            returned[str(line["line_id"])] = (quantity + int(line["quantity"]), amount + int(line["amount_satang"]))
    rows = session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no))
    return [SoldLine(row.id, row.line_no, row.quantity, row.net_satang, *returned.get(row.id, (0, 0))) for row in rows]


def _void_refusal(session: Session, sale: Sale, device_id: str, earlier: list[Refund]) -> BadInput | None:
    """Return why ``sale`` cannot be voided at terminal ``device_id`` now (None: it can)."""
    shift = open_shift_of(session, device_id)
    if sale.device_id != device_id or shift is None or sale.shift_id != shift.id:
        return BadInput(QT_TRANSLATE_NOOP(
            "errors", "A sale is voided only in its own open shift at its terminal; refund it instead"),
            field="sale")
    if earlier:
        return BadInput(QT_TRANSLATE_NOOP("errors", "This sale has refunds already; refund the rest instead"),
                        field="sale")
    # A deposit's balance taken in another drawer cannot come back out of this one.
    elsewhere = session.scalars(select(Payment.id).where(
        Payment.sale_id == sale.id, Payment.shift_id.is_distinct_from(shift.id)).limit(1)).first()
    if elsewhere is not None:
        return BadInput(QT_TRANSLATE_NOOP(
            "errors", "Part of this sale was paid in another shift; refund it instead"), field="sale")
    return None


def _largest_method(session: Session, sale_id: str) -> PaymentMethod:
    largest = session.scalars(select(Payment.method).where(Payment.sale_id == sale_id)
                              .order_by(Payment.amount_satang.desc(), Payment.id)).first()
    return PaymentMethod(largest or PaymentMethod.CASH)


@dataclass(frozen=True)
class RefundState:
    """What is left to give back of a sale, as ``refund_sale`` and ``void_sale`` see it now.

    A screen plans with the same figures (``domain.refunds.plan_refund(sold,
    lines, refundable_satang)``), so what it shows is what the service gives.
    """

    sold: tuple[SoldLine, ...]
    paid_satang: int
    refunded_satang: int
    method: PaymentMethod  # the largest payment's: what a void names, a refund's usual way back
    void_refusal: BadInput | None  # why ``void_sale`` would refuse it here (None: it may be voided)

    @property
    def refundable_satang(self) -> int:
        """What may still be given back: paid less earlier refunds."""
        return self.paid_satang - self.refunded_satang


def refund_state(session: Session, sale_id: str) -> RefundState:
    """Return what is left to refund of sale ``sale_id`` at this terminal, and whether it may be voided here.

    Raises:
        NotFound: no such sale.
        BadInput: another branch's sale, or a voided one (as ``refund_sale``).
    """
    device = load_device(session)
    sale = _sale_here(session, device.chain_id, device.branch_id, sale_id)
    earlier = _earlier(session, sale)
    return RefundState(tuple(_sold_lines(session, sale, earlier)), paid_for(session, sale.id),
                       sum(r.amount_satang for r in earlier), _largest_method(session, sale.id),
                       _void_refusal(session, sale, device.device_id, earlier))


def _method(method: object) -> PaymentMethod:
    try:
        return PaymentMethod(str(method))
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose how the money goes back"), field="method") from None


def _restores_coupon(ctx: ServiceContext, sale: Sale, whole: bool) -> bool:
    """Return whether this refund gives back the sale's coupon: the policy says so and the whole sale came back."""
    if not whole or not sale.coupon_code:
        return False
    policy = chain_setting(ctx.session, ctx.chain_id, COUPON_ON_REFUND_KEY)
    return bool(policy == CouponOnRefund.RESTORE)


def _whole_after(sold: Sequence[SoldLine], lines: Sequence[RefundedLine]) -> bool:
    """Return whether every piece of the sale has come back once ``lines`` are returned."""
    now = {line.line_id: line.quantity for line in lines}
    return all(s.returned_quantity + now.get(s.line_id, 0) >= s.quantity for s in sold)


def _record(ctx: ServiceContext, sale: Sale, kind: RefundKind, lines: Sequence[RefundedLine], method: PaymentMethod,
            reason: str, shift_id: str | None, refunded_before: int, whole: bool) -> ChangeSet:
    """Write the refund, its credit note's number, the points taken back, the returned stock and unused sessions.

    ``whole``: with this refund the whole sale has come back (its coupon
    may be given back, by the chain's policy).
    """
    seq, number = next_document_number(ctx, DocumentType.CREDIT_NOTE)
    amount = sum(line.amount_satang for line in lines)
    points = 0
    if sale.customer_id is not None:
        points = points_to_take(sale.points_earned, sale.total_satang, refunded_before, amount)
    override = ctx.override
    approved_by = override.authorizer.staff_id if override is not None and override.spent else ctx.actor_id
    refund_id = uuid7()
    record: dict[str, Any] = {
        "sale_id": sale.id, "branch_id": ctx.branch_id, "shift_id": shift_id,
        "terminal": ctx.device.device_name[:100], "number": number, "seq": seq, "kind": str(kind),
        "lines": [line.as_record() for line in lines], "amount_satang": amount, "method": str(method),
        "reason": reason, "approved_by": approved_by, "points_taken": points, "at": ctx.now.isoformat(),
        "staff_id": ctx.actor_id,
    }
    stamp = ctx.tick()
    ctx.session.add(Refund(id=refund_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now},
                           device_id=ctx.device.device_id, hlc=stamp))
    ctx.journal(action="refund.record", entity="refund", entity_id=refund_id, after=record,
                payload={"record": {"id": refund_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.SALE, sale.id)
    # The movements and points name the credit note; the refund goes in first.
    ctx.session.flush()
    sale_lines = {row.id: row for row in ctx.session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id))}
    for line in lines:
        sold = sale_lines[line.line_id]
        if sold.kind == ItemKind.PRODUCT:
            item = ctx.session.get(CatalogItem, sold.item_id)
            if item is not None:
                record_returned(ctx, item, line.quantity, number)
        elif sold.kind == ItemKind.PACKAGE:
            # The sessions not used yet go back with the package; used ones stay used.
            take_back_courses(ctx, sale.id, sold.item_id, line.quantity, number)
    if sale.customer_id is not None:
        if points:
            record_points(ctx, sale.customer_id, EntryKind.SPEND, points, PointsSource.REFUND, number)
            note_tier(ctx, sale.customer_id)
        ctx.changes.add(Kind.CUSTOMER, sale.customer_id)
    restored = None
    if _restores_coupon(ctx, sale, whole):
        replacement = restore_coupon(ctx, sale.coupon_code, sale.customer_id, refund_id)
        restored = replacement.code if replacement is not None else None
    return ctx.changes.build(result=RefundDone(refund_id, number, kind, amount, method, points, restored))


def refund_sale(ctx: ServiceContext, sale_id: str, lines: Sequence[ReturnLine] | None, method: PaymentMethod,
                reason: str) -> ChangeSet:
    """Give back all (``lines`` None) or part of a sale after it; result is a ``RefundDone``.

    Each returned line gives back its net in proportion to the pieces
    returned (``domain.refunds.plan_refund``). Money going back in cash
    comes out of this terminal's drawer: it needs an open shift here.

    Raises:
        PermissionDenied: the actor may not refund (a manager's PIN can
            authorise it: ``Override`` of ``Permission.SALE_REFUND``).
        NotFound: no such sale.
        BadInput: no reason; another branch's sale; a voided sale; an
            unknown line, a quantity not above 0 or beyond what is left; more
            than was paid less earlier refunds; nothing left to refund; a
            cash refund without an open shift here.
    """
    ctx.require(Permission.SALE_REFUND)
    text = check_reason(reason)
    how = _method(method)
    sale = _sale_here(ctx.session, ctx.chain_id, ctx.branch_id, sale_id)
    earlier = _earlier(ctx.session, sale)
    refunded = sum(r.amount_satang for r in earlier)
    sold = _sold_lines(ctx.session, sale, earlier)
    planned = plan_refund(sold, lines, paid_for(ctx.session, sale.id) - refunded)
    shift = open_shift_of(ctx.session, ctx.device.device_id)
    if how is PaymentMethod.CASH and shift is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Open a shift before giving cash back"), field="shift")
    return _record(ctx, sale, RefundKind.REFUND, planned, how, text, shift.id if shift else None, refunded,
                   _whole_after(sold, planned))


def void_sale(ctx: ServiceContext, sale_id: str, reason: str) -> ChangeSet:
    """Undo a whole sale within its own open shift at the terminal that made it; result is a ``RefundDone``.

    Everything paid goes back the way it was paid; the record names the
    method of the largest payment, and the shift's cash counts the sale's
    own cash payments as given back (``shifts.cash_expected``).

    Raises:
        PermissionDenied: the actor may not void (a manager's PIN can
            authorise it: ``Override`` of ``Permission.SALE_VOID``).
        NotFound: no such sale.
        BadInput: no reason; another branch's sale; a sale of another
            terminal or of a shift that is not open; a sale voided or
            refunded already; a sale with a payment taken in another shift
            (a deposit's balance); a sale with nothing paid.
    """
    ctx.require(Permission.SALE_VOID)
    text = check_reason(reason)
    sale = _sale_here(ctx.session, ctx.chain_id, ctx.branch_id, sale_id)
    earlier = _earlier(ctx.session, sale)
    refusal = _void_refusal(ctx.session, sale, ctx.device.device_id, earlier)
    if refusal is not None:
        raise refusal
    shift = open_shift_of(ctx.session, ctx.device.device_id)
    assert shift is not None  # _void_refusal: the sale's own shift is open here
    planned = plan_refund(_sold_lines(ctx.session, sale, earlier), None, paid_for(ctx.session, sale.id))
    return _record(ctx, sale, RefundKind.VOID, planned, _largest_method(ctx.session, sale.id), text, shift.id, 0,
                   True)
