"""Chain settings a branch may override: marking a key per-branch, a branch's own value, the value in force."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import settings as rules
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.loyalty_program import LOYALTY_KEY, LoyaltyProgram
from ..domain.roles import Permission
from ..store.models import BranchSetting, Setting
from .context import ServiceContext, stamp_written


def per_branch_keys(session: Session, chain_id: str) -> frozenset[str]:
    """Return the setting keys the chain marked per-branch."""
    row = session.get(Setting, (chain_id, rules.PER_BRANCH_KEY))
    value = row.value if row is not None else None
    return frozenset(k for k in value if isinstance(k, str)) if isinstance(value, list) else frozenset()


def chain_setting(session: Session, chain_id: str, key: str) -> Any:
    """Return the chain's value of setting ``key`` (None when it has none)."""
    row = session.get(Setting, (chain_id, key))
    return None if row is None else row.value


def chain_settings(session: Session, chain_id: str, keys: Iterable[str]) -> dict[str, Any]:
    """Return the chain's values of the settings ``keys`` it has, by key, read in one query."""
    query = select(Setting.key, Setting.value).where(Setting.chain_id == chain_id, Setting.key.in_(list(keys)))
    return {key: value for key, value in session.execute(query)}


def branch_setting(session: Session, branch_id: str, key: str) -> Any:
    """Return ``branch_id``'s own value of setting ``key`` (None when it has none)."""
    row = session.get(BranchSetting, rules.branch_setting_id(branch_id, key))
    return None if row is None else row.value


def effective_setting(session: Session, chain_id: str, branch_id: str | None, key: str) -> Any:
    """Return the value of ``key`` in force at ``branch_id`` (None when neither has one).

    The branch's own value when the chain marked ``key`` per-branch and the
    branch has one; otherwise the chain's (a value left from when the key
    was marked does not count once it is unmarked).
    """
    if branch_id is not None and key in per_branch_keys(session, chain_id):
        own = branch_setting(session, branch_id, key)
        if own is not None:
            return own
    return chain_setting(session, chain_id, key)


def _put_chain_setting(ctx: ServiceContext, key: str, value: Any) -> None:
    """Write and journal the chain's value of ``key`` (the caller checked permission and value)."""
    stamp = ctx.tick()
    row = ctx.session.get(Setting, (ctx.chain_id, key))
    before = row.value if row else None
    if row is None:
        ctx.session.add(Setting(chain_id=ctx.chain_id, key=key, value=value, updated_at=ctx.now, hlc=stamp))
    else:
        row.value, row.updated_at, row.hlc = value, ctx.now, stamp
    ctx.journal(
        action="setting.set",
        entity=Kind.SETTING,
        entity_id=key,
        before=before,
        after=value,
        payload={"fields": {"value": value}},
        hlc=stamp,
    )
    # Settings have no screen of their own: those that show them listen to the chain.
    ctx.changes.add(Kind.CHAIN, ctx.chain_id)


def set_chain_setting(ctx: ServiceContext, key: str, value: Any) -> ChangeSet:
    """Set the chain's value of setting ``key`` (every branch's, unless it has its own).

    Raises:
        PermissionDenied: the actor may not change settings.
        BadInput: no such setting, or ``value`` is not valid for it; nothing is written.
    """
    ctx.require(Permission.CLINIC_SETTINGS)
    _put_chain_setting(ctx, key, rules.checked_value(key, value))
    return ctx.changes.build()


def mark_setting_per_branch(ctx: ServiceContext, key: str, per_branch: bool) -> ChangeSet:
    """Mark setting ``key`` per-branch (each branch may keep its own value) or chain-only again.

    Raises:
        PermissionDenied: the actor may not change the chain's settings.
        BadInput: ``key`` is not a setting a branch may override.
    """
    ctx.require(Permission.CLINIC_SETTINGS)
    rules.overridable(key)
    marked = per_branch_keys(ctx.session, ctx.chain_id)
    wanted = marked | {key} if per_branch else marked - {key}
    if wanted != marked:
        _put_chain_setting(ctx, rules.PER_BRANCH_KEY, sorted(wanted))
    return ctx.changes.build(result=key)


def set_branch_setting(ctx: ServiceContext, key: str, value: Any) -> ChangeSet:
    """Set this branch's own value of setting ``key``; ``None`` goes back to the chain's.

    Raises:
        PermissionDenied: the actor may not change settings.
        BadInput: the chain has not marked ``key`` per-branch, or ``value``
            is not a valid value of it; nothing is written.
    """
    ctx.require(Permission.CLINIC_SETTINGS)
    rules.overridable(key)
    if key not in per_branch_keys(ctx.session, ctx.chain_id):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "The setting {key} is chain-wide: mark it per-branch before a branch sets its own"
            ),
            field="key",
            key=key,
        )
    if value is not None:
        value = rules.checked_value(key, value)
    row_id = rules.branch_setting_id(ctx.branch_id, key)
    row = ctx.session.get(BranchSetting, row_id)
    before = None if row is None else row.value
    stamp = ctx.tick()
    written = {"branch_id": ctx.branch_id, "key": key, "value": value}
    if row is None:
        ctx.session.add(BranchSetting(
            id=row_id, chain_id=ctx.chain_id, **written, created_at=ctx.now, updated_at=ctx.now, hlc=stamp,
            field_clocks={},
        ))
    else:
        row.value = value
        stamp_written(row, list(written), stamp, ctx.now)
    ctx.journal(
        action="branch_setting.set",
        entity="branch_setting",
        entity_id=row_id,
        before=before,
        after=value,
        payload={"fields": written},
        hlc=stamp,
    )
    ctx.changes.add(Kind.CHAIN, ctx.chain_id)
    return ctx.changes.build(result=row_id)


def set_loyalty_program(ctx: ServiceContext, program: LoyaltyProgram) -> ChangeSet:
    """Set the chain's loyalty program: what earns points, the tiers and how members qualify.

    Applies to every branch from the next award on; points already
    earned stay as they are. Switching to rolling qualification lets tiers
    fall (at the end of the month), from the next daily run.

    Raises:
        PermissionDenied: the actor may not manage the loyalty program (managers may).
        BadInput: the program is not valid (``domain.loyalty_program.program_from``); nothing is written.
    """
    ctx.require(Permission.LOYALTY_MANAGE)
    _put_chain_setting(ctx, LOYALTY_KEY, rules.checked_value(LOYALTY_KEY, program.as_value()))
    return ctx.changes.build()


def write_chain_setting(ctx: ServiceContext, key: str, value: Any) -> Any:
    """Check and write the chain's value of ``key``; return the value stored.

    A building block of use cases that guard one setting with a permission
    of its own (a manager defining achievements), not a use case itself:
    the caller has checked who acts.

    Raises:
        BadInput: no such setting, or ``value`` is not valid for it; nothing is written.
    """
    stored = rules.checked_value(key, value)
    _put_chain_setting(ctx, key, stored)
    return stored
