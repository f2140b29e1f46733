"""The sync endpoints over ``httpx.AsyncClient``, for the app's event loop.

The same calls, headers, certificate checks and typed errors as
``SyncClient`` (shared from ``http``); the app awaits them inside the Qt
event loop (qasync), so a slow or dead server never freezes the counter.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Generator
from typing import Any, Self

import httpx

from ..protocol import (
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    Health,
    Operation,
    PullResponse,
    PushRequest,
    PushResponse,
)
from .http import DEFAULT_TIMEOUT, read_answer, read_page, request_headers, tls_verify, unreachable


class AsyncSyncClient:
    """The sync endpoints of one clinic server, awaitable.

    Args:
        base_url: e.g. ``https://clinic.example:8443``.
        token: this device's bearer token (``None`` before enrolling).
        verify: as ``SyncClient``: ``True``, a CA file path, an
            ``ssl.SSLContext``, or ``False`` (tests).
        timeout: seconds, or an ``httpx.Timeout``.
        transport: for tests (an ``httpx.AsyncBaseTransport``).

    Raises:
        CaFileProblem: ``verify`` names a file that holds no usable certificate.
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        verify: bool | str | ssl.SSLContext = True,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"), headers=request_headers(token), verify=tls_verify(verify),
            timeout=timeout, transport=transport,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _call(self, method: str, path: str, **kw: Any) -> Any:
        try:
            response = await self._http.request(method, path, **kw)
        except httpx.HTTPError as error:
            raise unreachable(error) from None
        return read_answer(response)

    async def health(self) -> Health:
        return Health.model_validate(await self._call("GET", "/health"))

    async def enroll(self, code: str, device_id: str, device_name: str, clinic_id: str | None) -> EnrollResponse:
        """Trade a one-time code for this device's token."""
        request = EnrollRequest(
            protocol=PROTOCOL_VERSION, code=code, device_id=device_id, device_name=device_name, clinic_id=clinic_id
        )
        return EnrollResponse.model_validate(await self._call("POST", "/v1/enroll", json=request.model_dump()))

    async def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        """Send operations in seq order; the server applies each exactly once."""
        request = PushRequest(protocol=PROTOCOL_VERSION, device_id=device_id, operations=operations)
        return PushResponse.model_validate(await self._call("POST", "/v1/push", json=request.model_dump()))

    async def pull(self, after: int, limit: int) -> PullResponse:
        """Return the clinic's changes after cursor ``after`` (one page)."""
        return read_page(await self._fetch_page(after, limit))

    async def _fetch_page(self, after: int, limit: int) -> bytes:
        """The page's bytes, streamed (see ``http.page_bytes``)."""
        try:
            async with self._http.stream("GET", "/v1/pull", params={"after": after, "limit": limit}) as response:
                if response.status_code >= 400:
                    await response.aread()
                    read_answer(response)  # raises the typed error
                return b"".join([chunk async for chunk in response.aiter_bytes()])
        except httpx.HTTPError as error:
            raise unreachable(error) from None

    def pull_ahead(self, after: int, limit: int) -> PendingPageTask:
        """Start fetching ``pull(after, limit)`` as a task of the running loop.

        The engine asks for the next page this way while the database
        worker applies the current one (``engine.pull_changes``); the page
        is read from its bytes when awaited (as ``http.PendingPage``).
        """
        task = asyncio.ensure_future(self._fetch_page(after, limit))
        task.add_done_callback(_consume)
        return PendingPageTask(task)


class PendingPageTask:
    """A page being fetched by a task: awaiting it reads the page; ``cancel`` drops it."""

    def __init__(self, task: asyncio.Task[bytes]) -> None:
        self.task = task

    def __await__(self) -> Generator[Any, None, PullResponse]:
        body = yield from self.task.__await__()
        return read_page(body)

    def cancel(self) -> None:
        self.task.cancel()


def _consume(task: asyncio.Task[bytes]) -> None:
    """Read a finished task's exception, so a dropped one is not reported as never retrieved."""
    if not task.cancelled():
        task.exception()
