"""The day view on a real terminal: a booked appointment in its cell, free slots, the next free slot, a move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from bnaura_desk.domain.appointments import AppointmentStatus
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.services import appointments, catalog, customers, rooms
from bnaura_desk.services.appointments import Booking
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import Appointment
from tests.conftest import Staffed
from ui.appointments.day_model import APPOINTMENT_ROLE, FREE_ROLE, Axis
from ui.appointments.day_view import DayViewScreen
from ui.bus import ChangeBus
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner

# The fixture clock: Monday 23 November 2026, 10:00 in Bangkok.
TOMORROW = datetime(2026, 11, 24, tzinfo=BANGKOK)


def at(hour: int, minute: int = 0) -> datetime:
    return TOMORROW + timedelta(hours=hour, minutes=minute)


@pytest.fixture
def screen(qtbot, staffed_copy: Staffed, languages: LanguageSwitcher) -> Iterator[tuple[DayViewScreen, dict[str, Any]]]:
    s = staffed_copy
    t = s.terminal
    made = {
        "room1": t.run(rooms.create_room, "ห้อง 1", actor=s.manager).result,
        "room2": t.run(rooms.create_room, "ห้อง 2", actor=s.manager).result,
        "facial": t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                      price_satang=150_000, duration_minutes=60),
                        actor=s.manager).result,
        "customer": t.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                          actor=s.front_desk).result,
        "nid": str(s.beautician.staff_id),
        "manager": s.manager,
    }
    made["booked"] = t.run(appointments.book, Booking(made["customer"], made["facial"], made["nid"], made["room1"],
                                                      at(11)), actor=s.front_desk).result
    runner = DeskRunner(t, ChangeBus())
    runner.actor = s.front_desk
    widget = DayViewScreen(runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.day.setDate(QDate(2026, 11, 24))
    qtbot.waitUntil(lambda: runner.pending() == 0 and widget.model.rowCount() > 0)
    yield widget, made
    qtbot.waitUntil(lambda: runner.pending() == 0)
    runner.shutdown()


def test_a_booked_appointment_shows_in_its_beauticians_cell_and_the_rest_is_free(screen, qtmodeltester) -> None:
    widget, made = screen
    model = widget.model
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Vertical) == "10:00"  # the default opening hours
    assert model.rowCount() == 40  # 10:00 to 20:00 in quarters
    column = [model.resource(c).id for c in range(model.columnCount())].index(made["nid"])
    eleven = model.index_at(at(11), made["nid"])
    text = model.data(eleven)
    assert "สมหญิง ใจดี" in text and "ทรีตเมนต์หน้าใส" in text and "ห้อง 1" in text and text.startswith("11:00–12:00")
    assert model.data(eleven, APPOINTMENT_ROLE) == made["booked"]
    assert model.data(model.index(eleven.row() + 3, column), APPOINTMENT_ROLE) == made["booked"]  # 11:45 too
    assert model.data(model.index(eleven.row() + 4, column), FREE_ROLE)  # 12:00 is free
    assert model.data(model.index_at(at(10), made["nid"]), FREE_ROLE)
    assert widget.table.rowSpan(eleven.row(), column) == 4
    # By room, the appointment is in ห้อง 1's column and names the beautician.
    widget.axis.setCurrentIndex(widget.axis.findData(Axis.ROOM))
    by_room = model.index_at(at(11), made["room1"])
    assert "พี่นิด" in model.data(by_room)
    assert model.data(model.index_at(at(11), made["room2"]), FREE_ROLE)
    qtmodeltester.check(model)


def test_the_next_free_slot_is_found_and_selected(screen, qtbot) -> None:
    widget, made = screen
    widget.beautician.setCurrentIndex(widget.beautician.findData(made["nid"]))
    qtbot.waitUntil(lambda: widget.treatment.count() > 0)
    widget.find_button.click()
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and widget.message.text() != "")
    # From tomorrow's opening: 10:00 is free for her (the 11:00 booking starts after it ends).
    assert "10:00" in widget.message.text() and "พี่นิด" in widget.message.text()
    assert widget.table.currentIndex() == widget.model.index_at(at(10), made["nid"])


def test_moving_an_appointment_by_double_clicking_it_then_a_free_slot(screen, qtbot) -> None:
    widget, made = screen
    model = widget.model
    widget._double_clicked(model.index_at(at(11), made["nid"]))
    assert "สมหญิง ใจดี" in widget.message.text()
    widget._double_clicked(model.index_at(at(14), made["nid"]))
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and model.data(model.index_at(at(14), made["nid"]),
                                                                        APPOINTMENT_ROLE) == made["booked"])
    row = widget.runner.terminal.read(lambda s: s.get(Appointment, made["booked"]))
    assert (row.starts_at, row.status) == (at(14), AppointmentStatus.MOVED)
    assert model.data(model.index_at(at(11), made["nid"]), FREE_ROLE)


def test_the_shell_opens_the_day_view_from_its_navigation(qtbot, staffed_copy: Staffed, languages) -> None:
    from tests.ui.conftest import sign_in
    from ui import app as ui_app

    s = staffed_copy
    window = ui_app.create_main_window(s.terminal, languages)
    qtbot.addWidget(window)
    window.show()
    try:
        sign_in(qtbot, window, str(s.front_desk.staff_id), s.pins["front_desk"])
        page = window.show_screen("appointments")
        assert isinstance(page, DayViewScreen)
        qtbot.waitUntil(lambda: window.runner.pending() == 0 and page.loaded)
        assert page.axis.currentText() == "ตามช่างเสริมสวย"
        assert [page.model.resource(c).name for c in range(page.model.columnCount())] == ["พี่นิด"]
    finally:
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()


def test_a_double_booking_refusal_and_exception_read_in_thai(screen, qtbot) -> None:
    from PySide6.QtCore import QCoreApplication

    from bnaura_desk.domain.errors import BadInput
    from bnaura_desk.services.sync_exceptions import SyncExceptionView
    from ui.exceptions.texts import kind_label, what_happened

    widget, made = screen
    t = widget.runner.terminal
    with pytest.raises(BadInput) as refused:
        t.run(appointments.book, Booking(made["customer"], made["facial"], made["nid"], made["room2"], at(11, 30)),
              actor=SYSTEM)
    assert refused.value.render(QCoreApplication.translate) == (
        "พี่นิด มีนัดกับ สมหญิง ใจดี แล้ว ตั้งแต่ 24 พ.ย. 2569 11:00 ถึง 12:00 น.")
    raised = SyncExceptionView(
        id="x", kind="double_booking", entity="appointment", entity_id="a2", device_id="d2", seq=3,
        detail={"appointments": [
            {"customer_name": "สมหญิง ใจดี", "starts_at": "2026-11-24T11:00:00+07:00", "ends_at": "2026-11-24T12:00:00+07:00"},
            {"customer_name": "มาลี สวยงาม", "starts_at": "2026-11-24T11:30:00+07:00", "ends_at": "2026-11-24T12:30:00+07:00"},
        ]},
        raised_at=at(9), resolved_at=None, resolved_by_name="", note="", subject_th="มาลี สวยงาม",
    )
    assert kind_label("double_booking") == "ช่างเสริมสวยหรือห้องถูกจองซ้อน"
    assert what_happened(raised) == (
        "นัดหมายของมาลี สวยงาม: ถูกจองซ้อนระหว่างออฟไลน์ ทั้งสองนัดยังคงอยู่ (สมหญิง ใจดี 24 พ.ย. 2569 11:00–12:00; "
        "มาลี สวยงาม 24 พ.ย. 2569 11:30–12:30) กรุณาย้ายนัดใดนัดหนึ่ง")


def test_booking_a_free_slot_from_the_grid_and_a_refusal_in_the_dialog(screen, qtbot) -> None:
    widget, made = screen
    model = widget.model
    widget.table.setCurrentIndex(model.index_at(at(10), made["nid"]))
    assert widget.book_button.isEnabled() and not widget.cancel_button.isEnabled()
    widget.book_button.click()
    dialog = widget.book_dialog
    assert dialog is not None and dialog.beautician.currentData() == made["nid"]
    dialog.search.setText("สมหญิง")  # QTest.keyClicks aborts on Thai characters; digits below are typed
    qtbot.waitUntil(lambda: dialog.hits.count() == 1)
    dialog.book_button.click()
    qtbot.waitUntil(lambda: dialog.booked is not None and widget.runner.pending() == 0)
    qtbot.waitUntil(lambda: model.data(model.index_at(at(10), made["nid"]), APPOINTMENT_ROLE) == dialog.booked)
    assert widget.message.text() == "จองนัดแล้ว"
    # By room: ห้อง 2 is free at 11:15, but พี่นิด is not; the dialog says so and stays open.
    widget.axis.setCurrentIndex(widget.axis.findData(Axis.ROOM))
    widget.table.setCurrentIndex(model.index_at(at(11, 15), made["room2"]))
    widget.book_button.click()
    refused = widget.book_dialog
    assert refused is not None and refused is not dialog and refused.room.currentData() == made["room2"]
    refused.beautician.setCurrentIndex(refused.beautician.findData(made["nid"]))
    qtbot.keyClicks(refused.search, "0812")
    qtbot.waitUntil(lambda: refused.hits.count() == 1)
    refused.book_button.click()
    qtbot.waitUntil(lambda: refused.error.text() != "")
    assert refused.error.text() == "พี่นิด มีนัดกับ สมหญิง ใจดี แล้ว ตั้งแต่ 24 พ.ย. 2569 11:00 ถึง 12:00 น."
    assert refused.isVisible() and refused.book_button.isEnabled()
    refused.reject()


def test_cancelling_and_a_no_show_from_the_grid(screen, qtbot) -> None:
    widget, made = screen
    model = widget.model
    widget.table.setCurrentIndex(model.index_at(at(11, 30), made["nid"]))  # inside the appointment
    assert widget.cancel_button.isEnabled() and widget.no_show_button.isEnabled()
    assert not widget.book_button.isEnabled()
    widget.cancel_button.click()
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and widget.message.text() == "ยกเลิกนัดแล้ว")
    qtbot.waitUntil(lambda: model.data(model.index_at(at(11), made["nid"]), FREE_ROLE))
    row = widget.runner.terminal.read(lambda s: s.get(Appointment, made["booked"]))
    assert row.status == "cancelled"  # 25 hours ahead: not late


def test_a_manager_sets_rooms_and_hours_and_the_grid_follows(screen, qtbot) -> None:
    from ui.appointments.schedule_dialog import ScheduleDialog

    widget, made = screen
    widget.runner.actor = made["manager"]  # rooms and hours are a manager's
    widget.schedule_button.click()
    dialog = widget.schedule_dialog
    assert isinstance(dialog, ScheduleDialog)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.room_list.count() == 2)
    dialog.room_name.setText("ห้อง 1")  # taken: refused in the dialog
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "สาขานี้มีห้องชื่อ ห้อง 1 อยู่แล้ว")
    dialog.room_name.setText("ห้อง VIP")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.room_list.count() == 3)
    # Tuesday 09:00 to 12:00 only: the grid shows 12 quarters.
    tuesday = 1
    dialog.opens[tuesday].setTime(dialog.opens[tuesday].time().fromString("09:00", "HH:mm"))
    dialog.closes[tuesday].setTime(dialog.closes[tuesday].time().fromString("12:00", "HH:mm"))
    dialog.save_hours_button.click()
    qtbot.waitUntil(lambda: widget.runner.pending() == 0 and widget.model.rowCount() == 12)
    assert widget.model.headerData(0, Qt.Orientation.Vertical) == "09:00"
    widget.axis.setCurrentIndex(widget.axis.findData(Axis.ROOM))
    assert [widget.model.resource(c).name for c in range(widget.model.columnCount())] == ["ห้อง 1", "ห้อง 2",
                                                                                         "ห้อง VIP"]
    dialog.accept()
