"""Enrolling a terminal with the clinic server (``bnaura enroll URL CODE``).

Two cases:

- ``enroll``: a terminal that is already set up (it made its clinic with
  ``bnaura init``) joins the server's clinic of the same id: the owner
  created it there with ``bnaura server clinics add NAME --id <clinic id>``.
  Its outbox, from the clinic's creation on, is then pushed as usual.
- ``join_clinic``: an empty database becomes one more terminal of a clinic
  the server already knows; nothing is journaled, and the clinic's
  profile, staff, catalog and customers arrive with the first pull.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.services.setup import init_database, is_set_up
from bnaura_desk.services.sync_state import save_enrollment, set_up_enrolled_device, sync_state
from bnaura_desk.store.engine import open_engine
from bnaura_desk.terminal import Clock, Terminal, utc_now

from ..protocol import EnrollResponse
from .http import SyncClient, not_enrolled

ClientFactory = Callable[[str], SyncClient]


def _client(url: str) -> SyncClient:
    return SyncClient(url)


def client_for(terminal: Terminal, *, verify: bool | str = True) -> SyncClient:
    """Return a client for the server this terminal is enrolled with, carrying its token.

    Raises:
        NotEnrolled: the terminal has no server yet.
    """
    state = terminal.read(sync_state)
    if state is None:
        raise not_enrolled()
    return SyncClient(state.server_url, state.token, verify=verify)


def enroll(
    terminal: Terminal, url: str, code: str, *, client_factory: ClientFactory = _client
) -> EnrollResponse:
    """Enroll this set-up terminal with its own clinic id; keep the server and token.

    Raises:
        EnrollmentRefused: a wrong, used or expired code, or the server's
            clinic is another one (``clinic_mismatch``).
        SyncError: the server cannot be reached.
    """
    device = terminal.device()
    with client_factory(url) as client:
        answer = client.enroll(code, device.device_id, device.device_name, device.clinic_id)
    terminal.run(save_enrollment, url, answer.token, answer.clinic_name, actor=None)
    return answer


def join_clinic(
    path: Path,
    url: str,
    code: str,
    device_name: str,
    *,
    client_factory: ClientFactory = _client,
    clock: Clock = utc_now,
) -> EnrollResponse:
    """Make the empty database at ``path`` a new terminal of the server's clinic.

    Raises:
        DatabaseProblem: the database is already set up (use ``enroll``).
        EnrollmentRefused, SyncError: as for ``enroll``; the database then
            stays empty (created, schema only).
    """
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
        with client_factory(url) as client:
            answer = client.enroll(code, device_id, device_name, None)
        with Session(db.engine) as session:
            set_up_enrolled_device(
                session,
                device_id=device_id,
                clinic_id=answer.clinic_id,
                clinic_name=answer.clinic_name,
                device_name=device_name,
                server_url=url,
                token=answer.token,
                now=clock(),
            )
            session.commit()
    finally:
        db.close()
    return answer
