"""Register or edit a customer: every profile field, preferences and PDPA consent.

Saving is one use case call (``register_customer`` or ``update_customer``,
each taking the consent decisions too), so the profile and its consents are
saved together or not at all. A refused field gets its translated message
right under it and the focus; the dialog stays open with everything typed.
A duplicate phone offers to open the customer who has it, until the phone
is changed.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.customer import Channel, ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.errors import BadInput, DuplicatePhone
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.customers import CustomerDetails

from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets.field_form import FieldFormDialog
from .callbacks import while_alive
from .dates import birthday_text, parse_birthday
from .labels import channel_label, consent_label, gender_label

DEFAULT_QUIET = (time(21, 0), time(8, 0))


class CustomerFormDialog(FieldFormDialog):
    """The register/edit form.

    Args:
        runner: the app's database worker.
        details: the customer to edit, or ``None`` to register a new one.
        prefill: starting values for a new customer (e.g. the phone typed in search).

    Signals:
        saved(str): the customer was saved (its id); the dialog then closes.
        openExisting(str): the user chose to open the customer whose phone was duplicated.
    """

    saved = Signal(str)
    openExisting = Signal(str)

    def __init__(
        self,
        runner: DeskRunner,
        details: CustomerDetails | None = None,
        prefill: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.runner = runner
        self.details = details
        self._existing_id: str | None = None
        self._saving = False

        self.name_th = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.nickname = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone.textChanged.connect(self._phone_edited)
        self.email = QLineEdit(self)
        self.line_id = QLineEdit(self)
        self.birthday = QLineEdit(self)
        self.gender = QComboBox(self)
        for g in Gender:
            self.gender.addItem("", g)
        self.channels = {c: QCheckBox(self) for c in Channel}
        self.quiet_enabled = QCheckBox(self)
        self.quiet_start = QTimeEdit(self)
        self.quiet_end = QTimeEdit(self)
        for edit, value in zip((self.quiet_start, self.quiet_end), DEFAULT_QUIET, strict=True):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime(value.hour, value.minute))
        self.quiet_enabled.toggled.connect(self._sync_quiet)
        self.opted_out = QCheckBox(self)
        self.skin_notes = QPlainTextEdit(self)
        self.skin_notes.setTabChangesFocus(True)
        self.skin_notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.consents = {p: QCheckBox(self) for p in ConsentPurpose}

        self._focus = {
            "name_th": self.name_th,
            "name_en": self.name_en,
            "nickname": self.nickname,
            "phone": self.phone,
            "email": self.email,
            "line_id": self.line_id,
            "birthday": self.birthday,
            "gender": self.gender,
            "skin_notes": self.skin_notes,
            "quiet_start": self.quiet_start,
            "quiet_end": self.quiet_end,
            "channels": self.channels[Channel.SMS],
        }

        profile = QFormLayout()
        profile.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in (
            ("name_th", self.name_th),
            ("name_en", self.name_en),
            ("nickname", self.nickname),
            ("phone", self.phone),
            ("email", self.email),
            ("line_id", self.line_id),
            ("birthday", self.birthday),
            ("gender", self.gender),
            ("skin_notes", self.skin_notes),
        ):
            profile.addRow(self._caption(key), self._with_error(key, widget))

        channel_grid = QGridLayout()
        channel_grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.channels.values()):
            channel_grid.addWidget(box, i // 3, i % 3)
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet_enabled)
        quiet_row.addWidget(self.quiet_start)
        self.quiet_to = QLabel(self)
        quiet_row.addWidget(self.quiet_to)
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)
        self.prefs_box = QGroupBox(self)
        prefs = QFormLayout(self.prefs_box)
        prefs.addRow(
            self._caption("channels"), self._with_error("channels", _wrap(channel_grid, self))
        )
        prefs.addRow(
            self._caption("quiet_start"), self._with_error("quiet_start", _wrap(quiet_row, self))
        )
        prefs.addRow("", self.opted_out)

        self.consent_box = QGroupBox(self)
        consent_layout = QVBoxLayout(self.consent_box)
        self.consent_hint = QLabel(self)
        self.consent_hint.setWordWrap(True)
        consent_layout.addWidget(self.consent_hint)
        for box in self.consents.values():
            consent_layout.addWidget(box)

        self.open_existing_button = QPushButton(self)
        self.open_existing_button.hide()
        self.open_existing_button.clicked.connect(self._open_existing)
        self._save_cancel()
        self.save_button.setDefault(True)

        # Two columns: the whole form fits a 1366x768 counter screen unscrolled.
        content = QWidget(self)
        columns = QHBoxLayout(content)
        left = QVBoxLayout()
        left.addLayout(profile)
        left.addStretch(1)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self.prefs_box)
        right.addWidget(self.consent_box)
        right.addStretch(1)
        columns.addLayout(right, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        # On the dialog's canvas like its buttons, not on a grey box of its own.
        content.setAutoFillBackground(False)
        scroll.viewport().setAutoFillBackground(False)
        footer = QHBoxLayout()
        footer.addWidget(self.general_error, 1)
        footer.addWidget(self.open_existing_button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(footer)
        outer.addWidget(self.buttons)

        self._fill(details, prefill or {})
        self.retranslate()
        self.resize(1000, 560)
        self.name_th.setFocus()

    # -- layout helpers

    # -- values

    def _fill(self, details: CustomerDetails | None, prefill: dict[str, str]) -> None:
        form = details.form if details else CustomerForm()
        for key in ("name_th", "name_en", "nickname", "phone", "email", "line_id"):
            getattr(self, key).setText(prefill.get(key, getattr(form, key)))
        self.birthday.setText(birthday_text(form.birthday))
        self.gender.setCurrentIndex(self.gender.findData(form.gender))
        for channel, box in self.channels.items():
            box.setChecked(channel in form.channels)
        has_quiet = form.quiet_start is not None and form.quiet_end is not None
        self.quiet_enabled.setChecked(has_quiet)
        if form.quiet_start is not None and form.quiet_end is not None:
            self.quiet_start.setTime(QTime(form.quiet_start.hour, form.quiet_start.minute))
            self.quiet_end.setTime(QTime(form.quiet_end.hour, form.quiet_end.minute))
        self._sync_quiet(has_quiet)
        self.opted_out.setChecked(form.opted_out)
        self.skin_notes.setPlainText(form.skin_notes)
        given = self._initial_consents()
        for purpose, box in self.consents.items():
            box.setChecked(given.get(purpose, False))

    def _initial_consents(self) -> dict[ConsentPurpose, bool]:
        if self.details is None:
            return {}
        return {p: s.granted for p, s in self.details.consents.items()}

    def _sync_quiet(self, enabled: bool) -> None:
        self.quiet_start.setEnabled(enabled)
        self.quiet_end.setEnabled(enabled)

    def customer_form(self) -> CustomerForm:
        """Return what is typed as a ``CustomerForm``.

        Raises:
            BadInput: on ``birthday`` when it is not a day/month/year date.
        """
        quiet = self.quiet_enabled.isChecked()
        start, end = self.quiet_start.time(), self.quiet_end.time()
        return CustomerForm(
            name_th=self.name_th.text(),
            name_en=self.name_en.text(),
            nickname=self.nickname.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            line_id=self.line_id.text(),
            birthday=parse_birthday(self.birthday.text()),
            gender=Gender(self.gender.currentData()),
            skin_notes=self.skin_notes.toPlainText(),
            channels=tuple(c for c, box in self.channels.items() if box.isChecked()),
            quiet_start=time(start.hour(), start.minute()) if quiet else None,
            quiet_end=time(end.hour(), end.minute()) if quiet else None,
            opted_out=self.opted_out.isChecked(),
        )

    def consent_choices(self) -> dict[ConsentPurpose, bool]:
        """Return every consent box's state."""
        return {p: box.isChecked() for p, box in self.consents.items()}

    def changed_consents(self) -> dict[ConsentPurpose, bool]:
        """Return the consent decisions the user changed since the form opened.

        Only these are saved: a box left as it was shown records nothing,
        even if another terminal changed that consent meanwhile.
        """
        before = self._initial_consents()
        return {p: on for p, on in self.consent_choices().items() if on != before.get(p, False)}

    # -- saving

    def save(self) -> None:
        """Validate and save through the runner; errors land under their field."""
        if self._saving:
            return
        self.clear_errors()
        try:
            form = self.customer_form()
        except BadInput as err:
            self.show_error(err)
            return
        self._set_saving(True)
        if self.details is None:
            granted = {p: True for p, on in self.consent_choices().items() if on}
            run_with_override(
                self.runner,
                self,
                customer_service.register_customer,
                form,
                consents=granted,
                on_done=while_alive(self, lambda cs: self._finish(cs.result)),
                on_error=while_alive(self, self.show_error),
                on_cancel=while_alive(self, lambda: self._set_saving(False)),
                initiator=self,
            )
        else:
            # One use case saves the profile and the changed consents together:
            # a refusal or a failure leaves the customer exactly as they were.
            run_with_override(
                self.runner,
                self,
                customer_service.update_customer,
                self.details.id,
                form,
                self.changed_consents(),
                on_done=while_alive(self, lambda cs: self._finish(cs.result)),
                on_error=while_alive(self, self.show_error),
                on_cancel=while_alive(self, lambda: self._set_saving(False)),
                initiator=self,
            )

    def _finish(self, customer_id: str) -> None:
        self._set_saving(False)
        self.saved.emit(customer_id)
        self.accept()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    # -- errors

    def clear_errors(self) -> None:
        super().clear_errors()
        self.open_existing_button.hide()
        self._existing_id = None

    def show_error(self, error: BaseException) -> None:
        """Put ``error``'s translated message under its field and focus it."""
        self._set_saving(False)
        if not isinstance(error, BadInput):
            self.runner.show_error(error, self)
            return
        self._show_field_error(error)
        if isinstance(error, DuplicatePhone):
            self._existing_id = error.existing_customer_id
            self.open_existing_button.show()

    def _phone_edited(self, _text: str) -> None:
        # The message and "Open existing customer" were about the number as it
        # was; once it is corrected they would point at the wrong person.
        self._errors["phone"].clear_error()
        if self._existing_id is not None:
            self._existing_id = None
            self.open_existing_button.hide()

    def _open_existing(self) -> None:
        if self._existing_id is not None:
            self.openExisting.emit(self._existing_id)
            self.reject()

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Register customer") if self.details is None else self.tr("Edit customer")
        )
        captions = {
            "name_th": self.tr("Name (Thai)"),
            "name_en": self.tr("Name (English)"),
            "nickname": self.tr("Nickname"),
            "phone": self.tr("Mobile phone"),
            "email": self.tr("Email"),
            "line_id": self.tr("LINE ID"),
            "birthday": self.tr("Birthday"),
            "gender": self.tr("Gender"),
            "skin_notes": self.tr("Skin notes"),
            "channels": self.tr("Channels"),
            "quiet_start": self.tr("Quiet hours"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self.name_th.setPlaceholderText(self.tr("e.g. สมศรี ใจดี"))
        self.name_en.setPlaceholderText(self.tr("e.g. Somsri Jaidee"))
        self.phone.setPlaceholderText(self.tr("e.g. 081-234-5678"))
        self.birthday.setPlaceholderText(self.tr("day/month/year, e.g. 25/12/2533 or 25/12/1990"))
        for i in range(self.gender.count()):
            self.gender.setItemText(i, gender_label(Gender(self.gender.itemData(i))))
        for channel, box in self.channels.items():
            box.setText(channel_label(channel))
        self.prefs_box.setTitle(self.tr("Communication preferences"))
        self.quiet_enabled.setText(self.tr("From"))
        self.quiet_to.setText(self.tr("to"))
        self.opted_out.setText(self.tr("Opted out: send no messages at all"))
        self.consent_box.setTitle(self.tr("PDPA consent"))
        self.consent_hint.setText(
            self.tr("Tick what the customer agreed to. Untick to record a withdrawal.")
        )
        for purpose, box in self.consents.items():
            box.setText(consent_label(purpose))
        self.open_existing_button.setText(self.tr("Open existing customer"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _wrap(layout: QHBoxLayout | QGridLayout, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    box.setLayout(layout)
    return box
