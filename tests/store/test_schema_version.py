"""The start-up revision check agrees with the migration scripts."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory

from bnaura_desk.store.engine import open_engine
from bnaura_desk.store.migrate import alembic_config, current_revision, upgrade
from bnaura_desk.store.schema_version import HEAD, REVISIONS, read_revision


def test_known_revisions_are_the_migration_scripts_in_order() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == REVISIONS
    assert script.get_current_head() == HEAD


def test_revision_read_without_alembic_matches_alembic(tmp_path: Path) -> None:
    db = open_engine(tmp_path / "t.sqlite")
    try:
        assert read_revision(db.engine) is None
        upgrade(db.engine, db.path, to="0002")
        assert read_revision(db.engine) == current_revision(db.engine) == "0002"
        upgrade(db.engine, db.path)
        assert read_revision(db.engine) == HEAD
    finally:
        db.close()


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    import hashlib
    import sqlite3

    import pytest

    from bnaura_desk.domain.errors import DatabaseProblem
    from bnaura_desk.services.setup import init_database
    from bnaura_desk.terminal import Terminal

    path = tmp_path / "photos.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO albums (name) VALUES ('holiday')")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseProblem, match="another program"):
        init_database(path)
    with pytest.raises(DatabaseProblem, match="another program"):
        Terminal.open(path)
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"albums"}
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
