"""The member QR and card: a scanner reads the code, the search box opens the member, the card PDF says who."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import delete

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.points import DEFAULT_TIERS
from bnaura_desk.domain.referral import display_code
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import loyalty
from bnaura_desk.services.search_index import defer_indexing
from bnaura_desk.store.models import CustomerSearchTerm
from tests.conftest import Staffed
from tests.domain.test_keyboard import thai_layout
from tests.ui.test_customers import type_text
from ui.bus import ChangeBus
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.loyalty.card import MemberCard, write_member_card
from ui.loyalty.qr import QUIET_ZONE, qr_image, qr_matrix
from ui.runner import DeskRunner


def decode(image: QImage) -> list[str]:
    """Read every QR code in ``image`` as a scanner's decoder does."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [b.text for b in zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("code", ["7KQ3MX4P9T", "23456789AB", "ZZZZYXWVUT"])
def test_the_member_qr_reads_back_as_the_referral_code(desk_app, code: str) -> None:
    image = qr_image(code, module_px=4)
    side = (len(qr_matrix(code)) + 2 * QUIET_ZONE) * 4
    assert (image.width(), image.height()) == (side, side)
    assert decode(image) == [code]
    # Printed small (2 pixels a module) it still reads.
    assert decode(qr_image(code, module_px=2)) == [code]


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


def register(staffed: Staffed, name_th: str, name_en: str, phone: str) -> tuple[str, str]:
    form = CustomerForm(name_th=name_th, name_en=name_en, phone=phone)
    customer_id = str(staffed.terminal.run(customer_service.register_customer, form, actor=staffed.front_desk).result)
    code = staffed.terminal.read(customer_service.get_customer, customer_id).referral_code
    return customer_id, code


def scan(qtbot, screen: CustomerScreen, text: str) -> None:
    """Type ``text`` and Enter into the search box key by key, as a barcode scanner in keyboard mode does."""
    screen.search.setFocus()
    screen.search.clear()
    qtbot.keyClicks(screen.search, text)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)


@pytest.mark.parametrize("as_typed", [str, str.lower, display_code])
def test_a_scanned_member_qr_opens_the_member(desk, qtbot, staffed_copy, as_typed) -> None:
    for n in range(3):
        register(staffed_copy, f"ลูกค้า {n}", f"Customer {n}", f"081-000-000{n}")
    member, code = register(staffed_copy, "สมหญิง ศรีสุข", "Somying Srisuk", "086-245-1190")
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    # Another customer is open when the member's card is scanned.
    screen.open_customer(customer_service_id(staffed_copy, "0810000001"))
    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.detail.customer_id is not None)

    scanned = decode(qr_image(code))[0]
    scan(qtbot, screen, as_typed(scanned))

    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.detail.customer_id == member)
    assert screen.selected_id() == member
    assert screen.detail.name.text() == "สมหญิง ศรีสุข"
    assert screen.detail.check_in_button.hasFocus()  # a second Enter checks them in


def test_a_scanned_member_opens_before_the_search_knows_them(desk, qtbot, staffed_copy) -> None:
    # A member pulled in a chain's bootstrap waits for their search terms
    # (written after the bootstrap, services.search_index); the counter
    # scans their card meanwhile: the code alone finds them.
    member, code = register(staffed_copy, "สมหญิง ศรีสุข", "Somying Srisuk", "086-245-1190")

    def as_bootstrapped(ctx):
        ctx.session.execute(delete(CustomerSearchTerm).where(CustomerSearchTerm.customer_id == member))
        defer_indexing(ctx.session, [member])
        return ChangeSet()

    staffed_copy.terminal.run(as_bootstrapped, actor=None)
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    assert staffed_copy.terminal.read(customer_service.search_customers, code) == []

    scan(qtbot, screen, code)
    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.detail.customer_id == member)
    assert screen.detail.name.text() == "สมหญิง ศรีสุข"
    assert screen.detail.content.isVisible()


def test_a_member_qr_scanned_with_the_keyboard_set_to_thai_opens_the_member(desk, qtbot, staffed_copy) -> None:
    register(staffed_copy, "มานี สมบูรณ์", "Manee Somboon", "062-111-2222")
    member, code = register(staffed_copy, "สมหญิง ศรีสุข", "Somying Srisuk", "086-245-1190")
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    screen.search.setFocus()
    # The scanner presses the code's keys; the Thai layout makes Thai of them.
    typed = thai_layout(decode(qr_image(code))[0])
    type_text(qtbot, screen.search, typed)
    assert screen.search.text() == typed != code
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.detail.customer_id == member)
    assert screen.detail.check_in_button.hasFocus()


def test_enter_on_text_that_is_no_member_code_keeps_the_usual_search(desk, qtbot, staffed_copy) -> None:
    first, _code = register(staffed_copy, "มานี สมบูรณ์", "Manee Somboon", "062-111-2222")
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "Manee")
    # Typed by hand: the list shows the match, then Enter opens it, as before.
    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.model.rowCount() == 1)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.detail.customer_id == first)
    assert screen.detail.check_in_button.hasFocus()


def customer_service_id(staffed: Staffed, phone: str) -> str:
    found = staffed.terminal.read(customer_service.find_by_phone, "+66" + phone[1:])
    assert found is not None
    return found


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_member_card_pdf_names_the_member_and_their_code(desk_app, languages, tmp_path: Path) -> None:
    card = MemberCard("บีเอ็น-ออร่า คลินิก", "สมหญิง ศรีสุข", "Somying Srisuk", DEFAULT_TIERS[2], "7KQ3MX4P9T")
    path = tmp_path / "card.pdf"
    write_member_card(path, card)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    # ID-1: 85.6 x 53.98 mm is 242.6 x 153.0 points.
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (243, 153)
    # -raw: the text in drawing order, so a Thai vowel below its consonant stays in its word.
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True).stdout
    for expected in ("บีเอ็น-ออร่า คลินิก", "สมหญิง ศรีสุข", "Somying Srisuk", "7KQ3-MX4P-9T", "โกลด์", "รหัสสมาชิก"):
        assert expected in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_panel_saves_the_member_card_and_its_qr_reads(desk, qtbot, staffed_copy, tmp_path: Path) -> None:
    member, code = register(staffed_copy, "สมหญิง ศรีสุข", "Somying Srisuk", "086-245-1190")
    staffed_copy.terminal.run(loyalty.adjust_points, member, 3_200, "ย้ายแต้ม", actor=staffed_copy.manager)
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.show()
    screen.open_customer(member)
    screen.detail.pages.setCurrentWidget(screen.loyalty)
    qtbot.waitUntil(lambda: desk.pending() == 0 and screen.loyalty.member is not None)
    path = tmp_path / "member.pdf"
    assert screen.loyalty.save_member_card(path)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert "คลินิกทดสอบ" in text and "สมหญิง ศรีสุข" in text and display_code(code) in text and "โกลด์" in text
    # The card's QR, printed at 300 dpi, reads as the member's code.
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    assert decode(QImage(str(tmp_path / "page.png"))) == [code]
