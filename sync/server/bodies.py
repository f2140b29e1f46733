"""Request bodies read by hand: a size limit, the protocol check, then the shape.

The push and enroll bodies are not FastAPI body parameters: a body over
``MAX_BODY_BYTES`` is refused while it streams in (413 ``body_too_large``),
its ``protocol`` is compared before the shape is validated (another version
is a 426, not a 422), a push over ``MAX_BATCH`` operations is refused before
its operations are validated one by one, and a NUL in a text the server
stores is refused up front (PostgreSQL cannot store one). The OpenAPI
document still shows them (``openapi.sync_route_doc``).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from ..protocol import MAX_BATCH, PROTOCOL_VERSION, EnrollRequest, PushRequest
from .auth import ApiError
from .errors import invalid, outdated

MAX_BODY_BYTES = 32 * 1024 * 1024  # a request body over this gets 413 body_too_large
_PARSE_IN_THREAD = 256 * 1024  # bodies from this size are parsed off the event loop
M = TypeVar("M", bound=BaseModel)


def _body_too_large() -> ApiError:
    return ApiError(413, "body_too_large", f"The request body is larger than {MAX_BODY_BYTES} bytes", limit=MAX_BODY_BYTES)


async def json_object(request: Request) -> dict[str, Any]:
    """Return the request's body, a JSON object of at most ``MAX_BODY_BYTES``.

    Raises:
        ApiError: 413 body_too_large, 422 invalid_request (not JSON, not an
            object), 426 protocol_version (its ``protocol`` names another version).
    """
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
        data = json.loads(body) if size < _PARSE_IN_THREAD else await run_in_threadpool(json.loads, body)
    except (ValueError, RecursionError):
        raise ApiError(422, "invalid_request", "The request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", "The request body must be a JSON object")
    sent = data.get("protocol")
    if isinstance(sent, int) and not isinstance(sent, bool) and sent != PROTOCOL_VERSION:
        raise outdated(sent)
    return data


def validated(model: type[M], data: dict[str, Any]) -> M:
    """Return ``data`` as ``model``.

    Raises:
        ApiError: 422 invalid_request (a wrong shape, or a NUL character in
            a text the server stores), 426 protocol_version.
    """
    try:
        parsed = model.model_validate(data)
    except ValidationError as error:
        raise invalid(error.errors(include_url=False, include_context=False, include_input=False)) from None
    protocol = getattr(parsed, "protocol", PROTOCOL_VERSION)
    if protocol != PROTOCOL_VERSION:
        raise outdated(protocol)
    where = nul_field(parsed)
    if where is not None:
        raise ApiError(422, "invalid_request", f"The request is malformed: {where}: text must not contain NUL characters",
                       field=where)
    return parsed


# Fields never stored as text: an operation's payload is parsed, and a NUL
# in it makes it malformed JSON, rejected by the apply step like any other.
_NOT_STORED_AS_TEXT = frozenset({"payload"})


def nul_field(value: Any, where: str = "") -> str | None:
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
                found = nul_field(getattr(value, name), f"{where}.{name}" if where else name)
                if found is not None:
                    return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = nul_field(item, f"{where}.{i}")
            if found is not None:
                return found
    return None


async def _push_body(request: Request) -> PushRequest:
    data = await json_object(request)
    operations = data.get("operations")
    if isinstance(operations, list) and len(operations) > MAX_BATCH:
        # Counted before the operations are validated one by one.
        raise ApiError(
            413, "batch_too_large", f"A push carries at most {MAX_BATCH} operations; send the rest in another batch",
            limit=MAX_BATCH, got=len(operations),
        )
    return await run_in_threadpool(validated, PushRequest, data)  # up to MAX_BATCH operations


async def _enroll_body(request: Request) -> EnrollRequest:
    return validated(EnrollRequest, await json_object(request))


PushBody = Annotated[PushRequest, Depends(_push_body)]
EnrollBody = Annotated[EnrollRequest, Depends(_enroll_body)]
