"""The automation rule editor: what task each journey stage makes, for whom, how urgent, due when.

A manager opens it from File → Automation rules… (``MainWindow``). The rules
in force are read on the database worker into ``RulesModel`` (one row per
rule, Qt model/view); the form under the table edits the current rule,
Add and Remove change the list, Reset to defaults puts the chain's default
rules back. Save sends the whole list in one call of
``tasks.set_automation_rules`` (``None`` after a reset left untouched: the
defaults, which follow future releases); a refusal (an empty title, a bad
placeholder) is shown translated under the table and nothing is saved.
Tasks already made keep what they were made with.
"""

from __future__ import annotations

import traceback
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bnaura_desk.domain import automation
from bnaura_desk.domain.automation import ASSIGN_LABELS, PRIORITY_LABELS, AssignTo
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, DeskError
from bnaura_desk.domain.journeys import FLOW, STAGE_LABELS, Stage
from bnaura_desk.domain.roles import ROLE_LABELS, Role
from bnaura_desk.services.context import load_device
from bnaura_desk.services.staff import list_staff
from bnaura_desk.services.tasks import rules_in_force, set_automation_rules

from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "RulesDialog"
MINUTES_PER_DAY = 24 * 60

_HEADERS = (
    QT_TRANSLATE_NOOP("RulesModel", "Active"),
    QT_TRANSLATE_NOOP("RulesModel", "On entering"),
    QT_TRANSLATE_NOOP("RulesModel", "Task (Thai)"),
    QT_TRANSLATE_NOOP("RulesModel", "Task (English)"),
    QT_TRANSLATE_NOOP("RulesModel", "For"),
    QT_TRANSLATE_NOOP("RulesModel", "Priority"),
    QT_TRANSLATE_NOOP("RulesModel", "Due after"),
)


@dataclass(frozen=True)
class RulesRead:
    """What the editor shows: the rules in force (as JSON rows) and the staff a rule may name."""

    rules: list[dict[str, Any]]
    staff: list[tuple[str, str]]  # (id, display name)


def read_rules(session: Session) -> RulesRead:
    """Return the chain's rules in force and its active staff (runs on the database worker)."""
    rules = rules_in_force(session, load_device(session).chain_id)
    return RulesRead([r.as_json() for r in rules], [(c.id, c.display_name) for c in list_staff(session)])


def due_text(minutes: int) -> str:
    """Return a due offset as days, hours and minutes in the UI language ("1 d 4 h")."""
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(QCoreApplication.translate("RulesModel", "{n} d").format(n=days))
    if hours:
        parts.append(QCoreApplication.translate("RulesModel", "{n} h").format(n=hours))
    if mins or not parts:
        parts.append(QCoreApplication.translate("RulesModel", "{n} min").format(n=mins))
    return " ".join(parts)


