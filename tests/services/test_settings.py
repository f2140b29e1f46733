"""Chain settings a branch may override: marking a key per-branch, a branch's own value, the value in force."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.errors import BadInput, PermissionDenied, WrongPin
from bnaura_desk.domain.ids import derived_id
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.settings import LOCKOUT_KEY, PER_BRANCH_KEY
from bnaura_desk.services import settings as svc
from bnaura_desk.services import staff
from bnaura_desk.store.models import AuditEntry, BranchSetting, OutboxOperation, Setting
from bnaura_desk.terminal import Terminal
from tests.conftest import PINS, Staffed

WRONG = "8642"


def _counts(t: Terminal) -> tuple[int, int, int, int]:
    return t.read(
        lambda s: tuple(
            s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (AuditEntry, OutboxOperation, Setting, BranchSetting)
        )
    )


def _policy(t: Terminal) -> tuple[int, int]:
    device = t.device()
    p = t.read(staff.lockout_policy, device.chain_id, device.branch_id)
    return p.max_failures, p.lock_minutes


def _operations(t: Terminal, type_: str) -> list[tuple[str, dict[str, object]]]:
    rows = t.read(lambda s: list(s.scalars(select(OutboxOperation).where(OutboxOperation.type == type_))))
    return [(r.entity_id, json.loads(r.payload)["fields"]) for r in rows]


def test_only_the_owner_marks_a_setting_per_branch_and_only_overridable_ones(staffed: Staffed) -> None:
    t = staffed.terminal
    before = _counts(t)
    with pytest.raises(PermissionDenied):
        t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, True, actor=staffed.manager)
    with pytest.raises(BadInput, match="same at every branch"):
        t.run(svc.mark_setting_per_branch, "receipt_footer", True, actor=staffed.owner)
    assert _counts(t) == before

    t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, True, actor=staffed.owner)
    chain_id = t.device().chain_id
    assert t.read(svc.per_branch_keys, chain_id) == {LOCKOUT_KEY}
    assert _operations(t, "setting.set") == [(PER_BRANCH_KEY, {"value": [LOCKOUT_KEY]})]
    # Marking it again changes nothing and journals nothing.
    t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, True, actor=staffed.owner)
    assert len(_operations(t, "setting.set")) == 1
    t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, False, actor=staffed.owner)
    assert t.read(svc.per_branch_keys, chain_id) == frozenset()
    assert _operations(t, "setting.set")[-1] == (PER_BRANCH_KEY, {"value": []})


def test_a_branch_may_not_set_its_own_value_of_a_chain_only_setting(staffed: Staffed) -> None:
    t = staffed.terminal
    t.run(staff.set_lockout_policy, 6, 20, actor=staffed.owner)
    before = _counts(t)
    with pytest.raises(BadInput, match="chain-wide: mark it per-branch") as refused:
        t.run(staff.set_lockout_policy, 3, 5, this_branch_only=True, actor=staffed.owner)
    assert refused.value.field == "key"
    with pytest.raises(BadInput, match="chain-wide"):
        t.run(svc.set_branch_setting, LOCKOUT_KEY, {"max_failures": 3, "lock_minutes": 5}, actor=staffed.owner)
    assert _counts(t) == before
    assert _policy(t) == (6, 20)


def test_this_branchs_own_lockout_policy_is_the_one_in_force_while_marked(staffed: Staffed) -> None:
    t, who = staffed.terminal, staffed.beautician
    t.run(staff.set_lockout_policy, 6, 20, actor=staffed.owner)
    t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, True, actor=staffed.owner)
    assert _policy(t) == (6, 20)  # marked, no value of its own yet: the chain's
    with pytest.raises(PermissionDenied):
        t.run(staff.set_lockout_policy, 3, 5, this_branch_only=True, actor=staffed.manager)
    with pytest.raises(BadInput, match="3 to 20"):
        t.run(staff.set_lockout_policy, 2, 5, this_branch_only=True, actor=staffed.owner)
    with pytest.raises(BadInput, match="3 to 20"):
        t.run(svc.set_branch_setting, LOCKOUT_KEY, {"max_failures": "3"}, actor=staffed.owner)

    t.run(staff.set_lockout_policy, 3, 5, this_branch_only=True, actor=staffed.owner)
    branch_id = t.device().branch_id
    row_id = derived_id("branch_setting", branch_id, LOCKOUT_KEY)
    assert _operations(t, "branch_setting.set") == [
        (row_id, {"branch_id": branch_id, "key": LOCKOUT_KEY, "value": {"max_failures": 3, "lock_minutes": 5}})
    ]
    assert _policy(t) == (3, 5)
    # The chain's value is untouched, and the sign-in counts by this branch's.
    assert t.read(svc.chain_setting, t.device().chain_id, LOCKOUT_KEY) == {"max_failures": 6, "lock_minutes": 20}
    for left in (2, 1):
        with pytest.raises(WrongPin, match=f"{left} tries left"):
            t.run(staff.sign_in, who.staff_id, WRONG, actor=None)
    t.run(staff.unlock_staff, who.staff_id, actor=staffed.owner)

    # Unmarked: the chain's applies again, though the branch's value stays.
    t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, False, actor=staffed.owner)
    assert _policy(t) == (6, 20)
    t.run(svc.mark_setting_per_branch, LOCKOUT_KEY, True, actor=staffed.owner)
    assert _policy(t) == (3, 5)
    # None: back to the chain's value.
    t.run(svc.set_branch_setting, LOCKOUT_KEY, None, actor=staffed.owner)
    assert _policy(t) == (6, 20)
    assert t.read(svc.branch_setting, branch_id, LOCKOUT_KEY) is None
    t.run(staff.sign_in, who.staff_id, PINS[Role.BEAUTICIAN], actor=None)


def test_the_chains_value_of_a_setting_is_checked(staffed: Staffed) -> None:
    t = staffed.terminal
    before = _counts(t)
    with pytest.raises(PermissionDenied):
        t.run(svc.set_chain_setting, LOCKOUT_KEY, {"max_failures": 4, "lock_minutes": 9}, actor=staffed.manager)
    with pytest.raises(BadInput, match="no setting"):
        t.run(svc.set_chain_setting, PER_BRANCH_KEY, [LOCKOUT_KEY], actor=staffed.owner)
    with pytest.raises(BadInput, match="3 to 20"):
        t.run(svc.set_chain_setting, LOCKOUT_KEY, {"max_failures": True, "lock_minutes": 9}, actor=staffed.owner)
    assert _counts(t) == before
    t.run(svc.set_chain_setting, LOCKOUT_KEY, {"max_failures": 4, "lock_minutes": 9}, actor=staffed.owner)
    assert _policy(t) == (4, 9)
