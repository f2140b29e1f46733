"""The blocking sync client, and the server's refusals as typed errors.

``SyncClient`` does network I/O only (no database): the engine reads the
outbox, calls the client, then writes the answers. What each request sends
and how its answer is read is described once (``calls``) and shared with
the asyncio client (``async_http``), as are the headers, the TLS settings
and the errors here.
Every 4xx answer carries an ``ErrorBody``; its ``code`` picks the error
class. Connection failures, time-outs and 5xx answers are
``ServerUnavailable``: try again later (``backoff_delays``). An HTTPS
server whose certificate fails verification is ``UntrustedServer``, which
waiting does not fix.
"""

from __future__ import annotations

import random
import ssl
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Self, TypedDict, TypeVar

import httpx
from pydantic import ValidationError

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, DeskError

from ..protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    EnrollResponse,
    ErrorBody,
    Health,
    ImageState,
    Operation,
    OpResult,
    PullResponse,
    PushResponse,
)
from . import calls
from .calls import Call

# Re-exported: importable from here as before (the terminal's pull applies pages with the collector paused).
from .calls import collector_paused as collector_paused  # noqa: PLC0414
from .calls import read_page as read_page  # noqa: PLC0414

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class SyncError(DeskError):
    """A sync call failed; ``code`` is the server's (or ``unavailable``)."""

    code = "sync_error"
    retry = False  # whether trying again later may help

    def __init__(
        self,
        template: str,
        *,
        status: int = 0,
        detail: dict[str, Any] | None = None,
        server_code: str = "",
        **params: Any,
    ) -> None:
        self.status = status
        self.detail = dict(detail or {})
        self.server_code = server_code  # the ErrorBody's code as sent (e.g. "code_used")
        super().__init__(template, **params)

    @property
    def results(self) -> list[OpResult]:
        """Outcomes of the operations the server applied before refusing (push only)."""
        return [OpResult.model_validate(r) for r in self.detail.get("results", [])]


class NotEnrolled(SyncError):
    """This terminal has not been enrolled with a clinic server."""

    code = "not_enrolled"


def not_enrolled() -> NotEnrolled:
    return NotEnrolled(
        QT_TRANSLATE_NOOP("errors", "This terminal is not connected to a clinic server; run: bnaura enroll URL CODE")
    )


class ServerUnavailable(SyncError):
    code = "unavailable"
    retry = True


class UntrustedServer(SyncError):
    """The server's TLS certificate failed verification (unknown authority, wrong host, expired).

    Not retried: waiting does not make a certificate trusted. The terminal
    either enrolls with the clinic's own authority (``--ca-file``) or the
    server gets a certificate the system trusts.
    """

    code = "untrusted_server"


class CaFileProblem(SyncError):
    """The certificate authority file given for the server cannot be read as PEM certificates."""

    code = "ca_file"


class ProtocolTooOld(SyncError):
    code = "protocol_version"


class Unauthorized(SyncError):
    code = "unauthorized"


class Revoked(Unauthorized):
    code = "device_revoked"


class EnrollmentRefused(SyncError):
    code = "enrollment_refused"


class SeqGap(SyncError):
    """The server expects another sequence number first (``expected``)."""

    code = "seq_gap"

    @property
    def expected(self) -> int:
        return int(self.detail.get("expected", 0))


class SeqConflict(SyncError):
    """This device already sent this sequence number with another payload."""

    code = "seq_conflict"


class ForeignClinic(SyncError):
    code = "foreign_clinic"


class OperationRefused(SyncError):
    """The server refuses one operation as a whole (malformed, unknown type)."""

    code = "bad_operation"

    @property
    def seq(self) -> int | None:
        seq = self.detail.get("seq")
        return int(seq) if seq is not None else None


class BatchTooLarge(SyncError):
    code = "batch_too_large"


class ImageRefused(SyncError):
    """The server refuses an image upload or fetch (not found, not an image, too large, hash, offset)."""

    code = "image_refused"


_BY_CODE: dict[str, type[SyncError]] = {
    "protocol_version": ProtocolTooOld,
    "unauthorized": Unauthorized,
    "device_revoked": Revoked,
    "seq_gap": SeqGap,
    "seq_conflict": SeqConflict,
    "foreign_clinic": ForeignClinic,
    "foreign_device": ForeignClinic,  # the push names another device than the token's
    "batch_too_large": BatchTooLarge,
    "bad_operation": OperationRefused,
    "unknown_operation": OperationRefused,
    "image_not_found": ImageRefused,
    "image_offset": ImageRefused,
    "image_too_large": ImageRefused,
    "image_hash_mismatch": ImageRefused,
    "not_an_image": ImageRefused,
}
_BY_STATUS: dict[int, type[SyncError]] = {
    401: Unauthorized,
    403: EnrollmentRefused,
    404: EnrollmentRefused,
    409: SeqConflict,
    413: BatchTooLarge,
    426: ProtocolTooOld,
    400: OperationRefused,
    422: OperationRefused,
}


