"""Automation rules as plain functions: the tasks a stage entry makes, their ids, the setting's checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain import automation
from bnaura_desk.domain.automation import (
    DEFAULT_RULES,
    AssignTo,
    JourneyFacts,
    StageEntry,
    entry_key,
    rules_value,
    stored_rules,
    tasks_for_entry,
)
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.settings import checked_value

NOW = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)
FACTS = JourneyFacts("j-1", "c-1", "สมหญิง ใจดี", "เลเซอร์หน้าใส", "sales-1", "beauty-1", ("ล้างหน้า", "ทาเจล", ""))


def _entry(stage: Stage, journey: str = "j-1", since: datetime | None = None) -> StageEntry:
    return StageEntry(stage, entry_key(journey, Stage.LEAD_CREATED, since, stage), NOW)


def test_the_default_rules_make_the_issues_tasks() -> None:
    [proposal] = tasks_for_entry(DEFAULT_RULES, FACTS, _entry(Stage.SCANNED))
    assert (proposal.title_th, proposal.title_en) == ("ส่งข้อเสนอให้ สมหญิง ใจดี", "Send the proposal to สมหญิง ใจดี")
    assert (proposal.assignee_id, proposal.role, proposal.due_at) == ("sales-1", Role.SALES, NOW + timedelta(days=1))
    [treat] = tasks_for_entry(DEFAULT_RULES, FACTS, _entry(Stage.TREATMENT_SCHEDULED))
    assert (treat.assignee_id, treat.role, treat.priority) == ("beauty-1", Role.BEAUTICIAN, 1)
    assert treat.title_en == "Perform เลเซอร์หน้าใส for สมหญิง ใจดี"
    assert treat.checklist == ("ล้างหน้า", "ทาเจล")  # the treatment's protocol, blank steps left out
    [follow] = tasks_for_entry(DEFAULT_RULES, FACTS, _entry(Stage.TREATMENT_COMPLETED))
    assert follow.assignee_id == "sales-1" and follow.checklist == ()
    assert tasks_for_entry(DEFAULT_RULES, FACTS, _entry(Stage.IN_TREATMENT)) == []


def test_a_role_rule_leaves_the_task_unassigned_and_an_inactive_rule_makes_none() -> None:
    rules = stored_rules(rules_value([
        {"key": "check_room", "stage": "in_treatment", "title_th": "เตรียมห้อง", "assign_to": "role",
         "role": "front_desk", "priority": 4, "due_minutes": 0},
        {"key": "off", "stage": "in_treatment", "title_th": "ปิด", "assign_to": "role", "role": "sales",
         "active": False},
    ]))
    [task] = tasks_for_entry(rules, FACTS, _entry(Stage.IN_TREATMENT))
    assert (task.assignee_id, task.role, task.title_en, task.due_at) == (None, Role.FRONT_DESK, "เตรียมห้อง", NOW)


def test_the_entry_key_is_the_same_whatever_offset_the_time_was_read_with() -> None:
    bangkok = timezone(timedelta(hours=7))
    assert entry_key("j", Stage.SCANNED, NOW, Stage.PROPOSAL_SENT) == entry_key(
        "j", Stage.SCANNED, NOW.astimezone(bangkok), Stage.PROPOSAL_SENT)
    # Re-entering a stage later (after a move back) is another entry.
    assert entry_key("j", Stage.SCANNED, NOW, Stage.PROPOSAL_SENT) != entry_key(
        "j", Stage.SCANNED, NOW + timedelta(seconds=1), Stage.PROPOSAL_SENT)


@pytest.mark.parametrize(("change", "field"), [
    ({"title_th": "ส่ง {name}"}, "title_th"),
    ({"title_th": "ส่ง {customer!r}"}, "title_th"),
    ({"title_th": "ส่ง {customer"}, "title_th"),
    ({"title_th": " "}, "title_th"),
    ({"priority": 0}, "priority"),
    ({"priority": True}, "priority"),
    ({"due_minutes": -1}, "due_minutes"),
    ({"stage": "nowhere"}, "stage"),
    ({"assign_to": "person"}, "person_id"),
    ({"key": ""}, "key"),
])
def test_a_bad_rule_is_refused_naming_its_field(change: dict[str, object], field: str) -> None:
    rule = {**DEFAULT_RULES[0].as_json(), **change}
    with pytest.raises(BadInput) as refused:
        checked_value(automation.SETTING_KEY, [rule])
    assert refused.value.field == field


def test_two_rules_with_one_name_are_refused_and_the_defaults_round_trip() -> None:
    stored = rules_value([r.as_json() for r in DEFAULT_RULES])
    assert stored_rules(stored) == DEFAULT_RULES
    with pytest.raises(BadInput):
        rules_value(stored + stored[:1])
    # A rule a newer version wrote (unknown stage) is left out, not fatal.
    assert stored_rules([*stored, {**stored[0], "key": "newer", "stage": "teleported"}]) == DEFAULT_RULES


keys = st.text(alphabet="abcdefghij0123456789-", min_size=1, max_size=12)
times = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC))
entries = st.tuples(keys, st.sampled_from(list(Stage)), st.one_of(st.none(), times), st.sampled_from(list(Stage)))


@given(entries)
def test_the_same_entry_makes_the_same_task_ids(e: tuple[str, Stage, datetime | None, Stage]) -> None:
    journey, from_stage, since, to_stage = e
    entry = StageEntry(to_stage, entry_key(journey, from_stage, since, to_stage), NOW)
    facts = JourneyFacts(journey, "c", "n", "t", "o", "b")
    first = tasks_for_entry(DEFAULT_RULES, facts, entry)
    assert first == tasks_for_entry(DEFAULT_RULES, facts, StageEntry(to_stage, entry.key, NOW))
    assert len({t.id for t in first}) == len(first)


@given(entries, entries)
def test_different_entries_make_different_task_ids(a: tuple[str, Stage, datetime | None, Stage],
                                                   b: tuple[str, Stage, datetime | None, Stage]) -> None:
    key_a, key_b = entry_key(*a), entry_key(*b)
    rules = [r for r in DEFAULT_RULES] + [
        automation.Rule("any", s, "x", "x", AssignTo.ROLE, Role.SALES) for s in Stage]
    ids_a = {t.id for t in tasks_for_entry(rules, FACTS, StageEntry(a[3], key_a, NOW))}
    ids_b = {t.id for t in tasks_for_entry(rules, FACTS, StageEntry(b[3], key_b, NOW))}
    if key_a != key_b:
        assert not ids_a & ids_b
    else:
        assert ids_a == ids_b
