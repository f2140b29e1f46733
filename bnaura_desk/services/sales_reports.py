"""The X report of a shift and the Z report of a day, summed by the database from the stored sales.

A report reads the sales this terminal issued in the period with a few
aggregate queries (closing a shift of a thousand sales must take well
under two seconds), never the sales one by one.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..documents.sales_report import (
    CashMoveLine,
    CashMoves,
    GivenBack,
    MethodTotal,
    PerformerLine,
    ReportKind,
    SalesReport,
)
from ..domain.cash_movements import CashDirection
from ..domain.dates import BANGKOK
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.payments import PaymentMethod
from ..domain.refunds import RefundKind
from ..store.models import CashMovement, Payment, Refund, Sale, Shift
from .context import load_device
from .line_performance import performer_totals, refunded_performed_lines
from .receipts import seller_of
from .shifts import cash_expected, open_shift_of

_SUMS = (
    func.count(Sale.id), func.min(Sale.seq), func.max(Sale.seq),
    func.coalesce(func.sum(Sale.subtotal_satang), 0), func.coalesce(func.sum(Sale.line_discount_satang), 0),
    func.coalesce(func.sum(Sale.tier_discount_satang), 0), func.coalesce(func.sum(Sale.coupon_discount_satang), 0),
    func.coalesce(func.sum(Sale.total_satang), 0), func.coalesce(func.sum(Sale.vatable_satang), 0),
    func.coalesce(func.sum(Sale.vat_satang), 0), func.coalesce(func.sum(Sale.exempt_satang), 0),
)


def _given_back(session: Session, refunds: Any) -> GivenBack:
    """Count and sum the voids and refunds ``refunds`` (a WHERE clause on ``Refund``)."""
    sums = {kind: (int(n), int(amount or 0)) for kind, n, amount in session.execute(
        select(Refund.kind, func.count(Refund.id), func.sum(Refund.amount_satang)).where(refunds)
        .group_by(Refund.kind))}
    voids, refunded = sums.get(str(RefundKind.VOID), (0, 0)), sums.get(str(RefundKind.REFUND), (0, 0))
    return GivenBack(voids[0], voids[1], refunded[0], refunded[1])


def _cash_moves(session: Session, moves: Any, *, listed: bool) -> CashMoves:
    """Count and sum the cash movements ``moves`` (a WHERE clause on ``CashMovement``), each one too when ``listed``."""
    sums = {way: (int(n), int(amount or 0)) for way, n, amount in session.execute(
        select(CashMovement.direction, func.count(CashMovement.id), func.sum(CashMovement.amount_satang))
        .where(moves).group_by(CashMovement.direction))}
    ins, outs = sums.get(str(CashDirection.IN), (0, 0)), sums.get(str(CashDirection.OUT), (0, 0))
    lines: tuple[CashMoveLine, ...] = ()
    if listed:
        lines = tuple(CashMoveLine(at, CashDirection(way), amount, reason) for at, way, amount, reason in session.execute(
            select(CashMovement.at, CashMovement.direction, CashMovement.amount_satang, CashMovement.reason)
            .where(moves).order_by(CashMovement.at, CashMovement.id)))
    return CashMoves(ins[0], ins[1], outs[0], outs[1], lines)


def _report(session: Session, kind: ReportKind, sales: Any, start: datetime, end: datetime, now: datetime,
            shift: Shift | None, refunds: Any, moves: Any, taken: Any, performed_until: datetime) -> SalesReport:
    """Sum the sales ``sales`` (a WHERE clause on ``Sale``), the refunds ``refunds``, the cash movements ``moves``
    and the payments ``taken`` in the period, and the treatments performed at the branch from ``start`` to
    ``performed_until`` (exclusive).

    The cash movements are listed one by one on an X report (``shift`` given).
    """
    device = load_device(session)
    count, first, last, subtotal, line, tier, coupon, total, vatable, vat, exempt = session.execute(
        select(*_SUMS).where(sales)).one()

    def number(seq: int | None) -> str:
        if seq is None:
            return ""
        return session.scalars(select(Sale.number).where(Sale.device_id == device.device_id, Sale.seq == seq)).one()

    # The money taken in the period, by method: the sales' own payments (taken at their
    # checkout, in their shift) and payments toward a deposit's balance taken here in the
    # period, whichever day the sale was (a later payment is one not of its sale's moment).
    by_method = {
        PaymentMethod(method): (n, amount) for method, n, amount in session.execute(
            select(Payment.method, func.count(Payment.id), func.sum(Payment.amount_satang))
            .where(taken).group_by(Payment.method))
    }
    later_n, later = session.execute(
        select(func.count(Payment.id), func.coalesce(func.sum(Payment.amount_satang), 0))
        .join(Sale, Sale.id == Payment.sale_id).where(taken, Payment.at != Sale.at)).one()
    paid = sum(amount for _, amount in by_method.values()) - int(later)
    payments = tuple(MethodTotal(m, *by_method[m]) for m in PaymentMethod if m in by_method)
    expected = cash_expected(session, shift) if shift is not None else None
    return SalesReport(
        kind, seller_of(session, device.branch_id), device.device_name, device.pos_number, start, end, now,
        count, number(first), number(last), subtotal, line, tier, coupon, total, vatable - vat, vat, exempt,
        payments, total - paid, shift.float_satang if shift is not None else None, expected,
        shift.counted_satang if shift is not None else None, _given_back(session, refunds),
        _cash_moves(session, moves, listed=shift is not None), int(later_n), int(later),
        tuple(PerformerLine(t.name, t.lines, t.net_satang) for t in performer_totals(session, start, performed_until)),
        refunded_performed_lines(session, start, performed_until),
    )


def x_report(session: Session, now: datetime, shift_id: str | None = None) -> SalesReport:
    """Return the X report of a shift of this terminal (default: the open one) up to ``now``.

    Its treatments performed are the branch's from the shift's opening to its close (or ``now``).

    Raises:
        BadInput: no shift is open here (and none was named).
        NotFound: the named shift is not this terminal's.
    """
    device = load_device(session)
    shift = open_shift_of(session, device.device_id) if shift_id is None else session.get(Shift, shift_id)
    if shift is None:
        if shift_id is None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "No shift is open on this terminal"), field="shift")
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such shift on this terminal"), field="shift")
    if shift.device_id != device.device_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such shift on this terminal"), field="shift")
    end = shift.closed_at or now
    return _report(session, ReportKind.X, Sale.shift_id == shift.id, shift.opened_at, end, now, shift,
                   Refund.shift_id == shift.id, CashMovement.shift_id == shift.id, Payment.shift_id == shift.id,
                   # An open shift's treatments up to now, the one completed this very moment included.
                   end + timedelta(microseconds=1))


def z_report(session: Session, day: date, now: datetime) -> SalesReport:
    """Return the Z report of this terminal's sales on ``day`` (a clinic day, Asia/Bangkok).

    Its treatments performed are the branch's on that day (whichever terminal sold them).
    """
    device = load_device(session)
    start = datetime.combine(day, time(), BANGKOK)
    end = start + timedelta(days=1)
    sales = (Sale.device_id == device.device_id) & (Sale.at >= start) & (Sale.at < end)
    refunds = (Refund.device_id == device.device_id) & (Refund.at >= start) & (Refund.at < end)
    moves = (CashMovement.device_id == device.device_id) & (CashMovement.at >= start) & (CashMovement.at < end)
    # Payments name their shift, not their terminal: this terminal's are those of its shifts.
    mine = select(Shift.id).where(Shift.device_id == device.device_id)
    taken = Payment.shift_id.in_(mine) & (Payment.at >= start) & (Payment.at < end)
    return _report(session, ReportKind.Z, sales, start, end - timedelta(microseconds=1), now, None, refunds, moves,
                   taken, end)
