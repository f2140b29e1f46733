"""Which chain's (and branch's) rows a server transaction sees: its credential, never a name it chooses.

On PostgreSQL every tenant table forces row-level security (server
migrations 0004 and 0006). A transaction of the serving role sees the
rows of one chain only while it holds a credential of that chain, set as
a transaction-local setting:

- ``bnaura.device``: the SHA-256 of a device token. A live device's token
  shows its chain's rows, and of the branch-only rows (stock, later
  shifts and journeys) only its own branch's (the policies call
  ``bnaura_device_chain()`` and ``bnaura_device_branch()``, SECURITY
  DEFINER functions owned by the tables' owner); a revoked device's token
  shows only its own device row, so a refusal can say "revoked".
- ``bnaura.code``: the SHA-256 of a typed enrollment code. It shows that
  code's row and, while the code is usable, its chain's and branch's rows
  and the right to add a device to that branch
  (``bnaura_enrolling_chain()``, ``bnaura_enrolling_branch()``).

There is no setting that names a chain or a branch, and no wildcard: a
serving role that sets ``bnaura.clinic`` to ``*`` or to an id by hand
sees nothing, and a device id or a chain id in ``bnaura.device`` matches
no token. The tables' owner (migrations, the admin commands) sees every
row through its own policy. On SQLite (one clinic, one process) nothing
is set: the queries themselves keep to one chain and branch.

The one write the serving role needs across chains (a wrong secret
counted against the code its first group names, in a chain it cannot
see) goes through a narrow SECURITY DEFINER function: ``note_wrong_code``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, Engine, TextClause, event, text
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.store.types import UtcDateTime

from .models import EnrollmentCode

DEVICE = "bnaura.device"  # the SHA-256 of the device token the transaction acts for
CODE = "bnaura.code"  # the SHA-256 of the enrollment code being used
_SETTINGS = (DEVICE, CODE)


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _set_config(values: dict[str, str]) -> tuple[TextClause, dict[str, str]]:
    """Return the statement (and its parameters) that sets ``values`` for the current transaction only."""
    names = sorted(values)
    columns = ", ".join(f"set_config(:n{i}, :v{i}, true)" for i in range(len(names)))
    params = {f"n{i}": name for i, name in enumerate(names)} | {f"v{i}": values[name] for i, name in enumerate(names)}
    return text(f"SELECT {columns}"), params


def chain_sessions(engine: Engine) -> sessionmaker[Session]:
    """Return the server's sessions: on PostgreSQL each transaction sets the credential in ``info``.

    A session's ``info`` may hold ``DEVICE`` and ``CODE`` (see the module
    docstring); ``for_device`` makes sessions that hold a device's token
    hash. Without either, the serving role sees no tenant row and the
    owner sees every row. Objects stay readable after commit.
    """
    sessions = sessionmaker(engine, expire_on_commit=False)

    @event.listens_for(sessions, "after_begin")
    def _scope(session: Session, _transaction: Any, connection: Connection) -> None:
        if connection.dialect.name != "postgresql":
            return
        values = {name: str(session.info[name]) for name in _SETTINGS if session.info.get(name)}
        if values:
            connection.execute(*_set_config(values))

    return sessions


def for_device(sessions: sessionmaker[Session], token_sha256: str) -> Callable[[], Session]:
    """Return a session maker like ``sessions`` whose transactions act for the device with this token hash."""
    return partial(sessions, info={DEVICE: token_sha256})


def use_device(session: Session, token_sha256: str) -> None:
    """Make ``session`` act for the device with this token hash, from now on (this transaction included)."""
    _use(session, DEVICE, token_sha256)


def use_code(session: Session, code_sha256: str) -> None:
    """Make ``session`` hold the enrollment code with this hash, from now on (this transaction included)."""
    _use(session, CODE, code_sha256)


def _use(session: Session, name: str, value: str) -> None:
    session.info[name] = value
    if session.in_transaction():
        if _is_postgres(session):
            session.execute(*_set_config({name: value}))
    else:
        session.connection()  # begins: the after_begin listener sets it


def note_wrong_code(session: Session, code_id: str, now: datetime) -> None:
    """Count one wrong secret against the live code whose id is ``code_id`` (any chain's).

    The typed code's first group names the code's row; its secret did not
    match. On PostgreSQL the serving role cannot see that row (it holds no
    credential of its chain), so ``bnaura_note_wrong_code`` does the one
    update as the owner. The caller commits.
    """
    if _is_postgres(session):
        at = UtcDateTime().process_bind_param(now, session.get_bind().dialect)
        session.execute(text("SELECT bnaura_note_wrong_code(:id, :at)"), {"id": code_id, "at": at})
        return
    known = session.get(EnrollmentCode, code_id, with_for_update=True)
    if known is not None and known.used_at is None and known.expires_at > now:
        known.failed_attempts += 1
