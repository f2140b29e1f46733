"""Tab 2 of the loyalty program: the rewards catalog (an item model), with add, edit and deactivate.

A reward is saved whole with ``rewards.set_reward`` (a default too: the
manager's version replaces it on every terminal); ``deactivate_reward``
takes one out of what members can redeem. Refusals are shown at the
form's field; nothing is saved then.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
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

from bnaura_desk.domain.coupons import CouponKind, what_it_gives
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError
from bnaura_desk.domain.money import parse_baht
from bnaura_desk.domain.rewards import DEFAULT_VALIDITY_DAYS, Reward
from bnaura_desk.services import rewards as rewards_service
from bnaura_desk.services.coupons import item_id_by_sku

from ..customers.callbacks import while_alive
from ..i18n import current_language
from ..loyalty.labels import format_points
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError
from ..widgets.field_form import FieldFormDialog
from ..widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    CouponKind.PERCENT: QT_TRANSLATE_NOOP("rewards", "Percent off"),
    CouponKind.AMOUNT: QT_TRANSLATE_NOOP("rewards", "Amount off"),
    CouponKind.FREE_ITEM: QT_TRANSLATE_NOOP("rewards", "A free item"),
}


def kind_label(kind: CouponKind) -> str:
    """Return what a kind of coupon is called, in the UI language."""
    return QCoreApplication.translate("rewards", KIND_LABELS[kind])


def reward_name(reward: Reward) -> str:
    """Return the reward's name in the UI language (the Thai one when it has no English name)."""
    return reward.name_en if current_language() == "en" and reward.name_en else reward.name_th or reward.name_en


def baht_typed(satang: int) -> str:
    """Return satang as a form shows them for editing: ``1500`` or ``1500.50``."""
    whole, frac = divmod(satang, 100)
    return f"{whole}.{frac:02d}" if frac else str(whole)


class RewardsModel(RowsModel):
    """The rewards catalog: name, points, what it gives, days valid, minimum spend, status."""

    COLUMN_COUNT = 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reward: Reward = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return reward_name(reward)
            if column == 1:
                return format_points(reward.points_cost)
            if column == 2:
                return what_it_gives(reward.terms(), reward.free_item_sku or "").render(QCoreApplication.translate)
            if column == 3:
                return self.tr("{days} days").format(days=reward.validity_days)
            if column == 4:
                return f"฿{reward.min_spend_satang // 100:,}" if reward.min_spend_satang else "—"
            if not reward.active:
                return self.tr("Not offered")
            return self.tr("Offered") if reward.available else self.tr("Item not in the catalog")
        if role == Qt.ItemDataRole.ForegroundRole and not reward.available:
            from PySide6.QtGui import QColor

            return QColor("#777777")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Reward"), self.tr("Points"), self.tr("Gives"), self.tr("Coupon valid"),
                  self.tr("Minimum spend"), self.tr("Status"))
        return titles[section] if 0 <= section < len(titles) else None


