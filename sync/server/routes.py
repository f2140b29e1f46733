"""The routes: thin functions over ``enroll``, ``push`` and ``pull``.

Each gets what it needs as ``Annotated`` dependencies (``dependencies``,
``bodies``); ``add_routes`` mounts them with their OpenAPI description. The
function names and docstrings are the document's operation ids and texts.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from ..protocol import (
    MAX_INT64,
    MAX_PULL,
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
)
from .auth import ApiError, check_operations
from .bodies import EnrollBody, PushBody
from .dependencies import (
    ChainSession,
    ChainSessions,
    Clock,
    CurrentDevice,
    Sessions,
    check_protocol_header,
)
from .enroll import EnrollRefused, enroll
from .images import add_image_routes
from .openapi import errors_doc, sync_route_doc
from .pull import pull
from .push import push
from .throttle import ENROLL_PATH, client_address


def health(request: Request) -> JSONResponse:
    """Report whether the database answers (503 when it does not)."""
    engine: Engine = request.app.state.engine
    reachable = True
    try:
        raw = engine.raw_connection()  # autocommit on SQLite: no write lock taken
        try:
            cursor = raw.cursor()
            cursor.execute("SELECT 1")
            cursor.fetchall()
            cursor.close()
            raw.rollback()
        finally:
            raw.close()
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        reachable = False
    body = Health(status="ok" if reachable else "degraded", database=reachable, protocol=PROTOCOL_VERSION)
    return JSONResponse(body.model_dump(), status_code=200 if reachable else 503)


def enroll_route(request: Request, body: EnrollBody, sessions: Sessions, clock: Clock) -> EnrollResponse:
    """Enroll a terminal with a one-time code; answers its device token (shown only now)."""
    try:
        return enroll(sessions, body, client_address(request), clock)
    except EnrollRefused as refusal:
        if refusal.code == "too_many_attempts":
            request.app.state.blocked.add(client_address(request), refusal.detail["retry_at"], clock().timestamp())
        raise


def push_route(
    request: Request, device: CurrentDevice, body: PushBody, sessions: Sessions, chain_sessions: ChainSessions,
    clock: Clock,
) -> PushResponse:
    """Apply the device's operations in order, each exactly once."""
    if body.device_id != device.id:
        raise ApiError(403, "foreign_device", "The push names another device than this token's")
    with chain_sessions() as session:
        check_operations(session, device, body.operations)
    state = request.app.state
    return push(chain_sessions, device.id, body, clock, registry=state.registry, rules=state.rules)  # type: ignore[arg-type]


def pull_route(
    device: CurrentDevice,
    session: ChainSession,
    after: Annotated[int, Query(ge=0, le=MAX_INT64, description="the cursor of the last change already pulled")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL, description="changes per page")] = MAX_PULL,
) -> PullResponse:
    """Return the chain's changes after ``after`` that the device's branch may see, oldest first."""
    return pull(session, device.chain_id, device.branch_id, after, limit)


def add_routes(app: FastAPI) -> None:
    """Mount ``/health`` and the sync routes on ``app``.

    Every route but /health is a sync route: the protocol header is checked
    first (``check_protocol_header``), before the token, query or body.
    """
    protocol = [Depends(check_protocol_header)]
    app.add_api_route("/health", health, methods=["GET"], response_model=Health, tags=["server"],
                      responses={503: {"model": Health, "description": "the database does not answer"}})
    app.add_api_route(
        ENROLL_PATH, enroll_route, methods=["POST"], response_model=EnrollResponse, tags=["sync"],
        dependencies=protocol, openapi_extra=sync_route_doc(EnrollRequest),
        responses=errors_doc(403, 409, 410, 413, 422, 429),
    )
    app.add_api_route(
        "/v1/push", push_route, methods=["POST"], response_model=PushResponse, tags=["sync"],
        dependencies=protocol, openapi_extra=sync_route_doc(PushRequest),
        responses=errors_doc(400, 401, 403, 409, 413, 422),
    )
    app.add_api_route(
        "/v1/pull", pull_route, methods=["GET"], response_model=PullResponse, tags=["sync"],
        dependencies=protocol, openapi_extra=sync_route_doc(), responses=errors_doc(401, 422),
    )
    add_image_routes(app, protocol)
