"""Hostile pushes against a real server (SQLite and PostgreSQL): each is refused with a reason, never a 5xx.

Found by a hostile-input review (issue 9, "A hardened apply"). Every case
sends the bad operation followed by a good one in the same batch: the bad
one is kept as ``rejected`` with a machine-readable reason (and an
exception for managers), the good one applies, so no terminal's queue is
ever stuck, and every other terminal of the clinic, and a new one, still
pulls the whole feed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from bnaura_desk.domain.hlc import Hlc
from sync.protocol import Operation
from sync.server.models import Record, SyncException

from .conftest import Enrolled, Server, now


def _op(enrolled: Enrolled, seq: int, type_: str, entity: str, entity_id: str, body: Any, *,
        hlc: str | None = None, raw: str | None = None) -> Operation:
    payload = raw if raw is not None else json.dumps({"format": 1, **body}, ensure_ascii=False)
    return Operation(
        device_id=enrolled.device_id, seq=seq, op_id=str(uuid.uuid4()), clinic_id=enrolled.clinic_id, type=type_,
        entity=entity, entity_id=entity_id,
        hlc=hlc or Hlc(int(now().timestamp() * 1000) + seq, 0, enrolled.device_id).encode(), actor_id=None,
        payload=payload, payload_sha256=hashlib.sha256(payload.encode()).hexdigest(),
    )


def _register(enrolled: Enrolled, seq: int, customer: str | None = None, **fields: Any) -> Operation:
    record = {"name_th": "ลูกค้า", "phone": "0812345678", "referral_code": "ABCDEFGHJK", **fields}
    return _op(enrolled, seq, "customer.register", "customer", customer or str(uuid.uuid4()), {"record": record})


def _ready(enrolled: Enrolled) -> int:
    """Push the terminal's own outbox (its clinic, staff...); return the next seq."""
    ops = enrolled.operations()
    r = enrolled.push(ops)
    assert r.status_code == 200, r.text
    return len(ops) + 1


def _push_bad_then_good(enrolled: Enrolled, bad: Callable[[int], Operation]) -> dict[str, Any]:
    """Push a bad operation and a good one; return the bad one's result (the good one must apply)."""
    seq = _ready(enrolled)
    good = _register(enrolled, seq + 1)
    r = enrolled.push([bad(seq), good])
    assert r.status_code == 200, r.text
    first, second = r.json()["results"]
    assert (second["outcome"], second["reason"]) == ("applied", ""), "the queue must move on past a bad operation"
    return first  # type: ignore[no-any-return]


def _pulls_fine(server: Server, enrolled: Enrolled) -> None:
    """Another terminal of the clinic, and a new one, pull the whole feed."""
    other = server.enrolled(clinic_id=enrolled.clinic_id)
    for reader in (enrolled, other):
        after = 0
        while True:
            r = reader.pull(after)
            assert r.status_code == 200, r.text
            body = r.json()
            after = body["cursor"]
            if not body["more"]:
                break


def _exception_kinds(server: Server, clinic_id: str) -> list[str]:
    with server.sessions() as s:
        return [e.kind for e in s.query(SyncException).filter(SyncException.clinic_id == clinic_id)]


@pytest.mark.parametrize("resolved_at", ["garbage", 123, "2026-01-01T00:00:00", "２０２６-01-01T00:00:00+07:00"])
def test_a_resolution_whose_time_has_no_zone_is_rejected_with_a_reason(
    server: Server, enrolled: Enrolled, resolved_at: Any
) -> None:
    exception_id = str(uuid.uuid4())
    result = _push_bad_then_good(enrolled, lambda seq: _op(
        enrolled, seq, "sync_exception.resolve", "sync_exception", exception_id,
        {"fields": {"resolved_at": resolved_at, "resolved_by": None, "note": "done"}},
    ))
    assert (result["outcome"], result["reason"]) == ("rejected", "invalid_record")
    assert result["detail"]["field"] == "resolved_at"
    _pulls_fine(server, enrolled)


def test_json_nested_hundreds_of_levels_deep_is_refused_and_every_pull_still_works(
    server: Server, enrolled: Enrolled
) -> None:
    deep: Any = "bottom"
    for _ in range(300):
        deep = {"x": deep}
    result = _push_bad_then_good(enrolled, lambda seq: _op(
        enrolled, seq, "setting.set", "setting", "pin_lockout", {"fields": {"value": deep}},
    ))
    assert (result["outcome"], result["reason"]) == ("rejected", "invalid_record")
    assert "nested deeper" in result["detail"]["message"]
    _pulls_fine(server, enrolled)


