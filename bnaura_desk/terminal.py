"""A terminal database opened for use: runs use cases and reads.

Built once by the app, the CLI or a test and passed in (no global object).
All database work of a process goes through its one ``Terminal`` and so
through one SQLite connection (see ``store.engine``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from .domain.changes import ChangeSet
from .domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem
from .domain.synced import REGISTRY, Registry
from .services.context import Actor, CommitThenRaise, Override, ServiceContext, load_device
from .store.engine import READ_ONLY_SESSION, OpenDatabase, open_engine, references_for
from .store.models import Branch, Chain, DeviceState
from .store.schema_version import HEAD, REVISIONS, read_revision

P = ParamSpec("P")
T = TypeVar("T")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Return the current time, aware, in UTC."""
    return datetime.now(UTC)


class Terminal:
    """An open terminal database.

    Args:
        db: the open engine (writer unless opened read-only).
        clock: where "now" comes from (tests move it to expire locks).
    """

    def __init__(self, db: OpenDatabase, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self._sessions = sessionmaker(db.engine, expire_on_commit=False)
        # One connection, so one use case at a time; the lock makes a second
        # thread wait here rather than deep inside the pool.
        self._serial = threading.RLock()
        # The synced entities this terminal's use cases may journal (tests add their own).
        self.synced: Registry = REGISTRY

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, clock: Clock = utc_now) -> Terminal:
        """Open an initialised terminal database at ``path``.

        Raises:
            DatabaseProblem: not SQLite, in use by another program, never
                initialised, or of a schema newer than this app (or older,
                read-only). An older schema opened for writing is upgraded
                first, after a backup beside it (``backups/``).
        """
        db = open_engine(Path(path), read_only=read_only)
        try:
            revision = read_revision(db.engine)
            if revision is None:
                raise DatabaseProblem(
                    QT_TRANSLATE_NOOP("errors", "{path} is not set up yet; run: bnaura init --db {path}"),
                    path=str(path),
                )
            if revision not in REVISIONS:
                raise DatabaseProblem(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "This database was written by a newer version of BN-Aura Desk "
                        "(schema {revision}); please update this terminal",
                    ),
                    revision=revision,
                )
            if revision != HEAD:
                if read_only:
                    raise DatabaseProblem(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The database schema is {revision} but this app needs {head}; "
                            "run: bnaura init --db {path}",
                        ),
                        revision=revision,
                        head=HEAD,
                        path=str(path),
                    )
                # An updated app brings its terminal's database along on start,
                # after the same backup ``bnaura init`` makes (Alembic only now).
                from .store.migrate import upgrade

                upgrade(db.engine, db.path)
        except Exception:
            db.close()
            raise
        return cls(db, clock)

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        clinic_name: str,
        device_name: str,
        clinic_name_en: str = "",
        clock: Clock = utc_now,
    ) -> Terminal:
        """Create (or upgrade) the database at ``path`` and set up clinic and device.

        An already set-up database keeps its clinic and device; this then
        only opens it.
        """
        from .services.setup import create_clinic_and_device, init_database, is_set_up

        init_database(Path(path))
        terminal = cls.open(path, clock=clock)
        with terminal._serial, terminal._sessions() as session:
            if not is_set_up(session):
                create_clinic_and_device(
                    session,
                    clinic_name=clinic_name,
                    clinic_name_en=clinic_name_en,
                    device_name=device_name,
                    now=clock(),
                )
                session.commit()
        return terminal

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        """Release the connection and the writer lock."""
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(
        self,
        use_case: Callable[..., ChangeSet],
        /,
        *args: Any,
        actor: Actor | None,
        override: Override | None = None,
        **kwargs: Any,
    ) -> ChangeSet:
        """Run ``use_case`` in one ``BEGIN IMMEDIATE`` transaction and commit.

        Keyword arguments ``actor`` (required; ``None`` only for setup) and
        ``override`` are taken by the runner; the rest go to the use case.
        On any exception nothing is committed, except for
        ``CommitThenRaise``, whose bookkeeping is committed before its error
        is raised.
        """
        # An override spent by an earlier call stays spent even if this call fails.
        spent_before = override is not None and override.spent
        with self._serial, references_for(self.db.engine, use_case), self._sessions() as session:
            ctx = ServiceContext(
                session=session,
                device=load_device(session),
                actor=actor,
                now=self.clock(),
                override=override,
                registry=self.synced,
            )
            try:
                changes = use_case(ctx, *args, **kwargs)
                session.commit()
            except CommitThenRaise as deferred:
                session.commit()
                raise deferred.error from None
            except BaseException:
                session.rollback()
                if override is not None and not spent_before:
                    override.spent = False  # the action did not happen
                raise
            return changes

    def read(self, query: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a read-only ``query(session, ...)`` and return its result.

        Rows the query returns stay loaded (detached): closing the session
        ends the read transaction without ``rollback()``, which would expire
        them and make ``terminal.device().last_seq`` raise.
        """
        with self._serial, self._sessions() as session:
            # What a read-only session sees is committed: folds of it may be
            # kept for later looks (services.points_folds).
            session.info[READ_ONLY_SESSION] = True
            return query(session, *args, **kwargs)

    def device(self) -> DeviceState:
        """Return this terminal's device row (detached copy)."""
        return self.read(lambda s: s.execute(select(DeviceState)).scalar_one())

    def branch(self) -> Branch:
        """Return the branch this terminal belongs to (its names, branch number, address)."""
        return self.read(
            lambda s: s.execute(
                select(Branch).join(DeviceState, DeviceState.branch_id == Branch.id)
            ).scalar_one()
        )

    def chain(self) -> Chain:
        """Return the chain this terminal belongs to."""
        return self.read(
            lambda s: s.execute(select(Chain).join(DeviceState, DeviceState.chain_id == Chain.id)).scalar_one()
        )