_ENROLL_CODES = frozenset(
    {"invalid_code", "code_used", "code_expired", "code_locked", "clinic_mismatch", "device_exists", "too_many_attempts"}
)


def error_for(status: int, body: ErrorBody | None) -> SyncError:
    """Return the typed error for a refused request."""
    code = body.code if body else ""
    if code in _ENROLL_CODES:
        return EnrollmentRefused(
            QT_TRANSLATE_NOOP("errors", "The clinic server refused: {message}"),
            status=status,
            detail=dict(body.detail) if body else {},
            server_code=code,
            message=body.message if body else code,
        )
    if status >= 500 or status in (408, 429):
        return ServerUnavailable(
            QT_TRANSLATE_NOOP("errors", "The clinic server is not available (HTTP {http_status}); will try again"),
            status=status,
            http_status=status,
        )
    cls = _BY_CODE.get(code) or _BY_STATUS.get(status, SyncError)
    message = body.message if body else f"HTTP {status}"
    return cls(
        QT_TRANSLATE_NOOP("errors", "The clinic server refused: {message}"),
        status=status,
        detail=body.detail if body else {},
        server_code=code,
        message=message,
    )


def tls_verify(verify: bool | str | ssl.SSLContext) -> bool | ssl.SSLContext:
    """Return what httpx's ``verify`` takes for ``verify``: a CA file path becomes an SSL context.

    ``True`` is the system's trust store, ``False`` no verification (tests
    only), a path the PEM certificate authority (or bundle) that signed the
    server's certificate. httpx deprecates a path string, and reading the
    file here turns a missing or broken one into a message, not a traceback.

    Raises:
        CaFileProblem: the file is missing, unreadable or holds no certificate.
    """
    if not isinstance(verify, str):
        return verify
    try:
        return ssl.create_default_context(cafile=verify)
    except (OSError, ssl.SSLError, ValueError) as error:
        reason = getattr(error, "strerror", None) or getattr(error, "reason", None) or str(error)
        raise CaFileProblem(
            QT_TRANSLATE_NOOP("errors", "The certificate authority file {path} cannot be used: {reason}"),
            path=verify,
            reason=reason,
        ) from None


