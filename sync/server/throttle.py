"""Who the client is, and a cheap 429 for an address already refused enrollment.

The client's address is the socket peer's, unless uvicorn was told to trust
the proxy it came through (``bnaura server --forwarded-allow-ips``): then
uvicorn has already put the ``X-Forwarded-For`` client in its place. By
default no proxy is trusted, so a forged header gets no fresh allowance of
wrong enrollment codes.
"""

from __future__ import annotations

import time

from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from .enroll import TOO_MANY, EnrollRefused, source_address
from .errors import error_response

ENROLL_PATH = "/v1/enroll"


def client_address(request: Request) -> str:
    """Return the key the request's failed enrollments are counted under (``enroll.source_address``)."""
    return source_address(request.client.host if request.client else "unknown")


class BlockedAddresses:
    """Addresses this process has already answered 429, until their window ends.

    The database decides (``enroll`` counts failures there, so the limit
    holds across processes); this memo only repeats a refusal without
    reading the body or asking the database again, so a script of
    guesses costs the server next to nothing. It never lets more through.
    """

    LIMIT = 100_000

    def __init__(self) -> None:
        self._until: dict[str, float] = {}

    def until(self, address: str, now: float) -> float | None:
        """Return when ``address``'s block ends (a timestamp), or None when it is not blocked at ``now``."""
        until = self._until.get(address)
        if until is None or until <= now:
            return None
        return until

    def add(self, address: str, until: float, now: float) -> None:
        """Block ``address`` until ``until``; past ``LIMIT`` addresses, ended blocks are forgotten first."""
        if len(self._until) >= self.LIMIT:
            self._until = {a: u for a, u in self._until.items() if u > now}
        if len(self._until) < self.LIMIT:
            self._until[address] = until


class RefuseBlocked:
    """ASGI middleware: answer 429 to a blocked address's enrollment before routing or reading its body."""

    def __init__(self, app: ASGIApp, blocked: BlockedAddresses) -> None:
        self.app = app
        self.blocked = blocked

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == ENROLL_PATH:
            client = scope.get("client")
            now = time.time()
            until = self.blocked.until(source_address(client[0] if client else "unknown"), now)
            if until is not None:
                refusal = EnrollRefused(429, "too_many_attempts", TOO_MANY, retry_at=int(until))
                response = error_response(
                    429, refusal.code, refusal.message, refusal.detail,
                    headers={"Retry-After": str(max(1, int(until - now)))},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
