"""The server's rule for members' points (``points.record``, ``points.expire``).

A terminal spends only what its own fold of the ledger shows, but two
terminals working offline may each spend the same points. Both spends
stand (the rewards were given, the sales were paid): the server keeps
them, and when a spend leaves the member's balance below zero it raises
``below_floor`` for managers, naming the spend, the member, the balance
before and after. Terminals see the negative balance once they pull and
refuse further redemptions until it is positive again.

The balance is the fold of ``bnaura_desk.domain.points`` (the same code a
terminal folds with), not a running sum: a lot that expired is not there
to spend, whether or not its expiry entry has arrived yet, so a sum of
earns less spends would miss two spends made after an expiry. The rule
keeps each customer's entries as its own state (``rule_moves``, scope
``points``, one row per entry, read for a batch's members by one indexed
query per chunk), so it never scans the JSON records.

A ledger row seen again (a derived id another terminal made first: the
day's check-in points, a birthday, an expiry) is counted once. Points for
a customer someone deleted meanwhile stand (nothing a user committed is
lost), and ``points_for_deleted_customer`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from bnaura_desk.domain.points import EntryKind, PointEntry, fold

from .checks import Checked
from .models import RuleMove
from .rules import Proposed, RuleContext, RuleRun

SCOPE = "points"


def _entry(entity_id: str, fields: dict[str, Any]) -> PointEntry | None:
    """Return the ledger entry an operation's record is (None when it is not one)."""
    try:
        if "lot_id" in fields:
            return PointEntry(entity_id, EntryKind.EXPIRE, 0, datetime.fromisoformat(fields["at"]),
                              lot_id=str(fields["lot_id"]))
        expires = fields.get("expires_at")
        return PointEntry(
            entity_id, EntryKind(fields["kind"]), int(fields["points"]), datetime.fromisoformat(fields["at"]),
            datetime.fromisoformat(expires) if isinstance(expires, str) else None,
        )
    except (KeyError, TypeError, ValueError):
        return None  # the declaration's checks let nothing like this through


def _as_move(entry: PointEntry) -> dict[str, Any]:
    return {
        "kind": str(entry.kind), "points": entry.points, "at": entry.at.isoformat(),
        "expires_at": entry.expires_at.isoformat() if entry.expires_at else None, "lot_id": entry.lot_id,
    }


def _from_move(entity_id: str, move: dict[str, Any]) -> PointEntry:
    expires = move.get("expires_at")
    return PointEntry(
        entity_id, EntryKind(move["kind"]), int(move["points"]), datetime.fromisoformat(move["at"]),
        datetime.fromisoformat(expires) if expires else None, move.get("lot_id"),
    )


@dataclass(frozen=True)
class PointsBalance:
    """Keep every member's ledger and report a spend that leaves it below zero (see the module)."""

    operation_types: frozenset[str] = frozenset({"points.record", "points.expire"})
    floor: int = 0

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _BalanceRun(self, ctx, batch)


class _BalanceRun:
    def __init__(self, rule: PointsBalance, ctx: RuleContext, batch: list[Checked]) -> None:
        self.rule, self.ctx = rule, ctx
        members = sorted({m for c in batch if isinstance(m := c.fields.get("customer_id"), str)})
        self.ledgers: dict[str, list[PointEntry]] = {m: [] for m in members}
        for chunk in ctx.chunks(members):
            rows = ctx.session.execute(
                select(RuleMove.subject, RuleMove.entity_id, RuleMove.move).where(
                    RuleMove.chain_id == ctx.chain_id, RuleMove.scope == SCOPE, RuleMove.subject.in_(chunk)
                )
            )
            for subject, entity_id, move in rows:
                self.ledgers[subject].append(_from_move(entity_id, move))
        self.new: list[dict[str, Any]] = []

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        member = p.fields.get("customer_id")
        entry = _entry(p.checked.entity_id, p.fields)
        if not p.fresh or not isinstance(member, str) or entry is None:
            return
        ledger = self.ledgers.setdefault(member, [])
        ledger.append(entry)
        op = p.op
        self.new.append({
            "chain_id": self.ctx.chain_id, "scope": SCOPE, "subject": member, "hlc": p.clock,
            "device_id": op.device_id, "seq": op.seq, "op_id": op.op_id, "entity_id": p.checked.entity_id,
            "move": _as_move(entry), "legal": True,
        })
        if self.ctx.record_deleted("customer", member):
            self.ctx.raise_exception(op, "points_for_deleted_customer", customer_id=member,
                                     points=entry.points, entry_kind=str(entry.kind))
        if entry.kind is EntryKind.SPEND:
            at = max(self.ctx.now, entry.at)
            after = fold(ledger, at).balance
            if after < self.rule.floor:
                before = fold(ledger[:-1], at).balance
                self.ctx.raise_exception(
                    op, "below_floor", scope=SCOPE, key=member, customer_id=member,
                    balance_before=before, delta=-entry.points, balance=after, floor=self.rule.floor,
                )

    def write(self) -> None:
        if self.new:
            self.ctx.session.execute(insert(RuleMove), self.new)
            self.new = []
