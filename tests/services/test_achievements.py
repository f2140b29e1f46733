"""Achievements on a real terminal: unlocking with points once, the gallery, a manager's definitions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain import achievements as rules
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.services import achievements, catalog, customers, loyalty
from bnaura_desk.store.models import AchievementUnlock, OutboxOperation, PointsEntry, Setting
from tests.conftest import Staffed


def _member(s: Staffed, birthday: date | None = None) -> str:
    form = CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678", birthday=birthday)
    return str(s.terminal.run(customers.register_customer, form, actor=s.front_desk).result)


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def _visit(s: Staffed, member: str, days_later: float = 0) -> None:
    s.clock.advance(days=days_later)
    s.terminal.run(customers.check_in, member, actor=s.front_desk)


def _balance(s: Staffed, member: str) -> int:
    return s.terminal.read(loyalty.points_summary, member, s.clock()).balance


def _evaluate(s: Staffed, member: str) -> tuple[str, ...]:
    return tuple(s.terminal.run(achievements.evaluate_achievements, member, actor=s.front_desk).result)


def _unlocked(s: Staffed, member: str) -> set[str]:
    return set(s.terminal.read(lambda session: list(session.scalars(
        select(AchievementUnlock.achievement).where(AchievementUnlock.customer_id == member)))))


def _gallery(s: Staffed, member: str) -> dict[str, achievements.GalleryEntry]:
    entries = s.terminal.read(achievements.achievement_gallery, s.terminal.device().chain_id, member, s.clock())
    return {e.definition.key: e for e in entries}


def test_five_visits_in_three_months_unlock_regular_and_award_its_points_once(staffed: Staffed) -> None:
    member = _member(staffed)
    for days in (0, 10, 20, 15):
        _visit(staffed, member, days)
        assert "regular" not in _unlocked(staffed, member)
    assert _gallery(staffed, member)["regular"].progress == rules.Progress(4, 5, False)
    before = _balance(staffed, member)
    _visit(staffed, member, 20)  # the fifth, 65 days after the first: the check-in unlocks it
    assert "regular" in _unlocked(staffed, member)
    outbox = _count(staffed, OutboxOperation)
    assert _evaluate(staffed, member) == ()  # idempotent: nothing more, nothing journaled
    assert _count(staffed, OutboxOperation) == outbox

    unlock = rules.unlock_id(member, "regular")
    award = staffed.terminal.read(lambda s: s.get(PointsEntry, rules.award_id(unlock)))
    assert (award.points, award.source, award.kind, award.reason) == (200, "achievement", "earn",
                                                                       "ลูกค้าประจำ (Regular)")
    assert _balance(staffed, member) == before + 10 + 200  # the check-in's and the achievement's
    shown = _gallery(staffed, member)["regular"]
    assert (shown.unlocked, shown.points_awarded) == (True, 200)
    # Dated the clinic day's start (the same on every terminal that unlocks it that day).
    assert shown.unlocked_at is not None and abs(shown.unlocked_at - staffed.clock()).total_seconds() < 86_400
    assert shown.progress.done and shown.progress.fraction == 1.0


def test_the_gallery_hides_secret_achievements_until_unlocked(staffed: Staffed) -> None:
    # Registered on 23 Nov 2026; born in December.
    member = _member(staffed, birthday=date(1992, 12, 5))
    gallery = _gallery(staffed, member)
    assert "birthday_visit" not in gallery
    assert [e.definition.key for e in gallery.values()] == [
        d.key for d in rules.DEFAULT_DEFINITIONS if not d.secret
    ]
    assert not any(e.unlocked for e in gallery.values())
    assert gallery["vip_regular"].progress == rules.Progress(0, 6, False)
    _visit(staffed, member, 10)  # 3 December: the check-in unlocks it
    assert "birthday_visit" in _unlocked(staffed, member) and _evaluate(staffed, member) == ()
    gallery = _gallery(staffed, member)
    assert gallery["birthday_visit"].unlocked and gallery["birthday_visit"].points_awarded == 200
    assert gallery["vip_regular"].progress == rules.Progress(1, 6, False)


def test_a_friend_registered_with_the_members_code_unlocks_friend_bringer(staffed: Staffed) -> None:
    member = _member(staffed)
    code = staffed.terminal.read(customers.get_customer, member).referral_code
    assert _evaluate(staffed, member) == ()
    staffed.terminal.run(customers.register_customer, CustomerForm(name_th="เพื่อน สมหญิง", phone="0871111111"),
                         referral_code=code, actor=staffed.front_desk)
    before = _balance(staffed, member)
    assert _evaluate(staffed, member) == ("friend_bringer",)
    assert _balance(staffed, member) == before + 150
    assert _gallery(staffed, member)["ambassador"].progress == rules.Progress(1, 5, False)


def test_a_manager_defines_achievements_and_evaluation_follows_them(staffed: Staffed) -> None:
    member = _member(staffed)
    mine = (
        rules.Definition("twice", rules.Category.FREQUENCY, "มาสองครั้ง", "Twice", "", "", 50,
                         rules.Condition(rules.ConditionKind.VISITS, 2)),
        rules.Definition("hello", rules.Category.ENGAGEMENT, "สวัสดี", "", "", "", 0,
                         rules.Condition(rules.ConditionKind.VISITS, 1)),
    )
    for someone in (staffed.front_desk, staffed.sales, staffed.beautician):
        with pytest.raises(PermissionDenied):
            staffed.terminal.run(achievements.set_achievement_definitions, mine, actor=someone)
    assert staffed.terminal.run(achievements.set_achievement_definitions, mine, actor=staffed.manager).result == 2
    chain = staffed.terminal.device().chain_id
    assert staffed.terminal.read(achievements.achievement_definitions, chain) == mine

    before = _balance(staffed, member)
    _visit(staffed, member)
    assert _unlocked(staffed, member) == {"hello"}  # 0 points: unlocked without an award
    assert _balance(staffed, member) == before + 10  # the check-in's points only
    before = _balance(staffed, member)
    _visit(staffed, member, 1)
    assert _unlocked(staffed, member) == {"hello", "twice"} and _evaluate(staffed, member) == ()
    assert _balance(staffed, member) == before + 10 + 50

    # Made harder afterwards: the unlock stays, shown done.
    harder = (rules.Definition("twice", rules.Category.FREQUENCY, "มาสิบครั้ง", "", "", "", 50,
                               rules.Condition(rules.ConditionKind.VISITS, 10)),)
    staffed.terminal.run(achievements.set_achievement_definitions, harder, actor=staffed.manager)
    assert _gallery(staffed, member)["twice"].progress == rules.Progress(10, 10, True)
    assert _evaluate(staffed, member) == ()


def test_a_bad_definitions_list_changes_nothing(staffed: Staffed) -> None:
    value = rules.definitions_value(rules.DEFAULT_DEFINITIONS)
    value[4] = {**value[4], "key": value[0]["key"]}
    before = _count(staffed, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        staffed.terminal.run(achievements.set_achievement_definitions, value, actor=staffed.manager)
    assert str(refused.value) == "The achievement key first_purchase is used twice"
    assert _count(staffed, OutboxOperation) == before and _count(staffed, Setting) == 0


def test_a_treatment_achievement_names_a_treatment_of_the_catalog(staffed: Staffed) -> None:
    def item(kind: ItemKind, name: str) -> str:
        treatment = kind is ItemKind.TREATMENT
        form = ItemForm(kind=kind, name_th=name, price_satang=150_000, sku=None if treatment else "S1",
                        duration_minutes=60 if treatment else None)
        return str(staffed.terminal.run(catalog.create_item, form, actor=staffed.manager).result)

    facial, serum = item(ItemKind.TREATMENT, "ทรีตเมนต์หน้าใส"), item(ItemKind.PRODUCT, "เซรั่ม")

    def fan_of(item_id: str) -> tuple[rules.Definition, ...]:
        return (rules.Definition("facial_fan", rules.Category.TREATMENTS, "แฟนหน้าใส", "", "", "", 100,
                                 rules.Condition(rules.ConditionKind.TREATMENTS, 3, item_id=item_id)),)

    for wrong in (serum, "0190b0a0-0000-7000-8000-000000000000"):
        with pytest.raises(BadInput) as refused:
            staffed.terminal.run(achievements.set_achievement_definitions, fan_of(wrong), actor=staffed.manager)
        assert str(refused.value) == "Achievement facial_fan names a treatment the catalog does not have"
    assert _count(staffed, Setting) == 0
    staffed.terminal.run(achievements.set_achievement_definitions, fan_of(facial), actor=staffed.manager)
    chain = staffed.terminal.device().chain_id
    assert staffed.terminal.read(achievements.achievement_definitions, chain) == fan_of(facial)


def test_only_a_live_member_unlocks(staffed: Staffed) -> None:
    member = _member(staffed)
    _visit(staffed, member)
    staffed.terminal.run(customers.delete_customer, member, actor=staffed.manager)
    with pytest.raises(NotFound):
        _evaluate(staffed, member)
    assert _count(staffed, AchievementUnlock) == 0
