"""Create or upgrade the server database with its own Alembic migrations.

The server's script directory is ``sync/server/migrations`` (the terminal's
is ``bnaura_desk/store/migrations``; the two databases never share one).
``bnaura server`` upgrades before it starts serving; on PostgreSQL an
advisory lock lets several processes start at once.

Row-level security (PostgreSQL): every tenant table has a policy that
shows and accepts only rows of the clinic named by the transaction's
``bnaura.clinic`` setting, or all rows when it is ``*``. The tables FORCE
it, so it binds their owner too; only a superuser bypasses it (run the
server as an ordinary role, e.g. the one that owns the schema). Sessions
from ``clinic_sessions`` set the scope at the start of each transaction:
``*`` for enrollment, authentication and the owner's commands, the
device's clinic for its pushes and pulls.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SCOPE = "bnaura.clinic"  # the PostgreSQL setting the row-level policies read
ALL_CLINICS = "*"


class SchemaTooNew(Exception):
    """The database was written by a newer server."""


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
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
    script = ScriptDirectory.from_config(alembic_config())
    before = current_revision(engine)
    if before is not None:
        try:
            known = script.get_revision(before) is not None
        except Exception:  # noqa: BLE001 - alembic raises ResolutionError (and others) for unknown ids
            known = False
        if not known:
            raise SchemaTooNew(
                f"the server database has schema {before}, written by a newer BN-Aura server; "
                "update this server"
            )
    head = head_revision()
    if before != head:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return before, head


def clinic_sessions(engine: Engine) -> sessionmaker[Session]:
    """Return sessions that set the row-level-security scope on PostgreSQL.

    A session's scope is its ``info["clinic"]`` (default ``*``, all
    clinics); ``for_clinic`` makes sessions scoped to one clinic.
    """
    sessions = sessionmaker(engine, expire_on_commit=False, info={"clinic": ALL_CLINICS})

    @event.listens_for(sessions, "after_begin")
    def _scope(session: Session, _transaction: Any, connection: Any) -> None:
        if connection.dialect.name == "postgresql":
            clinic = session.info.get("clinic", ALL_CLINICS)
            connection.execute(text("SELECT set_config(:name, :clinic, true)"), {"name": SCOPE, "clinic": clinic})

    return sessions


def for_clinic(sessions: sessionmaker[Session], clinic_id: str) -> Callable[[], Session]:
    """Return a session maker like ``sessions`` whose transactions see only ``clinic_id``'s rows."""
    return partial(sessions, info={"clinic": clinic_id})
