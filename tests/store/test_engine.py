"""The engine: pragmas on every connection, one writer per database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bnaura_desk.domain.errors import DatabaseProblem
from bnaura_desk.store.engine import open_engine, read_pragmas
from bnaura_desk.terminal import Terminal

REPO = Path(__file__).resolve().parents[2]


def _assert_pragmas(p: dict[str, object]) -> None:
    assert p["journal_mode"] == "wal"
    assert p["synchronous"] == 2  # FULL
    assert p["foreign_keys"] == 1
    assert isinstance(p["busy_timeout"], int) and p["busy_timeout"] > 0


def _session_pragmas(t: Terminal) -> dict[str, object]:
    names = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    return t.read(lambda s: {n: s.execute(text(f"PRAGMA {n}")).scalar() for n in names})


def test_writer_connection_pragmas(terminal: Terminal) -> None:
    _assert_pragmas(read_pragmas(terminal.db.engine))
    _assert_pragmas(_session_pragmas(terminal))  # the connection use cases run on


def test_pragmas_hold_on_every_new_connection(terminal: Terminal) -> None:
    for _ in range(3):
        terminal.db.engine.dispose()  # the next use opens a fresh DBAPI connection
        _assert_pragmas(_session_pragmas(terminal))


def test_read_only_connection_pragmas(terminal: Terminal) -> None:
    reader = open_engine(terminal.path, read_only=True)
    try:
        _assert_pragmas(read_pragmas(reader.engine))
        reader.engine.dispose()
        _assert_pragmas(read_pragmas(reader.engine))
    finally:
        reader.close()


def test_one_connection_per_engine(terminal: Terminal) -> None:
    pool = terminal.db.engine.pool
    assert pool.size() == 1
    assert pool._max_overflow == 0  # type: ignore[attr-defined]


def test_second_writer_in_the_same_process_is_refused(terminal: Terminal) -> None:
    with pytest.raises(DatabaseProblem) as err:
        Terminal.open(terminal.path)
    assert str(os.getpid()) in str(err.value)
    assert "another BN-Aura program" in str(err.value)
    # The first writer is unharmed.
    assert terminal.device().last_seq >= 1


def test_writer_lock_is_released_on_close(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    Terminal.create(path, clinic_name="A", device_name="POS").close()
    Terminal.open(path).close()
    with Terminal.open(path):
        pass


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from bnaura_desk.terminal import Terminal
    t = Terminal.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    t.close()
    """
)

_OPENER = textwrap.dedent(
    """
    import sys
    from bnaura_desk.domain.errors import DatabaseProblem
    from bnaura_desk.terminal import Terminal
    try:
        Terminal.open(sys.argv[1])
    except DatabaseProblem as e:
        print("refused:", e)
    else:
        print("opened")
    """
)


def test_a_second_process_is_refused_naming_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    Terminal.create(path, clinic_name="A", device_name="POS").close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseProblem) as err:
            Terminal.open(path)
        assert f"process {holder.pid}" in str(err.value)
        # A read-only opener is fine beside it.
        with Terminal.open(path, read_only=True) as reader:
            assert reader.device().last_seq >= 1
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    with Terminal.open(path):
        pass


def test_this_process_holding_refuses_another(terminal: Terminal) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _OPENER, str(terminal.path)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    assert out.stdout.startswith("refused:"), out.stdout + out.stderr
    assert f"process {os.getpid()}" in out.stdout


def test_read_only_beside_a_writer_sees_commits_and_cannot_write(terminal: Terminal) -> None:
    reader = Terminal.open(terminal.path, read_only=True)
    try:
        assert reader.device().device_id == terminal.device().device_id
        with pytest.raises(Exception) as err:
            reader.read(lambda s: s.execute(text("UPDATE device_state SET device_name = 'x'")))
        assert "readonly" in str(err.value).replace("-", "").replace(" ", "").lower()
        with reader.db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                raw.execute("INSERT INTO settings VALUES ('x', 'y', '1', 'now', 'h')")
    finally:
        reader.close()
    assert terminal.device().device_name == "POS-1"


def test_read_only_open_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem, match="no database"):
        Terminal.open(tmp_path / "missing.sqlite", read_only=True)
    assert not (tmp_path / "missing.sqlite").exists()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    content = b"Dear diary, today I opened the wrong file.\n" * 100
    path.write_bytes(content)
    for opener in (lambda: Terminal.open(path), lambda: Terminal.open(path, read_only=True)):
        with pytest.raises(DatabaseProblem, match="not an SQLite file"):
            opener()
    from bnaura_desk.services.setup import init_database

    with pytest.raises(DatabaseProblem, match="not an SQLite file"):
        init_database(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_open_of_an_uninitialised_database_says_how_to_set_it_up(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    with pytest.raises(DatabaseProblem, match="bnaura init"):
        Terminal.open(path)
    # The refusal released the writer lock.
    Terminal.create(path, clinic_name="A", device_name="POS").close()


def test_a_use_case_that_checks_its_own_references_runs_without_foreign_keys_and_only_it(terminal: Terminal) -> None:
    from bnaura_desk.domain.changes import ChangeSet
    from bnaura_desk.store.engine import checks_own_references

    def foreign_keys(ctx: Any) -> ChangeSet:
        return ChangeSet(result=ctx.session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar_one())

    @checks_own_references
    def bulk(ctx: Any) -> ChangeSet:
        return foreign_keys(ctx)

    @checks_own_references
    def failing(ctx: Any) -> ChangeSet:
        raise RuntimeError("the step failed")

    assert terminal.run(bulk, actor=None).result == 0
    assert terminal.run(foreign_keys, actor=None).result == 1
    with pytest.raises(RuntimeError):
        terminal.run(failing, actor=None)
    assert terminal.run(foreign_keys, actor=None).result == 1
    assert read_pragmas(terminal.db.engine)["foreign_keys"] == 1
