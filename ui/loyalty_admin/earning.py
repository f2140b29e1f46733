"""Tab 1 of the loyalty program: what earns points, the tiers, and how members qualify for them.

Save sends the whole program to ``settings.set_loyalty_program``; the
program's own check refuses tiers that overlap, a negative award or a
discount over 100 % with a translated message, shown at the field, and
nothing is saved. The spin boxes therefore accept what the check refuses
(a negative award): the message says why, where a silently clamped box
would not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.loyalty_program import MAX_AWARD, EarnRules, LoyaltyProgram, Qualification
from bnaura_desk.services import settings as settings_service

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError
from .common import with_error
from .tiers_model import TiersModel

AWARDS = ("welcome", "check_in", "review", "referral", "birthday")
SPIN_LIMIT = 10 * MAX_AWARD  # typeable beyond the program's limits, so its check says why


class EarningTab(QWidget):
    """Earn rules, the tiers table, lifetime or 12-month qualification; Save runs ``set_loyalty_program``.

    Signals:
        saved(): the program was saved.
    """

    saved = Signal()

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("earningTab")
        self.runner = runner
        self._saving = False
        self.errors: dict[str, FieldError] = {}
        self.captions: dict[str, QLabel] = {}

        self.baht_per_point = QSpinBox(self)
        self.baht_per_point.setObjectName("bahtPerPoint")
        self.baht_per_point.setRange(0, SPIN_LIMIT)
        self.baht_per_point.setPrefix("฿")
        self.baht_per_point.setGroupSeparatorShown(True)
        self.awards: dict[str, QSpinBox] = {}
        earn_form = QFormLayout()
        self._add_row(earn_form, "satang_per_point", self.baht_per_point)
        for name in AWARDS:
            spin = QSpinBox(self)
            spin.setObjectName(f"award_{name}")
            spin.setRange(-SPIN_LIMIT, SPIN_LIMIT)
            spin.setGroupSeparatorShown(True)
            self.awards[name] = spin
            self._add_row(earn_form, name, spin)

        self.tiers_model = TiersModel(self)
        self.tiers_view = QTableView(self)
        self.tiers_view.setObjectName("tiersTable")
        self.tiers_view.setModel(self.tiers_model)
        self.tiers_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tiers_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tiers_view.verticalHeader().hide()
        self.tiers_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tiers_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.add_tier_button = QPushButton(self)
        self.remove_tier_button = QPushButton(self)
        self.add_tier_button.clicked.connect(self.add_tier)
        self.remove_tier_button.clicked.connect(self.remove_tier)
        self.errors["tiers"] = FieldError(self)

        self.lifetime = QRadioButton(self)
        self.rolling = QRadioButton(self)
        self.lifetime.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.lifetime)
        group.addButton(self.rolling)
        self.errors["qualification"] = FieldError(self)
        self.general_error = FieldError(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)

        self.earn_heading, self.tiers_heading, self.qualify_heading = QLabel(self), QLabel(self), QLabel(self)
        for heading in (self.earn_heading, self.tiers_heading, self.qualify_heading):
            heading.setObjectName("sectionHeading")
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(self.add_tier_button)
        tier_buttons.addWidget(self.remove_tier_button)
        tier_buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.tiers_heading)
        right.addWidget(self.tiers_view, 1)
        right.addWidget(self.errors["tiers"])
        right.addLayout(tier_buttons)
        right.addWidget(self.qualify_heading)
        right.addWidget(self.lifetime)
        right.addWidget(self.rolling)
        right.addWidget(self.errors["qualification"])
        left = QVBoxLayout()
        left.addWidget(self.earn_heading)
        left.addLayout(earn_form)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addSpacing(24)
        columns.addLayout(right, 3)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        self.retranslate()

    def _add_row(self, form: QFormLayout, name: str, spin: QSpinBox) -> None:
        self.captions[name] = QLabel(self)
        self.errors[name] = FieldError(self)
        form.addRow(self.captions[name], with_error(self, spin, self.errors[name]))

    # -- the program

    def show_program(self, program: LoyaltyProgram) -> None:
        """Fill the fields with ``program`` (the chain's, as read)."""
        self.baht_per_point.setValue(program.earn.satang_per_point // 100)
        for name, spin in self.awards.items():
            spin.setValue(getattr(program.earn, name))
        self.tiers_model.set_tiers(program.tiers)
        self.lifetime.setChecked(program.qualification is Qualification.LIFETIME)
        self.rolling.setChecked(program.qualification is Qualification.ROLLING)
        self.clear_errors()

    def program(self) -> LoyaltyProgram:
        """Return the program as edited (unchecked: the service checks it)."""
        earn = EarnRules(satang_per_point=self.baht_per_point.value() * 100,
                         **{name: spin.value() for name, spin in self.awards.items()})
        qualification = Qualification.ROLLING if self.rolling.isChecked() else Qualification.LIFETIME
        return LoyaltyProgram(earn, self.tiers_model.tiers(), qualification)

    def add_tier(self) -> None:
        row = self.tiers_model.add_tier()
        self.tiers_view.setCurrentIndex(self.tiers_model.index(row, 0))

    def remove_tier(self) -> None:
        index = self.tiers_view.currentIndex()
        if index.isValid():
            self.tiers_model.remove_tier(index.row())

    @property
    def saving(self) -> bool:
        return self._saving

    def save(self) -> None:
        """Save the program (a manager's PIN is asked of others); a refusal is shown at its field."""
        if self._saving:
            return
        self.tiers_view.setFocus()  # commits a cell still being edited
        self.clear_errors()
        self._saving = True
        self.save_button.setEnabled(False)
        run_with_override(
            self.runner, self, settings_service.set_loyalty_program, self.program(),
            on_done=while_alive(self, lambda _changes: self._saved()),
            on_error=while_alive(self, self.show_error),
            on_cancel=while_alive(self, self._idle),
            initiator=self,
        )

    def _idle(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self) -> None:
        self._idle()
        self.saved.emit()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear_error()

    def show_error(self, error: BaseException) -> None:
        """Show a refusal at its field (the earn rate, an award, the tiers) or under the tab."""
        self._idle()
        if not isinstance(error, DeskError):
            self.runner.show_error(error, self)
            return
        label = self.errors.get(error.field or "", self.general_error)
        label.show_error(error)
        widget = {"satang_per_point": self.baht_per_point, "tiers": self.tiers_view, **self.awards}.get(
            error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        """Return the message shown at ``field`` ("" when none)."""
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- language

    def retranslate(self) -> None:
        self.earn_heading.setText(self.tr("Points earned"))
        self.tiers_heading.setText(self.tr("Tiers"))
        self.qualify_heading.setText(self.tr("Members qualify for a tier on"))
        captions = {
            "satang_per_point": self.tr("Purchases: 1 point per"),
            "welcome": self.tr("Welcome (on registration)"),
            "check_in": self.tr("Check-in (once a day)"),
            "review": self.tr("Review"),
            "referral": self.tr("Referral (to the referrer)"),
            "birthday": self.tr("Birthday (once a year)"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        for spin in self.awards.values():
            spin.setSuffix(self.tr(" points"))
        self.add_tier_button.setText(self.tr("Add tier"))
        self.remove_tier_button.setText(self.tr("Remove tier"))
        self.lifetime.setText(self.tr("Lifetime points (a tier falls only when a refund takes its points back)"))
        self.rolling.setText(self.tr("Points of the last 12 months (a tier can fall, at the end of a month)"))
        self.save_button.setText(self.tr("Save earning and tiers"))
        self.tiers_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
