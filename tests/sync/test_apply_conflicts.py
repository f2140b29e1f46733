"""The apply step's rules as plain examples, on SQLite and on PostgreSQL.

Exactly once per (device, seq); conflicts settled by rule (DESIGN.md
"Offline and sync"): last writer wins per field by HLC, the tombstone beats
an edit (reported), ledgers merge by union of ids, a clock far ahead of the
server's is bounded (reported).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.hlc import Hlc
from sync.protocol import MAX_SKEW_MS
from sync.server.apply import ApplyRefused, ConflictingResend, ForeignClinic, SequenceGap
from sync.server.models import AppliedOperation, ChangeEntry, Device, Record

from .apply_support import (
    BASE_MS,
    BASE_NOW,
    Outbox,
    ServerDb,
    applied_seqs,
    check_change_feed,
    create_server_db,
    exceptions,
    make_operation,
    new_id,
    next_seq,
    postgres_schema,
    record,
    require_postgres,
    sqlite_url,
    with_payload,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerDb]:
    """A server database with one clinic and two devices."""
    if request.param == "sqlite":
        server = create_server_db(sqlite_url(tmp_path / "server.sqlite"), 2)
        yield server
        server.close()
        return
    require_postgres()
    with postgres_schema() as url:
        server = create_server_db(url, 2)
        yield server
        server.close()


@pytest.fixture
def a(db: ServerDb) -> Outbox:
    return Outbox(db.device_ids[0])


@pytest.fixture
def b(db: ServerDb) -> Outbox:
    return Outbox(db.device_ids[1])


def customer_state(db: ServerDb, customer: str) -> tuple[dict, dict, bool]:
    with db.sessions() as s:
        row = record(s, "customer", customer)
        assert row is not None
        clocks = field_clocks.expand(row.field_clocks, row.hlc, row.data)
        return dict(row.data), clocks, row.deleted_at is not None


def counts(db: ServerDb) -> tuple[int, int, int]:
    with db.sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(AppliedOperation)) or 0,
            s.scalar(select(func.count()).select_from(Record)) or 0,
            s.scalar(select(func.count()).select_from(ChangeEntry)) or 0,
        )


# --- exactly once ------------------------------------------------------------------------


def test_a_batch_applies_in_order_and_a_resend_answers_the_stored_outcomes(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    ops = [a.register(c, {"name_th": "นิด", "phone": "081"}), a.update(c, {"phone": "082"}), a.update(new_id(), {"phone": "1"})]
    first = db.push(a.device, ops)
    assert [(r.seq, r.outcome, r.reason) for r in first.results] == [
        (1, "applied", ""), (2, "applied", ""), (3, "rejected", "unknown_record"),
    ]
    assert first.next_seq == 4
    before = counts(db)

    again = db.push(a.device, ops)  # the response was lost; the terminal resends all of it

    assert [(r.seq, r.outcome) for r in again.results] == [(1, "duplicate"), (2, "duplicate"), (3, "duplicate")]
    assert [r.reason for r in again.results] == ["applied", "applied", "rejected"]
    assert again.next_seq == 4
    assert counts(db) == before
    assert customer_state(db, c)[0]["phone"] == "082"


def test_the_same_seq_with_another_payload_is_refused_409_changes_nothing_and_is_reported(
    db: ServerDb, a: Outbox
) -> None:
    c = new_id()
    ops = [a.register(c, {"name_th": "นิด"}), a.update(c, {"phone": "081"})]
    db.push(a.device, ops)
    before = counts(db), customer_state(db, c)
    changed = with_payload(ops[1], {"fields": {"phone": "099"}})

    with pytest.raises(ConflictingResend) as refused:
        db.push(a.device, [ops[0], changed])

    assert refused.value.status == 409
    assert refused.value.detail["seq"] == 2
    assert [r["outcome"] for r in refused.value.detail["results"]] == ["duplicate"]
    assert (counts(db), customer_state(db, c)) == before
    with db.sessions() as s:
        assert next_seq(s, a.device) == 3
        reported = [e for e in exceptions(s) if e.kind == "seq_conflict"]
    assert [(e.device_id, e.seq) for e in reported] == [(a.device, 2)]

    with pytest.raises(ConflictingResend):  # a terminal retrying in a loop is reported once
        db.push(a.device, [changed])
    with db.sessions() as s:
        assert len([e for e in exceptions(s) if e.kind == "seq_conflict"]) == 1


def test_the_same_seq_and_payload_for_another_record_is_a_conflict_not_a_duplicate(db: ServerDb, a: Outbox) -> None:
    # Every delete has the payload {"format": 1}: the hash alone cannot tell two deletes apart.
    c1, c2 = new_id(), new_id()
    db.push(a.device, [a.register(c1, {"name_th": "หนึ่ง"}), a.register(c2, {"name_th": "สอง"}), a.delete(c1)])
    other = make_operation(a.device, a.clinic_id, 3, "customer.delete", "customer", c2, a.next_hlc(), {})
    assert other.payload_sha256 == a.ops[2].payload_sha256

    with pytest.raises(ConflictingResend):
        db.push(a.device, [other])

    assert customer_state(db, c2)[2] is False


def test_a_resend_whose_payload_no_longer_matches_the_stored_hash_is_refused(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    op = a.register(c, {"name_th": "นิด"})
    db.push(a.device, [op])
    forged = op.model_copy(update={"payload": op.payload.replace("นิด", "น้อย")})  # old hash kept

    with pytest.raises(ApplyRefused) as refused:
        db.push(a.device, [forged])

    assert refused.value.status in (400, 409)
    assert customer_state(db, c)[0]["name_th"] == "นิด"


def test_a_gap_is_refused_with_the_expected_number_and_changes_nothing(db: ServerDb, a: Outbox) -> None:
    ops = [a.register(new_id(), {"name_th": f"ลูกค้า {i}"}) for i in range(6)]
    db.push(a.device, ops[:3])
    before = counts(db)

    with pytest.raises(SequenceGap) as gap:
        db.push(a.device, [ops[4], ops[5]])
    assert gap.value.detail["expected"] == 4 and gap.value.detail["got"] == 5
    assert gap.value.detail["results"] == []
    assert counts(db) == before

    with pytest.raises(SequenceGap) as gap:  # reordered: 5 before 4
        db.push(a.device, [ops[4], ops[3]])
    assert gap.value.detail["expected"] == 4
    assert counts(db) == before

    with pytest.raises(SequenceGap) as gap:  # 4 applies, 6 is a gap: 4 stays applied
        db.push(a.device, [ops[3], ops[5]])
    assert gap.value.detail["expected"] == 5
    assert [r["seq"] for r in gap.value.detail["results"]] == [4]
    with db.sessions() as s:
        assert applied_seqs(s, a.device) == [1, 2, 3, 4]
        assert next_seq(s, a.device) == 5


def test_a_batch_with_one_operation_twice_applies_it_once(db: ServerDb, a: Outbox) -> None:
    op = a.register(new_id(), {"name_th": "นิด"})
    response = db.push(a.device, [op, op])
    assert [r.outcome for r in response.results] == ["applied", "duplicate"]
    assert counts(db) == (1, 1, 1)


def test_an_operation_of_another_clinic_is_refused(db: ServerDb, a: Outbox) -> None:
    stranger = Outbox(a.device, clinic_id=new_id())
    with pytest.raises(ForeignClinic):
        db.push(a.device, [stranger.register(new_id(), {"name_th": "x"})])
    assert counts(db) == (0, 0, 0)


def test_an_operation_whose_hash_is_wrong_is_refused(db: ServerDb, a: Outbox) -> None:
    op = a.register(new_id(), {"name_th": "x"})
    with pytest.raises(ApplyRefused) as refused:
        db.push(a.device, [op.model_copy(update={"payload_sha256": "0" * 64})])
    assert refused.value.status == 400
    assert counts(db) == (0, 0, 0)


def test_a_reused_op_id_is_refused_cleanly(db: ServerDb, a: Outbox) -> None:
    first = a.register(new_id(), {"name_th": "x"})
    db.push(a.device, [first])
    second = a.register(new_id(), {"name_th": "y"}).model_copy(update={"op_id": first.op_id})
    with pytest.raises(ApplyRefused) as refused:
        db.push(a.device, [second])
    assert 400 <= refused.value.status < 500
    with db.sessions() as s:
        assert applied_seqs(s, a.device) == [1]


def test_an_update_of_an_unknown_record_is_rejected_and_the_queue_moves_on(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    ops = [a.update(new_id(), {"phone": "081"}), a.register(c, {"name_th": "นิด"})]
    response = db.push(a.device, ops)
    assert [(r.outcome, r.reason) for r in response.results] == [("rejected", "unknown_record"), ("applied", "")]
    assert response.next_seq == 3
    with db.sessions() as s:
        assert applied_seqs(s, a.device) == [1, 2]


# --- last writer wins per field ------------------------------------------------------------


@pytest.mark.parametrize("order", ["a_first", "b_first"])
def test_the_later_clock_wins_each_field_whatever_arrives_first(db: ServerDb, a: Outbox, b: Outbox, order: str) -> None:
    c = new_id()
    db.push(a.device, [a.register(c, {"name_th": "นิด", "phone": "080", "skin_notes": ""})])
    b.wall_ms = a.wall_ms
    later_phone = a.update(c, {"phone": "081-A", "skin_notes": "A"}, advance_ms=50)  # phone later than B's
    b_edit = b.update(c, {"phone": "082-B", "skin_notes": "B"}, hlc=Hlc(a.wall_ms - 10, 0, b.device).encode())
    b_notes = b.update(c, {"skin_notes": "B later"}, hlc=Hlc(a.wall_ms + 10, 0, b.device).encode())

    if order == "a_first":
        db.push(a.device, [later_phone])
        lost = db.push(b.device, [b_edit, b_notes]).results
        assert lost[0].detail == {"older_than_stored": ["phone", "skin_notes"]}
    else:
        db.push(b.device, [b_edit, b_notes])
        db.push(a.device, [later_phone])

    data, clocks, deleted = customer_state(db, c)
    assert (data["name_th"], data["phone"], data["skin_notes"], deleted) == ("นิด", "081-A", "B later", False)
    assert clocks["phone"] == later_phone.hlc and clocks["skin_notes"] == b_notes.hlc
    check_change_feed_db(db)


def test_same_millisecond_same_counter_the_node_breaks_the_tie(db: ServerDb, a: Outbox, b: Outbox) -> None:
    c = new_id()
    db.push(a.device, [a.register(c, {"name_th": "นิด"})])
    ms = a.wall_ms + 100
    from_a = a.update(c, {"phone": "A"}, hlc=Hlc(ms, 3, a.device).encode())
    from_b = b.update(c, {"phone": "B"}, hlc=Hlc(ms, 3, b.device).encode())
    db.push(b.device, [from_b])
    db.push(a.device, [from_a])
    winner = max(from_a, from_b, key=lambda op: op.hlc)
    assert customer_state(db, c)[0]["phone"] == ("A" if winner is from_a else "B")


def test_two_registrations_of_one_id_merge_field_by_field(db: ServerDb, a: Outbox, b: Outbox) -> None:
    c = new_id()
    first = a.register(c, {"name_th": "นิด", "phone": "080"})
    second = b.register(c, {"name_th": "นิดา", "skin_notes": "vip"}, hlc=Hlc(BASE_MS - 1, 0, b.device).encode())
    db.push(b.device, [second])
    db.push(a.device, [first])
    data, _, _ = customer_state(db, c)
    assert {f: data[f] for f in ("name_th", "phone", "skin_notes")} == {"name_th": "นิด", "phone": "080", "skin_notes": "vip"}
    assert "id" not in data  # the record's id is its key, not a field


# --- edit against delete -------------------------------------------------------------------


def test_the_tombstone_wins_over_a_later_edit_and_the_lost_edit_is_reported(db: ServerDb, a: Outbox, b: Outbox) -> None:
    c = new_id()
    db.push(a.device, [a.register(c, {"name_th": "นิด", "phone": "080"})])
    db.push(a.device, [a.delete(c)])
    late_edit = b.update(c, {"phone": "099"}, hlc=Hlc(a.wall_ms + 60_000, 0, b.device).encode())

    result = db.push(b.device, [late_edit]).results[0]

    assert (result.outcome, result.reason) == ("exception", "tombstoned")
    data, _, deleted = customer_state(db, c)
    assert deleted and data["phone"] == "080"
    with db.sessions() as s:
        reported = exceptions(s)
        assert [(e.kind, e.entity_id, e.device_id, e.seq) for e in reported] == [("edit_lost_to_delete", c, b.device, 1)]
        assert reported[0].detail == {"fields": ["phone"], "device_name": "POS-2"}
    again = db.push(b.device, [late_edit]).results[0]  # the resend does not report it twice
    assert (again.outcome, again.reason) == ("duplicate", "exception")
    with db.sessions() as s:
        assert len(exceptions(s)) == 1


def test_an_edit_that_arrives_before_the_delete_is_kept_under_the_tombstone(db: ServerDb, a: Outbox, b: Outbox) -> None:
    c = new_id()
    db.push(a.device, [a.register(c, {"name_th": "นิด"})])
    db.push(b.device, [b.update(c, {"phone": "099"})])
    db.push(a.device, [a.delete(c)])
    data, _, deleted = customer_state(db, c)
    assert deleted and data["phone"] == "099"
    with db.sessions() as s:
        assert exceptions(s) == []


def test_a_delete_of_an_unknown_record_is_rejected(db: ServerDb, a: Outbox) -> None:
    result = db.push(a.device, [a.delete(new_id())]).results[0]
    assert (result.outcome, result.reason) == ("rejected", "unknown_record")


# --- ledgers ---------------------------------------------------------------------------------


def test_ledgers_merge_by_union_of_ids(db: ServerDb, a: Outbox, b: Outbox) -> None:
    c, shared, own_a, own_b = new_id(), new_id(), new_id(), new_id()
    db.push(a.device, [a.register(c, {"name_th": "นิด"})])
    visit = {"customer_id": c, "at": "2026-11-23T10:00:00+07:00"}
    ra = db.push(a.device, [a.check_in(shared, visit), a.check_in(own_a, visit)]).results
    rb = db.push(b.device, [b.check_in(shared, visit), b.check_in(own_b, visit)]).results
    assert [r.outcome for r in ra + rb] == ["applied"] * 4
    with db.sessions() as s:
        visits = sorted(s.scalars(select(Record.id).where(Record.entity == "visit")))
        assert visits == sorted({shared, own_a, own_b})
        feed = check_change_feed(s)
    assert [(e.entity, e.entity_id) for e in feed].count(("visit", shared)) == 1  # the second copy changed nothing


# --- a clock far ahead --------------------------------------------------------------------------


def test_a_clock_more_than_five_minutes_ahead_is_bounded_and_reported(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    server_now = BASE_NOW + timedelta(hours=1)
    now_ms = int(server_now.timestamp() * 1000)
    db.push(a.device, [a.register(c, {"name_th": "นิด"})], now=lambda: server_now)
    ahead = a.update(c, {"phone": "081"}, hlc=Hlc(now_ms + MAX_SKEW_MS + 3_600_000, 7, a.device).encode())

    result = db.push(a.device, [ahead], now=lambda: server_now).results[0]

    assert (result.outcome, result.reason) == ("exception", "clock_ahead")
    bounded = Hlc(now_ms + MAX_SKEW_MS, 7, a.device).encode()
    data, clocks, _ = customer_state(db, c)
    assert data["phone"] == "081" and clocks["phone"] == bounded
    with db.sessions() as s:
        row = record(s, "customer", c)
        assert row is not None and row.hlc == bounded
        reported = exceptions(s)
    assert [(e.kind, e.seq) for e in reported] == [("clock_ahead", 2)]
    assert reported[0].detail == {"sent": ahead.hlc, "kept": bounded, "device_name": "POS-1"}


def test_a_clock_exactly_five_minutes_ahead_is_kept(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    now_ms = int(BASE_NOW.timestamp() * 1000)
    op = a.register(c, {"name_th": "นิด"}, hlc=Hlc(now_ms + MAX_SKEW_MS, 0, a.device).encode())
    result = db.push(a.device, [op], now=lambda: BASE_NOW).results[0]
    assert result.outcome == "applied"
    assert customer_state(db, c)[1]["name_th"] == op.hlc


def test_two_edits_from_a_clock_far_ahead_keep_their_order(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    now_ms = int(BASE_NOW.timestamp() * 1000)
    db.push(a.device, [a.register(c, {"name_th": "นิด"})], now=lambda: BASE_NOW)
    first = a.update(c, {"phone": "1"}, hlc=Hlc(now_ms + 3_600_000, 0, a.device).encode())
    second = a.update(c, {"phone": "2"}, hlc=Hlc(now_ms + 3_600_001, 0, a.device).encode())
    results = db.push(a.device, [first, second], now=lambda: BASE_NOW).results
    assert customer_state(db, c)[0]["phone"] == "2"
    # Both still bounded and reported; the second ticked past the first, never past the bound's millisecond.
    assert [(r.outcome, r.reason) for r in results] == [("exception", "clock_ahead")] * 2
    limit = now_ms + MAX_SKEW_MS
    with db.sessions() as s:
        kept = [e.detail["kept"] for e in exceptions(s)]
    assert kept == [Hlc(limit, 0, a.device).encode(), Hlc(limit, 1, a.device).encode()]
    assert customer_state(db, c)[1]["phone"] == kept[1]


def test_a_bounded_clock_is_ticked_past_every_earlier_clock_of_the_device(db: ServerDb, a: Outbox) -> None:
    """Three edits bounded in one server millisecond, with falling counters, and a later
    push: the device's order holds, and the device row keeps the latest kept clock."""
    c = new_id()
    now_ms = int(BASE_NOW.timestamp() * 1000)
    limit = now_ms + MAX_SKEW_MS
    db.push(a.device, [a.register(c, {"name_th": "นิด"})], now=lambda: BASE_NOW)
    edits = [a.update(c, {"phone": str(n)}, hlc=Hlc(now_ms + 3_600_000 + n, 9 - n, a.device).encode()) for n in range(3)]
    db.push(a.device, edits[:2], now=lambda: BASE_NOW)
    db.push(a.device, edits[2:], now=lambda: BASE_NOW)  # another request: the clock comes from the device row
    data, clocks, _ = customer_state(db, c)
    assert data["phone"] == "2"
    assert clocks["phone"] == Hlc(limit, 11, a.device).encode()  # 9, then 10, then 11
    with db.sessions() as s:
        device = s.get(Device, a.device)
        assert device is not None and device.last_hlc == clocks["phone"]
    # The server's clock moved on: the next bound is the new one, not a tick of the old.
    later = BASE_NOW + timedelta(minutes=1)
    edit = a.update(c, {"phone": "3"}, hlc=Hlc(now_ms + 3_600_100, 0, a.device).encode())
    db.push(a.device, [edit], now=lambda: later)
    assert customer_state(db, c)[1]["phone"] == Hlc(int(later.timestamp() * 1000) + MAX_SKEW_MS, 0, a.device).encode()


