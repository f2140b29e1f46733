"""The demo clinic's day of appointments: tomorrow booked across beauticians and rooms, with no double booking."""

from __future__ import annotations

from datetime import timedelta
from itertools import combinations
from pathlib import Path

from sqlalchemy import select

from bnaura_desk import demo
from bnaura_desk.domain.appointments import overlaps
from bnaura_desk.domain.dates import BANGKOK, bangkok_date
from bnaura_desk.services.appointments import day_view
from bnaura_desk.store.models import Appointment
from bnaura_desk.terminal import Terminal


def test_the_demo_books_tomorrow_across_beauticians_and_rooms(tmp_path: Path) -> None:
    with Terminal.create(tmp_path / "demo.sqlite", clinic_name=demo.DEMO_CLINIC_NAME_TH, device_name="POS-1") as t:
        report = demo.populate(t, customers=20, seed=3)
        tomorrow = bangkok_date(t.clock()) + timedelta(days=1)
        view = t.read(day_view, t.device().branch_id, tomorrow)
        assert [r.name for r in view.rooms] == sorted(demo.DEMO_ROOMS)
        cards = view.appointments
        assert len(cards) == demo.DEMO_APPOINTMENTS
        assert len({c.beautician_id for c in cards}) > 1 and len({c.room_id for c in cards}) > 1
        assert all(c.starts_at.astimezone(BANGKOK).hour >= 10 and c.ends_at.astimezone(BANGKOK).hour <= 20
                   for c in cards)
        # The cases' appointments (treated days ago, under way, scheduled) are among every one booked.
        for a, b in combinations(cards, 2):
            if a.beautician_id == b.beautician_id or a.room_id == b.room_id:
                assert not overlaps(a.starts_at, a.ends_at, b.starts_at, b.ends_at)
        assert t.read(lambda s: len(s.scalars(select(Appointment.id)).all())) == report.appointments
