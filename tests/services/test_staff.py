"""Staff: permissions checked in services, PIN lockout, manager overrides."""

from __future__ import annotations

import json
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import AccountLocked, BadInput, NotFound, PermissionDenied, WrongPin
from bnaura_desk.domain.roles import ROLE_PERMISSIONS, Permission, Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as svc
from bnaura_desk.services.context import Actor, Override, ServiceContext
from bnaura_desk.store.models import AuditEntry, OutboxOperation, PinAttempts, Staff
from bnaura_desk.terminal import Terminal
from tests.conftest import PINS, Staffed

WRONG = "8642"


def _counts(t: Terminal) -> tuple[int, int, int]:
    return t.read(
        lambda s: tuple(
            s.execute(select(func.count()).select_from(m)).scalar_one() for m in (AuditEntry, OutboxOperation, Staff)
        )
    )


def _actions(t: Terminal, entity_id: str) -> list[str]:
    return t.read(
        lambda s: list(
            s.execute(
                select(AuditEntry.action).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.at, AuditEntry.id)
            ).scalars()
        )
    )


def _sign_in(s: Staffed, who: Actor, pin: str) -> ChangeSet:
    return s.terminal.run(svc.sign_in, who.staff_id, pin, actor=None)


def _customer(s: Staffed) -> str:
    return s.terminal.run(
        customer_service.register_customer, CustomerForm(name_th="สมหญิง", phone="0812345678"), actor=s.front_desk
    ).result


# ------------------------------------------------------------------ permissions


def _probe(permission: Permission):  # type: ignore[no-untyped-def]
    def use_case(ctx: ServiceContext) -> ChangeSet:
        ctx.require(permission)
        return ctx.changes.build(result="allowed")

    return use_case


@pytest.mark.parametrize("role", list(Role))
def test_services_enforce_the_role_matrix(staffed: Staffed, role: Role) -> None:
    actor = getattr(staffed, {Role.FRONT_DESK: "front_desk"}.get(role, str(role)))
    for permission in Permission:
        if permission in ROLE_PERMISSIONS[role]:
            assert staffed.terminal.run(_probe(permission), actor=actor).result == "allowed"
        else:
            with pytest.raises(PermissionDenied) as err:
                staffed.terminal.run(_probe(permission), actor=actor)
            assert err.value.params["permission"] == str(permission)
            assert "ask a manager" in str(err.value)


def test_the_matrix_itself() -> None:
    m = ROLE_PERMISSIONS
    assert Permission.SALE_REFUND not in m[Role.BEAUTICIAN]
    assert Permission.CUSTOMER_EDIT not in m[Role.BEAUTICIAN]
    assert Permission.CUSTOMER_CHECK_IN in m[Role.BEAUTICIAN]
    assert Permission.CUSTOMER_DELETE not in m[Role.FRONT_DESK] | m[Role.SALES]
    assert Permission.SALE_REFUND not in m[Role.FRONT_DESK]  # refunds need a manager's PIN
    assert Permission.STAFF_MANAGE in m[Role.MANAGER] and Permission.CLINIC_SETTINGS not in m[Role.MANAGER]
    assert m[Role.OWNER] == frozenset(Permission)
    assert all(Permission.CUSTOMER_VIEW in perms for perms in m.values())


def test_a_beautician_asking_for_a_refund_gets_a_clear_refusal(staffed: Staffed) -> None:
    with pytest.raises(PermissionDenied, match="You may not refund a sale; ask a manager to authorise it"):
        staffed.terminal.run(_probe(Permission.SALE_REFUND), actor=staffed.beautician)


@pytest.mark.parametrize("who", ["front_desk", "sales", "beautician"])
def test_only_managers_create_staff(staffed: Staffed, who: str) -> None:
    t = staffed.terminal
    before = _counts(t)
    with pytest.raises(PermissionDenied, match="manage staff"):
        t.run(svc.create_staff, "ใหม่", Role.FRONT_DESK, "5821", actor=getattr(staffed, who))
    assert _counts(t) == before


