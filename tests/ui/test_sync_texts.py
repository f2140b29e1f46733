"""What the sync widgets say, in Thai and after a switch to English (found with the sync screenshots).

No server here: the refusals are the typed errors the HTTP client makes of
the server's answers, the exceptions are rows as ``list_exceptions`` returns
them (tests/ui/test_exceptions_screen.py and test_sync_app.py use a real one).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bnaura_desk.services.sync_exceptions import SyncExceptionView
from sync.client.http import error_for
from sync.protocol import ErrorBody
from ui.enroll import EnrollDialog, refusal_message
from ui.exceptions.screen import ExceptionsModel
from ui.status import SyncIndicator, SyncState
from ui.sync_driver import SyncView

RAISED = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def _refused(code: str, message: str, **detail: object):  # type: ignore[no-untyped-def]
    return error_for(403, ErrorBody(code=code, message=message, detail=detail))


def test_a_wrong_code_is_refused_in_the_users_language_under_the_code_field(qtbot, languages, tmp_path: Path) -> None:
    error = _refused("invalid_code", "This enrollment code is not valid: check it, or ask the owner for a new one")
    shown = refusal_message(error)
    assert shown.field == "code"
    dialog = EnrollDialog(path=tmp_path / "new.sqlite", device_name="เคาน์เตอร์ 2")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog._errors["code"].show_error(shown)
    dialog.grow_to_fit()
    assert dialog.error_text("code") == "รหัสลงทะเบียนนี้ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง หรือขอรหัสใหม่จากเจ้าของคลินิก"
    # The window grew for the message (it overlapped the code field before).
    layout = dialog.layout()
    assert dialog.height() > height
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    languages.set_language("en", save=False)  # LanguageChange is posted
    qtbot.waitUntil(
        lambda: dialog.error_text("code") == "This enrollment code is not valid: check it, or ask the owner for a new one"
    )


def test_other_refusals_are_translated_and_unknown_ones_keep_the_servers_words(languages) -> None:
    from PySide6.QtCore import QCoreApplication

    mismatch = refusal_message(_refused("clinic_mismatch", "another clinic", terminal_clinic_id="0190-abc"))
    assert mismatch.field is None
    assert mismatch.render(QCoreApplication.translate).endswith("bnaura server clinics add NAME --id 0190-abc")
    assert mismatch.render(QCoreApplication.translate).startswith("เครื่องนี้เป็นของคลินิกอื่น")
    throttled = refusal_message(_refused("too_many_attempts", "slow down", retry_at=0))
    assert "กรุณารอ 1 นาที" in throttled.render(QCoreApplication.translate)
    unknown = _refused("something_new", "A newer server says no")
    assert refusal_message(unknown) is unknown


def test_the_status_bar_says_what_waits_for_a_manager_in_the_new_language(qtbot, languages) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show_view(SyncView(SyncState.PROBLEM, problems=2, last_sync_at=RAISED))
    assert indicator.text() == "ซิงก์: มีปัญหา: มี 2 รายการรอผู้จัดการตรวจ (หน้ารายการผิดปกติ)"
    languages.set_language("en", save=False)  # LanguageChange is posted
    qtbot.waitUntil(lambda: indicator.text() == "Sync: problem: 2 need a manager (Exceptions)")
    # Another problem's detail is shown as the driver sent it.
    indicator.show_view(SyncView(SyncState.PROBLEM, problems=2, detail="the server refused", last_sync_at=RAISED))
    assert indicator.text() == "Sync: problem: the server refused"


def _exception(kind: str, detail: dict[str, object]) -> SyncExceptionView:
    return SyncExceptionView(
        id="e1", kind=kind, entity="customer", entity_id="0190aaaa-bbbb-7ccc-8ddd-eeeeffff1234",
        device_id="0190aaaa-bbbb-7ccc-8ddd-000000abcdef", seq=7, detail=detail, raised_at=RAISED,
        resolved_at=None, resolved_by_name="", note="",
    )


def test_what_happened_names_records_fields_and_clocks_in_thai(qtbot, languages) -> None:
    model = ExceptionsModel()
    sent = int(datetime(2026, 11, 23, 5, 0, tzinfo=UTC).timestamp() * 1000)
    kept = int(datetime(2026, 11, 23, 3, 5, tzinfo=UTC).timestamp() * 1000)
    model.set_rows(
        [
            _exception("edit_lost_to_delete", {"fields": ["nickname", "skin_notes", "loyalty_tier"]}),
            _exception("clock_ahead", {"sent": f"{sent:013d}.00000.node", "kept": f"{kept:013d}.00001.node"}),
        ]
    )
    what = [model.index(row, ExceptionsModel.WHAT).data() for row in range(2)]
    # A field this screen does not know yet keeps its protocol name.
    assert what[0] == "ลูกค้า ffff1234: ฟิลด์ที่แก้ไม่ได้บันทึก ชื่อเล่น, บันทึกสภาพผิว, loyalty_tier"
    assert what[1] == "ลูกค้า ffff1234: เวลาเครื่อง 23 พ.ย. 2569 12:00 ถูกปรับเป็น 23 พ.ย. 2569 10:05"
    languages.set_language("en", save=False)
    assert model.index(1, ExceptionsModel.WHAT).data() == (
        "Customer ffff1234: clock 23 Nov 2026 12:00 kept as 23 Nov 2026 10:05"
    )
