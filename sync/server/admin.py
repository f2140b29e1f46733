"""What the owner manages on the server: chains, branches, enrollment codes, devices.

Functions take a session and never commit (the caller does, as the
command line does once per command). They work across chains, so on
PostgreSQL the session must be the tables' owner's (its policy shows every
row; ``roles.check_owner``): as the serving role they would see nothing.

A clinic of its own is a chain of one branch with the same id
(``add_clinic``): the embedded default and the demo stay one command.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bnaura_desk.domain.branch import HEAD_OFFICE, parse_branch_number
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.ids import uuid7

from .enroll import NewCode, create_code
from .models import Device, ServerBranch, ServerChain
from .seeded import seed_record


class AdminError(Exception):
    """An owner's command cannot be done; the message says why."""


def _canonical_uuid(text: str, what: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise AdminError(f"{text!r} is not a {what} id (a UUID such as 01a20a04-0726-77fe-a804-79cc647aa1ba)") from None


def _name(name: str, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise AdminError(f"a {what} needs a name")
    if len(name) > 200:
        raise AdminError(f"a {what}'s name has at most 200 characters")
    return name


def _id_taken(session: Session, wanted: str) -> bool:
    # Chain and branch ids share one space: a clinic of its own is both, with one id.
    return session.get(ServerChain, wanted) is not None or session.get(ServerBranch, wanted) is not None


def add_chain(session: Session, name: str, now: datetime, chain_id: str | None = None) -> ServerChain:
    """Add a chain with no branch yet (``add_branch`` adds them); its name reaches its terminals.

    Raises:
        AdminError: the name is empty or taken, or the id is not a UUID or taken.
    """
    name = _name(name, "chain")
    cid = _canonical_uuid(chain_id, "chain") if chain_id else uuid7()
    if session.scalar(select(ServerChain.id).where(ServerChain.name == name)) is not None:
        raise AdminError(f"there is already a chain named {name!r}")
    if session.get(ServerChain, cid) is not None:
        raise AdminError(f"there is already a chain with id {cid}")
    chain = ServerChain(id=cid, name=name, created_at=now, last_cursor=0)
    session.add(chain)
    session.flush()
    seed_record(session, chain, "chain", chain.id, {"name": name}, now)
    return chain


def add_branch(
    session: Session, chain: str, name: str, now: datetime, branch_id: str | None = None,
    branch_no: str | None = None,
) -> ServerBranch:
    """Add a branch to the chain named (or with the id) ``chain``.

    ``branch_id`` adopts a terminal set up offline with that id;
    ``branch_no`` is its number on tax documents (``1`` or ``00001``),
    by default the next free one (``00000``, the head office, for the
    first branch). The branch's name and number reach every terminal of
    the chain; its terminals complete its profile.

    Raises:
        AdminError: no such chain; the name or number is taken in the
            chain; the number is not up to five digits; the id is not a
            UUID or taken.
    """
    found = find_chain(session, chain)
    found = session.get(ServerChain, found.id, with_for_update=True) or found
    name = _name(name, "branch")
    bid = _canonical_uuid(branch_id, "branch") if branch_id else uuid7()
    if branch_no is None:
        numbers = session.scalars(select(ServerBranch.branch_no).where(ServerBranch.chain_id == found.id))
        number = str(max((int(n) + 1 for n in numbers), default=0)).zfill(5)
    else:
        try:
            number = parse_branch_number(branch_no)
        except BadInput:
            raise AdminError(
                f"{branch_no!r} is not a branch number: up to five digits, 00000 for the head office, "
                "00001 for branch 1"
            ) from None
    if session.scalar(select(ServerBranch.id).where(ServerBranch.chain_id == found.id, ServerBranch.name == name)):
        raise AdminError(f"{found.name!r} already has a branch named {name!r}")
    taken = session.scalar(
        select(ServerBranch.name).where(ServerBranch.chain_id == found.id, ServerBranch.branch_no == number)
    )
    if taken is not None:
        raise AdminError(f"branch number {number} of {found.name!r} is already {taken!r}")
    if _id_taken(session, bid) and bid != found.id:
        raise AdminError(f"there is already a chain or branch with id {bid}")
    if session.get(ServerBranch, bid) is not None:
        raise AdminError(f"there is already a branch with id {bid}")
    branch = ServerBranch(id=bid, chain_id=found.id, name=name, branch_no=number, created_at=now)
    session.add(branch)
    session.flush()
    seed_record(session, found, "branch", branch.id, {"name_th": name, "branch_code": number}, now)
    return branch


def add_clinic(session: Session, name: str, now: datetime, clinic_id: str | None = None) -> ServerChain:
    """Add a clinic of its own: a chain of one branch (the head office), both named ``name``, with one id.

    ``clinic_id`` adopts a terminal set up offline with that clinic id.

    Raises:
        AdminError: as ``add_chain``.
    """
    cid = _canonical_uuid(clinic_id, "clinic") if clinic_id else uuid7()
    if session.get(ServerBranch, cid) is not None:
        raise AdminError(f"there is already a branch with id {cid}")
    chain = add_chain(session, name, now, cid)
    add_branch(session, chain.id, chain.name, now, cid, HEAD_OFFICE)
    return chain


def list_chains(session: Session) -> list[ServerChain]:
    """Return every chain, by name."""
    return list(session.scalars(select(ServerChain).order_by(ServerChain.name)))


list_clinics = list_chains  # a clinic of its own is a chain


def find_chain(session: Session, name_or_id: str) -> ServerChain:
    """Return the chain with this name (or id).

    Raises:
        AdminError: no such chain.
    """
    wanted = " ".join(name_or_id.split())
    chain = session.scalar(select(ServerChain).where(ServerChain.name == wanted))
    if chain is None:
        chain = session.get(ServerChain, wanted)
    if chain is None:
        raise AdminError(f"there is no chain named {wanted!r} (see: bnaura server chains list)")
    return chain


find_clinic = find_chain


def list_branches(session: Session, chain: str | None = None) -> list[tuple[ServerChain, ServerBranch]]:
    """Return every branch (of the chain named ``chain``, if given) with its chain, by chain and number."""
    query = (
        select(ServerChain, ServerBranch).join(ServerBranch, ServerBranch.chain_id == ServerChain.id)
        .order_by(ServerChain.name, ServerBranch.branch_no)
    )
    if chain is not None:
        query = query.where(ServerChain.id == find_chain(session, chain).id)
    return [(c, b) for c, b in session.execute(query).all()]


def find_branch(session: Session, name_or_id: str, chain: str | None = None) -> ServerBranch:
    """Return the branch with this name (or id), in the chain named ``chain`` when given.

    Raises:
        AdminError: no such branch, or several chains have a branch of
            that name and no chain was given.
    """
    wanted = " ".join(name_or_id.split())
    query = select(ServerBranch).where(ServerBranch.name == wanted)
    if chain is not None:
        query = query.where(ServerBranch.chain_id == find_chain(session, chain).id)
    found = list(session.scalars(query.limit(2)))
    if len(found) > 1:
        raise AdminError(f"several chains have a branch named {wanted!r}: name the chain with --chain")
    if not found:
        by_id = session.get(ServerBranch, wanted)
        if by_id is not None and (chain is None or by_id.chain_id == find_chain(session, chain).id):
            return by_id
        raise AdminError(f"there is no branch named {wanted!r} (see: bnaura server branches list)")
    return found[0]


def new_enrollment_code(
    session: Session, branch: str, now: datetime, chain: str | None = None
) -> tuple[ServerBranch, NewCode]:
    """Make a one-time enrollment code for a terminal of the branch named (or with the id) ``branch``."""
    found = find_branch(session, branch, chain)
    return found, create_code(session, found, now)


def device_counts(session: Session) -> dict[str, int]:
    """Return the number of active devices of each branch (by branch id)."""
    active = select(Device.branch_id, func.count()).where(Device.revoked_at.is_(None)).group_by(Device.branch_id)
    return {bid: n for bid, n in session.execute(active).all()}


@dataclass(frozen=True)
class DeviceRow:
    """An enrolled device as ``bnaura server devices`` lists it."""

    id: str
    name: str
    chain: str
    branch: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    next_seq: int


def list_devices(session: Session) -> list[DeviceRow]:
    """Return every enrolled device, by chain name, branch number and enrollment time."""
    rows = session.execute(
        select(Device, ServerChain.name, ServerBranch.name)
        .join(ServerChain, ServerChain.id == Device.chain_id)
        .join(ServerBranch, ServerBranch.id == Device.branch_id)
        .order_by(ServerChain.name, ServerBranch.branch_no, Device.enrolled_at)
    ).all()
    return [
        DeviceRow(d.id, d.name, chain, branch, d.enrolled_at, d.last_seen_at, d.revoked_at, d.next_seq)
        for d, chain, branch in rows
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
