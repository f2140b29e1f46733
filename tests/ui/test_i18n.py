"""Translations: .ts sources complete for the shell and the domain, compiled on demand, switched at run time."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from bnaura_desk.domain.errors import AccountLocked, WrongPin
from bnaura_desk.domain.roles import Role
from tests.conftest import PINS
from tests.ui.conftest import Shell, sign_in
from ui.i18n import (
    I18N_DIR,
    LANGUAGE_KEY,
    ROOT,
    LanguageSwitcher,
    current_language,
    ensure_compiled,
    fill_ts,
    find_tool,
    qm_path,
    ts_path,
    unfinished,
)

# Contexts whose every message must be in Thai: the domain's and the shell's.
SHELL_CONTEXTS = {
    "errors", "roles", "permissions", "consent", "catalog",
    "Navigation", "MainWindow", "LoginScreen", "StaffTile", "PinField", "PinPad",
    "DeskStatusBar", "SyncIndicator", "OverrideDialog", "PlaceholderScreen",
    "QPlatformTheme", "QGnomeTheme",
}


def ts_messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            out[(context.findtext("name"), message.findtext("source"))] = message.find("translation")
    return out


def domain_messages() -> set[tuple[str, str]]:
    """Every QT_TRANSLATE_NOOP(context, text) in bnaura_desk, found with ast."""
    found = set()
    for path in (ROOT / "bnaura_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
                and all(isinstance(a, ast.Constant) for a in node.args)
            ):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_lupdate_extracted_every_domain_message_into_both_ts_files() -> None:
    for lang in ("th", "en"):
        missing = domain_messages() - ts_messages(ts_path(lang)).keys()
        assert not missing, f"run: python -m ui.i18n update  (missing from {lang}: {sorted(missing)[:5]})"


def test_the_shell_and_domain_messages_have_thai_translations_with_the_same_placeholders() -> None:
    messages = ts_messages(ts_path("th"))
    left = [key for key in unfinished(ts_path("th")) if key[0] in SHELL_CONTEXTS]
    assert not left, f"untranslated: {left[:5]} (scripts/fill_translations.py)"
    for (context, source), translation in messages.items():
        if context in SHELL_CONTEXTS and translation.get("type") is None:
            assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translation.text or "")), source


def test_ensure_compiled_builds_qm_files_that_load(tmp_path: Path) -> None:
    for ts in I18N_DIR.glob("*.ts"):
        shutil.copy2(ts, tmp_path / ts.name)
    written = ensure_compiled(tmp_path)
    assert sorted(p.name for p in written) == ["bnaura_en.qm", "bnaura_th.qm"]
    assert ensure_compiled(tmp_path) == []  # up to date: nothing to do

    translator = QTranslator()
    assert translator.load(str(qm_path("th", tmp_path)))
    assert translator.translate("Navigation", "Customers") == "ลูกค้า"
    assert translator.translate("roles", "Manager") == "ผู้จัดการ"
    assert QTranslator().load(str(qm_path("en", tmp_path)))

    ts = ts_path("th", tmp_path)
    ts.write_text(ts.read_text(encoding="utf-8"), encoding="utf-8")  # newer than its .qm
    assert [p.name for p in ensure_compiled(tmp_path)] == ["bnaura_th.qm"]


def test_lrelease_is_found_in_this_environment() -> None:
    assert find_tool("lrelease").exists()
    assert find_tool("lupdate").exists()


def test_fill_ts_fills_only_what_is_missing(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="th_TH">\n'
        "<context>\n    <name>errors</name>\n"
        "    <message>\n        <source>A &amp; B</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "    <message>\n        <source>Kept</source>\n        <translation>เดิม</translation>\n    </message>\n"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    table = {("errors", "A & B"): "ก และ ข", ("errors", "Kept"): "ใหม่"}
    assert fill_ts(ts, table) == 1
    messages = ts_messages(ts)
    assert messages[("errors", "A & B")].text == "ก และ ข"
    assert messages[("errors", "Kept")].text == "เดิม"
    assert unfinished(ts) == []


def test_errors_render_in_thai(languages: LanguageSwitcher) -> None:
    wrong = WrongPin("Wrong PIN; {left} tries left before the account is locked", left=3)
    assert wrong.render(QCoreApplication.translate) == "PIN ไม่ถูกต้อง เหลืออีก 3 ครั้งก่อนบัญชีถูกล็อก"
    locked = AccountLocked("Too many wrong PINs: {name} is locked for {minutes} more minutes", name="พี่นิด", minutes=15)
    assert locked.render(QCoreApplication.translate) == "ใส่ PIN ผิดหลายครั้งเกินไป บัญชีของ พี่นิด ถูกล็อกไว้อีก 15 นาที"


def test_language_switches_at_run_time_and_is_remembered(qtbot, shell: Shell, tmp_path: Path) -> None:
    window, desk = shell.window, shell.staffed.front_desk
    sign_in(qtbot, window, desk.staff_id, PINS[Role.FRONT_DESK])
    assert window.nav_titles() == ["ลูกค้า", "สินค้าและบริการ"]
    assert current_language() == "th"

    window.language_actions["en"].trigger()

    assert current_language() == "en"
    qtbot.waitUntil(lambda: window.nav_titles() == ["Customers", "Catalog"])  # LanguageChange is posted
    assert window.status.user_label.text() == "Signed in: น้องหน้าร้าน (Front desk)"
    assert window.status.sync.text() == "Sync: not set up"
    assert window.switch_user_action.text() == "Switch user"
    assert window.language_menu.title() == "Language"
    assert window.language_actions["en"].isChecked()
    assert shell.languages.saved_language() == "en"

    window.switch_user()
    sign_in(qtbot, window, desk.staff_id, "1357")
    assert window.login.error.text() == "Wrong PIN; 4 tries left before the account is locked"
    assert window.login.tile_for(desk.staff_id).text() == "น้องหน้าร้าน\nFront desk"

    window.language_actions["th"].trigger()

    qtbot.waitUntil(lambda: window.nav_titles() == ["ลูกค้า", "สินค้าและบริการ"])
    assert window.login.error.text() == "PIN ไม่ถูกต้อง เหลืออีก 4 ครั้งก่อนบัญชีถูกล็อก"  # re-rendered
    assert window.login.tile_for(desk.staff_id).text() == "น้องหน้าร้าน\nพนักงานหน้าร้าน"
    assert window.nav_titles() == ["ลูกค้า", "สินค้าและบริการ"]
    assert window.status.user_label.text() == "ยังไม่ได้เข้าสู่ระบบ"
    assert window.status.sync.text() == "ซิงก์: ยังไม่ได้ตั้งค่า"
    assert window.language_menu.title() == "ภาษา"
    assert QLocale().language() == QLocale.Language.Thai
    assert shell.languages.saved_language() == "th"


def test_thai_is_the_default_language(desk_app, i18n_dir: Path, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    switcher = LanguageSwitcher(i18n_dir=i18n_dir, settings=settings)
    assert switcher.saved_language() == "th"
    settings.setValue(LANGUAGE_KEY, "klingon")
    assert switcher.saved_language() == "th"
    with pytest.raises(ValueError):
        switcher.set_language("klingon")
