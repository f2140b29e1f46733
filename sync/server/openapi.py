"""The OpenAPI document: the protocol header, the hand-read bodies and every refusal, as ``ErrorBody``.

The routes read their bodies and the protocol header by hand
(``bodies``, ``dependencies.check_protocol_header``), so FastAPI cannot see
them: ``sync_route_doc`` and ``errors_doc`` describe them per route, and
``openapi_document`` adds the body schemas the routes refer to.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from ..protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, EnrollRequest, ErrorBody, PushRequest

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

# What each refusal status means, as the OpenAPI document says it (the
# ``code`` values an ``ErrorBody`` of that status may carry).
ERROR_STATUSES: dict[int, str] = {
    400: "bad_operation: an operation's payload, hash or payload format cannot be used",
    401: "unauthorized / device_revoked: no, unknown or revoked device token",
    403: "foreign_device / foreign_clinic; for enrollment invalid_code",
    404: "image_not_found: the device's chain has no image of that name (yet)",
    409: "seq_conflict / seq_gap; for enrollment clinic_mismatch / device_exists; image_offset (detail.held)",
    410: "code_used / code_expired / code_locked",
    413: "batch_too_large / body_too_large; image_too_large",
    422: "invalid_request / unknown_operation: malformed JSON, query or shapes; an operation type this server does not "
         "know; not_an_image / image_hash_mismatch: an uploaded image refused when whole",
    426: "protocol_version: no X-BNAura-Protocol header, or it or the body's protocol names another version; nothing done",
    429: "too_many_attempts: too many wrong enrollment codes from this address (Retry-After)",
    500: "internal_error: a server bug, logged",
    503: "busy / database_unavailable: a race lost to another request, or no database; send again (Retry-After)",
}
# Every sync route may answer these besides its own refusals.
COMMON_ERRORS = (426, 500, 503)


def errors_doc(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return the OpenAPI ``responses`` of ``statuses`` and ``COMMON_ERRORS``, each an ``ErrorBody``."""
    return {
        status: {"model": ErrorBody, "description": ERROR_STATUSES[status]}
        for status in sorted({*statuses, *COMMON_ERRORS})
    }


def sync_route_doc(body: type[BaseModel] | None = None) -> dict[str, Any]:
    """Return the ``openapi_extra`` of a sync route: the protocol header and, if any, the JSON body."""
    doc: dict[str, Any] = {"parameters": [PROTOCOL_PARAMETER]}
    if body is not None:
        ref = {"$ref": f"#/components/schemas/{body.__name__}"}
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref}}}
    return doc


def install_openapi(app: FastAPI) -> None:
    """Make ``app`` serve its document with the schemas of the hand-read bodies (built once)."""

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
