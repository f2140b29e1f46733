"""The Qt binding survives a day at the counter.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of
a method returning nothing; after some thousands of ``setText`` calls the
interpreter aborts ("Fatal Python error: none_dealloc"). pyproject pins
below 6.12; this test fails if an upgrade brings the bug back.
"""

from __future__ import annotations

import os
import subprocess
import sys


def test_many_void_calls_do_not_crash_the_interpreter() -> None:
    code = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([]); label = QLabel()\n"
        "for i in range(60000): label.setText(str(i))\n"
        "print('alive', label.text())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        check=False,  # the return code is the assertion below
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "alive 59999" in done.stdout
