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
from ui.exceptions.texts import tooltip, what_happened
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


def _named(kind: str, detail: dict[str, object], **names: object) -> SyncExceptionView:
    base = _exception(kind, detail)
    return SyncExceptionView(**{**base.__dict__, **names})


REASONS = {
    # code: (detail, Thai, English)
    "malformed_payload": ({}, "อ่านเนื้อหาของรายการไม่ได้", "its contents could not be read"),
    "malformed_operation": ({}, "ข้อมูลของรายการไม่ครบ", "it was incomplete"),
    "invalid_record": (
        {"field": "phone", "problem": "missing"}, "เบอร์โทรศัพท์ไม่มีค่า", "phone is missing"
    ),
    "wrong_entity": ({}, "ระบุประเภทข้อมูลผิด", "it named the wrong kind of record"),
    "foreign_record": ({}, "อ้างถึงข้อมูลของคลินิกอื่น", "it named a record of another clinic"),
    "tombstoned": ({}, "ข้อมูลนี้ถูกลบไปแล้ว", "the record had been deleted"),
    "unknown_record": ({}, "เซิร์ฟเวอร์ไม่มีข้อมูลนี้", "the server does not have this record"),
}


def test_a_rejected_operations_reason_is_said_in_the_users_language(qtbot, languages) -> None:
    model = ExceptionsModel()
    codes = list(REASONS)
    rows = [
        _named("rejected_operation", {"reason": code, "message": "server words", **REASONS[code][0]},
               subject_th="สมหญิง ใจดี", subject_en="Somying Jaidee")
        for code in codes
    ]
    # A reason this version does not know: the server's own message.
    rows.append(_named("rejected_operation", {"reason": "brand_new", "message": "a newer server's words"},
                       subject_th="สมหญิง ใจดี", subject_en="Somying Jaidee"))
    model.set_rows(rows)
    what = [model.index(r, ExceptionsModel.WHAT).data() for r in range(len(rows))]
    assert what == [f"ลูกค้า สมหญิง ใจดี: {REASONS[c][1]}" for c in codes] + ["ลูกค้า สมหญิง ใจดี: a newer server's words"]
    assert model.index(0, ExceptionsModel.KIND).data() == "เซิร์ฟเวอร์ปฏิเสธรายการ"
    languages.set_language("en", save=False)
    what = [model.index(r, ExceptionsModel.WHAT).data() for r in range(len(rows))]
    # In English the English name, when the customer has one.
    assert what == [f"Customer Somying Jaidee: {REASONS[c][2]}" for c in codes] + [
        "Customer Somying Jaidee: a newer server's words"
    ]
    # The server's field problems (domain.synced, domain.field_types) in people's words;
    # one with a number in it is shown as the server wrote it.
    rows = [
        _named("rejected_operation", {"reason": "invalid_record", "field": field, "problem": problem})
        for field, problem in (
            ("birthday", "must be a date (YYYY-MM-DD)"),
            ("loyalty_tier", "unknown"),
            ("nickname", "is longer than 120 characters"),
        )
    ]
    model.set_rows(rows)
    assert [model.index(r, ExceptionsModel.WHAT).data() for r in range(3)] == [
        "Customer ffff1234: birthday must be a date",
        "Customer ffff1234: loyalty_tier is not a field of this record",
        "Customer ffff1234: nickname is longer than 120 characters",
    ]
    languages.set_language("th", save=False)
    assert model.index(0, ExceptionsModel.WHAT).data() == "ลูกค้า ffff1234: วันเกิดต้องเป็นวันที่"


KINDS = {
    "seq_conflict": ("ส่งรายการเลขเดิมซ้ำแต่เนื้อหาต่างกัน", "Operation number sent twice with different contents"),
    "claim_conflict": ("ของที่ใช้ได้ครั้งเดียวถูกใช้สองครั้งระหว่างออฟไลน์", "Single-use item used twice offline"),
    "below_floor": ("ยอดคงเหลือถูกใช้จนต่ำกว่าขั้นต่ำ", "Balance taken below its limit"),
    "illegal_move": ("การย้ายขั้นตอนที่ไม่อนุญาตตามลำดับเวลา", "Journey move not allowed at its time"),
    "invoice_issued_twice": ("ใบกำกับภาษีเต็มรูปสองใบสำหรับใบเสร็จเดียวกัน", "Two full tax invoices for one receipt"),
    "ledger_row_differs": ("รายการเดียวกันถูกบันทึกสองครั้งโดยเนื้อหาต่างกัน", "One record made twice with different contents"),
    "unknown_entity": ("ข้อมูลประเภทที่โปรแกรมเวอร์ชันนี้ไม่รู้จัก", "Change of a kind this app version does not know"),
    "unstorable_row": ("ข้อมูลที่โปรแกรมเวอร์ชันนี้บันทึกไม่ได้", "Change this app version cannot store"),
}


