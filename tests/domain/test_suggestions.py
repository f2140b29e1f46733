"""Suggested treatments as a plain function: rules on a scan's values pick catalog items by tag, with reasons."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.catalog import check_tags
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.scans import MEASURES, Measure
from bnaura_desk.domain.settings import checked_value
from bnaura_desk.domain.suggestions import (
    DEFAULT_RULES,
    SETTING_KEY,
    Comparison,
    Rule,
    rules_value,
    stored_rules,
    suggest,
)


@dataclass(frozen=True)
class Item:
    name: str
    tags: tuple[str, ...]


LASER = Item("laser", ("pigmentation",))
MASK = Item("mask", ("hydration", "sensitive"))
PEEL = Item("peel", ("acne", "pigmentation"))
CATALOG = [LASER, MASK, PEEL, Item("serum", ())]

values_st = st.dictionaries(st.sampled_from(MEASURES), st.integers(0, 100))
rule_st = st.builds(Rule, st.sampled_from(MEASURES), st.sampled_from(Comparison), st.integers(0, 100),
                    st.sampled_from(["pigmentation", "acne", "hydration", "sensitive", "pores"]))


def test_the_defaults_suggest_by_the_scan_with_the_reason() -> None:
    found = suggest({Measure.PIGMENTATION: 72, Measure.MOISTURE: 55, Measure.ACNE: 51}, DEFAULT_RULES, CATALOG)
    assert [(s.item.name, s.reason) for s in found] == [
        ("laser", "pigmentation 72 > 60"),
        ("peel", "pigmentation 72 > 60; acne 51 > 50"),
    ]


def test_a_value_below_the_threshold_suggests_for_moisture() -> None:
    [found] = suggest({Measure.MOISTURE: 30}, DEFAULT_RULES, CATALOG)
    assert (found.item, found.reason) == (MASK, "moisture 30 < 40")


def test_the_threshold_itself_and_unmeasured_measures_suggest_nothing() -> None:
    assert suggest({Measure.PIGMENTATION: 60, Measure.MOISTURE: 40}, DEFAULT_RULES, CATALOG) == []
    assert suggest({}, DEFAULT_RULES, CATALOG) == []


@given(values_st, st.lists(rule_st, max_size=8))
def test_every_suggestion_has_a_fired_rule_whose_tag_it_carries_and_appears_once(
        values: dict[Measure, int], rules: list[Rule]) -> None:
    found = suggest(values, rules, CATALOG)
    assert len({s.item for s in found}) == len(found)
    for s in found:
        assert s.reasons
        for reason in s.reasons:
            assert reason.rule in rules and reason.rule.tag in s.item.tags and reason.value == values[reason.rule.measure]
            assert reason.rule.fires(reason.value)
    # Nothing is missed: every item a fired rule's tag names is suggested.
    wanted = {item for item in CATALOG for r in rules if r.fires(values.get(r.measure)) and r.tag in item.tags}
    assert {s.item for s in found} == wanted


@given(st.lists(rule_st, max_size=10))
def test_rules_survive_the_setting(rules: list[Rule]) -> None:
    stored = checked_value(SETTING_KEY, [r.as_json() for r in rules])
    assert stored_rules(stored) == tuple(rules)


@pytest.mark.parametrize(("rule", "field"), [
    ({"measure": "shine", "comparison": "above", "threshold": 50, "tag": "x"}, "measure"),
    ({"measure": "acne", "comparison": "equal", "threshold": 50, "tag": "x"}, "measure"),
    ({"measure": "acne", "comparison": "above", "threshold": 101, "tag": "x"}, "threshold"),
    ({"measure": "acne", "comparison": "above", "threshold": True, "tag": "x"}, "threshold"),
    ({"measure": "acne", "comparison": "above", "threshold": 50, "tag": " "}, "tag"),
    ({"measure": "acne", "comparison": "above", "threshold": 50, "tag": "x" * 31}, "tag"),
    ("acne > 50", "rules"),
])
def test_a_bad_rule_is_refused_naming_the_field(rule: object, field: str) -> None:
    with pytest.raises(BadInput) as refused:
        rules_value([rule])
    assert refused.value.field == field


def test_rule_tags_are_written_as_catalog_tags_are() -> None:
    [stored] = rules_value([{"measure": "acne", "comparison": "above", "threshold": 50, "tag": "  Anti  Aging "}])
    assert stored["tag"] == "anti aging" == check_tags("Anti  Aging")[0]
    assert stored_rules(None) == DEFAULT_RULES
    assert stored_rules([{"measure": "future"}, stored]) == (Rule(Measure.ACNE, Comparison.ABOVE, 50, "anti aging"),)


def test_catalog_tags_from_a_comma_separated_field() -> None:
    assert check_tags(" Acne, hydration ,,ACNE, ผิวแห้ง ") == ("acne", "hydration", "ผิวแห้ง")
    with pytest.raises(BadInput, match="at most"):
        check_tags(",".join(f"t{i}" for i in range(21)))
