"""One round of sync: push the outbox, then pull the clinic's changes.

Database work and network calls alternate and never overlap: each read of
the outbox, each recording of outcomes and each pulled page is one
``Terminal`` transaction of its own, and no transaction is open while a
request is in flight. A pulled page and the new pull cursor commit
together, so a crash between pages re-pulls at most one page, which applies
the same way again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.services.sync_state import note_sync_finished, sync_state
from bnaura_desk.terminal import Terminal

from ..protocol import MAX_PULL, Operation, OpResult, PullResponse, PushResponse
from .http import OperationRefused, SeqGap, SyncError, not_enrolled
from .local_apply import apply_changes
from .outbox import note_refusal, operations_from, pending_operations, record_push_results


class Transport(Protocol):
    """What the engine needs of a client (``SyncClient``, or a test's in-process server)."""

    def push(self, device_id: str, operations: list[Operation]) -> PushResponse: ...

    def pull(self, after: int, limit: int) -> PullResponse: ...


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


def _record(terminal: Terminal, results: list[OpResult], report: SyncReport) -> None:
    if results:
        terminal.run(record_push_results, results, actor=None)
        report.count(results)


def _note_refusal_use_case(ctx: ServiceContext, refusal: SyncError, seq: int) -> ChangeSet:
    detail = {k: v for k, v in refusal.detail.items() if k != "results"}
    note_refusal(ctx.session, seq, refusal.server_code or refusal.code, refusal.render(), detail)
    return ChangeSet()


def push_outbox(terminal: Terminal, client: Transport, report: SyncReport, *, batch: int = 200) -> None:
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
    device_id = terminal.device().device_id
    resend_from: int | None = None
    resent = False
    while True:
        if resend_from is not None:
            ops = terminal.read(operations_from, resend_from, batch)
            resend_from = None
        else:
            ops = terminal.read(pending_operations, batch)
        if not ops:
            return
        try:
            response = client.push(device_id, ops)
        except SeqGap as gap:
            _record(terminal, gap.results, report)
            if gap.expected < ops[0].seq and not resent:
                resend_from, resent = gap.expected, True
                continue
            raise
        except OperationRefused as refusal:
            _record(terminal, refusal.results, report)
            seq = refusal.seq if refusal.seq is not None else ops[min(len(refusal.results), len(ops) - 1)].seq
            terminal.run(_note_refusal_use_case, refusal, seq, actor=None)
            report.problem = refusal.render()
            return
        _record(terminal, response.results, report)
        answered = {r.seq for r in response.results}
        if ops[0].seq not in answered:
            return  # the server answered nothing for them: do not loop on them
        if len(ops) < batch:
            return


def _apply_page(ctx: ServiceContext, page: PullResponse) -> ChangeSet:
    """Use case: apply one pulled page and move the cursor, in one transaction."""
    state = sync_state(ctx.session)
    if state is None:
        raise not_enrolled()
    changed = apply_changes(ctx.session, page.changes, ctx.now)
    state.pull_cursor = max(state.pull_cursor, page.cursor)
    return changed


def pull_changes(terminal: Terminal, client: Transport, report: SyncReport, *, page: int = MAX_PULL) -> None:
    """Pull pages until the server says there is no more, applying each in one transaction."""
    while True:
        state = terminal.read(sync_state)
        if state is None:
            raise not_enrolled()
        response = client.pull(state.pull_cursor, page)
        changed = terminal.run(_apply_page, response, actor=None)
        report.pulled += len(response.changes)
        report.changes = report.changes.merged(changed)
        if not response.more or response.cursor <= state.pull_cursor:
            return


def sync_once(terminal: Terminal, client: Transport, *, batch: int = 200, page: int = MAX_PULL) -> SyncReport:
    """Push the outbox, then pull; return what happened.

    A refused operation does not stop the pull. The time of the last
    complete round (or the refusal) is kept in the sync state.

    Raises:
        NotEnrolled: this terminal has no server.
        SyncError: the server is unreachable or refuses this device; what
            was done before stays done.
    """
    if terminal.read(sync_state) is None:
        raise not_enrolled()
    report = SyncReport()
    try:
        push_outbox(terminal, client, report, batch=batch)
        pull_changes(terminal, client, report, page=page)
    except SyncError as error:
        terminal.run(note_sync_finished, error.render(), actor=None)
        raise
    terminal.run(note_sync_finished, report.problem, actor=None)
    return report
