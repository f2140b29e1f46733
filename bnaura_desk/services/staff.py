"""Staff, PINs, sign-in with lockout, and manager overrides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import settings as settings_rules
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    AccountLocked,
    BadInput,
    NotFound,
    PermissionDenied,
    WrongPin,
)
from ..domain.ids import uuid7
from ..domain.pins import LockoutPolicy, validate_new_pin
from ..domain.roles import OVERRIDE_ROLES, PERMISSION_LABELS, Permission, Role, may
from ..store.models import Branch, PinAttempts, Staff
from . import settings
from .context import Actor, CommitThenRaise, Override, ServiceContext, stamp_written

# argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()

LOCKOUT_KEY = settings_rules.LOCKOUT_KEY


def hash_pin(pin: str) -> str:
    """Return the argon2id hash of ``pin``."""
    return _hasher.hash(pin)


def _pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class StaffCard:
    """One staff member as the sign-in screen and staff list show them."""

    id: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    # The branches the member may sign in at; empty: every branch.
    branch_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class BranchCard:
    """One branch of the chain, as the staff editor lists it."""

    id: str
    name_th: str
    name_en: str
    branch_code: str


def lockout_policy(session: Session, chain_id: str, branch_id: str | None = None) -> LockoutPolicy:
    """Return the PIN lockout policy in force (defaults: 5 wrong PINs, 15 minutes).

    At ``branch_id``: its own policy when the chain marked the policy
    per-branch and the branch set one; otherwise the chain's.
    """
    value = settings.effective_setting(session, chain_id, branch_id, LOCKOUT_KEY)
    if value is None:
        return LockoutPolicy()
    return LockoutPolicy(int(value["max_failures"]), int(value["lock_minutes"]))


def _validate_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the staff member's name"), field="display_name")
    if len(name) > 120:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A name may have at most {limit} characters"),
            field="display_name",
            limit=120,
        )
    return name


def _staff(ctx: ServiceContext, staff_id: str) -> Staff:
    row = ctx.session.get(Staff, staff_id)
    if row is None or row.deleted_at is not None or row.chain_id != ctx.chain_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This staff member no longer exists"))
    return row


def _guard_owner_role(ctx: ServiceContext, role: Role) -> None:
    # Only an owner may make another owner: a manager cannot promote themselves.
    if role is Role.OWNER and ctx.actor is not None and ctx.actor.role is not Role.OWNER:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "Only an owner may give the owner role"),
            action="owner",
            permission=str(Permission.STAFF_MANAGE),
        )


def create_staff(ctx: ServiceContext, display_name: str, role: Role, pin: str) -> ChangeSet:
    """Add a staff member; result is the new id.

    Raises:
        PermissionDenied: the actor may not manage staff (or make an owner).
        BadInput: empty name, or a PIN that is not 4-6 digits or too easy.
    """
    ctx.require(Permission.STAFF_MANAGE)
    role = Role(role)
    _guard_owner_role(ctx, role)
    name = _validate_name(display_name)
    pin_hash = hash_pin(validate_new_pin(pin))
    stamp = ctx.tick()
    staff = Staff(
        id=uuid7(),
        chain_id=ctx.chain_id,
        display_name=name,
        role=str(role),
        pin_hash=pin_hash,
        active=True,
        branch_ids=[],
        created_at=ctx.now,
        updated_at=ctx.now,
        hlc=stamp,
        field_clocks={},
    )
    ctx.session.add(staff)
    record = {"display_name": name, "role": str(role), "active": True, "branch_ids": []}
    ctx.journal(
        action="staff.create",
        entity=Kind.STAFF,
        entity_id=staff.id,
        after=record,
        payload={"record": {**record, "pin_hash": pin_hash}},
        hlc=stamp,
    )
    return ctx.changes.build(result=staff.id)


def update_staff(
    ctx: ServiceContext,
    staff_id: str,
    *,
    display_name: str | None = None,
    role: Role | None = None,
    active: bool | None = None,
) -> ChangeSet:
    """Change a staff member's name, role or active flag (only what is given)."""
    ctx.require(Permission.STAFF_MANAGE)
    staff = _staff(ctx, staff_id)
    wanted: dict[str, object] = {}
    if display_name is not None:
        wanted["display_name"] = _validate_name(display_name)
    if role is not None:
        _guard_owner_role(ctx, Role(role))
        wanted["role"] = str(Role(role))
    if active is not None:
        if not active and ctx.actor is not None and ctx.actor.staff_id == staff_id:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "You cannot deactivate yourself"), field="active")
        wanted["active"] = active
    changed = {k: v for k, v in wanted.items() if getattr(staff, k) != v}
    if not changed:
        return ctx.changes.build(result=staff_id)
    before = {k: getattr(staff, k) for k in changed}
    stamp = ctx.tick()
    for k, v in changed.items():
        setattr(staff, k, v)
    stamp_written(staff, changed, stamp, ctx.now)
    ctx.journal(
        action="staff.update",
        entity=Kind.STAFF,
        entity_id=staff_id,
        before=before,
        after=changed,
        payload={"fields": changed},
        hlc=stamp,
    )
    return ctx.changes.build(result=staff_id)


