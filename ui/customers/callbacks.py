"""Callbacks that outlive their widget safely.

The runner delivers a result whenever the worker finishes; by then the
screen or dialog that asked may be gone (closed, or torn down at exit).
Calling into a deleted C++ object raises, so results for a dead receiver
are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(receiver: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """Return ``fn`` wrapped to do nothing once ``receiver`` has been deleted."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(receiver):
            fn(*args)

    return call
