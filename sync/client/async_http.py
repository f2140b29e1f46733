"""The sync endpoints over ``httpx.AsyncClient``, for the app's event loop.

The same requests (``calls``), headers, certificate checks and typed errors
as ``SyncClient`` (``http``); only the waiting differs: the app awaits them
inside the Qt event loop (qasync), so a slow or dead server never freezes
the counter. For the same reason a pulled page is handed over unread
(``pages.UnreadPage``): reading its megabytes is left to the thread that
applies it.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable, Generator
from typing import Any, Self, TypeVar

import httpx

from ..protocol import EnrollResponse, Health, Operation, PushResponse
from . import calls, pages
from .calls import Call
from .http import DEFAULT_TIMEOUT, client_settings, refusal, unreachable
from .pages import UnreadPage

T = TypeVar("T")


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
        self._http = httpx.AsyncClient(**client_settings(base_url, token, verify, timeout), transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def send(self, call: Call[T]) -> T:
        """Send ``call`` and return its answer, read; raises as ``SyncClient.send``."""
        return call.read(await self._answer(call))

    async def _answer(self, call: Call[Any]) -> bytes:
        """The body of the successful answer to ``call``, streamed (see ``SyncClient._answer``)."""
        try:
            async with self._http.stream(
                call.method, call.path, json=call.json, params=call.params, content=call.content
            ) as response:
                if response.is_error:
                    await response.aread()
                    raise refusal(response)
                chunks: list[bytes] = []
                async for chunk in response.aiter_bytes():
                    chunks.append(chunk)
                    # When the answer comes faster than it is read, the loop
                    # would not run anything else until its last byte (a
                    # bootstrap's page: 90 ms without painting): let it.
                    await asyncio.sleep(0)
                return b"".join(chunks)
        except httpx.HTTPError as error:
            raise unreachable(error) from None

    async def health(self) -> Health:
        return await self.send(calls.health())

    async def enroll(self, code: str, device_id: str, device_name: str, branch_id: str | None) -> EnrollResponse:
        """Trade a one-time code for this device's token."""
        return await self.send(calls.enroll(code, device_id, device_name, branch_id))

    async def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        """Send operations in seq order; the server applies each exactly once."""
        return await self.send(calls.push(device_id, operations))

    async def pull(self, after: int, limit: int) -> UnreadPage:
        """Return the clinic's changes after cursor ``after`` (one page), not read yet.

        Reading a large page takes long enough to freeze the app when done
        in its event loop: ``UnreadPage.read`` reads it where it is applied,
        on the database worker (``sync.client.pages``).
        """
        return await self.send(pages.unread(calls.pull(after, limit)))

    def pull_ahead(self, after: int, limit: int) -> PendingPageTask:
        """Start fetching ``pull(after, limit)`` as a task of the running loop.

        The engine asks for the next page this way while the database
        worker applies the current one (``engine.pull_changes``); awaited,
        it is the page's ``UnreadPage``, as ``pull``'s.
        """
        call = pages.unread(calls.pull(after, limit))
        task = asyncio.ensure_future(self._answer(call))
        task.add_done_callback(_consume)
        return PendingPageTask(task, call.read)


class PendingPageTask:
    """A page being fetched by a task: awaiting it gives the page, unread; ``cancel`` drops it."""

    def __init__(self, task: asyncio.Task[bytes], read: Callable[[bytes], UnreadPage]) -> None:
        self.task = task
        self.read = read

    def __await__(self) -> Generator[Any, None, UnreadPage]:
        body = yield from self.task.__await__()
        return self.read(body)

    def cancel(self) -> None:
        self.task.cancel()


def _consume(task: asyncio.Task[bytes]) -> None:
    """Read a finished task's exception, so a dropped one is not reported as never retrieved."""
    if not task.cancelled():
        task.exception()
