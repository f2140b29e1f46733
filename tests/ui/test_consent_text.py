"""The consent text editor on a real SQLite terminal: a manager edits the texts, and the next signed PDF has them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.consents import CONSENT_TEXT_KEY, DEFAULT_EN, DEFAULT_TH
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.roles import Role
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import catalog, consents
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import load_device
from bnaura_desk.services.settings import chain_setting
from bnaura_desk.store.models import AuditEntry
from tests.conftest import PINS
from tests.documents.pdf_probe import pdf_text, squashed
from tests.documents.samples import signature_png
from tests.ui.conftest import Shell, sign_in
from tests.ui.test_catalog import type_text
from ui.consent.text_dialog import DEFAULT_KEY, ConsentTextDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _treatments(shell: Shell) -> tuple[str, str]:
    """A facial and a laser in the catalog (made by the manager before the editor opens)."""
    s = shell.staffed
    made = []
    for th, en in (("ทรีตเมนต์หน้าใส", "Clear skin"), ("เลเซอร์ลดฝ้า", "Melasma laser")):
        made.append(str(s.terminal.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th=th, name_en=en, price_satang=150_000, vat_exempt=True,
            duration_minutes=60), actor=s.manager).result))
    return made[0], made[1]


def open_editor(qtbot, shell: Shell) -> ConsentTextDialog:
    """Sign in as the manager, open File → Consent form text…, wait until the texts show."""
    sign_in(qtbot, shell.window, shell.staffed.manager.staff_id, PINS[Role.MANAGER])
    assert shell.window.consent_text_action.isVisible()
    assert shell.window.consent_text_action.text() == "ข้อความหนังสือยินยอม…"
    dialog = shell.window.edit_consent_text()
    assert isinstance(dialog, ConsentTextDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def stored(shell: Shell) -> object:
    return shell.staffed.terminal.read(lambda s: chain_setting(s, load_device(s).chain_id, CONSENT_TEXT_KEY))


def settings_saved(shell: Shell) -> int:
    return shell.staffed.terminal.read(lambda s: s.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "setting.set")))


def signed_text(shell: Shell, customer: str, treatment: str) -> str:
    """Sign ``treatment``'s form for ``customer`` as the beautician; return the PDF's text, spaces squashed."""
    s = shell.staffed
    images = ImageStore.beside(s.terminal.path)
    signed = s.terminal.run(consents.sign_consent, customer, treatment, signature_png(), images=images,
                            actor=s.beautician).result
    return squashed(pdf_text(images.read(signed.pdf_sha256)))


def test_only_managers_and_owners_see_the_editor(qtbot, shell: Shell) -> None:
    for staff, role in ((shell.staffed.beautician, Role.BEAUTICIAN), (shell.staffed.sales, Role.SALES)):
        sign_in(qtbot, shell.window, staff.staff_id, PINS[role])
        assert not shell.window.consent_text_action.isVisible()
        assert shell.window.edit_consent_text() is None
        shell.window.switch_user()
    sign_in(qtbot, shell.window, shell.staffed.manager.staff_id, PINS[Role.MANAGER])
    assert shell.window.consent_text_action.isVisible()


def test_a_manager_edits_the_default_and_a_treatments_text_and_the_next_forms_carry_them(
        qtbot, shell: Shell) -> None:
    facial, laser = _treatments(shell)
    dialog = open_editor(qtbot, shell)
    assert dialog.current_key() == DEFAULT_KEY and dialog.text_th.toPlainText() == DEFAULT_TH
    # The default Thai text, previewed with the sample customer as it is typed.
    retype(qtbot, dialog.text_th, "ข้าพเจ้า {customer} ยินยอมรับ {treatment} ด้วยความสมัครใจ")
    assert "ข้าพเจ้า สมหญิง ใจดี ยินยอมรับ" in dialog.preview.toPlainText()
    # The facial gets its own text, starting from the default.
    dialog.treatment_picker.setCurrentIndex(dialog.treatment_picker.findData(facial))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.current_key() == facial and dialog.entry_title.text() == "ทรีตเมนต์หน้าใส (Clear skin)"
    assert dialog.text_th.toPlainText() == "ข้าพเจ้า {customer} ยินยอมรับ {treatment} ด้วยความสมัครใจ"
    retype(qtbot, dialog.text_th, "ทรีตเมนต์นี้อาจทำให้ผิวแดง {customer} รับทราบแล้ว")
    retype(qtbot, dialog.text_en, "This may redden the skin; {customer} understands.")
    assert "ทรีตเมนต์นี้อาจทำให้ผิวแดง สมหญิง ใจดี รับทราบแล้ว" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert stored(shell) == {
        "th": "ข้าพเจ้า {customer} ยินยอมรับ {treatment} ด้วยความสมัครใจ", "en": DEFAULT_EN,
        "treatments": {facial: {"th": "ทรีตเมนต์นี้อาจทำให้ผิวแดง {customer} รับทราบแล้ว",
                                "en": "This may redden the skin; {customer} understands."}}}

    # The next forms signed: the facial's has its own text, the laser's the new default.
    s = shell.staffed
    member = str(s.terminal.run(customer_service.register_customer,
                                CustomerForm(name_th="สมศรี มีสุข", phone="0899999999"), actor=s.front_desk).result)
    facial_form = signed_text(shell, member, facial)
    assert "ทรีตเมนต์นี้อาจทำให้ผิวแดงสมศรีมีสุขรับทราบแล้ว" in facial_form
    assert "Thismayreddentheskin;สมศรีมีสุขunderstands." in facial_form
    assert "ด้วยความสมัครใจ" not in facial_form
    laser_form = signed_text(shell, member, laser)
    assert "ข้าพเจ้าสมศรีมีสุขยินยอมรับเลเซอร์ลดฝ้า(Melasmalaser)ด้วยความสมัครใจ" in laser_form


@pytest.mark.parametrize(("text", "message"), [
    ("ข้าพเจ้า {foo} ยินยอม",
     ("ข้อความแสดงความยินยอมใส่ได้เฉพาะชื่อลูกค้า ทรีตเมนต์ และคลินิก โดยเขียน customer treatment "
      "หรือ clinic ในวงเล็บปีกกา")),
    ("", "ต้องมีข้อความแสดงความยินยอมภาษาไทย ยาวไม่เกิน 4000 ตัวอักษร"),
])
def test_a_text_the_setting_refuses_shows_why_and_nothing_is_saved(
        qtbot, shell: Shell, text: str, message: str) -> None:
    dialog = open_editor(qtbot, shell)
    saved = settings_saved(shell)
    retype(qtbot, dialog.text_th, text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.save_button.isEnabled(), timeout=10_000)
    assert dialog.error.text() == message
    assert dialog.preview.toPlainText() == message  # the preview said so before Save
    assert dialog.isVisible()
    assert stored(shell) is None and settings_saved(shell) == saved


def test_remove_a_treatments_text_and_reset_to_default(qtbot, shell: Shell) -> None:
    facial, laser = _treatments(shell)
    s = shell.staffed
    s.terminal.run(consents.set_consent_text, {"th": "ข้อความของคลินิก {customer}", "treatments": {
        facial: {"th": "หน้าใส {customer}"}, laser: {"th": "เลเซอร์ {customer}"}}}, actor=s.manager)
    dialog = open_editor(qtbot, shell)
    keys = [dialog.entries.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.entries.count())]
    assert keys == [DEFAULT_KEY, facial, laser]  # by the treatments' names
    dialog.entries.setCurrentRow(2)
    assert dialog.text_th.toPlainText() == "เลเซอร์ {customer}" and dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.entries.count() == 2 and dialog.current_key() == DEFAULT_KEY
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stored(shell) == {"th": "ข้อความของคลินิก {customer}", "en": "",
                             "treatments": {facial: {"th": "หน้าใส {customer}", "en": ""}}}
    # Reset: the built-in texts, no treatment's own.
    dialog = shell.window.edit_consent_text()
    assert isinstance(dialog, ConsentTextDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.entries.count() == 1 and dialog.text_th.toPlainText() == DEFAULT_TH
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stored(shell) == {"th": DEFAULT_TH, "en": DEFAULT_EN}
