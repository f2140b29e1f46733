"""Cash in and cash out during a shift: money put into or taken out of the drawer that is not a sale's.

Anyone who sells may put cash in (change brought from the bank); taking
cash out (petty cash for drinking water, the owner's pick-up) needs
``Permission.CASH_OUT``: a manager, or a front-desk user with a manager's
PIN. Each movement names its reason and its terminal's open shift, and
the shift's cash expected counts it (``shifts.cash_expected``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.cash_movements import CashDirection, check_amount, check_cash_out, check_direction, check_reason
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.ids import uuid7
from ..domain.roles import Permission
from ..store.models import CashMovement
from .context import ServiceContext
from .shifts import cash_expected, open_shift_of


@dataclass(frozen=True)
class CashMoved:
    """One cash movement as recorded and the cash the drawer should hold after it."""

    movement_id: str
    shift_id: str
    direction: CashDirection
    amount_satang: int
    reason: str
    at: datetime
    expected_satang: int


def record_cash_movement(ctx: ServiceContext, direction: CashDirection, amount_satang: int,
                         reason: str) -> ChangeSet:
    """Put cash into (``IN``) or take it out of (``OUT``) this terminal's open shift's drawer; result is ``CashMoved``.

    What people typed is checked before any permission is asked for, so a
    manager is never called to approve a movement that is refused anyway.

    Raises:
        BadInput: no direction; an amount that is not from ฿0.01 to
            ฿100,000; a blank reason or one over 500 characters; no shift
            open here; a cash out above the cash the drawer should hold.
        PermissionDenied: the actor may not sell (cash in) or take cash
            out (``Permission.CASH_OUT``; a manager's PIN can authorise it).
    """
    way = check_direction(direction)
    amount = check_amount(amount_satang)
    text = check_reason(reason)
    shift = open_shift_of(ctx.session, ctx.device.device_id)
    if shift is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "No shift is open on this terminal"), field="shift")
    before = cash_expected(ctx.session, shift)
    check_cash_out(way, amount, before)
    ctx.require(Permission.SALE_SELL if way is CashDirection.IN else Permission.CASH_OUT)
    override = ctx.override
    # Who answers for a cash out: the manager whose PIN allowed it, or the manager who took it.
    approved_by = None
    if way is CashDirection.OUT:
        approved_by = override.authorizer.staff_id if override is not None and override.spent else ctx.actor_id
    movement_id = uuid7()
    record: dict[str, Any] = {
        "shift_id": shift.id, "branch_id": ctx.branch_id, "direction": str(way), "amount_satang": amount,
        "reason": text, "approved_by": approved_by, "at": ctx.now.isoformat(), "staff_id": ctx.actor_id,
    }
    stamp = ctx.tick()
    ctx.session.add(CashMovement(id=movement_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now},
                                 device_id=ctx.device.device_id, hlc=stamp))
    ctx.journal(action="cash_movement.record", entity="cash_movement", entity_id=movement_id, after=record,
                payload={"record": {"id": movement_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.SHIFT, shift.id)
    after = before + amount if way is CashDirection.IN else before - amount
    return ctx.changes.build(result=CashMoved(movement_id, shift.id, way, amount, text, ctx.now, after))

