"""The requests of the sync protocol and how their answers are read, for either client.

A ``Call`` says what to send (method, path, JSON body or query) and how to
read the body of a successful answer into its model. ``SyncClient`` sends
one and blocks (``http``), ``AsyncSyncClient`` awaits it (``async_http``);
both turn a refusal into the same typed error (``http.refusal``) and a
request that got no answer into ``http.unreachable``. So each endpoint is
described once, and steps that need the server in both worlds (enrolling a
terminal, ``enroll.enrollment``) are written once over ``Call``s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from bnaura_desk.store.fast_insert import collector_paused as collector_paused  # noqa: PLC0414

from ..protocol import (
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    Health,
    ImageState,
    Operation,
    PullResponse,
    PushRequest,
    PushResponse,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request of the protocol.

    Attributes:
        method, path: e.g. ``"POST"``, ``"/v1/push"`` (relative to the server's URL).
        read: the body of a successful (2xx) answer, as bytes, to its model.
        json: the request's JSON body, if it has one.
        params: its query parameters, if it has any.
        content: its raw body (bytes), if it has one.
    """

    method: Literal["GET", "POST", "PUT"]
    path: str
    read: Callable[[bytes], T]
    json: dict[str, Any] | None = None
    params: dict[str, int] | None = None
    content: bytes | None = None  # a raw body (an image's chunk), instead of ``json``


def health() -> Call[Health]:
    """The server's health and protocol version."""
    return Call("GET", "/health", Health.model_validate_json)


def enroll(code: str, device_id: str, device_name: str, branch_id: str | None) -> Call[EnrollResponse]:
    """Trade a one-time code for this device's token (``branch_id``: the terminal's own branch, if set up)."""
    request = EnrollRequest(
        protocol=PROTOCOL_VERSION, code=code, device_id=device_id, device_name=device_name, branch_id=branch_id
    )
    return Call("POST", "/v1/enroll", EnrollResponse.model_validate_json, json=request.model_dump())


def push(device_id: str, operations: list[Operation]) -> Call[PushResponse]:
    """Send operations in seq order; the server applies each exactly once."""
    request = PushRequest(protocol=PROTOCOL_VERSION, device_id=device_id, operations=operations)
    return Call("POST", "/v1/push", PushResponse.model_validate_json, json=request.model_dump())


def pull(after: int, limit: int) -> Call[PullResponse]:
    """The clinic's changes after cursor ``after`` (one page of at most ``limit``)."""
    return Call("GET", "/v1/pull", read_page, params={"after": after, "limit": limit})


def image_state(sha256: str) -> Call[ImageState]:
    """How much of the image ``sha256`` the server holds for this chain (an upload resumes there)."""
    return Call("GET", f"/v1/images/{sha256}/upload", ImageState.model_validate_json)


def put_image_chunk(sha256: str, offset: int, total: int, chunk: bytes) -> Call[ImageState]:
    """Send ``chunk`` of the image ``sha256`` (``total`` bytes in all) from ``offset``."""
    return Call("PUT", f"/v1/images/{sha256}/upload", ImageState.model_validate_json,
                params={"offset": offset, "total": total}, content=chunk)


def _raw(body: bytes) -> bytes:
    return body


def get_image(sha256: str) -> Call[bytes]:
    """The bytes of the image ``sha256`` of this chain."""
    return Call("GET", f"/v1/images/{sha256}", _raw)


_LARGE_ANSWER = 1 << 20  # bytes: a pulled page of a bootstrap, not a round's few changes


def read_page(body: bytes) -> PullResponse:
    """Return a pulled page read straight from the answer's bytes.

    No intermediate dicts and lists (faster than ``json.loads`` then
    ``model_validate``, and less memory at the peak). A large page is read
    with the cyclic garbage collector paused (``collector_paused``).
    """
    if len(body) < _LARGE_ANSWER:
        return PullResponse.model_validate_json(body)
    with collector_paused():
        return PullResponse.model_validate_json(body)