def test_json_too_deep_to_parse_is_a_malformed_payload(server: Server, enrolled: Enrolled) -> None:
    raw = '{"format":1,"fields":{"value":' + "[" * 100_000 + "]" * 100_000 + "}}"
    result = _push_bad_then_good(enrolled, lambda seq: _op(
        enrolled, seq, "setting.set", "setting", "pin_lockout", None, raw=raw,
    ))
    assert (result["outcome"], result["reason"]) == ("rejected", "malformed_payload")


@pytest.mark.parametrize(
    ("type_", "entity", "record", "missing"),
    [
        ("customer.register", "customer", {"name_en": "Only A Name"}, "phone"),
        ("branch.create", "branch", {"name_en": "No Thai Name"}, "name_th"),
        ("staff.create", "staff", {"display_name": "x", "role": "owner"}, "pin_hash"),
    ],
)
def test_a_record_missing_required_fields_is_rejected_and_others_still_pull(
    server: Server, enrolled: Enrolled, type_: str, entity: str, record: dict[str, Any], missing: str
) -> None:
    entity_id = enrolled.clinic_id if entity == "branch" else str(uuid.uuid4())
    result = _push_bad_then_good(enrolled, lambda seq: _op(enrolled, seq, type_, entity, entity_id, {"record": record}))
    assert (result["outcome"], result["reason"]) == ("rejected", "invalid_record")
    assert (result["detail"]["field"], result["detail"]["problem"]) == (missing, "missing")
    _pulls_fine(server, enrolled)


@pytest.mark.parametrize("branch_code", ["1", "", "0000a", "๐๐๐๐๑", "000001"])
def test_a_branch_number_that_is_not_five_digits_is_rejected(
    server: Server, enrolled: Enrolled, branch_code: str
) -> None:
    record = {"name_th": "คลินิก", "branch_code": branch_code}
    result = _push_bad_then_good(
        enrolled, lambda seq: _op(enrolled, seq, "branch.create", "branch", enrolled.clinic_id, {"record": record})
    )
    assert (result["outcome"], result["reason"], result["detail"]["field"]) == (
        "rejected", "invalid_record", "branch_code",
    )
    _pulls_fine(server, enrolled)


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"favourite_colour": "red"}, "favourite_colour", "unknown"),
        ({"opted_out": "yes"}, "opted_out", "must be true or false"),
        ({"phone": "0" * 500}, "phone", "is longer than 16 characters"),
        ({"gender": "dragon"}, "gender", None),
        ({"birthday": "2026-02-30"}, "birthday", "must be a date (YYYY-MM-DD)"),
        ({"channels": ["sms", "pigeon"]}, "channels", None),
    ],
)
def test_unknown_or_ill_typed_fields_are_rejected(
    server: Server, enrolled: Enrolled, fields: dict[str, Any], field: str, problem: str | None
) -> None:
    seq = _ready(enrolled)
    customer = str(uuid.uuid4())
    r = enrolled.push([_register(enrolled, seq, customer),
                       _op(enrolled, seq + 1, "customer.update", "customer", customer, {"fields": fields})])
    assert r.status_code == 200, r.text
    result = r.json()["results"][1]
    assert (result["outcome"], result["reason"], result["detail"]["field"]) == ("rejected", "invalid_record", field)
    if problem is not None:
        assert result["detail"]["problem"] == problem
    with server.sessions() as s:
        kept = s.get(Record, (enrolled.clinic_id, "customer", customer))
        assert kept is not None and field not in kept.data or kept.data[field] != fields[field]  # type: ignore[union-attr]


@pytest.mark.parametrize("clock", [
    "١٧٩٥٠٠٠٠٠٠٠٠٠.00000.{device}",  # Arabic-Indic digits, which int() reads
    "1_795_000_000_00.00000.{device}",  # underscores, which int() skips
    "9999999999999.00000.{device}",  # far ahead but well formed: bounded, not rejected (below)
    "1795000000000.00000.another-device",  # another device's node
])
def test_a_clock_is_read_strictly(server: Server, enrolled: Enrolled, clock: str) -> None:
    hlc = clock.format(device=enrolled.device_id)
    result = _push_bad_then_good(enrolled, lambda seq: _register(enrolled, seq).model_copy(update={"hlc": hlc}))
    if clock.startswith("9999"):
        assert (result["outcome"], result["reason"]) == ("exception", "clock_ahead")
    else:
        assert (result["outcome"], result["reason"]) == ("rejected", "malformed_operation")
    # Nothing kept a clock that would win its fields for ever.
    with server.sessions() as s:
        clocks = [r.hlc for r in s.query(Record).filter(Record.clinic_id == enrolled.clinic_id)]
    assert all(Hlc.parse(c).wall_ms < int(now().timestamp() * 1000) + 10 * 60_000 for c in clocks)


