"""What a route is given: sessions, the clock, the protocol check and the authenticated device.

Each is an ``Annotated`` dependency. ``Sessions`` hold no credential
(enrollment sets its code's, ``sync.server.scope``); ``CurrentDevice``
authenticates the bearer token; ``ChainSessions`` and ``ChainSession``
act for that device, so on PostgreSQL they see only its clinic's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from ..protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from .auth import ApiError, authenticate
from .errors import NO_PROTOCOL, outdated
from .models import Device
from .scope import for_device


def _sessions(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions  # type: ignore[no-any-return]


def _clock(request: Request) -> Callable[[], datetime]:
    return request.app.state.clock  # type: ignore[no-any-return]


Sessions = Annotated[sessionmaker[Session], Depends(_sessions)]
Clock = Annotated[Callable[[], datetime], Depends(_clock)]


def check_protocol_header(request: Request) -> None:
    """Refuse a sync request whose ``X-BNAura-Protocol`` header is missing or names another version.

    Every sync route depends on it first (``/health`` and the OpenAPI
    document do not), so such a request gets 426 ``protocol_version``
    before its token, query or body is even read: a terminal too old to
    send the header, or one speaking another version, must not pull data
    it would misread or push operations the server would misapply.

    Raises:
        ApiError: 426 protocol_version.
    """
    sent = request.headers.get(PROTOCOL_HEADER)
    if sent is None or not sent.strip():
        raise ApiError(426, "protocol_version", NO_PROTOCOL, server_protocol=PROTOCOL_VERSION, client_protocol=None)
    if sent.strip() != str(PROTOCOL_VERSION):
        raise outdated(sent)


_bearer = HTTPBearer(auto_error=False, description="the device token received at enrollment")


def _current_device(
    sessions: Sessions,
    clock: Clock,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    if credentials is None or not credentials.credentials.strip():
        raise ApiError(
            401, "unauthorized", "This request needs the terminal's device token (Authorization: Bearer ...)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    with sessions() as session:
        device = authenticate(session, credentials.credentials.strip(), clock())
        session.commit()
        return device


CurrentDevice = Annotated[Device, Depends(_current_device)]


def _chain_sessions(device: CurrentDevice, sessions: Sessions) -> Callable[[], Session]:
    return for_device(sessions, device.token_sha256)


def _chain_session(chain_sessions: Annotated[Callable[[], Session], Depends(_chain_sessions)]) -> Iterator[Session]:
    with chain_sessions() as session:
        yield session


# Sessions that act for the authenticated device: on PostgreSQL they see only its clinic's rows.
ChainSessions = Annotated[Callable[[], Session], Depends(_chain_sessions)]
ChainSession = Annotated[Session, Depends(_chain_session)]
