"""Earning points at the desk on a real terminal: welcome, check-in, review, birthday, referral, tiers.

What front desk and a manager check: a new member has 100 welcome points;
checking in gives 10 once a day; a review 50; a member born this month
gets 100 birthday points once a year, whoever runs the job; a friend's
referral code is recorded and pays 200 once when the friend pays; a
member who passes 1,000 points is Silver, and the change is recorded once;
on rolling qualification a member keeps a tier until the end of the month
it would fall in. Bad input changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.domain.loyalty_program import BANGKOK, DEFAULT_PROGRAM, LoyaltyProgram, Qualification
from bnaura_desk.domain.points import PointsSource, Tier
from bnaura_desk.domain.referral import make_code
from bnaura_desk.services import customers, loyalty, points_ledger, settings
from bnaura_desk.store.models import OutboxOperation, PointsEntry, Referral, TierChange
from tests.conftest import Staffed


def _register(s: Staffed, name: str, phone: str, birthday: date | None = None, code: str | None = None) -> str:
    return str(s.terminal.run(customers.register_customer, CustomerForm(name_th=name, phone=phone, birthday=birthday),
                              referral_code=code, actor=s.front_desk).result)


def _summary(s: Staffed, member: str) -> loyalty.PointsSummary:
    return s.terminal.read(loyalty.points_summary, member, s.clock())


def _sources(s: Staffed, member: str) -> list[str]:
    return sorted(s.terminal.read(lambda session: list(session.scalars(
        select(PointsEntry.source).where(PointsEntry.customer_id == member)))))


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def test_a_new_member_gets_welcome_points_and_ten_for_the_days_check_in(staffed: Staffed) -> None:
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    assert _summary(staffed, member).balance == 100
    staffed.terminal.run(customers.check_in, member, actor=staffed.front_desk)
    staffed.terminal.run(customers.check_in, member, again=True, actor=staffed.front_desk)  # a second visit today
    assert _summary(staffed, member).balance == 110  # check-in points once a day
    staffed.clock.advance(days=1)
    staffed.terminal.run(customers.check_in, member, actor=staffed.front_desk)
    assert _summary(staffed, member).balance == 120
    assert _sources(staffed, member) == ["check_in", "check_in", "welcome"]


def test_a_review_earns_fifty_once_a_day(staffed: Staffed) -> None:
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    first = staffed.terminal.run(loyalty.record_review, member, actor=staffed.front_desk).result
    again = staffed.terminal.run(loyalty.record_review, member, actor=staffed.front_desk).result
    # 100 welcome, 50 for the review, and 50 more: the first review unlocks the First Review achievement.
    assert first == again and _summary(staffed, member).balance == 200


def test_the_program_a_manager_sets_is_what_members_earn(staffed: Staffed) -> None:
    program = replace(DEFAULT_PROGRAM, earn=replace(DEFAULT_PROGRAM.earn, welcome=0, check_in=25))
    with pytest.raises(PermissionDenied):
        staffed.terminal.run(settings.set_loyalty_program, program, actor=staffed.front_desk)
    staffed.terminal.run(settings.set_loyalty_program, program, actor=staffed.manager)
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    staffed.terminal.run(customers.check_in, member, actor=staffed.front_desk)
    assert _summary(staffed, member).balance == 25 and _sources(staffed, member) == ["check_in"]


@pytest.mark.parametrize(
    ("program", "field"),
    [
        (replace(DEFAULT_PROGRAM, tiers=(Tier("bronze", 0, 5, 10), Tier("silver", 0, 8, 15))), "tiers"),
        (replace(DEFAULT_PROGRAM, tiers=(Tier("bronze", 0, 5, 10), Tier("gold", 3000, 10, 20),
                                         Tier("silver", 1000, 8, 15))), "tiers"),
        (replace(DEFAULT_PROGRAM, tiers=(Tier("silver", 100, 8, 15),)), "tiers"),
        (replace(DEFAULT_PROGRAM, tiers=(Tier("bronze", 0, 5, -10),)), "tiers"),
        (replace(DEFAULT_PROGRAM, tiers=(Tier("bronze", 0, 105, 10),)), "tiers"),
        (replace(DEFAULT_PROGRAM, earn=replace(DEFAULT_PROGRAM.earn, review=-50)), "review"),
        (replace(DEFAULT_PROGRAM, earn=replace(DEFAULT_PROGRAM.earn, satang_per_point=0)), "satang_per_point"),
    ],
    ids=["overlapping", "out of order", "not from zero", "negative multiplier", "discount over 100",
         "negative award", "no baht per point"],
)
def test_a_bad_program_is_refused_and_changes_nothing(staffed: Staffed, program: LoyaltyProgram, field: str) -> None:
    before = _count(staffed, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        staffed.terminal.run(settings.set_loyalty_program, program, actor=staffed.manager)
    assert refused.value.field == field
    assert _count(staffed, OutboxOperation) == before
    assert staffed.terminal.read(points_ledger.loyalty_program, staffed.terminal.device().chain_id) == DEFAULT_PROGRAM


def test_birthday_points_once_a_year_in_the_birth_month(staffed: Staffed) -> None:
    month = staffed.clock().astimezone(BANGKOK).month
    born_now = _register(staffed, "วันเกิดเดือนนี้", "0811111111", date(1990, month, 1))
    other = _register(staffed, "เกิดเดือนอื่น", "0822222222", date(1990, month % 12 + 1, 1))
    nobody = _register(staffed, "ไม่ระบุวันเกิด", "0833333333")
    assert staffed.terminal.run(loyalty.award_birthdays, actor=None).result == 1
    assert staffed.terminal.run(loyalty.award_birthdays, actor=None).result == 0  # once a year
    assert _summary(staffed, born_now).balance == 200
    assert _summary(staffed, other).balance == 100 == _summary(staffed, nobody).balance
    staffed.clock.advance(days=365)  # the same month a year later
    assert staffed.terminal.run(loyalty.award_birthdays, actor=None).result == 1
    assert _sources(staffed, born_now).count("birthday") == 2


def test_a_friend_who_referred_is_recorded_and_paid_once_when_the_customer_pays(staffed: Staffed) -> None:
    friend = _register(staffed, "เพื่อนผู้แนะนำ", "0811111111")
    code = staffed.terminal.read(customers.get_customer, friend).referral_code
    newcomer = _register(staffed, "ลูกค้าใหม่", "0822222222", code=code.lower()[:4] + "-" + code[4:])
    link = staffed.terminal.read(lambda s: s.scalars(select(Referral)).one())
    assert (link.referrer_id, link.referred_id) == (friend, newcomer)
    # The counter awards the friend when the newcomer pays a first visit; once, however often it asks.
    for _ in range(2):
        staffed.terminal.run(lambda ctx: ctx.changes.build(result=loyalty.award_referral(ctx, newcomer)),
                             actor=staffed.front_desk)
    assert _summary(staffed, friend).balance == 300 and _sources(staffed, friend) == ["referral", "welcome"]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("SHORT", "A referral code has 10 letters and digits, e.g. {example}"),
        ("typo", "Referral code {code} has a typo; please check it again"),
        ("nobody", "No customer has the referral code {code}"),
    ],
    ids=["malformed", "mistyped", "nobody's"],
)
def test_a_bad_referral_code_refuses_the_registration_and_changes_nothing(
    staffed: Staffed, code: str, message: str
) -> None:
    friend = _register(staffed, "เพื่อนผู้แนะนำ", "0811111111")
    real = staffed.terminal.read(customers.get_customer, friend).referral_code
    typed = {
        "typo": real[:3] + ("A" if real[3] != "A" else "B") + real[4:],  # one character mistyped
        "nobody": make_code("ZZZZ" if not real.startswith("ZZZZ") else "YYYY", 7),  # well formed, nobody's
    }.get(code, code)
    before = _count(staffed, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        _register(staffed, "ลูกค้าใหม่", "0822222222", code=typed)
    assert refused.value.template == message
    assert _count(staffed, OutboxOperation) == before and _count(staffed, Referral) == 0


def test_own_code_and_a_second_referrer_are_refused(staffed: Staffed) -> None:
    first = _register(staffed, "เพื่อนคนแรก", "0811111111")
    second = _register(staffed, "เพื่อนคนที่สอง", "0822222222")
    member = _register(staffed, "ลูกค้า", "0833333333")
    codes = {c: staffed.terminal.read(customers.get_customer, c).referral_code for c in (first, second, member)}
    with pytest.raises(BadInput, match="own referral code"):
        staffed.terminal.run(loyalty.record_referral, member, codes[member], actor=staffed.front_desk)
    staffed.terminal.run(loyalty.record_referral, member, codes[first], actor=staffed.front_desk)
    with pytest.raises(BadInput, match="already referred"):
        staffed.terminal.run(loyalty.record_referral, member, codes[second], actor=staffed.front_desk)
    assert _count(staffed, Referral) == 1


def test_passing_a_threshold_records_the_tier_change_once(staffed: Staffed) -> None:
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    summary = _summary(staffed, member)
    assert (summary.tier.key, summary.next_tier and summary.next_tier.key, summary.to_next_tier) == (
        "bronze", "silver", 900)
    staffed.terminal.run(loyalty.adjust_points, member, 950, "ย้ายแต้ม", actor=staffed.manager)
    summary = _summary(staffed, member)
    assert summary.tier.key == "silver" and summary.to_next_tier == 1_950
    assert staffed.terminal.run(loyalty.record_tier_changes, actor=None).result == 0  # already recorded
    changes = staffed.terminal.read(lambda s: [(c.from_tier, c.to_tier) for c in s.scalars(select(TierChange))])
    assert changes == [("bronze", "silver")]
    # Spending points does not lower a tier on lifetime points.
    staffed.terminal.run(loyalty.adjust_points, member, -1_000, "แลกของรางวัล", actor=staffed.manager)
    assert _summary(staffed, member).tier.key == "silver"


def test_on_rolling_months_a_tier_falls_at_the_end_of_the_month_it_would_fall_in(staffed: Staffed) -> None:
    rolling = replace(DEFAULT_PROGRAM, qualification=Qualification.ROLLING)
    staffed.terminal.run(settings.set_loyalty_program, rolling, actor=staffed.manager)
    staffed.clock.now = datetime(2026, 1, 10, 5, 0, tzinfo=UTC)
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    staffed.terminal.run(loyalty.adjust_points, member, 1_000, "ย้ายแต้ม", actor=staffed.manager)
    assert _summary(staffed, member).tier.key == "silver"
    staffed.clock.now = datetime(2027, 1, 11, 5, 0, tzinfo=UTC)  # the points are 12 months old: they no longer count
    assert _summary(staffed, member).tier.key == "silver"  # kept until the end of January
    report = staffed.terminal.run(loyalty.run_daily_jobs, actor=None).result
    assert report.tier_changes == 0 and report.expired == 2  # the welcome and the 1,000 expired
    staffed.clock.now = datetime(2027, 2, 1, 5, 0, tzinfo=UTC)
    assert _summary(staffed, member).tier.key == "bronze"
    assert staffed.terminal.run(loyalty.run_daily_jobs, actor=None).result.tier_changes == 1
    assert staffed.terminal.run(loyalty.run_daily_jobs, actor=None).result == loyalty.DailyReport(0, 0, 0)
    changes = staffed.terminal.read(lambda s: [(c.to_tier, c.period) for c in s.scalars(
        select(TierChange).order_by(TierChange.at))])
    assert changes == [("silver", "2026-01"), ("bronze", "2027-02")]


def test_awards_need_a_live_member(staffed: Staffed) -> None:
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    staffed.terminal.run(customers.delete_customer, member, actor=staffed.manager)
    with pytest.raises(NotFound):
        staffed.terminal.run(loyalty.record_review, member, actor=staffed.front_desk)


def test_a_points_source_says_why_in_the_history(staffed: Staffed) -> None:
    member = _register(staffed, "สมหญิง ใจดี", "0812345678")
    staffed.terminal.run(loyalty.adjust_points, member, 40, "ชดเชยรอคิว", actor=staffed.manager)
    lines = staffed.terminal.read(loyalty.ledger_lines, member, staffed.clock())
    assert [(line.source, line.points, line.reason) for line in lines] == [
        (str(PointsSource.WELCOME), 100, ""), (str(PointsSource.ADJUSTMENT), 40, "ชดเชยรอคิว")]
    assert all(line.expires_at is not None and line.left == line.points for line in lines)