def test_an_id_of_another_clinic_is_that_clinic_s_alone(server: Server) -> None:
    a = server.enrolled()
    b = server.enrolled()
    # A's terminal registers a customer offline; B learns (ids are not secret) and pushes first.
    customer = a.register("ลูกค้าของเอ", "0811111111")
    b_seq = _ready(b)
    squat = _register(b, b_seq, customer, name_th="ของบี")
    grab = _op(b, b_seq + 1, "branch.create", "branch", a.clinic_id, {"record": {"name_th": "ยึดคลินิก"}})
    r = b.push([squat, grab])
    assert r.status_code == 200, r.text
    assert [(x["outcome"], x["reason"]) for x in r.json()["results"]] == [
        ("applied", ""), ("rejected", "foreign_record"),
    ]
    # A syncs as if nothing happened: its customer, its clinic.
    r = a.push(a.operations())
    assert r.status_code == 200, r.text
    assert all(x["outcome"] == "applied" for x in r.json()["results"])
    with server.sessions() as s:
        mine = s.get(Record, (a.clinic_id, "customer", customer))
        theirs = s.get(Record, (b.clinic_id, "customer", customer))
        clinic = s.get(Record, (a.clinic_id, "branch", a.clinic_id))
        assert mine is not None and mine.data["name_th"] == "ลูกค้าของเอ"
        assert theirs is not None and theirs.data["name_th"] == "ของบี"
        assert clinic is not None and clinic.data["name_th"] != "ยึดคลินิก"
        assert s.get(Record, (b.clinic_id, "branch", a.clinic_id)) is None
    _pulls_fine(server, a)


def test_an_operation_may_only_change_its_declared_entity(server: Server, enrolled: Enrolled) -> None:
    seq = _ready(enrolled)
    # A clock far ahead makes the server raise an exception of this device: the device tries to hide it.
    ahead = _register(enrolled, seq).model_copy(update={"hlc": Hlc(9_999_999_999_999, 0, enrolled.device_id).encode()})
    assert enrolled.push([ahead]).status_code == 200
    with server.sessions() as s:
        raised = s.query(SyncException).filter(SyncException.clinic_id == enrolled.clinic_id).one()
    hide = [
        _op(enrolled, seq + 1, "customer.update", "sync_exception", raised.id, {"fields": {"kind": "nothing"}}),
        _op(enrolled, seq + 2, "customer.register", "sync_exception", str(uuid.uuid4()),
            {"record": {"name_th": "x", "phone": "1", "referral_code": "X"}}),
        _op(enrolled, seq + 3, "sync_exception.resolve", "sync_exception", raised.id, {"fields": {"kind": "nothing"}}),
    ]
    r = enrolled.push(hide)
    assert r.status_code == 200, r.text
    assert [(x["outcome"], x["reason"]) for x in r.json()["results"]] == [
        ("rejected", "wrong_entity"), ("rejected", "wrong_entity"), ("rejected", "invalid_record"),
    ]
    with server.sessions() as s:
        kept = s.get(Record, (enrolled.clinic_id, "sync_exception", raised.id))
        assert kept is not None and kept.data["kind"] == "clock_ahead"
    assert "clock_ahead" in _exception_kinds(server, enrolled.clinic_id)


def test_an_op_id_another_clinic_used_does_not_stop_a_device(server: Server) -> None:
    a = server.enrolled()
    b = server.enrolled()
    a.register("ลูกค้าของเอ", "0811111111")
    a_ops = a.operations()
    assert a.push(a_ops).status_code == 200
    b_seq = _ready(b)
    # B's next operation reuses an op id A already used (op ids are not secret either).
    reused = _register(b, b_seq).model_copy(update={"op_id": a_ops[-1].op_id})
    r = b.push([reused, _register(b, b_seq + 1)])
    assert r.status_code == 200, r.text
    assert [x["outcome"] for x in r.json()["results"]] == ["applied", "applied"]
