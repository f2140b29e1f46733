"""The HTTP API of the clinic server (routes as documented in ``sync.protocol``).

Thin routes over ``enroll``, ``push`` and ``pull``; the session, the clock
and the authenticated device come in as ``Annotated`` dependencies. Every
refusal is an ``ErrorBody`` with a stable ``code``:

| status | code | when |
| --- | --- | --- |
| 401 | ``unauthorized`` / ``device_revoked`` | no or unknown token / revoked device |
| 403 | ``foreign_device`` / ``foreign_clinic`` | the batch names another device, clinic or clinic's record |
| 403, 410 | ``invalid_code``; ``code_used`` / ``code_expired`` / ``code_locked`` | enrollment |
| 409 | ``seq_conflict`` / ``seq_gap`` / ``clinic_mismatch`` / ``device_exists`` | |
| 413 | ``batch_too_large`` / ``body_too_large`` | over ``MAX_BATCH`` operations / ``MAX_BODY_BYTES`` |
| 400 | ``bad_operation`` | an operation's payload, hash or clock is malformed |
| 422 | ``invalid_request`` / ``unknown_operation`` | malformed JSON or shapes / an operation type the server does not know |
| 426 | ``protocol_version`` | the terminal speaks another protocol; nothing applied |
| 429 | ``too_many_attempts`` | wrong enrollment codes from one address |
| 503 | ``busy`` / ``database_unavailable`` | a race lost to another request / no database: send again |

Every sync route (all but ``/health`` and the OpenAPI document) needs the
``X-BNAura-Protocol: PROTOCOL_VERSION`` header: missing or another version
is 426 before anything else is looked at. The push and enroll bodies carry
``protocol`` too, and it must match as well.

A push batch is checked as a whole (protocol, size, shape, device and
clinic of every operation, records of other clinics) before its first
operation is applied; the apply step then refuses at the first operation
that cannot be applied, after committing the ones before it (their
outcomes are in the refusal's ``detail.results``).
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from ..protocol import (
    MAX_BATCH,
    MAX_INT64,
    MAX_PULL,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
)
from .apply import ApplyRefused
from .auth import ApiError, authenticate, check_operations
from .db import is_sqlite, server_engine
from .enroll import TOO_MANY, EnrollRefused, enroll, source_address
from .models import Device
from .pull import pull
from .push import push
from .schema import clinic_sessions, for_clinic

ENROLL_PATH = "/v1/enroll"
MAX_BODY_BYTES = 32 * 1024 * 1024  # a request body over this gets 413 body_too_large
OUTDATED = "This terminal needs an update to sync with this server"
NO_PROTOCOL = (
    f"This request does not say which sync protocol it speaks (header {PROTOCOL_HEADER}: {PROTOCOL_VERSION}); "
    "this terminal needs an update to sync with this server"
)
M = TypeVar("M", bound=BaseModel)


def utc_now() -> datetime:
    return datetime.now(UTC)


# ---------------------------------------------------------------- dependencies


def _sessions(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions  # type: ignore[no-any-return]


def _clock(request: Request) -> Callable[[], datetime]:
    return request.app.state.clock  # type: ignore[no-any-return]


Sessions = Annotated[sessionmaker[Session], Depends(_sessions)]
Clock = Annotated[Callable[[], datetime], Depends(_clock)]


def _outdated(sent: object) -> ApiError:
    return ApiError(426, "protocol_version", OUTDATED, server_protocol=PROTOCOL_VERSION, client_protocol=sent)


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
        raise _outdated(sent)


# The header as the OpenAPI document shows it on every sync route (it is
# read by ``check_protocol_header``, not as a FastAPI parameter, so that a
# wrong value is a 426, not a validation error).
PROTOCOL_PARAMETER: dict[str, Any] = {
    "name": PROTOCOL_HEADER,
    "in": "header",
    "required": True,
    "description": f"the sync protocol the terminal speaks; this server speaks {PROTOCOL_VERSION} (else 426)",
    "schema": {"type": "string", "enum": [str(PROTOCOL_VERSION)]},
}


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


def _clinic_sessions(device: CurrentDevice, sessions: Sessions) -> Callable[[], Session]:
    return for_clinic(sessions, device.clinic_id)


def _clinic_session(clinic_sessions: Annotated[Callable[[], Session], Depends(_clinic_sessions)]) -> Iterator[Session]:
    with clinic_sessions() as session:
        yield session


# Sessions that see only the device's clinic (row-level security on PostgreSQL).
ClinicSessions = Annotated[Callable[[], Session], Depends(_clinic_sessions)]
ClinicSession = Annotated[Session, Depends(_clinic_session)]


async def _json_object(request: Request) -> dict[str, Any]:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _body_too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _body_too_large()
        chunks.append(chunk)
    body = b"".join(chunks)
    try:
        # A big body is parsed off the event loop, so other requests are not held up.
        data = json.loads(body) if size < 256 * 1024 else await run_in_threadpool(json.loads, body)
    except (ValueError, RecursionError):
        raise ApiError(422, "invalid_request", "The request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", "The request body must be a JSON object")
    sent = data.get("protocol")
    if isinstance(sent, int) and not isinstance(sent, bool) and sent != PROTOCOL_VERSION:
        raise _outdated(sent)
    return data


def _body_too_large() -> ApiError:
    return ApiError(413, "body_too_large", f"The request body is larger than {MAX_BODY_BYTES} bytes", limit=MAX_BODY_BYTES)


def _validated(model: type[M], data: dict[str, Any]) -> M:
    """Return ``data`` as ``model``.

    Raises:
        ApiError: 422 invalid_request (a wrong shape, or a NUL character in
            a text the server stores), 426 protocol_version.
    """
    try:
        parsed = model.model_validate(data)
    except ValidationError as error:
        raise _invalid(error.errors(include_url=False, include_context=False, include_input=False)) from None
    protocol = getattr(parsed, "protocol", PROTOCOL_VERSION)
    if protocol != PROTOCOL_VERSION:
        raise _outdated(protocol)
    where = _nul_field(parsed)
    if where is not None:
        raise ApiError(422, "invalid_request", f"The request is malformed: {where}: text must not contain NUL characters",
                       field=where)
    return parsed


# Fields never stored as text: an operation's payload is parsed, and a NUL
# in it makes it malformed JSON, rejected by the apply step like any other.
_NOT_STORED_AS_TEXT = frozenset({"payload"})


def _nul_field(value: Any, where: str = "") -> str | None:
    """Return the dotted path of the first stored text in ``value`` holding a NUL character, or None.

    PostgreSQL cannot store NUL in text (SQLite can): refusing it up front
    answers both databases alike, before anything of a batch is applied,
    instead of a 500 from the middle of one on PostgreSQL.
    """
    if isinstance(value, str):
        return where if "\x00" in value else None
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_STORED_AS_TEXT:
                found = _nul_field(getattr(value, name), f"{where}.{name}" if where else name)
                if found is not None:
                    return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _nul_field(item, f"{where}.{i}")
            if found is not None:
                return found
    return None


def _invalid(errors: Any) -> ApiError:
    found = json.loads(json.dumps(list(errors)[:20], default=str))
    first = found[0] if found else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = f"The request is malformed: {where}: {first.get('msg', '')}" if first else "The request is malformed"
    return ApiError(422, "invalid_request", message, errors=found)


async def _push_body(request: Request) -> PushRequest:
    data = await _json_object(request)
    operations = data.get("operations")
    if isinstance(operations, list) and len(operations) > MAX_BATCH:
        # Counted before the operations are validated one by one.
        raise ApiError(
            413, "batch_too_large", f"A push carries at most {MAX_BATCH} operations; send the rest in another batch",
            limit=MAX_BATCH, got=len(operations),
        )
    return await run_in_threadpool(_validated, PushRequest, data)  # up to MAX_BATCH operations


async def _enroll_body(request: Request) -> EnrollRequest:
    return _validated(EnrollRequest, await _json_object(request))


PushBody = Annotated[PushRequest, Depends(_push_body)]
EnrollBody = Annotated[EnrollRequest, Depends(_enroll_body)]


def _address(request: Request) -> str:
    # uvicorn puts the X-Forwarded-For client here when the proxy is trusted
    # (--forwarded-allow-ips; by default only 127.0.0.1).
    return source_address(request.client.host if request.client else "unknown")


class BlockedAddresses:
    """Addresses this process has already answered 429, until their window ends.

    The database decides (``enroll`` counts failures there, so the limit
    holds across processes); this memo only repeats a refusal without
    reading the body or asking the database again, so a script of
    guesses costs the server next to nothing. It never lets more through.
    """

    LIMIT = 100_000

    def __init__(self) -> None:
        self._until: dict[str, float] = {}

    def until(self, address: str, now: float) -> float | None:
        until = self._until.get(address)
        if until is None or until <= now:
            return None
        return until

    def add(self, address: str, until: float, now: float) -> None:
        if len(self._until) >= self.LIMIT:
            self._until = {a: u for a, u in self._until.items() if u > now}
        if len(self._until) < self.LIMIT:
            self._until[address] = until


class RefuseBlocked:
    """ASGI middleware: answer 429 to a blocked address's enrollment before routing or reading its body."""

    def __init__(self, app: ASGIApp, blocked: BlockedAddresses) -> None:
        self.app = app
        self.blocked = blocked

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == ENROLL_PATH:
            client = scope.get("client")
            now = time.time()
            until = self.blocked.until(source_address(client[0] if client else "unknown"), now)
            if until is not None:
                refusal = EnrollRefused(429, "too_many_attempts", TOO_MANY, retry_at=int(until))
                response = _error_response(
                    429, refusal.code, refusal.message, refusal.detail,
                    headers={"Retry-After": str(max(1, int(until - now)))},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# ---------------------------------------------------------------- routes


# What each refusal status means, as the OpenAPI document says it (the
# ``code`` values an ``ErrorBody`` of that status may carry).
ERROR_STATUSES: dict[int, str] = {
    400: "bad_operation: an operation's payload, hash or payload format cannot be used",
    401: "unauthorized / device_revoked: no, unknown or revoked device token",
    403: "foreign_device / foreign_clinic; for enrollment invalid_code",
    409: "seq_conflict / seq_gap; for enrollment clinic_mismatch / device_exists",
    410: "code_used / code_expired / code_locked",
    413: "batch_too_large / body_too_large",
    422: "invalid_request / unknown_operation: malformed JSON, query or shapes; an operation type this server does not know",
    426: "protocol_version: no X-BNAura-Protocol header, or it or the body's protocol names another version; nothing done",
    429: "too_many_attempts: too many wrong enrollment codes from this address (Retry-After)",
    500: "internal_error: a server bug, logged",
    503: "busy / database_unavailable: a race lost to another request, or no database; send again (Retry-After)",
}
# Every sync route may answer these besides its own refusals.
COMMON_ERRORS = (426, 500, 503)


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return the OpenAPI ``responses`` of ``statuses`` and ``COMMON_ERRORS``, each an ``ErrorBody``."""
    return {
        status: {"model": ErrorBody, "description": ERROR_STATUSES[status]}
        for status in sorted({*statuses, *COMMON_ERRORS})
    }


def _sync_route_doc(body: type[BaseModel] | None = None) -> dict[str, Any]:
    """Return the ``openapi_extra`` of a sync route: the protocol header and, if any, the JSON body.

    The bodies are read by hand (size limit, protocol check before the shape
    is validated), so FastAPI cannot see them: they are documented here.
    """
    doc: dict[str, Any] = {"parameters": [PROTOCOL_PARAMETER]}
    if body is not None:
        ref = {"$ref": f"#/components/schemas/{body.__name__}"}
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref}}}
    return doc


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
        return enroll(sessions, body, _address(request), clock)
    except EnrollRefused as refusal:
        if refusal.code == "too_many_attempts":
            request.app.state.blocked.add(_address(request), refusal.detail["retry_at"], clock().timestamp())
        raise


def push_route(
    device: CurrentDevice, body: PushBody, sessions: Sessions, clinic_sessions: ClinicSessions, clock: Clock
) -> PushResponse:
    """Apply the device's operations in order, each exactly once."""
    if body.device_id != device.id:
        raise ApiError(403, "foreign_device", "The push names another device than this token's")
    with sessions() as session:  # all clinics: it must see another clinic's record to refuse it
        check_operations(session, device, body.operations)
    return push(clinic_sessions, device.id, body, clock)  # type: ignore[arg-type]


def pull_route(
    device: CurrentDevice,
    session: ClinicSession,
    after: Annotated[int, Query(ge=0, le=MAX_INT64, description="the cursor of the last change already pulled")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL, description="changes per page")] = MAX_PULL,
) -> PullResponse:
    """Return the clinic's changes after ``after``, oldest first."""
    return pull(session, device.clinic_id, after, limit)


