"""Add or edit a catalog item: the fields every item has, then its kind's own.

Prices are typed in baht (``1,500`` or ``1,500.00``) and parsed with
``domain.money.parse_baht``; the protocol checklist of a treatment is an
editable list. A refused field gets its translated message under it and
the focus, and the dialog keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain import catalog as rules
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput
from bnaura_desk.domain.money import format_baht, parse_baht
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services.catalog import CatalogRow

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets.field_form import FieldFormDialog
from .model import kind_label


class CatalogItemDialog(FieldFormDialog):
    """The add/edit form of one catalog item.

    Args:
        runner: the app's database worker.
        treatments: treatments on sale, for a package's contents.
        item_id, form: the item to edit, or ``None`` to add one.

    Signals:
        saved(str): the item was saved (its id); the dialog then closes.
    """

    saved = Signal(str)

    def __init__(
        self,
        runner: DeskRunner,
        treatments: list[CatalogRow],
        item_id: str | None = None,
        form: ItemForm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogItemForm")
        self.runner = runner
        self.item_id = item_id
        self._saving = False

        self.kind = QComboBox(self)
        for kind in ItemKind:
            self.kind.addItem("", kind)
        self.kind.setEnabled(item_id is None)  # a kind never changes
        self.name_th = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.price = QLineEdit(self)
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        # The clinic's own grouping: typed, or one already in use (read below), so "Laser" stays one spelling.
        self.category = QComboBox(self)
        self.category.setObjectName("catalogCategory")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        category_edit = self.category.lineEdit()
        assert category_edit is not None, "an editable combo box has its line edit"
        category_edit.setMaxLength(rules.CATEGORY_MAX)
        self.category_edit = category_edit
        # Short words the suggestion rules match a skin scan against ("acne, hydration").
        self.tags = QLineEdit(self)
        self.tags.setObjectName("catalogTags")
        self.vat_exempt = QCheckBox(self)
        self.active = QCheckBox(self)
        # Treatment
        self.duration = QSpinBox(self)
        self.duration.setRange(rules.DURATION_MIN, rules.DURATION_MAX)
        self.duration.setSingleStep(5)
        self.steps = QStringListModel(self)
        self.steps_view = QListView(self)
        self.steps_view.setModel(self.steps)
        self.steps_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.add_step_button = QPushButton(self)
        self.remove_step_button = QPushButton(self)
        self.step_up_button = QPushButton(self)
        self.step_down_button = QPushButton(self)
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.step_up_button.clicked.connect(lambda: self.move_step(-1))
        self.step_down_button.clicked.connect(lambda: self.move_step(1))
        # Product
        self.sku = QLineEdit(self)
        self.barcode = QLineEdit(self)
        # Package
        self.package_treatment = QComboBox(self)
        for t in treatments:
            self.package_treatment.addItem(t.name_th or t.name_en, t.id)
        self.sessions = QSpinBox(self)
        self.sessions.setRange(rules.SESSIONS_MIN, rules.SESSIONS_MAX)

        self._focus = {
            "kind": self.kind,
            "name_th": self.name_th,
            "name_en": self.name_en,
            "price_satang": self.price,
            "category": self.category,
            "tags": self.tags,
            "duration_minutes": self.duration,
            "protocol_steps": self.steps_view,
            "sku": self.sku,
            "barcode": self.barcode,
            "package_treatment_id": self.package_treatment,
            "package_sessions": self.sessions,
        }

        common = QFormLayout()
        for key in ("kind", "name_th", "name_en", "price_satang", "category", "tags"):
            common.addRow(self._caption(key), self._with_error(key, self._focus[key]))
        common.addRow("", self.vat_exempt)
        common.addRow("", self.active)

        self.pages = QStackedWidget(self)
        treatment_page = QWidget(self)
        t_form = QFormLayout(treatment_page)
        t_form.setContentsMargins(0, 0, 0, 0)
        t_form.addRow(
            self._caption("duration_minutes"), self._with_error("duration_minutes", self.duration)
        )
        step_buttons = QVBoxLayout()
        for b in (
            self.add_step_button,
            self.remove_step_button,
            self.step_up_button,
            self.step_down_button,
        ):
            step_buttons.addWidget(b)
        step_buttons.addStretch(1)
        steps_row = QHBoxLayout()
        steps_row.setContentsMargins(0, 0, 0, 0)
        steps_row.addWidget(self.steps_view, 1)
        steps_row.addLayout(step_buttons)
        steps_box = QWidget(self)
        steps_box.setLayout(steps_row)
        t_form.addRow(
            self._caption("protocol_steps"), self._with_error("protocol_steps", steps_box)
        )
        product_page = QWidget(self)
        p_form = QFormLayout(product_page)
        p_form.setContentsMargins(0, 0, 0, 0)
        p_form.addRow(self._caption("sku"), self._with_error("sku", self.sku))
        p_form.addRow(self._caption("barcode"), self._with_error("barcode", self.barcode))
        package_page = QWidget(self)
        k_form = QFormLayout(package_page)
        k_form.setContentsMargins(0, 0, 0, 0)
        k_form.addRow(
            self._caption("package_treatment_id"),
            self._with_error("package_treatment_id", self.package_treatment),
        )
        k_form.addRow(
            self._caption("package_sessions"), self._with_error("package_sessions", self.sessions)
        )
        self._page_of = {
            ItemKind.TREATMENT: treatment_page,
            ItemKind.PRODUCT: product_page,
            ItemKind.PACKAGE: package_page,
        }
        for page in self._page_of.values():
            self.pages.addWidget(page)
        self.kind.currentIndexChanged.connect(self._show_kind_page)

        self._save_cancel()

        layout = QVBoxLayout(self)
        layout.addLayout(common)
        layout.addWidget(self.pages)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._fill(form or ItemForm(kind=ItemKind.TREATMENT, name_th="", duration_minutes=60))
        self.retranslate()
        self.resize(560, 560)
        self.name_th.setFocus()
        runner.read(catalog_service.categories_in_use, on_done=while_alive(self, self.offer_categories))

    # -- layout helpers

    def _show_kind_page(self) -> None:
        self.pages.setCurrentWidget(self._page_of[ItemKind(self.kind.currentData())])

    # -- values

    def offer_categories(self, categories: list[str]) -> None:
        """Offer ``categories`` (those in use) in the category box, keeping what is typed."""
        typed = self.category.currentText()
        self.category.clear()
        self.category.addItems(categories)
        self.category.setCurrentIndex(-1)
        self.category.setEditText(typed)

    def _fill(self, form: ItemForm) -> None:
        self.kind.setCurrentIndex(self.kind.findData(form.kind))
        self._show_kind_page()
        self.name_th.setText(form.name_th)
        self.name_en.setText(form.name_en)
        if self.item_id is not None:
            self.price.setText(format_baht(form.price_satang, symbol=False))
        self.vat_exempt.setChecked(form.vat_exempt)
        self.active.setChecked(form.active)
        self.duration.setValue(form.duration_minutes or 60)
        self.steps.setStringList(list(form.protocol_steps))
        self.sku.setText(form.sku)
        self.barcode.setText(form.barcode)
        if form.package_treatment_id:
            found = self.package_treatment.findData(form.package_treatment_id)
            if found < 0:  # taken off sale since: still show what the package holds
                self.package_treatment.addItem(form.package_treatment_id, form.package_treatment_id)
                found = self.package_treatment.count() - 1
            self.package_treatment.setCurrentIndex(found)
        self.sessions.setValue(form.package_sessions or 5)
        self.category.setEditText(form.category)
        self.tags.setText(", ".join(form.tags))

    def item_form(self) -> ItemForm:
        """Return what is typed as an ``ItemForm``.

        Raises:
            BadInput: on ``price_satang`` when the price is not an amount in baht.
        """
        if not self.price.text().strip():
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "Enter the price in baht"), field="price_satang"
            )
        price = parse_baht(self.price.text(), field="price_satang")
        return ItemForm(
            kind=ItemKind(self.kind.currentData()),
            name_th=self.name_th.text(),
            name_en=self.name_en.text(),
            price_satang=price,
            vat_exempt=self.vat_exempt.isChecked(),
            active=self.active.isChecked(),
            duration_minutes=self.duration.value(),
            protocol_steps=tuple(self.steps.stringList()),
            sku=self.sku.text(),
            barcode=self.barcode.text(),
            package_treatment_id=self.package_treatment.currentData(),
            package_sessions=self.sessions.value(),
            category=self.category.currentText(),
            tags=rules.check_tags(self.tags.text()),
        )

    # -- protocol steps

    def add_step(self, text: str = "") -> None:
        """Add a step after the current one and start editing it."""
        current = self.steps_view.currentIndex()
        row = current.row() + 1 if current.isValid() else self.steps.rowCount()
        self.steps.insertRows(row, 1)
        index = self.steps.index(row)
        if text:
            self.steps.setData(index, text)
        self.steps_view.setCurrentIndex(index)
        if not text:
            self.steps_view.edit(index)

    def remove_step(self) -> None:
        current = self.steps_view.currentIndex()
        if current.isValid():
            self.steps.removeRows(current.row(), 1)

    def move_step(self, delta: int) -> None:
        current = self.steps_view.currentIndex()
        if not current.isValid():
            return
        row, target = current.row(), current.row() + delta
        if 0 <= target < self.steps.rowCount():
            steps = self.steps.stringList()
            steps[row], steps[target] = steps[target], steps[row]
            self.steps.setStringList(steps)
            self.steps_view.setCurrentIndex(self.steps.index(target))

    # -- saving

    def save(self) -> None:
        """Validate and save through the runner; errors land under their field."""
        if self._saving:
            return
        self.clear_errors()
        try:
            form = self.item_form()
        except BadInput as err:
            self.show_error(err)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        done = while_alive(self, lambda cs: self._finish(cs.result))
        failed = while_alive(self, self.show_error)
        cancelled = while_alive(self, self._cancelled)
        if self.item_id is None:
            run_with_override(
                self.runner,
                self,
                catalog_service.create_item,
                form,
                on_done=done,
                on_error=failed,
                on_cancel=cancelled,
                initiator=self,
            )
        else:
            run_with_override(
                self.runner,
                self,
                catalog_service.update_item,
                self.item_id,
                form,
                on_done=done,
                on_error=failed,
                on_cancel=cancelled,
                initiator=self,
            )

    def _cancelled(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _finish(self, item_id: str) -> None:
        self._saving = False
        self.saved.emit(item_id)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        """Put ``error``'s translated message under its field and focus it."""
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(error, BadInput):
            self.runner.show_error(error, self)
            return
        self._show_field_error(error)

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New catalog item") if self.item_id is None else self.tr("Edit catalog item")
        )
        captions = {
            "kind": self.tr("Kind"),
            "name_th": self.tr("Name (Thai)"),
            "name_en": self.tr("Name (English)"),
            "price_satang": self.tr("Price (baht, VAT included)"),
            "category": self.tr("Category"),
            "tags": self.tr("Tags"),
            "duration_minutes": self.tr("Duration"),
            "protocol_steps": self.tr("Protocol checklist"),
            "sku": self.tr("SKU"),
            "barcode": self.tr("Barcode"),
            "package_treatment_id": self.tr("Treatment"),
            "package_sessions": self.tr("Sessions"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        # The common fields and the kind's page are separate forms: one label
        # width lines their fields up.
        width = max(label.sizeHint().width() for label in self._captions.values())
        for label in self._captions.values():
            label.setMinimumWidth(width)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_label(ItemKind(self.kind.itemData(i))))
        self.price.setPlaceholderText(self.tr("e.g. 1,500.00"))
        self.category_edit.setPlaceholderText(self.tr("e.g. Laser, Facial, Skincare (optional)"))
        self.tags.setPlaceholderText(self.tr("e.g. acne, hydration: suggested after a skin scan (optional)"))
        self.barcode.setPlaceholderText(self.tr("EAN-13, EAN-8 or UPC-A (optional)"))
        self.vat_exempt.setText(self.tr("VAT exempt (medical service)"))
        self.active.setText(self.tr("On sale"))
        self.duration.setSuffix(self.tr(" min"))
        self.add_step_button.setText(self.tr("Add step"))
        self.remove_step_button.setText(self.tr("Remove"))
        self.step_up_button.setText(self.tr("Move up"))
        self.step_down_button.setText(self.tr("Move down"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
