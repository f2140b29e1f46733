"""The ``bnaura`` command, run as a real subprocess on real database files."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import types
import unicodedata
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from bnaura_desk import cli
from bnaura_desk.cli import prompts
from bnaura_desk.cli.console import display_width, table
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.roles import Role
from bnaura_desk.i18n import cli_language, cli_translator, load_ts
from bnaura_desk.paths import default_db_path
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.staff import list_staff
from bnaura_desk.store.engine import open_engine
from bnaura_desk.store.migrate import head_revision, upgrade
from bnaura_desk.terminal import Terminal

REPO = Path(__file__).resolve().parents[1]
OWNER = ["--owner-name", "คุณเจ้าของ", "--owner-pin", "2580"]


def bnaura(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bnaura_desk.cli ARGS`` as the user would, without a terminal."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"BNAURA_DB", "BNAURA_LANG", "LC_ALL", "LC_MESSAGES"}
    }
    environ.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
        **(env or {}),
    )
    return subprocess.run(
        [sys.executable, "-m", "bnaura_desk.cli", *map(str, args)],
        check=False,
        cwd=REPO,
        env=environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``cli.main`` in this process: for cases that need no fresh interpreter.

    Each ``bnaura`` subprocess costs about half a second of imports; the
    behaviour that only a real process shows (exit status, the writer lock
    held by another process, no traceback) keeps its subprocess tests.
    """
    monkeypatch.setenv("BNAURA_LANG", "en")

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        argv = [str(a) for a in args]
        code = cli.main(argv)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, out, err)

    return run


def assert_user_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    """Exit 1, the message on stderr as ``bnaura: ...`` and never a traceback."""
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert needle in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("bnaura: ")


def make_db(path: Path, *customers: CustomerForm) -> Path:
    """A set-up terminal database with the given customers (made in-process: fast)."""
    with Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name="POS-1") as t:
        for form in customers:
            t.run(customer_service.register_customer, form, actor=SYSTEM)
    return path


def customers_of(path: Path) -> list[customer_service.CustomerDetails]:
    with Terminal.open(path, read_only=True) as t:
        hits = t.read(customer_service.search_customers, "", limit=1000)
        return sorted(
            (t.read(customer_service.get_customer, h.id) for h in hits), key=lambda d: d.form.phone
        )


