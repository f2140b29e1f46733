"""Branches at the desk: where customers register and visit, who may sign in where, the branch profile."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import branches as branch_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import customers_bulk
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.store.models import AuditEntry, Branch, OutboxOperation, PinAttempts, Staff, Visit
from bnaura_desk.terminal import Terminal
from tests.conftest import PINS, Staffed

OTHER_BRANCH = "01a25000-0000-7000-8000-00000000b002"


def _add_branch(t: Terminal, branch_id: str = OTHER_BRANCH, name_th: str = "สาขาทองหล่อ") -> None:
    """Another branch of the chain, as a pull brings it to this terminal."""

    def write(ctx: ServiceContext) -> ChangeSet:
        ctx.session.add(Branch(
            id=branch_id, chain_id=ctx.chain_id, name_th=name_th, name_en="Thonglor", tax_id="",
            branch_code="00001", address="", phone="", created_at=ctx.now, updated_at=ctx.now, hlc="",
            field_clocks={},
        ))
        return ChangeSet()

    t.run(write, actor=None)


def _outbox(t: Terminal) -> list[tuple[str, dict[str, object]]]:
    return t.read(lambda s: [(o.type, json.loads(o.payload)) for o in s.scalars(select(OutboxOperation)
                                                                                .order_by(OutboxOperation.seq))])


def test_a_new_clinic_is_a_chain_of_one_branch_with_the_same_id(staffed: Staffed) -> None:
    t = staffed.terminal
    device = t.device()
    assert device.chain_id == device.branch_id == t.chain().id == t.branch().id
    assert t.branch().branch_code == "00000"
    first_type, first = _outbox(t)[0]
    assert first_type == "branch.create" and first["record"]["id"] == device.branch_id  # type: ignore[index]


def test_customers_register_and_check_in_at_this_branch(staffed: Staffed) -> None:
    t = staffed.terminal
    here = t.device().branch_id
    one = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง", phone="0812345678"),
                actor=staffed.front_desk).result
    [many] = t.run(customers_bulk.register_customers, [
        customers_bulk.Registration(CustomerForm(name_th="มานี", phone="0862222222"), check_in=True),
    ], actor=staffed.front_desk).result
    t.run(customer_service.check_in, one, actor=staffed.front_desk)
    for customer_id in (one, many):
        details = t.read(customer_service.get_customer, customer_id)
        assert details.registered_at == customer_service.BranchName(t.branch().name_th, t.branch().name_en)
        assert [v.branch for v in details.recent_visits] == [details.registered_at]
    assert set(t.read(lambda s: list(s.scalars(select(Visit.branch_id))))) == {here}
    sent = {(type_, body["record"].get("registered_branch_id", body["record"].get("branch_id")))  # type: ignore[union-attr]
            for type_, body in _outbox(t) if type_ in ("customer.register", "visit.check_in")}
    assert sent == {("customer.register", here), ("visit.check_in", here)}


def test_visits_show_the_branch_they_happened_at(staffed: Staffed) -> None:
    t = staffed.terminal
    _add_branch(t)
    customer_id = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง", phone="0812345678"),
                        actor=staffed.front_desk).result
    t.run(customer_service.check_in, customer_id, actor=staffed.front_desk)

    def visit_elsewhere(ctx: ServiceContext) -> ChangeSet:
        # A visit made the next day at the other branch, pulled here.
        first = ctx.session.scalars(select(Visit)).one()
        ctx.session.add(Visit(id=uuid7(), chain_id=ctx.chain_id, customer_id=customer_id,
                              checked_in_at=first.checked_in_at + timedelta(days=1), staff_id=None,
                              device_id=first.device_id, branch_id=OTHER_BRANCH, hlc="z"))
        return ChangeSet()

    t.run(visit_elsewhere, actor=None)
    details = t.read(customer_service.get_customer, customer_id)
    assert [v.branch.name_th for v in details.recent_visits if v.branch] == ["สาขาทองหล่อ", t.branch().name_th]
    assert details.visit_count == 2


def test_staff_sign_in_only_at_their_branches(staffed: Staffed) -> None:
    t, desk = staffed.terminal, staffed.front_desk
    _add_branch(t)
    t.run(staff_service.set_staff_branches, desk.staff_id, [OTHER_BRANCH], actor=staffed.manager)
    seq, audit = t.device().last_seq, t.read(lambda s: s.scalar(select(func.count()).select_from(AuditEntry)))

    with pytest.raises(BadInput) as refused:
        t.run(staff_service.sign_in, desk.staff_id, PINS[Role.FRONT_DESK], actor=None)
    assert refused.value.field == "branch"
    assert str(refused.value) == f"{desk.name} may not sign in at this branch; ask a manager"
    # Nothing changed but the audit of the refusal: no operation, no PIN attempt counted.
    assert t.device().last_seq == seq
    assert t.read(lambda s: s.get(PinAttempts, desk.staff_id)) is None
    actions = t.read(lambda s: list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.at, AuditEntry.id))))
    assert len(actions) == audit + 1 and actions[-1] == "staff.branch_refused"

    # Allowed here too: signs in. Every branch again (empty list): signs in.
    t.run(staff_service.set_staff_branches, desk.staff_id, [OTHER_BRANCH, t.device().branch_id], actor=staffed.manager)
    assert t.run(staff_service.sign_in, desk.staff_id, PINS[Role.FRONT_DESK], actor=None).result == desk
    t.run(staff_service.set_staff_branches, desk.staff_id, [], actor=staffed.manager)
    assert t.run(staff_service.sign_in, desk.staff_id, PINS[Role.FRONT_DESK], actor=None).result == desk
    assert [c.branch_ids for c in t.read(staff_service.list_staff) if c.id == desk.staff_id] == [()]


def test_only_managers_set_branches_and_only_known_ones(staffed: Staffed) -> None:
    t, desk = staffed.terminal, staffed.front_desk
    seq = t.device().last_seq
    with pytest.raises(PermissionDenied):
        t.run(staff_service.set_staff_branches, desk.staff_id, [t.device().branch_id], actor=staffed.front_desk)
    with pytest.raises(BadInput, match="no branch"):
        t.run(staff_service.set_staff_branches, desk.staff_id, [OTHER_BRANCH], actor=staffed.manager)
    assert t.device().last_seq == seq
    assert t.read(lambda s: s.get(Staff, desk.staff_id).branch_ids) == []

    _add_branch(t)
    t.run(staff_service.set_staff_branches, desk.staff_id, [OTHER_BRANCH], actor=staffed.manager)
    assert _outbox(t)[-1] == ("staff.update", {"format": 1, "fields": {"branch_ids": [OTHER_BRANCH]}})
    assert [b.name_th for b in t.read(staff_service.list_branches)] == [t.branch().name_th, "สาขาทองหล่อ"]


def test_the_owner_updates_the_branch_profile_a_manager_may_not(staffed: Staffed) -> None:
    t = staffed.terminal
    with pytest.raises(PermissionDenied):
        t.run(branch_service.update_branch, address="x", actor=staffed.manager)
    with pytest.raises(BadInput, match="five digits"):
        t.run(branch_service.update_branch, branch_no="123456", actor=staffed.owner)
    with pytest.raises(BadInput, match="13 digits"):
        t.run(branch_service.update_branch, tax_id="12345", actor=staffed.owner)
    t.run(branch_service.update_branch, branch_no="๑", tax_id="0105558000001", address="ถนนพระราม 1",
          actor=staffed.owner)
    branch = t.branch()
    assert (branch.branch_code, branch.tax_id, branch.address) == ("00001", "0105558000001", "ถนนพระราม 1")
    assert _outbox(t)[-1] == ("branch.update", {"format": 1, "fields": {
        "address": "ถนนพระราม 1", "branch_code": "00001", "tax_id": "0105558000001"}})
    place = t.read(branch_service.whereabouts)
    assert (place.branch_no, place.branch_count, place.chain_name) == ("00001", 1, t.chain().name)
