"""Tab 3 of the loyalty program: the achievement definitions (an item model), edited in place, and adding one.

Target, points and "secret" are edited in the table; "Add achievement…"
puts a new one in it; Save sends the whole list to
``achievements.set_achievement_definitions``, whose check refuses a
target not above zero, points out of range or a secret-category
achievement that is not hidden, with a translated message under the
table: nothing is saved then.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain import achievements as rules
from bnaura_desk.domain.achievements import (
    CATEGORY_LABELS,
    CONDITION_LABELS,
    WINDOWED,
    Category,
    Condition,
    ConditionKind,
    Definition,
)
from bnaura_desk.domain.errors import BadInput, DeskError
from bnaura_desk.services import achievements as achievements_service

from ..customers.callbacks import while_alive
from ..i18n import current_language
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError
from ..widgets.field_form import FieldFormDialog

Index = QModelIndex | QPersistentModelIndex
CATEGORY, NAME, CONDITION, TARGET, POINTS, SECRET = range(6)
_SATANG = {ConditionKind.TOTAL_SPEND}  # targets in satang, shown and typed in baht


def _tr(text: str) -> str:
    return QCoreApplication.translate("achievements", text)


def target_text(condition: Condition) -> str:
    """Return a condition's target as people say it: ``฿10,000`` for spending, ``5`` otherwise."""
    if condition.kind in _SATANG:
        return f"฿{condition.threshold // 100:,}"
    return f"{condition.threshold:,}"


def condition_words(condition: Condition) -> str:
    """Return a condition in words: "Total spend: at least ฿10,000", "Visits: 5 within 91 days"."""
    what = _tr(CONDITION_LABELS[condition.kind])
    if condition.kind in WINDOWED:
        return QCoreApplication.translate("AchievementsModel", "{what}: {target} within {days} days").format(
            what=what, target=target_text(condition), days=condition.days or 1)
    return QCoreApplication.translate("AchievementsModel", "{what}: at least {target}").format(
        what=what, target=target_text(condition))


def definition_name(d: Definition) -> str:
    """Return the achievement's name in the UI language."""
    return d.name_en if current_language() == "en" and d.name_en else d.name_th


