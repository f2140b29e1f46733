"""A manager's editor of the suggestion rules: a table of measure, above/below, threshold and tag.

Read from the chain's setting (the defaults while none is set), edited in a
table, saved with ``services.scans.set_suggestion_rules``; "Defaults" puts
the built-in rules back. A rule the service refuses leaves the dialog open
with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.catalog import TAG_MAX
from bnaura_desk.domain.scans import MEASURES, SCALE_HIGH, SCALE_LOW, Measure
from bnaura_desk.domain.suggestions import COMPARISON_LABELS, DEFAULT_RULES, RULES_MAX, Comparison, Rule
from bnaura_desk.services import scans as scan_service
from bnaura_desk.services.context import load_device

from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from .compare_model import measure_label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def rules_in_force(session: Session) -> tuple[Rule, ...]:
    """Read this chain's suggestion rules."""
    return scan_service.suggestion_rules(session, load_device(session).chain_id)


class SuggestionRulesDialog(QDialog):
    """Edit the chain's suggestion rules (opened by a manager from the scan page).

    Signals:
        saved(object): the rules in force after saving.
    """

    saved = Signal(object)
    MEASURE, COMPARISON, THRESHOLD, TAG = range(4)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionRulesDialog")
        self.runner = runner
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("suggestionRules")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TAG, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 18)
        self.add_button = QPushButton(self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_rule(Rule(Measure.PIGMENTATION, Comparison.ABOVE, 50, "")))
        self.remove_button = QPushButton(self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.defaults_button = QPushButton(self)
        self.defaults_button.setAutoDefault(False)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.error = QLabel(self)
        self.error.setObjectName("rulesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.add_button)
        edit_row.addWidget(self.remove_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.defaults_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumSize(620, 420)
        self.retranslate()
        runner.read(rules_in_force, on_done=while_alive(self, self.set_rules))

    # -- the table

    def set_rules(self, rules: tuple[Rule, ...] | list[Rule]) -> None:
        """Show ``rules`` in the table (replacing what it shows)."""
        self.table.setRowCount(0)
        for rule in rules:
            self.add_rule(rule)

    def add_rule(self, rule: Rule) -> None:
        """Add a row showing ``rule``."""
        if self.table.rowCount() >= RULES_MAX:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        measure = QComboBox(self.table)
        for m in MEASURES:
            measure.addItem(measure_label(m), str(m))
        measure.setCurrentIndex(MEASURES.index(rule.measure))
        comparison = QComboBox(self.table)
        for c in Comparison:
            comparison.addItem(_comparison_label(c), str(c))
        comparison.setCurrentIndex(list(Comparison).index(rule.comparison))
        threshold = QSpinBox(self.table)
        threshold.setRange(SCALE_LOW, SCALE_HIGH)
        threshold.setValue(rule.threshold)
        tag = QLineEdit(rule.tag, self.table)
        tag.setMaxLength(TAG_MAX)
        tag.setPlaceholderText(self.tr("e.g. hydration"))
        for col, widget in ((self.MEASURE, measure), (self.COMPARISON, comparison), (self.THRESHOLD, threshold),
                            (self.TAG, tag)):
            self.table.setCellWidget(row, col, widget)
        self.table.setCurrentCell(row, self.MEASURE)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def rules(self) -> list[dict[str, Any]]:
        """Return the rules as the table shows them (checked by the service when saved)."""
        out: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            measure, comparison = self.table.cellWidget(row, self.MEASURE), self.table.cellWidget(row, self.COMPARISON)
            threshold, tag = self.table.cellWidget(row, self.THRESHOLD), self.table.cellWidget(row, self.TAG)
            assert isinstance(measure, QComboBox) and isinstance(comparison, QComboBox)
            assert isinstance(threshold, QSpinBox) and isinstance(tag, QLineEdit)
            out.append({"measure": measure.currentData(), "comparison": comparison.currentData(),
                        "threshold": threshold.value(), "tag": tag.text()})
        return out

    def restore_defaults(self) -> None:
        """Show the built-in rules (saved only with Save)."""
        self.set_rules(DEFAULT_RULES)

    # -- saving

    def save(self) -> None:
        self.error.hide()
        self.save_button.setEnabled(False)
        self.runner.run(scan_service.set_suggestion_rules, self.rules(), initiator=self,
                        on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))

    def _saved(self, changes: Any) -> None:
        self.saved.emit(changes.result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(translate_error(error))
        self.error.show()

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Suggestion rules"))
        self.intro.setText(self.tr(
            "When the latest scan's value of a measure is above (or below) the threshold, the treatments "
            "tagged with the rule's tag are suggested. Tags are set on each item in the catalog."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Measure"), self.tr("Above or below"), self.tr("Threshold"), self.tr("Tag")])
        self.add_button.setText(self.tr("Add rule"))
        self.remove_button.setText(self.tr("Remove rule"))
        self.defaults_button.setText(self.tr("Defaults"))
        for row in range(self.table.rowCount()):
            measure, comparison = self.table.cellWidget(row, self.MEASURE), self.table.cellWidget(row, self.COMPARISON)
            if isinstance(measure, QComboBox):
                for i, m in enumerate(MEASURES):
                    measure.setItemText(i, measure_label(m))
            if isinstance(comparison, QComboBox):
                for i, c in enumerate(Comparison):
                    comparison.setItemText(i, _comparison_label(c))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _comparison_label(comparison: Comparison) -> str:
    return QCoreApplication.translate("scans", COMPARISON_LABELS[comparison])
