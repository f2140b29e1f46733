"""The server's rule for tasks: one task claimed by two people offline.

A task is a profile: its fields settle by clock, so when two beauticians
claim the same task on two terminals offline, the claim with the later
clock holds it (``claimed_by``, ``assignee_id``, ``status``), whatever the
order the claims arrive in. That alone would leave the other beautician
believing the task is theirs, so a claim of a task that the record
already shows held by someone else raises ``task_claimed_twice`` naming
both, for a manager to settle (reassign it, or tell the other).

No state of its own: the task's record as the batch has it so far is the
state (``RuleContext.record_data``), read before the claim applies. A
claim seen again (a resend) or by the holder again changes nothing and
raises nothing. A manager's reassignment (``task.reassign``) is not a claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bnaura_desk.domain.automation import TaskStatus

from .checks import Checked
from .rules import Proposed, RuleContext, RuleRun

_CLAIM = "task.claim"
_HELD = frozenset({str(TaskStatus.CLAIMED), str(TaskStatus.STARTED)})


@dataclass(frozen=True)
class TaskClaims:
    """Report a task claimed while another held it (see the module)."""

    operation_types: frozenset[str] = frozenset({_CLAIM})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _ClaimsRun(ctx)


@dataclass
class _ClaimsRun:
    ctx: RuleContext
    held: dict[str, dict[str, Any]] = field(default_factory=dict)  # op id -> the holder it displaced

    def check(self, p: Proposed) -> None:
        # Read before the claim applies: who held the task then.
        task = self.ctx.record_data("task", p.op.entity_id) or {}
        holder, claimant = task.get("claimed_by"), p.fields.get("claimed_by")
        if p.fresh and task.get("status") in _HELD and isinstance(holder, str) and holder != claimant:
            self.held[p.op.op_id] = {"held_by": holder, "status": task.get("status"),
                                "journey_id": task.get("journey_id"), "customer_id": task.get("customer_id")}

    def settle(self, p: Proposed) -> None:
        holder = self.held.pop(p.op.op_id, None)
        if holder is not None:
            self.ctx.raise_exception(p.op, "task_claimed_twice", task_id=p.op.entity_id,
                                     claimed_by=p.fields.get("claimed_by"), **holder)

    def write(self) -> None:
        return None
