"""Fixtures of the service tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _pin_hashes(request: pytest.FixtureRequest) -> None:
    """Every service test hashes PINs cheaply (``cheap_pin_hashes``), unless marked ``real_pin_hashes``.

    Set up before the test's other fixtures, so the staff of ``staffed`` get
    cheap hashes too.
    """
    if request.node.get_closest_marker("real_pin_hashes") is None:
        request.getfixturevalue("cheap_pin_hashes")
