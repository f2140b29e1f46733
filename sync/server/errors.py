"""Refusals as HTTP answers: every error is an ``ErrorBody`` with a stable ``code``.

``install_error_handlers`` maps the server's own refusals (``ApiError``,
``ApplyRefused``, ``EnrollRefused``), FastAPI's validation errors, routing
errors and database failures to their status and code; anything else is a
logged 500 ``internal_error``. The table of codes is in ``sync.server.app``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, ErrorBody
from .apply import ApplyRefused
from .auth import ApiError
from .enroll import EnrollRefused

OUTDATED = "This terminal needs an update to sync with this server"
NO_PROTOCOL = (
    f"This request does not say which sync protocol it speaks (header {PROTOCOL_HEADER}: {PROTOCOL_VERSION}); "
    "this terminal needs an update to sync with this server"
)


def outdated(sent: object) -> ApiError:
    """Return the 426 ``protocol_version`` refusal of a request that speaks protocol ``sent``."""
    return ApiError(426, "protocol_version", OUTDATED, server_protocol=PROTOCOL_VERSION, client_protocol=sent)


def invalid(errors: Any) -> ApiError:
    """Return the 422 ``invalid_request`` refusal of pydantic/FastAPI validation ``errors`` (the first 20 kept)."""
    found = json.loads(json.dumps(list(errors)[:20], default=str))
    first = found[0] if found else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = f"The request is malformed: {where}: {first.get('msg', '')}" if first else "The request is malformed"
    return ApiError(422, "invalid_request", message, errors=found)


def error_response(status: int, code: str, message: str, detail: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """Return the JSON answer of a refusal: an ``ErrorBody`` with ``status`` and ``headers``."""
    body = ErrorBody(code=code, message=message, detail=detail or {})
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Make every exception a route can raise an ``ErrorBody`` answer of ``app``."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, err: ApiError) -> JSONResponse:
        return error_response(err.status, err.code, err.message, err.detail, err.headers)

    @app.exception_handler(ApplyRefused)
    async def _refused(_: Request, err: ApplyRefused) -> JSONResponse:
        return error_response(err.status, err.code, err.message, err.detail)

    @app.exception_handler(EnrollRefused)
    async def _enroll(_: Request, err: EnrollRefused) -> JSONResponse:
        headers = None
        if err.status == 429 and "retry_at" in err.detail:
            headers = {"Retry-After": str(max(1, int(err.detail["retry_at"] - datetime.now(UTC).timestamp())))}
        return error_response(err.status, err.code, err.message, err.detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, err: RequestValidationError) -> JSONResponse:
        api = invalid(err.errors())
        return error_response(api.status, api.code, api.message, api.detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, err: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(err.status_code, "http_error")
        return error_response(err.status_code, code, str(err.detail), headers=getattr(err, "headers", None))

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, err: IntegrityError) -> JSONResponse:
        # Two requests created the same row at once (e.g. one derived id from
        # two terminals): the loser's transaction rolled back; sent again, it
        # finds the row and merges.
        return error_response(
            503, "busy", "Another request changed the same rows at the same moment; send again",
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(DataError)
    async def _bad_value(_: Request, err: DataError) -> JSONResponse:
        # A value the database refuses to store or compare (PostgreSQL: a NUL
        # in text, a number out of range). The request is checked for those
        # first (``bodies.validated``, the models' bounds); this keeps anything
        # missed a 4xx on the request's value, not a 500.
        return error_response(422, "invalid_request", "The request holds a value the server's database cannot store")

    @app.exception_handler(OperationalError)
    async def _db_down(_: Request, err: OperationalError) -> JSONResponse:
        return error_response(
            503, "database_unavailable", "The server's database cannot be reached; try again later",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def _bug(_: Request, err: Exception) -> JSONResponse:
        return error_response(500, "internal_error", "The server failed on this request; it is logged")
