"""Create or upgrade a terminal database, backing it up before any migration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from ..domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem
from .backup import backup_to

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """Return the Alembic configuration of the terminal database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """Return the newest schema revision this app knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision of the database (``None`` when empty)."""
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
        return rev


@dataclass(frozen=True)
class UpgradeReport:
    """What ``upgrade`` did."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def upgrade(engine: Engine, db_path: Path, *, backup_dir: Path | None = None, to: str = "head") -> UpgradeReport:
    """Bring the database at ``db_path`` (open on ``engine``) to revision ``to``.

    An existing database is first copied to a timestamped backup with
    ``VACUUM INTO`` (never a file copy of a live WAL database).

    Raises:
        DatabaseProblem: the database was written by a newer app (its
            revision is unknown here); nothing is changed.
    """
    script = ScriptDirectory.from_config(alembic_config())
    before = current_revision(engine)
    if before is not None:
        try:
            script.get_revision(before)
        except CommandError:  # alembic's "Can't locate revision identified by ..."
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This database was written by a newer version of BN-Aura Desk "
                    "(schema {revision}); please update this terminal",
                ),
                revision=before,
            ) from None
    target = script.get_current_head() if to == "head" else to
    backup = None
    if before is not None and before != target:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        folder = backup_dir or db_path.parent / "backups"
        backup = backup_to(engine, folder / f"{db_path.stem}-{stamp}-{before}.sqlite")
    if before != target:
        cfg = alembic_config()
        with engine.connect() as conn:
            # Batch migrations copy tables; foreign keys are checked once at
            # the end. The pragma is a no-op inside a transaction, so it goes
            # to the driver connection before Alembic begins one.
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, to)
                problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
            if problems:
                raise RuntimeError(f"migration broke foreign keys: {problems[:5]}")
    return UpgradeReport(before, target or "", backup)