def names_in(path: Path) -> list[str]:
    """Customer names of a backup, read with plain sqlite3.

    Not through ``Terminal.open(read_only=True)``: a ``VACUUM INTO`` copy is
    not in WAL mode, and the read-only engine's ``journal_mode=WAL`` pragma
    cannot switch it (see the report to the lead).
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [r[0] for r in conn.execute("SELECT name_th FROM customers ORDER BY phone")]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- help, paths


def test_help_of_every_command_exits_0_without_loading_qt() -> None:
    script = (
        "import sys\n"
        "from bnaura_desk.cli import main\n"
        "for args in ([], ['init'], ['app'], ['customers'], ['customers', 'export'],\n"
        "             ['customers', 'import'], ['backup']):\n"
        "    try:\n"
        "        main([*args, '--help'])\n"
        "    except SystemExit as e:\n"
        "        assert e.code == 0, (args, e.code)\n"
        "    else:\n"
        "        raise AssertionError(args)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("usage: bnaura") == 7


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["customers"],
        ["init", "--demo", "--clinic", "X"],
        ["init", "--seed", "1"],
        ["init", "--customers", "5"],
        ["init", "--customers", "-3"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # In-process: argparse's own behaviour needs no fresh interpreter.
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith("usage: bnaura")


def test_default_database_location() -> None:
    env = {"XDG_DATA_HOME": "/data", "HOME": "/home/nok"}
    assert default_db_path(env) == Path("/data/bnaura-desk/terminal.sqlite")
    assert default_db_path({"HOME": "/home/nok", "XDG_DATA_HOME": "relative"}) == Path(
        "/home/nok/.local/share/bnaura-desk/terminal.sqlite"
    )
    assert default_db_path({**env, "BNAURA_DB": "/x/pos.sqlite"}) == Path("/x/pos.sqlite")


# ---------------------------------------------------------------- init


def test_init_creates_the_database_at_the_xdg_default_with_its_owner(tmp_path: Path) -> None:
    result = bnaura("init", "--clinic", "คลินิกสวย", *OWNER, env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    db = tmp_path / "bnaura-desk" / "terminal.sqlite"
    assert f"created {db}" in result.stdout
    with Terminal.open(db, read_only=True) as t:
        assert t.branch().name_th == "คลินิกสวย"
        (owner,) = t.read(list_staff)
        assert (owner.display_name, owner.role) == ("คุณเจ้าของ", Role.OWNER)

    again = bnaura("init", "--db", db)
    assert again.returncode == 0, again.stderr
    assert "already up to date" in again.stdout
    assert not (db.parent / "backups").exists()


def test_init_of_a_new_database_without_an_owner_creates_nothing(
    tmp_path: Path, in_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = tmp_path / "new.sqlite"
    assert_user_error(bnaura("init", "--db", db, "--clinic", "X"), "--owner-name")
    assert_user_error(
        in_process("init", "--db", db, "--clinic", "X", "--owner-name", "A", "--owner-pin", "1111"),
        "too easy",
    )
    assert not db.exists()


def test_init_backs_up_an_older_database_before_upgrading_it(tmp_path: Path) -> None:
    db = tmp_path / "terminal.sqlite"
    opened = open_engine(db)
    try:
        upgrade(opened.engine, opened.path, to="0002")
    finally:
        opened.close()
    stamp = "2026-01-02T03:04:05.000000Z"
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO clinics VALUES ('c1', 'คลินิกเก่า', '', '', '00000', '', '', ?, ?, 'h', '{}', NULL)",
            (stamp, stamp),
        )
        conn.execute(
            "INSERT INTO device_state VALUES ('d1', 'c1', 'POS-1', '', 0, '', 'ABCD', 0, ?)",
            (stamp,),
        )
        conn.execute(
            "INSERT INTO customers (id, clinic_id, name_th, name_en, nickname, phone, email, line_id, "
            "gender, skin_notes, channels, opted_out, referral_code, created_at, updated_at, hlc, field_clocks) "
            "VALUES ('u1', 'c1', 'สมหญิง', '', '', '+66812345678', '', '', 'female', '', '[]', 0, "
            "'ABCDEFGHJK', ?, ?, 'h', '{}')",
            (stamp, stamp),
        )
    conn.close()

    result = bnaura("init", "--db", db, *OWNER)
    assert result.returncode == 0, result.stderr
    assert f"upgraded {db} from schema 0002 to {head_revision()}" in result.stdout
    (backup,) = (tmp_path / "backups").iterdir()
    assert f"backup of the previous database: {backup}" in result.stdout
    for path, revision in ((backup, "0002"), (db, head_revision())):
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
            assert conn.execute("SELECT name_th FROM customers").fetchall() == [("สมหญิง",)]
        conn.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(
    tmp_path: Path, in_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = tmp_path / "notes.sqlite"
    db.write_text("these are my notes, not a database\n")
    before = digest(db)
    needle = "is not a BN-Aura database (not an SQLite file)"
    assert_user_error(bnaura("init", *OWNER, "--clinic", "X", "--db", db), needle)
    assert_user_error(bnaura("customers", "export", "--db", db), needle)
    assert_user_error(in_process("backup", "--db", db), needle)
    assert digest(db) == before
    assert not (tmp_path / "backups").exists()


def test_a_database_from_a_newer_app_is_refused_and_left_alone(tmp_path: Path) -> None:
    made = make_db(tmp_path / "made.sqlite")
    db = tmp_path / "newer.sqlite"
    shutil.copy(made, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.close()
    before = digest(db)
    assert_user_error(
        bnaura("init", "--db", db), "written by a newer version of BN-Aura Desk (schema zzzz)"
    )
    assert_user_error(bnaura("customers", "export", "--db", db), "zzzz")
    assert digest(db) == before
    assert not (tmp_path / "backups").exists()


def test_a_database_open_in_another_program_is_refused_but_can_be_read(
    tmp_path: Path, in_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = make_db(tmp_path / "terminal.sqlite", CustomerForm(name_th="สมหญิง", phone="0812345678"))
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("name_en,phone\nAnn,0899999999\n", encoding="utf-8")
    with Terminal.open(db):  # the app holds the writer lock
        assert_user_error(bnaura("init", "--db", db), "is open in another BN-Aura program")
        # flock locks belong to the open file, so a second open in this
        # process is refused just like another process.
        assert_user_error(
            in_process("customers", "import", csv_file, "--db", db),
            "is open in another BN-Aura program",
        )
        exported = bnaura("customers", "export", "--db", db)
        assert exported.returncode == 0, exported.stderr
        assert "สมหญิง" in exported.stdout
        backup = in_process("backup", "--db", db)
        assert backup.returncode == 0, backup.stderr
    assert [c.form.name_th for c in customers_of(db)] == ["สมหญิง"]  # the import did not happen
    copy = Path(backup.stdout.strip())
    assert copy.parent == tmp_path / "backups" and copy.name.startswith("terminal-")
    assert names_in(copy) == ["สมหญิง"]


# ---------------------------------------------------------------- customers


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    source = make_db(tmp_path / "a.sqlite")
    with Terminal.open(source) as t:
        first = t.run(
            customer_service.register_customer,
            CustomerForm(
                name_th="สมหญิง ใจดี", name_en="Somying", nickname="หญิง", phone="081-234-5678"
            ),
            {ConsentPurpose.TREATMENT_RECORDS: True, ConsentPurpose.MARKETING: False},
            actor=SYSTEM,
        ).result
        t.run(
            customer_service.register_customer,
            CustomerForm(name_th="มานี มีนา", phone="0898765432"),
            actor=SYSTEM,
        )
        assert first
    out = tmp_path / "customers.csv"
    exported = bnaura("customers", "export", out, "--db", source)
    assert exported.returncode == 0, exported.stderr
    assert f"exported 2 customers to {out}" in exported.stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbfreferral_code,")

    target = make_db(tmp_path / "b.sqlite")
    imported = bnaura("customers", "import", out, "--db", target)
    assert imported.returncode == 0, imported.stderr
    assert "imported 2 customers" in imported.stdout

    def essentials(path: Path) -> list[tuple[object, ...]]:
        return [
            (
                c.form.name_th,
                c.form.name_en,
                c.form.nickname,
                c.form.phone,
                {p: s.granted for p, s in c.consents.items()},
            )
            for c in customers_of(path)
        ]

    assert essentials(target) == essentials(source)
    assert essentials(target)[0][4] == {
        ConsentPurpose.TREATMENT_RECORDS: True,
        ConsentPurpose.MARKETING: False,
    }


def test_export_to_stdout(tmp_path: Path) -> None:
    db = make_db(tmp_path / "t.sqlite", CustomerForm(name_th="สมหญิง", phone="0812345678"))
    result = bnaura("customers", "export", "-", env={"BNAURA_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeffreferral_code,")
    assert "081-234-5678" in result.stdout
    assert "exported 1 customers" in result.stderr


BAD_FILE = (
    "name_th,phone,birthday\n"  # line 1
    "สมหญิง,0812345678,1990-01-01\n"  # 2
    "มานี,12345,\n"  # 3: not a mobile number
    "ชูใจ,0812345679,\n"  # 4
    ",0812345670,\n"  # 5: no name
)


def test_import_with_bad_rows_reports_every_line_and_imports_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "t.sqlite")
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text(BAD_FILE, encoding="utf-8-sig")
    result = bnaura("customers", "import", csv_file, "--db", db)
    assert_user_error(result, "2 bad rows; nothing was imported")
    assert "line 3: 12345 is not a Thai mobile number" in result.stderr
    assert "line 5: Enter the customer's name in Thai or in English" in result.stderr
    assert customers_of(db) == []

    skipped = bnaura("customers", "import", csv_file, "--db", db, "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    assert "imported 2 customers" in skipped.stdout
    assert "skipped 2 bad rows (lines 3, 5)" in skipped.stdout
    assert "line 3:" in skipped.stderr and "line 5:" in skipped.stderr
    assert [c.form.name_th for c in customers_of(db)] == ["สมหญิง", "ชูใจ"]

    # The same file again: every good row's phone is now taken.
    again = bnaura("customers", "import", csv_file, "--db", db)
    assert_user_error(again, "4 bad rows")
    assert "line 2: 081-234-5678 already belongs to สมหญิง" in again.stderr


def test_duplicate_phone_in_the_file_is_reported_on_both_lines(tmp_path: Path) -> None:
    db = make_db(tmp_path / "t.sqlite")
    csv_file = tmp_path / "dup.csv"
    csv_file.write_text(
        "name_en,phone\nAnn,0812345678\nBen,0898765432\nCat,+66 81 234 5678\n", encoding="utf-8"
    )
    result = bnaura("customers", "import", csv_file, "--db", db)
    assert_user_error(result, "2 bad rows")
    assert "line 2: 081-234-5678 is also on line 4" in result.stderr
    assert "line 4: 081-234-5678 is also on line 2" in result.stderr
    assert customers_of(db) == []


def test_a_thai_windows_874_file_is_refused_with_the_encoding_advice(tmp_path: Path) -> None:
    db = make_db(tmp_path / "t.sqlite")
    csv_file = tmp_path / "thai.csv"
    csv_file.write_bytes("name_th,phone\r\nสมหญิง ใจดี,0812345678\r\n".encode("cp874"))
    result = bnaura("customers", "import", csv_file, "--db", db)
    assert_user_error(result, f"{csv_file} is not UTF-8 (it looks like Thai Windows-874/TIS-620)")
    assert "Save As → CSV UTF-8" in result.stderr
    assert customers_of(db) == []


def test_import_of_a_missing_file_or_into_a_missing_database(
    tmp_path: Path, in_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = make_db(tmp_path / "t.sqlite")
    assert_user_error(
        bnaura("customers", "import", tmp_path / "nope.csv", "--db", db), "No such file"
    )
    csv_file = tmp_path / "ok.csv"
    csv_file.write_text("name_en,phone\nAnn,0812345678\n", encoding="utf-8")
    missing = tmp_path / "typo.sqlite"
    assert_user_error(
        in_process("customers", "import", csv_file, "--db", missing), "There is no database at"
    )
    assert not missing.exists()


def test_backup_to_a_chosen_path_refuses_to_overwrite(
    tmp_path: Path, in_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = make_db(tmp_path / "t.sqlite", CustomerForm(name_th="สมหญิง", phone="0812345678"))
    target = tmp_path / "copy.sqlite"
    result = bnaura("backup", "--db", db, "--to", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    assert names_in(target) == ["สมหญิง"]
    assert_user_error(in_process("backup", "--db", db, "--to", target), "already exists")


def test_app_without_a_database_says_how_to_make_one(
    tmp_path: Path, in_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = tmp_path / "none.sqlite"
    assert_user_error(in_process("app", "--db", db), "bnaura init")
    assert not db.exists()


def test_init_asks_for_clinic_and_owner_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process with the prompts answered: a subprocess has no TTY to ask on.
    answers = iter(["คลินิกถามตอบ", "คุณแม่บ้าน"])
    pins = iter(["1234", "2468", "2469", "2468", "2468"])  # too easy; mistyped repeat; good
    monkeypatch.setattr(prompts, "interactive", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    monkeypatch.setattr(prompts.getpass, "getpass", lambda prompt="": next(pins))
    db = tmp_path / "asked.sqlite"
    assert cli.main(["init", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "too easy" in err and "differ" in err
    with Terminal.open(db, read_only=True) as t:
        assert t.branch().name_th == "คลินิกถามตอบ"
        assert [s.display_name for s in t.read(list_staff)] == ["คุณแม่บ้าน"]


def test_app_demo_sets_up_the_demo_then_starts_the_ui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if importlib.util.find_spec("bnaura_desk.demo") is None:
        pytest.skip("bnaura_desk.demo is not written yet")
    import ui

    started: list[Path] = []
    fake = types.ModuleType("ui.app")
    fake.main = lambda db_path, argv=None: started.append(db_path) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    monkeypatch.setattr(ui, "app", fake, raising=False)
    from bnaura_desk.services.sync_state import sync_state
    from tests.sync.conftest import free_port

    port = free_port()
    monkeypatch.setenv("BNAURA_DEMO_PORT", str(port))
    db = tmp_path / "demo.sqlite"
    assert cli.main(["app", "--demo", "--customers", "5", "--db", str(db)]) == 7
    out = capsys.readouterr().out
    assert "not shown again" in out
    # The demo's own clinic server ran beside the app, and the terminal is enrolled with it.
    assert f"demo clinic server: http://127.0.0.1:{port}" in out
    with Terminal.open(db) as terminal:
        assert terminal.read(sync_state).server_url == f"http://127.0.0.1:{port}"
    assert cli.main(["app", "--demo", "--db", str(db)]) == 7  # set up already: straight to the UI
    assert "not shown again" not in capsys.readouterr().out
    assert started == [db.resolve(), db.resolve()]
    with pytest.raises(httpx.ConnectError):  # the server stopped with the app
        httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)


# ---------------------------------------------------------------- demo


@pytest.mark.skipif(
    importlib.util.find_spec("bnaura_desk.demo") is None,
    reason="bnaura_desk.demo is not written yet",
)
def test_init_demo_prints_the_pins_once(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    first = bnaura("init", "--demo", "--customers", "20", "--seed", "7", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "not shown again" in first.stdout
    assert "PIN" in first.stdout
    with Terminal.open(db, read_only=True) as t:
        assert t.read(customer_service.count_customers) == 20
        staff = t.read(list_staff)
    assert staff
    second = bnaura("init", "--demo", "--customers", "20", "--db", db)
    assert second.returncode == 0, second.stderr
    assert "not shown again" not in second.stdout
    assert "already has staff" in second.stdout


def test_display_width_counts_what_a_terminal_shows() -> None:
    assert display_width("น้ำผึ้ง") == 4  # two tone marks and a vowel above take no column
    assert display_width("น้องมิ้นท์") == 6
    assert display_width("e\u0301") == 1  # é as e + combining acute
    assert display_width("王小明") == 6  # East Asian wide: two columns each
    assert display_width("คุณ\u200bนก") == 4  # zero-width space between Thai words
    assert display_width("") == 0


def test_table_pads_by_display_width_not_code_points() -> None:
    lines = table(
        [["Name", "Role", "PIN"], ["น้องมิ้นท์", "front desk", "123456"], ["王小明", "owner", "654321"]]
    )
    assert lines == [
        "  Name    Role        PIN",
        "  น้องมิ้นท์  front desk  123456",
        "  王小明  owner       654321",
    ]


def column_starts(line: str) -> list[int]:
    """Where each cell of a printed table row starts, counted without Thai marks.

    Independent of ``display_width``: with only Thai and ASCII on the line,
    dropping the non-spacing marks leaves one code point per column.
    """
    shown = "".join(ch for ch in line if unicodedata.category(ch) != "Mn")
    return [m.start() for m in re.finditer(r"\S+", shown)]


@pytest.mark.skipif(
    importlib.util.find_spec("bnaura_desk.demo") is None,
    reason="bnaura_desk.demo is not written yet",
)
def test_init_demo_staff_table_lines_up_in_thai(tmp_path: Path) -> None:
    result = bnaura(
        "init", "--demo", "--customers", "0", "--db", tmp_path / "demo.sqlite",
        env={"BNAURA_LANG": "th"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = lines[lines.index("Demo staff. Write these PINs down; they are not shown again:") + 1 :]
    assert len(rows) >= 4
    # Names and role labels with tone marks (U+0E48..U+0E4B), so len() would misalign them.
    assert any(any("\u0e48" <= ch <= "\u0e4b" for ch in row.split()[0]) for row in rows[1:])
    assert any(len(row) != len(rows[1]) for row in rows[1:])
    starts = {tuple(column_starts(row)) for row in rows}
    assert len(starts) == 1, rows
    assert len(starts.pop()) == 3


# ---------------------------------------------------------------- i18n


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>errors</name>
    <message>
        <source>There is no database at {path}</source>
        <translation>ไม่มีฐานข้อมูลที่ {path}</translation>
    </message>
    <message>
        <source>Phone number is required</source>
        <translation type="unfinished">ยังไม่เสร็จ</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>ไฟล์ {name} ว่าง</translation>
    </message>
</context>
</TS>
"""


