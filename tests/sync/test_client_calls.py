"""One request/answer layer: the blocking and the async client send the same requests and read the same answers.

Each endpoint is a ``calls.Call``; ``SyncClient`` and ``AsyncSyncClient``
only move its bytes. The same handler answers both here (httpx's mock
transport serves either), and what each client sent and made of the answer
must be the same, refusals and dead servers included.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from sync.client import calls
from sync.client.async_http import AsyncSyncClient
from sync.client.http import (
    EnrollmentRefused,
    OperationRefused,
    SeqGap,
    ServerUnavailable,
    SyncClient,
    SyncError,
    Unauthorized,
)
from sync.client.pages import UnreadPage
from sync.protocol import Operation

DEVICE = "01a20a00-0000-7000-8000-000000000001"
OPERATION = Operation(
    device_id=DEVICE,
    seq=1,
    op_id="01a20a00-0000-7000-8000-0000000000aa",
    clinic_id="01a20a00-0000-7000-8000-0000000000cc",
    type="customer.register",
    entity="customer",
    entity_id="01a20a00-0000-7000-8000-0000000000bb",
    hlc="000001912345678901-00000-" + DEVICE,
    payload='{"format":1,"record":{"name_th":"สมหญิง"}}',
    payload_sha256="0" * 64,
)

ANSWERS: dict[str, dict[str, Any]] = {
    "/health": {"status": "ok", "database": True, "protocol": 1},
    "/v1/enroll": {
        "device_id": DEVICE, "chain_id": "01a20a00-0000-7000-8000-0000000000cc", "chain_name": "คลินิก",
        "branch_id": "01a20a00-0000-7000-8000-0000000000cc", "branch_name": "คลินิก", "branch_no": "00000",
        "token": "secret-token", "next_seq": 1,
    },
    "/v1/push": {"results": [{"seq": 1, "outcome": "applied"}], "next_seq": 2},
    "/v1/pull": {"changes": [], "cursor": 9, "head": 9, "more": False},
}

ENDPOINTS: dict[str, Callable[[], calls.Call[Any]]] = {
    "health": calls.health,
    "enroll": lambda: calls.enroll("ABCD-EFGH", DEVICE, "POS-1", None),
    "push": lambda: calls.push(DEVICE, [OPERATION]),
    "pull": lambda: calls.pull(3, 50),
}


def _sent(request: httpx.Request) -> tuple[str, str, dict[str, str], Any]:
    body = json.loads(request.content) if request.content else None
    return request.method, str(request.url), dict(request.headers), body


def _both(handler: Callable[[httpx.Request], httpx.Response], call: calls.Call[Any]) -> list[tuple[Any, list[Any]]]:
    """Send ``call`` with each client; return (answer or error, requests sent) for the blocking then the async one."""
    results: list[tuple[Any, list[Any]]] = []

    def recording(seen: list[Any]) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            seen.append(_sent(request))
            return handler(request)

        return httpx.MockTransport(handle)

    seen: list[Any] = []
    with SyncClient("http://server.test/", "tok", transport=recording(seen)) as blocking:
        try:
            results.append((blocking.send(call), seen))
        except SyncError as error:
            results.append((error, seen))

    async def send_async() -> tuple[Any, list[Any]]:
        seen_async: list[Any] = []
        async with AsyncSyncClient("http://server.test/", "tok", transport=recording(seen_async)) as client:
            try:
                return await client.send(call), seen_async
            except SyncError as error:
                return error, seen_async

    results.append(asyncio.run(send_async()))
    return results


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_both_clients_send_the_same_request_and_read_the_same_answer(endpoint: str) -> None:
    call = ENDPOINTS[endpoint]()
    (blocking, sent), (awaited, sent_async) = _both(lambda r: httpx.Response(200, json=ANSWERS[r.url.path]), call)
    assert len(sent) == 1 and sent == sent_async
    method, url, headers, _ = sent[0]
    assert (method, httpx.URL(url).path) == (call.method, call.path)
    assert headers["authorization"] == "Bearer tok" and headers["x-bnaura-protocol"] == "1"
    assert blocking == awaited == call.read(json.dumps(ANSWERS[call.path]).encode())


def test_the_requests_say_what_the_protocol_says() -> None:
    [(_, [push])] = _both(lambda r: httpx.Response(200, json=ANSWERS["/v1/push"]), calls.push(DEVICE, [OPERATION]))[:1]
    assert push[0] == "POST" and push[3]["device_id"] == DEVICE and push[3]["operations"][0]["payload"] == OPERATION.payload
    [(_, [pull])] = _both(lambda r: httpx.Response(200, json=ANSWERS["/v1/pull"]), calls.pull(3, 50))[:1]
    assert pull[0] == "GET" and httpx.URL(pull[1]).params == httpx.QueryParams({"after": "3", "limit": "50"})
    [(_, [enroll])] = _both(lambda r: httpx.Response(200, json=ANSWERS["/v1/enroll"]), ENDPOINTS["enroll"]())[:1]
    assert enroll[3] == {
        "protocol": 1, "code": "ABCD-EFGH", "device_id": DEVICE, "device_name": "POS-1", "branch_id": None,
    }


def _refused(status: int, code: str, **detail: Any) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _: httpx.Response(status, json={"code": code, "message": f"refused: {code}", "detail": detail})


def _no_answer(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


@pytest.mark.parametrize(
    ("handler", "error"),
    [
        (_refused(401, "unauthorized"), Unauthorized),
        (_refused(409, "seq_gap", expected=4, results=[{"seq": 3, "outcome": "applied"}]), SeqGap),
        (_refused(422, "unknown_operation", seq=3), OperationRefused),
        (_refused(410, "code_used"), EnrollmentRefused),
        (lambda _: httpx.Response(502, text="bad gateway"), ServerUnavailable),
        (lambda _: httpx.Response(422, json={"detail": [{"msg": "field required"}]}), OperationRefused),
        (_no_answer, ServerUnavailable),
    ],
)
def test_both_clients_raise_the_same_typed_error(
    handler: Callable[[httpx.Request], httpx.Response], error: type[SyncError]
) -> None:
    for endpoint in ENDPOINTS.values():
        (blocking, _), (awaited, _) = _both(handler, endpoint())
        assert type(blocking) is error and type(awaited) is error
        assert (blocking.status, blocking.server_code, blocking.detail, blocking.render()) == (
            awaited.status, awaited.server_code, awaited.detail, awaited.render()
        )


def test_pages_asked_for_ahead_are_read_as_pulled_ones() -> None:
    page = {"changes": [], "cursor": 12, "head": 40, "more": True}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, json=page))
    with SyncClient("http://server.test/", "tok", transport=transport) as blocking:
        ahead = blocking.pull_ahead(0, 10).result()
        assert ahead == blocking.pull(0, 10)

    async def pull_async() -> tuple[UnreadPage, UnreadPage]:
        async with AsyncSyncClient("http://server.test/", "tok", transport=transport) as client:
            return await client.pull_ahead(0, 10), await client.pull(0, 10)

    # The async client leaves its pages unread (the app reads them on its database worker).
    unread_ahead, unread = asyncio.run(pull_async())
    assert unread_ahead.read() == unread.read() == ahead
    assert unread.header() == ahead.model_copy(update={"changes": []})
    assert (ahead.cursor, ahead.head, ahead.more) == (12, 40, True)
