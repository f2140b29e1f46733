"""``bnaura server ...``: chains, branches, clinics, enrollment codes, devices and revocation from the command line."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from bnaura_desk.cli import main
from sync.server.cli import database_url

from .conftest import Server

CODE = re.compile(r"^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["server", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_owner_adopts_a_terminal_enrolls_it_lists_and_revokes_it(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", server.db_url]
    terminal = server.terminal()
    clinic_id = terminal.device().chain_id
    name = f"สาขา {uuid.uuid4().hex[:6]}"

    code, out, err = _run(capsys, *db, "clinics", "add", name, "--id", clinic_id)
    assert code == 0 and clinic_id in out, err
    code, out, _ = _run(capsys, "clinics", "list", *db)  # --db after the subcommand works too
    assert code == 0 and any(clinic_id in line and name in line for line in out.splitlines())

    code, out, err = _run(capsys, *db, "enroll-code", "--clinic", name)
    assert code == 0
    enroll_code = out.strip()
    assert CODE.match(enroll_code), out
    assert "valid until" in err and "shown only now" in err

    r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, enroll_code))
    assert r.status_code == 200, r.text
    device_id, token = r.json()["device_id"], r.json()["token"]
    assert server.client(token=token).get("/v1/pull").status_code == 200

    code, out, _ = _run(capsys, *db, "devices")
    line = next(line for line in out.splitlines() if device_id in line)
    assert name in line and "last seen: never" not in line and "active" in line

    code, out, _ = _run(capsys, *db, "revoke", device_id)
    assert code == 0 and "revoked" in out
    after = server.client(token=token).get("/v1/pull")
    assert after.status_code == 401 and after.json()["code"] == "device_revoked"
    code, out, _ = _run(capsys, *db, "devices")
    assert "revoked" in next(line for line in out.splitlines() if device_id in line)


def test_owner_mistakes_exit_1_with_one_line_and_no_traceback(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", server.db_url]
    name = f"ซ้ำ {uuid.uuid4().hex[:6]}"
    assert _run(capsys, *db, "clinics", "add", name)[0] == 0
    for argv, words in [
        (("clinics", "add", name), "already a chain named"),
        (("clinics", "add", "อื่น", "--id", "not-a-uuid"), "is not a clinic id"),
        (("enroll-code", "--clinic", "ไม่มีคลินิกนี้"), "no branch named"),
        (("enroll-code", "--branch", "ไม่มีสาขานี้"), "no branch named"),
        (("branches", "add", "สาขาใหม่", "--chain", "ไม่มีเครือนี้"), "no chain named"),
        (("branches", "add", "สาขาใหม่", "--chain", name, "--number", "123456"), "is not a branch number"),
        (("branches", "add", "สาขาใหม่", "--chain", name, "--number", "สาขา1"), "is not a branch number"),
        (("branches", "add", "สาขาใหม่", "--chain", name, "--number", "0"), "is already"),
        (("branches", "add", name, "--chain", name), "already has a branch named"),
        (("revoke", str(uuid.uuid4())), "no device"),
    ]:
        code, out, err = _run(capsys, *db, *argv)
        assert code == 1 and out == ""
        assert err.startswith("bnaura server: ") and words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_owner_builds_a_chain_of_branches_and_enrolls_a_terminal_at_each(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", server.db_url]
    chain = f"เครือ {uuid.uuid4().hex[:6]}"
    code, out, err = _run(capsys, *db, "chains", "add", chain)
    assert code == 0 and chain in out and "branches add" in err
    code, out, _ = _run(capsys, *db, "branches", "add", "สาขาสยาม", "--chain", chain)
    assert code == 0 and "number 00000" in out  # the first branch is the head office
    code, out, _ = _run(capsys, *db, "branches", "add", "สาขาทองหล่อ", "--chain", chain)
    assert code == 0 and "number 00001" in out
    code, out, _ = _run(capsys, *db, "branches", "add", "สาขาเชียงใหม่", "--chain", chain, "--number", "๗")
    assert code == 0 and "number 00007" in out  # Thai digits, padded to five
    # Another chain may have a branch of the same name; a code then names the chain.
    other = f"อีกเครือ {uuid.uuid4().hex[:6]}"
    assert _run(capsys, *db, "chains", "add", other)[0] == 0
    assert _run(capsys, *db, "branches", "add", "สาขาสยาม", "--chain", other)[0] == 0
    code, _, err = _run(capsys, *db, "enroll-code", "--branch", "สาขาสยาม")
    assert code == 1 and "--chain" in err

    code, out, _ = _run(capsys, *db, "branches", "list", "--chain", chain)
    lines = out.splitlines()
    assert [line.split("number ")[1][:5] for line in lines] == ["00000", "00001", "00007"]
    assert all(f"{chain} / " in line and "devices: 0" in line for line in lines)

    devices = {}
    for branch in ("สาขาสยาม", "สาขาทองหล่อ"):
        code, out, err = _run(capsys, *db, "enroll-code", "--branch", branch, "--chain", chain)
        assert code == 0 and branch in err and chain in err
        body = {"protocol": 1, "code": out.strip(), "device_id": str(uuid.UUID(int=uuid.uuid4().int)),
                "device_name": f"POS {branch}"}
        answer = server.client().post("/v1/enroll", json=body)
        assert answer.status_code == 200, answer.text
        assert answer.json()["chain_name"] == chain and answer.json()["branch_name"] == branch
        devices[branch] = answer.json()
    assert devices["สาขาสยาม"]["chain_id"] == devices["สาขาทองหล่อ"]["chain_id"]
    assert devices["สาขาสยาม"]["branch_no"] == "00000" and devices["สาขาทองหล่อ"]["branch_no"] == "00001"

    code, out, _ = _run(capsys, *db, "chains", "list")
    line = next(line for line in out.splitlines() if chain in line and other not in line)
    assert "branches: 3" in line and "devices: 2" in line
    code, out, _ = _run(capsys, *db, "devices")
    assert any(f"{chain} / สาขาทองหล่อ" in line and "POS สาขาทองหล่อ" in line for line in out.splitlines())

    # Each terminal learns its chain's name and every branch's name and number from the feed.
    pulled = server.client(token=devices["สาขาทองหล่อ"]["token"]).get("/v1/pull").json()["changes"]
    names = {c["entity"]: [] for c in pulled}
    for c in pulled:
        names[c["entity"]].append(c["data"])
    assert names["chain"] == [{"name": chain}]
    assert sorted((b["branch_code"], b["name_th"]) for b in names["branch"]) == [
        ("00000", "สาขาสยาม"), ("00001", "สาขาทองหล่อ"), ("00007", "สาขาเชียงใหม่"),
    ]


def test_more_workers_need_postgresql(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", str(tmp_path / "s.sqlite"), "--workers", "2")
    assert code == 2 and "needs PostgreSQL" in err
    assert not (tmp_path / "s.sqlite").exists()


def test_an_unreachable_database_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2", "devices")
    assert code == 1 and err.startswith("bnaura server: the database cannot be used") and "Traceback" not in err


def test_a_path_is_a_sqlite_file_and_the_default_lives_beside_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert database_url(str(tmp_path / "x.sqlite")) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    monkeypatch.delenv("BNAURA_SERVER_DB", raising=False)
    monkeypatch.setenv("BNAURA_DB", str(tmp_path / "data" / "terminal.sqlite"))
    assert _run(capsys, "clinics", "add", "คลินิกเดียว")[0] == 0
    assert (tmp_path / "data" / "server.sqlite").exists()


def test_bnaura_help_lists_the_server_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "server" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["server", "--help"])
    help_text = capsys.readouterr().out
    for word in ("--workers", "--forwarded-allow-ips", "migrate", "chains", "branches", "clinics", "enroll-code",
                 "devices", "revoke"):
        assert word in help_text


def test_migrate_creates_then_upgrades_a_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sync.server.schema import head_revision

    db = str(tmp_path / "data" / "server.sqlite")
    code, out, _ = _run(capsys, "migrate", "--db", db)
    assert code == 0 and f"server schema {head_revision()} (created)" in out
    code, out, _ = _run(capsys, "migrate", "--db", db)
    assert code == 0 and "(up to date)" in out


def test_serving_a_new_sqlite_file_upgrades_it_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from sync.server.db import server_engine
    from sync.server.schema import current_revision, head_revision

    started: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kw: started.append(kw))
    db = tmp_path / "server.sqlite"
    code, _, err = _run(capsys, "--db", str(db))
    assert code == 0 and started, err
    engine = server_engine(f"sqlite:///{db}")
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
