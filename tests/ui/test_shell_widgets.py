"""Shell pieces: the bundled font, Buddhist-era dates, the sync indicator, screen plug-in, start-up."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import Shell
from ui import app as ui_app
from ui.fonts import FAMILY, load_fonts
from ui.main_window import PlaceholderScreen, _screen_factory
from ui.status import SyncIndicator, SyncState
from ui.widgets import format_date, format_datetime, format_time
from ui.widgets.dates import THAI_MONTHS_SHORT


def test_sarabun_is_loaded_and_is_the_application_font(desk_app) -> None:
    assert "Sarabun" in load_fonts()
    assert "Sarabun" in QFontDatabase.families()
    assert QGuiApplication.font().family() == FAMILY
    label = QLabel("สวัสดีค่ะ ลูกค้า")
    assert QFontInfo(label.font()).family() == "Sarabun"  # really resolved, not a fallback
    assert QFontDatabase.styles("Sarabun")  # regular and bold weights are there


def test_format_date_in_buddhist_era_and_english() -> None:
    d = date(2026, 11, 23)
    assert format_date(d, "th") == "23 พ.ย. 2569"
    assert format_date(d, "th", long=True) == "23 พฤศจิกายน 2569"
    assert format_date(d, "en") == "23 Nov 2026"
    assert format_date(d, "en", long=True) == "23 November 2026"
    assert format_date(date(2024, 2, 29), "th") == "29 ก.พ. 2567"


def test_times_are_shown_in_bangkok() -> None:
    late = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # already New Year's Day in Bangkok
    assert format_time(late) == "00:30"
    assert format_datetime(late, "th") == "1 ม.ค. 2570 00:30"
    assert format_datetime(late, "en") == "1 Jan 2027 00:30"


def test_format_date_follows_the_ui_language(languages) -> None:
    assert format_date(date(2026, 1, 5)) == "5 ม.ค. 2569"


def test_thai_month_abbreviations_match_qt() -> None:
    from PySide6.QtCore import QLocale

    thai = QLocale("th_TH")
    qt = tuple(thai.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13))
    assert qt == THAI_MONTHS_SHORT


def test_sync_indicator_states(qtbot, languages) -> None:
    sync = SyncIndicator()
    qtbot.addWidget(sync)
    assert sync.text() == "ซิงก์: ยังไม่ได้ตั้งค่า"
    assert sync.sync_button.isHidden()  # nothing to sync with yet
    sync.set_state(SyncState.OFFLINE, pending=3)
    assert sync.text() == "ซิงก์: ออฟไลน์ รอส่ง 3 รายการ (ยังไม่เคยซิงก์)"
    assert not sync.sync_button.isHidden() and sync.sync_button.text() == "ซิงก์เดี๋ยวนี้"
    # Today: the time only (Bangkok); an older sync: its Buddhist-era date too.
    today = datetime.now(UTC).replace(second=0, microsecond=0)
    sync.set_state(SyncState.UP_TO_DATE, last_sync_at=today)
    assert sync.text() == f"ซิงก์: ข้อมูลล่าสุดแล้ว (ซิงก์ล่าสุด {format_time(today)} น.)"
    sync.set_state(SyncState.OFFLINE, pending=1, last_sync_at=datetime(2026, 11, 20, 3, 5, tzinfo=UTC))
    assert sync.text() == "ซิงก์: ออฟไลน์ รอส่ง 1 รายการ (ซิงก์ล่าสุด 20 พ.ย. 2569 10:05 น.)"
    sync.set_state(SyncState.PROBLEM, detail="เซิร์ฟเวอร์ปฏิเสธ")
    assert sync.text() == "ซิงก์: มีปัญหา: เซิร์ฟเวอร์ปฏิเสธ"


def test_a_missing_screen_module_gives_a_placeholder(qtbot, shell: Shell) -> None:
    build = _screen_factory(shell.runner, shell.window.bus, "ui.not_written_yet.screen", "Screen", "Customers")
    screen = build()
    qtbot.addWidget(screen)
    assert isinstance(screen, PlaceholderScreen)
    assert screen.label.text() == "หน้าจอลูกค้าจะพร้อมใช้งานเร็ว ๆ นี้"


def test_a_screen_that_fails_to_build_does_not_take_the_app_down(qtbot, shell: Shell, capsys) -> None:
    def broken() -> QLabel:
        raise RuntimeError("boom")

    shell.window.add_screen("broken", "Customers", broken)
    screen = shell.window.show_screen("broken")
    assert isinstance(screen, PlaceholderScreen)
    assert "boom" in capsys.readouterr().err


def test_the_app_registers_customers_and_catalog(qtbot, staffed_copy, languages) -> None:
    window = ui_app.create_main_window(staffed_copy.terminal, languages)
    qtbot.addWidget(window)
    try:
        assert window.screen_keys() == ["counter", "customers", "redemption", "appointments", "journeys", "tasks",
                                        "catalog", "exceptions"]
        assert window.nav_titles() == ["ขายหน้าร้าน", "ลูกค้า", "แลกรางวัลและคูปอง", "นัดหมาย", "เคสลูกค้า",
                                       "คิวงาน", "สินค้าและบริการ", "รายการผิดปกติ"]
        assert window.screen_page("counter") is None  # nothing built before sign-in
        assert window.windowTitle() == "BN-Aura Desk — คลินิกทดสอบ"
    finally:
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()


def test_main_refuses_a_file_that_is_not_a_database(tmp_path: Path, languages, desk_app, monkeypatch) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(ui_app, "build_app", lambda argv=None: (desk_app, languages))
    monkeypatch.setattr(
        ui_app, "show_database_problem", lambda error: shown.append(error.render(ui_app.QCoreApplication.translate))
    )

    assert ui_app.main(bad, ["bnaura"]) == 1
    assert shown == [f"{bad.resolve()} ไม่ใช่ฐานข้อมูลของ BN-Aura (ไม่ใช่ไฟล์ SQLite)"]


def test_main_window_never_opens_larger_than_the_screen(shell: Shell) -> None:
    from ui.app import fit_to_screen

    window = shell.window
    window.resize(4000, 3000)  # far larger than any counter screen
    fit_to_screen(window)
    area = window.screen().availableGeometry()
    # Down to the screen, or to the smallest the layout allows when the
    # screen is smaller still (the offscreen test screen is 800 wide).
    least = window.minimumSizeHint()
    assert window.width() <= max(area.width(), least.width())
    assert window.height() <= max(area.height(), least.height())
    assert window.height() < 3000 and window.width() < 4000
    assert window.pos() == area.topLeft()


def test_f5_asks_for_a_sync_through_the_indicator_so_it_gets_the_same_answer(qtbot, shell: Shell) -> None:
    from ui.sync_driver import SyncView

    window = shell.window
    asked: list[bool] = []
    window.status.sync.sync_requested.connect(lambda: asked.append(True))
    notices: list[str] = []
    window.status.sync.notice.connect(notices.append)
    window.sync_now_action.trigger()  # F5
    assert asked == [True]
    retry = datetime(2026, 11, 23, 3, 42, tzinfo=UTC)
    window.status.sync.show_view(SyncView(SyncState.SYNCING))
    window.status.sync.show_view(SyncView(SyncState.OFFLINE, pending=2))  # the round failed; when next is not known yet
    assert notices == []
    window.status.sync.show_view(SyncView(SyncState.OFFLINE, pending=2, retry_at=retry))
    assert notices == [f"ติดต่อเซิร์ฟเวอร์ไม่ได้: ทำงานแบบออฟไลน์ไปก่อน จะลองใหม่เวลา {format_time(retry)} น."]
    assert window.status.currentMessage() == notices[0]
    window.status.sync.show_view(SyncView(SyncState.OFFLINE, pending=2, retry_at=retry))
    assert len(notices) == 1  # answered once per request
