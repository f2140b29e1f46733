"""What the owner manages on the server: clinics, enrollment codes, devices.

Functions take a session and never commit (the caller does, as the
command line does once per command). They work across clinics, so on
PostgreSQL the session must be the tables' owner's (its policy shows every
row; ``roles.check_owner``): as the serving role they would see nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.ids import uuid7

from .enroll import NewCode, create_code
from .models import Device, ServerClinic


class AdminError(Exception):
    """An owner's command cannot be done; the message says why."""


def _canonical_uuid(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise AdminError(f"{text!r} is not a clinic id (a UUID such as 01a20a04-0726-77fe-a804-79cc647aa1ba)") from None


def add_clinic(session: Session, name: str, now: datetime, clinic_id: str | None = None) -> ServerClinic:
    """Add a clinic; ``clinic_id`` adopts a terminal set up offline with that clinic id.

    Raises:
        AdminError: the name is empty or taken, or the id is not a UUID or taken.
    """
    name = " ".join(name.split())
    if not name:
        raise AdminError("a clinic needs a name")
    if len(name) > 200:
        raise AdminError("a clinic's name has at most 200 characters")
    cid = _canonical_uuid(clinic_id) if clinic_id else uuid7()
    if session.scalar(select(ServerClinic.id).where(ServerClinic.name == name)) is not None:
        raise AdminError(f"there is already a clinic named {name!r}")
    if session.get(ServerClinic, cid) is not None:
        raise AdminError(f"there is already a clinic with id {cid}")
    clinic = ServerClinic(id=cid, name=name, created_at=now, last_cursor=0)
    session.add(clinic)
    session.flush()
    return clinic


def list_clinics(session: Session) -> list[ServerClinic]:
    """Return every clinic, by name."""
    return list(session.scalars(select(ServerClinic).order_by(ServerClinic.name)))


def find_clinic(session: Session, name_or_id: str) -> ServerClinic:
    """Return the clinic with this name (or id).

    Raises:
        AdminError: no such clinic.
    """
    wanted = " ".join(name_or_id.split())
    clinic = session.scalar(select(ServerClinic).where(ServerClinic.name == wanted))
    if clinic is None:
        clinic = session.get(ServerClinic, wanted)
    if clinic is None:
        raise AdminError(f"there is no clinic named {wanted!r} (see: bnaura server clinics list)")
    return clinic


def new_enrollment_code(session: Session, clinic: str, now: datetime) -> tuple[ServerClinic, NewCode]:
    """Make a one-time enrollment code for the clinic named ``clinic``."""
    found = find_clinic(session, clinic)
    return found, create_code(session, found.id, now)


@dataclass(frozen=True)
class DeviceRow:
    """An enrolled device as ``bnaura server devices`` lists it."""

    id: str
    name: str
    clinic: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    next_seq: int


def list_devices(session: Session) -> list[DeviceRow]:
    """Return every enrolled device, by clinic name and enrollment time."""
    rows = session.execute(
        select(Device, ServerClinic.name)
        .join(ServerClinic, ServerClinic.id == Device.clinic_id)
        .order_by(ServerClinic.name, Device.enrolled_at)
    )
    return [
        DeviceRow(d.id, d.name, clinic, d.enrolled_at, d.last_seen_at, d.revoked_at, d.next_seq)
        for d, clinic in rows
    ]


def revoke_device(session: Session, device_id: str, now: datetime) -> Device:
    """Revoke a device: its token is refused from the next request on.

    Raises:
        AdminError: no such device, or already revoked.
    """
    device = session.get(Device, device_id.strip(), with_for_update=True)
    if device is None:
        raise AdminError(f"there is no device {device_id!r} (see: bnaura server devices)")
    if device.revoked_at is not None:
        raise AdminError(f"device {device.id} was already revoked")
    device.revoked_at = now
    return device
