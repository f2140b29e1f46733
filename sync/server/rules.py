"""Business rules the server settles when a terminal's operations arrive.

Some conflicts only the server can settle, because only it sees every
terminal's operations in the order they arrive: the first use of a
single-use coupon, a balance that must not go below zero, a journey's moves
in clock order. A ``Rule`` is declared for some operation types and runs
inside the push transaction, for each operation of those types, through
one seam of ``BatchApply``:

1. ``prepare``: once per batch, read the rule's state for the batch's
   operations in a few indexed queries (its own table, keyed by
   (clinic, scope, key); never a scan of JSON records);
2. ``check``: before the operation changes anything, refuse it for good
   (a ``Rejection``: kept as ``rejected``, reported);
3. ``settle``: after the operation's own effect, update the state, raise
   exceptions managers must see, write derived fields of a record;
4. ``write``: store the batch's state changes with one statement per table.

The rules decide by pure functions of ``bnaura_desk.domain`` (passed in),
so a terminal judges by the same code before it sells.

Three shapes, the ones loyalty, the counter and the journey need:

- ``SingleUseClaim``: the first operation to reach the server that claims
  a key keeps it; a later claim of the same key is still applied (the sale
  it belongs to happened) and raises ``claim_conflict`` naming both;
- ``TallyWithFloor``: a balance operations add to and take from; one that
  takes it below the floor is applied and raises ``below_floor``;
- ``ClockOrderedReplay``: moves of one subject folded in clock order
  through a pure legality function; a move that arrives late is folded
  into its place; a move illegal at its place is rejected
  (``illegal_move``), and a move made illegal by a late one is reported.

``ResolutionMirror`` (the server's copy of an exception's resolution) is a
rule too.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from bnaura_desk.domain.verdicts import Verdict  # re-exported: the rules' legality functions return it

from ..protocol import Operation
from .checks import Checked, Rejection
from .models import RuleClaim, RuleMove, RuleTally, SyncException


@dataclass(frozen=True)
class Proposed:
    """An operation that passed its checks, with the clock the server keeps for it."""

    checked: Checked
    clock: str
    # False when the operation appended a ledger row the chain already had
    # (a derived id another terminal made first): a rule counts it once.
    fresh: bool = True

    @property
    def op(self) -> Operation:
        return self.checked.op

    @property
    def fields(self) -> dict[str, Any]:
        return self.checked.fields

    def reference(self) -> dict[str, Any]:
        """Return how an exception names this operation."""
        op = self.op
        return {"device_id": op.device_id, "seq": op.seq, "op_id": op.op_id, "entity_id": op.entity_id, "hlc": self.clock}


class RuleContext(Protocol):
    """What the apply step gives a rule (``BatchApply`` implements it)."""

    session: Session
    chain_id: str
    branch_id: str  # the branch of the device whose batch it is
    now: datetime

    def raise_exception(self, op: Operation, kind: str, **detail: Any) -> None:
        """Keep an exception for managers about ``op`` (and put it in the clinic's feed)."""

    def write_derived(self, entity: str, entity_id: str, fields: Mapping[str, Any], clock: str) -> None:
        """Set fields of a record that only this rule writes, stamped ``clock``."""

    def record_data(self, entity: str, entity_id: str) -> Mapping[str, Any] | None:
        """Return a record's fields as this batch has them so far (None when there is none)."""

    def record_deleted(self, entity: str, entity_id: str) -> bool:
        """Return whether a record is tombstoned as this batch has it."""

    def chunks(self, values: list[Any]) -> list[list[Any]]:
        """Split ``values`` into lists short enough for one query."""


class RuleRun(Protocol):
    """One rule's work in one batch."""

    def check(self, p: Proposed) -> None:
        """Raise ``Rejection`` when ``p`` must not apply; change nothing."""

    def settle(self, p: Proposed) -> None:
        """Update the rule's state after ``p``'s effect was applied."""

    def write(self) -> None:
        """Write the state changed so far (one statement per table)."""


class Rule(Protocol):
    """A rule declared for some operation types."""

    @property
    def operation_types(self) -> frozenset[str]:
        """The operation types it settles."""

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        """Return this rule's run for a batch, its state for ``batch`` read."""


# ----------------------------------------------------------------------------- claims


@dataclass(frozen=True)
class SingleUseClaim:
    """The first operation to claim a key keeps it; a later claim is applied and reported.

    Args:
        operation_types: the operations that claim.
        scope: what the keys are keys of ("coupon").
        key: the key an operation claims, from its fields (None: claims nothing).
    """

    operation_types: frozenset[str]
    scope: str
    key: Callable[[Mapping[str, Any]], str | None]

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _ClaimRun(self, ctx, batch)


class _ClaimRun:
    def __init__(self, rule: SingleUseClaim, ctx: RuleContext, batch: list[Checked]) -> None:
        self.rule, self.ctx = rule, ctx
        keys = sorted({k for c in batch if (k := rule.key(c.fields)) is not None})
        self.holders: dict[str, dict[str, Any]] = {}
        self.new: list[dict[str, Any]] = []
        for chunk in ctx.chunks(keys):
            for row in ctx.session.scalars(
                select(RuleClaim).where(
                    RuleClaim.chain_id == ctx.chain_id, RuleClaim.scope == rule.scope, RuleClaim.key.in_(chunk)
                )
            ):
                self.holders[row.key] = {
                    "device_id": row.device_id, "seq": row.seq, "op_id": row.op_id,
                    "entity_id": row.entity_id, "hlc": row.hlc,
                }

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        key = self.rule.key(p.fields)
        if key is None or not p.fresh:
            return
        holder = self.holders.get(key)
        if holder is None:
            self.holders[key] = p.reference()
            op = p.op
            self.new.append({
                "chain_id": self.ctx.chain_id, "scope": self.rule.scope, "key": key, "device_id": op.device_id,
                "seq": op.seq, "op_id": op.op_id, "entity": op.entity, "entity_id": op.entity_id, "hlc": p.clock,
                "claimed_at": self.ctx.now,
            })
            return
        self.ctx.raise_exception(
            p.op, "claim_conflict", scope=self.rule.scope, key=key, kept_by=holder, claimed_again_by=p.reference()
        )

    def write(self) -> None:
        if self.new:
            self.ctx.session.execute(insert(RuleClaim), self.new)
            self.new = []


# ----------------------------------------------------------------------------- tallies


@dataclass(frozen=True)
class TallyWithFloor:
    """A balance per key; an operation that takes it below ``floor`` is applied and reported.

    Args:
        operation_types: the operations that add or take.
        scope: what is counted ("points").
        key: whose balance an operation changes, from its fields.
        delta: how much it adds (negative: takes), from its fields.
        floor: the lowest balance that needs no one's attention.
        exception: the kind of exception raised below the floor.
        describe: more of the exception's detail, from the operation's fields
            (whom the balance is of, say).
    """

    operation_types: frozenset[str]
    scope: str
    key: Callable[[Mapping[str, Any]], str | None]
    delta: Callable[[Mapping[str, Any]], int]
    floor: int = 0
    exception: str = "below_floor"
    describe: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _TallyRun(self, ctx, batch)


class _TallyRun:
    def __init__(self, rule: TallyWithFloor, ctx: RuleContext, batch: list[Checked]) -> None:
        self.rule, self.ctx = rule, ctx
        keys = sorted({k for c in batch if (k := rule.key(c.fields)) is not None})
        self.balances: dict[str, int] = {}
        self.known: set[str] = set()
        self.changed: set[str] = set()
        for chunk in ctx.chunks(keys):
            for key, balance in ctx.session.execute(
                select(RuleTally.key, RuleTally.balance).where(
                    RuleTally.chain_id == ctx.chain_id, RuleTally.scope == rule.scope, RuleTally.key.in_(chunk)
                )
            ):
                self.balances[key] = balance
                self.known.add(key)

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        key = self.rule.key(p.fields)
        if key is None or not p.fresh:
            return
        delta = self.rule.delta(p.fields)
        before = self.balances.get(key, 0)
        after = before + delta
        self.balances[key] = after
        self.changed.add(key)
        if delta < 0 and after < self.rule.floor:
            more = self.rule.describe(p.fields) if self.rule.describe is not None else {}
            self.ctx.raise_exception(
                p.op, self.rule.exception, scope=self.rule.scope, key=key, balance_before=before, delta=delta,
                balance=after, floor=self.rule.floor, **more,
            )

    def write(self) -> None:
        if not self.changed:
            return
        rows = [
            {"chain_id": self.ctx.chain_id, "scope": self.rule.scope, "key": k, "balance": self.balances[k],
             "updated_at": self.ctx.now}
            for k in sorted(self.changed)
        ]
        new = [r for r in rows if r["key"] not in self.known]
        old = [r for r in rows if r["key"] in self.known]
        if new:
            self.ctx.session.execute(insert(RuleTally), new)
        if old:
            self.ctx.session.execute(update(RuleTally), old)
        self.known.update(self.changed)
        self.changed = set()


# ----------------------------------------------------------------------------- replays


@dataclass(frozen=True)
class ClockOrderedReplay:
    """Moves of one subject folded in clock order through a pure legality function.

    Args:
        operation_types: the operations that move a subject.
        scope: what the subjects are ("journey").
        subject: the subject an operation moves, from its fields.
        move: the move itself as JSON, from its fields.
        initial: the state of a subject before any move.
        legal: ``legal(state, move) -> Verdict``, a pure function of
            ``bnaura_desk.domain`` (the terminal judges by the same).
        subject_entity: the entity whose record shows the subject's state.
        state_fields: the fields of that record for a state (derived fields).
    """

    operation_types: frozenset[str]
    scope: str
    subject: Callable[[Mapping[str, Any]], str]
    move: Callable[[Mapping[str, Any]], Any]
    initial: Any
    legal: Callable[[Any, Any], Verdict]
    subject_entity: str
    state_fields: Callable[[Any], dict[str, Any]]

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _ReplayRun(self, ctx, batch)


@dataclass
class _Move:
    hlc: str
    move: Any
    reference: dict[str, Any]
    legal: bool
    is_new: bool = False
    changed: bool = False


@dataclass
class _Subject:
    moves: list[_Move] = field(default_factory=list)
    changed: bool = False

    def clocks(self) -> list[str]:
        return [m.hlc for m in self.moves]


class _ReplayRun:
    def __init__(self, rule: ClockOrderedReplay, ctx: RuleContext, batch: list[Checked]) -> None:
        self.rule, self.ctx = rule, ctx
        self.subjects: dict[str, _Subject] = {}
        wanted = sorted({rule.subject(c.fields) for c in batch})
        for chunk in ctx.chunks(wanted):
            for subject in chunk:
                self.subjects[subject] = _Subject()
            rows = ctx.session.scalars(
                select(RuleMove)
                .where(RuleMove.chain_id == ctx.chain_id, RuleMove.scope == rule.scope, RuleMove.subject.in_(chunk))
                .order_by(RuleMove.subject, RuleMove.hlc)
            )
            for row in rows:
                self.subjects[row.subject].moves.append(
                    _Move(row.hlc, row.move, {"device_id": row.device_id, "seq": row.seq, "op_id": row.op_id,
                                              "entity_id": row.entity_id, "hlc": row.hlc}, row.legal)
                )

    def _fold(self, moves: Iterable[_Move]) -> tuple[Any, list[tuple[_Move, Verdict]], str]:
        """Fold ``moves`` in order; return the state, each move's verdict and the last legal move's clock."""
        state, verdicts, last = self.rule.initial, [], ""
        for m in moves:
            verdict = self.rule.legal(state, m.move)
            verdicts.append((m, verdict))
            if verdict.legal:
                state, last = verdict.state, m.hlc
        return state, verdicts, last

    def _placed(self, p: Proposed) -> tuple[_Subject, list[_Move], _Move]:
        subject = self.subjects.setdefault(self.rule.subject(p.fields), _Subject())
        new = _Move(p.clock, self.rule.move(p.fields), p.reference(), True, is_new=True)
        at = bisect.bisect_right(subject.clocks(), p.clock)
        return subject, [*subject.moves[:at], new, *subject.moves[at:]], new

    def check(self, p: Proposed) -> None:
        subject_id = self.rule.subject(p.fields)
        subject, moves, new = self._placed(p)
        if any(m.hlc == p.clock for m in subject.moves):
            raise Rejection(
                "illegal_move", "another move of this subject has the same clock", kind="illegal_move",
                subject=subject_id,
            )
        _, verdicts, _ = self._fold(moves)
        verdict = next(v for m, v in verdicts if m is new)
        if not verdict.legal:
            raise Rejection(
                "illegal_move", verdict.why or "this move is not legal at its place", kind="illegal_move",
                subject=subject_id, move=new.move, hlc=p.clock,
            )

    def settle(self, p: Proposed) -> None:
        subject_id = self.rule.subject(p.fields)
        subject, moves, new = self._placed(p)
        state, verdicts, last = self._fold(moves)
        for m, verdict in verdicts:
            if m is new or m.legal == verdict.legal:
                continue
            m.legal, m.changed = verdict.legal, True
            if not verdict.legal:
                # A move that was legal when it came is not at its place any
                # more: a move with an earlier clock arrived after it.
                self.ctx.raise_exception(
                    p.op, "illegal_move", scope=self.rule.scope, subject=subject_id, move=m.move,
                    why=verdict.why, made_illegal=m.reference, by_late_move=p.reference(),
                )
        subject.moves = moves
        subject.changed = True
        self.ctx.write_derived(self.rule.subject_entity, subject_id, self.rule.state_fields(state), last or p.clock)

    def write(self) -> None:
        new: list[dict[str, Any]] = []
        flipped: list[dict[str, Any]] = []
        for subject_id, subject in self.subjects.items():
            if not subject.changed:
                continue
            for m in subject.moves:
                key = {"chain_id": self.ctx.chain_id, "scope": self.rule.scope, "subject": subject_id, "hlc": m.hlc}
                if m.is_new:
                    ref = m.reference
                    new.append({**key, "device_id": ref["device_id"], "seq": ref["seq"], "op_id": ref["op_id"],
                                "entity_id": ref["entity_id"], "move": m.move, "legal": m.legal})
                elif m.changed:
                    flipped.append({**key, "legal": m.legal})
                m.is_new = m.changed = False
            subject.changed = False
        if new:
            self.ctx.session.execute(insert(RuleMove), new)
        if flipped:
            self.ctx.session.execute(update(RuleMove), flipped)


# ----------------------------------------------------------------------------- the server's own


@dataclass(frozen=True)
class ResolutionMirror:
    """Copy an exception's resolution, merged into its record, onto the server's exception row.

    The server keeps every exception it raised in ``sync_exceptions`` (for
    its admin views) and as a ``sync_exception`` record (for terminals); a
    manager resolves the record on a terminal.
    """

    operation_types: frozenset[str] = frozenset({"sync_exception.resolve"})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _MirrorRun(ctx)


class _MirrorRun:
    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self.resolutions: dict[str, dict[str, Any]] = {}

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        data = self.ctx.record_data("sync_exception", p.checked.entity_id)
        if data is None:
            return
        resolved_at = data.get("resolved_at")
        self.resolutions[p.checked.entity_id] = {
            "id": p.checked.entity_id,
            "resolved_at": datetime.fromisoformat(resolved_at) if isinstance(resolved_at, str) else None,
            "resolved_by": data.get("resolved_by"),
            "note": str(data.get("note") or ""),
        }

    def write(self) -> None:
        """Update the exception rows (written before the rules by ``BatchApply.write``)."""
        if not self.resolutions:
            return
        ids = list(self.resolutions)
        known: set[str] = set()
        for chunk in self.ctx.chunks(ids):
            known.update(self.ctx.session.scalars(select(SyncException.id).where(SyncException.id.in_(chunk))))
        rows = [r for i, r in self.resolutions.items() if i in known]
        if rows:
            self.ctx.session.execute(update(SyncException), rows)
        self.resolutions = {}


def server_rules() -> tuple[Rule, ...]:
    """Return the rules the clinic server settles by (each issue that adds a rule lists it here)."""
    from .appointments import DoubleBooking
    from .balances import PaidCeiling
    from .branch_settings import PerBranchSetting  # they build on this module's seam
    from .coupons import CouponUseSlots
    from .courses import course_tally
    from .journeys import JourneyMoves
    from .points_balance import PointsBalance
    from .referrals import OneReferrer
    from .refunds import RefundCeiling
    from .tasks import TaskClaims
    from .tax_invoices import OneInvoicePerSale

    rules: tuple[Rule, ...] = (ResolutionMirror(), PerBranchSetting(), PointsBalance(), OneReferrer(),
                               CouponUseSlots(), RefundCeiling(), course_tally(), PaidCeiling(),
                               OneInvoicePerSale(), JourneyMoves(), DoubleBooking(), TaskClaims())
    return rules
