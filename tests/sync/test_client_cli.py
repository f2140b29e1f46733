"""``bnaura enroll URL CODE`` and ``bnaura sync --once`` against the real server."""

from __future__ import annotations

from pathlib import Path

import pytest

from bnaura_desk.cli import main
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import pending_count
from bnaura_desk.terminal import Terminal
from sync.client.cli import sync_command
from tests.sync.conftest import Server


def test_enroll_then_sync_once_from_the_command_line(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_path, b_path = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    with Terminal.create(a_path, clinic_name="คลินิกบรรทัดคำสั่ง", device_name="POS-1") as a:
        clinic_id = a.device().chain_id
        cid = a.run(
            customer_service.register_customer, CustomerForm(name_th="สมหญิง", phone="081 234 5678"), actor=SYSTEM
        ).result
        written = a.read(pending_count)  # branch.create, the customer and its welcome points
    server.add_clinic(clinic_id=clinic_id)

    assert main(["enroll", server.base_url, server.new_code(clinic_id), "--db", str(a_path)]) == 0
    assert "enrolled with" in capsys.readouterr().out
    assert main(["sync", "--once", "--db", str(a_path)]) == 0
    assert f"pushed {written} (applied {written}," in capsys.readouterr().out

    assert main(["enroll", server.base_url, server.new_code(clinic_id), "--db", str(b_path), "--device", "POS-2"]) == 0
    assert "joined chain" in capsys.readouterr().out
    assert main(["sync", "--once", "--db", str(b_path)]) == 0
    with Terminal.open(b_path) as b:
        assert [h.id for h in b.read(customer_service.search_customers, "สมหญิง")] == [cid]
        assert b.device().device_name == "POS-2"


def test_a_used_code_and_an_unenrolled_sync_fail_with_a_message(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.sqlite"
    Terminal.create(path, clinic_name="คลินิก", device_name="POS-1").close()
    assert main(["sync", "--once", "--db", str(path)]) == 1
    assert "bnaura enroll" in capsys.readouterr().err
    with Terminal.open(path) as t:
        clinic_id = server.add_clinic(clinic_id=t.device().chain_id)
    code = server.new_code(clinic_id)
    assert main(["enroll", server.base_url, code, "--db", str(path)]) == 0
    assert main(["enroll", server.base_url, code, "--db", str(tmp_path / "new.sqlite")]) == 1
    assert "already used" in capsys.readouterr().err


def test_the_loop_waits_with_backoff_while_the_server_is_away(tmp_path: Path) -> None:
    from bnaura_desk.services.sync_state import save_enrollment

    path = tmp_path / "t.sqlite"
    with Terminal.create(path, clinic_name="คลินิก", device_name="POS-1") as t:
        t.run(save_enrollment, "http://127.0.0.1:9", "token", "คลินิก", actor=None)  # nothing listens there
    waits: list[float] = []
    notes: list[str] = []

    class Stop(Exception):
        pass

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 4:
            raise Stop

    class Con:
        def say(self, text: str = "") -> None:
            raise AssertionError(text)

        def note(self, text: str) -> None:
            notes.append(text)

    with pytest.raises(Stop):
        sync_command(path, Con(), once=False, sleep=sleep)
    assert len(notes) == 4 and all("next try" in n for n in notes)
    assert 1.0 <= waits[0] <= 2.0 and all(w <= 300 for w in waits)
