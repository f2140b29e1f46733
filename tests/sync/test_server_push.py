"""Pushing a terminal's real outbox over HTTP: exactly once, and every bad input refused."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.types import canonical_json
from sync.protocol import MAX_BATCH, PROTOCOL_HEADER, PROTOCOL_VERSION, Operation
from sync.server.bodies import MAX_BODY_BYTES
from sync.server.models import AppliedOperation, ChangeEntry, Device, Record

from .conftest import Enrolled, Server


def _state(server: Server, device_id: str) -> tuple[int, list[int], int]:
    """(next_seq, applied seqs, change-feed length of its chain): to show nothing changed.

    Not counted: the records the owner's commands wrote (the chain's name, its branches).
    """
    with server.sessions() as s:
        device = s.get(Device, device_id)
        assert device is not None
        seqs = list(s.scalars(select(AppliedOperation.seq).where(AppliedOperation.device_id == device_id)
                              .order_by(AppliedOperation.seq)))
        feed = s.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.chain_id == device.chain_id, ChangeEntry.entity.not_in(["chain", "branch"])
        ))
        return device.next_seq, seqs, int(feed or 0)


def _with_payload(op: Operation, body: dict[str, Any]) -> Operation:
    payload = canonical_json(body)
    return op.model_copy(update={"payload": payload, "payload_sha256": hashlib.sha256(payload.encode()).hexdigest()})


def _error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["code"] == code, body
    assert body["message"]
    return body  # type: ignore[no-any-return]


def test_push_applies_in_order_and_a_resend_gets_the_stored_outcomes(server: Server, enrolled: Enrolled) -> None:
    ids = [enrolled.register(f"ลูกค้า {i}", f"08123456{i:02d}") for i in range(3)]
    ops = enrolled.operations()
    # The branch, then each customer with its welcome points.
    assert [op.type for op in ops] == ["branch.create"] + ["customer.register", "points.record"] * 3
    assert [op.entity_id for op in ops if op.type == "customer.register"] == ids

    r = enrolled.push(ops)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [(x["seq"], x["outcome"]) for x in body["results"]] == [(op.seq, "applied") for op in ops]
    assert body["next_seq"] == len(ops) + 1
    with server.sessions() as s:
        for cid in ids:
            rec = s.get(Record, (enrolled.clinic_id, "customer", cid))
            assert rec is not None and rec.chain_id == enrolled.clinic_id
        device = s.get(Device, enrolled.device_id)
        assert device is not None and device.last_seen_at is not None

    again = enrolled.push(ops)
    assert again.status_code == 200
    assert [(x["seq"], x["outcome"], x["reason"]) for x in again.json()["results"]] == [
        (op.seq, "duplicate", "applied") for op in ops
    ]
    assert _state(server, enrolled.device_id)[0] == len(ops) + 1

    # A batch that overlaps: the old ones are duplicates, the new one applies.
    enrolled.terminal.run(customers.update_customer, ids[0], CustomerForm(name_th="ลูกค้า ศูนย์", phone="0812345600"),
                          actor=SYSTEM)
    more = enrolled.operations()
    mixed = enrolled.push(more[-2:])
    assert [x["outcome"] for x in mixed.json()["results"]] == ["duplicate", "applied"]


def test_a_changed_payload_under_an_applied_seq_is_a_conflict(server: Server, enrolled: Enrolled) -> None:
    enrolled.register("สมหญิง", "0812345678")
    ops = enrolled.operations()
    assert enrolled.push(ops).status_code == 200
    before = _state(server, enrolled.device_id)
    changed = _with_payload(ops[-1], json.loads(ops[-1].payload) | {"record": {"name_th": "อื่น"}})
    body = _error(enrolled.push([changed]), 409, "seq_conflict")
    assert body["detail"]["seq"] == ops[-1].seq
    assert _state(server, enrolled.device_id) == before


def test_a_gap_is_refused_with_the_expected_seq(server: Server, enrolled: Enrolled) -> None:
    enrolled.register("ก", "0812345671")
    enrolled.register("ข", "0812345672")
    ops = enrolled.operations()
    body = _error(enrolled.push(ops[2:]), 409, "seq_gap")
    assert body["detail"]["expected"] == 1 and body["detail"]["got"] == 3
    assert _state(server, enrolled.device_id) == (1, [], 0)
    # Ops before the gap are applied and reported in the refusal.
    partial = enrolled.push([ops[0], ops[2]])
    body = _error(partial, 409, "seq_gap")
    assert [x["seq"] for x in body["detail"]["results"]] == [1] and body["detail"]["expected"] == 2


def test_an_unknown_operation_type_is_422(server: Server, enrolled: Enrolled) -> None:
    ops = enrolled.operations()
    odd = ops[0].model_copy(update={"type": "clinic.explode"})
    _error(enrolled.push([odd]), 422, "unknown_operation")
    assert _state(server, enrolled.device_id) == (1, [], 0)


def test_malformed_json_wrong_types_and_missing_fields_are_422(server: Server, enrolled: Enrolled) -> None:
    http = enrolled.http
    _error(http.post("/v1/push", content=b'{"protocol": 1, "operations": [', headers={"Content-Type": "application/json"}),
           422, "invalid_request")
    _error(http.post("/v1/push", content=b"[1, 2]"), 422, "invalid_request")
    op = enrolled.operations()[0].model_dump()
    wrong = {"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id, "operations": [op | {"seq": "first"}]}
    body = _error(http.post("/v1/push", json=wrong), 422, "invalid_request")
    assert body["detail"]["errors"][0]["loc"] == ["operations", 0, "seq"]
    extra = {"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id, "operations": [op | {"sneaky": 1}]}
    _error(http.post("/v1/push", json=extra), 422, "invalid_request")
    _error(http.post("/v1/push", json={"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id}),
           422, "invalid_request")
    _error(http.post("/v1/push", json={"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id,
                                       "operations": "all of them"}), 422, "invalid_request")
    bad_hash = enrolled.operations()[0].model_copy(update={"payload_sha256": "0" * 64})
    _error(enrolled.push([bad_hash]), 400, "bad_operation")
    assert _state(server, enrolled.device_id) == (1, [], 0)


def test_an_oversized_batch_is_413_before_its_operations_are_read(server: Server, enrolled: Enrolled) -> None:
    junk = [{"not": "an operation"}] * (MAX_BATCH + 1)
    body = _error(enrolled.http.post("/v1/push", json={"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id,
                                                       "operations": junk}), 413, "batch_too_large")
    assert body["detail"] == {"limit": MAX_BATCH, "got": MAX_BATCH + 1}
    assert _state(server, enrolled.device_id) == (1, [], 0)


def test_missing_or_wrong_token_is_401(server: Server, enrolled: Enrolled) -> None:
    ops = [op.model_dump() for op in enrolled.operations()]
    body = {"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id, "operations": ops}
    r = server.client().post("/v1/push", json=body)
    _error(r, 401, "unauthorized")
    assert r.headers["WWW-Authenticate"] == "Bearer"
    _error(server.client(token="not-a-token").post("/v1/push", json=body), 401, "unauthorized")
    _error(server.client(token=enrolled.token[:-2]).get("/v1/pull"), 401, "unauthorized")
    _error(server.client().post("/v1/push", json=body, headers={"Authorization": f"Basic {enrolled.token}"}),
           401, "unauthorized")
    assert _state(server, enrolled.device_id) == (1, [], 0)


def test_a_revoked_device_is_refused_at_once(server: Server, enrolled: Enrolled) -> None:
    from sync.server.admin import revoke_device

    from .conftest import now

    assert enrolled.pull().status_code == 200
    with server.sessions() as s:
        revoke_device(s, enrolled.device_id, now())
        s.commit()
    _error(enrolled.push(enrolled.operations()), 401, "device_revoked")
    _error(enrolled.pull(), 401, "device_revoked")
    assert _state(server, enrolled.device_id) == (1, [], 0)


def test_operations_naming_another_clinic_are_refused_and_change_nothing(server: Server) -> None:
    a = server.enrolled()
    b = server.enrolled()
    customer = a.register("ลูกค้าของเอ", "0811111111")
    assert a.push(a.operations()).status_code == 200
    a_before = _state(server, a.device_id)
    with server.sessions() as s:
        kept = s.get(Record, (a.clinic_id, "customer", customer))
        assert kept is not None
        a_data = dict(kept.data)

    b_ops = b.operations()
    # 1. An operation that names clinic A.
    foreign_clinic = b_ops[0].model_copy(update={"clinic_id": a.clinic_id})
    body = _error(b.push([foreign_clinic]), 403, "foreign_clinic")
    assert body["detail"]["seq"] == 1
    # (An id of A's record used by B names B's own record of that id: test_server_hostile.py.)
    # 2. Another device's operations, or a push in another device's name.
    _error(b.push(a.operations()), 403, "foreign_device")
    _error(b.http.post("/v1/push", json={"protocol": PROTOCOL_VERSION, "device_id": a.device_id, "operations": []}),
           403, "foreign_device")

    assert _state(server, b.device_id) == (1, [], 0)
    assert _state(server, a.device_id) == a_before
    with server.sessions() as s:
        kept = s.get(Record, (a.clinic_id, "customer", customer))
        assert kept is not None and kept.data == a_data


def test_another_protocol_version_is_426_and_nothing_is_applied(server: Server, enrolled: Enrolled) -> None:
    ops = enrolled.operations()
    body = {"protocol": 2, "device_id": enrolled.device_id, "operations": [op.model_dump() for op in ops]}
    r = _error(enrolled.http.post("/v1/push", json=body), 426, "protocol_version")
    assert r["message"] == "This terminal needs an update to sync with this server"
    assert r["detail"] == {"server_protocol": PROTOCOL_VERSION, "client_protocol": 2}
    body["protocol"] = PROTOCOL_VERSION
    _error(enrolled.http.post("/v1/push", json=body, headers={PROTOCOL_HEADER: "2"}), 426, "protocol_version")
    _error(enrolled.http.get("/v1/pull", headers={PROTOCOL_HEADER: "2"}), 426, "protocol_version")
    assert _state(server, enrolled.device_id) == (1, [], 0)
    assert enrolled.http.post("/v1/push", json=body).status_code == 200


def test_an_empty_push_answers_the_next_seq(server: Server, enrolled: Enrolled) -> None:
    r = enrolled.push([])
    assert r.status_code == 200 and r.json() == {"results": [], "next_seq": 1}


def test_a_body_over_the_size_limit_is_413_unread(server: Server, enrolled: Enrolled) -> None:
    r = enrolled.http.post("/v1/push", content=b" " * (MAX_BODY_BYTES + 1), headers={"Content-Type": "application/json"})
    assert _error(r, 413, "body_too_large")["detail"] == {"limit": MAX_BODY_BYTES}
