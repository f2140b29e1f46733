"""The database worker never frees a Qt object: not by a garbage cycle, not by the last reference to a job's arguments.

A widget freed on the worker stops its timers from the wrong thread; Qt
refuses with "Timers cannot be stopped from another thread" (pytest-qt
fails a test on that warning) and the widget outlives its window.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.runner import DeskRunner


@pytest.fixture
def desk(staffed_copy: Staffed, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


class Screen:
    """A screen-like object in a garbage cycle, with a running timer and an edit box with a blinking cursor."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self  # the cycle: only the collector frees it
        self.timer = QTimer()
        self.timer.start(10_000)
        self.edit = QLineEdit()
        self.edit.show()
        self.edit.setFocus()

    def __del__(self) -> None:
        Screen.freed_on.append(threading.current_thread().name)


def churn(_session: Any) -> int:
    """A read that leaves enough garbage cycles behind to trigger automatic collections."""
    for _ in range(20_000):
        cycle: list[Any] = []
        cycle.append(cycle)
    return 20_000


def test_garbage_cycles_with_widgets_are_freed_on_the_gui_thread(desk: DeskRunner, qtbot) -> None:
    Screen.freed_on.clear()
    screen = Screen()
    gone = weakref.ref(screen)
    del screen
    done: list[int] = []
    for _ in range(3):
        desk.read(churn, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 3)
    assert Screen.freed_on in ([], [threading.main_thread().name])  # never on the worker
    assert not gc.isenabled()  # held off while the worker runs: collections happen here
    # The GUI thread's collector frees the cycle within a few checks.
    for _ in range(3):
        desk.read(churn, on_done=done.append)
    qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
    assert Screen.freed_on == [threading.main_thread().name]


def test_a_jobs_arguments_are_let_go_of_on_the_gui_thread(desk: DeskRunner, qtbot) -> None:
    Screen.freed_on.clear()
    started, go_on = threading.Event(), threading.Event()

    def slow_read(_session: Any, screen: Screen) -> str:
        started.set()
        go_on.wait(5)
        return "read"

    screen = Screen()
    screen.me = None  # no cycle: the last reference decides where it is freed
    answers: list[str] = []
    desk.read(slow_read, screen, on_done=answers.append)
    started.wait(5)
    del screen  # the screen closed while its read was running: the job holds the last references
    go_on.set()
    qtbot.waitUntil(lambda: answers == ["read"])
    assert Screen.freed_on == [threading.main_thread().name]


def test_the_interpreter_collects_again_once_the_worker_stops(staffed_copy: Staffed) -> None:
    assert gc.isenabled()
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    assert not gc.isenabled()
    runner.shutdown()
    runner.shutdown()  # twice is harmless
    assert gc.isenabled()
