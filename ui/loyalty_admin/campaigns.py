"""Tab 4 of the loyalty program: generate a coupon campaign, then export its codes as CSV.

Generate runs ``coupons.generate_campaign`` (one transaction, however many
codes); Export writes ``export_campaign_csv`` (UTF-8 with BOM, so Excel
shows Thai) beside the chosen file and renames it, so a failed export
never leaves half a file. Dates are typed as Thai staff type them
(31/01/2570, or 31/01/2027, or 2027-01-31); empty means no limit.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.dates import parse_day
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError
from bnaura_desk.domain.money import parse_baht
from bnaura_desk.services import coupons as coupons_service
from bnaura_desk.services.coupons import export_campaign_csv, item_id_by_sku

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError
from .common import with_error


def write_campaign_csv(session: Session, campaign: str, target: Path, now: datetime) -> int:
    """Write ``campaign``'s coupons to ``target`` as CSV (UTF-8 with BOM), whole or not at all; return how many."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as fh:
            count = export_campaign_csv(session, campaign, fh, now)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return count


class CampaignTab(QWidget):
    """The campaign form (name, count, what it gives, dates, minimum, per-customer limit), Generate, Export.

    Signals:
        generated(str, int): the campaign's name and how many codes it has.
        exported(str, int): the file written and how many codes it holds.
    """

    generated = Signal(str, int)
    exported = Signal(str, int)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignTab")
        self.runner = runner
        self._busy = False
        self.campaign_name = ""  # the last campaign generated here (what Export writes)
        self.codes: list[str] = []
        self.errors: dict[str, FieldError] = {}
        self.captions: dict[str, QLabel] = {}

        self.name = QLineEdit(self)
        self.name.setObjectName("campaignName")
        self.name.setMaxLength(200)
        self.count = QSpinBox(self)
        self.count.setObjectName("campaignCount")
        self.count.setRange(0, 1_000_000)
        self.count.setValue(100)
        self.count.setGroupSeparatorShown(True)
        self.percent_button, self.amount_button, self.free_button = (QRadioButton(self) for _ in range(3))
        self.percent_button.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.percent_button, self.amount_button, self.free_button):
            group.addButton(button)
            button.toggled.connect(self._show_kind)
        self.percent = QSpinBox(self)
        self.percent.setRange(0, 1_000)
        self.percent.setValue(10)
        self.percent.setSuffix(" %")
        self.amount = QLineEdit(self)
        self.sku = QLineEdit(self)
        self.valid_from, self.valid_until = QLineEdit(self), QLineEdit(self)
        self.min_spend = QLineEdit(self)
        self.per_customer = QSpinBox(self)
        self.per_customer.setRange(0, 1_000_000)
        self._fields: dict[str, QWidget] = {
            "campaign": self.name, "count": self.count, "percent": self.percent, "amount": self.amount,
            "free_item": self.sku, "valid_from": self.valid_from, "valid_until": self.valid_until,
            "min_spend": self.min_spend, "per_customer_limit": self.per_customer,
        }
        self._boxes: dict[str, QWidget] = {}
        kinds = QHBoxLayout()
        for button in (self.percent_button, self.amount_button, self.free_button):
            kinds.addWidget(button)
        kinds.addStretch(1)
        form = QFormLayout()
        self.kind_caption = QLabel(self)
        for key in ("campaign", "count"):
            self._add_row(form, key)
        form.addRow(self.kind_caption, kinds)
        for key in ("percent", "amount", "free_item", "valid_from", "valid_until", "min_spend",
                    "per_customer_limit"):
            self._add_row(form, key)
        self.general_error = FieldError(self)
        self.result = QLabel(self)
        self.result.setObjectName("campaignResult")
        self.result.setWordWrap(True)
        self.generate_button = QPushButton(self)
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export_csv())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.generate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self._show_kind()
        self.retranslate()

    def _add_row(self, form: QFormLayout, key: str) -> None:
        self.captions[key] = QLabel(self)
        self.errors[key] = FieldError(self)
        self._boxes[key] = with_error(self, self._fields[key], self.errors[key])
        form.addRow(self.captions[key], self._boxes[key])

    def _show_kind(self) -> None:
        for key, shown in (("percent", self.percent_button.isChecked()), ("amount", self.amount_button.isChecked()),
                           ("free_item", self.free_button.isChecked())):
            self.captions[key].setVisible(shown)
            self._boxes[key].setVisible(shown)

    # -- generate

    def terms(self, free_item_id: str | None) -> CouponTerms:
        """Return the coupons' terms as typed (``free_item_id``: the item the SKU names).

        Raises:
            BadInput: an amount or a date that cannot be read.
        """
        extra: dict[str, Any]
        if self.amount_button.isChecked():
            kind, extra = CouponKind.AMOUNT, {"amount_satang": parse_baht(self.amount.text(), field="amount")}
        elif self.free_button.isChecked():
            kind, extra = CouponKind.FREE_ITEM, {"free_item_id": free_item_id}
        else:
            kind, extra = CouponKind.PERCENT, {"percent": self.percent.value()}
        start, end = self.valid_from.text().strip(), self.valid_until.text().strip()
        return CouponTerms(
            kind=kind,
            valid_from=parse_day(start, "valid_from") if start else None,
            valid_until=parse_day(end, "valid_until") if end else None,
            min_spend_satang=parse_baht(self.min_spend.text(), field="min_spend") if self.min_spend.text().strip()
            else 0,
            per_customer_limit=self.per_customer.value() or None,
            **extra,
        )

    @property
    def busy(self) -> bool:
        return self._busy

    def generate(self) -> None:
        """Check the form, find the free item by SKU, then generate the campaign (a manager's PIN for others)."""
        if self._busy:
            return
        self.clear_errors()
        try:
            self.terms(None)
        except BadInput as error:
            self.show_error(error)
            return
        self._busy = True
        self.generate_button.setEnabled(False)
        if self.free_button.isChecked() and self.sku.text().strip():
            self.runner.read(item_id_by_sku, self.sku.text(), on_done=while_alive(self, self._found_item),
                             on_error=while_alive(self, self.show_error))
        else:
            self._found_item(None)

    def _found_item(self, item_id: str | None) -> None:
        if self.free_button.isChecked() and self.sku.text().strip() and item_id is None:
            self.show_error(BadInput(QT_TRANSLATE_NOOP("errors", "The catalog has no item with SKU {sku}"),
                                     field="free_item", sku=self.sku.text().strip()))
            return
        name = " ".join(self.name.text().split())
        run_with_override(
            self.runner, self, coupons_service.generate_campaign, name, self.count.value(), self.terms(item_id),
            on_done=while_alive(self, lambda changes: self._generated(name, list(changes.result))),
            on_error=while_alive(self, self.show_error),
            on_cancel=while_alive(self, self._idle),
            initiator=self,
        )

    def _idle(self) -> None:
        self._busy = False
        self.generate_button.setEnabled(True)

    def _generated(self, name: str, codes: list[str]) -> None:
        self._idle()
        self.campaign_name, self.codes = name, codes
        self.export_button.setEnabled(True)
        self._show_result()
        self.generated.emit(name, len(codes))

    # -- export

    def export_csv(self, path: str | None = None) -> None:
        """Write the campaign's codes to ``path`` (asked with a file dialog when None) as CSV."""
        if not self.campaign_name:
            return
        if path is None:
            suggested = "".join(c if c.isalnum() else "-" for c in self.campaign_name).strip("-") or "campaign"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the campaign's codes"), f"{suggested}.csv", self.tr("CSV files (*.csv)"))
            if not path:
                return
        target = Path(path)
        self.runner.read(write_campaign_csv, self.campaign_name, target, self.runner.terminal.clock(),
                         on_done=while_alive(self, lambda count: self._exported(str(target), count)),
                         on_error=while_alive(self, self.show_error))

    def _exported(self, path: str, count: int) -> None:
        self.result.setText(self.tr("Wrote {count} codes to {path}").format(count=f"{count:,}", path=path))
        self.exported.emit(path, count)

    # -- errors, language

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear_error()

    def show_error(self, error: BaseException) -> None:
        """Show a refusal at its field (or under the form); other errors in a message box."""
        self._idle()
        if not isinstance(error, DeskError):
            self.runner.show_error(error, self)
            return
        field = "per_customer_limit" if error.field == "usage_limit" else (error.field or "")
        self.errors.get(field, self.general_error).show_error(error)
        widget = self._fields.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _show_result(self) -> None:
        if self.campaign_name:
            self.result.setText(self.tr("Generated {count} codes for “{campaign}”, e.g. {code}").format(
                count=f"{len(self.codes):,}", campaign=self.campaign_name, code=self.codes[0] if self.codes else ""))

    def retranslate(self) -> None:
        captions = {"campaign": self.tr("Campaign name"), "count": self.tr("Number of codes"),
                    "percent": self.tr("Percent off"), "amount": self.tr("Amount off (baht)"),
                    "free_item": self.tr("Free item (SKU)"), "valid_from": self.tr("Valid from"),
                    "valid_until": self.tr("Valid until"), "min_spend": self.tr("Minimum spend (baht)"),
                    "per_customer_limit": self.tr("Uses per customer")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.kind_caption.setText(self.tr("Gives"))
        self.percent_button.setText(self.tr("Percent off"))
        self.amount_button.setText(self.tr("Amount off"))
        self.free_button.setText(self.tr("A free item"))
        for edit in (self.valid_from, self.valid_until):
            edit.setPlaceholderText(self.tr("day/month/year, e.g. 31/01/2570; empty: no limit"))
        self.min_spend.setPlaceholderText(self.tr("empty: no minimum"))
        self.per_customer.setSpecialValueText(self.tr("no limit"))
        self.sku.setPlaceholderText(self.tr("e.g. BASIC-FACIAL"))
        self.generate_button.setText(self.tr("Generate codes"))
        self.export_button.setText(self.tr("Export CSV…"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
