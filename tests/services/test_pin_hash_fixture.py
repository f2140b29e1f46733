"""The service tests' PIN hashes are cheap (tests/services/conftest.py), and only where asked for."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bnaura_desk.store.models import Staff
from tests.conftest import Staffed


def _costs(staffed: Staffed) -> set[str]:
    hashes = staffed.terminal.read(lambda s: s.scalars(select(Staff.pin_hash)).all())
    assert len(hashes) == 5
    return {h.split("$")[3] for h in hashes}  # $argon2id$v=19$m=...,t=...,p=...$salt$hash


def test_the_staff_of_a_service_test_get_cheap_hashes(staffed: Staffed) -> None:
    assert _costs(staffed) == {"m=1024,t=1,p=1"}


@pytest.mark.real_pin_hashes
def test_a_test_marked_real_pin_hashes_gets_the_production_cost(staffed: Staffed) -> None:
    assert _costs(staffed) == {"m=65536,t=3,p=4"}  # argon2-cffi's default, RFC 9106's low-memory profile
