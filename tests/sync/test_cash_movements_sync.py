"""Cash in and cash out made offline, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: the movements of a
shift reach the server and the other till of the same branch, which then
counts the same cash expected for the shift; another branch never sees
them, and cannot put cash into a shift that is not its own.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from bnaura_desk.domain.cash_movements import CashDirection
from bnaura_desk.services import cash_movements, shifts
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_status
from bnaura_desk.store.models import CashMovement, Shift
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for
from sync.server.models import Record

from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)
from .test_refunds_sync import siam_2  # noqa: F401  (a fixture)


def _count(t: Terminal, model: type) -> int:
    return int(t.read(lambda s: s.scalar(select(func.count()).select_from(model))))


def test_cash_moved_offline_reaches_the_other_till_of_the_branch_and_no_other_branch(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    shift_id = siam.run(shifts.open_shift, 100_000, actor=SYSTEM).result
    # The internet is down: change comes from the bank, drinking water is paid from the drawer.
    put = siam.run(cash_movements.record_cash_movement, CashDirection.IN, 50_000, "แลกเหรียญจากธนาคาร",
                   actor=SYSTEM).result
    taken = siam.run(cash_movements.record_cash_movement, CashDirection.OUT, 4_500, "ซื้อน้ำดื่ม",
                     actor=SYSTEM).result
    status = siam.read(sync_status)
    assert status is not None and status.pending >= 3  # the shift and both movements wait in the outbox
    for t in (siam, siam_2, thonglor):
        _sync(t)

    with chain.server.sessions() as s:
        kept = {r.id: r.data for r in s.scalars(select(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "cash_movement"))}
    assert kept.keys() == {put.movement_id, taken.movement_id}
    assert kept[taken.movement_id]["reason"] == "ซื้อน้ำดื่ม" and kept[taken.movement_id]["direction"] == "out"
    # The other till of Siam has both, with their shift, and counts the same drawer.
    rows = siam_2.read(lambda s: sorted((r.direction, r.amount_satang, r.reason, r.shift_id)
                                        for r in s.scalars(select(CashMovement))))
    assert rows == [("in", 50_000, "แลกเหรียญจากธนาคาร", shift_id), ("out", 4_500, "ซื้อน้ำดื่ม", shift_id)]
    far_shift = siam_2.read(lambda s: s.get(Shift, shift_id))
    assert far_shift is not None and siam_2.read(shifts.cash_expected, far_shift) == 145_500
    # Thonglor's drawer is its own business: it sees neither Siam's shift nor its cash.
    assert (_count(thonglor, Shift), _count(thonglor, CashMovement)) == (0, 0)


def test_another_branch_cannot_move_cash_in_a_shift_of_another_branch(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    shift_id = siam.run(shifts.open_shift, 100_000, actor=SYSTEM).result
    _sync(siam)
    _sync(thonglor)
    record = {"shift_id": shift_id, "direction": "out", "amount_satang": 100_000, "reason": "เอาเงินไป",
              "at": "2026-12-07T10:00:00+07:00"}
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = [
            # As Siam's own movement: a record of another branch.
            _op(thonglor, seq, "cash_movement.record", "cash_movement", str(uuid.uuid4()),
                {"record": {**record, "branch_id": chain.branch_ids["siam"]}}),
            # As Thonglor's, in Siam's shift: a shift this branch cannot see.
            _op(thonglor, seq + 1, "cash_movement.record", "cash_movement", str(uuid.uuid4()),
                {"record": {**record, "branch_id": chain.branch_ids["thonglor"]}}),
        ]
        results = client.push(thonglor.device().device_id, forged).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "foreign_record"), ("rejected", "unknown_parent")]
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "cash_movement")) == 0
