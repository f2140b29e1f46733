"""A member's statement as the loyalty panel reads it, on a real terminal; finding a member by referral code."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, NotFound
from bnaura_desk.domain.loyalty_program import Qualification
from bnaura_desk.domain.points import EntryKind, PointsSource, adjustment_reason
from bnaura_desk.domain.referral import display_code
from bnaura_desk.services import customers, loyalty
from bnaura_desk.services.member_statement import member_loyalty
from tests.conftest import Staffed


def _member(s: Staffed, phone: str = "0812345678") -> str:
    return str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone=phone),
                              actor=s.front_desk).result)


def test_the_statement_lists_every_entry_newest_first_with_why_and_the_expiry(staffed: Staffed) -> None:
    member = _member(staffed)
    run, manager = staffed.terminal.run, staffed.manager
    run(loyalty.adjust_points, member, 2_000, "ย้ายแต้มจากระบบเดิม", actor=manager)
    first_lot_expires = staffed.clock.now + timedelta(days=365)
    staffed.clock.advance(days=100)
    run(loyalty.adjust_points, member, -500, "ให้เกิน", actor=manager)
    staffed.clock.advance(days=300)  # the first lot's twelve months are over
    run(loyalty.adjust_points, member, 700, "ชดเชย", actor=manager)
    run(loyalty.expire_points, actor=None)

    seen = staffed.terminal.read(member_loyalty, member, staffed.clock())

    lines = [(line.kind, line.source, line.reason, line.points) for line in seen.lines]
    assert lines == [
        (EntryKind.EARN, PointsSource.ADJUSTMENT, "ชดเชย", 700),
        (EntryKind.EXPIRE, "", "", -1_600),  # what the spend left of the adjusted lot
        (EntryKind.EXPIRE, "", "", 0),  # the welcome lot: the spend took it all first
        (EntryKind.SPEND, PointsSource.ADJUSTMENT, "ให้เกิน", -500),
        (EntryKind.EARN, PointsSource.ADJUSTMENT, "ย้ายแต้มจากระบบเดิม", 2_000),
        (EntryKind.EARN, PointsSource.WELCOME, "", 100),
    ]
    adjusted = seen.lines[-2].expires_at
    assert adjusted is not None and abs(adjusted - first_lot_expires) < timedelta(seconds=1)
    assert seen.lines[3].expires_at is None
    assert seen.summary.balance == 700 == sum(line.points for line in seen.lines)
    # Tiers qualify on points earned, not on what is left: 2,800 earned is Silver, 200 short of Gold.
    assert seen.summary.tier.key == "silver"
    assert seen.summary.next_tier is not None and seen.summary.next_tier.key == "gold"
    assert seen.summary.to_next_tier == 200
    assert seen.qualification is Qualification.LIFETIME
    assert (seen.name_th, len(seen.referral_code)) == ("สมหญิง ใจดี", 10)


def test_a_member_of_the_top_tier_has_no_next_tier(staffed: Staffed) -> None:
    member = _member(staffed)
    staffed.terminal.run(loyalty.adjust_points, member, 15_000, "สมาชิก VIP ย้ายมา", actor=staffed.manager)
    seen = staffed.terminal.read(member_loyalty, member, staffed.clock())
    assert (seen.summary.tier.key, seen.summary.next_tier, seen.summary.to_next_tier) == ("diamond", None, 0)


def test_a_deleted_member_has_no_statement(staffed: Staffed) -> None:
    member = _member(staffed)
    staffed.terminal.run(customers.delete_customer, member, actor=staffed.manager)
    with pytest.raises(NotFound):
        staffed.terminal.read(member_loyalty, member, staffed.clock())


def test_an_adjustment_is_checked_before_anyone_is_asked(staffed: Staffed) -> None:
    assert adjustment_reason(-20, "  แต้ม   ซ้ำ ") == "แต้ม ซ้ำ"
    for delta, reason, field in ((0, "เหตุผล", "points"), (1_000_001, "เหตุผล", "points"), (5, " ", "reason")):
        with pytest.raises(BadInput) as refused:
            adjustment_reason(delta, reason)
        assert refused.value.field == field


def test_a_member_is_found_by_their_referral_code_however_it_is_typed(staffed: Staffed) -> None:
    member = _member(staffed)
    other = _member(staffed, "0899999999")
    code = staffed.terminal.read(member_loyalty, member, staffed.clock()).referral_code
    find = staffed.terminal.read
    for typed in (code, code.lower(), display_code(code), f" {code[:4]} {code[4:]} "):
        assert find(customers.find_by_referral_code, typed) == member
    typo = code[:-1] + ("2" if code[-1] != "2" else "3")  # the check character catches it
    assert find(customers.find_by_referral_code, typo) is None
    assert find(customers.find_by_referral_code, "0812345678") is None  # a phone is no code
    staffed.terminal.run(customers.delete_customer, member, actor=staffed.manager)
    assert find(customers.find_by_referral_code, code) is None
    assert find(customers.find_by_referral_code, staffed.terminal.read(member_loyalty, other, staffed.clock())
                .referral_code) == other
