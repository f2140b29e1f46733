"""Shared fixtures: real SQLite terminal databases in temporary folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bnaura_desk.domain.roles import Role
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal


class FakeClock:
    """A clock tests can move forward (lock expiry, birthdays)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)  # every call is a new instant
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@dataclass
class Staffed:
    """A set-up terminal with one signed-in actor per role and their PINs."""

    terminal: Terminal
    clock: FakeClock
    owner: Actor
    manager: Actor
    front_desk: Actor
    sales: Actor
    beautician: Actor
    pins: dict[str, str]


PINS = {
    Role.OWNER: "2580",
    Role.MANAGER: "3691",
    Role.FRONT_DESK: "4826",
    Role.SALES: "5937",
    Role.BEAUTICIAN: "7140",
}


# Still argon2id and its hash format, at the lowest cost argon2 takes: a few
# milliseconds per PIN instead of about a hundred (five staff per terminal).
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def cheap_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash and check staff PINs with ``CHEAP_HASHER`` for this test (PIN cost is not what it checks).

    Every service test has it (tests/services/conftest.py); a test that needs
    the production cost is marked ``real_pin_hashes`` there.
    """
    monkeypatch.setattr(staff_service, "_hasher", CHEAP_HASHER)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def terminal(tmp_path: Path, clock: FakeClock) -> Iterator[Terminal]:
    """A new terminal database (clinic and device set up, no staff)."""
    t = Terminal.create(tmp_path / "terminal.sqlite", clinic_name="คลินิกทดสอบ", device_name="POS-1", clock=clock)
    yield t
    t.close()


@pytest.fixture
def staffed(terminal: Terminal, clock: FakeClock) -> Staffed:
    """The terminal with one staff member per role, each signed in."""
    names = {
        Role.OWNER: "คุณเจ้าของ",
        Role.MANAGER: "คุณผู้จัดการ",
        Role.FRONT_DESK: "น้องหน้าร้าน",
        Role.SALES: "น้องเซลส์",
        Role.BEAUTICIAN: "พี่นิด",
    }
    actors: dict[Role, Actor] = {}
    for role, name in names.items():
        staff_id = terminal.run(staff_service.create_staff, name, role, PINS[role], actor=SYSTEM).result
        actors[role] = Actor(staff_id, name, role)
    return Staffed(
        terminal,
        clock,
        actors[Role.OWNER],
        actors[Role.MANAGER],
        actors[Role.FRONT_DESK],
        actors[Role.SALES],
        actors[Role.BEAUTICIAN],
        {str(k): v for k, v in PINS.items()},
    )
