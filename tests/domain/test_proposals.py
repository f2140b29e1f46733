"""Proposal lines as plain functions: totals and the checks of each line."""

from __future__ import annotations

import pytest

from bnaura_desk.domain.errors import BadInput, DeskError, NotFound
from bnaura_desk.domain.proposals import ItemFacts, ProposalLine, check_lines, total_satang

FACTS = {"facial": ItemFacts("ทรีทเมนต์หน้าใส", True), "old": ItemFacts("เลเซอร์รุ่นเก่า", False)}


def _refusal(error: type[DeskError], lines: list[ProposalLine]) -> str:
    with pytest.raises(error) as refused:
        check_lines(lines, FACTS)
    return refused.value.render()


def test_the_total_is_quantity_times_price_summed() -> None:
    lines = [ProposalLine("facial", 3, 350_000), ProposalLine("facial", 1, 0)]
    assert total_satang(lines) == 1_050_000
    assert total_satang([]) == 0
    check_lines(lines, FACTS)  # a free line is a good line


def test_a_line_round_trips_through_its_record() -> None:
    line = ProposalLine("facial", 2, 99_000)
    assert ProposalLine.from_record(line.as_record()) == line


def test_each_bad_line_is_refused_naming_its_number() -> None:
    good = ProposalLine("facial", 1, 350_000)
    assert "at least one" in _refusal(BadInput, [])
    assert _refusal(NotFound, [good, ProposalLine("ghost", 1, 100)]) == "Line 2: this item is not in the catalog"
    assert "Line 1: เลเซอร์รุ่นเก่า is not sold" in _refusal(BadInput, [ProposalLine("old", 1, 100)])
    assert "quantity" in _refusal(BadInput, [good, ProposalLine("facial", 0, 100)])
    assert "price" in _refusal(BadInput, [ProposalLine("facial", 1, -1)])
    assert "at most" in _refusal(BadInput, [good] * 51)
