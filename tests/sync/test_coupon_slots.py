"""The server's coupon-use slots under any arrival order (``sync.server.coupons``), through the real push.

For a coupon of N uses (and M per member), used offline on three terminals
by two members in any order and any batching: every use stands; exactly
the first N to arrive (and the first M of each member) hold a slot; each
later one raises one ``claim_conflict`` per limit it goes beyond, naming
the use that holds the last slot.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from sync.server.coupons import MEMBER_SCOPE, USE_SCOPE
from sync.server.models import Record, RuleClaim

from .apply_support import BASE_NOW, Outbox, SqliteTemplate, exceptions, fast_tmp_dir, new_id

MEMBERS = [new_id(), new_id()]


@pytest.fixture(scope="module")
def template() -> Iterator[SqliteTemplate]:
    folder = fast_tmp_dir(Path(os.environ.get("TMPDIR", "/tmp")) / f"bnaura-coupon-slots-{os.getpid()}")
    yield SqliteTemplate(folder, n_devices=3)
    shutil.rmtree(folder, ignore_errors=True)


def _coupon(limit: int | None, per_member: int | None) -> dict[str, Any]:
    return {
        "code": "7KQ3MX4P9TA", "kind": "percent", "percent": 10, "amount_satang": 0, "free_item_id": None,
        "valid_from": None, "valid_until": None, "min_spend_satang": 0, "item_ids": [], "item_kinds": [],
        "usage_limit": limit, "per_customer_limit": per_member, "before_tier_discount": False, "customer_id": None,
        "campaign": "", "reward_id": None, "voided": False, "void_reason": "", "issued_at": BASE_NOW.isoformat(),
    }


uses = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1), st.booleans()), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.one_of(st.none(), st.integers(1, 3)), per_member=st.one_of(st.none(), st.integers(1, 2)),
       arrivals=uses)
def test_the_first_uses_to_arrive_hold_the_slots_and_each_later_one_is_reported(
    template: SqliteTemplate, limit: int | None, per_member: int | None, arrivals: list[tuple[int, int, bool]],
) -> None:
    db = template.fresh()
    try:
        boxes = [Outbox(d) for d in db.device_ids]
        coupon_id = new_id()
        setup = [boxes[0].register(m, {"phone": f"08{i}0000000"}) for i, m in enumerate(MEMBERS)]
        setup.append(boxes[0].op("coupon.issue", "coupon", coupon_id, {"record": _coupon(limit, per_member)}))
        assert {r.outcome for r in db.push(boxes[0].device, setup).results} == {"applied"}

        # Arrival order: each (device, member, same batch as the one before) is one use; a use
        # marked to ride with the previous one of the same device goes in its batch.
        batches: list[tuple[int, list[Any]]] = []
        expected_conflicts = 0
        held = 0
        held_by: dict[str, int] = {}
        for device, member, together in arrivals:
            op = boxes[device].op("coupon.use", "coupon_use", new_id(), {"record": {
                "coupon_id": coupon_id, "customer_id": MEMBERS[member], "use_no": 1, "at": BASE_NOW.isoformat(),
                "discount_satang": 100, "terminal": f"POS-{device + 1}"}})
            if together and batches and batches[-1][0] == device:
                batches[-1][1].append(op)
            else:
                batches.append((device, [op]))
            if limit is not None:
                if held < limit:
                    held += 1
                else:
                    expected_conflicts += 1
            if per_member is not None:
                mine = held_by.get(MEMBERS[member], 0)
                if mine < per_member:
                    held_by[MEMBERS[member]] = mine + 1
                else:
                    expected_conflicts += 1
        for device, ops in batches:
            results = db.push(boxes[device].device, ops).results
            assert {r.outcome for r in results} <= {"applied", "exception"}  # every sale stands

        with db.sessions() as s:
            stood = [r for r in s.scalars(select(Record).where(Record.entity == "coupon_use"))]
            claims = list(s.scalars(select(RuleClaim).where(RuleClaim.scope.in_((USE_SCOPE, MEMBER_SCOPE)))))
            raised = [e for e in exceptions(s) if e.kind == "claim_conflict"]
        assert len(stood) == len(arrivals)
        assert sum(1 for c in claims if c.scope == USE_SCOPE) == (held if limit is not None else 0)
        assert sum(1 for c in claims if c.scope == MEMBER_SCOPE) == sum(held_by.values())
        assert len(raised) == expected_conflicts
        for e in raised:
            assert e.detail["coupon_id"] == coupon_id and len(e.detail["uses"]) >= 2
            assert e.detail["uses"][-1]["use_id"] == e.entity_id  # the late use comes last
    finally:
        SqliteTemplate.remove(db)