def test_every_kind_has_a_name_and_an_explanation_in_both_languages(qtbot, languages) -> None:
    model = ExceptionsModel()
    model.set_rows([_named(kind, {}, subject_th="สมหญิง ใจดี") for kind in KINDS] + [_named("from_the_future", {})])
    kinds = [model.index(r, ExceptionsModel.KIND).data() for r in range(len(KINDS) + 1)]
    assert kinds == [th for th, _ in KINDS.values()] + ["from_the_future"]  # an unknown kind keeps its code
    for r in range(len(KINDS)):
        what = model.index(r, ExceptionsModel.WHAT).data()
        assert what.startswith("ลูกค้า สมหญิง ใจดี: ") and len(what) > len("ลูกค้า สมหญิง ใจดี: ") + 5
    languages.set_language("en", save=False)
    kinds = [model.index(r, ExceptionsModel.KIND).data() for r in range(len(KINDS))]
    assert kinds == [en for _, en in KINDS.values()]
    # A rule's rejection, as the server raises it, is explained by its kind (its words stay in the tooltip).
    illegal = _named("illegal_move", {"reason": "illegal_move", "message": "this move is not legal at its place"},
                     subject_th="สมหญิง ใจดี")
    assert what_happened(illegal) == "Customer สมหญิง ใจดี: not allowed at its place in time order; it was not applied"
    assert "message: this move is not legal at its place" in (tooltip(illegal) or "")
    # One award made with other points on another terminal: what was kept, and what was not.
    differs = _named("ledger_row_differs", {"fields": ["points"], "kept": {"points": 10}, "refused": {"points": 25}},
                     entity="points", subject_th="สมหญิง ใจดี")
    assert what_happened(differs) == "Points of สมหญิง ใจดี: kept points 10 (not 25)"
    languages.set_language("th", save=False)
    assert what_happened(differs) == "แต้มของสมหญิง ใจดี: ใช้ค่า แต้ม 10 (ไม่ใช่ 25)"
    languages.set_language("en", save=False)
    claim = model.index(list(KINDS).index("claim_conflict"), ExceptionsModel.WHAT).data()
    assert claim == (
        "Customer สมหญิง ใจดี: used on two terminals while offline; the first to reach the server keeps it, "
        "the other sale stands"
    )


def test_records_and_terminals_are_named_not_numbered(qtbot, languages) -> None:
    model = ExceptionsModel()
    model.set_rows(
        [
            _named("edit_lost_to_delete", {"fields": ["nickname"]}, subject_th="สมหญิง ใจดี", subject_deleted=True,
                   device_name="POS-1", this_terminal=True),
            _named("edit_lost_to_delete", {"fields": ["price_satang"], "device_name": "เคาน์เตอร์ 2"},
                   entity="catalog_item", subject_th="เซรั่ม", subject_en="Serum", device_name="เคาน์เตอร์ 2"),
            _named("unknown_record", {"fields": ["phone"]}),  # neither the record nor the terminal is known here
            _named("clock_ahead", {}, entity="visit", subject_th="สมหญิง ใจดี"),  # a visit: its customer's name
        ]
    )
    what = [model.index(r, ExceptionsModel.WHAT).data() for r in range(4)]
    terminal = [model.index(r, ExceptionsModel.TERMINAL).data() for r in range(4)]
    assert what[0] == "ลูกค้า สมหญิง ใจดี (ถูกลบแล้ว): ฟิลด์ที่แก้ไม่ได้บันทึก ชื่อเล่น"
    assert what[1] == "รายการสินค้าและบริการ เซรั่ม: ฟิลด์ที่แก้ไม่ได้บันทึก ราคา"
    assert what[2] == "ลูกค้า ffff1234: ฟิลด์ที่แก้ไม่ได้บันทึก เบอร์โทรศัพท์"
    assert what[3].startswith("การมาใช้บริการของสมหญิง ใจดี: ")
    assert terminal[:3] == ["POS-1 (เครื่องนี้)", "เคาน์เตอร์ 2", "เครื่อง …cdef"]
    languages.set_language("en", save=False)
    what = [model.index(r, ExceptionsModel.WHAT).data() for r in range(4)]
    terminal = [model.index(r, ExceptionsModel.TERMINAL).data() for r in range(3)]
    assert what[0] == "Customer สมหญิง ใจดี (deleted): lost fields nickname"
    assert what[1] == "Catalog item Serum: lost fields price"
    assert what[3].startswith("Visit of สมหญิง ใจดี: clock ")
    assert terminal == ["POS-1 (this terminal)", "เคาน์เตอร์ 2", "Terminal …cdef"]


