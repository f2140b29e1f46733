"""Who is asking: the device behind a bearer token, and what it may touch.

The server keeps only the SHA-256 of each device token. A token is looked
up by its hash, so a wrong one learns nothing from timing. A device only
ever writes rows of its own clinic: a batch naming another device, another
clinic or another clinic's record is refused before anything of it is
applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..protocol import Operation
from .enroll import token_hash
from .models import Device
from .scope import use_device


class ApiError(Exception):
    """A refused request: ``status`` and an ``ErrorBody`` with a stable ``code``."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None, **detail: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


def _unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, code, message, headers={"WWW-Authenticate": "Bearer"})


def authenticate(session: Session, token: str, now: datetime) -> Device:
    """Return the device holding ``token`` and note that it was seen (the caller commits).

    From here on ``session`` acts for that device (``scope.use_device``): on
    PostgreSQL its transactions see the device's clinic, and, when the
    device is revoked, only its own row.

    Raises:
        ApiError: 401 unauthorized (unknown token) or device_revoked.
    """
    digest = token_hash(token)
    use_device(session, digest)
    device = session.scalars(select(Device).where(Device.token_sha256 == digest)).one_or_none()
    if device is None:
        raise _unauthorized("unauthorized", "This device token is not known to this server; enroll the terminal again")
    if device.revoked_at is not None:
        raise _unauthorized(
            "device_revoked", "This terminal's enrollment was revoked; ask the owner for a new enrollment code"
        )
    device.last_seen_at = now
    return device


def check_operations(session: Session, device: Device, operations: Sequence[Operation]) -> None:
    """Refuse a batch that names another device or another clinic.

    A record's key includes its clinic, so an operation naming an id that
    another clinic also uses touches this clinic's record of that id only
    (another clinic's ids are not secret, and must not lock it out).

    Raises:
        ApiError: 403 foreign_device or foreign_clinic; nothing of the batch is applied.
    """
    for op in operations:
        if op.device_id != device.id:
            raise ApiError(403, "foreign_device", "An operation names another device than this token's", seq=op.seq)
        if op.clinic_id != device.chain_id:
            raise ApiError(403, "foreign_clinic", "An operation names another chain than this device's", seq=op.seq)