def test_a_manager_cannot_make_an_owner(staffed: Staffed) -> None:
    t = staffed.terminal
    before = _counts(t)
    with pytest.raises(PermissionDenied, match="owner"):
        t.run(svc.create_staff, "ใหม่", Role.OWNER, "5821", actor=staffed.manager)
    with pytest.raises(PermissionDenied, match="owner"):
        t.run(svc.update_staff, staffed.manager.staff_id, role=Role.OWNER, actor=staffed.manager)
    assert _counts(t) == before
    assert t.run(svc.create_staff, "หุ้นส่วน", Role.OWNER, "5821", actor=staffed.owner).result


def test_create_staff_journals_without_the_pin(staffed: Staffed) -> None:
    t = staffed.terminal
    sid = t.run(svc.create_staff, " น้อง  ใหม่ ", Role.SALES, "5821", actor=staffed.manager).result
    row = t.read(lambda s: s.get(Staff, sid))
    assert row.display_name == "น้อง ใหม่" and row.role == "sales" and row.active
    op = t.read(lambda s: s.execute(select(OutboxOperation).where(OutboxOperation.entity_id == sid)).scalar_one())
    audit = t.read(lambda s: s.execute(select(AuditEntry).where(AuditEntry.entity_id == sid)).scalar_one())
    assert op.type == "staff.create" and audit.op_seq == op.seq and audit.actor_id == staffed.manager.staff_id
    assert "5821" not in op.payload and "5821" not in json.dumps(audit.after)
    assert json.loads(op.payload)["record"]["pin_hash"] == row.pin_hash


@pytest.mark.parametrize(
    "name, pin, field", [("", "5821", "display_name"), ("x" * 121, "5821", "display_name"), ("A", "1234", "pin"),
                         ("A", "12", "pin")]
)
def test_create_staff_bad_input_changes_nothing(staffed: Staffed, name: str, pin: str, field: str) -> None:
    t = staffed.terminal
    before = _counts(t)
    with pytest.raises(BadInput) as err:
        t.run(svc.create_staff, name, Role.SALES, pin, actor=staffed.manager)
    assert err.value.field == field
    assert _counts(t) == before


def test_update_staff_writes_only_changes_and_cannot_deactivate_self(staffed: Staffed) -> None:
    t = staffed.terminal
    sid = staffed.sales.staff_id
    t.run(svc.update_staff, sid, display_name="น้องเซลส์", role=Role.SALES, actor=staffed.manager)  # no change
    assert _actions(t, sid) == ["staff.create"]
    t.run(svc.update_staff, sid, role=Role.FRONT_DESK, actor=staffed.manager)
    row = t.read(lambda s: s.get(Staff, sid))
    clocks = field_clocks.expand(row.field_clocks, row.hlc, ["display_name", "role", "active", "pin_hash"])
    assert row.role == "front_desk" and {f for f, c in clocks.items() if c == row.hlc} == {"role"}
    with pytest.raises(BadInput, match="yourself"):
        t.run(svc.update_staff, staffed.manager.staff_id, active=False, actor=staffed.manager)


@pytest.mark.real_pin_hashes
def test_pins_are_stored_as_argon2id_hashes(staffed: Staffed) -> None:
    t = staffed.terminal
    sid = t.run(svc.create_staff, "ตรวจ", Role.SALES, "5821", actor=staffed.manager).result
    pin_hash = t.read(lambda s: s.get(Staff, sid)).pin_hash
    assert pin_hash.startswith("$argon2id$") and "5821" not in pin_hash
    assert not PasswordHasher().check_needs_rehash(pin_hash)  # argon2's own (RFC 9106) cost
    assert svc.hash_pin("5821") != pin_hash  # salted
    actor = t.run(svc.sign_in, sid, "5821", actor=None).result
    assert actor == Actor(sid, "ตรวจ", Role.SALES)


# ------------------------------------------------------------------ sign-in and lockout