def test_a_refused_operation_waiting_in_the_queue_is_explained(qtbot, languages, staffed_copy) -> None:
    from bnaura_desk.services.sync_state import OperationProblem
    from ui.bus import ChangeBus
    from ui.exceptions.screen import ExceptionsScreen
    from ui.runner import DeskRunner

    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.manager
    screen = ExceptionsScreen(runner, runner.bus)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)

    def waiting(reason: str, **detail: object) -> OperationProblem:
        return OperationProblem(seq=12, type="customer.update", entity="customer", entity_id="c1",
                                created_at=RAISED, outcome=None, reason=reason, detail=dict(detail))

    screen._show_refused([waiting("unknown_operation", message="unknown operation type 'loyalty.earn'")])
    assert "เซิร์ฟเวอร์ยังไม่รู้จักการเปลี่ยนแปลงประเภทนี้" in screen.waiting.text()
    screen._show_refused([waiting("brand_new", message="a newer server's words")])
    assert "(a newer server's words)" in screen.waiting.text()
    runner.shutdown()


def test_pulled_changes_this_version_cannot_store_are_shown_to_managers(qtbot, languages, staffed_copy) -> None:
    from bnaura_desk.domain.changes import ChangeSet
    from bnaura_desk.domain.customer import CustomerForm
    from bnaura_desk.services import customers as customer_service
    from bnaura_desk.store.models import ParkedChange
    from ui.bus import ChangeBus
    from ui.exceptions.screen import ExceptionsScreen
    from ui.runner import DeskRunner

    t = staffed_copy.terminal
    cid = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                actor=staffed_copy.front_desk).result

    def park(ctx) -> ChangeSet:  # type: ignore[no-untyped-def]
        # As a pull keeps them: a customer change with a field this version
        # does not know, a loyalty record it does not know, a parent still to come.
        for n, (entity, entity_id, reason, problem) in enumerate([
            ("customer", cid, "unknown_fields", "fields this terminal does not know: loyalty_tier"),
            ("loyalty_entry", "0190aaaa-0000-7000-8000-000000000001", "unknown_entity",
             "this terminal does not know loyalty_entry records"),
            ("visit", "0190aaaa-0000-7000-8000-000000000002", "waiting", ""),
        ]):
            ctx.session.add(ParkedChange(entity=entity, entity_id=entity_id, cursor=n + 1, change={},
                                         reason=reason, problem=problem))
        return ChangeSet()

    t.run(park, actor=None)
    runner = DeskRunner(t, ChangeBus())
    runner.actor = staffed_copy.manager
    screen = ExceptionsScreen(runner, runner.bus)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    assert screen.parked.isVisible()
    text = screen.parked.text()
    assert text.startswith("มี 2 รายการจากเซิร์ฟเวอร์คลินิก")  # the visit waiting for its customer is no problem
    assert "ข้อมูลที่มีฟิลด์ที่โปรแกรมเวอร์ชันนี้ไม่รู้จัก: ลูกค้า สมหญิง ใจดี (fields this terminal does not know: loyalty_tier)" in text
    languages.set_language("en", save=False)
    screen.reload()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    assert screen.parked.text() == (
        "2 changes from the clinic server are kept on this terminal without being used: this version of the app "
        "cannot store them. First: Change with fields this app version does not know: Customer สมหญิง ใจดี "
        "(fields this terminal does not know: loyalty_tier). Update this terminal; they are applied after the update."
    )
    runner.shutdown()
