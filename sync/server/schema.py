"""Create or upgrade the server database with its own Alembic migrations.

The server's script directory is ``sync/server/migrations`` (the terminal's
is ``bnaura_desk/store/migrations``; the two databases never share one).

Who migrates: on SQLite (one clinic, one process) ``bnaura server`` and its
admin commands upgrade the file themselves. On PostgreSQL only ``bnaura
server migrate --db OWNER_URL`` does, as the role that owns the tables;
the serving processes run as another role that may not change the schema,
and refuse to start on a schema that is not at ``head_revision``
(``check_at_head``). An advisory lock lets several migrations start at once
(see ``migrations/env.py``). Row-level security and the two roles:
``sync.server.scope`` and ``sync.server.roles``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATE = "bnaura server migrate --db OWNER_URL"


class SchemaTooNew(Exception):
    """The database was written by a newer server."""


class SchemaNotAtHead(Exception):
    """The database's schema is older than this server's (or absent); the message says what to run."""


def alembic_config() -> Config:
    """Return the Alembic configuration of the server's migrations (the caller hands over a connection)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """Return the newest schema revision this server knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision of the server database (None when empty)."""
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
        return rev


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the server database to the newest schema; return (before, after).

    Raises:
        SchemaTooNew: the database's revision is unknown to this server.
    """
    before = current_revision(engine)
    _refuse_unknown(before)
    head = head_revision()
    if before != head:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return before, head


def _refuse_unknown(revision: str | None) -> None:
    """Raise SchemaTooNew when ``revision`` is not one of this server's migrations."""
    if revision is None:
        return
    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises ResolutionError (and others) for unknown ids
        known = False
    if not known:
        raise SchemaTooNew(
            f"the server database has schema {revision}, written by a newer BN-Aura server; update this server"
        )


def check_at_head(engine: Engine) -> str:
    """Return the head revision when the database is at it; nothing is changed.

    Raises:
        SchemaTooNew: a newer server wrote the database.
        SchemaNotAtHead: the database has no server schema yet, or an older one.
    """
    revision = current_revision(engine)
    _refuse_unknown(revision)
    head = head_revision()
    if revision is None:
        raise SchemaNotAtHead(f"the database has no server schema yet: run {MIGRATE} first")
    if revision != head:
        raise SchemaNotAtHead(
            f"the server database has schema {revision} and this server needs {head}: run {MIGRATE} first"
        )
    return head
