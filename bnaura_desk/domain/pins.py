"""PIN rules (format and strength) and the lockout policy."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from .errors import QT_TRANSLATE_NOOP, BadInput


def validate_new_pin(pin: str) -> str:
    """Return ``pin`` if it may be set as a staff PIN.

    4 to 6 digits; not one repeated digit (``0000``) and not a straight run
    (``1234``, ``987654``), the first PINs anyone would try.

    Raises:
        BadInput: the PIN breaks one of these rules.
    """
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 6):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A PIN is 4 to 6 digits"), field="pin")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {-1}):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "This PIN is too easy to guess; choose another"), field="pin"
        )
    return pin


@dataclass(frozen=True)
class LockoutPolicy:
    """How many wrong PINs lock an account, and for how long."""

    max_failures: int = 5
    lock_minutes: int = 15

    def lock_until(self, failures: int, now: datetime) -> datetime | None:
        """Return until when the account is locked after ``failures`` wrong PINs."""
        if failures >= self.max_failures:
            return now + timedelta(minutes=self.lock_minutes)
        return None
