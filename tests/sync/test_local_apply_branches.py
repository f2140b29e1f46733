"""Pulled chain and branch profiles, and customers and visits of another branch of the chain."""

from __future__ import annotations

import uuid
from pathlib import Path

from bnaura_desk.domain.changes import Kind
from bnaura_desk.services.customers import get_customer
from bnaura_desk.services.staff import list_branches
from bnaura_desk.terminal import Terminal
from sync.client.local_apply import apply_changes, parked_count

from .test_local_apply_parking import _change, _customer

THONGLOR = str(uuid.uuid4())


def test_a_branch_and_its_customers_arrive_in_any_order(tmp_path: Path) -> None:
    with Terminal.create(tmp_path / "t.sqlite", clinic_name="สาขาสยาม", device_name="POS-1") as t:
        chain_id = t.chain().id
        customer = str(uuid.uuid4())
        # The customer registered at Thonglor comes a page before Thonglor's profile: it waits.
        first = [_customer(1, customer, registered_branch_id=THONGLOR)]
        t.run(lambda ctx: apply_changes(ctx.session, first, ctx.now), actor=None)
        assert t.read(parked_count) == 1
        second = [
            _change(2, "chain", chain_id, {"name": "บีเอ็น-ออร่า คลินิก"}),
            _change(3, "branch", THONGLOR, {"name_th": "สาขาทองหล่อ", "name_en": "Thonglor", "branch_code": "00001",
                                            "opening_hours": {"mon": ["10:00", "20:00"]}}),
            _change(4, "visit", str(uuid.uuid4()), {"customer_id": customer, "branch_id": THONGLOR,
                                                    "at": "2026-11-23T03:00:00+00:00"}),
        ]
        changes = t.run(lambda ctx: apply_changes(ctx.session, second, ctx.now), actor=None)
        assert t.read(parked_count) == 0
        assert t.chain().name == "บีเอ็น-ออร่า คลินิก"
        assert [(b.name_th, b.branch_code) for b in t.read(list_branches)] == [("สาขาสยาม", "00000"),
                                                                               ("สาขาทองหล่อ", "00001")]
        details = t.read(get_customer, customer)
        assert details.registered_at is not None and details.registered_at.name_en == "Thonglor"
        assert [v.branch.name_th for v in details.recent_visits if v.branch] == ["สาขาทองหล่อ"]
        # The screens hear of it: the status bar re-reads the names.
        assert changes.ids(Kind.CHAIN) == {chain_id} and changes.ids(Kind.BRANCH) == {THONGLOR}
