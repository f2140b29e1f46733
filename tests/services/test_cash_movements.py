"""Cash in and cash out during a shift: a reason each, the drawer's cash expected follows them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.cash_movements import CashDirection
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Permission
from bnaura_desk.services import cash_movements, catalog, counter, shifts
from bnaura_desk.services.context import Override
from bnaura_desk.store.models import AuditEntry, CashMovement, OutboxOperation
from tests.conftest import Staffed

IN, OUT = CashDirection.IN, CashDirection.OUT


def expected(s: Staffed) -> int:
    shift = s.terminal.read(lambda session: shifts.open_shift_of(session, s.terminal.device().device_id))
    assert shift is not None
    return int(s.terminal.read(shifts.cash_expected, shift))


def moved(s: Staffed, direction: CashDirection, satang: int, reason: str, **kw: object) -> cash_movements.CashMoved:
    return s.terminal.run(cash_movements.record_cash_movement, direction, satang, reason, **kw).result  # type: ignore[arg-type]


def count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def test_cash_in_and_out_change_the_cash_the_drawer_should_hold_and_the_close(staffed: Staffed) -> None:
    s = staffed
    serum = s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", price_satang=89_000,
                                                         sku="S1"), actor=s.manager).result
    shift_id = s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk).result
    s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(serum),), (Tender(PaymentMethod.CASH, 89_000),)),
                   actor=s.front_desk)
    # The front desk brings ฿500 of change from the bank; the manager pays ฿45 for drinking water.
    put = moved(s, IN, 50_000, "  แลกเหรียญจากธนาคาร ", actor=s.front_desk)
    taken = moved(s, OUT, 4_500, "ซื้อน้ำดื่ม", actor=s.manager)
    assert (put.reason, put.expected_satang, taken.expected_satang) == ("แลกเหรียญจากธนาคาร", 239_000, 234_500)
    assert expected(s) == 100_000 + 89_000 + 50_000 - 4_500
    rows = s.terminal.read(lambda session: [(r.direction, r.amount_satang, r.shift_id, r.staff_id, r.approved_by)
                                            for r in session.scalars(select(CashMovement).order_by(CashMovement.at))])
    assert rows == [("in", 50_000, shift_id, s.front_desk.staff_id, None),
                    ("out", 4_500, shift_id, s.manager.staff_id, s.manager.staff_id)]
    # Each went to the outbox with its audit entry, in one transaction.
    assert s.terminal.read(lambda session: [o.type for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.entity == "cash_movement"))]) == [
        "cash_movement.record", "cash_movement.record"]
    assert count(s, AuditEntry) > 0 and s.terminal.read(lambda session: session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "cash_movement.record"))) == 2
    # The close compares the count with the float, the sale's cash and the movements.
    closed = s.terminal.run(shifts.close_shift, {100_000: 2, 10_000: 3, 2_000: 2, 500: 1},
                            actor=s.front_desk).result
    assert (closed.expected_satang, closed.difference_satang) == (234_500, 0)
    # The shift is closed: no movement without an open shift.
    with pytest.raises(BadInput, match="No shift is open"):
        moved(s, IN, 10_000, "เงินทอน", actor=s.front_desk)


def test_a_front_desk_cash_out_needs_a_managers_pin(staffed: Staffed) -> None:
    s = staffed
    s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk)
    with pytest.raises(PermissionDenied) as refused:
        moved(s, OUT, 10_000, "ค่าส่งเอกสาร", actor=s.front_desk)
    assert refused.value.params["permission"] == str(Permission.CASH_OUT)
    assert count(s, CashMovement) == 0
    approved = Override(authorizer=s.manager, permission=Permission.CASH_OUT, granted_at=s.clock())
    moved(s, OUT, 10_000, "ค่าส่งเอกสาร", actor=s.front_desk, override=approved)
    row = s.terminal.read(lambda session: session.scalars(select(CashMovement)).one())
    assert (row.staff_id, row.approved_by) == (s.front_desk.staff_id, s.manager.staff_id)
    audit = s.terminal.read(lambda session: session.scalars(
        select(AuditEntry).where(AuditEntry.action == "cash_movement.record")).one())
    assert audit.authorized_by_id == s.manager.staff_id
    assert expected(s) == 90_000


@pytest.mark.parametrize(("direction", "satang", "reason", "why"), [
    (IN, 0, "เงินทอน", "more than ฿0"),
    (IN, -500, "เงินทอน", "more than ฿0"),
    (IN, 10**9, "เงินทอน", "at most ฿100,000.00"),
    (IN, 1.5, "เงินทอน", "more than ฿0"),
    (IN, 10_000, "   ", "Say why"),
    (IN, 10_000, "ก" * 501, "at most 500 characters"),
    ("sideways", 10_000, "เงินทอน", "cash in or cash out"),
    (OUT, 100_001, "ถอนเงินเกินลิ้นชัก", "should hold only ฿1,000.00"),
])
def test_wrong_movements_are_refused_with_the_reason_and_change_nothing(staffed: Staffed, direction: object,
                                                                       satang: object, reason: str, why: str) -> None:
    s = staffed
    s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk)
    before = count(s, AuditEntry)
    with pytest.raises(BadInput) as refused:
        moved(s, direction, satang, reason, actor=s.manager)  # type: ignore[arg-type]
    assert why in refused.value.render(lambda _c, text: text)
    assert (count(s, CashMovement), count(s, AuditEntry)) == (0, before)


def test_the_whole_drawer_may_go_out_but_no_more(staffed: Staffed) -> None:
    s = staffed
    s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk)
    moved(s, OUT, 60_000, "ส่งเงินเข้าบัญชี", actor=s.manager)
    with pytest.raises(BadInput, match="should hold only"):
        moved(s, OUT, 40_001, "ส่งเงินเข้าบัญชี", actor=s.manager)
    moved(s, OUT, 40_000, "ส่งเงินเข้าบัญชี", actor=s.manager)
    assert expected(s) == 0


def test_no_movement_without_an_open_shift(staffed: Staffed) -> None:
    with pytest.raises(BadInput, match="No shift is open"):
        moved(staffed, IN, 10_000, "เงินทอน", actor=staffed.front_desk)
