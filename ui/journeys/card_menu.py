"""A kanban card's context menu: the work that links a journey to a proposal, the POS and the day view.

- **Proposal…**: the plan editor (``proposal_dialog``); saving a plan of a
  scanned journey moves it to "Proposal sent".
- **Open at POS**: the journey's plan on offer becomes the counter's cart
  (``CounterScreen.open_proposal``); paying it confirms the payment stage.
- **Book treatment…**: the day view books for this journey
  (``DayViewScreen.book_for_journey``); the booking moves it to
  "Treatment scheduled".

The board only asks: ``JourneyBoard.openAtPos`` and ``bookTreatment`` are
connected to those screens by the main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu

from bnaura_desk.domain.journeys import OPEN, Stage
from bnaura_desk.services.journey_board import BoardCard

from .proposal_dialog import ProposalDialog

if TYPE_CHECKING:
    from .board import JourneyBoard, StageColumn

# Where each action is offered: a plan is made from the scan until the payment is confirmed.
PROPOSING = frozenset({Stage.LEAD_CREATED, Stage.SCANNED, Stage.PROPOSAL_SENT})


def install(board: JourneyBoard, column: StageColumn) -> None:
    """Give ``column``'s cards the context menu (right click, or the menu key on the selected card)."""
    column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    column.view.customContextMenuRequested.connect(lambda pos: show_menu(board, column, pos))


def card_menu(board: JourneyBoard, card: BoardCard) -> QMenu:
    """Return the menu of ``card`` (its actions enabled where its stage allows them)."""
    menu = QMenu(board)
    menu.setObjectName("kanbanCardMenu")
    propose = menu.addAction(QCoreApplication.translate("Journeys", "Proposal…"))
    propose.setObjectName("kanbanPropose")
    propose.setEnabled(card.stage in PROPOSING)
    propose.triggered.connect(lambda: open_proposal_dialog(board, card))
    at_pos = menu.addAction(QCoreApplication.translate("Journeys", "Open at POS"))
    at_pos.setObjectName("kanbanOpenAtPos")
    at_pos.setEnabled(card.stage is Stage.PROPOSAL_SENT)
    at_pos.triggered.connect(lambda: board.openAtPos.emit(card.id))
    book = menu.addAction(QCoreApplication.translate("Journeys", "Book treatment…"))
    book.setObjectName("kanbanBook")
    book.setEnabled(card.stage is Stage.PAYMENT_CONFIRMED)
    book.triggered.connect(lambda: board.bookTreatment.emit(card.id, card.journey.customer_id,
                                                            card.journey.customer_name))
    if card.stage not in OPEN:
        for action in menu.actions():
            action.setEnabled(False)
    return menu


def show_menu(board: JourneyBoard, column: StageColumn, pos: QPoint) -> None:
    card = column.model.card(column.view.indexAt(pos))
    if card is None:
        return
    column.view.setCurrentIndex(column.view.indexAt(pos))
    menu = card_menu(board, card)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(column.view.viewport().mapToGlobal(pos))


def open_proposal_dialog(board: JourneyBoard, card: BoardCard) -> ProposalDialog:
    """Open the plan editor for ``card``'s journey; the board says so when a plan is saved."""
    dialog = ProposalDialog(board.runner, card.id, card.journey.customer_id, card.journey.customer_name, board)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: board.message.setText(
        QCoreApplication.translate("Journeys", "Proposal saved for {customer}.").format(customer=card.journey.customer_name)))
    dialog.finished.connect(lambda _result: setattr(board, "proposal_dialog", None))
    board.proposal_dialog = dialog
    dialog.open()
    return dialog