class RewardForm(FieldFormDialog):
    """Adds a reward (``reward`` None) or edits one; saves with ``set_reward``.

    Signals:
        saved(str): the reward's id, once saved (the dialog then closes).
    """

    saved = Signal(str)

    def __init__(self, runner: DeskRunner, reward: Reward | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rewardForm")
        self.runner = runner
        self.reward = reward
        self._saving = False
        self.name_th = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.points_cost = QSpinBox(self)
        self.points_cost.setRange(0, 100_000_000)
        self.points_cost.setGroupSeparatorShown(True)
        self.kind = QComboBox(self)
        for kind in CouponKind:
            self.kind.addItem("", kind)
        self.percent = QSpinBox(self)
        self.percent.setRange(0, 1_000)
        self.percent.setSuffix(" %")
        self.amount = QLineEdit(self)
        self.sku = QLineEdit(self)
        self.validity_days = QSpinBox(self)
        self.validity_days.setRange(0, 100_000)
        self.min_spend = QLineEdit(self)
        self.active = QCheckBox(self)
        self.active.setChecked(True)
        self._focus = {"name_th": self.name_th, "points_cost": self.points_cost, "percent": self.percent,
                       "amount": self.amount, "free_item": self.sku, "validity_days": self.validity_days,
                       "min_spend": self.min_spend}
        self._boxes: dict[str, QWidget] = {}
        form = QFormLayout()
        for key, widget in (("name_th", self.name_th), ("name_en", self.name_en), ("points_cost", self.points_cost),
                            ("kind", self.kind), ("percent", self.percent), ("amount", self.amount),
                            ("free_item", self.sku), ("validity_days", self.validity_days),
                            ("min_spend", self.min_spend)):
            self._boxes[key] = self._with_error(key, widget)
            form.addRow(self._caption(key), self._boxes[key])
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self._save_cancel())
        self.kind.currentIndexChanged.connect(self._show_kind)
        for spin in self.findChildren(QSpinBox):
            spin.setMinimumHeight(32)  # room for Thai marks above and below
        self._fill(reward)
        self.setMinimumWidth(520)
        self.retranslate()

    def _fill(self, reward: Reward | None) -> None:
        if reward is None:
            self.validity_days.setValue(DEFAULT_VALIDITY_DAYS)
            self._show_kind()
            return
        self.name_th.setText(reward.name_th)
        self.name_en.setText(reward.name_en)
        self.points_cost.setValue(reward.points_cost)
        self.kind.setCurrentIndex(list(CouponKind).index(reward.kind))
        self.percent.setValue(reward.percent)
        self.amount.setText(baht_typed(reward.amount_satang) if reward.amount_satang else "")
        self.sku.setText(reward.free_item_sku or "")
        self.validity_days.setValue(reward.validity_days)
        self.min_spend.setText(baht_typed(reward.min_spend_satang) if reward.min_spend_satang else "")
        self.active.setChecked(reward.active)
        self._show_kind()

    def _show_kind(self) -> None:
        kind = CouponKind(self.kind.currentData())
        for key, shown in (("percent", kind is CouponKind.PERCENT), ("amount", kind is CouponKind.AMOUNT),
                           ("free_item", kind is CouponKind.FREE_ITEM)):
            self._boxes[key].setVisible(shown)
            self._captions[key].setVisible(shown)

    @property
    def saving(self) -> bool:
        return self._saving

    def edited(self, free_item_id: str | None) -> Reward:
        """Return the reward as typed (``free_item_id``: the item its SKU names).

        Raises:
            BadInput: an amount or a minimum spend that is not baht.
        """
        kind = CouponKind(self.kind.currentData())
        amount = parse_baht(self.amount.text(), field="amount") if kind is CouponKind.AMOUNT else 0
        minimum = parse_baht(self.min_spend.text(), field="min_spend") if self.min_spend.text().strip() else 0
        base = self.reward or Reward("", "", "", 0, kind)
        sku = "".join(self.sku.text().split()).upper() if kind is CouponKind.FREE_ITEM else ""
        return replace(
            base, name_th=self.name_th.text(), name_en=self.name_en.text(), points_cost=self.points_cost.value(),
            kind=kind, percent=self.percent.value() if kind is CouponKind.PERCENT else 0, amount_satang=amount,
            free_item_id=free_item_id, free_item_sku=sku or None, validity_days=self.validity_days.value(),
            min_spend_satang=minimum, active=self.active.isChecked(),
        )

    def save(self) -> None:
        """Check what was typed, find the free item by its SKU, then save (a manager's PIN is asked of others)."""
        if self._saving:
            return
        self.clear_errors()
        try:
            self.edited(None)
        except BadInput as error:
            self._show_field_error(error)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        if CouponKind(self.kind.currentData()) is CouponKind.FREE_ITEM and self.sku.text().strip():
            self.runner.read(item_id_by_sku, self.sku.text(), on_done=while_alive(self, self._found_item),
                             on_error=while_alive(self, self._failed))
        else:
            self._found_item(None)

    def _found_item(self, item_id: str | None) -> None:
        if CouponKind(self.kind.currentData()) is CouponKind.FREE_ITEM and self.sku.text().strip() and item_id is None:
            self._failed(BadInput(QT_TRANSLATE_NOOP("errors", "The catalog has no item with SKU {sku}"),
                                  field="free_item", sku=self.sku.text().strip()))
            return
        run_with_override(
            self.runner, self, rewards_service.set_reward, self.edited(item_id),
            on_done=while_alive(self, lambda changes: self._finish(str(changes.result))),
            on_error=while_alive(self, self._failed),
            on_cancel=while_alive(self, self._idle),
            initiator=self,
        )

    def _idle(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _finish(self, reward_id: str) -> None:
        self._idle()
        self.saved.emit(reward_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, BadInput):
            self._show_field_error(error)
        elif isinstance(error, DeskError):
            self.general_error.show_error(error)
        else:
            self.runner.show_error(error, self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit reward") if self.reward else self.tr("Add reward"))
        captions = {"name_th": self.tr("Name (Thai)"), "name_en": self.tr("Name (English)"),
                    "points_cost": self.tr("Points"), "kind": self.tr("Gives"), "percent": self.tr("Percent off"),
                    "amount": self.tr("Amount off (baht)"), "free_item": self.tr("Free item (SKU)"),
                    "validity_days": self.tr("Coupon valid (days)"), "min_spend": self.tr("Minimum spend (baht)")}
        for key, text in captions.items():
            self._captions[key].setText(text)
        for row, kind in enumerate(CouponKind):
            self.kind.setItemText(row, kind_label(kind))
        self.active.setText(self.tr("Offered to members"))
        self.sku.setPlaceholderText(self.tr("e.g. BASIC-FACIAL"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RewardsTab(QWidget):
    """The catalog with Add, Edit and Deactivate.

    Signals:
        changed(): a reward was saved or deactivated (the dialog reads the catalog again).
    """

    changed = Signal()

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rewardsTab")
        self.runner = runner
        self.model = RewardsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("rewardsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit_reward())
        self.error = FieldError(self)
        self.add_button, self.edit_button, self.deactivate_button = QPushButton(self), QPushButton(self), \
            QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_reward())
        self.edit_button.clicked.connect(lambda: self.edit_reward())
        self.deactivate_button.clicked.connect(self.deactivate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    def show_rewards(self, rewards: list[Reward]) -> None:
        """Show the catalog (as read); the selected reward stays selected."""
        current = self.selected()
        self.model.set_rows(rewards)
        if current is not None and self.model.row_of(current.id) >= 0:
            self.select(current.id)

    def select(self, reward_id: str) -> None:
        self.view.selectRow(self.model.row_of(reward_id))

    def selected(self) -> Reward | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add_reward(self) -> RewardForm:
        """Open the form for a new reward."""
        return self._open(None)

    def edit_reward(self) -> RewardForm | None:
        """Open the form of the selected reward (None when none is selected)."""
        reward = self.selected()
        return self._open(reward) if reward is not None else None

    def _open(self, reward: Reward | None) -> RewardForm:
        form = RewardForm(self.runner, reward, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _id: self.changed.emit())
        form.open()
        return form

    def deactivate(self) -> None:
        """Take the selected reward out of what members can redeem."""
        reward = self.selected()
        if reward is None:
            return
        self.error.clear_error()
        run_with_override(
            self.runner, self, rewards_service.deactivate_reward, reward.id,
            on_done=while_alive(self, lambda _changes: self.changed.emit()),
            on_error=while_alive(self, self._failed), initiator=self,
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.error.show_error(error)
        else:
            self.runner.show_error(error, self)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add reward…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.deactivate_button.setText(self.tr("Stop offering"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
