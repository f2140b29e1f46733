"""Requests the server refuses whole, on SQLite and PostgreSQL: the protocol header, and the
inputs schemathesis found answering 500 (now refused as a 4xx, nothing applied).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

import pytest
from fastapi.routing import APIRoute

from bnaura_desk.domain.hlc import Hlc
from sync.protocol import MAX_INT64, PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server.app import create_app
from sync.server.dependencies import check_protocol_header

from .conftest import Enrolled, Server


def _error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["code"] == code, body
    return body  # type: ignore[no-any-return]


def _next_seq(server: Server, enrolled: Enrolled) -> int:
    from sync.server.models import Device

    with server.sessions() as s:
        device = s.get(Device, enrolled.device_id)
        assert device is not None
        return device.next_seq


# --- the protocol header ------------------------------------------------------------------


def test_every_sync_route_needs_the_protocol_header_and_documents_it(tmp_path: Any) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'server.sqlite'}")
    routes = [(r.path, method, r) for r in app.routes if isinstance(r, APIRoute) for method in r.methods]
    assert {(path, method) for path, method, _ in routes} == {
        ("/health", "GET"), ("/v1/enroll", "POST"), ("/v1/push", "POST"), ("/v1/pull", "GET"),
        # Scan images and photos travel through their own routes (``sync.server.images``).
        ("/v1/images/{sha256}", "GET"), ("/v1/images/{sha256}/upload", "GET"), ("/v1/images/{sha256}/upload", "PUT"),
    }
    doc = app.openapi()
    for path, method, route in routes:
        guarded = any(d.call is check_protocol_header for d in route.dependant.dependencies)
        operation = doc["paths"][path][method.lower()]
        header = [p for p in operation.get("parameters", []) if p["name"] == PROTOCOL_HEADER]
        if path == "/health":  # a load balancer's probe sends no such header
            assert not guarded and not header
        else:
            assert guarded, path
            assert header and header[0]["required"] and header[0]["schema"]["enum"] == [str(PROTOCOL_VERSION)]
            assert "426" in operation["responses"], (path, method)


def test_a_pull_without_the_protocol_header_is_426_with_a_clear_message(server: Server, enrolled: Enrolled) -> None:
    bare = server.client(token=enrolled.token, protocol=False)
    body = _error(bare.get("/v1/pull"), 426, "protocol_version")
    assert PROTOCOL_HEADER in body["message"] and "needs an update" in body["message"]
    assert body["detail"] == {"server_protocol": PROTOCOL_VERSION, "client_protocol": None}
    assert _error(bare.get("/v1/pull", headers={PROTOCOL_HEADER: ""}), 426, "protocol_version")
    assert _error(bare.get("/v1/pull", headers={PROTOCOL_HEADER: "0"}), 426, "protocol_version")["detail"] == {
        "server_protocol": PROTOCOL_VERSION, "client_protocol": "0",
    }
    # Checked before the token: an old terminal hears "update", not "enroll again".
    assert _error(server.client(protocol=False).get("/v1/pull"), 426, "protocol_version")
    assert bare.get("/v1/pull", headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}).status_code == 200


def test_a_push_or_enroll_without_the_protocol_header_is_426_and_changes_nothing(
    server: Server, enrolled: Enrolled
) -> None:
    enrolled.register("ลูกค้า", "0812345600")
    ops = enrolled.operations()
    bare = server.client(token=enrolled.token, protocol=False)
    body = {"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id, "operations": [o.model_dump() for o in ops]}
    _error(bare.post("/v1/push", json=body), 426, "protocol_version")
    assert _next_seq(server, enrolled) == 1

    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    code = server.new_code(clinic)
    _error(server.client(protocol=False).post("/v1/enroll", json=server.enroll_body(terminal, code)),
           426, "protocol_version")
    assert server.client().post("/v1/enroll", json=server.enroll_body(terminal, code)).status_code == 200  # not spent


def test_health_and_the_openapi_document_need_no_protocol_header(server: Server) -> None:
    bare = server.client(protocol=False)
    assert bare.get("/health").status_code == 200
    assert bare.get("/openapi.json").status_code == 200


# --- what schemathesis found ------------------------------------------------------------


def _operation(enrolled: Enrolled, seq: int = 1, **fields: Any) -> dict[str, Any]:
    payload = fields.pop("payload", json.dumps({"format": 1, "record": {"name_th": "นิด", "phone": "0811111111", "referral_code": "ABCDEFGHJK"}}))
    op = {
        "device_id": enrolled.device_id, "seq": seq, "op_id": str(uuid.uuid4()), "clinic_id": enrolled.clinic_id,
        "type": "customer.register", "entity": "customer", "entity_id": str(uuid.uuid4()),
        "hlc": Hlc(1_795_000_000_000, 0, enrolled.device_id).encode(), "actor_id": None,
        "payload": payload, "payload_sha256": hashlib.sha256(payload.encode()).hexdigest(),
    }
    return op | fields


def _push(enrolled: Enrolled, *ops: dict[str, Any]) -> Any:
    return enrolled.http.post("/v1/push", json={"protocol": PROTOCOL_VERSION, "device_id": enrolled.device_id,
                                                "operations": list(ops)})


def test_numbers_beyond_64_bits_are_422_not_500(server: Server, enrolled: Enrolled) -> None:
    # Found: `?after=110784057478717718528` and a seq of 2**106 overflowed SQLite's INTEGER (500).
    _error(enrolled.pull(after=MAX_INT64 + 1), 422, "invalid_request")
    assert enrolled.pull(after=MAX_INT64).status_code == 200
    _error(_push(enrolled, _operation(enrolled, seq=MAX_INT64 + 1)), 422, "invalid_request")
    assert _next_seq(server, enrolled) == 1
    assert _push(enrolled, _operation(enrolled)).status_code == 200  # the same connection still works


@pytest.mark.parametrize("field", ["entity_id", "hlc", "op_id", "type", "payload_sha256"])
def test_a_nul_character_in_stored_text_is_422_on_both_databases(
    server: Server, enrolled: Enrolled, field: str
) -> None:
    # PostgreSQL cannot store NUL in text: it was a 500 there (and stored on SQLite).
    op = _operation(enrolled)
    op[field] = op[field][:-1] + "\x00"
    first = _operation(enrolled)
    body = _error(_push(enrolled, first, op | {"seq": 2}), 422, "invalid_request")
    assert body["detail"]["field"] == f"operations.1.{field}"
    assert _next_seq(server, enrolled) == 1  # refused whole, before the first operation


def test_a_nul_character_in_an_enrollment_is_422(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    code = server.new_code(clinic)
    c = server.client()
    body = _error(c.post("/v1/enroll", json=server.enroll_body(terminal, code) | {"device_name": "POS\x00"}),
                  422, "invalid_request")
    assert body["detail"]["field"] == "device_name"
    assert c.post("/v1/enroll", json=server.enroll_body(terminal, code)).status_code == 200  # not spent


def test_a_payload_with_a_lone_surrogate_is_rejected_and_the_feed_stays_readable(
    server: Server, enrolled: Enrolled
) -> None:
    # Kept, "\ud800" made every later pull of the clinic fail to encode (500 for every terminal).
    broken = _operation(enrolled, payload='{"format":1,"record":{"name_th":"\\ud800","phone":"081","referral_code":"X"}}')
    fine = _operation(enrolled, seq=2, payload='{"format":1,"record":{"name_th":"\\ud83d\\ude00","phone":"081","referral_code":"Y"}}')
    results = _push(enrolled, broken, fine).json()["results"]
    assert [(r["outcome"], r["reason"]) for r in results] == [("rejected", "malformed_payload"), ("applied", "")]
    pulled = enrolled.pull()
    assert pulled.status_code == 200, pulled.text
    names = [c["data"].get("name_th") for c in pulled.json()["changes"] if c["entity"] == "customer"]
    assert names == ["😀"]
