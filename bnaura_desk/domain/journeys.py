"""Journeys: one customer case from lead to completion, and the one table of its legal moves.

A journey goes forward one stage at a time through ``FLOW`` (lead created →
scanned → proposal sent → payment confirmed → treatment scheduled → in
treatment → treatment completed → follow-up → completed), or is cancelled
from any open stage. A manager may move it back to an earlier open stage
or reopen a completed or cancelled one. Cancelling, moving back and
reopening need a reason. Payment confirmed and every stage after it need a
paid (or deposit-paid) sale linked to the journey; treatment scheduled and
after need an appointment.

``legal_move(state, move)`` is the whole table, a pure function: the
terminal judges a move by it before writing it, and the server replays a
journey's moves in clock order through it (``sync.server.journeys``). A
move names the stage it was made from, so two terminals moving the same
card offline cannot both stand: the second at its place in clock order was
made from a stage the journey is no longer at.

The move carries what its legality needs (the sale or appointment it
links, whether it has a reason, whether a manager made or authorised it),
so the server judges it from the move and the folded state alone; that the
sale is paid is the terminal's check (it has the payments), that it exists
and is the journey's customer's the server's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from .errors import QT_TRANSLATE_NOOP
from .verdicts import Verdict


class Stage(StrEnum):
    LEAD_CREATED = "lead_created"
    SCANNED = "scanned"
    PROPOSAL_SENT = "proposal_sent"
    PAYMENT_CONFIRMED = "payment_confirmed"
    TREATMENT_SCHEDULED = "treatment_scheduled"
    IN_TREATMENT = "in_treatment"
    TREATMENT_COMPLETED = "treatment_completed"
    FOLLOW_UP = "follow_up"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


# The forward order of a journey (cancelled is off it).
FLOW: tuple[Stage, ...] = tuple(s for s in Stage if s is not Stage.CANCELLED)
CLOSED = frozenset({Stage.COMPLETED, Stage.CANCELLED})
OPEN = frozenset(s for s in Stage if s not in CLOSED)
# Stages a beautician moves a journey to (the treatment itself).
TREATMENT_STAGES = frozenset({Stage.IN_TREATMENT, Stage.TREATMENT_COMPLETED})

STAGE_LABELS: dict[Stage, str] = {
    Stage.LEAD_CREATED: QT_TRANSLATE_NOOP("journeys", "Lead created"),
    Stage.SCANNED: QT_TRANSLATE_NOOP("journeys", "Skin scanned"),
    Stage.PROPOSAL_SENT: QT_TRANSLATE_NOOP("journeys", "Proposal sent"),
    Stage.PAYMENT_CONFIRMED: QT_TRANSLATE_NOOP("journeys", "Payment confirmed"),
    Stage.TREATMENT_SCHEDULED: QT_TRANSLATE_NOOP("journeys", "Treatment scheduled"),
    Stage.IN_TREATMENT: QT_TRANSLATE_NOOP("journeys", "In treatment"),
    Stage.TREATMENT_COMPLETED: QT_TRANSLATE_NOOP("journeys", "Treatment completed"),
    Stage.FOLLOW_UP: QT_TRANSLATE_NOOP("journeys", "Follow-up"),
    Stage.COMPLETED: QT_TRANSLATE_NOOP("journeys", "Completed"),
    Stage.CANCELLED: QT_TRANSLATE_NOOP("journeys", "Cancelled"),
}


class MoveKind(StrEnum):
    FORWARD = "forward"  # the next stage of the flow
    BACK = "back"  # an earlier open stage (a manager, with a reason)
    CANCEL = "cancel"  # from any open stage (with a reason)
    REOPEN = "reopen"  # a completed or cancelled journey to an open stage (a manager, with a reason)


MANAGER_ONLY = frozenset({MoveKind.BACK, MoveKind.REOPEN})
NEEDS_REASON = frozenset({MoveKind.CANCEL, MoveKind.BACK, MoveKind.REOPEN})


def move_kind(from_stage: Stage, to_stage: Stage) -> MoveKind | None:
    """Return what moving from ``from_stage`` to ``to_stage`` is, or None when the table has no such move."""
    if to_stage is Stage.CANCELLED:
        return MoveKind.CANCEL if from_stage in OPEN else None
    if to_stage is Stage.COMPLETED and from_stage is not Stage.FOLLOW_UP:
        return None  # completed is reached forward only
    if from_stage in CLOSED:
        return MoveKind.REOPEN
    step = FLOW.index(to_stage) - FLOW.index(from_stage)
    if step == 1:
        return MoveKind.FORWARD
    return MoveKind.BACK if step < 0 else None


def needs_sale(stage: Stage) -> bool:
    """Return whether a journey at ``stage`` must have a paid sale linked."""
    return stage in FLOW and FLOW.index(stage) >= FLOW.index(Stage.PAYMENT_CONFIRMED)


def needs_appointment(stage: Stage) -> bool:
    """Return whether a journey at ``stage`` must have an appointment linked."""
    return stage in FLOW and FLOW.index(stage) >= FLOW.index(Stage.TREATMENT_SCHEDULED)


@dataclass(frozen=True)
class JourneyState:
    """A journey as its moves made it: its stage, since when, and what is linked to it."""

    stage: Stage = Stage.LEAD_CREATED
    entered_at: str | None = None  # ISO time of the move that brought it here (None: since it was opened)
    sale_id: str | None = None
    appointment_id: str | None = None

    def consistent(self) -> bool:
        """Return whether the state keeps the table's invariants (what every legal fold must keep)."""
        return (self.sale_id is not None or not needs_sale(self.stage)) and (
            self.appointment_id is not None or not needs_appointment(self.stage))


