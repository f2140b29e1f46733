"""One round of sync: push the outbox, then pull the clinic's changes.

Each read of the outbox, each recording of outcomes and each pulled page
is one ``Terminal`` transaction of its own, and no transaction ever waits
for the network: a transaction starts only once what it applies has
arrived. A pulled page and the new pull cursor commit together, so a crash
between pages re-pulls at most one page, which applies the same way again.
While a page is being applied, the request for the next one may already be
in flight (a transport's optional ``pull_ahead``): the server reads and
sends it meanwhile, on the other core, which is most of what a bootstrap of
a large clinic waits for otherwise (bench/RESULTS.md, "Bootstrap").

A transport may answer a pull with an ``UnreadPage`` (the asyncio client
does): the round reads only its cursor to ask for the next page, and the
page itself is read inside the use case that applies it, so in the app a
page's megabytes are read on the database worker, never in the event loop
(``pages``). What the pages changed is collected as it comes and made into
one ``ChangeSet`` at the end of the pull, "many" of a kind past
``NAMED_CHANGES`` of it.

The round is written once, as a coroutine over two small interfaces: a
``Database`` (run a use case, run a read) and an ``AsyncTransport`` (push,
pull). The app awaits it inside the Qt event loop (qasync) with the
database on its worker thread and an ``httpx.AsyncClient``; ``sync_once``
drives the same coroutine to its end synchronously for the command line
and the tests, with the terminal and a blocking client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Generator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.changes import ChangeSet, ChangeSetBuilder
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.services.search_index import defer_customer_indexes, finish_bulk_indexing, has_deferred
from bnaura_desk.services.sync_state import note_sync_finished, sync_state
from bnaura_desk.store.models import DeviceState
from bnaura_desk.terminal import Terminal

from ..protocol import MAX_PULL, Operation, OpResult, PullResponse, PushResponse
from . import local_apply
from .http import OperationRefused, SeqGap, SyncError, collector_paused, not_enrolled
from .images import ImageReport, Offload, PrefetchReport, Send, blocking_sender, prefetch_images, upload_images
from .local_apply import STORAGE, Storage, apply_changes
from .outbox import note_refusal, operations_from, pending_operations, record_push_results
from .pages import UnreadPage, release

T = TypeVar("T")

# The page size servers took before ``protocol.MAX_PULL`` grew (their pull
# route refuses a larger ``limit``): a terminal updated before its server
# falls back to it.
OLD_MAX_PULL = 1000

# A round's pull names at most this many changed things of a kind for the
# change bus; past it, it says "many" (a bootstrap's million customers: the
# screens refresh what they show, ``ChangeSet.may_touch``).
NAMED_CHANGES = 5000

# Called after each pulled page with (done, total) in steps of the clinic's
# change feed since the round began: a bootstrap's progress bar. Also while
# a large page is applied, from the database's thread (``pull_changes``).
Progress = Callable[[int, int], None]

# A pulled page: read, or as its answer's bytes (read where it is applied).
Page = PullResponse | UnreadPage


class Transport(Protocol):
    """A blocking client (``SyncClient``, or a test's in-process server)."""

    def push(self, device_id: str, operations: list[Operation]) -> PushResponse: ...

    def pull(self, after: int, limit: int) -> PullResponse: ...


class AsyncTransport(Protocol):
    """What the round needs of the server (``AsyncSyncClient`` in the app).

    A pull may answer the page read or unread (``Page``). A transport may
    also offer ``pull_ahead(after, limit)``: the same request, started at
    once and awaited later (an awaitable with ``cancel()``, e.g.
    ``async_http.PendingPageTask``). The round then asks for the next page
    before it applies the current one; without it, pages are asked for one
    after the other.
    """

    def push(self, device_id: str, operations: list[Operation]) -> Awaitable[PushResponse]: ...

    def pull(self, after: int, limit: int) -> Awaitable[Page]: ...


class Database(Protocol):
    """What the round needs of the terminal: use cases and reads, one at a time.

    ``run`` commits the use case in its own transaction with no actor (sync
    is the system's doing) and returns its ``ChangeSet``.
    """

    def run(self, use_case: Callable[..., ChangeSet], /, *args: Any) -> Awaitable[ChangeSet]: ...

    def read(self, query: Callable[..., T], /, *args: Any) -> Awaitable[T]: ...


class TerminalDatabase:
    """``Database`` over a ``Terminal`` used in the calling thread (blocks)."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal

    async def run(self, use_case: Callable[..., ChangeSet], /, *args: Any) -> ChangeSet:
        return self.terminal.run(use_case, *args, actor=None)

    async def read(self, query: Callable[..., T], /, *args: Any) -> T:
        return self.terminal.read(query, *args)


class PendingPull(Protocol):
    """A pull started in the background by a blocking client (``http.PendingPage``, or a ``Future``)."""

    def result(self) -> PullResponse: ...

    def cancel(self) -> bool: ...


class _Waiting:
    """Awaiting it blocks until a background pull has answered (``run_to_end`` never suspends)."""

    def __init__(self, pending: PendingPull) -> None:
        self.pending = pending

    def __await__(self) -> Generator[Any, None, PullResponse]:
        yield from ()  # a generator, so awaitable; it never suspends
        return self.pending.result()

    def cancel(self) -> None:
        self.pending.cancel()  # not yet started: never sent; in flight: its answer is dropped


class BlockingTransport:
    """``AsyncTransport`` over a blocking ``Transport`` (the call blocks).

    When the client can start a pull in the background (``SyncClient.pull_ahead``
    returns a future), so can this transport; awaiting it blocks until the
    answer is there.
    """

    pull_ahead: Callable[[int, int], Awaitable[PullResponse]] | None = None

    def __init__(self, client: Transport) -> None:
        self.client = client
        # A client that sends any ``Call`` (``SyncClient``) uploads the round's images too.
        self.images: Send | None = blocking_sender(client) if hasattr(client, "send") else None  # type: ignore[arg-type]
        start: Callable[[int, int], PendingPull] | None = getattr(client, "pull_ahead", None)
        if start is not None:
            self.pull_ahead = lambda after, limit: _Waiting(start(after, limit))

    async def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        return self.client.push(device_id, operations)

    async def pull(self, after: int, limit: int) -> PullResponse:
        return self.client.pull(after, limit)


@dataclass
class SyncReport:
    """What one round did; ``changes`` is for the change bus."""

    pushed: int = 0  # operations the server answered
    applied: int = 0
    duplicates: int = 0  # resends the server had already applied
    rejected: int = 0
    exceptions: int = 0  # applied, with a conflict a manager must see
    pulled: int = 0  # changes received
    changes: ChangeSet = field(default_factory=ChangeSet)
    problem: str = ""  # why the push stopped early (an operation refused), if it did
    images: ImageReport = field(default_factory=ImageReport)  # the uploads after the operations
    prefetched: PrefetchReport = field(default_factory=PrefetchReport)  # images fetched ahead (a setting)

    def count(self, results: list[OpResult]) -> None:
        for r in results:
            self.pushed += 1
            outcome = r.reason if r.outcome == "duplicate" else r.outcome
            if r.outcome == "duplicate":
                self.duplicates += 1
            if outcome == "rejected":
                self.rejected += 1
            elif outcome == "exception":
                self.exceptions += 1
            else:
                self.applied += 1


async def _record(db: Database, results: list[OpResult], report: SyncReport) -> None:
    if results:
        await db.run(record_push_results, results)
        report.count(results)


def _note_refusal_use_case(ctx: ServiceContext, refusal: SyncError, seq: int) -> ChangeSet:
    detail = {k: v for k, v in refusal.detail.items() if k != "results"}
    note_refusal(ctx.session, seq, refusal.server_code or refusal.code, refusal.render(), detail)
    return ChangeSet()


def _device_id(session: Session) -> str:
    return session.scalars(select(DeviceState.device_id)).one()


async def push_outbox(db: Database, client: AsyncTransport, report: SyncReport, *, batch: int = 200) -> None:
    """Push every pending operation in batches, recording each outcome as it comes.

    On a sequence gap the server names the operation it expects; when that
    is one this terminal already counts as answered (the server lost it,
    e.g. restored from a backup) the operations from there are sent again,
    once per round. An operation the server refuses as a whole stays
    pending with the refusal noted on it (a manager sees it), and the push
    stops there: later operations cannot pass it without a gap.

    Raises:
        SyncError: the server cannot be reached, refuses this device, or
            answers a gap that resending cannot close.
    """
    device_id = await db.read(_device_id)
    resend_from: int | None = None
    resent = False
    while True:
        if resend_from is not None:
            ops = await db.read(operations_from, resend_from, batch)
            resend_from = None
        else:
            ops = await db.read(pending_operations, batch)
        if not ops:
            return
        try:
            response = await client.push(device_id, ops)
        except SeqGap as gap:
            await _record(db, gap.results, report)
            if gap.expected < ops[0].seq and not resent:
                resend_from, resent = gap.expected, True
                continue
            raise
        except OperationRefused as refusal:
            await _record(db, refusal.results, report)
            seq = refusal.seq if refusal.seq is not None else ops[min(len(refusal.results), len(ops) - 1)].seq
            await db.run(_note_refusal_use_case, refusal, seq)
            report.problem = refusal.render()
            return
        await _record(db, response.results, report)
        answered = {r.seq for r in response.results}
        if ops[0].seq not in answered:
            return  # the server answered nothing for them: do not loop on them
        if len(ops) < batch:
            return


def _apply_page(
    ctx: ServiceContext, page: Page, storage: Storage, progress: Callable[[int, int], None] | None = None
) -> ChangeSet:
    """Use case: read one pulled page if still unread, apply it and move the cursor, in one transaction.

    Its result is the number of changes the page held.

    The collector stays paused from reading to applying (``collector_paused``):
    resumed in between, its first collection would walk every object of
    the page at once (80 ms holding the GIL, which the GUI thread waits
    for). A page read here is also freed here, a slice at a time
    (``pages.release``).
    """
    state = sync_state(ctx.session)
    if state is None:
        raise not_enrolled()
    with collector_paused():
        response = page.read() if isinstance(page, UnreadPage) else page
        if len(response.changes) >= local_apply.LARGE_PAGE:
            # A bootstrap: the customers' random-order indexes wait for the
            # end of the round (``services.search_index``).
            defer_customer_indexes(ctx.session, response.head - state.pull_cursor)
        changed = apply_changes(ctx.session, response.changes, ctx.now, storage=storage, progress=progress)
        state.pull_cursor = max(state.pull_cursor, response.cursor)
        count = len(response.changes)
        if response is not page:
            release(response)
    return ChangeSet(changed.changed, count, changed.many)


def _read_page(_session: Session, page: UnreadPage) -> PullResponse:
    """Read: the whole of a page whose cursor cannot be read on its own (``UnreadPage.header``)."""
    return page.read()


def _pull_cursor(session: Session) -> int:
    state = sync_state(session)
    if state is None:
        raise not_enrolled()
    return state.pull_cursor


async def pull_changes(
    db: Database,
    client: AsyncTransport,
    report: SyncReport,
    *,
    page: int = MAX_PULL,
    progress: Progress | None = None,
    storage: Storage = STORAGE,
) -> None:
    """Pull pages until the server says there is no more, applying each in one transaction.

    ``progress(done, total)`` follows each page; ``total`` is the feed's
    length past the starting cursor as the server last reported it (it
    grows if the clinic keeps working meanwhile), in cursor steps. While a
    large page is applied it is also called from the thread that applies
    it (the database worker's, in the app: the driver hands it on to the
    GUI thread), about every ``local_apply.PROGRESS_EVERY`` changes, the first
    pass over the page's changes counting as half the page (the rest is
    writing the rows and the search terms, bench/RESULTS.md).
    """
    start = cursor = await db.read(_pull_cursor)
    ahead: Awaitable[Page] | None = _request(client, cursor, page)
    changes = ChangeSetBuilder(limit=NAMED_CHANGES)
    try:
        while ahead is not None:
            try:
                answer = await ahead
            except OperationRefused as refusal:
                if page <= OLD_MAX_PULL or refusal.server_code != "invalid_request":
                    raise
                # A server from before pages grew refuses the larger limit:
                # ask again with the one it takes.
                page = OLD_MAX_PULL
                ahead = _request(client, cursor, page)
                continue
            ahead = None
            response = answer.header() if isinstance(answer, UnreadPage) else answer
            if response is None:  # not laid out as expected: read it all now, on the database's thread
                answer = response = await db.read(_read_page, answer)
            if response.more and response.cursor > cursor:
                # The next page is asked for now and arrives while this one
                # is applied (when the transport can do both at once).
                ahead = _request(client, response.cursor, page)
            within = None if progress is None else _within_page(progress, start, cursor, response)
            changed = await db.run(_apply_page, answer, storage, within)
            report.pulled += changed.result
            for kind, ids in changed.changed.items():
                changes.add(kind, ids)
            for kind in changed.many:
                changes.add_many(kind)
            if progress is not None:
                done = max(0, response.cursor - start)
                progress(done, max(done, response.head - start))
            cursor = response.cursor
    finally:
        report.changes = report.changes.merged(changes.build())
        if ahead is not None:  # this page failed to apply: the next one is not wanted
            _drop(ahead)


def _within_page(progress: Progress, start: int, before: int, page: PullResponse) -> Callable[[int, int], None]:
    """Return the progress of a page being applied: (changes gone through, in all) to feed steps."""
    span = max(0, page.cursor - before)

    def step(done_changes: int, changes: int) -> None:
        done = max(0, before - start) + span * done_changes // (2 * max(1, changes))
        progress(done, max(done, page.head - start))

    return step


def _request(client: AsyncTransport, after: int, limit: int) -> Awaitable[Page]:
    """Return the pull of one page: already started when the transport can, else when awaited."""
    start = getattr(client, "pull_ahead", None)
    return start(after, limit) if start is not None else client.pull(after, limit)


def _drop(request: Awaitable[Page]) -> None:
    if isinstance(request, Coroutine):
        request.close()  # never started
    else:
        cancel = getattr(request, "cancel", None)
        if cancel is not None:
            cancel()


async def sync_round(
    db: Database,
    client: AsyncTransport,
    *,
    batch: int = 200,
    page: int = MAX_PULL,
    progress: Progress | None = None,
    storage: Storage = STORAGE,
    images: ImageStore | None = None,
    offload: Offload | None = None,
) -> SyncReport:
    """Push the outbox, then pull, then upload the waiting images; return what happened.

    A refused operation does not stop the pull. The time of the last
    complete round (or the refusal) is kept in the sync state. Images go
    last, and only when ``images`` is given and the transport speaks the
    image endpoints (its ``images``): however many photos wait, they never
    delay an operation (``sync.client.images``); the transport sends them
    with its ``images`` sender (``BlockingTransport``) or its own ``send``
    (``AsyncSyncClient``). Then, where the ``prefetch_images`` setting is
    on, the images of pulled scans not here yet are fetched. Their problems
    are in ``report.images`` and ``report.prefetched`` and never fail the round.
    ``offload`` runs each fetched image's check and write (the app: on a
    thread of its own; default: here).

    Raises:
        NotEnrolled: this terminal has no server.
        SyncError: the server is unreachable or refuses this device; what
            was done before stays done.
    """
    if await db.read(sync_state) is None:
        raise not_enrolled()
    report = SyncReport()
    # Customers a killed round pulled in large pages wait for their search
    # terms and indexes: write them before anything else (``services.search_index``).
    await _index_pending(db, report)
    try:
        await push_outbox(db, client, report, batch=batch)
        await pull_changes(db, client, report, page=page, progress=progress, storage=storage)
        # The blocking transport's sender, or the asyncio client's own ``send``.
        sender: Send | None = getattr(client, "images", None) or getattr(client, "send", None)
        if images is not None and sender is not None:
            report.images = await upload_images(db, sender, images)
            report.prefetched = await (prefetch_images(db, sender, images) if offload is None else
                                       prefetch_images(db, sender, images, offload=offload))
    except SyncError as error:
        await _index_pending(db, report)
        await db.run(note_sync_finished, error.render())
        raise
    await _index_pending(db, report)
    await db.run(note_sync_finished, report.problem)
    return report


async def _index_pending(db: Database, report: SyncReport) -> None:
    """Make the indexes a bootstrap left out and write the waiting search terms, if any (``services.search_index``)."""
    if await db.read(has_deferred):
        indexed = await db.run(finish_bulk_indexing)
        report.changes = indexed.merged(report.changes)  # the report's result stays


def run_to_end(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine whose awaits never suspend, without an event loop.

    ``TerminalDatabase`` and ``BlockingTransport`` finish every call before
    returning, so the round never yields to a loop: one ``send`` runs it to
    its end. Needing no loop, this also works where one is already running
    (a test inside the Qt app), unlike ``asyncio.run``.

    Raises:
        RuntimeError: the coroutine did suspend (it awaited real I/O).
    """
    try:
        coroutine.send(None)
    except StopIteration as finished:
        return finished.value  # type: ignore[no-any-return]
    coroutine.close()
    raise RuntimeError("run_to_end: the coroutine suspended; await it in an event loop instead")


def sync_once(
    terminal: Terminal,
    client: Transport,
    *,
    batch: int = 200,
    page: int = MAX_PULL,
    progress: Progress | None = None,
    storage: Storage = STORAGE,
    images: ImageStore | None = None,
) -> SyncReport:
    """``sync_round`` with the terminal and a blocking client, in this thread (see there).

    ``images``: the terminal's image store (default: the one beside its database).
    """
    return run_to_end(
        sync_round(
            TerminalDatabase(terminal), BlockingTransport(client), batch=batch, page=page, progress=progress,
            storage=storage, images=images or ImageStore.beside(terminal.path),
        )
    )
