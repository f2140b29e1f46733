"""File → Connect to clinic server: a set-up terminal enrolls through the dialog against a real server.

The dialog awaits the same enrollment steps as ``bnaura enroll``
(``sync.client.enroll.enrollment``) with the app's database worker and the
async client, in qasync's loop on the test's QApplication.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from bnaura_desk.services.sync_state import pending_count, sync_state
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.protocol import EnrollResponse
from tests.sync.conftest import Server, start_server
from ui.bus import ChangeBus
from ui.enroll import EnrollDialog
from ui.runner import DeskRunner


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("enroll-server")
    srv = start_server("sqlite", f"sqlite:///{tmp / 'server.sqlite'}", tmp)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def qloop(desk_app: QApplication) -> Iterator[qasync.QEventLoop]:
    """qasync's loop on the test's QApplication (as in tests/ui/test_sync_app.py)."""
    loop = qasync.QEventLoop(desk_app, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Terminal, DeskRunner]]:
    """A terminal set up on its own (as ``bnaura init``), with the app's worker."""
    terminal = Terminal.create(tmp_path / "pos.sqlite", clinic_name="คลินิกเชื่อมต่อ", device_name="POS-1")
    runner = DeskRunner(terminal, ChangeBus())
    yield terminal, runner
    runner.shutdown()
    terminal.close()


def _connect(qtbot, desk: tuple[Terminal, DeskRunner], url: str, code: str) -> tuple[EnrollDialog, list[EnrollResponse]]:  # type: ignore[no-untyped-def]
    dialog = EnrollDialog(runner=desk[1])
    qtbot.addWidget(dialog)
    enrolled: list[EnrollResponse] = []
    dialog.enrolled.connect(enrolled.append)
    dialog.show()
    dialog.url.setText(url)
    dialog.code.setText(code)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    return dialog, enrolled


def test_connect_enrolls_the_terminal_and_keeps_a_token_that_syncs(
    qtbot, qloop, languages, server: Server, desk: tuple[Terminal, DeskRunner]
) -> None:
    terminal = desk[0]
    clinic_id = terminal.device().chain_id
    server.add_clinic("คลินิกบนเซิร์ฟเวอร์", clinic_id)
    dialog, enrolled = _connect(qtbot, desk, server.base_url, server.new_code(clinic_id))
    assert len(enrolled) == 1 and enrolled[0].chain_id == enrolled[0].branch_id == clinic_id
    assert dialog.answer == enrolled[0] and not dialog.isVisible()
    state = terminal.read(sync_state)
    assert state is not None
    assert (state.server_url, state.token, state.clinic_name, state.ca_file) == (
        server.base_url, enrolled[0].token, "คลินิกบนเซิร์ฟเวอร์", ""
    )
    # The kept token is this device's: what the terminal did offline goes up.
    assert terminal.read(pending_count) > 0
    with client_for(terminal) as client:
        report = sync_once(terminal, client)
    assert report.pushed > 0 and report.rejected == 0
    assert terminal.read(pending_count) == 0


def test_a_wrong_code_is_shown_under_the_code_field_and_nothing_is_kept(
    qtbot, qloop, languages, server: Server, desk: tuple[Terminal, DeskRunner]
) -> None:
    terminal = desk[0]
    server.add_clinic(clinic_id=terminal.device().chain_id)
    dialog, enrolled = _connect(qtbot, desk, server.base_url, "ABCD-EFGH-JKLM")
    assert enrolled == [] and dialog.isVisible()
    assert dialog.error_text("code") == "รหัสลงทะเบียนนี้ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง หรือขอรหัสใหม่จากเจ้าของคลินิก"
    assert terminal.read(sync_state) is None
