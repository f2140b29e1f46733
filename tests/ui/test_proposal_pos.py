"""A journey's proposal opened at the POS in one action, paid, and the journey's payment confirmed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.proposals import ProposalLine
from bnaura_desk.services import journeys, proposals
from bnaura_desk.store.models import Journey, Sale
from tests.conftest import Staffed
from tests.ui.test_counter import (  # noqa: F401  (fixtures)
    cart_rows,
    desk,
    manager_approves,
    open_shift,
    payment_dialog,
    screen,
    settle,
    shop,
    wait_priced,
)
from ui.counter.screen import CounterScreen


def _proposed(s: Staffed, shop: dict[str, str]) -> str:  # noqa: F811 (the fixture's value)
    """Sales propose her a facial at ฿3,000 (฿500 below the price) and two serums; return the journey."""
    journey = str(s.terminal.run(journeys.open_journey, shop["member"], title="ผิวหมอง", actor=s.sales).result)
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.sales)
    s.terminal.run(proposals.make_proposal, journey, [ProposalLine(shop["facial"], 1, 300_000),
                                                      ProposalLine(shop["serum"], 2, 120_000)], actor=s.sales)
    return journey


def test_open_proposal_makes_the_cart_and_paying_it_confirms_the_journey(
        screen: CounterScreen, qtbot, staffed_copy: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed_copy
    journey = _proposed(s, shop)
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    assert screen.proposal_button.text() == "เปิดใบเสนอ…"
    # "Open proposal…": her plan is listed with its total; Enter opens it.
    screen.proposal_button.click()
    qtbot.waitUntil(lambda: screen.proposal_picker is not None and screen.proposal_picker.list.count() == 1)
    picker = screen.proposal_picker
    assert picker is not None
    assert "สมหญิง ใจดี" in picker.list.item(0).text() and "฿5,400.00" in picker.list.item(0).text()
    picker.open_button.click()
    qtbot.waitUntil(lambda: screen.member is not None)
    wait_priced(screen, qtbot)
    # The cart: the plan's items and quantities, the facial at the proposed price (a line discount), her tier.
    rows = cart_rows(screen)
    assert [r[:2] for r in rows if not r[0].startswith("  ")] == [("ทรีทเมนต์หน้าใส", "1"), ("เซรั่มวิตามินซี", "2")]
    assert ("  ส่วนลด: ราคาตามใบเสนอ", "-500.00") in [r[:2] for r in rows]
    assert "สมหญิง ใจดี" in screen.member_picker.attached.text()
    assert screen.totals.text_of("subtotal") == "฿5,900.00"
    total = screen.totals.text_of("total")
    assert total == "฿4,860.00"  # ฿3,000 + ฿2,400, less her Gold 10 %
    assert screen.message.isVisible() and "สมหญิง ใจดี" in screen.message.text()

    # Paid in exact cash; the proposed price is 14 % off the facial, above the 10 % a cashier may give:
    # a manager approves it as any discount. The sale is linked to her journey, now at payment confirmed.
    dialog = payment_dialog(screen, qtbot)
    assert dialog.due_label.text() == total
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    manager_approves(qtbot, s)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)
    row = s.terminal.read(lambda session: session.get(Journey, journey))
    sale = s.terminal.read(lambda session: session.scalars(select(Sale.id)).one())
    assert row is not None and (row.stage, row.sale_id) == (Stage.PAYMENT_CONFIRMED, sale)
    assert screen.draft.journey is None and screen.draft.empty  # the next sale starts clean
