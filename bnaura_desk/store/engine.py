"""Opening a terminal database: pragmas on every connection, one writer.

SQLite before 3.51.3 can corrupt a WAL database when two connections write
or checkpoint at the same moment (the WAL-reset bug), so a process holds
exactly one connection (``pool_size=1``) and an exclusive advisory lock on
``<db>.lock``: a second process that would write gets a clear refusal
instead of a second writer. Read-only tools (export, backup) open with
``read_only=True``, which takes no lock and cannot write.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from ..domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem

F = TypeVar("F", bound=Callable[..., Any])

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # a sale with a printed receipt survives a power cut
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)

# The key of ``Session.info`` that marks a read-only session (``Terminal.read``):
# what it sees is committed, so what is derived from it may be kept.
READ_ONLY_SESSION = "bnaura.read_only"


def check_is_sqlite(path: Path) -> None:
    """Raise ``DatabaseProblem`` if ``path`` exists and is not a BN-Aura SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is not a BN-Aura database (not an SQLite file)"),
            path=str(path),
        )
    # Another program's SQLite file: refuse before our pragmas touch it
    # (switching to WAL rewrites its header), with a plain read-only look.
    probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        probe.close()
    if tables and "alembic_version" not in tables:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is an SQLite database of another program, not a BN-Aura database"),
            path=str(path),
        )


class WriterLock:
    """An exclusive ``flock`` on ``<db>.lock``, held while a process may write."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ``DatabaseProblem`` naming the holder's pid."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {path} is open in another BN-Aura program (process {pid}); "
                    "close it first",
                ),
                path=str(self.path.with_suffix("")),
                pid=holder,
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Drop the lock (the OS also drops it when the process dies)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit
    # transactions would defer the write lock to the first INSERT).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Switching to WAL is a write: a read-only connection on a file that is
    # not in WAL yet (a fresh VACUUM INTO backup) must not try it.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        if "journal_mode" not in pragma:
            cursor.execute(pragma)
    cursor.close()


def _on_begin(conn: Any) -> None:
    # Check-then-write use cases must hold the write lock from their first
    # read: BEGIN IMMEDIATE for every transaction on the writer connection.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _on_begin_read(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


@dataclass
class OpenDatabase:
    """An engine on a terminal database, with the lock that makes it the writer."""

    path: Path
    engine: Engine
    lock: WriterLock | None

    def close(self) -> None:
        """Dispose of the connection and release the writer lock."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def open_engine(path: Path, *, read_only: bool = False) -> OpenDatabase:
    """Open ``path`` with the terminal's pragmas.

    Args:
        path: the SQLite file (created when missing, unless ``read_only``).
        read_only: open without the writer lock, refusing writes at the
            SQLite level; for export and backup beside a running app.

    Raises:
        DatabaseProblem: not an SQLite file, missing (read-only), or another
            process holds the writer lock.
    """
    path = Path(path).resolve()
    check_is_sqlite(path)
    lock: WriterLock | None = None
    if read_only:
        if not path.exists():
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("errors", "There is no database at {path}"), path=str(path)
            )
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock(path)
        lock.acquire()
        url = f"sqlite:///{path}"
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin_read if read_only else _on_begin)
    return OpenDatabase(path, engine, lock)


def read_pragmas(engine: Engine) -> dict[str, Any]:
    """Return the pragmas a connection of ``engine`` actually runs with."""
    with engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }


# Use cases marked with ``checks_own_references``.
_OWN_REFERENCES: set[Callable[..., Any]] = set()


def checks_own_references(use_case: F) -> F:
    """Mark a use case to run with SQLite's foreign-key checks off (``Terminal.run`` sees to it).

    Only for a bulk step that writes millions of rows whose references it
    has just read in the same transaction (the search terms of a
    bootstrap's customers): checking them again is one lookup a row, about
    a fifth of that step (bench/RESULTS.md). Returns ``use_case`` itself.
    """
    _OWN_REFERENCES.add(use_case)
    return use_case


@contextlib.contextmanager
def references_for(engine: Engine, use_case: Callable[..., Any]) -> Iterator[None]:
    """Around one transaction of ``use_case``: foreign keys off if it checks its own, on again afterwards.

    SQLite ignores ``PRAGMA foreign_keys`` inside a transaction, so it is
    set on the one connection (``pool_size=1``) before the transaction
    begins and after it ended, whether it committed or not.
    """
    if use_case not in _OWN_REFERENCES:
        yield
        return
    _set_foreign_keys(engine, on=False)
    try:
        yield
    finally:
        _set_foreign_keys(engine, on=True)


def _set_foreign_keys(engine: Engine, *, on: bool) -> None:
    raw = engine.raw_connection()  # the pool's one connection, between transactions
    try:
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    finally:
        raw.close()
