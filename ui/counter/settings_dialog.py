"""The counter's rules a manager sets: the tier discount's lines, the line discount limit, courses, coupons.

``CounterSettingsButton`` sits on the POS screen, shown only to those who
may change the counter's rules (managers and owners); it opens
``CounterSettingsDialog``, which reads ``counter_settings.counter_settings``
and saves every value with one call of ``set_counter_settings`` (one
transaction, one change on the bus) on the database worker. The PromptPay
id has its own dialog (``promptpay_id``): it is the owner's, and may be a
branch's own.
"""

from __future__ import annotations

import traceback
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.roles import Permission, may
from bnaura_desk.domain.settings import (
    COUNTER_RULES_KEY,
    COUPON_ON_REFUND_KEY,
    COURSE_VALID_DAYS_KEY,
    CouponOnRefund,
)
from bnaura_desk.services.counter_settings import CounterSettings, counter_settings, set_counter_settings

from ..catalog.model import kind_label
from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError
from .promptpay_id import ask_promptpay_id


class CounterSettingsDialog(QDialog):
    """The counter's chain settings, as a form; Enter saves, Escape cancels.

    Signals:
        saved(object): the keys written (a tuple); the dialog then closes.
    """

    saved = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterSettingsDialog")
        self.setModal(True)
        self.runner = runner
        self.loaded: CounterSettings | None = None
        self.promptpay_id: str | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.kind_boxes = {kind: QCheckBox(self) for kind in ItemKind}
        kinds_row = QHBoxLayout()
        for box in self.kind_boxes.values():
            kinds_row.addWidget(box)
        kinds_row.addStretch(1)
        self.all_categories = QRadioButton(self)
        self.some_categories = QRadioButton(self)
        scope = QButtonGroup(self)
        scope.addButton(self.all_categories)
        scope.addButton(self.some_categories)
        self.all_categories.setChecked(True)
        self.categories = QListWidget(self)
        self.categories.setObjectName("counterSettingsCategories")
        self.categories.setMaximumHeight(self.fontMetrics().height() * 7)
        self.some_categories.toggled.connect(self.categories.setEnabled)
        self.categories.setEnabled(False)
        self.no_categories = QLabel(self)
        self.no_categories.setWordWrap(True)
        self.no_categories.hide()
        categories_box = QVBoxLayout()
        categories_box.addWidget(self.all_categories)
        categories_box.addWidget(self.some_categories)
        categories_box.addWidget(self.categories)
        categories_box.addWidget(self.no_categories)

        self.limit_on = QCheckBox(self)
        self.limit = QSpinBox(self)
        self.limit.setRange(0, 100)
        self.limit.setValue(10)
        self.limit_on.setChecked(True)
        self.limit_on.toggled.connect(self.limit.setEnabled)
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.limit_on)
        limit_row.addWidget(self.limit)
        limit_row.addStretch(1)
        self.course_days = QSpinBox(self)
        self.course_days.setRange(0, 3650)
        self.coupon_on_refund = QComboBox(self)
        for policy in CouponOnRefund:
            self.coupon_on_refund.addItem("", policy)
        self.promptpay = QLabel(self)
        self.promptpay_button = QPushButton(self)
        self.promptpay_button.setAutoDefault(False)
        self.promptpay_button.clicked.connect(self.change_promptpay_id)
        promptpay_row = QHBoxLayout()
        promptpay_row.addWidget(self.promptpay, 1)
        promptpay_row.addWidget(self.promptpay_button)

        self.form = QFormLayout()
        self.captions = [QLabel(self) for _ in range(6)]
        rows: tuple[QHBoxLayout | QVBoxLayout | QWidget, ...] = (
            kinds_row, categories_box, limit_row, self.course_days, self.coupon_on_refund, promptpay_row)
        for caption, row in zip(self.captions, rows, strict=True):
            # Two branches for the type checker only: addRow is overloaded on a widget or a layout.
            if isinstance(row, QWidget):
                self.form.addRow(caption, row)
            else:
                self.form.addRow(caption, row)
        self.error = FieldError(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)  # until the settings are read
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
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        self.kind_boxes[ItemKind.TREATMENT].setFocus()
        runner.read(counter_settings, on_done=while_alive(self, self.show_settings),
                    on_error=while_alive(self, self.fail))

    # -- values

    def show_settings(self, shown: CounterSettings) -> None:
        """Fill the form with the settings in force and the catalog's categories."""
        self.loaded = shown
        rules = shown.rules
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind.value in rules["tier_kinds"])
        chosen = rules["tier_categories"]
        self.categories.clear()
        # A category the rules name that no item has any more stays listed, so saving keeps it.
        for name in sorted({*shown.categories, *(chosen or ())}, key=str.casefold):
            entry = QListWidgetItem(name, self.categories)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if chosen and name in chosen else Qt.CheckState.Unchecked)
        self.categories.setCurrentRow(0)
        self.no_categories.setVisible(self.categories.count() == 0)
        (self.all_categories if chosen is None else self.some_categories).setChecked(True)
        self.categories.setEnabled(chosen is not None)
        limit = rules["line_discount_limit_percent"]
        self.limit_on.setChecked(limit is not None)
        self.limit.setValue(10 if limit is None else limit)
        self.limit.setEnabled(limit is not None)
        self.course_days.setValue(shown.course_valid_days)
        self.coupon_on_refund.setCurrentIndex(self.coupon_on_refund.findData(shown.coupon_on_refund))
        self._show_promptpay(shown.promptpay_id)
        self.save_button.setEnabled(True)

    def values(self) -> dict[str, Any]:
        """Return the settings as chosen, by key, as ``set_counter_settings`` takes them."""
        chosen = None
        if self.some_categories.isChecked():
            chosen = [self.categories.item(i).text() for i in range(self.categories.count())
                      if self.categories.item(i).checkState() == Qt.CheckState.Checked]
        return {
            COUNTER_RULES_KEY: {
                "tier_kinds": [kind.value for kind, box in self.kind_boxes.items() if box.isChecked()],
                "tier_categories": chosen,
                "line_discount_limit_percent": self.limit.value() if self.limit_on.isChecked() else None,
            },
            COURSE_VALID_DAYS_KEY: self.course_days.value(),
            COUPON_ON_REFUND_KEY: str(self.coupon_on_refund.currentData()),
        }

    # -- saving

    def save(self) -> None:
        """Save every value in one call on the worker; a refusal is shown translated and the dialog stays."""
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        self.error.clear_error()
        # Initiated by the dialog, not the screen: the screen prices its cart again with the new rules.
        run_with_override(
            self.runner, self, set_counter_settings, self.values(), initiator=self,
            on_done=while_alive(self, self._saved), on_error=while_alive(self, self.fail),
            on_cancel=while_alive(self, lambda: self.fail(
                QCoreApplication.translate("CounterSettingsDialog", "The change was not approved"))))

    def _saved(self, changes: ChangeSet) -> None:
        self.saved.emit(changes.result)
        self.accept()

    def fail(self, error: BaseException | str) -> None:
        """Reading or saving was refused: say why, in the UI's language."""
        self.save_button.setEnabled(self.loaded is not None)
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))

    def change_promptpay_id(self) -> None:
        """Open the PromptPay id dialog (the owner's, or with the owner's PIN)."""
        ask_promptpay_id(self.runner, self, while_alive(self, self._show_promptpay), initiator=self)

    def _show_promptpay(self, value: str | None) -> None:
        self.promptpay_id = value
        if self.loaded is None:
            self.promptpay.setText("")
        else:
            self.promptpay.setText(value or self.tr("Not set: the counter cannot show a PromptPay QR"))

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Counter settings"))
        self.heading.setText(self.tr("These rules apply at every branch from the next cart on."))
        for kind, box in self.kind_boxes.items():
            box.setText(kind_label(kind))
        self.all_categories.setText(self.tr("Every category"))
        self.some_categories.setText(self.tr("Only the categories ticked below"))
        self.no_categories.setText(self.tr("No catalog item has a category yet: give them one in the Catalog."))
        self.limit_on.setText(self.tr("A manager's PIN for a discount above"))
        self.limit.setSuffix(" %")
        self.course_days.setSuffix(self.tr(" days"))
        self.course_days.setSpecialValueText(self.tr("No expiry"))
        texts = {CouponOnRefund.KEEP: self.tr("Keep it used"),
                 CouponOnRefund.RESTORE: self.tr("Give it back as a new coupon")}
        for i in range(self.coupon_on_refund.count()):
            self.coupon_on_refund.setItemText(i, texts[CouponOnRefund(self.coupon_on_refund.itemData(i))])
        captions = (self.tr("Tier discount on"), self.tr("In categories"), self.tr("Line discount"),
                    self.tr("Course sessions valid for"), self.tr("Coupon of a refunded sale"),
                    self.tr("PromptPay id"))
        for label, text in zip(self.captions, captions, strict=True):
            label.setText(text)
        self._show_promptpay(self.promptpay_id)
        self.promptpay_button.setText(self.tr("Change…"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CounterSettingsButton(QPushButton):
    """The POS screen's "Counter settings…" button: shown only to those who may change the counter's rules.

    The screen calls ``refresh`` when it is shown (the signed-in user may have changed).
    """

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterSettingsButton")
        self.runner = runner
        self.dialog: CounterSettingsDialog | None = None
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(self.open_dialog)
        self._retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Show the button to a manager or owner, hide it from everyone else."""
        actor = self.runner.actor
        self.setVisible(actor is not None and may(actor.role, Permission.COUNTER_RULES))

    def open_dialog(self) -> CounterSettingsDialog:
        """Open the counter settings over the screen (the one already open, if any)."""
        if self.dialog is None:
            self.dialog = CounterSettingsDialog(self.runner, self.window())
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(self._closed)
            self.dialog.open()
        return self.dialog

    def _closed(self) -> None:
        self.dialog = None

    def _retranslate(self) -> None:
        self.setText(self.tr("Counter settings…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
