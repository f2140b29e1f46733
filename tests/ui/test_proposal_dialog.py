"""A journey's proposal made from its kanban card, through the real dialog; then the card offers the POS."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import ConsentPurpose
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import catalog, customers, proposals, scans
from bnaura_desk.store.models import Journey
from tests.ui.test_customers import type_text
from tests.ui.test_kanban import board, ids, stage_in_db  # noqa: F401  (a fixture)
from ui.journeys import card_menu


def test_a_plan_made_from_the_scanned_card_sends_the_proposal(board, qtbot) -> None:  # noqa: F811
    widget, made = board
    s = made["staffed"]
    s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="เลเซอร์ฝ้า", price_satang=250_000,
                                                 vat_exempt=True, duration_minutes=45), actor=s.manager)
    card = widget.card_of(made["scanned"])
    assert card is not None
    menu = card_menu.card_menu(widget, card)
    entries = {a.objectName(): a for a in menu.actions()}
    assert (entries["kanbanPropose"].text(), entries["kanbanPropose"].isEnabled()) == ("ใบเสนอ…", True)
    assert not entries["kanbanOpenAtPos"].isEnabled()  # nothing proposed yet
    entries["kanbanPropose"].trigger()
    dialog = widget.proposal_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    # Find the laser, add it with Enter; two sessions at ฿2,200 each.
    type_text(qtbot, dialog.search, "เลเซอร์")
    qtbot.waitUntil(lambda: dialog.hits.count() == 1, timeout=3_000)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1
    quantity, price = dialog.table.cellWidget(0, 1), dialog.table.cellWidget(0, 2)
    assert isinstance(quantity, QSpinBox) and isinstance(price, QDoubleSpinBox)
    assert price.value() == 2_500  # the branch's price to start with
    quantity.setValue(2)
    price.setValue(2_200)
    assert dialog.total.text() == "รวม ฿4,400.00"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and widget.proposal_dialog is None)
    assert stage_in_db(widget, made["scanned"]) == Stage.PROPOSAL_SENT
    qtbot.waitUntil(lambda: made["scanned"] in ids(widget, Stage.PROPOSAL_SENT))
    plan = s.terminal.read(proposals.proposal_for, made["scanned"])
    assert plan is not None and [(line.name_th, line.quantity, line.price_satang) for line in plan.lines] == [
        ("เลเซอร์ฝ้า", 2, 220_000)]
    # Its card now offers the POS, which the main window opens with the plan as the cart.
    moved = widget.card_of(made["scanned"])
    assert moved is not None
    at_pos = {a.objectName(): a for a in card_menu.card_menu(widget, moved).actions()}["kanbanOpenAtPos"]
    assert at_pos.isEnabled()
    with qtbot.waitSignal(widget.openAtPos) as asked:
        at_pos.trigger()
    assert asked.args == [made["scanned"]]


def test_a_plan_with_nothing_in_it_cannot_be_saved(board, qtbot) -> None:  # noqa: F811
    widget, made = board
    card = widget.card_of(made["lead"])
    assert card is not None
    dialog = card_menu.open_proposal_dialog(widget, card)
    qtbot.waitUntil(lambda: widget.runner.pending() == 0)
    assert not dialog.save_button.isEnabled()
    dialog.reject()
    assert widget.proposal_dialog is None


def test_the_scan_suggests_the_treatments_tagged_for_it_with_the_reason(board, qtbot, tmp_path) -> None:  # noqa: F811
    widget, made = board
    s = made["staffed"]
    s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="เลเซอร์ฝ้า", price_satang=250_000, vat_exempt=True, duration_minutes=45,
        tags=("pigmentation",)), actor=s.manager)
    s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์สิว", price_satang=120_000, vat_exempt=True, duration_minutes=45,
        tags=("acne",)), actor=s.manager)
    customer = s.terminal.read(lambda session: session.get(Journey, made["scanned"]).customer_id)
    s.terminal.run(customers.record_consent, customer, ConsentPurpose.SKIN_SCAN_PHOTOS, True, actor=s.front_desk)
    s.terminal.run(scans.record_scan, customer, {"pigmentation": 72, "acne": 20}, "", [],
                   images=ImageStore.beside(s.terminal.path), actor=s.sales)
    card = widget.card_of(made["scanned"])
    assert card is not None
    dialog = card_menu.open_proposal_dialog(widget, card)
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and dialog.suggested.count() == 1)
    # Pigmentation above 60 suggests the laser tagged for it (acne 20 suggests nothing), with the reason.
    entry = dialog.suggested.item(0)
    assert entry.text().startswith("เลเซอร์ฝ้า · ฿2,500.00 · เพราะ ")
    assert entry.text().endswith("72 > 60") and "เม็ดสี" in entry.text()
    dialog.suggested.itemActivated.emit(entry)
    assert dialog.table.rowCount() == 1 and dialog.total.text() == "รวม ฿2,500.00"
    dialog.reject()