def new_key(name_en: str, taken: set[str]) -> str:
    """Return a key for a new achievement from its English name, not one of ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")[:32]
    if not base or not base[0].isalpha():
        base = f"custom_{base}".rstrip("_")
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


class AchievementsModel(QAbstractTableModel):
    """The definitions being edited; target, points and secret are editable; ``definitions()`` is what Save sends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Definition] = []

    def set_definitions(self, definitions: tuple[Definition, ...] | list[Definition]) -> None:
        self.beginResetModel()
        self._rows = list(definitions)
        self.endResetModel()

    def definitions(self) -> tuple[Definition, ...]:
        return tuple(self._rows)

    def add(self, definition: Definition) -> int:
        """Append ``definition``; return its row."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(definition)
        self.endInsertRows()
        return row

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 5))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 6

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (TARGET, POINTS):
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == SECRET:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CATEGORY:
                return _tr(CATEGORY_LABELS[d.category])
            if column == NAME:
                return definition_name(d)
            if column == CONDITION:
                return condition_words(d.condition)
            if column == TARGET:
                return target_text(d.condition)
            if column == POINTS:
                return f"{d.points:,}"
            return None
        if role == Qt.ItemDataRole.EditRole and column in (TARGET, POINTS):
            if column == POINTS:
                return d.points
            scale = 100 if d.condition.kind in _SATANG else 1
            return d.condition.threshold // scale
        if role == Qt.ItemDataRole.CheckStateRole and column == SECRET:
            return Qt.CheckState.Checked if d.secret else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return d.description_en if current_language() == "en" and d.description_en else d.description_th
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TARGET, POINTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        d, column = self._rows[index.row()], index.column()
        try:
            if role == Qt.ItemDataRole.CheckStateRole and column == SECRET:
                changed = replace(d, secret=Qt.CheckState(value) == Qt.CheckState.Checked)
            elif role == Qt.ItemDataRole.EditRole and column == POINTS:
                changed = replace(d, points=int(value))
            elif role == Qt.ItemDataRole.EditRole and column == TARGET:
                scale = 100 if d.condition.kind in _SATANG else 1
                changed = replace(d, condition=replace(d.condition, threshold=int(value) * scale))
            else:
                return False
        except (TypeError, ValueError):
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 5))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 6:
            return None
        return (self.tr("Category"), self.tr("Achievement"), self.tr("Unlocked by"), self.tr("Target"),
                self.tr("Points"), self.tr("Secret"))[section]


class AchievementForm(FieldFormDialog):
    """A new achievement: category, names, condition, target, points, secret; checked before it joins the list.

    Signals:
        added(Definition): the new definition (the tab adds it; Save saves the list).
    """

    added = Signal(object)

    def __init__(self, taken: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("achievementForm")
        self.taken = taken
        self.category = QComboBox(self)
        for category in Category:
            self.category.addItem("", category)
        self.name_th, self.name_en = QLineEdit(self), QLineEdit(self)
        self.description_th, self.description_en = QLineEdit(self), QLineEdit(self)
        self.condition = QComboBox(self)
        for kind in ConditionKind:
            self.condition.addItem("", kind)
        self.threshold = QSpinBox(self)
        self.threshold.setRange(0, 1_000_000_000)
        self.threshold.setValue(1)
        self.threshold.setGroupSeparatorShown(True)
        self.days = QSpinBox(self)
        self.days.setRange(0, 100_000)
        self.days.setValue(90)
        self.points = QSpinBox(self)
        self.points.setRange(-1_000_000, 1_000_000)
        self.points.setGroupSeparatorShown(True)
        self.secret = QCheckBox(self)
        self._focus = {"name_th": self.name_th, "name_en": self.name_en, "description_th": self.description_th,
                       "threshold": self.threshold, "days": self.days, "points": self.points, "secret": self.secret}
        self._boxes: dict[str, QWidget] = {}
        form = QFormLayout()
        for key, widget in (("category", self.category), ("name_th", self.name_th), ("name_en", self.name_en),
                            ("description_th", self.description_th), ("description_en", self.description_en),
                            ("condition", self.condition), ("threshold", self.threshold), ("days", self.days),
                            ("points", self.points), ("secret", self.secret)):
            self._boxes[key] = self._with_error(key, widget)
            form.addRow(self._caption(key), self._boxes[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self._save_cancel())
        self.condition.currentIndexChanged.connect(self._show_days)
        self.setMinimumWidth(520)
        for spin in self.findChildren(QSpinBox):
            spin.setMinimumHeight(32)  # room for Thai marks above and below
        self._show_days()
        self.retranslate()

    def _show_days(self) -> None:
        windowed = ConditionKind(self.condition.currentData()) in WINDOWED
        self._captions["days"].setVisible(windowed)
        self._boxes["days"].setVisible(windowed)

    def definition(self) -> Definition:
        """Return the achievement as typed, checked as the chain setting checks it.

        Raises:
            BadInput: what ``domain.achievements.definitions_from_value`` refuses.
        """
        kind = ConditionKind(self.condition.currentData())
        scale = 100 if kind in _SATANG else 1
        category = Category(self.category.currentData())
        condition = Condition(kind, self.threshold.value() * scale, self.days.value() if kind in WINDOWED else None)
        draft = Definition(new_key(self.name_en.text() or self.name_th.text(), self.taken), category,
                           self.name_th.text(), self.name_en.text(), self.description_th.text(),
                           self.description_en.text(), self.points.value(), condition,
                           self.secret.isChecked() or category is Category.SECRET)
        [checked] = rules.definitions_from_value([rules.definition_value(draft)])
        return checked

    def save(self) -> None:
        self.clear_errors()
        try:
            definition = self.definition()
        except BadInput as error:
            self._show_field_error(error)
            return
        self.added.emit(definition)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add achievement"))
        captions = {"category": self.tr("Category"), "name_th": self.tr("Name (Thai)"),
                    "name_en": self.tr("Name (English)"), "description_th": self.tr("Description (Thai)"),
                    "description_en": self.tr("Description (English)"), "condition": self.tr("Unlocked by"),
                    "threshold": self.tr("Target"), "days": self.tr("Within days"), "points": self.tr("Points"),
                    "secret": self.tr("Secret")}
        for key, text in captions.items():
            self._captions[key].setText(text)
        for row, category in enumerate(Category):
            self.category.setItemText(row, _tr(CATEGORY_LABELS[category]))
        for row, kind in enumerate(ConditionKind):
            self.condition.setItemText(row, _tr(CONDITION_LABELS[kind]))
        self.secret.setText(self.tr("Hidden until a member unlocks it"))
        self.save_button.setText(self.tr("Add"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AchievementsTab(QWidget):
    """The definitions table, "Add achievement…" and Save.

    Signals:
        saved(): the definitions were saved.
    """

    saved = Signal()

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("achievementsTab")
        self.runner = runner
        self._saving = False
        self.model = AchievementsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("achievementsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONDITION, QHeaderView.ResizeMode.Stretch)
        self.error = FieldError(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_achievement())
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    def show_definitions(self, definitions: tuple[Definition, ...]) -> None:
        self.model.set_definitions(definitions)
        self.error.clear_error()

    def add_achievement(self) -> AchievementForm:
        """Open the form of a new achievement; once checked, it joins the table (Save saves it)."""
        form = AchievementForm({d.key for d in self.model.definitions()}, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.added.connect(self._added)
        form.open()
        return form

    def _added(self, definition: Definition) -> None:
        row = self.model.add(definition)
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))

    @property
    def saving(self) -> bool:
        return self._saving

    def save(self) -> None:
        """Save the whole list (a manager's PIN is asked of others); a refusal is shown under the table."""
        if self._saving:
            return
        self.view.setFocus()  # commits a cell still being edited
        self.error.clear_error()
        self._saving = True
        self.save_button.setEnabled(False)
        run_with_override(
            self.runner, self, achievements_service.set_achievement_definitions, list(self.model.definitions()),
            on_done=while_alive(self, lambda _changes: self._saved()),
            on_error=while_alive(self, self._failed),
            on_cancel=while_alive(self, self._idle),
            initiator=self,
        )

    def _idle(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self) -> None:
        self._idle()
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, DeskError):
            self.error.show_error(error)
        else:
            self.runner.show_error(error, self)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add achievement…"))
        self.save_button.setText(self.tr("Save achievements"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
