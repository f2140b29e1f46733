"""Coupons across two branches working offline, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: a single-use coupon
used at Siam and at Thonglor while both were offline was kept by the use
that reached the server first; the other sale stands; an exception shows
both uses (terminal, branch, staff, time) on every terminal; both
terminals show the coupon used. A coupon that may be used twice takes two
offline uses without a word, and reports the third. A terminal pushing a
malformed coupon or coupon use is refused with the reason, and nothing
stops the others.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponState, CouponTerms, Refusal
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.rewards import reward_id
from bnaura_desk.services import coupons, loyalty, rewards
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_status
from bnaura_desk.store.models import Coupon, CouponUse, Customer
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.server.models import Record, RuleClaim, SyncException

from .test_branch_settings import _forge, _next_seq
from .test_chain_branches import Chain, _op, chain  # noqa: F401  (a fixture)

CART = [CartLine("item", ItemKind.TREATMENT, 250_000)]


def _sync(t: Terminal) -> None:
    """Sync ``t`` once; the round itself must go through (exceptions are what these tests expect)."""
    with client_for(t) as client:
        sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.last_error == "" and status.pending == 0


def _member(c: Chain) -> str:
    return str(c.siam.run(customer_service.register_customer,
                          CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=SYSTEM).result)


def _use(t: Terminal, code: str, member: str | None, sale: str) -> Any:
    return t.run(coupons.record_coupon_use, code, CART, customer_id=member, sale_ref=sale, actor=SYSTEM).result


def _state(t: Terminal, code: str, member: str | None) -> Refusal | None:
    return t.read(coupons.check_coupon_code, code, t.clock(), customer_id=member).refusal


def _conflicts(c: Chain, coupon_id: str) -> list[SyncException]:
    with c.server.sessions() as s:
        return [e for e in s.scalars(select(SyncException).where(
            SyncException.chain_id == c.chain_id, SyncException.kind == "claim_conflict"))
            if e.detail.get("coupon_id") == coupon_id]


def _server_uses(c: Chain, coupon_id: str) -> int:
    with c.server.sessions() as s:
        return sum(1 for r in s.scalars(select(Record).where(Record.chain_id == c.chain_id,
                                                             Record.entity == "coupon_use"))
                   if r.data.get("coupon_id") == coupon_id)


def _local_uses(t: Terminal) -> int:
    return int(t.read(lambda s: s.scalar(select(func.count()).select_from(CouponUse))))


def test_a_single_use_coupon_used_at_two_branches_offline_is_kept_by_the_first_and_reported(
    chain: Chain,  # noqa: F811  (the fixture)
) -> None:
    siam, thonglor = chain.siam, chain.thonglor
    member = _member(chain)
    siam.run(loyalty.adjust_points, member, 1_500, "ย้ายแต้ม", actor=SYSTEM)
    redeemed = siam.run(rewards.redeem_reward, member, reward_id("percent_10"), actor=SYSTEM).result
    code, coupon_id = redeemed.coupon.code, redeemed.coupon.id
    for t in (siam, thonglor):
        _sync(t)
    assert _state(thonglor, code, member) is None  # Thonglor knows the member's coupon

    # The internet goes down at both branches; the member's coupon is used at each (her friend has a copy).
    at_siam = _use(siam, code, member, "SIAM-0001")
    at_thonglor = _use(thonglor, code, member, "THL-0001")
    assert at_siam.discount_satang == at_thonglor.discount_satang == 25_000
    for t in (siam, thonglor, siam):
        _sync(t)

    # Both sales stand; the first use to reach the server kept the coupon; the manager is told.
    assert _server_uses(chain, coupon_id) == 2
    (conflict,) = _conflicts(chain, coupon_id)
    detail = conflict.detail
    assert detail["kept_by"]["entity_id"] == at_siam.use_id
    assert detail["claimed_again_by"]["entity_id"] == at_thonglor.use_id
    shown = [(u["use_id"], u["terminal"], u["branch_id"], u["sale_ref"]) for u in detail["uses"]]
    assert shown == [
        (at_siam.use_id, "POS siam", chain.branch_ids["siam"], "SIAM-0001"),
        (at_thonglor.use_id, "POS thonglor", chain.branch_ids["thonglor"], "THL-0001"),
    ]
    assert all(datetime.fromisoformat(u["at"]).tzinfo is not None for u in detail["uses"])
    assert [u["device_id"] for u in detail["uses"]] == [siam.device().device_id, thonglor.device().device_id]
    with chain.server.sessions() as s:
        slots = list(s.scalars(select(RuleClaim).where(RuleClaim.chain_id == chain.chain_id,
                                                       RuleClaim.key.startswith(coupon_id))))
    assert [(c.key, c.device_id) for c in slots] == [(f"{coupon_id}#1", siam.device().device_id)]

    # Every terminal shows the coupon used, both uses, and the exception.
    for t in (siam, thonglor):
        assert _state(t, code, member) is Refusal.USED
        assert _local_uses(t) == 2
        lines = t.read(coupons.customer_coupons, member, t.clock())
        assert [(line.code, line.state) for line in lines] == [(code, CouponState.USED)]
        kinds = t.read(lambda s: [(e.kind, e.entity_id) for e in s.scalars(select(LocalException))])
        assert ("claim_conflict", at_thonglor.use_id) in kinds


def test_a_coupon_for_two_uses_takes_two_offline_uses_and_reports_the_third(
    chain: Chain,  # noqa: F811  (the fixture)
) -> None:
    siam, thonglor = chain.siam, chain.thonglor
    terms = CouponTerms(CouponKind.AMOUNT, amount_satang=30_000, usage_limit=2, valid_until=date(2030, 1, 1))
    issued = siam.run(coupons.issue_coupon, terms, None, "บัตรกำนัลคู่", actor=SYSTEM).result
    for t in (siam, thonglor):
        _sync(t)
    _use(siam, issued.code, None, "S-1")
    _use(thonglor, issued.code, None, "T-1")
    for t in (siam, thonglor, siam):
        _sync(t)
    assert _conflicts(chain, issued.id) == []  # two uses of a coupon for two: nothing to report
    assert _state(siam, issued.code, None) is Refusal.USED is _state(thonglor, issued.code, None)

    # Offline again, each terminal still sees one free use of another coupon for two... and both take it.
    again = siam.run(coupons.issue_coupon, terms, None, "บัตรกำนัลคู่", actor=SYSTEM).result
    for t in (siam, thonglor):
        _sync(t)
    _use(siam, again.code, None, "S-2")
    _use(thonglor, again.code, None, "T-2")
    _use(thonglor, again.code, None, "T-3")
    _sync(thonglor)
    _sync(siam)  # the third use to arrive
    (conflict,) = _conflicts(chain, again.id)
    assert conflict.detail["limit"] == 2 and [u["sale_ref"] for u in conflict.detail["uses"]] == ["T-2", "T-3", "S-2"]
    assert _server_uses(chain, again.id) == 3


def _coupon_record(code: str, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "code": code, "kind": "percent", "percent": 10, "amount_satang": 0, "free_item_id": None,
        "valid_from": None, "valid_until": "2027-01-31", "min_spend_satang": 0, "item_ids": [], "item_kinds": [],
        "usage_limit": 1, "per_customer_limit": None, "before_tier_discount": False, "customer_id": None,
        "campaign": "", "reward_id": None, "voided": False, "void_reason": "",
        "issued_at": datetime(2026, 12, 7, tzinfo=UTC).isoformat(),
    }
    record.update(changes)
    return record


def test_a_malformed_coupon_or_use_is_refused_with_its_reason_and_blocks_nothing(
    chain: Chain,  # noqa: F811  (the fixture)
) -> None:
    siam, thonglor = chain.siam, chain.thonglor
    issued = siam.run(coupons.issue_coupon, CouponTerms(CouponKind.PERCENT, percent=5), actor=SYSTEM).result
    for t in (siam, thonglor):
        _sync(t)
    seq = _next_seq(thonglor)

    def issue(n: int, record: dict[str, Any]) -> Any:
        return _op(thonglor, seq + n, "coupon.issue", "coupon", str(uuid.uuid4()), {"record": record})

    def use(n: int, **record: Any) -> Any:
        body = {"coupon_id": issued.id, "use_no": 1, "at": datetime.now(UTC).isoformat(), "discount_satang": 100,
                **record}
        return _op(thonglor, seq + n, "coupon.use", "coupon_use", str(uuid.uuid4()), {"record": body})

    results = _forge(thonglor, [
        issue(0, _coupon_record("X" * 30)),
        issue(1, _coupon_record("ABCDEFGHJKM", percent=500)),
        issue(2, _coupon_record("ABCDEFGHJKN", kind="bogus")),
        issue(3, {k: v for k, v in _coupon_record("ABCDEFGHJKP").items() if k != "issued_at"}),
        use(4, discount_satang=-5),
        use(5, use_no=0),
        use(6, coupon_id=str(uuid.uuid4())),
        _op(thonglor, seq + 7, "coupon.void", "coupon", issued.id, {"fields": {"percent": 100}}),
    ])
    assert [outcome for outcome, _ in results] == ["rejected"] * 8
    assert [reason for _, reason in results] == ["invalid_record"] * 6 + ["unknown_parent", "invalid_record"]
    with chain.server.sessions() as s:
        fields = [e.detail.get("field") for e in s.scalars(select(SyncException).where(
            SyncException.chain_id == chain.chain_id, SyncException.device_id == thonglor.device().device_id))]
    assert {"code", "percent", "kind", "issued_at", "discount_satang", "use_no"} <= set(fields)

    # Nothing of it arrived anywhere; Thonglor's own next work syncs, and Siam's too.
    member = thonglor.run(customer_service.register_customer, CustomerForm(name_th="สมใจ", phone="0811111111"),
                          actor=SYSTEM).result
    _use(siam, issued.code, None, "S-9")
    for t in (thonglor, siam, thonglor):
        with client_for(t) as client:
            sync_once(t, client)
    assert siam.read(lambda s: s.get(Customer, member)) is not None
    assert siam.read(lambda s: s.scalar(select(func.count()).select_from(Coupon))) == 1
    assert _local_uses(thonglor) == 1 and _state(thonglor, issued.code, None) is Refusal.USED