def set_staff_branches(ctx: ServiceContext, staff_id: str, branch_ids: Sequence[str]) -> ChangeSet:
    """Set the branches a staff member may sign in at (empty: every branch); manager only.

    Raises:
        PermissionDenied: the actor may not manage staff.
        NotFound: the member was deleted.
        BadInput: an id that is not a branch of this chain; nothing is written.
    """
    ctx.require(Permission.STAFF_MANAGE)
    staff = _staff(ctx, staff_id)
    wanted = sorted(set(branch_ids))
    known = set(
        ctx.session.scalars(
            select(Branch.id).where(Branch.id.in_(wanted), Branch.chain_id == ctx.chain_id, Branch.deleted_at.is_(None))
        )
    )
    if unknown := [b for b in wanted if b not in known]:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "This chain has no branch {branch}"), field="branch_ids", branch=unknown[0]
        )
    if wanted == sorted(staff.branch_ids):
        return ctx.changes.build(result=staff_id)
    before = {"branch_ids": list(staff.branch_ids)}
    stamp = ctx.tick()
    staff.branch_ids = wanted
    stamp_written(staff, ["branch_ids"], stamp, ctx.now)
    changed = {"branch_ids": wanted}
    ctx.journal(
        action="staff.update",
        entity=Kind.STAFF,
        entity_id=staff_id,
        before=before,
        after=changed,
        payload={"fields": changed},
        hlc=stamp,
    )
    return ctx.changes.build(result=staff_id)


def list_branches(session: Session) -> list[BranchCard]:
    """Return the chain's branches this terminal knows, by branch number."""
    rows = session.execute(
        select(Branch).where(Branch.deleted_at.is_(None)).order_by(Branch.branch_code, Branch.name_th)
    ).scalars()
    return [BranchCard(b.id, b.name_th, b.name_en, b.branch_code) for b in rows]


def set_pin(ctx: ServiceContext, staff_id: str, new_pin: str) -> ChangeSet:
    """Set a staff member's PIN: their own, or anyone's for a staff manager.

    Also clears any lock on this terminal. The audit entry never holds the PIN.
    """
    if ctx.actor is None or ctx.actor.staff_id != staff_id:
        ctx.require(Permission.STAFF_MANAGE)
    staff = _staff(ctx, staff_id)
    pin_hash = hash_pin(validate_new_pin(new_pin))
    stamp = ctx.tick()
    staff.pin_hash = pin_hash
    stamp_written(staff, ["pin_hash"], stamp, ctx.now)
    attempts = ctx.session.get(PinAttempts, staff_id)
    if attempts is not None:
        attempts.failures, attempts.locked_until = 0, None
    ctx.journal(
        action="staff.set_pin",
        entity=Kind.STAFF,
        entity_id=staff_id,
        after={"pin": "changed"},
        payload={"fields": {"pin_hash": pin_hash}},
        hlc=stamp,
    )
    return ctx.changes.build(result=staff_id)


def _check_pin(ctx: ServiceContext, staff: Staff, pin: str, purpose: str) -> None:
    """Verify ``pin`` for ``staff`` against the lockout policy.

    A wrong PIN is counted and audited (committed even though the call
    fails); the fifth locks the account. A locked account is refused
    without looking at the PIN.
    """
    policy = lockout_policy(ctx.session, ctx.chain_id, ctx.branch_id)
    attempts = ctx.session.get(PinAttempts, staff.id)
    if attempts is None:
        attempts = PinAttempts(staff_id=staff.id, failures=0)
        ctx.session.add(attempts)
    if attempts.locked_until is not None and attempts.locked_until > ctx.now:
        minutes = max(1, int((attempts.locked_until - ctx.now).total_seconds() + 59) // 60)
        raise AccountLocked(
            QT_TRANSLATE_NOOP(
                "errors", "Too many wrong PINs: {name} is locked for {minutes} more minutes"
            ),
            name=staff.display_name,
            minutes=minutes,
        )
    if not staff.active:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{name} is no longer active"),
            name=staff.display_name,
            permission="",
        )
    if _pin_matches(staff.pin_hash, pin):
        if attempts.failures or attempts.locked_until:
            attempts.failures, attempts.locked_until = 0, None
        return
    attempts.failures = (0 if attempts.locked_until else attempts.failures) + 1
    attempts.last_failure_at = ctx.now
    attempts.locked_until = policy.lock_until(attempts.failures, ctx.now)
    ctx.journal(
        action="staff.pin_failed",
        entity=Kind.STAFF,
        entity_id=staff.id,
        after={"purpose": purpose, "failures": attempts.failures},
    )
    if attempts.locked_until is not None:
        ctx.journal(
            action="staff.locked",
            entity=Kind.STAFF,
            entity_id=staff.id,
            after={"until": attempts.locked_until.isoformat(), "failures": attempts.failures},
        )
        attempts.failures = 0  # the next round of five starts after the lock
        raise CommitThenRaise(
            AccountLocked(
                QT_TRANSLATE_NOOP(
                    "errors", "Too many wrong PINs: {name} is locked for {minutes} more minutes"
                ),
                name=staff.display_name,
                minutes=policy.lock_minutes,
            )
        )
    left = policy.max_failures - attempts.failures
    raise CommitThenRaise(
        WrongPin(
            QT_TRANSLATE_NOOP("errors", "Wrong PIN; {left} tries left before the account is locked"),
            field="pin",
            left=left,
        )
    )