# ---------------------------------------------------------------- errors


def _error_response(status: int, code: str, message: str, detail: dict[str, Any] | None = None,
                    headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(code=code, message=message, detail=detail or {})
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, err: ApiError) -> JSONResponse:
        return _error_response(err.status, err.code, err.message, err.detail, err.headers)

    @app.exception_handler(ApplyRefused)
    async def _refused(_: Request, err: ApplyRefused) -> JSONResponse:
        return _error_response(err.status, err.code, err.message, err.detail)

    @app.exception_handler(EnrollRefused)
    async def _enroll(_: Request, err: EnrollRefused) -> JSONResponse:
        headers = None
        if err.status == 429 and "retry_at" in err.detail:
            headers = {"Retry-After": str(max(1, int(err.detail["retry_at"] - utc_now().timestamp())))}
        return _error_response(err.status, err.code, err.message, err.detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, err: RequestValidationError) -> JSONResponse:
        api = _invalid(err.errors())
        return _error_response(api.status, api.code, api.message, api.detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, err: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(err.status_code, "http_error")
        return _error_response(err.status_code, code, str(err.detail), headers=getattr(err, "headers", None))

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, err: IntegrityError) -> JSONResponse:
        # Two requests created the same row at once (e.g. one derived id from
        # two terminals): the loser's transaction rolled back; sent again, it
        # finds the row and merges.
        return _error_response(
            503, "busy", "Another request changed the same rows at the same moment; send again",
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(DataError)
    async def _bad_value(_: Request, err: DataError) -> JSONResponse:
        # A value the database refuses to store or compare (PostgreSQL: a NUL
        # in text, a number out of range). The request is checked for those
        # first (``_validated``, the models' bounds); this keeps anything
        # missed a 4xx on the request's value, not a 500.
        return _error_response(422, "invalid_request", "The request holds a value the server's database cannot store")

    @app.exception_handler(OperationalError)
    async def _db_down(_: Request, err: OperationalError) -> JSONResponse:
        return _error_response(
            503, "database_unavailable", "The server's database cannot be reached; try again later",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def _bug(_: Request, err: Exception) -> JSONResponse:
        return _error_response(500, "internal_error", "The server failed on this request; it is logged")


# ---------------------------------------------------------------- the app


def create_app(database_url: str, *, clock: Callable[[], datetime] = utc_now) -> FastAPI:
    """Return the server application over the (already migrated) database at ``database_url``."""
    # SQLite: one connection for the whole process (DESIGN.md: one writer per
    # database; SQLite before 3.51.3 can corrupt a WAL file when two
    # connections write or checkpoint at once). Every transaction there is
    # BEGIN IMMEDIATE anyway, so requests lose no concurrency by queueing.
    engine = server_engine(database_url, **({"pool_size": 1, "max_overflow": 0} if is_sqlite(database_url) else {}))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="BN-Aura Desk sync server",
        version=str(PROTOCOL_VERSION),
        description=__doc__,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.sessions = clinic_sessions(engine)
    app.state.clock = clock
    app.state.blocked = BlockedAddresses()
    app.add_middleware(RefuseBlocked, blocked=app.state.blocked)
    _install_error_handlers(app)
    # Every route but /health is a sync route: the protocol header is checked
    # first (``check_protocol_header``), before the token, query or body.
    protocol = [Depends(check_protocol_header)]
    app.add_api_route("/health", health, methods=["GET"], response_model=Health, tags=["server"],
                      responses={503: {"model": Health, "description": "the database does not answer"}})
    app.add_api_route(
        ENROLL_PATH, enroll_route, methods=["POST"], response_model=EnrollResponse, tags=["sync"],
        dependencies=protocol, openapi_extra=_sync_route_doc(EnrollRequest),
        responses=_errors(403, 409, 410, 413, 422, 429),
    )
    app.add_api_route(
        "/v1/push", push_route, methods=["POST"], response_model=PushResponse, tags=["sync"],
        dependencies=protocol, openapi_extra=_sync_route_doc(PushRequest),
        responses=_errors(400, 401, 403, 409, 413, 422),
    )
    app.add_api_route(
        "/v1/pull", pull_route, methods=["GET"], response_model=PullResponse, tags=["sync"],
        dependencies=protocol, openapi_extra=_sync_route_doc(), responses=_errors(401, 422),
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            _, defs = models_json_schema(
                [(EnrollRequest, "validation"), (PushRequest, "validation")],
                ref_template="#/components/schemas/{model}",
            )
            found = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, model_schema in defs.get("$defs", {}).items():
                found.setdefault(name, model_schema)
            for name in ("EnrollRequest", "PushRequest"):
                # The model takes any int (so another version is a 426, not a
                # 422); this server serves exactly one.
                found[name]["properties"]["protocol"]["enum"] = [PROTOCOL_VERSION]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """The app factory uvicorn workers call: the database URL is in ``$BNAURA_SERVER_DB``."""
    import os

    return create_app(os.environ["BNAURA_SERVER_DB"])