def test_sign_in_returns_the_actor_and_is_audited(staffed: Staffed) -> None:
    actor = _sign_in(staffed, staffed.beautician, PINS[Role.BEAUTICIAN]).result
    assert actor == staffed.beautician
    assert _actions(staffed.terminal, actor.staff_id)[-1] == "staff.sign_in"


def test_wrong_pins_count_down_then_lock(staffed: Staffed) -> None:
    t, who = staffed.terminal, staffed.front_desk
    seq = t.device().last_seq
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPin, match=f"{left} tries left") as err:
            _sign_in(staffed, who, WRONG)
        assert err.value.field == "pin"
    with pytest.raises(AccountLocked, match="locked for 15 more minutes"):
        _sign_in(staffed, who, WRONG)
    actions = _actions(t, who.staff_id)
    assert actions.count("staff.pin_failed") == 5 and actions.count("staff.locked") == 1
    assert actions[-1] == "staff.locked"
    assert t.device().last_seq == seq  # lockout is local: nothing to sync
    card = next(c for c in t.read(svc.list_staff) if c.id == who.staff_id)
    assert card.locked_until is not None


def test_the_right_pin_is_refused_while_locked_and_works_after(staffed: Staffed) -> None:
    t, who = staffed.terminal, staffed.front_desk
    for _ in range(5):
        with pytest.raises((WrongPin, AccountLocked)):
            _sign_in(staffed, who, WRONG)
    staffed.clock.advance(minutes=14)
    with pytest.raises(AccountLocked, match="1 more minutes"):
        _sign_in(staffed, who, PINS[Role.FRONT_DESK])
    failures = _actions(t, who.staff_id).count("staff.pin_failed")
    staffed.clock.advance(minutes=2)
    assert _sign_in(staffed, who, PINS[Role.FRONT_DESK]).result == who
    assert _actions(t, who.staff_id).count("staff.pin_failed") == failures
    attempts = t.read(lambda s: s.get(PinAttempts, who.staff_id))
    assert attempts.failures == 0 and attempts.locked_until is None
    # A new round of five starts from scratch.
    with pytest.raises(WrongPin, match="4 tries left"):
        _sign_in(staffed, who, WRONG)


def test_a_right_pin_resets_the_count(staffed: Staffed) -> None:
    who = staffed.sales
    for _ in range(4):
        with pytest.raises(WrongPin):
            _sign_in(staffed, who, WRONG)
    _sign_in(staffed, who, PINS[Role.SALES])
    with pytest.raises(WrongPin, match="4 tries left"):
        _sign_in(staffed, who, WRONG)


def test_lockout_policy_is_configurable(staffed: Staffed) -> None:
    t, who = staffed.terminal, staffed.beautician
    with pytest.raises(PermissionDenied, match="clinic settings"):
        t.run(svc.set_lockout_policy, 3, 2, actor=staffed.manager)
    for bad in ((2, 10), (21, 10), (5, 0), (5, 1441)):
        before = _counts(t)
        with pytest.raises(BadInput):
            t.run(svc.set_lockout_policy, *bad, actor=staffed.owner)
        assert _counts(t) == before
    t.run(svc.set_lockout_policy, 3, 2, actor=staffed.owner)
    assert t.read(svc.lockout_policy, t.branch().id).max_failures == 3
    for left in (2, 1):
        with pytest.raises(WrongPin, match=f"{left} tries left"):
            _sign_in(staffed, who, WRONG)
    with pytest.raises(AccountLocked, match="2 more minutes"):
        _sign_in(staffed, who, WRONG)
    staffed.clock.advance(minutes=1)
    with pytest.raises(AccountLocked):
        _sign_in(staffed, who, PINS[Role.BEAUTICIAN])
    staffed.clock.advance(minutes=1, seconds=1)
    assert _sign_in(staffed, who, PINS[Role.BEAUTICIAN]).result == who
    # The policy change itself syncs.
    op = t.read(lambda s: s.execute(select(OutboxOperation).order_by(OutboxOperation.seq.desc())).scalars().first())
    assert op.type == "setting.set"