def test_cli_translator_reads_finished_thai_translations(tmp_path: Path) -> None:
    ts = tmp_path / "bnaura_th.ts"
    ts.write_text(TS, encoding="utf-8")
    load_ts.cache_clear()
    tr = cli_translator("th", path=ts)
    assert tr("errors", "There is no database at {path}") == "ไม่มีฐานข้อมูลที่ {path}"
    assert tr("errors", "Phone number is required") == "Phone number is required"  # unfinished
    assert tr("errors", "{file} is empty") == "{file} is empty"  # placeholders differ: unsafe
    assert tr("other", "There is no database at {path}") == "There is no database at {path}"
    assert (
        cli_translator("en", path=ts)("errors", "There is no database at {path}")
        == "There is no database at {path}"
    )
    missing = cli_translator("th", path=tmp_path / "missing.ts")
    assert missing("errors", "There is no database at {path}") == "There is no database at {path}"


def test_cli_language_from_the_environment() -> None:
    assert cli_language({"BNAURA_LANG": "th", "LANG": "en_US.UTF-8"}) == "th"
    assert cli_language({"LANG": "th_TH.UTF-8"}) == "th"
    assert cli_language({"LC_ALL": "C", "LANG": "th_TH.UTF-8"}) == "en"
    assert cli_language({}) == "en"
