"""The server's rule for journeys (``journey.move``): a journey's moves replayed in clock order.

Terminals of one branch move a journey offline; each move names the stage
it was made from (``bnaura_desk.domain.journeys``). The server folds a
journey's moves in clock order through ``legal_move`` (a
``ClockOrderedReplay``, scope ``journey``, its moves kept in
``rule_moves``): a move illegal at its place (the journey was moved from
that stage first on another terminal) is rejected and raises
``illegal_move``; a move made illegal by one with an earlier clock that
arrived later is reported. The journey's derived fields (stage, since
when, the sale and appointment its moves linked) are the fold's.

Before the replay, what the move names is checked against the chain's
records: a sale it links must be of the journey's customer (its existence
the declaration's parent check already made), and a manager's move that
names its approver must name a manager or owner. (A manager's move made by
the command line's system actor names none: the terminal's owner.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bnaura_desk.domain.journeys import INITIAL, JourneyState, Move, Refusal, Stage, legal_move
from bnaura_desk.domain.roles import OVERRIDE_ROLES
from bnaura_desk.domain.verdicts import Verdict

from .checks import Checked, Rejection
from .rules import ClockOrderedReplay, Proposed, RuleContext, RuleRun

SCOPE = "journey"
_MOVE = "journey.move"


def _move(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Return the move a ``journey_action`` record makes, as the rule keeps it."""
    return Move(
        Stage(fields["from_stage"]), Stage(fields["to_stage"]), str(fields["at"]), fields.get("sale_id"),
        fields.get("appointment_id"), bool(str(fields.get("note") or "").strip()), bool(fields.get("by_manager")),
    ).as_json()


def legal(state: JourneyState, kept: Any) -> Verdict:
    """Judge a kept move (JSON) from ``state`` by ``domain.journeys.legal_move``."""
    move = Move.from_json(kept)
    if move is None:
        return Verdict(False, why="not a journey move")
    return legal_move(state, move)


def _fields(state: JourneyState) -> dict[str, Any]:
    return {"stage": str(state.stage), "stage_entered_at": state.entered_at, "sale_id": state.sale_id,
            "appointment_id": state.appointment_id}


def journey_replay() -> ClockOrderedReplay:
    """Return the replay of journeys' moves (see the module)."""
    return ClockOrderedReplay(
        frozenset({_MOVE}), SCOPE, subject=lambda f: str(f["journey_id"]), move=_move, initial=INITIAL,
        legal=legal, subject_entity="journey", state_fields=_fields,
    )


@dataclass(frozen=True)
class JourneyMoves:
    """Check what a move names, then replay it in clock order (see the module)."""

    replay: ClockOrderedReplay = field(default_factory=journey_replay)

    @property
    def operation_types(self) -> frozenset[str]:
        return self.replay.operation_types

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _MovesRun(ctx, self.replay.start(ctx, batch))


class _MovesRun:
    def __init__(self, ctx: RuleContext, replay: RuleRun) -> None:
        self.ctx, self.replay = ctx, replay

    def check(self, p: Proposed) -> None:
        approver = p.fields.get("approved_by")
        if p.fields.get("by_manager") and isinstance(approver, str):
            staff = self.ctx.record_data("staff", approver) or {}
            if staff.get("role") not in {str(r) for r in OVERRIDE_ROLES}:
                raise Rejection(
                    "illegal_move", "the move is approved by someone who is not a manager", kind="illegal_move",
                    subject=str(p.fields["journey_id"]), refusal=str(Refusal.NEEDS_MANAGER), approved_by=approver,
                )
        sale_id = p.fields.get("sale_id")
        if isinstance(sale_id, str):
            journey = self.ctx.record_data("journey", str(p.fields["journey_id"])) or {}
            sale = self.ctx.record_data("sale", sale_id) or {}
            if sale.get("customer_id") is None or sale.get("customer_id") != journey.get("customer_id"):
                raise Rejection(
                    "illegal_move", "the sale is not of the journey's customer", kind="illegal_move",
                    subject=str(p.fields["journey_id"]), refusal=str(Refusal.NEEDS_SALE), sale_id=sale_id,
                )
        self.replay.check(p)

    def settle(self, p: Proposed) -> None:
        self.replay.settle(p)

    def write(self) -> None:
        self.replay.write()
