"""The demo clinic at work: what a new user sees on the kanban, in the task queues and in the customers' scans.

One demo clinic for the module (argon2 makes its staff slow to create),
read the way the screens read it: the board (``journey_board``), a
beautician's and a salesperson's queue (``my_tasks``), a customer's scans
(``scans_of``) and their photos in the terminal's image store.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from bnaura_desk import demo
from bnaura_desk.demo_skin import skin_photo
from bnaura_desk.domain.automation import TaskStatus
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.journeys import FLOW, Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import scans, staff
from bnaura_desk.services.journey_board import journey_board
from bnaura_desk.services.journeys import journey_timeline
from bnaura_desk.services.refunds import paid_for
from bnaura_desk.services.tasks import my_tasks
from bnaura_desk.store.models import Appointment, Journey, OutboxOperation, Sale, SkinScan, Task
from bnaura_desk.terminal import Terminal

BOARD = (*FLOW, Stage.CANCELLED)  # the kanban's columns (ui.journeys.board.COLUMNS)


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Terminal, demo.DemoReport]]:
    path: Path = tmp_path_factory.mktemp("demo-journeys") / "demo.sqlite"
    t = Terminal.create(path, clinic_name=demo.DEMO_CLINIC_NAME_TH, clinic_name_en=demo.DEMO_CLINIC_NAME_EN,
                        device_name="POS-1")
    report = demo.populate(t, customers=40, seed=5)
    yield t, report
    t.close()


def _staff_of(t: Terminal, role: Role) -> list[str]:
    return [c.id for c in t.read(staff.list_staff) if c.role is role]


def test_every_kanban_column_has_cards_and_some_have_waited_too_long(clinic: tuple[Terminal, demo.DemoReport]) -> None:
    t, report = clinic
    board = t.read(journey_board, t.clock())
    counts = {stage: len(board.cards(stage)) for stage in BOARD}
    assert all(counts.values()), counts
    assert report.journeys == sum(counts.values())
    overdue = [c for _, cards in board.columns for c in cards if c.overdue]
    assert overdue, "a new user sees what waits too long"
    assert {c.stage for c in overdue} >= {Stage.LEAD_CREATED, Stage.SCANNED, Stage.PROPOSAL_SENT}
    assert any(not c.overdue for _, cards in board.columns for c in cards)
    # Cards say who and what: a customer, a treatment of interest, an owner.
    cards = [c for _, cards in board.columns for c in cards]
    assert all(c.journey.customer_name and c.item is not None and c.journey.owner_name for c in cards)


def test_every_journey_got_there_by_legal_moves_with_its_sale_and_appointment(
        clinic: tuple[Terminal, demo.DemoReport]) -> None:
    t, _ = clinic
    journeys = t.read(lambda s: list(s.scalars(select(Journey))))
    for j in journeys:
        timeline = t.read(journey_timeline, j.id)
        assert not any(e.rejected for e in timeline), j.stage
        stage = Stage(j.stage)
        if stage in FLOW and FLOW.index(stage) >= FLOW.index(Stage.PAYMENT_CONFIRMED):
            sale = t.read(lambda s, i=j.sale_id: s.get(Sale, i))
            assert sale is not None and sale.customer_id == j.customer_id
            assert t.read(paid_for, sale.id) > 0
        if stage in FLOW and FLOW.index(stage) >= FLOW.index(Stage.TREATMENT_SCHEDULED):
            appointment = t.read(lambda s, i=j.appointment_id: s.get(Appointment, i))
            assert appointment is not None
            assert (appointment.customer_id, appointment.item_id, appointment.journey_id) == (
                j.customer_id, j.item_id, j.id)
            assert appointment.beautician_id == j.beautician_id
    # Everything was journaled for sync, as staff would have made it.
    types = t.read(lambda s: set(s.scalars(select(OutboxOperation.type))))
    assert {"journey.open", "journey.move", "task.create", "task.claim", "task.start", "task.complete",
            "skin_scan.record", "appointment.book"} <= {str(x) for x in types}


def test_the_beauticians_queue_holds_the_treatments_booked_for_them(clinic: tuple[Terminal, demo.DemoReport]) -> None:
    t, _ = clinic
    now = t.clock()
    queues = {b: t.read(my_tasks, b, Role.BEAUTICIAN, now) for b in _staff_of(t, Role.BEAUTICIAN)}
    treatments = [task for tasks in queues.values() for task in tasks]
    assert treatments, "a beautician signing in sees work"
    assert all(task.checklist for task in treatments)  # the treatment's protocol as checklist
    assert any(task.status is TaskStatus.STARTED for task in treatments)  # one under way now
    sales = [task for s in _staff_of(t, Role.SALES) for task in t.read(my_tasks, s, Role.SALES, now)]
    assert sales and any(task.overdue for task in sales)
    done = t.read(lambda s: s.scalars(select(Task).where(Task.status == str(TaskStatus.DONE))).all())
    assert done  # tasks ticked off along the way


def test_scanned_customers_consented_and_their_photos_are_in_the_store(clinic: tuple[Terminal, demo.DemoReport]) -> None:
    t, _ = clinic
    store = ImageStore.beside(t.path)
    customers = t.read(lambda s: sorted(set(s.scalars(select(SkinScan.customer_id)))))
    assert len(customers) >= 10
    for customer_id in customers:
        assert t.read(scans.has_scan_consent, customer_id)
        [scan] = t.read(scans.scans_of, customer_id)
        assert len(scan.images) == 2 and len(scan.values) == 8
        for name in scan.images:
            data = store.read(name)
            assert sha256_hex(data) == name
            with Image.open(io.BytesIO(data)) as image:
                assert image.format == "PNG" and image.size == (240, 180)


def test_the_photos_are_the_same_for_a_seed_and_differ_between_seeds() -> None:
    assert skin_photo(3, pigmentation=70) == skin_photo(3, pigmentation=70)
    assert skin_photo(3) != skin_photo(4)


def test_tomorrow_holds_the_scheduled_cases_among_the_days_appointments(clinic: tuple[Terminal, demo.DemoReport]) -> None:
    t, report = clinic
    tomorrow = bangkok_date(t.clock()) + timedelta(days=1)
    rows = t.read(lambda s: list(s.scalars(select(Appointment))))
    assert len(rows) == report.appointments
    on_the_day = [a for a in rows if bangkok_date(a.starts_at) == tomorrow]
    assert len(on_the_day) == demo.DEMO_APPOINTMENTS
    scheduled = t.read(lambda s: set(s.scalars(select(Journey.appointment_id).where(
        Journey.stage == str(Stage.TREATMENT_SCHEDULED)))))
    assert scheduled and scheduled <= {a.id for a in on_the_day}
