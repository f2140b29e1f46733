"""A refund takes back the points its sale earned, and the tier they reached, on a real SQLite terminal.

What a manager checks after refunding a member's sale: the member's tier
(the loyalty panel, the counter's discount), the recorded tier changes,
and the nightly job agreeing with both. On lifetime points a tier reached
only through the refunded sale falls at once; a partial refund that leaves
her above the threshold keeps it; on the last 12 months she keeps the tier
until the end of the month, as when points age.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from bnaura_desk.domain.loyalty_program import DEFAULT_PROGRAM, Qualification
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.points import EntryKind, PointsSource
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.services import counter, loyalty, refunds, settings
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.daily_jobs import recorded_order
from bnaura_desk.store.models import LoyaltyJobMark, PointsEntry, TierChange
from bnaura_desk.terminal import Terminal
from tests.conftest import Staffed
from tests.services.test_counter import member, shop  # noqa: F401 (the fixture)
from tests.services.test_refunds import line_ids

CASH, TRANSFER = PaymentMethod.CASH, PaymentMethod.TRANSFER


def tier(s: Staffed, customer_id: str) -> str:
    return s.terminal.read(loyalty.points_summary, customer_id, s.clock()).tier.key


def changes(s: Staffed, customer_id: str) -> list[tuple[str, str, str]]:
    """The member's recorded tier changes, in the order whose last is her recorded tier."""
    return s.terminal.read(lambda session: [(c.from_tier, c.to_tier, c.period) for c in session.scalars(
        select(TierChange).where(TierChange.customer_id == customer_id).order_by(*recorded_order()))])


def nightly(s: Staffed) -> int:
    """Run the daily jobs; return how many tier changes they recorded."""
    report = s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result
    assert isinstance(report, loyalty.DailyReport)
    return report.tier_changes


def nightly_from_scratch(path: Path, now: datetime) -> int:
    """Run the daily jobs on a copy of the terminal with no marks (one pass over every member)."""
    copy = path.with_name("copy.sqlite")
    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    source.backup(target)
    target.close()
    source.close()
    with Terminal.open(copy, clock=lambda: now) as terminal:
        terminal.read(lambda session: (session.execute(delete(LoyaltyJobMark)), session.commit()))
        report = terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result
    return int(report.tier_changes)


@pytest.fixture
def silver_to_gold(staffed: Staffed, shop: dict[str, str]) -> tuple[str, counter.SaleDone]:  # noqa: F811
    """A Silver member (2,600 lifetime points) who reaches Gold through one sale of ฿5,428 earning 814 points.

    The sale also unlocks the First Purchase achievement (100 points): 3,514 in all.
    """
    s = staffed
    somying = member(s, 2_500)  # with her welcome 100: 2,600, Silver (8 % off, 1.5× points)
    assert tier(s, somying) == "silver"
    assert nightly(s) == 0  # the job has run: from now on it looks only at what changed
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    done = s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, 542_800),), customer_id=somying),
                          actor=s.front_desk).result
    assert done.points_earned == 814  # ฿5,900 less 8 %: ฿5,428, 1.5 points per ฿10
    assert tier(s, somying) == "gold"
    return somying, done


def test_a_member_who_reached_gold_through_a_sale_falls_back_to_silver_when_it_is_refunded_in_full(
        staffed: Staffed, shop: dict[str, str], silver_to_gold: tuple[str, counter.SaleDone]) -> None:  # noqa: F811
    s = staffed
    somying, sale = silver_to_gold
    s.clock.advance(hours=1)
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ลูกค้าเปลี่ยนใจ",
                          actor=s.manager).result
    assert done.points_taken == 814
    summary = s.terminal.read(loyalty.points_summary, somying, s.clock())
    # 3,514 earned less the sale's 814: 2,700, below Gold's 3,000.
    assert (summary.tier.key, summary.qualifying, summary.to_next_tier) == ("silver", 2_700, 300)
    assert summary.statement.lifetime_earned == 3_514 and summary.statement.refunded == 814
    assert changes(s, somying) == [("bronze", "silver", "2026-11"), ("silver", "gold", "2026-11"),
                                   ("gold", "silver", "2026-11")]
    # The counter prices her next treatment at Silver: 8 % off, not Gold's 10 %.
    quote = s.terminal.read(counter.quote, counter.Order((counter.OrderLine(shop["facial"]),), (),
                                                         customer_id=somying), s.clock())
    assert quote.tier == "silver"
    # The nightly job agrees, from its marks and from scratch.
    assert nightly(s) == 0
    assert nightly_from_scratch(s.terminal.path, s.clock()) == 0


def test_a_partial_refund_that_leaves_her_above_the_threshold_keeps_gold(
        staffed: Staffed, silver_to_gold: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    somying, sale = silver_to_gold
    ids = line_ids(s, sale.sale_id)
    serum = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(ids["เซรั่มวิตามินซี"], 1)], TRANSFER,
                           "แพ้เซรั่ม", actor=s.manager).result
    assert serum.points_taken == 165  # 814 × ฿1,104 / ฿5,428
    summary = s.terminal.read(loyalty.points_summary, somying, s.clock())
    assert (summary.tier.key, summary.qualifying) == ("gold", 3_349)
    assert changes(s, somying)[-1] == ("silver", "gold", "2026-11")
    assert nightly(s) == 0
    # The treatment too (counted with the serum before it, rounded down): 3,349 - 483 = 2,866, below Gold's 3,000.
    facial = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(ids["ทรีทเมนต์หน้าใส"], 1)], TRANSFER,
                            "ยกเลิกคอร์ส", actor=s.manager).result
    assert facial.points_taken == 483
    assert tier(s, somying) == "silver"
    assert changes(s, somying)[-1] == ("gold", "silver", "2026-11")
    assert nightly(s) == 0
    assert nightly_from_scratch(s.terminal.path, s.clock()) == 0


