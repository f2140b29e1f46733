"""Thai for the customer and catalog screens: every string translated, switched at run time."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from ui.bus import ChangeBus
from ui.catalog.model import CatalogModel
from ui.catalog.screen import CatalogScreen
from ui.customers.screen import CustomerScreen
from ui.runner import DeskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "i18n" / "th_screens.json"
SOURCES = sorted((ROOT / "ui" / "customers").glob("*.py")) + sorted(
    (ROOT / "ui" / "catalog").glob("*.py")
)


def qt_tool(name: str) -> str | None:
    found = shutil.which(f"pyside6-{name}") or str(
        Path(sys.executable).with_name(f"pyside6-{name}")
    )
    return found if Path(found).exists() else None


def entries() -> list[dict[str, str]]:
    return json.loads(TRANSLATIONS.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def quick_pins(monkeypatch):
    monkeypatch.setattr(
        staff_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_every_screen_string_has_a_thai_translation(tmp_path):
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "screens.ts"
    subprocess.run([lupdate, *map(str, SOURCES), "-ts", str(ts)], check=True, capture_output=True)
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(ts).getroot().iter("context")
        for m in c.iter("message")
    }
    have = {(e["context"], e["source"]): e["translation"] for e in entries()}
    missing = sorted(wanted - have.keys())
    assert not missing, missing
    for (context, source), translation in have.items():
        assert translation.strip(), (context, source)
        # The same {placeholders}, or str.format fails in Thai only.
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translation)), source


def compile_thai(tmp_path: Path) -> Path:
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    contexts: dict[str, list[dict[str, str]]] = {}
    for e in entries():
        contexts.setdefault(e["context"], []).append(e)
    body = "".join(
        f"<context><name>{escape(name)}</name>"
        + "".join(
            f"<message><source>{escape(e['source'])}</source><translation>{escape(e['translation'])}</translation></message>"
            for e in items
        )
        + "</context>"
        for name, items in contexts.items()
    )
    ts = tmp_path / "th.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="th_TH">{body}</TS>',
        encoding="utf-8",
    )
    qm = tmp_path / "th.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def thai(tmp_path: Path, qapp) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(compile_thai(tmp_path)))
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_screens_switch_to_thai_at_run_time(staffed, qtbot, thai):
    run = staffed.terminal.run
    run(
        customer_service.register_customer,
        CustomerForm(name_th="สมชาย ใจดี", phone="0812345678"),
        actor=staffed.front_desk,
    )
    run(
        catalog_service.create_item,
        ItemForm(ItemKind.TREATMENT, "ทรีตเมนต์หน้าใส", price_satang=150000, duration_minutes=60),
        actor=staffed.manager,
    )
    runner = DeskRunner(staffed.terminal, ChangeBus())
    runner.actor = staffed.manager
    try:
        customers = CustomerScreen(runner, runner.bus)
        catalog = CatalogScreen(runner, runner.bus)
        for w in (customers, catalog):
            qtbot.addWidget(w)
            w.show()
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
        assert customers.search.placeholderText() == "Name, nickname, phone or referral code"

        QCoreApplication.installTranslator(thai)  # Qt sends LanguageChange to every widget
        qtbot.waitUntil(
            lambda: customers.search.placeholderText() == "ชื่อ ชื่อเล่น เบอร์โทร หรือรหัสแนะนำเพื่อน"
        )
        assert customers.register_button.text() == "ลงทะเบียนใหม่…"
        assert customers.model.headerData(2, Qt.Orientation.Horizontal) == "โทรศัพท์"
        assert customers.detail.hint.text().startswith("ค้นหาลูกค้า")
        assert catalog.kind_filter.itemText(1) == "ทรีตเมนต์"
        assert catalog.new_button.text() == "เพิ่มรายการ…"
        assert catalog.proxy.index(0, CatalogModel.KIND).data() == "ทรีตเมนต์"
        assert catalog.proxy.index(0, CatalogModel.DETAILS).data() == "60 นาที"

        QCoreApplication.removeTranslator(thai)
        qtbot.waitUntil(lambda: customers.register_button.text() == "Register new…")
        assert catalog.proxy.index(0, CatalogModel.KIND).data() == "Treatment"
    finally:
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
        runner.shutdown()
