"""PIN rules and the lockout policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.pins import LockoutPolicy, validate_new_pin


@pytest.mark.parametrize("pin", ["2580", "1357", "90210", "135792", "0905", "9012"])
def test_good_pins(pin: str) -> None:
    assert validate_new_pin(pin) == pin


@pytest.mark.parametrize(
    "pin, reason",
    [
        ("123", "4 to 6"),
        ("1234567", "4 to 6"),
        ("", "4 to 6"),
        ("12a4", "4 to 6"),
        ("12 34", "4 to 6"),
        ("๒๕๘๐", "4 to 6"),  # Thai digits: not what the PIN pad sends
        ("-123", "4 to 6"),
        ("0000", "too easy"),
        ("999999", "too easy"),
        ("1234", "too easy"),
        ("23456", "too easy"),
        ("987654", "too easy"),
        ("4321", "too easy"),
    ],
)
def test_refused_pins_name_the_field(pin: str, reason: str) -> None:
    with pytest.raises(BadInput, match=reason) as err:
        validate_new_pin(pin)
    assert err.value.field == "pin"


def test_lockout_policy_defaults() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    policy = LockoutPolicy()
    assert (policy.max_failures, policy.lock_minutes) == (5, 15)
    assert policy.lock_until(4, now) is None
    assert policy.lock_until(5, now) == now + timedelta(minutes=15)
    assert LockoutPolicy(3, 2).lock_until(3, now) == now + timedelta(minutes=2)
