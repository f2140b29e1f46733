"""The branch's schedule frame: its treatment rooms and its opening hours.

Rooms are the branch's own (``domain.synced.ROOM``); opening hours are the
branch profile's ``opening_hours`` (``domain.appointments.opening_hours_value``),
10:00 to 20:00 every day while a branch has none. Appointments book within
both (``services.appointments``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.appointments import OpeningHours, opening_hours, opening_hours_value
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.roles import Permission
from ..store.models import Branch, Room
from .context import ServiceContext, stamp_written

_NAME_MAX = 100


@dataclass(frozen=True)
class RoomCard:
    """A room as lists show it."""

    id: str
    name: str
    active: bool


def _checked_name(name: str, ctx: ServiceContext, except_id: str | None) -> str:
    text = " ".join(name.split())
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the room's name"), field="name")
    if len(text) > _NAME_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "At most {limit} characters"), field="name", limit=_NAME_MAX)
    same = ctx.session.scalars(select(Room.id).where(Room.branch_id == ctx.branch_id, Room.name == text)).all()
    if any(room_id != except_id for room_id in same):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This branch already has a room called {name}"), field="name",
                       name=text)
    return text


def create_room(ctx: ServiceContext, name: str) -> ChangeSet:
    """Add a treatment room to this terminal's branch; result is its id.

    Raises:
        PermissionDenied: the actor may not set the branch's rooms (managers may).
        BadInput: an empty name, one over 100 characters, or one another room of the branch has.
    """
    ctx.require(Permission.BRANCH_SCHEDULE)
    text = _checked_name(name, ctx, None)
    stamp = ctx.tick()
    room_id = uuid7()
    record: dict[str, Any] = {"branch_id": ctx.branch_id, "name": text, "active": True}
    row = Room(id=room_id, chain_id=ctx.chain_id, **record, created_at=ctx.now, updated_at=ctx.now, hlc=stamp)
    stamp_written(row, record, stamp, ctx.now)
    ctx.session.add(row)
    ctx.journal(action="room.create", entity=Kind.ROOM, entity_id=room_id, after=record,
                payload={"record": record}, hlc=stamp)
    return ctx.changes.build(result=room_id)


def update_room(ctx: ServiceContext, room_id: str, *, name: str | None = None, active: bool | None = None) -> ChangeSet:
    """Rename a room of this branch or take it out of (or back into) use; result is its id.

    A room out of use keeps its appointments; no new one books it.

    Raises:
        PermissionDenied: the actor may not set the branch's rooms.
        NotFound: no such room at this branch.
        BadInput: as ``create_room`` for the name.
    """
    ctx.require(Permission.BRANCH_SCHEDULE)
    room = ctx.session.get(Room, room_id)
    if room is None or room.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This room is not one of this branch's"))
    wanted: dict[str, Any] = {}
    if name is not None:
        wanted["name"] = _checked_name(name, ctx, room_id)
    if active is not None:
        wanted["active"] = bool(active)
    changed = {k: v for k, v in wanted.items() if getattr(room, k) != v}
    if not changed:
        return ctx.changes.build(result=room_id)
    before = {k: getattr(room, k) for k in changed}
    stamp = ctx.tick()
    for k, v in changed.items():
        setattr(room, k, v)
    stamp_written(room, changed, stamp, ctx.now)
    ctx.journal(action="room.update", entity=Kind.ROOM, entity_id=room_id, before=before, after=changed,
                payload={"fields": changed}, hlc=stamp)
    return ctx.changes.build(result=room_id)


def list_rooms(session: Session, branch_id: str, *, include_inactive: bool = False) -> list[RoomCard]:
    """Return the rooms of ``branch_id`` by name (those in use only, unless asked)."""
    query = select(Room).where(Room.branch_id == branch_id)
    if not include_inactive:
        query = query.where(Room.active.is_(True))
    return [RoomCard(r.id, r.name, r.active) for r in session.scalars(query.order_by(Room.name, Room.id))]


def branch_hours(session: Session, branch_id: str) -> OpeningHours:
    """Return the opening hours of ``branch_id`` (the defaults when it has none, or is unknown here)."""
    branch = session.get(Branch, branch_id)
    return opening_hours(branch.opening_hours if branch is not None else None)


def set_opening_hours(ctx: ServiceContext, value: Any) -> ChangeSet:
    """Set this terminal's branch's opening hours (``{"mon": ["10:00", "20:00"], ...}``, a day left out: closed).

    None clears them (10:00 to 20:00 every day). Journaled as ``branch.update``.

    Raises:
        PermissionDenied: the actor may not set the branch's opening hours (managers may).
        BadInput: the value is not opening hours (``domain.appointments.opening_hours_value``).
    """
    ctx.require(Permission.BRANCH_SCHEDULE)
    stored = None if value is None else opening_hours_value(value)
    branch = ctx.session.get(Branch, ctx.branch_id)
    if branch is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This branch is not known on this terminal yet"))
    if branch.opening_hours == stored:
        return ctx.changes.build(result=branch.id)
    before = {"opening_hours": branch.opening_hours}
    stamp = ctx.tick()
    branch.opening_hours = stored
    stamp_written(branch, ["opening_hours"], stamp, ctx.now)
    changed = {"opening_hours": stored}
    ctx.journal(action="branch.update", entity=Kind.BRANCH, entity_id=branch.id, before=before, after=changed,
                payload={"fields": changed}, hlc=stamp)
    return ctx.changes.build(result=branch.id)
