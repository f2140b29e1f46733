"""The sync protocol: what terminals and the server say to each other.

Shared by the client and the server, so both sides validate the same
shapes. Version ``PROTOCOL_VERSION`` is sent with every request; a server
that cannot serve it answers 426 with ``ErrorBody(code="protocol_version")``
and applies nothing.

Endpoints (all JSON; all but ``/health``, ``/v1/enroll`` need
``Authorization: Bearer <device token>``):

- ``GET  /health`` → ``Health``
- ``POST /v1/enroll`` ``EnrollRequest`` → ``EnrollResponse``
- ``POST /v1/push`` ``PushRequest`` → ``PushResponse``
- ``GET  /v1/pull?after=<cursor>&limit=<n>`` → ``PullResponse``
- ``GET  /v1/images/<sha256>/upload`` → ``ImageState`` (how much of an upload the server holds)
- ``PUT  /v1/images/<sha256>/upload?offset=<n>&total=<n>`` (bytes) → ``ImageState``
- ``GET  /v1/images/<sha256>`` → the image's bytes (only of the device's own chain)
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-BNAura-Protocol"
MAX_BATCH = 500  # operations per push; larger batches get 413
MAX_PULL = 10_000  # changes per pull page (bench/RESULTS.md, "Bootstrap": fewer, larger local commits)
MAX_SKEW_MS = 5 * 60 * 1000  # a clock further ahead of the server's is bounded
MAX_INT64 = 2**63 - 1  # sequence numbers and cursors are 64-bit in both databases


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Operation(Strict):
    """One outbox row of a terminal, exactly as it wrote it (docs/sync-operations.md)."""

    device_id: str = Field(min_length=36, max_length=36)
    seq: int = Field(ge=1, le=MAX_INT64)
    op_id: str = Field(min_length=36, max_length=36)
    # The device's chain (the tenant). Named as in protocol v1, before chains:
    # outboxes written then carry it under this name, and a clinic's id is its
    # chain's, so the name stays and the value is the chain id.
    clinic_id: str = Field(min_length=36, max_length=36)
    type: str = Field(min_length=3, max_length=60)
    entity: str = Field(min_length=1, max_length=40)
    entity_id: str = Field(min_length=1, max_length=80)
    hlc: str = Field(min_length=21, max_length=80)
    actor_id: str | None = Field(default=None, max_length=36)
    payload: str = Field(max_length=1_000_000)  # canonical JSON text, hashed as is
    payload_sha256: str = Field(min_length=64, max_length=64)

    def hash_ok(self) -> bool:
        """Return whether ``payload_sha256`` is the hash of ``payload``."""
        return hashlib.sha256(self.payload.encode()).hexdigest() == self.payload_sha256


Outcome = Literal["applied", "duplicate", "rejected", "exception"]


class OpResult(Strict):
    """What the server did with one operation; the terminal keeps it."""

    seq: int
    outcome: Outcome
    reason: str = ""  # machine-readable: "gap", "illegal_move", "tombstoned", ...
    detail: dict[str, Any] = Field(default_factory=dict)


class PushRequest(Strict):
    protocol: int
    device_id: str = Field(min_length=36, max_length=36)
    operations: list[Operation] = Field(max_length=MAX_BATCH)


class PushResponse(Strict):
    results: list[OpResult]
    next_seq: int  # the next sequence number the server expects from this device


class Change(Strict):
    """The current state of one record after the change at ``cursor``."""

    cursor: int
    entity: str
    entity_id: str
    data: dict[str, Any]
    field_clocks: dict[str, str]
    hlc: str
    deleted: bool


class PullResponse(Strict):
    changes: list[Change]
    cursor: int  # pass as ``after`` next time
    more: bool
    # The clinic's newest cursor when the page was read: with ``cursor`` it
    # tells a bootstrapping terminal how far it has come (a progress bar).
    head: int = 0


class EnrollRequest(Strict):
    protocol: int
    code: str = Field(min_length=4, max_length=40)
    device_id: str = Field(min_length=36, max_length=36)
    device_name: str = Field(min_length=1, max_length=100)
    # The terminal's own branch when it is already set up (``bnaura init``):
    # the code must be one of that branch's. None for an empty terminal.
    branch_id: str | None = Field(default=None, min_length=36, max_length=36)


class EnrollResponse(Strict):
    """The device's token and where it now belongs: its chain and its branch."""

    device_id: str
    chain_id: str
    chain_name: str
    branch_id: str
    branch_name: str
    branch_no: str  # "00000" for the head office, printed on tax documents
    token: str
    next_seq: int


class Health(Strict):
    status: Literal["ok", "degraded"]
    database: bool
    protocol: int


class ImageState(Strict):
    """How much of the image ``sha256`` the server holds for the device's chain.

    ``complete``: the whole image, checked (its hash and that it is an
    image); else ``held`` bytes of an upload to resume at offset ``held``.
    """

    sha256: str = Field(min_length=64, max_length=64)
    held: int = Field(ge=0)
    complete: bool
    max_bytes: int = Field(ge=0)
    max_chunk: int = Field(ge=0)


class ErrorBody(Strict):
    """Every 4xx answer: a stable ``code`` for programs, a ``message`` for people."""

    code: str
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)
