"""Sync inside the app: rounds run as asyncio tasks in the Qt event loop (qasync).

``SyncDriver`` owns one long-running task. Each round is
``sync.client.engine.sync_round`` with the database calls sent to the
runner's worker thread and the network calls made by ``httpx.AsyncClient``,
so neither the GUI thread nor the database worker ever waits on the
network: selling, registering and editing go on while a push hangs.

When rounds run:

- soon after every local commit (``push_delay``, so a burst of edits is one
  push), announced on the change bus;
- every ``pull_interval`` seconds;
- at once when someone asks (``sync_now``: the status bar's button).

While the server cannot be reached, the waits grow exponentially with full
jitter up to five minutes (commits do not cut them short, so a busy counter
does not hammer a dead link); ``sync_now`` still tries at once. A refusal
that waiting cannot fix (this terminal's protocol is too old, its token was
revoked, its certificate untrusted) is shown and retried only hourly or on
demand.

What a round pulled is announced on the same change bus as local actions,
with the driver as initiator.

Images: a round uploads the photos waiting in the terminal's image store
after its operations are pushed and its changes pulled, so photos never
hold up the drain (``sync.client.images``). ``ensure_local`` returns an
image here, fetching it from the server the first time it is shown; the
fetched bytes are checked and written on a thread of their own
(``ui.images`` turns that into thumbnails for the screens).

The network half (httpx, the protocol models, the engine) is imported when
the first round runs, not with this module: the main window builds a
driver, and start-up should not pay for sync before the sign-in screen.

The GUI thread only ever does small steps of a round. The first imports of
the network stack and the making of the HTTP client (its TLS context reads
the system's certificates) run on a thread of their own; a pulled page
arrives unread and is read on the database worker, in the use case that
applies it (``sync.client.pages``). Each of them froze the app for 100 to
300 ms when done in the event loop (bench/RESULTS.md, "The app during a
bootstrap").
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import importlib
import random
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services.sync_state import SyncStatus, sync_state, sync_status

if TYPE_CHECKING:
    from sync.client.async_http import AsyncSyncClient
    from sync.client.engine import SyncReport
    from sync.client.http import SyncError

from .bus import ChangeBus
from .runner import DeskRunner, translate_error
from .status import SyncState

T = TypeVar("T")

ClientFactory = Callable[[str, str, "bool | str"], "AsyncSyncClient"]
REFUSED_RETRY_SECONDS = 3600.0  # revoked or outdated: a person must act first

# What a round imports, also lazily on its first request (httpcore, anyio's asyncio backend).
NETWORK_MODULES = (
    "sync.client.engine",
    "sync.client.async_http",
    "sync.client.http",
    "httpcore",
    "anyio._backends._asyncio",
    "anyio.streams.tls",
    "anyio.to_thread",
)


def load_network_stack() -> None:
    """Import what sync rounds need (``NETWORK_MODULES``); call it off the GUI thread."""
    for name in NETWORK_MODULES:
        importlib.import_module(name)


async def off_gui_thread(fn: Callable[..., T], /, *args: Any) -> T:
    """Return ``fn(*args)``, run in a short-lived thread of its own, awaited in the loop.

    Not the loop's default executor: qasync's is a ``QThread`` that nobody
    stops when the loop is never closed (the tests), and Qt aborts on a
    ``QThread`` destroyed while running.
    """
    done: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        try:
            done.set_result(fn(*args))
        except BaseException as error:  # noqa: BLE001 - handed to the awaiting task
            done.set_exception(error)

    threading.Thread(target=run, name="bnaura-sync-setup", daemon=True).start()
    return await asyncio.wrap_future(done)


class RunnerDatabase:
    """The engine's ``Database`` on the runner's worker thread (awaitable, never blocks the loop)."""

    def __init__(self, runner: DeskRunner) -> None:
        self.runner = runner

    async def run(self, use_case: Callable[..., ChangeSet], /, *args: Any) -> ChangeSet:
        terminal = self.runner.terminal
        return await asyncio.wrap_future(self.runner.call(lambda: terminal.run(use_case, *args, actor=None)))

    async def read(self, query: Callable[..., T], /, *args: Any) -> T:
        terminal = self.runner.terminal
        return await asyncio.wrap_future(self.runner.call(lambda: terminal.read(query, *args)))


@dataclass(frozen=True)
class SyncView:
    """What the status bar shows; made by the driver after every round and commit."""

    state: SyncState
    pending: int = 0
    problems: int = 0
    last_sync_at: datetime | None = None
    detail: str = ""  # translated, for PROBLEM
    retry_at: datetime | None = None  # OFFLINE: when the next try is due


def _default_client(url: str, token: str, verify: bool | str) -> AsyncSyncClient:
    from sync.client.async_http import AsyncSyncClient

    return AsyncSyncClient(url, token, verify=verify)


class SyncDriver(QObject):
    """Runs sync rounds in the app's event loop and reports what they did.

    Args:
        runner: the app's database worker (its terminal is the one synced).
        bus: pulled changes are announced here; local commits wake a push.
        client_factory: ``(url, token, verify) -> AsyncSyncClient`` (tests
            pass one with a custom timeout).
        pull_interval: seconds between rounds when nothing happens.
        push_delay: seconds from a commit to its push.
        page: changes per pulled page (``None``: the protocol's largest).
        rng: jitter source (tests pass a seeded one).
        images: the terminal's image store (default: the one beside its database).
    """

    view_changed = Signal(object)  # SyncView
    progress = Signal(int, int)  # done, total steps of a long pull (bootstrap)
    round_finished = Signal(object)  # SyncReport or the SyncError that ended the round

    def __init__(
        self,
        runner: DeskRunner,
        bus: ChangeBus,
        *,
        client_factory: ClientFactory = _default_client,
        pull_interval: float = 30.0,
        push_delay: float = 0.5,
        page: int | None = None,
        rng: random.Random | None = None,
        images: ImageStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.bus = runner, bus
        self.images = images or ImageStore.beside(runner.terminal.path)
        # One fetch per image however many screens ask for it meanwhile.
        self._fetching: dict[str, asyncio.Future[Path]] = {}
        self.db = RunnerDatabase(runner)
        self.client_factory = client_factory
        self.pull_interval, self.push_delay, self.page = pull_interval, push_delay, page
        self._rng = rng or random.Random()
        self._delays: Iterator[float] | None = None  # set while the server is unreachable
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._push_timer: asyncio.TimerHandle | None = None
        # The loop keeps only a weak reference to a task: these are kept until done.
        self._refreshing: set[asyncio.Task[None]] = set()
        self._client: AsyncSyncClient | None = None
        self._client_key: tuple[str, str, bool | str] | None = None
        self._client_lock = asyncio.Lock()
        self._network_loaded = False
        self.view = SyncView(SyncState.NOT_SET_UP)
        self.rounds = 0  # finished rounds, successful or not (tests wait on it)
        bus.changed.connect(self._on_change)

    # ------------------------------------------------------------ control

    def start(self) -> None:
        """Start the sync task on the running asyncio loop (the qasync loop)."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_event_loop().create_task(self._loop(), name="bnaura-sync")

    async def stop(self) -> None:
        """Stop after the current call; close the connection pool."""
        if self._push_timer is not None:
            self._push_timer.cancel()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._client is not None:
            await self._client.aclose()
            self._client = self._client_key = None

    def sync_now(self) -> None:
        """Run a round now, also while waiting after a failure."""
        self._delays = None
        self._wake.set()

    # ------------------------------------------------------------ rounds

    async def _network(self) -> None:
        """Import the network stack on a thread of its own, once (a first import runs on the GUI thread otherwise)."""
        if not self._network_loaded:
            await off_gui_thread(load_network_stack)
            self._network_loaded = True

    async def _loop(self) -> None:
        await self._network()
        from sync.client.http import (
            CaFileProblem,
            NotEnrolled,
            ProtocolTooOld,
            ServerUnavailable,
            SyncError,
            Unauthorized,
            UntrustedServer,
            backoff_delays,
        )

        while True:
            wait = self.pull_interval
            try:
                await self.run_round()
                self._delays = None
            except NotEnrolled:
                wait = REFUSED_RETRY_SECONDS  # the enroll dialog calls sync_now
            except ServerUnavailable:
                if self._delays is None:
                    self._delays = backoff_delays(base=2.0, cap=300.0, rng=self._rng)
                wait = next(self._delays)
                # Said in the status bar, so "Sync now" while offline answers something.
                self._set_view(replace(self.view, retry_at=datetime.now(UTC) + timedelta(seconds=wait)))
            except (ProtocolTooOld, Unauthorized, UntrustedServer, CaFileProblem):
                wait = REFUSED_RETRY_SECONDS
            except SyncError:
                pass  # shown; try again at the usual pace
            except Exception as error:  # noqa: BLE001 - a bug must not end sync for the day
                traceback.print_exception(error)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)
            self._wake.clear()

    async def run_round(self) -> SyncReport:
        """Run one round now; update the view; announce what was pulled.

        Raises:
            SyncError: as ``sync_round`` (the view shows it first).
        """
        await self._network()
        from sync.client.engine import sync_round
        from sync.client.http import SyncError, not_enrolled
        from sync.protocol import MAX_PULL

        try:
            state = await self.db.read(sync_state)
            if state is None:
                raise not_enrolled()
            client = await self._client_for(state.server_url, state.token, state.ca_file or True)
            await self._show(SyncState.SYNCING)
            # The progress of a page being applied comes from the database
            # worker: emitted from the GUI thread, as any listener expects.
            loop = asyncio.get_running_loop()

            def progress(done: int, total: int) -> None:
                loop.call_soon_threadsafe(self.progress.emit, done, total)

            # Images go last in the round: however many photos wait, no operation waits for them.
            report = await sync_round(self.db, client, page=self.page or MAX_PULL, progress=progress,
                                      images=self.images, offload=off_gui_thread)
        except SyncError as error:
            await self._show_error(error)
            self.rounds += 1
            self.round_finished.emit(error)
            raise
        self.bus.announce(report.changes, self)
        await self._show(SyncState.UP_TO_DATE)
        self.rounds += 1
        self.round_finished.emit(report)
        return report

    async def ensure_local(self, sha256: str) -> Path:
        """Return the path of the image ``sha256`` here, fetching it from the clinic server the first time.

        The fetched bytes are kept only when they are that image (its
        SHA-256, an image at all), checked and written off the GUI thread.
        Several callers asking for one image meanwhile share one fetch.

        Raises:
            ValueError: ``sha256`` is not an image name.
            NotEnrolled: the image is not here and this terminal has no server.
            ImageRefused: the server has no such image of this chain (the
                terminal that took it has not uploaded it yet).
            SyncError: the server cannot be reached.
            BadInput: what arrived is not that image; nothing kept.
        """
        if self.images.has(sha256):
            return self.images.path(sha256)
        pending = self._fetching.get(sha256)
        if pending is None:
            pending = asyncio.ensure_future(self._fetch(sha256))
            self._fetching[sha256] = pending
            pending.add_done_callback(lambda _done: self._fetching.pop(sha256, None))
        return await asyncio.shield(pending)

    async def _fetch(self, sha256: str) -> Path:
        await self._network()
        from sync.client.http import not_enrolled
        from sync.client.images import ensure_local

        state = await self.db.read(sync_state)
        if state is None:
            raise not_enrolled()
        client = await self._client_for(state.server_url, state.token, state.ca_file or True)
        return await ensure_local(client.send, self.images, sha256, offload=off_gui_thread)

    async def _client_for(self, url: str, token: str, verify: bool | str) -> AsyncSyncClient:
        key = (url, token, verify)
        # A round and an image fetch may both get here first: one client is made, not two.
        async with self._client_lock:
            if self._client is None or self._client_key != key:
                if self._client is not None:
                    await self._client.aclose()
                    self._client = None
                # Off the GUI thread: making the TLS context reads the system's certificates.
                made = await off_gui_thread(self.client_factory, url, token, verify)
                self._client, self._client_key = made, key
            return self._client

    # ------------------------------------------------------------ the view

    async def _status(self) -> SyncStatus | None:
        return await self.db.read(sync_status)

    async def _show(self, state: SyncState, detail: str = "") -> None:
        status = await self._status()
        if status is None:
            self._set_view(SyncView(SyncState.NOT_SET_UP))
            return
        if state is SyncState.UP_TO_DATE and status.problems:
            state = SyncState.PROBLEM  # the indicator says how many need a manager
        elif state is SyncState.UP_TO_DATE and status.pending:
            state = SyncState.SYNCING  # committed while the round ran: the next push takes them
        retry_at = self.view.retry_at if state is SyncState.OFFLINE else None  # still offline: same next try
        self._set_view(
            SyncView(
                state, pending=status.pending, problems=status.problems, last_sync_at=status.last_sync_at,
                detail=detail, retry_at=retry_at,
            )
        )

    async def _show_error(self, error: SyncError) -> None:
        from sync.client.http import NotEnrolled, ProtocolTooOld, ServerUnavailable, Unauthorized

        if isinstance(error, NotEnrolled):
            self._set_view(SyncView(SyncState.NOT_SET_UP))
        elif isinstance(error, ServerUnavailable):
            await self._show(SyncState.OFFLINE)
        elif isinstance(error, ProtocolTooOld):
            await self._show(
                SyncState.PROBLEM,
                QCoreApplication.translate(
                    "SyncDriver", "the clinic server needs a newer version of this app: update this terminal"
                ),
            )
        elif isinstance(error, Unauthorized):
            await self._show(
                SyncState.PROBLEM,
                QCoreApplication.translate(
                    "SyncDriver", "the clinic server no longer accepts this terminal: enroll it again"
                ),
            )
        else:
            await self._show(SyncState.PROBLEM, translate_error(error))

    def _set_view(self, view: SyncView) -> None:
        self.view = view
        self.view_changed.emit(view)

    # ------------------------------------------------------------ commits

    def _on_change(self, changes: ChangeSet, initiator: object) -> None:
        if initiator is self or self._task is None or self._task.done():
            return  # what a round pulled, or sync is not running
        loop = asyncio.get_event_loop()
        if self._delays is None:  # while offline the back-off decides
            if self._push_timer is not None:
                self._push_timer.cancel()
            self._push_timer = loop.call_later(self.push_delay, self._wake.set)
        task = loop.create_task(self._refresh_pending())
        self._refreshing.add(task)
        task.add_done_callback(self._refreshing.discard)

    async def _refresh_pending(self) -> None:
        # A commit adds to "waiting" at once, also while offline.
        if self.view.state is SyncState.NOT_SET_UP:
            return
        await self._show(self.view.state, self.view.detail)