def test_a_manager_unlocks_and_set_pin_clears_the_lock(staffed: Staffed) -> None:
    t, who = staffed.terminal, staffed.sales
    for _ in range(5):
        with pytest.raises((WrongPin, AccountLocked)):
            _sign_in(staffed, who, WRONG)
    with pytest.raises(PermissionDenied):
        t.run(svc.unlock_staff, who.staff_id, actor=staffed.front_desk)
    t.run(svc.unlock_staff, who.staff_id, actor=staffed.manager)
    assert _sign_in(staffed, who, PINS[Role.SALES]).result == who
    for _ in range(5):
        with pytest.raises((WrongPin, AccountLocked)):
            _sign_in(staffed, who, WRONG)
    t.run(svc.set_pin, who.staff_id, "7391", actor=staffed.manager)
    assert _sign_in(staffed, who, "7391").result == who
    with pytest.raises(WrongPin):
        _sign_in(staffed, who, PINS[Role.SALES])


def test_staff_change_their_own_pin_but_not_others(staffed: Staffed) -> None:
    t = staffed.terminal
    t.run(svc.set_pin, staffed.beautician.staff_id, "3917", actor=staffed.beautician)
    assert _sign_in(staffed, staffed.beautician, "3917").result == staffed.beautician
    with pytest.raises(PermissionDenied):
        t.run(svc.set_pin, staffed.sales.staff_id, "3917", actor=staffed.beautician)
    with pytest.raises(BadInput, match="too easy"):
        t.run(svc.set_pin, staffed.beautician.staff_id, "1111", actor=staffed.beautician)


def test_an_inactive_account_cannot_sign_in(staffed: Staffed) -> None:
    staffed.terminal.run(svc.update_staff, staffed.sales.staff_id, active=False, actor=staffed.manager)
    with pytest.raises(PermissionDenied, match="no longer active"):
        _sign_in(staffed, staffed.sales, PINS[Role.SALES])
    assert staffed.sales.staff_id not in {c.id for c in staffed.terminal.read(svc.list_staff)}
    assert staffed.sales.staff_id in {c.id for c in staffed.terminal.read(svc.list_staff, include_inactive=True)}


def test_unknown_staff(staffed: Staffed) -> None:
    with pytest.raises(NotFound):
        staffed.terminal.run(svc.sign_in, "nobody", "2580", actor=None)


# ------------------------------------------------------------------ manager override


def _override(s: Staffed, by: Actor, pin: str, permission: Permission, for_actor: Actor) -> Override:
    return s.terminal.run(svc.authorize_override, by.staff_id, pin, permission, actor=for_actor).result


def test_a_manager_pin_authorises_one_delete(staffed: Staffed) -> None:
    t = staffed.terminal
    first, second = _customer(staffed), t.run(
        customer_service.register_customer, CustomerForm(name_th="สมศรี", phone="0898765432"), actor=staffed.front_desk
    ).result
    with pytest.raises(PermissionDenied):
        t.run(customer_service.delete_customer, first, actor=staffed.front_desk)

    ov = _override(staffed, staffed.manager, PINS[Role.MANAGER], Permission.CUSTOMER_DELETE, staffed.front_desk)
    assert isinstance(ov, Override) and not ov.spent
    assert _actions(t, staffed.manager.staff_id)[-1] == "staff.override_granted"
    t.run(customer_service.delete_customer, first, actor=staffed.front_desk, override=ov)
    assert ov.spent

    audit = t.read(
        lambda s: s.execute(
            select(AuditEntry).where(AuditEntry.entity_id == first, AuditEntry.action == "customer.delete")
        ).scalar_one()
    )
    assert audit.actor_id == staffed.front_desk.staff_id
    assert audit.authorized_by_id == staffed.manager.staff_id

    # Single use: the same override does not delete a second customer, however often it is tried.
    for _ in range(3):
        before = _counts(t)
        with pytest.raises(PermissionDenied):
            t.run(customer_service.delete_customer, second, actor=staffed.front_desk, override=ov)
        assert _counts(t) == before
    assert t.read(customer_service.get_customer, second).id == second


