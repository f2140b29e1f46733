"""The consent text editor: the chain's wording of the treatment consent form, and a treatment's own.

A manager opens it from File → Consent form text… (``MainWindow``). The
list on the left holds the default text (every treatment's) and the
treatments given a text of their own; the treatment picker under it adds
one (starting from the default text), Remove takes the current one away.
The Thai and English texts of the current entry are edited on the right,
with a live preview filled with a sample customer. Reset to default puts
the built-in texts back and drops every treatment's own. Save sends the
whole value in one call of ``consents.set_consent_text`` (``None`` after a
reset left untouched); a refusal (no Thai text, a placeholder that does not
exist) is shown translated under the texts and nothing is saved. Forms
signed earlier keep the text they were signed with.
"""

from __future__ import annotations

import traceback
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.consents import DEFAULT_EN, DEFAULT_TH, consent_text_value
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.services.consents import ConsentTextSettings, consent_text_settings, set_consent_text

from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError

SAMPLE_CUSTOMER = "สมหญิง ใจดี"  # the preview's customer: a name every Thai reader takes for an example
DEFAULT_KEY = ""  # the list entry of the default text (a treatment's entry is its catalog item id)


class ConsentTextDialog(QDialog):
    """The consent text editor (see the module); Save writes the whole value, Cancel or Escape leaves it.

    Signals:
        saved(object): the value stored (the setting's JSON); the dialog then closes.
    """

    saved = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentTextDialog")
        self.setModal(True)
        self.runner = runner
        self.loaded = False
        self.reset_pending = False  # Reset pressed and nothing edited since: save None (the defaults)
        self._filling = False  # the editors are being filled: their signals are not edits
        self.value: dict[str, Any] = {"th": DEFAULT_TH, "en": DEFAULT_EN}
        self.treatment_names: dict[str, str] = {}
        self.clinic = ""

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.entries = QListWidget(self)
        self.entries.setObjectName("consentTextEntries")
        self.entries.currentItemChanged.connect(lambda _now, _before: self._show_entry())
        self.treatment_picker = QComboBox(self)
        self.treatment_picker.setObjectName("consentTreatmentPicker")
        self.add_button = QPushButton(self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_override)
        self.remove_button = QPushButton(self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_override)
        left = QVBoxLayout()
        left.addWidget(self.entries, 1)
        left.addWidget(self.treatment_picker)
        picker_buttons = QHBoxLayout()
        picker_buttons.addWidget(self.add_button)
        picker_buttons.addWidget(self.remove_button)
        left.addLayout(picker_buttons)

        self.entry_title = QLabel(self)
        self.entry_title.setObjectName("sectionTitle")
        self.th_caption, self.en_caption, self.preview_caption = QLabel(self), QLabel(self), QLabel(self)
        self.text_th = QPlainTextEdit(self)
        self.text_th.setObjectName("consentTextTh")
        self.text_en = QPlainTextEdit(self)
        self.text_en.setObjectName("consentTextEn")
        for edit in (self.text_th, self.text_en):
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._edited)
        self.placeholders = QLabel(self)
        self.placeholders.setWordWrap(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("consentTextPreview")
        right = QVBoxLayout()
        right.addWidget(self.entry_title)
        right.addWidget(self.th_caption)
        right.addWidget(self.text_th, 2)
        right.addWidget(self.en_caption)
        right.addWidget(self.text_en, 2)
        right.addWidget(self.placeholders)
        right.addWidget(self.preview_caption)
        right.addWidget(self.preview, 2)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)

        self.error = FieldError(self)
        self.reset_button = QPushButton(self)
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_to_default)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(False)  # until the texts are read
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumSize(960, 680)
        self.retranslate()
        self._enable()
        runner.read(consent_text_settings, on_done=while_alive(self, self.show_settings),
                    on_error=while_alive(self, self.fail))

    # -- showing

    def show_settings(self, read: ConsentTextSettings) -> None:
        """Show the chain's wording read, with the catalog's treatments; the default text is current."""
        self.value = {**read.value, "treatments": {k: dict(v) for k, v in read.value.get("treatments", {}).items()}}
        self.treatment_names = dict(read.treatments)
        self.clinic = read.clinic
        self.treatment_picker.clear()
        for item_id, name in read.treatments:
            self.treatment_picker.addItem(name, item_id)
        self.loaded = True
        self.save_button.setEnabled(True)
        self._fill_entries(DEFAULT_KEY)

    def _fill_entries(self, current: str) -> None:
        """List the default and the treatments with their own text; make ``current`` the current entry."""
        self._filling = True
        try:
            self.entries.clear()
            for key in (DEFAULT_KEY, *sorted(self.value.get("treatments", {}),
                                             key=lambda k: self.treatment_names.get(k, k))):
                item = QListWidgetItem(self._entry_label(key))
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.entries.addItem(item)
                if key == current:
                    self.entries.setCurrentItem(item)
        finally:
            self._filling = False
        self._show_entry()

    def _entry_label(self, key: str) -> str:
        if key == DEFAULT_KEY:
            return self.tr("Default (every treatment)")
        return self.treatment_names.get(key) or self.tr("A treatment no longer in the catalog")

    def current_key(self) -> str:
        """Return the entry being edited: ``DEFAULT_KEY`` or a treatment's catalog item id."""
        item = self.entries.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else DEFAULT_KEY

    def _pair(self, key: str) -> dict[str, str]:
        if key == DEFAULT_KEY:
            return self.value
        pair: dict[str, str] = self.value.setdefault("treatments", {})[key]
        return pair

    def _show_entry(self) -> None:
        """Fill the editors with the current entry's texts."""
        if self._filling:
            return
        key = self.current_key()
        pair = self._pair(key) if self.loaded else self.value
        self._filling = True
        try:
            self.text_th.setPlainText(str(pair.get("th", "")))
            self.text_en.setPlainText(str(pair.get("en", "")))
        finally:
            self._filling = False
        self.entry_title.setText(self._entry_label(key))
        self._enable()
        self._show_preview()

    def _enable(self) -> None:
        key = self.current_key()
        self.text_th.setEnabled(self.loaded)
        self.text_en.setEnabled(self.loaded)
        self.remove_button.setEnabled(self.loaded and key != DEFAULT_KEY)
        self.add_button.setEnabled(self.loaded and self.treatment_picker.count() > 0)
        self.reset_button.setEnabled(self.loaded)

    def _show_preview(self) -> None:
        """Show the current texts filled with the sample customer (or why they cannot be filled)."""
        key = self.current_key()
        treatment = self.treatment_names.get(key) if key != DEFAULT_KEY else None
        if treatment is None:
            treatment = self.treatment_picker.itemText(0) if self.treatment_picker.count() else self.tr("Clear-skin facial")
        th, en = self.text_th.toPlainText(), self.text_en.toPlainText()
        try:
            checked = consent_text_value({"th": th, "en": en})
        except DeskError as refusal:
            self.preview.setHtml(f"<p style='color:#b3261e'>{escape(translate_error(refusal))}</p>")
            return
        names = {"customer": SAMPLE_CUSTOMER, "treatment": treatment, "clinic": self.clinic}
        filled_th = checked["th"].format(**names)
        filled_en = (checked["en"] or DEFAULT_EN).format(**names)
        self.preview.setHtml(f"<p>{escape(filled_th)}</p><p>{escape(filled_en)}</p>")

    # -- editing

    def _edited(self) -> None:
        """Write the editors back into the current entry (each change as it is made)."""
        if self._filling or not self.loaded:
            return
        pair = self._pair(self.current_key())
        pair["th"], pair["en"] = self.text_th.toPlainText(), self.text_en.toPlainText()
        self.reset_pending = False
        self.error.clear_error()
        self._show_preview()

    def add_override(self) -> None:
        """Give the treatment picked its own text (the default's to start from), or edit the one it has."""
        item_id = self.treatment_picker.currentData()
        if not self.loaded or item_id is None:
            return
        own = self.value.setdefault("treatments", {})
        if item_id not in own:
            own[item_id] = {"th": self.value.get("th", ""), "en": self.value.get("en", "")}
            self.reset_pending = False
            self.error.clear_error()
        self._fill_entries(str(item_id))
        self.text_th.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_override(self) -> None:
        """Take the current treatment's own text away (the default applies to it again; saved only with Save)."""
        key = self.current_key()
        if key == DEFAULT_KEY:
            return
        self.value.get("treatments", {}).pop(key, None)
        self.reset_pending = False
        self.error.clear_error()
        self._fill_entries(DEFAULT_KEY)

    def reset_to_default(self) -> None:
        """Show the built-in texts, no treatment's own (saved only with Save)."""
        self.value = {"th": DEFAULT_TH, "en": DEFAULT_EN}
        self._fill_entries(DEFAULT_KEY)
        self.error.clear_error()
        self.reset_pending = True

    # -- saving

    def values(self) -> dict[str, Any] | None:
        """Return what Save sends: the texts as shown, or None after an untouched reset (the defaults)."""
        if self.reset_pending:
            return None
        value: dict[str, Any] = {"th": self.value.get("th", ""), "en": self.value.get("en", "")}
        if self.value.get("treatments"):
            value["treatments"] = {k: dict(v) for k, v in self.value["treatments"].items()}
        return value

    def save(self) -> None:
        """Save the whole value in one call on the worker; a refusal is shown translated and the dialog stays."""
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        self.error.clear_error()
        self.runner.run(set_consent_text, self.values(), initiator=self,
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
        self.setWindowTitle(self.tr("Consent form text"))
        self.heading.setText(self.tr(
            "The text a customer signs before a treatment. A treatment may have its own text; the others use "
            "the default. Forms signed earlier keep the text they were signed with."))
        self.add_button.setText(self.tr("Own text for this treatment"))
        self.remove_button.setText(self.tr("Remove its own text"))
        self.th_caption.setText(self.tr("Thai (required)"))
        self.en_caption.setText(self.tr("English (left empty: the default English)"))
        self.placeholders.setText(self.tr(
            "{customer}, {treatment} and {clinic} are replaced by the customer's name, the treatment and the "
            "clinic when the form is shown and printed."))
        self.preview_caption.setText(self.tr("Preview"))
        self.reset_button.setText(self.tr("Reset to default"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        for i in range(self.entries.count()):
            item = self.entries.item(i)
            item.setText(self._entry_label(str(item.data(Qt.ItemDataRole.UserRole))))
        self.entry_title.setText(self._entry_label(self.current_key()))
        self._show_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
