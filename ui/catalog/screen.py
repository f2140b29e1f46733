"""The catalog screen: what the clinic sells; managers add, edit and stock it.

Everyone sees the list. The add/edit/on-sale buttons need
``Permission.CATALOG_MANAGE`` and the stock buttons ``Permission.STOCK_ADJUST``;
the services refuse the same actions on their own, so hiding is only a
courtesy.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.roles import Permission, may
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services.catalog import CatalogRow

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..customers.model import NameDelegate
from ..override import run_with_override
from ..runner import DeskRunner
from .form import CatalogItemDialog
from .model import CatalogModel, CatalogSortProxy, ItemIdRole, menu_order
from .stock import StockDialog, StockMode

_WATCHED = (Kind.CATALOG_ITEM, Kind.STOCK, Kind.STAFF)


class CatalogScreen(QWidget):
    """Browse the catalog; manage it with the right role.

    Args:
        runner: the app's database worker (its ``actor`` decides the buttons).
        bus: the change bus; the list refreshes from it.
    """

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogScreen")
        self.runner = runner
        self.bus = bus
        self._seq = 0
        self._stale = False
        self._select_after: str | None = None
        self.dialog: QDialog | None = None

        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem("", None)
        for kind in ItemKind:
            self.kind_filter.addItem("", kind)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("catalogFilter")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self.refresh)
        self.show_inactive = QCheckBox(self)
        self.show_inactive.toggled.connect(self.refresh)
        self.no_results = QLabel(self)
        self.no_results.setObjectName("catalogNoResults")
        self.no_results.setWordWrap(True)
        self.no_results.hide()

        self.model = CatalogModel(self)
        self.proxy = CatalogSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("catalogList")
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(CatalogModel.NAME, NameDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 14)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CatalogModel.NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # Unsorted until a header is clicked: menu order (treatments,
        # products, packages; by Thai name) is the order staff know.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())

        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.active_button = QPushButton(self)
        self.receive_button = QPushButton(self)
        self.count_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.receive_button.clicked.connect(lambda: self.stock_selected(StockMode.RECEIVE))
        self.count_button.clicked.connect(lambda: self.stock_selected(StockMode.COUNT))

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.show_inactive)
        actions = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.active_button,
            self.receive_button,
            self.count_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.no_results)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        bus.changed.connect(self._on_changed)
        self.retranslate()
        self.update_actions()
        self.refresh()

    # -- reading

    def refresh(self) -> None:
        """Read the catalog again with the current filters."""
        self._seq += 1
        seq = self._seq
        # A partial: DeskRunner.read's own first parameter is named "query",
        # so list_items(query=...) cannot be passed through as a keyword.
        read = partial(
            catalog_service.list_items,
            kind=self.kind_filter.currentData(),
            query=self.text_filter.text(),
            include_inactive=self.show_inactive.isChecked(),
        )
        self.runner.read(
            read,
            on_done=while_alive(self, lambda rows: self._show_rows(seq, rows)),
            on_error=while_alive(self, self.runner.show_error),
        )

    def _show_rows(self, seq: int, rows: list[CatalogRow]) -> None:
        if seq != self._seq:
            return  # a newer filter is on its way
        keep = self._select_after or self.selected_id()
        self.model.set_rows(menu_order(rows))
        self._render_no_results()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self._select_after = None
            self._select_source_row(row)
        self.update_actions()

    def _select_source_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def selected(self) -> CatalogRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.item(source.row())

    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ItemIdRole) if index.isValid() else None

    def select_item(self, item_id: str) -> None:
        """Select ``item_id`` once it is listed (now or after the next read)."""
        row = self.model.row_of(item_id)
        if row >= 0:
            self._select_source_row(row)
        else:
            self._select_after = item_id

    # -- permissions

    def _may(self, permission: Permission) -> bool:
        actor = self.runner.actor
        return actor is not None and may(actor.role, permission)

    def update_actions(self) -> None:
        """Enable what the signed-in user may do with the selected item."""
        manage = self._may(Permission.CATALOG_MANAGE)
        stock = self._may(Permission.STOCK_ADJUST)
        item = self.selected()
        self.new_button.setEnabled(manage)
        self.edit_button.setEnabled(manage and item is not None)
        self.active_button.setEnabled(manage and item is not None)
        is_product = item is not None and item.kind is ItemKind.PRODUCT
        self.receive_button.setEnabled(stock and is_product)
        self.count_button.setEnabled(stock and is_product)
        self.active_button.setText(
            self.tr("Take off sale") if item is None or item.active else self.tr("Put on sale")
        )
        reason = "" if manage else self.tr("Only a manager may change the catalog")
        for b in (self.new_button, self.edit_button, self.active_button):
            b.setToolTip(reason)

    # -- actions

    def new_item(self) -> None:
        self._with_treatments(lambda treatments: self._open_item_dialog(treatments, None, None))

    def edit_selected(self) -> None:
        item = self.selected()
        if item is None or not self._may(Permission.CATALOG_MANAGE):
            return
        item_id = item.id

        def got(treatments: list[CatalogRow]) -> None:
            self.runner.read(
                catalog_service.get_item,
                item_id,
                on_done=while_alive(
                    self, lambda res: self._open_item_dialog(treatments, item_id, res[0])
                ),
            )

        self._with_treatments(got)

    def _with_treatments(self, then: Callable[[list[CatalogRow]], None]) -> None:
        # Packages hold a treatment on sale: the dialog offers those.
        self.runner.read(
            catalog_service.list_items, kind=ItemKind.TREATMENT, on_done=while_alive(self, then)
        )

    def _open_item_dialog(
        self, treatments: list[CatalogRow], item_id: str | None, form: ItemForm | None
    ) -> None:
        if self.dialog is not None:
            return
        dialog = CatalogItemDialog(self.runner, treatments, item_id, form, self)
        dialog.saved.connect(self.select_item)
        self._show_dialog(dialog)

    def stock_selected(self, mode: StockMode) -> None:
        item = self.selected()
        if item is None or item.kind is not ItemKind.PRODUCT or self.dialog is not None:
            return
        dialog = StockDialog(self.runner, item, mode, self)
        dialog.saved.connect(self.select_item)
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def toggle_active(self) -> None:
        item = self.selected()
        if item is None:
            return
        run_with_override(
            self.runner,
            self,
            catalog_service.set_item_active,
            item.id,
            not item.active,
            initiator=self,
        )

    # -- changes

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if not any(changes.touches(k) for k in _WATCHED):
            return
        self.update_actions()  # a sign-in or user switch changes who may edit
        if not self.isVisible():
            self._stale = True
            return
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_actions()
        if self._stale:
            self._stale = False
            self.refresh()

    # -- language

    def retranslate(self) -> None:
        labels = [
            self.tr("All kinds"),
            self.tr("Treatments"),
            self.tr("Products"),
            self.tr("Packages"),
        ]
        for i, text in enumerate(labels):
            self.kind_filter.setItemText(i, text)
        self.text_filter.setPlaceholderText(self.tr("Name, SKU or barcode"))
        self.show_inactive.setText(self.tr("Show items off sale"))
        self.new_button.setText(self.tr("New item…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.receive_button.setText(self.tr("Receive stock…"))
        self.count_button.setText(self.tr("Count stock…"))
        self.model.retranslate()
        self.update_actions()
        self._render_no_results()

    def _render_no_results(self) -> None:
        """Say why the list is empty: nothing matches what is typed, or nothing of this kind yet."""
        empty = self.model.rowCount() == 0
        self.no_results.setVisible(empty)
        if not empty:
            return
        text = self.text_filter.text().strip()
        if text:
            message = self.tr("No item matches “{text}”.").format(text=text)
        else:
            message = self.tr("No items here yet.")
        if not self.show_inactive.isChecked():
            message += " " + self.tr("Tick “Show items off sale” to look among those too.")
        self.no_results.setText(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