def certificate_problem(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """Return the certificate verification failure behind a failed request, if that is what it was."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def unreachable(error: httpx.HTTPError) -> SyncError:
    """Return the error for a request that got no answer: an untrusted certificate, or no server."""
    bad_certificate = certificate_problem(error)
    if bad_certificate is not None:
        return UntrustedServer(
            QT_TRANSLATE_NOOP(
                "errors",
                "The clinic server's certificate cannot be trusted ({reason}). If the clinic uses its own "
                "certificate authority, enroll with its certificate: bnaura enroll URL CODE --ca-file FILE",
            ),
            reason=bad_certificate.verify_message or bad_certificate.reason or str(bad_certificate),
        )
    return ServerUnavailable(
        QT_TRANSLATE_NOOP("errors", "Cannot reach the clinic server: {reason}"),
        reason=str(error) or type(error).__name__,
    )


def backoff_delays(
    base: float = 1.0, cap: float = 300.0, *, rng: random.Random | None = None
) -> Iterator[float]:
    """Yield waits before each retry: exponential up to ``cap``, with full jitter.

    Full jitter (a random wait between 0 and the exponential bound) keeps a
    clinic's terminals from all retrying at the same moment after an outage.
    """
    rng = rng or random.Random()
    attempt = 0
    while True:
        bound = min(cap, base * (2**attempt))
        yield rng.uniform(bound / 2, bound) if attempt == 0 else rng.uniform(0, bound)
        attempt = min(attempt + 1, 30)


def request_headers(token: str | None) -> dict[str, str]:
    """Return the headers of every sync request: protocol version, and the token once enrolled."""
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "User-Agent": "bnaura-desk-sync"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


class ClientSettings(TypedDict):
    """What both clients give their httpx client (``client_settings``)."""

    base_url: str
    headers: dict[str, str]
    verify: bool | ssl.SSLContext
    timeout: float | httpx.Timeout


def client_settings(
    base_url: str, token: str | None, verify: bool | str | ssl.SSLContext, timeout: float | httpx.Timeout
) -> ClientSettings:
    """Return the httpx client settings of a sync client (see ``SyncClient``'s arguments).

    Raises:
        CaFileProblem: ``verify`` names a file that holds no usable certificate.
    """
    return ClientSettings(
        base_url=base_url.rstrip("/"), headers=request_headers(token), verify=tls_verify(verify), timeout=timeout
    )


def refusal(response: httpx.Response) -> SyncError:
    """Return the typed error of a refused request (4xx/5xx), its body already read.

    The error is read from the answer's ``ErrorBody``, or from FastAPI's own
    error body (a request that failed validation).
    """
    body: ErrorBody | None
    try:
        body = ErrorBody.model_validate(response.json())
    except (ValueError, ValidationError):
        body = _fastapi_error(response)
    return error_for(response.status_code, body)


class SyncClient:
    """The sync endpoints of one clinic server.

    Args:
        base_url: e.g. ``https://clinic.example:8443``.
        token: this device's bearer token (``None`` before enrolling).
        verify: TLS verification: ``True`` (the system's trust store), a
            CA file path (PEM), an ``ssl.SSLContext``, or ``False`` (tests).
        timeout: seconds, or an ``httpx.Timeout``.
        transport: for tests (an ``httpx.MockTransport`` or an ASGI transport).

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
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = httpx.Client(**client_settings(base_url, token, verify, timeout), transport=transport)
        self._ahead: ThreadPoolExecutor | None = None  # made by the first ``pull_ahead``

    def close(self) -> None:
        if self._ahead is not None:
            self._ahead.shutdown(wait=False, cancel_futures=True)
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, call: Call[T]) -> T:
        """Send ``call`` and return its answer, read.

        Raises:
            SyncError: the typed error of a refusal (``refusal``), or of a
                request that got no answer (``unreachable``).
        """
        return call.read(self._answer(call))

    def _answer(self, call: Call[Any]) -> bytes:
        """The body of the successful answer to ``call``.

        Streamed, not ``read()``: an httpx response sits in a reference
        cycle and would keep a pulled page's megabytes alive until the
        garbage collector gets to it; the bytes joined here are freed as
        soon as the page is read.
        """
        try:
            with self._http.stream(
                call.method, call.path, json=call.json, params=call.params, content=call.content
            ) as response:
                if response.is_error:
                    response.read()
                    raise refusal(response)
                return b"".join(response.iter_bytes())
        except httpx.HTTPError as error:
            raise unreachable(error) from None

    def health(self) -> Health:
        return self.send(calls.health())

    def enroll(self, code: str, device_id: str, device_name: str, branch_id: str | None) -> EnrollResponse:
        """Trade a one-time code for this device's token."""
        return self.send(calls.enroll(code, device_id, device_name, branch_id))

    def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        """Send operations in seq order; the server applies each exactly once."""
        return self.send(calls.push(device_id, operations))

    def pull(self, after: int, limit: int) -> PullResponse:
        """Return the clinic's changes after cursor ``after`` (one page)."""
        return self.send(calls.pull(after, limit))

    def image_state(self, sha256: str) -> ImageState:
        """Return how much of the image ``sha256`` the server holds for this chain."""
        return self.send(calls.image_state(sha256))

    def put_image_chunk(self, sha256: str, offset: int, total: int, chunk: bytes) -> ImageState:
        """Send ``chunk`` of the image ``sha256`` from ``offset``; return what the server holds now."""
        return self.send(calls.put_image_chunk(sha256, offset, total, chunk))

    def get_image(self, sha256: str) -> bytes:
        """Return the bytes of the image ``sha256`` of this chain, as the server sends them (check them)."""
        return self.send(calls.get_image(sha256))

    def pull_ahead(self, after: int, limit: int) -> PendingPage:
        """Start fetching ``pull(after, limit)`` in this client's background thread.

        The engine asks for the next page this way while it applies the
        current one (``engine.pull_changes``), so the server's work and the
        transfer overlap with the terminal's. One thread: pages are fetched
        one at a time, in the order asked.
        """
        if self._ahead is None:
            self._ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull")
        call = calls.pull(after, limit)
        return PendingPage(self._ahead.submit(self._answer, call), call.read)


class PendingPage:
    """A page being fetched in the background (``SyncClient.pull_ahead``).

    Only its bytes arrive there: ``result`` reads them into a
    ``PullResponse`` when the engine wants the page, so at most one page
    is held parsed (tens of megabytes for 10,000 changes) while the next
    one arrives.
    """

    def __init__(self, fetched: Future[bytes], read: Callable[[bytes], PullResponse] = read_page) -> None:
        self.fetched = fetched
        self.read = read

    def result(self) -> PullResponse:
        """Wait for the answer; return the page or raise what ``SyncClient.pull`` would."""
        return self.read(self.fetched.result())

    def cancel(self) -> bool:
        """Drop the page: never sent if not started yet, else its answer is left unread."""
        return self.fetched.cancel()


def _fastapi_error(response: httpx.Response) -> ErrorBody | None:
    """Read FastAPI's own ``{"detail": ...}`` answers (validation errors) as an ErrorBody."""
    try:
        raw = response.json()
    except ValueError:
        return None
    detail = raw.get("detail") if isinstance(raw, dict) else None
    if isinstance(detail, dict) and "code" in detail:
        try:
            return ErrorBody.model_validate(detail)
        except ValidationError:
            return None
    return ErrorBody(code="", message=str(detail if detail is not None else raw)[:500])
