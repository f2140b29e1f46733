"""Shifts: a terminal's cash drawer from opening with a float to closing with the cash counted.

A sale needs an open shift on its terminal (``counter.checkout``). A shift
is its branch's business (``domain.synced.SHIFT``); a terminal has at most
one open shift, its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..domain.cash_movements import CashDirection
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.ids import uuid7
from ..domain.money import format_baht
from ..domain.payments import THAI_DENOMINATIONS, PaymentMethod
from ..domain.refunds import RefundKind
from ..domain.roles import Permission
from ..store.models import CashMovement, Payment, Refund, Shift
from .context import ServiceContext, stamp_written

FLOAT_MAX_SATANG = 10_000_000  # ฿100,000 in a drawer is a typo


def _whole(value: object) -> bool:
    # Checked at run time as well: the screens pass what people typed.
    return isinstance(value, int) and not isinstance(value, bool)


def open_shift_of(session: Session, device_id: str) -> Shift | None:
    """Return this terminal's open shift, or None."""
    return session.scalars(
        select(Shift).where(Shift.device_id == device_id, Shift.closed_at.is_(None)).order_by(Shift.opened_at.desc())
    ).first()


def open_shift(ctx: ServiceContext, float_satang: int) -> ChangeSet:
    """Open a shift on this terminal with ``float_satang`` in the drawer; result is the shift's id.

    Raises:
        PermissionDenied: the actor may not sell.
        BadInput: a shift is already open here; a float that is not a whole
            number of satang from ฿0 to ฿100,000.
    """
    ctx.require(Permission.SALE_SELL)
    if not _whole(float_satang) or not 0 <= float_satang <= FLOAT_MAX_SATANG:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The float is ฿0 to ฿100,000"), field="float_satang")
    if open_shift_of(ctx.session, ctx.device.device_id) is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A shift is already open on this terminal"), field="shift")
    stamp = ctx.tick()
    shift_id = uuid7()
    record: dict[str, Any] = {
        "branch_id": ctx.branch_id, "device_id": ctx.device.device_id, "terminal": ctx.device.device_name[:100],
        "opened_at": ctx.now.isoformat(), "opened_by": ctx.actor_id, "float_satang": float_satang,
        "closed_at": None, "closed_by": None, "counted": {}, "counted_satang": None, "expected_satang": None,
        "note": "",
    }
    row = Shift(id=shift_id, chain_id=ctx.chain_id, **{**record, "opened_at": ctx.now}, created_at=ctx.now,
                updated_at=ctx.now, hlc=stamp)
    stamp_written(row, record, stamp, ctx.now)
    ctx.session.add(row)
    ctx.journal(action="shift.open", entity=Kind.SHIFT, entity_id=shift_id, after=record,
                payload={"record": record}, hlc=stamp)
    return ctx.changes.build(result=shift_id)


def cash_expected(session: Session, shift: Shift) -> int:
    """Return the cash the drawer should hold: the float, plus cash taken and put in, less cash given back and taken out.

    Cash taken is the cash payments (less change given). Cash given back
    is a cash refund made in the shift, and the cash payments of a sale
    voided in it (a void gives back each payment the way it came). Cash
    put in or taken out is the shift's cash movements
    (``services.cash_movements``).
    """
    cash = str(PaymentMethod.CASH)
    taken = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_satang), 0))
        .where(Payment.shift_id == shift.id, Payment.method == cash)
    )
    refunded = session.scalar(
        select(func.coalesce(func.sum(Refund.amount_satang), 0))
        .where(Refund.shift_id == shift.id, Refund.kind == str(RefundKind.REFUND), Refund.method == cash)
    )
    voided = select(Refund.sale_id).where(Refund.shift_id == shift.id, Refund.kind == str(RefundKind.VOID))
    voided_cash = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_satang), 0))
        .where(Payment.sale_id.in_(voided), Payment.method == cash)
    )
    moved = session.scalar(
        select(func.coalesce(func.sum(case((CashMovement.direction == str(CashDirection.OUT),
                                            -CashMovement.amount_satang), else_=CashMovement.amount_satang)), 0))
        .where(CashMovement.shift_id == shift.id)
    )
    return shift.float_satang + int(taken or 0) - int(refunded or 0) - int(voided_cash or 0) + int(moved or 0)


@dataclass(frozen=True)
class ShiftClosed:
    """What closing a shift found: the cash expected, counted, and the difference (counted − expected)."""

    shift_id: str
    expected_satang: int
    counted_satang: int

    @property
    def difference_satang(self) -> int:
        return self.counted_satang - self.expected_satang


def close_shift(ctx: ServiceContext, counted: dict[int, int], note: str = "") -> ChangeSet:
    """Close this terminal's shift with the cash counted, by denomination; result is a ``ShiftClosed``.

    ``counted`` maps a note's or coin's value in satang (100000 for ฿1,000)
    to how many are in the drawer.

    Raises:
        PermissionDenied: the actor may not sell.
        BadInput: no shift is open here; a denomination that is not a Thai
            note or coin, or a negative count.
    """
    ctx.require(Permission.SALE_SELL)
    shift = open_shift_of(ctx.session, ctx.device.device_id)
    if shift is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "No shift is open on this terminal"), field="shift")
    for value, pieces in counted.items():
        if value not in THAI_DENOMINATIONS or not _whole(pieces) or pieces < 0:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "{value} is not a Thai note or coin, or its count is wrong"),
                           field="counted", value=format_baht(value) if _whole(value) else str(value))
    text = " ".join(note.split())[:1000]
    total = sum(value * pieces for value, pieces in counted.items())
    expected = cash_expected(ctx.session, shift)
    stamp = ctx.tick()
    pieces_by_value = {str(v): n for v, n in sorted(counted.items(), reverse=True) if n}
    fields: dict[str, Any] = {
        "closed_at": ctx.now.isoformat(), "closed_by": ctx.actor_id, "counted": pieces_by_value,
        "counted_satang": total, "expected_satang": expected, "note": text,
    }
    shift.closed_at, shift.closed_by, shift.counted = ctx.now, ctx.actor_id, pieces_by_value
    shift.counted_satang, shift.expected_satang, shift.note = total, expected, text
    stamp_written(shift, fields, stamp, ctx.now)
    ctx.journal(action="shift.close", entity=Kind.SHIFT, entity_id=shift.id, after=fields,
                payload={"fields": fields}, hlc=stamp)
    return ctx.changes.build(result=ShiftClosed(shift.id, expected, total))
