"""The Exceptions screen: conflicts sync settled by rule, for a manager to review and resolve.

Lists the exceptions pulled from the server (newest first), filtered by
status (open / resolved / all) and kind. "Mark resolved…" asks for a note
saying what was done; the resolution is a synced, audited change
(``resolve_exception``). Operations of this terminal that the server
refuses as a whole (they wait, blocking the queue) are shown above the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.roles import Permission, may
from bnaura_desk.services.sync_exceptions import (
    EXCEPTION_KIND_LABELS,
    ExceptionFilter,
    ParkedProblemView,
    SyncExceptionView,
    list_exceptions,
    list_parked_problems,
    resolve_exception,
)
from bnaura_desk.services.sync_state import OperationProblem, unsettled_problems

from ..bus import ChangeBus
from ..runner import DeskRunner, translate_error
from ..widgets.dates import format_datetime
from ..widgets.field_form import FieldFormDialog
from ..widgets.rows_model import Index, RowsModel
from .texts import kind_label, parked_text, reason_text, terminal_label, tooltip, what_happened


class RowDelegate(QStyledItemDelegate):
    """Cells a little taller than their text: the marks Thai stacks over a line
    (ที่, ไม่ได้) touched the grid line above, and wrapped rows ran together."""

    PADDING = 10

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.PADDING)


class ExceptionsModel(RowsModel):
    """Columns: raised (date, time), kind, what happened, terminal and seq, status."""

    RAISED, KIND, WHAT, TERMINAL, STATUS = range(5)
    COLUMN_COUNT = 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r: SyncExceptionView = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.RAISED:
                return format_datetime(r.raised_at)
            if col == self.KIND:
                return kind_label(r.kind)
            if col == self.WHAT:
                return what_happened(r)
            if col == self.TERMINAL:
                return terminal_label(r)
            if col == self.STATUS:
                if r.resolved_at is None:
                    return QCoreApplication.translate("ExceptionsScreen", "Open")
                return QCoreApplication.translate("ExceptionsScreen", "Resolved {time} by {name}: {note}").format(
                    time=format_datetime(r.resolved_at), name=r.resolved_by_name or "?", note=r.note
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(r)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.RAISED: QCoreApplication.translate("ExceptionsScreen", "Raised"),
            self.KIND: QCoreApplication.translate("ExceptionsScreen", "Kind"),
            self.WHAT: QCoreApplication.translate("ExceptionsScreen", "What happened"),
            self.TERMINAL: QCoreApplication.translate("ExceptionsScreen", "Terminal"),
            self.STATUS: QCoreApplication.translate("ExceptionsScreen", "Status"),
        }
        return titles.get(section)


class ResolveDialog(FieldFormDialog):
    """Ask what was done about an exception; resolve it (synced, audited)."""

    def __init__(self, runner: DeskRunner, exception: SyncExceptionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.runner, self.exception = runner, exception
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("resolutionNote")
        self._focus = {"note": self.note}
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self._caption("note"))
        layout.addWidget(self._with_error("note", self.note))
        layout.addWidget(self.general_error)
        layout.addWidget(self._save_cancel())
        self.setMinimumWidth(480)
        self._retranslate()

    def save(self) -> None:
        self.clear_errors()
        self.save_button.setEnabled(False)
        self.runner.run(
            resolve_exception, self.exception.id, self.note.toPlainText(),
            on_done=lambda _c: self.accept(), on_error=self._failed, initiator=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, BadInput):
            self._show_field_error(error)
        else:
            self.general_error.show_error(translate_error(error))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mark exception resolved"))
        self.summary.setText(f"{kind_label(self.exception.kind)} — {what_happened(self.exception)}")
        self._captions["note"].setText(self.tr("What was done about it (kept in the audit log)"))
        self.save_button.setText(self.tr("Mark resolved"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ExceptionsScreen(QWidget):
    """The list of sync exceptions with filters and "Mark resolved…"."""

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionsScreen")
        self.runner, self.bus = runner, bus
        self._stale = False
        self._parked: list[ParkedProblemView] = []
        self.waiting = QLabel(self)
        self.waiting.setObjectName("refusedOperations")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self.parked = QLabel(self)
        self.parked.setObjectName("parkedChanges")
        self.parked.setWordWrap(True)
        self.parked.hide()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("primary")
        self.model = ExceptionsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Date, kind and terminal are short: as wide as they need. What
        # happened and the resolution share the rest and wrap (a note can
        # be long), so nothing is cut off.
        header = self.view.horizontalHeader()
        for column in (ExceptionsModel.RAISED, ExceptionsModel.KIND, ExceptionsModel.TERMINAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (ExceptionsModel.WHAT, ExceptionsModel.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(RowDelegate(self.view))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().hide()
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.status_filter)
        top.addWidget(self.kind_filter)
        top.addStretch(1)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting)
        layout.addWidget(self.parked)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self._fill_filters()
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.resolve_selected())
        bus.changed.connect(self._on_changed)
        self._retranslate()
        self.reload()

    # ------------------------------------------------------------ data

    def reload(self) -> None:
        """Read the exceptions for the chosen filters (and this terminal's refused operations)."""
        status = ExceptionFilter(self.status_filter.currentData() or ExceptionFilter.OPEN)
        kind = self.kind_filter.currentData() or None
        self.runner.read(list_exceptions, status, kind, on_done=self._show_rows)
        self.runner.read(unsettled_problems, on_done=self._show_refused)
        self.runner.read(list_parked_problems, on_done=self._show_parked)

    def _show_parked(self, problems: list[ParkedProblemView]) -> None:
        self._parked = problems
        self.parked.setVisible(bool(problems))
        if problems:
            self.parked.setText(
                self.tr(
                    "{count} changes from the clinic server are kept on this terminal without being used: "
                    "this version of the app cannot store them. First: {first}. Update this terminal; "
                    "they are applied after the update."
                ).format(count=len(problems), first=parked_text(problems[0]))
            )

    def _show_rows(self, rows: list[SyncExceptionView]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def _show_refused(self, problems: list[OperationProblem]) -> None:
        waiting = [p for p in problems if p.outcome is None]
        self.waiting.setVisible(bool(waiting))
        if waiting:
            first = waiting[0]
            self.waiting.setText(
                self.tr(
                    "{count} operations of this terminal wait: the server refuses operation #{seq} ({reason}). "
                    "Update the server or this terminal; nothing is lost meanwhile."
                ).format(count=len(waiting), seq=first.seq, reason=reason_text(first.reason, first.detail))
            )

    def selected(self) -> SyncExceptionView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def resolve_selected(self) -> ResolveDialog | None:
        """Open the resolve dialog for the selected open exception (managers)."""
        chosen = self.selected()
        actor = self.runner.actor
        if chosen is None or chosen.resolved_at is not None or actor is None:
            return None
        if not may(actor.role, Permission.SYNC_MANAGE):
            return None
        dialog = ResolveDialog(self.runner, chosen, self)
        dialog.open()
        return dialog

    def _update_buttons(self) -> None:
        chosen = self.selected()
        actor = self.runner.actor
        allowed = actor is not None and may(actor.role, Permission.SYNC_MANAGE)
        self.resolve_button.setEnabled(allowed and chosen is not None and chosen.resolved_at is None)
        self.resolve_button.setToolTip("" if allowed else self.tr("Only a manager or the owner can resolve exceptions"))

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if not changes.touches(Kind.SYNC_EXCEPTION):
            if self.isVisible() and not changes.empty:
                # A pull may have stored, or kept back, changes of any kind.
                self.runner.read(list_parked_problems, on_done=self._show_parked)
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_buttons()
        if self._stale:
            self._stale = False
            self.reload()

    # ------------------------------------------------------------ text

    def _fill_filters(self) -> None:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        for combo in (self.status_filter, self.kind_filter):
            combo.blockSignals(True)
            combo.clear()
        self.status_filter.addItem(self.tr("Open"), ExceptionFilter.OPEN)
        self.status_filter.addItem(self.tr("Resolved"), ExceptionFilter.RESOLVED)
        self.status_filter.addItem(self.tr("All"), ExceptionFilter.ALL)
        self.kind_filter.addItem(self.tr("Every kind"), "")
        for code in EXCEPTION_KIND_LABELS:
            self.kind_filter.addItem(kind_label(code), code)
        for combo, value in ((self.status_filter, status), (self.kind_filter, kind)):
            found = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _retranslate(self) -> None:
        self._fill_filters()
        self.resolve_button.setText(self.tr("Mark resolved…"))
        self.empty.setText(self.tr("No exceptions here: sync settled everything by itself."))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
