"""The journeys kanban: a column per stage, cards painted by a delegate, drag and drop and keys to move.

One read (``services.journey_board.journey_board``) on the database worker
feeds every column's ``StageModel``. Reloads are coalesced: at most one
read is in flight; asked again meanwhile, the board reads once more when
it lands, so the latest state wins. The board learns of changes (other
screens', other terminals' through sync) from the change bus only; its own
moves it shows at once when committed, without a read.

A move is judged by ``domain.journeys.judge`` before anything is written:
an illegal drop leaves the card where it was and says why. Cancelling and
moving back ask for the reason; moving back or reopening, when the user is
not a manager, asks a manager's PIN (``ui.override``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.journeys import (
    FLOW,
    MANAGER_ONLY,
    NEEDS_REASON,
    REFUSALS,
    STAGE_LABELS,
    JourneyState,
    Move,
    Refusal,
    Stage,
    judge,
    move_kind,
)
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import journeys
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.journey_board import Board, BoardCard, journey_board
from bnaura_desk.services.journeys import TimelineEntry
from bnaura_desk.services.staff import StaffCard

from ..bus import ChangeBus
from ..override import run_with_override
from ..runner import DeskRunner, translate_error
from ..widgets import format_datetime
from . import card_menu
from .delegate import CARD_SIZE, CardDelegate
from .model import StageModel
from .new_dialog import NewJourneyDialog
from .proposal_dialog import ProposalDialog

_WATCHED = (Kind.JOURNEY, Kind.CUSTOMER, Kind.STAFF, Kind.CATALOG_ITEM)
COLUMNS: tuple[Stage, ...] = (*FLOW, Stage.CANCELLED)
_COLUMN_WIDTH = CARD_SIZE.width() + 22


def stage_label(stage: Stage) -> str:
    return QCoreApplication.translate("journeys", STAGE_LABELS[stage])


class ReasonDialog(QDialog):
    """Asks the reason for cancelling, moving back or reopening a journey (``reason`` once accepted)."""

    def __init__(self, customer: str, to_stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanbanReason")
        self.setWindowTitle(QCoreApplication.translate("Journeys", "Reason"))
        question = QLabel(QCoreApplication.translate("Journeys", "Why does {customer}'s journey move to {stage}?").format(
            customer=customer, stage=stage_label(to_stage)), self)
        question.setWordWrap(True)
        self.text = QLineEdit(self)
        self.text.setObjectName("kanbanReasonText")
        self.text.setMaxLength(500)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    @property
    def reason(self) -> str:
        return self.text.text().strip()


class StageColumn(QFrame):
    """One stage: its title with the count, and its cards."""

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kanbanColumn_{stage}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.stage = stage
        self.model = StageModel(stage, self)
        self.title = QLabel(self)
        self.title.setObjectName("kanbanColumnTitle")
        self.title.setWordWrap(True)
        self.view = QListView(self)
        self.view.setObjectName(f"kanbanCards_{stage}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAccessibleName(stage_label(stage))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.setFixedWidth(_COLUMN_WIDTH)
        self.update_title()

    def update_title(self) -> None:
        count, overdue = self.model.rowCount(), self.model.overdue_count()
        text = QCoreApplication.translate("Journeys", "{stage} ({count})").format(
            stage=stage_label(self.stage), count=count)
        if overdue:
            text += " · " + QCoreApplication.translate("Journeys", "{count} overdue").format(count=overdue)
        self.title.setText(text)


class JourneyBoard(QWidget):
    """The kanban screen (see the module).

    Signals (a card's context menu, ``card_menu``, and the opened card's history; the main window connects them):
        openAtPos(str): the journey's proposal is to become the POS cart.
        bookTreatment(str, str, str): book a treatment for the journey (its id, customer id, customer name).
        scansRequested(str): "Skin scans…" beside an opened card's history, with its customer's id.
    """

    openAtPos = Signal(str)
    bookTreatment = Signal(str, str, str)
    scansRequested = Signal(str)

    def __init__(self, runner: DeskRunner, bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journeyBoard")
        self.runner = runner
        self.loaded = False
        self.board: Board | None = None
        self._stale = False
        self._reading = False
        self._again = False
        self.reason_dialog: ReasonDialog | None = None
        self.timeline_of: str | None = None
        self._to_select: str | None = None  # a journey to select once a read shows it

        self.owner = QComboBox(self)
        self.owner.setObjectName("kanbanOwner")
        self.beautician = QComboBox(self)
        self.beautician.setObjectName("kanbanBeautician")
        for combo, everyone in ((self.owner, QCoreApplication.translate("Journeys", "Every owner")),
                                (self.beautician, QCoreApplication.translate("Journeys", "Every beautician"))):
            combo.addItem(everyone, None)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.since = QDateEdit(self)
        self.since.setObjectName("kanbanSince")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMinimumDate(QDate(2000, 1, 1))
        self.since.setSpecialValueText(QCoreApplication.translate("Journeys", "Any day"))
        self.since.setDate(self.since.minimumDate())
        self.since.dateChanged.connect(lambda _d: self.reload())
        self.search = QLineEdit(self)
        self.search.setObjectName("kanbanSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("Journeys", "Customer name or phone"))
        self._typing = QTimer(self)  # one read after typing pauses, not one per key
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.new_button = QPushButton(QCoreApplication.translate("Journeys", "New journey…"), self)
        self.new_button.setObjectName("kanbanNew")
        self.new_button.clicked.connect(self.new_journey)
        self.new_dialog: NewJourneyDialog | None = None
        self.proposal_dialog: ProposalDialog | None = None
        self.message = QLabel(self)
        self.message.setObjectName("kanbanMessage")
        # A new message must not lay the board out again (a move repaints two columns, not nine).
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.columns: dict[Stage, StageColumn] = {}
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for stage in COLUMNS:
            column = StageColumn(stage, strip)
            column.model.moveRequested.connect(self.request_move)
            column.view.activated.connect(self.open_timeline)
            card_menu.install(self, column)
            self.columns[stage] = column
            row.addWidget(column)
        row.addStretch(1)
        self.board_scroll = QScrollArea(self)
        self.board_scroll.setObjectName("kanbanScroll")
        self.board_scroll.setWidget(strip)
        self.board_scroll.setWidgetResizable(True)
        self.board_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # The timeline of the opened card, beside the board.
        self.timeline_panel = QFrame(self)
        self.timeline_panel.setObjectName("kanbanTimeline")
        self.timeline_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.timeline_panel.setFixedWidth(320)
        self.timeline_title = QLabel(self.timeline_panel)
        self.timeline_title.setWordWrap(True)
        self.timeline = QListWidget(self.timeline_panel)
        self.timeline.setObjectName("kanbanTimelineList")
        self.timeline.setWordWrap(True)
        self.close_timeline = QPushButton(QCoreApplication.translate("Journeys", "Close"), self.timeline_panel)
        self.close_timeline.clicked.connect(self.timeline_panel.hide)
        # The customer's skin scans (their page on the customer screen), for the card whose history is open.
        self.timeline_customer: str | None = None
        self.scans_button = QPushButton(QCoreApplication.translate("Journeys", "Skin scans…"), self.timeline_panel)
        self.scans_button.setObjectName("kanbanScans")
        self.scans_button.clicked.connect(
            lambda: self.scansRequested.emit(self.timeline_customer) if self.timeline_customer else None)
        side = QVBoxLayout(self.timeline_panel)
        side.addWidget(self.timeline_title)
        side.addWidget(self.timeline, 1)
        side.addWidget(self.scans_button)
        side.addWidget(self.close_timeline)
        self.timeline_panel.hide()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(QCoreApplication.translate("Journeys", "Owner"), self))
        filters.addWidget(self.owner)
        filters.addWidget(QLabel(QCoreApplication.translate("Journeys", "Beautician"), self))
        filters.addWidget(self.beautician)
        filters.addWidget(QLabel(QCoreApplication.translate("Journeys", "Opened since"), self))
        filters.addWidget(self.since)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.new_button)
        body = QHBoxLayout()
        body.addWidget(self.board_scroll, 1)
        body.addWidget(self.timeline_panel)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(body, 1)
        hint = QLabel(QCoreApplication.translate(
            "Journeys", "Drag a card to another stage, or Ctrl+→ / Ctrl+← to move the selected card; Enter opens its history."),
            self)
        hint.setObjectName("kanbanHint")
        hint.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(hint)

        self.forward_action = QAction(self)
        self.forward_action.setShortcut(QKeySequence("Ctrl+Right"))
        self.forward_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.forward_action.triggered.connect(lambda: self.move_selected(+1))
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence("Ctrl+Left"))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(lambda: self.move_selected(-1))
        self.addAction(self.forward_action)
        self.addAction(self.back_action)

        # Time in stage and overdue marks move with the clock: read again each minute while shown.
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(lambda: self.reload() if self.isVisible() else None)
        self._minute.start()

        (bus or runner.bus).changed.connect(self._on_changed)
        runner.read(staff_service.list_staff, on_done=self._show_staff, on_error=self._failed)
        self.reload()

    # ------------------------------------------------------------ reading

    def filters(self) -> dict[str, object]:
        """Return the read's filters as the filter row sets them."""
        since = self.since.date()
        opened_since = None if since == self.since.minimumDate() else date(since.year(), since.month(), since.day())
        return {"owner_id": self.owner.currentData(), "beautician_id": self.beautician.currentData(),
                "opened_since": opened_since, "text": self.search.text()}

    def reload(self) -> None:
        """Read the board on the worker; asked while a read is in flight, read once more after it."""
        self._stale = False
        if self._reading:
            self._again = True
            return
        self._reading = True
        self.runner.read(journey_board, self.runner.terminal.clock(), **self.filters(), on_done=self._show,
                         on_error=self._read_failed)

    def _landed(self) -> bool:
        """A read came back: return whether it is the latest (else the next one is on its way)."""
        self._reading = False
        if self._again:
            self._again = False
            self.reload()
            return False
        return True

    def _show(self, board: Board) -> None:
        if not self._landed():
            return
        self.board = board
        for stage, cards in board.columns:
            column = self.columns.get(stage)
            if column is not None:
                selected = self.selected()
                column.model.show(cards)
                column.update_title()
                if selected is not None and selected[0] is column:
                    self._select(selected[1].id)
        if self._to_select is not None and self.card_of(self._to_select) is not None:
            self._select(self._to_select)
            self._to_select = None
        self.loaded = True

    def _read_failed(self, error: BaseException) -> None:
        self._landed()
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(translate_error(error))

    def _show_staff(self, cards: list[StaffCard]) -> None:
        for combo, wanted in ((self.owner, None), (self.beautician, Role.BEAUTICIAN)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for card in cards:
                if wanted is None or card.role is wanted:
                    combo.addItem(card.display_name, card.id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.touches(Kind.STAFF):
            self.runner.read(staff_service.list_staff, on_done=self._show_staff, on_error=self._failed)
        if initiator is self and not any(changes.touches(k) for k in _WATCHED if k is not Kind.JOURNEY):
            return  # our own move: already shown
        if not any(changes.touches(kind) for kind in _WATCHED):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # column titles and cards in the new language
            for column in self.columns.values():
                column.update_title()
                column.view.viewport().update()
        super().changeEvent(event)

    # ------------------------------------------------------------ selection, timeline

    def selected(self) -> tuple[StageColumn, BoardCard] | None:
        """Return the column and card that has the keyboard's attention (the focused column's current card)."""
        focused = self.focusWidget()
        order = sorted(self.columns.values(), key=lambda c: c.view is not focused)
        for column in order:
            card = column.model.card(column.view.currentIndex())
            if card is not None and column.view.selectionModel().isSelected(column.view.currentIndex()):
                return column, card
        return None

    def _select(self, journey_id: str, stage: Stage | None = None) -> None:
        """Select a journey's card (in ``stage``'s column when known) and clear every other selection."""
        for column in self.columns.values():
            row = column.model.row_of(journey_id) if stage is None or column.stage is stage else -1
            if row >= 0:
                index = column.model.index(row)
                column.view.setCurrentIndex(index)
                column.view.scrollTo(index)
                column.view.setFocus(Qt.FocusReason.OtherFocusReason)
            elif column.view.selectionModel().hasSelection():  # only those that show one repaint
                column.view.clearSelection()

    def card_of(self, journey_id: str) -> BoardCard | None:
        """Return the card of a journey on the board, or None."""
        for column in self.columns.values():
            row = column.model.row_of(journey_id)
            if row >= 0:
                return column.model.cards()[row]
        return None

    def open_timeline(self, index: QModelIndex) -> None:
        """Show the history of the card at ``index`` beside the board."""
        model = index.model()
        card = model.card(index) if isinstance(model, StageModel) else None
        if card is None:
            return
        self.timeline_of = card.id
        self.timeline_customer = card.journey.customer_id
        self.timeline_title.setText(QCoreApplication.translate("Journeys", "History of {customer}'s journey").format(
            customer=card.journey.customer_name))
        self.timeline.clear()
        self.timeline_panel.show()
        self.runner.read(journeys.journey_timeline, card.id, on_done=self._show_timeline, on_error=self._failed)

    def _show_timeline(self, entries: list[TimelineEntry]) -> None:
        self.timeline.clear()
        if not entries:
            self.timeline.addItem(QCoreApplication.translate("Journeys", "Opened; not moved yet."))
        for e in entries:
            text = QCoreApplication.translate("Journeys", "{when}: {from_stage} → {to_stage}, by {who}").format(
                when=format_datetime(e.at), from_stage=stage_label(e.from_stage), to_stage=stage_label(e.to_stage),
                who=e.staff_name or "—")
            if e.approved_by_name and e.approved_by != e.staff_id:
                text += "\n" + QCoreApplication.translate("Journeys", "Approved by {manager}").format(
                    manager=e.approved_by_name)
            if e.note:
                text += "\n" + QCoreApplication.translate("Journeys", "Reason: {note}").format(note=e.note)
            if e.rejected:
                text += "\n" + QCoreApplication.translate(
                    "Journeys", "Not counted: another terminal moved this journey first")
            self.timeline.addItem(text)

    def new_journey(self) -> None:
        """Open the "New journey" dialog; the board shows the journey when the bus says it is there."""
        dialog = NewJourneyDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._select_when_shown(dialog.opened))
        self.new_dialog = dialog
        dialog.open()

    def _select_when_shown(self, journey_id: str | None) -> None:
        self._to_select = journey_id
        self.message.setText(QCoreApplication.translate("Journeys", "Journey opened."))

    # ------------------------------------------------------------ moving

    def move_selected(self, step: int) -> None:
        """Move the selected card one stage forward (``+1``) or back (``-1``) in the flow."""
        chosen = self.selected()
        if chosen is None:
            self.message.setText(QCoreApplication.translate("Journeys", "Select a card first."))
            return
        _column, card = chosen
        if card.stage not in FLOW:
            self.message.setText(QCoreApplication.translate("errors", REFUSALS[Refusal.NO_SUCH_MOVE]))
            return
        at = FLOW.index(card.stage) + step
        if not 0 <= at < len(FLOW):
            return
        self.request_move(card.id, card.stage, FLOW[at])

    def request_move(self, journey_id: str, from_stage: Stage, to_stage: Stage) -> None:
        """Judge a move of a card; when legal, ask what it needs (a reason, a manager's PIN) and commit it.

        An illegal move changes nothing: the card stays in its column and the
        message says why, in the user's language.
        """
        card = self.card_of(journey_id)
        if card is None:
            return
        kind = move_kind(from_stage, to_stage)
        # Reason and manager are asked for below: judge what the board cannot supply.
        state = JourneyState(card.stage, card.journey.entered_at.isoformat(), card.journey.sale_id,
                             card.journey.appointment_id)
        move = Move(from_stage, to_stage, self.runner.terminal.clock().isoformat(),
                    has_reason=kind in NEEDS_REASON, by_manager=kind in MANAGER_ONLY)
        refusal = judge(state, move)
        if refusal is not None:
            self.message.setText(QCoreApplication.translate("errors", REFUSALS[refusal]))
            self._select(journey_id)
            return
        if kind in NEEDS_REASON:
            dialog = ReasonDialog(card.journey.customer_name, to_stage, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._commit(journey_id, from_stage, to_stage, dialog.reason))
            dialog.rejected.connect(lambda: self._select(journey_id))
            self.reason_dialog = dialog
            dialog.open()
            return
        self._commit(journey_id, from_stage, to_stage, "")

    def _commit(self, journey_id: str, from_stage: Stage, to_stage: Stage, reason: str) -> None:
        self.message.clear()
        run_with_override(self.runner, self, journeys.move_journey, journey_id, to_stage, reason,
                          on_done=lambda _c: self._moved(journey_id, from_stage, to_stage),
                          on_error=self._move_failed, initiator=self)

    def _move_failed(self, error: BaseException) -> None:
        self._failed(error)
        self.reload()  # it may have moved meanwhile: show where it is

    def _moved(self, journey_id: str, from_stage: Stage, to_stage: Stage) -> None:
        source, target = self.columns[from_stage], self.columns.get(to_stage)
        card = source.model.take(journey_id)
        source.update_title()
        if card is not None and target is not None:
            now = self.runner.terminal.clock()
            target.model.put(replace(card, journey=replace(card.journey, stage=to_stage, entered_at=now,
                                                           seconds_in_stage=0), overdue=False))
            target.update_title()
            self._select(journey_id, to_stage)
        self.message.setText(QCoreApplication.translate("Journeys", "{customer}: moved to {stage}.").format(
            customer=card.journey.customer_name if card is not None else "", stage=stage_label(to_stage)))