def test_a_refund_pulled_from_another_terminal_makes_the_nightly_job_record_the_fall(
        staffed: Staffed, silver_to_gold: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    somying, _ = silver_to_gold
    assert nightly(s) == 0  # the sale's rise was recorded by the sale; the job's mark is past it

    def pulled(session: object) -> None:
        # The refund's take-back as the sync client inserts it: a row, with no use case of ours.
        at = s.clock.now - timedelta(minutes=5)
        session.add(PointsEntry(  # type: ignore[attr-defined]
            id="0190bbbb-0000-7000-8000-000000000001", chain_id=s.terminal.chain().id, customer_id=somying,
            kind=str(EntryKind.SPEND), points=814, source=str(PointsSource.REFUND), reason="C00001-2611-000001",
            at=at, expires_at=None, staff_id=None, hlc=f"{int(at.timestamp() * 1000):013d}.00000.other"))
        session.commit()  # type: ignore[attr-defined]

    s.terminal.read(pulled)
    assert tier(s, somying) == "silver"
    assert nightly(s) == 1
    assert changes(s, somying)[-1] == ("gold", "silver", "2026-11")
    assert nightly(s) == 0


def test_a_fall_then_a_rise_in_one_month_leaves_the_rise_recorded_last(
        staffed: Staffed, shop: dict[str, str], silver_to_gold: tuple[str, counter.SaleDone]) -> None:  # noqa: F811
    s = staffed
    somying, sale = silver_to_gold
    s.clock.advance(days=10)  # December: her Gold was recorded in November
    s.terminal.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ลูกค้าเปลี่ยนใจ", actor=s.manager)
    assert tier(s, somying) == "silver"
    again = s.terminal.run(counter.checkout, counter.Order(
        (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["facial"])), (Tender(CASH, 644_000),),
        customer_id=somying), actor=s.front_desk).result
    assert again.points_earned == 966 and tier(s, somying) == "gold"
    assert changes(s, somying)[-2:] == [("gold", "silver", "2026-12"), ("silver", "gold", "2026-12")]
    assert nightly(s) == 0
    assert nightly_from_scratch(s.terminal.path, s.clock()) == 0


def test_on_rolling_months_a_refund_lowers_the_tier_at_the_end_of_the_month(
        staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    rolling = replace(DEFAULT_PROGRAM, qualification=Qualification.ROLLING)
    s.terminal.run(settings.set_loyalty_program, rolling, actor=s.manager)
    somying = member(s, 2_500)
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    sale = s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, 542_800),), customer_id=somying),
                          actor=s.front_desk).result
    assert tier(s, somying) == "gold"
    s.terminal.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ลูกค้าเปลี่ยนใจ", actor=s.manager)
    summary = s.terminal.read(loyalty.points_summary, somying, s.clock())
    # 2,700 points count now, but she was Gold this month: she keeps it until its end.
    assert (summary.tier.key, summary.qualifying) == ("gold", 2_700)
    assert nightly(s) == 0
    s.clock.now = datetime(2026, 11, 30, 16, 59, tzinfo=UTC)  # 23:59 on 30 November in Bangkok
    assert tier(s, somying) == "gold" and nightly(s) == 0
    s.clock.now = datetime(2026, 11, 30, 17, 1, tzinfo=UTC)  # 00:01 on 1 December
    assert tier(s, somying) == "silver"
    assert nightly(s) == 1
    assert changes(s, somying)[-1] == ("gold", "silver", "2026-12")
    assert nightly(s) == 0


def test_a_rise_already_recorded_this_month_is_recorded_again_next_month(
        staffed: Staffed, shop: dict[str, str], silver_to_gold: tuple[str, counter.SaleDone]) -> None:  # noqa: F811
    # An exchange: the sale that made her Gold is refunded and she buys again, the same month. Her
    # tier is Gold at once; but a change's id follows from member, both tiers and month, so this
    # month's Silver to Gold, recorded by the first sale, cannot be recorded a second time.
    s = staffed
    somying, sale = silver_to_gold
    s.terminal.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "เปลี่ยนสินค้า", actor=s.manager)
    s.terminal.run(counter.checkout, counter.Order(
        (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["facial"])), (Tender(CASH, 644_000),),
        customer_id=somying), actor=s.front_desk)
    assert tier(s, somying) == "gold"
    assert changes(s, somying)[-1] == ("gold", "silver", "2026-11")
    assert nightly(s) == 0
    s.clock.now = datetime(2026, 11, 30, 17, 1, tzinfo=UTC)  # 00:01 on 1 December
    assert nightly(s) == 1
    assert changes(s, somying)[-1] == ("silver", "gold", "2026-12")
    assert nightly(s) == 0
    assert nightly_from_scratch(s.terminal.path, s.clock()) == 0
