"""The journeys kanban on a real terminal: counts, drag and drop (legal and illegal), keys, the bus, the timeline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.services import customers, journeys
from bnaura_desk.store.models import Journey, JourneyAction
from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.i18n import LanguageSwitcher
from ui.journeys.board import JourneyBoard
from ui.journeys.delegate import card_lines
from ui.journeys.model import journey_mime
from ui.runner import DeskRunner

NAMES = {"lead": ("สมหญิง ใจดี", "0812345678"), "lead2": ("มาลี สวยงาม", "0823456789"),
         "scanned": ("วันดี มีสุข", "0834567890"), "proposal": ("ชื่นใจ รักสวย", "0845678901")}


@pytest.fixture
def board(qtbot, staffed_copy: Staffed, languages: LanguageSwitcher) -> Iterator[tuple[JourneyBoard, dict[str, Any]]]:
    s = staffed_copy
    t = s.terminal
    made: dict[str, Any] = {"staffed": s}
    for key, (name, phone) in NAMES.items():
        customer = t.run(customers.register_customer, CustomerForm(name_th=name, phone=phone), actor=s.front_desk).result
        made[key] = t.run(journeys.open_journey, customer, title="ฝ้า กระ", actor=s.sales).result
    t.run(journeys.move_journey, made["scanned"], Stage.SCANNED, actor=s.sales)
    t.run(journeys.move_journey, made["proposal"], Stage.SCANNED, actor=s.sales)
    t.run(journeys.move_journey, made["proposal"], Stage.PROPOSAL_SENT, actor=s.sales)
    s.clock.advance(days=3)  # the leads have waited longer than two days: overdue
    runner = DeskRunner(t, ChangeBus())
    runner.actor = s.sales
    widget = JourneyBoard(runner)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitUntil(lambda: runner.pending() == 0 and widget.loaded)
    yield widget, made
    qtbot.waitUntil(lambda: runner.pending() == 0)
    runner.shutdown()


def ids(widget: JourneyBoard, stage: Stage) -> list[str]:
    return [c.id for c in widget.columns[stage].model.cards()]


def actions(widget: JourneyBoard) -> int:
    return widget.runner.terminal.read(lambda s: s.scalar(select(func.count()).select_from(JourneyAction)))


def stage_in_db(widget: JourneyBoard, journey_id: str) -> str:
    return widget.runner.terminal.read(lambda s: s.get(Journey, journey_id).stage)


def test_columns_show_their_cards_with_counts_and_overdue_marks(board, qtmodeltester) -> None:
    widget, made = board
    assert ids(widget, Stage.LEAD_CREATED) == [made["lead"], made["lead2"]]
    assert ids(widget, Stage.SCANNED) == [made["scanned"]]
    assert ids(widget, Stage.PROPOSAL_SENT) == [made["proposal"]]
    lead = widget.columns[Stage.LEAD_CREATED]
    assert lead.title.text() == "ลูกค้าใหม่ (2) · เกินเวลา 2"
    assert widget.columns[Stage.SCANNED].title.text() == "สแกนผิวแล้ว (1) · เกินเวลา 1"  # one day limit, 3 days in it
    card = lead.model.cards()[0]
    assert card.overdue
    name, about, people = card_lines(card)
    assert (name, about) == ("สมหญิง ใจดี", "ฝ้า กระ") and people.startswith("น้องเซลส์ · 3 วัน")
    qtmodeltester.check(lead.model)
    # Every card is painted by the delegate at the same size (no widget per card).
    assert lead.view.uniformItemSizes() and lead.view.indexWidget(lead.model.index(0)) is None


def test_dropping_a_card_on_the_next_stage_moves_it(board, qtbot) -> None:
    widget, made = board
    source, target = widget.columns[Stage.LEAD_CREATED].model, widget.columns[Stage.SCANNED].model
    mime = source.mimeData([source.index(source.row_of(made["lead"]))])
    assert target.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert not target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())  # Qt moves nothing itself
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and made["lead"] in ids(widget, Stage.SCANNED))
    assert ids(widget, Stage.LEAD_CREATED) == [made["lead2"]]
    assert stage_in_db(widget, made["lead"]) == "scanned"
    assert widget.columns[Stage.SCANNED].title.text() == "สแกนผิวแล้ว (2) · เกินเวลา 1"  # the moved card is not
    assert widget.message.text() == "สมหญิง ใจดี: เลื่อนไปที่ สแกนผิวแล้ว แล้ว"


def test_an_illegal_drop_snaps_back_with_the_reason_and_writes_nothing(board, qtbot) -> None:
    widget, made = board
    before = actions(widget)
    target = widget.columns[Stage.PROPOSAL_SENT].model
    target.dropMimeData(journey_mime(made["lead"], Stage.LEAD_CREATED), Qt.DropAction.MoveAction, -1, -1,
                        QModelIndex())
    assert widget.message.text() == "เคสเลื่อนไปข้างหน้าได้ทีละขั้น ผู้จัดการจึงจะย้อนขั้นหรือเปิดเคสอีกครั้งได้"
    assert made["lead"] in ids(widget, Stage.LEAD_CREATED) and made["lead"] not in ids(widget, Stage.PROPOSAL_SENT)
    # Payment confirmed needs a paid sale: refused before anything is asked or written.
    widget.columns[Stage.PAYMENT_CONFIRMED].model.dropMimeData(
        journey_mime(made["proposal"], Stage.PROPOSAL_SENT), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert widget.message.text() == "เลือกรายการขายของลูกค้ารายนี้ที่ชำระเงินแล้วเพื่อยืนยันการชำระเงิน"
    assert widget.runner.pending() == 0 and actions(widget) == before
    assert stage_in_db(widget, made["proposal"]) == "proposal_sent"


def test_ctrl_right_moves_the_selected_card_to_the_next_stage(board, qtbot) -> None:
    widget, made = board
    view = widget.columns[Stage.SCANNED].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and made["scanned"] in ids(widget, Stage.PROPOSAL_SENT))
    assert stage_in_db(widget, made["scanned"]) == "proposal_sent"
    moved = widget.columns[Stage.PROPOSAL_SENT].view
    assert moved.model().card(moved.currentIndex()).id == made["scanned"]  # still selected: Ctrl+→ again goes on


def test_cancelling_asks_the_reason(board, qtbot) -> None:
    widget, made = board
    widget.columns[Stage.CANCELLED].model.dropMimeData(
        journey_mime(made["lead2"], Stage.LEAD_CREATED), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    dialog = widget.reason_dialog
    assert dialog is not None and not dialog.ok.isEnabled()
    dialog.text.setText("ลูกค้าไม่สะดวก")
    dialog.ok.click()
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and made["lead2"] in ids(widget, Stage.CANCELLED))
    assert stage_in_db(widget, made["lead2"]) == "cancelled"


def test_a_move_from_another_terminal_moves_the_card_through_the_bus(board, qtbot) -> None:
    widget, made = board
    s = made["staffed"]
    # What sync's puller does: the change is applied, then announced on the bus.
    changes = s.terminal.run(journeys.move_journey, made["lead"], Stage.SCANNED, actor=s.sales)
    assert made["lead"] in ids(widget, Stage.LEAD_CREATED)
    widget.runner.bus.announce(changes, None)
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and made["lead"] in ids(widget, Stage.SCANNED))
    assert made["lead"] not in ids(widget, Stage.LEAD_CREATED)


def test_filters_by_text_and_owner(board, qtbot) -> None:
    widget, made = board
    widget.search.setText("0834")
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and sum(
        c.model.rowCount() for c in widget.columns.values()) == 1)
    assert ids(widget, Stage.SCANNED) == [made["scanned"]]
    widget.search.clear()
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and ids(widget, Stage.LEAD_CREATED) != [])
    manager = str(made["staffed"].manager.staff_id)
    qtbot.waitUntil(lambda: widget.owner.findData(manager) >= 0)
    widget.owner.setCurrentIndex(widget.owner.findData(manager))
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and all(
        c.model.rowCount() == 0 for c in widget.columns.values()))  # the manager owns none


def test_opening_a_card_shows_its_timeline(board, qtbot) -> None:
    widget, _made = board
    view = widget.columns[Stage.PROPOSAL_SENT].view
    view.activated.emit(view.model().index(0, 0))  # Enter or a double-click
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and widget.timeline.count() == 2)
    assert widget.timeline_panel.isVisible()
    assert "ชื่นใจ รักสวย" in widget.timeline_title.text()
    first = widget.timeline.item(0).text()
    assert "ลูกค้าใหม่ → สแกนผิวแล้ว" in first and "น้องเซลส์" in first


def test_the_shell_shows_journeys_to_sales_not_to_the_front_desk(qtbot, staffed_copy: Staffed, languages) -> None:
    from tests.ui.conftest import sign_in
    from ui import app as ui_app

    s = staffed_copy
    window = ui_app.create_main_window(s.terminal, languages)
    qtbot.addWidget(window)
    window.show()
    item = next(window.navigation.item(i) for i in range(window.navigation.count())
                if window.navigation.item(i).text() == "เคสลูกค้า")
    try:
        sign_in(qtbot, window, str(s.sales.staff_id), s.pins["sales"])
        assert not item.isHidden()
        page = window.show_screen("journeys")
        assert isinstance(page, JourneyBoard)
        qtbot.waitUntil(lambda: window.runner.pending() == 0 and page.loaded)
        window.switch_user()
        sign_in(qtbot, window, str(s.front_desk.staff_id), s.pins["front_desk"])
        assert item.isHidden() and window.current_key != "journeys"
    finally:
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()


def test_moving_back_asks_the_reason_then_a_managers_pin(board, qtbot) -> None:
    from ui.override import OverrideDialog

    widget, made = board
    s = made["staffed"]
    view = widget.columns[Stage.PROPOSAL_SENT].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    dialog = widget.reason_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.text.setText("ลูกค้าขอสแกนใหม่")
    dialog.ok.click()

    def approval() -> OverrideDialog | None:
        shown = [d for d in widget.findChildren(OverrideDialog) if d.isVisible() and d.loaded]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: approval() is not None)
    pin = approval()
    assert pin is not None
    pin.select(str(s.manager.staff_id))
    qtbot.keyClicks(pin.pin, s.pins["manager"])
    qtbot.keyClick(pin.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and made["proposal"] in ids(widget, Stage.SCANNED))
    assert stage_in_db(widget, made["proposal"]) == "scanned"
    last = widget.runner.terminal.read(lambda session: session.scalars(
        select(JourneyAction).where(JourneyAction.journey_id == made["proposal"])
        .order_by(JourneyAction.hlc.desc())).first())
    assert (last.note, last.approved_by) == ("ลูกค้าขอสแกนใหม่", str(s.manager.staff_id))


def test_a_new_journey_from_the_board(board, qtbot) -> None:
    widget, _made = board
    widget.new_button.click()
    dialog = widget.new_dialog
    assert dialog is not None
    dialog.open_button.click()
    assert dialog.error.text() == "ค้นหาและเลือกลูกค้าก่อน"
    qtbot.keyClicks(dialog.search, "0812")
    qtbot.waitUntil(lambda: dialog.hits.count() == 1)
    dialog.title.setText("สิวอักเสบ")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: dialog.opened is not None)
    opened = dialog.opened
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and opened in ids(widget, Stage.LEAD_CREATED))
    view = widget.columns[Stage.LEAD_CREATED].view
    assert view.model().card(view.currentIndex()).id == opened  # selected: Ctrl+→ moves it on
    assert widget.message.text() == "เปิดเคสแล้ว"


def test_the_board_speaks_english_after_a_language_switch(board, languages, qtbot) -> None:
    widget, _made = board
    languages.set_language("en", save=False)
    lead = widget.columns[Stage.LEAD_CREATED]
    qtbot.waitUntil(lambda: lead.title.text().startswith("Lead"))
    assert lead.title.text() == "Lead created (2) · 2 overdue"
    name, _about, people = card_lines(lead.model.cards()[0])
    assert name == "สมหญิง ใจดี" and people.startswith("น้องเซลส์ · 3 d 0 h")