def _check_branch(ctx: ServiceContext, staff: Staff, purpose: str) -> None:
    """Refuse a member who may not sign in at this terminal's branch, before looking at the PIN.

    The refusal is audited (committed although the call fails); nothing else
    is written, and no PIN attempt is counted.
    """
    if not staff.branch_ids or ctx.branch_id in staff.branch_ids:
        return
    ctx.journal(
        action="staff.branch_refused",
        entity=Kind.STAFF,
        entity_id=staff.id,
        after={"purpose": purpose, "branch_id": ctx.branch_id},
    )
    raise CommitThenRaise(
        BadInput(
            QT_TRANSLATE_NOOP("errors", "{name} may not sign in at this branch; ask a manager"),
            field="branch",
            name=staff.display_name,
        )
    )


def sign_in(ctx: ServiceContext, staff_id: str, pin: str) -> ChangeSet:
    """Check a staff member's PIN; result is their ``Actor``.

    Raises:
        BadInput: the member may not sign in at this branch (``field``
            "branch"; audited, nothing else written).
        WrongPin: the PIN does not match (the failure is recorded).
        AccountLocked: locked by earlier wrong PINs, or by this one.
        PermissionDenied: the account is deactivated.
    """
    staff = _staff(ctx, staff_id)
    _check_branch(ctx, staff, "sign_in")
    _check_pin(ctx, staff, pin, "sign_in")
    actor = Actor(staff.id, staff.display_name, Role(staff.role))
    ctx.actor = actor
    ctx.journal(action="staff.sign_in", entity=Kind.STAFF, entity_id=staff.id)
    return ctx.changes.build(result=actor)


def authorize_override(ctx: ServiceContext, staff_id: str, pin: str, permission: Permission) -> ChangeSet:
    """A manager authorises one action of the signed-in user; result is an ``Override``.

    Raises:
        PermissionDenied: the authoriser is not a manager or owner, or their
            role does not hold ``permission`` themselves.
        BadInput, WrongPin, AccountLocked: as for sign-in, on the authoriser.
    """
    staff = _staff(ctx, staff_id)
    _check_branch(ctx, staff, "override")
    _check_pin(ctx, staff, pin, "override")
    role = Role(staff.role)
    if role not in OVERRIDE_ROLES or not may(role, permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{name} may not authorise: {action}"),
            name=staff.display_name,
            action=PERMISSION_LABELS[permission],
            permission=str(permission),
        )
    authorizer = Actor(staff.id, staff.display_name, role)
    ctx.journal(
        action="staff.override_granted",
        entity=Kind.STAFF,
        entity_id=staff.id,
        after={"permission": str(permission), "for": ctx.actor_id},
    )
    return ctx.changes.build(result=Override(authorizer, permission, ctx.now))


def unlock_staff(ctx: ServiceContext, staff_id: str) -> ChangeSet:
    """Lift a PIN lock on this terminal (manager)."""
    ctx.require(Permission.STAFF_MANAGE)
    _staff(ctx, staff_id)
    attempts = ctx.session.get(PinAttempts, staff_id)
    if attempts is not None:
        attempts.failures, attempts.locked_until = 0, None
    ctx.journal(action="staff.unlocked", entity=Kind.STAFF, entity_id=staff_id)
    return ctx.changes.build(result=staff_id)


def set_lockout_policy(
    ctx: ServiceContext, max_failures: int, lock_minutes: int, *, this_branch_only: bool = False
) -> ChangeSet:
    """Change how many wrong PINs lock an account and for how long.

    For the whole chain, or with ``this_branch_only`` for this branch alone
    (the chain must have marked the policy per-branch).

    Raises:
        PermissionDenied: the actor may not change settings.
        BadInput: out of bounds, or this branch may not have its own policy.
    """
    ctx.require(Permission.CLINIC_SETTINGS)
    value = settings_rules.lockout_value({"max_failures": max_failures, "lock_minutes": lock_minutes})
    if this_branch_only:
        return settings.set_branch_setting(ctx, LOCKOUT_KEY, value)
    return settings.set_chain_setting(ctx, LOCKOUT_KEY, value)


def list_staff(session: Session, *, include_inactive: bool = False) -> list[StaffCard]:
    """Return staff for the sign-in screen, by name; with their lock state."""
    query = select(Staff, PinAttempts.locked_until).outerjoin(PinAttempts, PinAttempts.staff_id == Staff.id)
    query = query.where(Staff.deleted_at.is_(None))
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    rows = session.execute(query.order_by(Staff.display_name)).all()
    return [
        StaffCard(s.id, s.display_name, Role(s.role), s.active, locked, tuple(s.branch_ids)) for s, locked in rows
    ]
