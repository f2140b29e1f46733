"""Suggested treatments: rules a manager edits turn a skin scan's values into catalog items to offer.

A rule names a measure, a comparison (above or below), a threshold and a
tag: when the scan's value of the measure is strictly above (or below) the
threshold, every catalog item carrying the tag is suggested, with the
reason ("pigmentation 72 > 60"). A manager edits the rules as the chain
setting ``suggestion_rules``; without it ``DEFAULT_RULES`` apply.

``suggest`` is pure; ``services.scans.suggestions_for`` feeds it the
customer's latest scan, the rules in force and the live catalog.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from .catalog import TAG_MAX
from .errors import QT_TRANSLATE_NOOP, BadInput
from .field_types import MAX_JSON_BYTES
from .scans import SCALE_HIGH, SCALE_LOW, Measure

SETTING_KEY = "suggestion_rules"
RULES_MAX = 50


class Comparison(StrEnum):
    """How a rule compares a scan's value with its threshold (strictly)."""

    ABOVE = "above"
    BELOW = "below"


COMPARISON_LABELS: dict[Comparison, str] = {
    Comparison.ABOVE: QT_TRANSLATE_NOOP("scans", "above"),
    Comparison.BELOW: QT_TRANSLATE_NOOP("scans", "below"),
}
SIGNS: dict[Comparison, str] = {Comparison.ABOVE: ">", Comparison.BELOW: "<"}


@dataclass(frozen=True)
class Rule:
    """One suggestion rule: ``measure`` ``comparison`` ``threshold`` suggests the items tagged ``tag``."""

    measure: Measure
    comparison: Comparison
    threshold: int
    tag: str

    def fires(self, value: int | None) -> bool:
        """Return whether a scan value (None: not measured) meets the rule."""
        if value is None:
            return False
        return value > self.threshold if self.comparison is Comparison.ABOVE else value < self.threshold

    def as_json(self) -> dict[str, Any]:
        return {"measure": str(self.measure), "comparison": str(self.comparison), "threshold": self.threshold,
                "tag": self.tag}


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(Measure.PIGMENTATION, Comparison.ABOVE, 60, "pigmentation"),
    Rule(Measure.ACNE, Comparison.ABOVE, 50, "acne"),
    Rule(Measure.WRINKLES, Comparison.ABOVE, 50, "anti-aging"),
    Rule(Measure.MOISTURE, Comparison.BELOW, 40, "hydration"),
    Rule(Measure.REDNESS, Comparison.ABOVE, 50, "sensitive"),
    Rule(Measure.PORES, Comparison.ABOVE, 60, "pores"),
)


@dataclass(frozen=True)
class Reason:
    """Why an item is suggested: the measure's value met a rule."""

    rule: Rule
    value: int

    def __str__(self) -> str:
        """Return the reason in the rule's own words, e.g. ``pigmentation 72 > 60`` (screens translate the measure)."""
        return f"{self.rule.measure} {self.value} {SIGNS[self.rule.comparison]} {self.rule.threshold}"


class Tagged(Protocol):
    """A catalog item as ``suggest`` sees it: something with tags."""

    @property
    def tags(self) -> Sequence[str]: ...


T = TypeVar("T", bound=Tagged)


@dataclass(frozen=True)
class Suggestion(Generic[T]):
    """A catalog item to offer and every reason for it (in rule order)."""

    item: T
    reasons: tuple[Reason, ...]

    @property
    def reason(self) -> str:
        """Return the reasons as one line, e.g. ``pigmentation 72 > 60; acne 55 > 50``."""
        return "; ".join(str(r) for r in self.reasons)


def suggest(values: Mapping[Measure, int], rules: Iterable[Rule], items: Iterable[T]) -> list[Suggestion[T]]:
    """Return the items the rules suggest for a scan's ``values``, each once with all its reasons.

    Pure. An item is suggested when a rule fires (its measure was measured
    and is strictly above or below the threshold) and the item carries the
    rule's tag. Order: by the first rule that suggests the item, then the
    order of ``items``. A rule whose tag no item carries suggests nothing.
    """
    fired = [(rule, values[rule.measure]) for rule in rules if rule.fires(values.get(rule.measure))]
    order: list[int] = []
    reasons: dict[int, list[Reason]] = {}
    listed = list(items)
    for rule, value in fired:
        for index, item in enumerate(listed):
            if rule.tag not in item.tags:
                continue
            reason = Reason(rule, value)
            found = reasons.setdefault(index, [])
            if not found:
                order.append(index)
            if reason not in found:
                found.append(reason)
    return [Suggestion(listed[i], tuple(reasons[i])) for i in order]


def _bad(message: str, field: str, **values: Any) -> BadInput:
    return BadInput(message, field=field, **values)


def rule_from_json(data: Any) -> Rule:
    """Return the rule ``data`` describes, checked; its tag is trimmed and lower-cased as catalog tags are.

    Raises:
        BadInput: not a set of fields; an unknown measure or comparison; a
            threshold that is not a whole number from 0 to 100; an empty or
            over-long tag.
    """
    if not isinstance(data, Mapping):
        raise _bad(QT_TRANSLATE_NOOP("errors", "A suggestion rule must be a set of fields"), "rules")
    try:
        measure, comparison = Measure(str(data["measure"])), Comparison(str(data["comparison"]))
    except (KeyError, ValueError):
        raise _bad(QT_TRANSLATE_NOOP("errors", "Choose the measure and whether the value is above or below"),
                   "measure") from None
    threshold = data.get("threshold")
    if not isinstance(threshold, int) or isinstance(threshold, bool) or not SCALE_LOW <= threshold <= SCALE_HIGH:
        raise _bad(QT_TRANSLATE_NOOP("errors", "A threshold is a whole number from 0 to 100"), "threshold")
    tag = data.get("tag")
    tag = " ".join(tag.replace(",", " ").split()).casefold() if isinstance(tag, str) else ""
    if not tag or len(tag) > TAG_MAX:
        raise _bad(QT_TRANSLATE_NOOP("errors", "A rule needs the tag of the treatments it suggests "
                                               "(at most {max} characters)"), "tag", max=TAG_MAX)
    return Rule(measure, comparison, threshold, tag)


def rules_value(value: Any) -> list[dict[str, Any]]:
    """Return ``value`` as the setting's stored value, checked (``settings.VALUE_CHECKS``).

    Raises:
        BadInput: not a list of at most ``RULES_MAX`` rules, a bad rule, or too large.
    """
    if not isinstance(value, list) or len(value) > RULES_MAX:
        raise _bad(QT_TRANSLATE_NOOP("errors", "The suggestion rules must be a list of at most {max} rules"),
                   "rules", max=RULES_MAX)
    stored = [rule_from_json(item).as_json() for item in value]
    if len(json.dumps(stored, ensure_ascii=False).encode("utf-8")) > MAX_JSON_BYTES:
        raise _bad(QT_TRANSLATE_NOOP("errors", "The suggestion rules take too much room: remove some"), "rules")
    return stored


def stored_rules(value: Any) -> tuple[Rule, ...]:
    """Return the rules in force for a stored setting value (``None``: the defaults).

    A rule this version cannot read (one a newer terminal wrote) is left out.
    """
    if value is None:
        return DEFAULT_RULES
    rules: list[Rule] = []
    for item in value if isinstance(value, list) else ():
        try:
            rules.append(rule_from_json(item))
        except BadInput:
            continue
    return tuple(rules)
