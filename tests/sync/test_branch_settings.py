"""A branch's own settings and prices, over a real server (SQLite and PostgreSQL).

What the owner checks: the PIN lockout policy the chain marked per-branch
can be set at Siam without changing Thonglor's; a terminal that pushes its
own value of a setting the chain keeps chain-wide (or another branch's
value, or a value under an id of its own making) is refused, nothing
changes, and its other operations still sync. A branch's own price of a
catalog item reaches every terminal of the chain and counts at its branch.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.ids import derived_id
from bnaura_desk.domain.settings import LOCKOUT_KEY, branch_setting_id
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import settings as settings_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, ServiceContext
from bnaura_desk.store.models import BranchPrice, BranchSetting, Customer
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.protocol import Operation
from sync.server.models import Record, SyncException

from .test_chain_branches import Chain, _count, _op, _sync, chain  # noqa: F401  (a fixture)

POLICY = {"max_failures": 3, "lock_minutes": 5}


def _policy(t: Terminal) -> tuple[int, int]:
    device = t.device()
    p = t.read(staff_service.lockout_policy, device.chain_id, device.branch_id)
    return p.max_failures, p.lock_minutes


def _set(t: Terminal, seq: int, entity_id: str, fields: dict[str, Any]) -> Operation:
    return _op(t, seq, "branch_setting.set", "branch_setting", entity_id, {"fields": fields})


def _branch_settings(c: Chain) -> list[Record]:
    with c.server.sessions() as s:
        return list(s.scalars(select(Record).where(Record.chain_id == c.chain_id, Record.entity == "branch_setting")))


def _forge(t: Terminal, operations: list[Operation]) -> list[tuple[str, str]]:
    """Push ``operations`` as a hostile terminal would; return their (outcome, reason).

    The terminal's journal then counts them, as the hostile terminal's
    would, so its own next operations follow them.
    """
    with client_for(t) as client:
        results = client.push(t.device().device_id, operations).results

    def skip(ctx: ServiceContext) -> ChangeSet:
        ctx.device.last_seq = operations[-1].seq
        return ctx.changes.build()

    t.run(skip, actor=SYSTEM)
    return [(r.outcome, r.reason) for r in results]


def _next_seq(t: Terminal) -> int:
    with client_for(t) as client:
        return client.push(t.device().device_id, []).next_seq


def test_a_branchs_own_lockout_policy_stays_at_that_branch(chain: Chain) -> None:  # noqa: F811  (the fixture)
    siam, thonglor = chain.siam, chain.thonglor
    siam.run(staff_service.set_lockout_policy, 6, 20, actor=SYSTEM)
    siam.run(settings_service.mark_setting_per_branch, LOCKOUT_KEY, True, actor=SYSTEM)
    siam.run(staff_service.set_lockout_policy, 3, 5, this_branch_only=True, actor=SYSTEM)
    for t in (siam, thonglor, siam):
        _sync(t)
    assert _policy(siam) == (3, 5)
    assert _policy(thonglor) == (6, 20)  # marked per-branch too, but Thonglor has no value of its own
    assert _count(thonglor, BranchSetting) == 0

    thonglor.run(staff_service.set_lockout_policy, 10, 60, this_branch_only=True, actor=SYSTEM)
    for t in (thonglor, siam, thonglor):
        _sync(t)
    assert _policy(siam) == (3, 5) and _policy(thonglor) == (10, 60)
    assert _count(siam, BranchSetting) == 1 and _count(thonglor, BranchSetting) == 1
    assert sorted(r.branch_id or "" for r in _branch_settings(chain)) == sorted(
        [chain.branch_ids["siam"], chain.branch_ids["thonglor"]])
    assert _count(chain.other, BranchSetting) == 0

    # The chain makes the policy chain-wide again: both go back to the chain's.
    thonglor.run(settings_service.mark_setting_per_branch, LOCKOUT_KEY, False, actor=SYSTEM)
    for t in (thonglor, siam):
        _sync(t)
    assert _policy(siam) == _policy(thonglor) == (6, 20)


def test_a_branch_value_of_a_chain_only_setting_is_refused_and_changes_nothing(chain: Chain) -> None:  # noqa: F811  (the fixture)
    siam, thonglor = chain.siam, chain.thonglor
    _sync(siam)
    _sync(thonglor)
    mine = branch_setting_id(chain.branch_ids["siam"], LOCKOUT_KEY)
    theirs = branch_setting_id(chain.branch_ids["thonglor"], LOCKOUT_KEY)
    seq = _next_seq(siam)
    # Not marked per-branch: the chain's policy is the chain's.
    assert _forge(siam, [
        _set(siam, seq, mine, {"branch_id": chain.branch_ids["siam"], "key": LOCKOUT_KEY, "value": POLICY}),
    ]) == [("rejected", "chain_only_setting")]

    # Marked per-branch (by the use case): still only this branch's value, under its derived id.
    siam.run(settings_service.mark_setting_per_branch, LOCKOUT_KEY, True, actor=SYSTEM)
    with client_for(siam) as client:
        sync_once(siam, client)
    seq = _next_seq(siam)
    assert _forge(siam, [
        _set(siam, seq, theirs, {"branch_id": chain.branch_ids["thonglor"], "key": LOCKOUT_KEY, "value": POLICY}),
        _set(siam, seq + 1, str(uuid.uuid4()),
             {"branch_id": chain.branch_ids["siam"], "key": LOCKOUT_KEY, "value": POLICY}),
        _set(siam, seq + 2, mine, {"value": POLICY}),
        _set(siam, seq + 3, branch_setting_id(chain.branch_ids["siam"], "receipt_footer"),
             {"branch_id": chain.branch_ids["siam"], "key": "receipt_footer", "value": "ขอบคุณค่ะ"}),
    ]) == [
        ("rejected", "foreign_record"), ("rejected", "malformed_operation"), ("rejected", "malformed_operation"),
        ("rejected", "chain_only_setting"),
    ]
    assert _branch_settings(chain) == []
    with chain.server.sessions() as s:
        reasons = sorted(e.detail.get("reason", "") for e in s.scalars(
            select(SyncException).where(SyncException.chain_id == chain.chain_id)))
    assert reasons == sorted(["chain_only_setting", "chain_only_setting", "foreign_record",
                              "malformed_operation", "malformed_operation"])

    # The refusals block nothing: Siam's next work syncs, and Thonglor's policy is the chain's.
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมใจ", phone="0811111111"),
                      actor=SYSTEM).result
    for t in (siam, thonglor):
        with client_for(t) as client:
            sync_once(t, client)
    assert thonglor.read(lambda s: s.get(Customer, member)) is not None
    assert _policy(thonglor) == (5, 15)


def test_a_value_set_while_marked_is_refused_when_the_chain_unmarked_it_first(chain: Chain) -> None:  # noqa: F811  (the fixture)
    siam, thonglor = chain.siam, chain.thonglor
    siam.run(settings_service.mark_setting_per_branch, LOCKOUT_KEY, True, actor=SYSTEM)
    _sync(siam)
    _sync(thonglor)
    # Offline at Siam: its own policy. Meanwhile Thonglor's owner makes it chain-wide again.
    siam.run(staff_service.set_lockout_policy, 3, 5, this_branch_only=True, actor=SYSTEM)
    thonglor.run(settings_service.mark_setting_per_branch, LOCKOUT_KEY, False, actor=SYSTEM)
    _sync(thonglor)
    with client_for(siam) as client:
        sync_once(siam, client)
    assert _branch_settings(chain) == []
    with chain.server.sessions() as s:
        kept = s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id)).one()
        assert kept.detail.get("reason") == "chain_only_setting"
    # Siam pulled the chain's marking: its own value no longer counts.
    assert siam.read(settings_service.per_branch_keys, siam.device().chain_id) == frozenset()
    assert _policy(siam) == (5, 15)


def test_a_branch_price_reaches_every_terminal_and_counts_at_its_branch(chain: Chain) -> None:  # noqa: F811  (the fixture)
    siam, thonglor, other = chain.siam, chain.thonglor, chain.other
    for t in (siam, thonglor):
        _sync(t)
    serum = siam.run(catalog_service.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", sku="S9",
                                                           price_satang=89_000), actor=SYSTEM).result
    # Siam's manager prices the serum for Thonglor, and takes it off at Siam.
    siam.run(catalog_service.set_branch_price, serum, chain.branch_ids["thonglor"], 99_000, True, actor=SYSTEM)
    siam.run(catalog_service.set_branch_price, serum, chain.branch_ids["siam"], None, False, actor=SYSTEM)
    for t in (siam, thonglor, other):
        _sync(t)
    at_thonglor = thonglor.read(catalog_service.price_at_branch, serum, chain.branch_ids["thonglor"])
    assert (at_thonglor.price_satang, at_thonglor.available) == (99_000, True)
    assert [(r.price_satang, r.available_here) for r in thonglor.read(catalog_service.list_items)] == [(99_000, True)]
    assert [(r.price_satang, r.available_here) for r in siam.read(catalog_service.list_items)] == [(89_000, False)]
    assert _count(thonglor, BranchPrice) == 2 and _count(other, BranchPrice) == 0

    # A price under an id of its own making, or for another chain's branch, is refused.
    seq = _next_seq(thonglor)
    rival_branch = chain.branch_ids["other"]
    assert _forge(thonglor, [
        _op(thonglor, seq, "branch_price.set", "branch_price", str(uuid.uuid4()),
            {"fields": {"item_id": serum, "branch_id": chain.branch_ids["thonglor"], "price_satang": 1}}),
        _op(thonglor, seq + 1, "branch_price.set", "branch_price", derived_id("branch_price", serum, rival_branch),
            {"fields": {"item_id": serum, "branch_id": rival_branch, "price_satang": 1}}),
    ]) == [("rejected", "malformed_operation"), ("rejected", "unknown_parent")]
    with chain.server.sessions() as s:
        prices = {r.data["branch_id"]: r.data.get("price_satang") for r in s.scalars(
            select(Record).where(Record.chain_id == chain.chain_id, Record.entity == "branch_price"))}
    assert prices == {chain.branch_ids["thonglor"]: 99_000, chain.branch_ids["siam"]: None}