class RulesModel(QAbstractTableModel):
    """The rules as a table, one row per rule (its JSON fields); "Active" is ticked in the table itself.

    ``staff_names`` names the people of ``person`` rules.
    """

    ACTIVE, STAGE, TITLE_TH, TITLE_EN, FOR, PRIORITY, DUE = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: list[dict[str, Any]] = []
        self.staff_names: dict[str, str] = {}

    def set_rules(self, rules: list[dict[str, Any]]) -> None:
        """Replace every rule."""
        self.beginResetModel()
        self.rules = [dict(r) for r in rules]
        self.endResetModel()

    def update(self, row: int, **fields: Any) -> None:
        """Change fields of the rule at ``row`` (the form's edits)."""
        self.rules[row].update(fields)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def add(self, rule: dict[str, Any]) -> int:
        """Append ``rule``; return its row."""
        row = len(self.rules)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rules.append(rule)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        """Remove the rule at ``row``."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rules[row]
        self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == self.ACTIVE else base

    def _for(self, rule: dict[str, Any]) -> str:
        try:
            assign = AssignTo(str(rule.get("assign_to")))
            role = QCoreApplication.translate("roles", ROLE_LABELS[Role(str(rule.get("role")))])
        except (ValueError, KeyError):
            return ""
        if assign is AssignTo.PERSON:
            return self.staff_names.get(rule.get("person_id") or "", "")
        if assign is AssignTo.ROLE:
            return QCoreApplication.translate("RulesModel", "Anyone: {role}").format(role=role)
        return QCoreApplication.translate("tasks", ASSIGN_LABELS[assign])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rules):
            return None
        rule, col = self.rules[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.ACTIVE:
            return Qt.CheckState.Checked if rule.get("active", True) else Qt.CheckState.Unchecked
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == self.STAGE:
            try:
                return QCoreApplication.translate("journeys", STAGE_LABELS[Stage(str(rule.get("stage")))])
            except ValueError:
                return ""
        if col == self.TITLE_TH:
            return rule.get("title_th", "")
        if col == self.TITLE_EN:
            return rule.get("title_en", "")
        if col == self.FOR:
            return self._for(rule)
        if col == self.PRIORITY:
            label = PRIORITY_LABELS.get(rule.get("priority", 3))
            return QCoreApplication.translate("tasks", label) if label else ""
        if col == self.DUE:
            return due_text(int(rule.get("due_minutes", 0)))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.ACTIVE:
            self.update(index.row(), active=Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        return False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and (
                0 <= section < self.COLUMN_COUNT):
            return QCoreApplication.translate("RulesModel", _HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self.rules:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rules) - 1, self.COLUMN_COUNT - 1))


class RulesDialog(QDialog):
    """The rule editor (see the module); Save writes every rule at once, Cancel or Escape leaves them.

    Signals:
        saved(object): the rules in force after saving (a tuple of ``automation.Rule``); the dialog then closes.
    """

    saved = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.setModal(True)
        self.runner = runner
        self.loaded = False
        self.reset_pending = False  # Reset to defaults pressed and nothing edited since: save None
        self._filling = False  # the form is being filled from the model: its signals are not edits

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = RulesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("rulesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # Room for the default rules and a few of the manager's own without scrolling.
        self.view.setMinimumHeight(self.fontMetrics().height() * 16)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesModel.TITLE_TH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RulesModel.TITLE_EN, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda now, _before: self._show_rule(now.row()))
        self.model.dataChanged.connect(lambda *_: self._edited())

        # The form of the current rule.
        self.stage = QComboBox(self)
        for stage in FLOW:
            self.stage.addItem("", str(stage))
        self.title_th = QLineEdit(self)
        self.title_th.setObjectName("ruleTitleTh")
        self.title_en = QLineEdit(self)
        self.title_en.setObjectName("ruleTitleEn")
        self.placeholders = QLabel(self)
        self.placeholders.setWordWrap(True)
        self.assign_to = QComboBox(self)
        for assign in AssignTo:
            self.assign_to.addItem("", str(assign))
        self.person = QComboBox(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem("", str(role))
        self.priority = QComboBox(self)
        for level in PRIORITY_LABELS:
            self.priority.addItem("", level)
        self.due_days, self.due_hours, self.due_minutes = QSpinBox(self), QSpinBox(self), QSpinBox(self)
        self.due_days.setRange(0, automation.DUE_MAX_MINUTES // MINUTES_PER_DAY)
        self.due_hours.setRange(0, 23)
        self.due_minutes.setRange(0, 59)
        self.due_minutes.setSingleStep(5)
        due_row = QHBoxLayout()
        for spin in (self.due_days, self.due_hours, self.due_minutes):
            due_row.addWidget(spin)
        due_row.addStretch(1)
        self.checklist = QCheckBox(self)
        self.active = QCheckBox(self)
        self.form = QFormLayout()
        self.captions = [QLabel(self) for _ in range(8)]
        rows: tuple[QWidget | QHBoxLayout, ...] = (
            self.stage, self.title_th, self.title_en, self.assign_to, self.person, self.role, self.priority, due_row)
        for caption, row in zip(self.captions, rows, strict=True):
            if isinstance(row, QWidget):
                self.form.addRow(caption, row)
            else:
                self.form.addRow(caption, row)
        self.form.addRow("", self.placeholders)
        self.form.addRow("", self.checklist)
        self.form.addRow("", self.active)
        self.form_box = QWidget(self)
        self.form_box.setLayout(self.form)

        for combo in (self.stage, self.assign_to, self.person, self.role, self.priority):
            combo.currentIndexChanged.connect(lambda _i: self._form_edited())
        for line in (self.title_th, self.title_en):
            line.textEdited.connect(lambda _t: self._form_edited())
        for spin in (self.due_days, self.due_hours, self.due_minutes):
            spin.valueChanged.connect(lambda _v: self._form_edited())
        for box in (self.checklist, self.active):
            box.toggled.connect(lambda _b: self._form_edited())

        self.add_button = QPushButton(self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button = QPushButton(self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_rule)
        self.reset_button = QPushButton(self)
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_to_defaults)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add_button)
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.reset_button)

        self.error = FieldError(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)  # until the rules are read
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(list_buttons)
        layout.addWidget(self.form_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumSize(900, 640)
        self.retranslate()
        self._enable_form()
        runner.read(read_rules, on_done=while_alive(self, self.show_rules), on_error=while_alive(self, self.fail))

    # -- showing

    def show_rules(self, read: RulesRead) -> None:
        """Show the rules read (and the staff a rule may name); the first rule is current."""
        self.model.staff_names = dict(read.staff)
        self._filling = True
        try:
            self.person.clear()
            for staff_id, name in read.staff:
                self.person.addItem(name, staff_id)
        finally:
            self._filling = False
        self.model.set_rules(read.rules)
        self.loaded = True
        self.save_button.setEnabled(True)
        if read.rules:
            self.view.setCurrentIndex(self.model.index(0, RulesModel.STAGE))
        self._enable_form()

    def current_row(self) -> int:
        """Return the row of the rule the form edits (-1: none)."""
        row = self.view.currentIndex().row()
        return row if 0 <= row < self.model.rowCount() else -1

    def _enable_form(self) -> None:
        has = self.current_row() >= 0
        self.form_box.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.add_button.setEnabled(self.loaded and self.model.rowCount() < automation.RULES_MAX)
        self.reset_button.setEnabled(self.loaded)
        self.person.setEnabled(has and self.assign_to.currentData() == str(AssignTo.PERSON))

    def _show_rule(self, row: int) -> None:
        """Fill the form with the rule at ``row``."""
        self._enable_form()
        if row < 0 or row >= self.model.rowCount():
            return
        rule = self.model.rules[row]
        self._filling = True
        try:
            self.stage.setCurrentIndex(self.stage.findData(rule.get("stage")))
            self.title_th.setText(rule.get("title_th", ""))
            self.title_en.setText(rule.get("title_en", ""))
            self.assign_to.setCurrentIndex(self.assign_to.findData(rule.get("assign_to")))
            self.person.setCurrentIndex(self.person.findData(rule.get("person_id")))
            self.role.setCurrentIndex(self.role.findData(rule.get("role")))
            self.priority.setCurrentIndex(self.priority.findData(rule.get("priority", 3)))
            days, rest = divmod(int(rule.get("due_minutes", 0)), MINUTES_PER_DAY)
            self.due_days.setValue(days)
            self.due_hours.setValue(rest // 60)
            self.due_minutes.setValue(rest % 60)
            self.checklist.setChecked(bool(rule.get("checklist")))
            self.active.setChecked(bool(rule.get("active", True)))
        finally:
            self._filling = False
        self._enable_form()

    # -- editing

    def _form_edited(self) -> None:
        """Write the form back into the current rule (each change as it is made)."""
        row = self.current_row()
        if self._filling or row < 0:
            return
        assign = self.assign_to.currentData()
        self.model.update(
            row, stage=self.stage.currentData(), title_th=self.title_th.text(), title_en=self.title_en.text(),
            assign_to=assign, person_id=self.person.currentData() if assign == str(AssignTo.PERSON) else None,
            role=self.role.currentData(), priority=self.priority.currentData(),
            due_minutes=self.due_days.value() * MINUTES_PER_DAY + self.due_hours.value() * 60
            + self.due_minutes.value(),
            checklist=self.checklist.isChecked(), active=self.active.isChecked())
        self._enable_form()

    def _edited(self) -> None:
        self.reset_pending = False
        self.error.clear_error()

    def add_rule(self) -> None:
        """Add a rule (a task for the sales owner on entering the first stage) and edit it."""
        if not self.loaded or self.model.rowCount() >= automation.RULES_MAX:
            return
        row = self.model.add({
            # The key is part of its tasks' ids: made once, never shown or changed.
            "key": f"rule_{uuid.uuid4().hex[:12]}", "stage": str(FLOW[0]), "title_th": "", "title_en": "",
            "assign_to": str(AssignTo.SALES_OWNER), "role": str(Role.SALES), "priority": 3,
            "due_minutes": MINUTES_PER_DAY, "checklist": False, "person_id": None, "active": True})
        self._edited()
        self.view.setCurrentIndex(self.model.index(row, RulesModel.STAGE))
        self.title_th.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_rule(self) -> None:
        """Remove the current rule (saved only with Save)."""
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        self._edited()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), RulesModel.STAGE))
        self._show_rule(self.current_row())

    def reset_to_defaults(self) -> None:
        """Show the default rules (saved only with Save)."""
        self.model.set_rules([r.as_json() for r in automation.DEFAULT_RULES])
        self.view.setCurrentIndex(self.model.index(0, RulesModel.STAGE))
        self.error.clear_error()
        self.reset_pending = True

    # -- saving

    def values(self) -> list[dict[str, Any]] | None:
        """Return what Save sends: every rule as shown, or None after an untouched reset (the defaults)."""
        return None if self.reset_pending else [dict(r) for r in self.model.rules]

    def save(self) -> None:
        """Save every rule in one call on the worker; a refusal is shown translated and the dialog stays."""
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        self.error.clear_error()
        self.runner.run(set_automation_rules, self.values(), initiator=self,
                        on_done=while_alive(self, self._saved), on_error=while_alive(self, self.fail))

    def _saved(self, changes: ChangeSet) -> None:
        self.saved.emit(changes.result)
        self.accept()

    def fail(self, error: BaseException | str) -> None:
        """Reading or saving was refused: say why, in the UI's language."""
        self.save_button.setEnabled(self.loaded)
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Automation rules"))
        self.heading.setText(self.tr(
            "When a journey enters a stage, each active rule of that stage makes a task. "
            "Changes apply to the next stage entries; tasks already made stay as they are."))
        for i in range(self.stage.count()):
            self.stage.setItemText(i, QCoreApplication.translate("journeys", STAGE_LABELS[Stage(self.stage.itemData(i))]))
        for i in range(self.assign_to.count()):
            self.assign_to.setItemText(i, QCoreApplication.translate(
                "tasks", ASSIGN_LABELS[AssignTo(self.assign_to.itemData(i))]))
        for i in range(self.role.count()):
            self.role.setItemText(i, QCoreApplication.translate("roles", ROLE_LABELS[Role(self.role.itemData(i))]))
        for i in range(self.priority.count()):
            self.priority.setItemText(i, QCoreApplication.translate("tasks", PRIORITY_LABELS[self.priority.itemData(i)]))
        self.due_days.setSuffix(self.tr(" days"))
        self.due_hours.setSuffix(self.tr(" hours"))
        self.due_minutes.setSuffix(self.tr(" minutes"))
        captions = (self.tr("On entering"), self.tr("Task (Thai)"), self.tr("Task (English)"), self.tr("For"),
                    self.tr("Staff member"), self.tr("Queue of the role"), self.tr("Priority"),
                    self.tr("Due after"))
        for label, text in zip(self.captions, captions, strict=True):
            label.setText(text)
        self.placeholders.setText(self.tr(
            "{customer} and {treatment} in a title are replaced by the customer's and the treatment's names."))
        self.checklist.setText(self.tr("Copy the treatment's protocol steps as the task's checklist"))
        self.active.setText(self.tr("Active"))
        self.add_button.setText(self.tr("Add rule"))
        self.remove_button.setText(self.tr("Remove rule"))
        self.reset_button.setText(self.tr("Reset to defaults"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
