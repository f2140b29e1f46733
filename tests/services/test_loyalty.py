"""A member's points on a real terminal: a manager's adjustments, the expiry job, the summary the panel shows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.domain.loyalty_program import EarnRules, LoyaltyProgram
from bnaura_desk.services import customers, loyalty, settings
from bnaura_desk.store.models import OutboxOperation, PointsEntry, PointsExpiry
from tests.conftest import Staffed


def _member(s: Staffed) -> str:
    """A member who got no welcome points: these tests follow a manager's adjustments alone."""
    program = LoyaltyProgram(earn=replace(EarnRules(), welcome=0))
    s.terminal.run(settings.set_loyalty_program, program, actor=s.manager)
    return str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                              actor=s.front_desk).result)


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def test_a_manager_adds_and_takes_points_with_a_reason(staffed: Staffed) -> None:
    member = _member(staffed)
    staffed.terminal.run(loyalty.adjust_points, member, 500, "ย้ายแต้มจากระบบเดิม", actor=staffed.manager)
    staffed.terminal.run(loyalty.adjust_points, member, -120, "ให้เกิน", actor=staffed.manager)
    summary = staffed.terminal.read(loyalty.points_summary, member, staffed.clock())
    assert (summary.balance, summary.statement.lifetime_earned, summary.tier.key) == (380, 500, "bronze")
    assert summary.expiring_soon == 0


@pytest.mark.parametrize(
    ("delta", "reason", "field"),
    [(0, "ไม่มีอะไร", "points"), (2_000_000, "มากไป", "points"), (50, "   ", "reason"), (50, "x" * 501, "reason")],
)
def test_a_bad_adjustment_changes_nothing(staffed: Staffed, delta: int, reason: str, field: str) -> None:
    member = _member(staffed)
    before = _count(staffed, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        staffed.terminal.run(loyalty.adjust_points, member, delta, reason, actor=staffed.manager)
    assert refused.value.field == field
    assert _count(staffed, PointsEntry) == 0 and _count(staffed, OutboxOperation) == before


def test_only_a_manager_adjusts_and_only_a_live_member(staffed: Staffed) -> None:
    member = _member(staffed)
    for someone in (staffed.front_desk, staffed.sales, staffed.beautician):
        with pytest.raises(PermissionDenied):
            staffed.terminal.run(loyalty.adjust_points, member, 50, "ของขวัญ", actor=someone)
    staffed.terminal.run(customers.delete_customer, member, actor=staffed.manager)
    with pytest.raises(NotFound):
        staffed.terminal.run(loyalty.adjust_points, member, 50, "ของขวัญ", actor=staffed.manager)
    assert _count(staffed, PointsEntry) == 0


def test_the_expiry_job_expires_what_is_left_of_each_lot_once(staffed: Staffed) -> None:
    member = _member(staffed)
    staffed.terminal.run(loyalty.adjust_points, member, 300, "แต้มเก่า", actor=staffed.manager)
    staffed.clock.advance(days=200)
    staffed.terminal.run(loyalty.adjust_points, member, 100, "แต้มใหม่", actor=staffed.manager)
    staffed.terminal.run(loyalty.adjust_points, member, -50, "ใช้แต้ม", actor=staffed.manager)  # from the old lot
    staffed.clock.advance(days=150)
    summary = staffed.terminal.read(loyalty.points_summary, member, staffed.clock())
    assert summary.balance == 350 and summary.expiring_soon == 250  # the old lot ends within 30 days

    staffed.clock.advance(days=30)  # 380 days after the first lot
    assert staffed.terminal.run(loyalty.expire_points, actor=None).result == 1
    assert staffed.terminal.run(loyalty.expire_points, actor=None).result == 0  # nothing left to do
    summary = staffed.terminal.read(loyalty.points_summary, member, staffed.clock())
    assert summary.balance == 100 and summary.statement.lifetime_earned == 400
    assert [lot.expired for lot in summary.statement.lots] == [250, 0]
    assert _count(staffed, PointsExpiry) == 1