def test_an_override_of_a_failed_action_is_not_used_up(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = _customer(staffed)
    ov = _override(staffed, staffed.manager, PINS[Role.MANAGER], Permission.CUSTOMER_DELETE, staffed.front_desk)
    with pytest.raises(NotFound):
        t.run(customer_service.delete_customer, "no-such-id", actor=staffed.front_desk, override=ov)
    assert not ov.spent
    t.run(customer_service.delete_customer, cid, actor=staffed.front_desk, override=ov)
    assert ov.spent


def test_an_override_covers_only_its_permission(staffed: Staffed) -> None:
    ov = _override(staffed, staffed.manager, PINS[Role.MANAGER], Permission.SALE_REFUND, staffed.front_desk)
    cid = _customer(staffed)
    with pytest.raises(PermissionDenied):
        staffed.terminal.run(customer_service.delete_customer, cid, actor=staffed.front_desk, override=ov)
    assert not ov.spent
    assert staffed.terminal.run(_probe(Permission.SALE_REFUND), actor=staffed.front_desk, override=ov).result


def test_an_actor_with_the_permission_does_not_spend_the_override(staffed: Staffed) -> None:
    ov = _override(staffed, staffed.owner, PINS[Role.OWNER], Permission.CUSTOMER_DELETE, staffed.manager)
    cid = _customer(staffed)
    staffed.terminal.run(customer_service.delete_customer, cid, actor=staffed.manager, override=ov)
    assert not ov.spent
    audit = staffed.terminal.read(
        lambda s: s.execute(select(AuditEntry).where(AuditEntry.action == "customer.delete")).scalar_one()
    )
    assert audit.authorized_by_id is None


@pytest.mark.parametrize("who", ["front_desk", "sales", "beautician"])
def test_only_managers_and_owners_authorise(staffed: Staffed, who: str) -> None:
    authoriser: Actor = getattr(staffed, who)
    pin = PINS[authoriser.role]
    with pytest.raises(PermissionDenied, match="may not authorise"):
        _override(staffed, authoriser, pin, Permission.CUSTOMER_DELETE, staffed.front_desk)
    assert "staff.override_granted" not in _actions(staffed.terminal, authoriser.staff_id)


def test_a_manager_cannot_authorise_what_only_the_owner_may_do(staffed: Staffed) -> None:
    with pytest.raises(PermissionDenied, match="may not authorise"):
        _override(staffed, staffed.manager, PINS[Role.MANAGER], Permission.CLINIC_SETTINGS, staffed.front_desk)
    assert _override(staffed, staffed.owner, PINS[Role.OWNER], Permission.CLINIC_SETTINGS, staffed.front_desk)


def test_wrong_override_pins_lock_the_manager(staffed: Staffed) -> None:
    t = staffed.terminal
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPin, match=f"{left} tries left"):
            _override(staffed, staffed.manager, WRONG, Permission.CUSTOMER_DELETE, staffed.front_desk)
    with pytest.raises(AccountLocked):
        _override(staffed, staffed.manager, WRONG, Permission.CUSTOMER_DELETE, staffed.front_desk)
    failed: list[Any] = t.read(
        lambda s: list(
            s.execute(
                select(AuditEntry).where(
                    AuditEntry.entity_id == staffed.manager.staff_id, AuditEntry.action == "staff.pin_failed"
                )
            ).scalars()
        )
    )
    assert len(failed) == 5 and {a.after["purpose"] for a in failed} == {"override"}
    assert all(a.actor_id == staffed.front_desk.staff_id for a in failed)  # who stood at the counter
    # The manager is locked for everything, signing in included.
    with pytest.raises(AccountLocked):
        _sign_in(staffed, staffed.manager, PINS[Role.MANAGER])
    with pytest.raises(AccountLocked):
        _override(staffed, staffed.manager, PINS[Role.MANAGER], Permission.CUSTOMER_DELETE, staffed.front_desk)
