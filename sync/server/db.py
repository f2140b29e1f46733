"""The server's database: SQLite (one clinic, one process) or PostgreSQL (a chain)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def is_sqlite(url: str) -> bool:
    """Return whether ``url`` is a SQLite database URL."""
    return url.startswith("sqlite")


def server_engine(url: str, **kw: Any) -> Engine:
    """Return an engine for the server database at ``url``.

    SQLite gets the terminal's durability settings (WAL, synchronous=FULL:
    an acknowledged operation survives a power cut) and BEGIN IMMEDIATE, so
    concurrent requests queue for the write lock instead of failing to
    upgrade a read transaction. PostgreSQL runs at READ COMMITTED with row
    locks taken by the apply step.
    """
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, **kw)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kw)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return the sessions the server uses (objects stay readable after commit)."""
    return sessionmaker(engine, expire_on_commit=False)