def check_change_feed_db(db: ServerDb) -> None:
    with db.sessions() as s:
        check_change_feed(s)


# --- operations that can never apply -------------------------------------------------------


@pytest.mark.parametrize(
    "body, reason",
    [
        ({"fields": {}}, "malformed_operation"),  # an update with nothing in it
        ({"oops": 1}, "malformed_operation"),  # an update without its fields
    ],
)
def test_an_operation_that_can_never_apply_is_rejected_reported_and_the_queue_moves_on(
    db: ServerDb, a: Outbox, body: dict[str, object], reason: str
) -> None:
    c = new_id()
    register = a.register(c, {"name_th": "นิด"})
    broken = with_payload(a.update(c, {"phone": "081"}), body)  # hashed as sent: resending cannot mend it
    later = a.update(c, {"phone": "082"})

    response = db.push(a.device, [register, broken, later])

    assert [(r.outcome, r.reason) for r in response.results] == [
        ("applied", ""), ("rejected", reason), ("applied", ""),
    ]
    assert response.next_seq == 4
    assert customer_state(db, c)[0]["phone"] == "082"
    with db.sessions() as s:
        reported = [e for e in exceptions(s) if e.kind == "rejected_operation"]
        assert [(e.seq, e.detail["reason"]) for e in reported] == [(2, reason)]
    again = db.push(a.device, [broken])  # the response was lost: the stored outcome comes back
    assert [(r.outcome, r.reason) for r in again.results] == [("duplicate", "rejected")]


def test_a_newer_payload_format_is_refused_but_not_rejected_for_good(db: ServerDb, a: Outbox) -> None:
    c = new_id()
    newer = with_payload(a.register(c, {"name_th": "นิด"}), {"record": {"name_th": "นิด"}})
    payload = newer.payload.replace('"format":1', '"format":2')
    newer = newer.model_copy(update={"payload": payload, "payload_sha256": hashlib.sha256(payload.encode()).hexdigest()})
    with pytest.raises(ApplyRefused, match="needs an update"):
        db.push(a.device, [newer])
    with db.sessions() as s:
        assert applied_seqs(s, a.device) == []  # still owed: applied once the server is updated
        assert next_seq(s, a.device) == 1