INITIAL = JourneyState()


@dataclass(frozen=True)
class Move:
    """One move of a journey, as the terminal journals it and the server replays it.

    Attributes:
        from_stage: the stage the journey was at where the move was made.
        to_stage: where it moves it.
        at: when (ISO 8601 with its offset).
        sale_id, appointment_id: what the move links (None: keeps what is linked).
        has_reason: the move carries a reason (a note).
        by_manager: a manager made it or authorised it with their PIN.
    """

    from_stage: Stage
    to_stage: Stage
    at: str
    sale_id: str | None = None
    appointment_id: str | None = None
    has_reason: bool = False
    by_manager: bool = False

    def as_json(self) -> dict[str, Any]:
        """Return the move as the server keeps it (``rule_moves.move``)."""
        return {"from": str(self.from_stage), "to": str(self.to_stage), "at": self.at, "sale_id": self.sale_id,
                "appointment_id": self.appointment_id, "has_reason": self.has_reason,
                "by_manager": self.by_manager}

    @classmethod
    def from_json(cls, data: Any) -> Move | None:
        """Return the move kept as ``data``, or None when it is not one (a hostile or newer record)."""
        try:
            return cls(Stage(data["from"]), Stage(data["to"]), str(data["at"]), data.get("sale_id"),
                       data.get("appointment_id"), bool(data.get("has_reason")), bool(data.get("by_manager")))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


class Refusal(StrEnum):
    """Why a move is not legal (the codes of ``REFUSALS``)."""

    MOVED_MEANWHILE = "moved_meanwhile"
    NO_SUCH_MOVE = "no_such_move"
    NEEDS_REASON = "needs_reason"
    NEEDS_MANAGER = "needs_manager"
    NEEDS_SALE = "needs_sale"
    NEEDS_APPOINTMENT = "needs_appointment"


# Why a move is refused, in words: the server's exception detail as is, the
# terminal's error translated (context "errors").
REFUSALS: dict[Refusal, str] = {
    Refusal.MOVED_MEANWHILE: QT_TRANSLATE_NOOP(
        "errors", "This journey was moved meanwhile; look at where it is now and move it again"),
    Refusal.NO_SUCH_MOVE: QT_TRANSLATE_NOOP(
        "errors", "A journey moves forward one stage at a time; a manager may move it back or reopen it"),
    Refusal.NEEDS_REASON: QT_TRANSLATE_NOOP("errors", "Write the reason for cancelling, moving back or reopening"),
    Refusal.NEEDS_MANAGER: QT_TRANSLATE_NOOP("errors", "Only a manager may move a journey back or reopen it"),
    Refusal.NEEDS_SALE: QT_TRANSLATE_NOOP("errors", "Link a paid sale of this customer to confirm the payment"),
    Refusal.NEEDS_APPOINTMENT: QT_TRANSLATE_NOOP("errors", "Link an appointment to schedule the treatment"),
}


def judge(state: JourneyState, move: Move) -> Refusal | None:
    """Return why ``move`` is not legal from ``state``, or None when it is."""
    if move.from_stage is not state.stage:
        return Refusal.MOVED_MEANWHILE
    kind = move_kind(move.from_stage, move.to_stage)
    if kind is None:
        return Refusal.NO_SUCH_MOVE
    if kind in NEEDS_REASON and not move.has_reason:
        return Refusal.NEEDS_REASON
    if kind in MANAGER_ONLY and not move.by_manager:
        return Refusal.NEEDS_MANAGER
    if needs_sale(move.to_stage) and (move.sale_id or state.sale_id) is None:
        return Refusal.NEEDS_SALE
    if needs_appointment(move.to_stage) and (move.appointment_id or state.appointment_id) is None:
        return Refusal.NEEDS_APPOINTMENT
    return None


def after(state: JourneyState, move: Move) -> JourneyState:
    """Return the state a legal ``move`` leaves (links it names replace those before)."""
    return replace(state, stage=move.to_stage, entered_at=move.at, sale_id=move.sale_id or state.sale_id,
                   appointment_id=move.appointment_id or state.appointment_id)


def legal_move(state: JourneyState, move: Move) -> Verdict:
    """Judge ``move`` from ``state``: legal with the state after it, or illegal with why (in English)."""
    refusal = judge(state, move)
    if refusal is not None:
        return Verdict(False, why=REFUSALS[refusal])
    return Verdict(True, after(state, move))
