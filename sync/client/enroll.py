"""Enrolling a terminal with the clinic server (``bnaura enroll URL CODE``).

Two cases:

- ``enroll``: a terminal that is already set up (it made its clinic with
  ``bnaura init``) joins the server's clinic of the same id: the owner
  created it there with ``bnaura server clinics add NAME --id <clinic id>``.
  Its outbox, from the clinic's creation on, is then pushed as usual. The
  steps are written once (``enrollment``) and run blocking here, or awaited
  by the app's Connect dialog with its database worker and async client.
- ``join_clinic``: an empty database becomes one more terminal of a clinic
  the server already knows; nothing is journaled, and the clinic's
  profile, staff, catalog and customers arrive with the first pull.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.services.context import load_device
from bnaura_desk.services.setup import init_database, is_set_up
from bnaura_desk.services.sync_state import save_enrollment, set_up_enrolled_device, sync_state
from bnaura_desk.store.engine import open_engine
from bnaura_desk.terminal import Clock, Terminal, utc_now

from ..protocol import EnrollResponse
from . import calls
from .calls import Call
from .engine import Database, TerminalDatabase, run_to_end
from .http import SyncClient, not_enrolled

T = TypeVar("T")

# (server URL, TLS verification: True or a CA file path) -> client
ClientFactory = Callable[[str, bool | str], SyncClient]


def _client(url: str, verify: bool | str) -> SyncClient:
    return SyncClient(url, verify=verify)


def ca_path(ca_file: str | Path | None) -> str:
    """Return ``ca_file`` as the absolute path kept in the sync state ("" for none).

    Absolute, so ``bnaura sync`` started from another folder (or the app)
    still finds it.
    """
    return str(Path(ca_file).expanduser().resolve()) if ca_file else ""


def client_for(terminal: Terminal, *, verify: bool | str | None = None) -> SyncClient:
    """Return a client for the server this terminal is enrolled with, carrying its token.

    TLS is verified against the CA file kept at enrollment (``--ca-file``),
    else the system's trust store; ``verify`` overrides both.

    Raises:
        NotEnrolled: the terminal has no server yet.
        CaFileProblem: the kept CA file can no longer be read.
    """
    state = terminal.read(sync_state)
    if state is None:
        raise not_enrolled()
    if verify is None:
        verify = state.ca_file or True
    return SyncClient(state.server_url, state.token, verify=verify)


class Send(Protocol):
    """Sends a ``Call`` and awaits its answer: ``AsyncSyncClient.send``, or a blocking client's (``sent_by``)."""

    def __call__(self, call: Call[T], /) -> Awaitable[T]: ...


def sent_by(client: SyncClient) -> Send:
    """Return ``client.send`` as an awaitable that never suspends (it blocks), for ``run_to_end``."""

    async def send(call: Call[T]) -> T:
        return client.send(call)

    return send


async def enrollment(db: Database, send: Send, url: str, code: str, *, ca_file: str = "") -> EnrollResponse:
    """Enroll the set-up terminal behind ``db`` with its own branch id; keep the server, token and CA file.

    Reads the device, trades the code for a token (no transaction is open
    while the request is in flight), keeps them in the sync state.
    ``enroll`` runs these steps blocking; the app awaits them.

    Raises:
        as ``enroll``.
    """
    device = await db.read(load_device)
    answer = await send(calls.enroll(code, device.device_id, device.device_name, device.branch_id))
    await db.run(save_enrollment, url, answer.token, answer.chain_name, ca_file)
    return answer


def enroll(
    terminal: Terminal,
    url: str,
    code: str,
    *,
    ca_file: str | Path | None = None,
    client_factory: ClientFactory = _client,
) -> EnrollResponse:
    """Enroll this set-up terminal with its own branch id; keep the server, token and CA file.

    ``ca_file``: the PEM certificate authority of an HTTPS server whose
    certificate the system does not trust (the clinic's own); later syncs
    verify the server with it.

    Raises:
        EnrollmentRefused: a wrong, used or expired code, or the server's
            clinic is another one (``clinic_mismatch``).
        UntrustedServer: the server's certificate fails verification; the
            code is not spent.
        CaFileProblem: ``ca_file`` cannot be read.
        SyncError: the server cannot be reached.
    """
    ca = ca_path(ca_file)
    with client_factory(url, ca or True) as client:
        return run_to_end(enrollment(TerminalDatabase(terminal), sent_by(client), url, code, ca_file=ca))


def join_clinic(
    path: Path,
    url: str,
    code: str,
    device_name: str,
    *,
    ca_file: str | Path | None = None,
    client_factory: ClientFactory = _client,
    clock: Clock = utc_now,
) -> EnrollResponse:
    """Make the empty database at ``path`` a new terminal of the server's clinic.

    ``ca_file`` as for ``enroll``.

    Raises:
        DatabaseProblem: the database is already set up (use ``enroll``).
        EnrollmentRefused, SyncError: as for ``enroll``; the database then
            stays empty (created, schema only).
    """
    ca = ca_path(ca_file)
    init_database(path)
    db = open_engine(path)
    try:
        with Session(db.engine) as session:
            taken = is_set_up(session)
        if taken:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "errors", "{path} already belongs to a clinic; enroll it as it is or use a new database"
                ),
                path=str(path),
            )
        # No transaction is open while the request is in flight.
        device_id = uuid7()
        with client_factory(url, ca or True) as client:
            answer = client.enroll(code, device_id, device_name, None)
        with Session(db.engine) as session:
            set_up_enrolled_device(
                session,
                device_id=device_id,
                chain_id=answer.chain_id,
                chain_name=answer.chain_name,
                branch_id=answer.branch_id,
                branch_name=answer.branch_name,
                branch_no=answer.branch_no,
                device_name=device_name,
                server_url=url,
                token=answer.token,
                now=clock(),
                ca_file=ca,
            )
            session.commit()
    finally:
        db.close()
    return answer
