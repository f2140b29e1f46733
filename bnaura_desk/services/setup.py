"""Setting up a new terminal: the clinic, this device, the first owner."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..domain.changes import Kind
from ..domain.ids import uuid7
from ..domain.referral import new_device_tag
from ..store.engine import open_engine
from ..store.models import Branch, Chain, DeviceState
from .context import SYSTEM, ServiceContext

if TYPE_CHECKING:
    from ..store.migrate import UpgradeReport


def init_database(path: Path, *, backup_dir: Path | None = None) -> UpgradeReport:
    """Create the database at ``path`` or upgrade it to this app's schema.

    An existing database is backed up before any migration. Raises
    ``DatabaseProblem`` for a file that is not SQLite, is in use, or was
    written by a newer app; nothing is changed then.
    """
    # Alembic only when migrating: the app's start-up checks the revision without it.
    from ..store.migrate import upgrade

    db = open_engine(Path(path))
    try:
        return upgrade(db.engine, db.path, backup_dir=backup_dir)
    finally:
        db.close()


def is_set_up(session: Session) -> bool:
    """Return whether this database already has its clinic and device."""
    return session.execute(select(DeviceState.device_id)).first() is not None


def is_set_up_at(path: Path) -> bool:
    """Return whether the database file at ``path`` already has its clinic and device.

    A missing or empty file, or one whose schema is not made yet, is not set
    up. Opening takes the writer lock briefly (call it before the app opens
    the terminal).
    """
    if not path.exists() or path.stat().st_size == 0:
        return False
    db = open_engine(path)
    try:
        with Session(db.engine) as session:
            return is_set_up(session)
    except DBAPIError:  # no device table yet
        return False
    finally:
        db.close()


def create_clinic_and_device(
    session: Session, *, clinic_name: str, device_name: str, now: datetime, clinic_name_en: str = ""
) -> ServiceContext:
    """Create a new clinic and this device's row; return a context to journal with.

    A new clinic is a chain of one branch, both with the same id (the
    branch number 00000, the head office). The caller commits. The
    branch's creation is journaled like any change, so the server learns
    of a clinic set up offline; the chain's row is the server's to write
    (its name is the clinic's until the server says otherwise).
    """
    chain_id, device_id = uuid7(), uuid7()
    device = DeviceState(
        device_id=device_id,
        chain_id=chain_id,
        branch_id=chain_id,
        device_name=device_name,
        last_seq=0,
        last_hlc="",
        referral_tag=new_device_tag(),
        referral_counter=0,
        created_at=now,
    )
    ctx = ServiceContext(session=session, device=device, actor=SYSTEM, now=now)
    stamp = ctx.tick()
    session.add(Chain(id=chain_id, name=clinic_name, created_at=now, updated_at=now, hlc="", field_clocks={}))
    session.flush()
    branch = Branch(
        id=chain_id,
        chain_id=chain_id,
        name_th=clinic_name,
        name_en=clinic_name_en,
        tax_id="",
        branch_code="00000",
        address="",
        phone="",
        created_at=now,
        updated_at=now,
        hlc=stamp,
        field_clocks={},
    )
    session.add(branch)
    session.flush()
    session.add(device)
    session.flush()
    record = {
        "id": chain_id, "name_th": branch.name_th, "name_en": branch.name_en, "tax_id": branch.tax_id,
        "branch_code": branch.branch_code, "address": branch.address, "phone": branch.phone,
        "opening_hours": None,
    }
    ctx.journal(
        action="branch.create",
        entity=Kind.BRANCH,
        entity_id=chain_id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    return ctx
