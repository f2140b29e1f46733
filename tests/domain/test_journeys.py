"""The journey's legal-move table: property tests (hypothesis) and the cases a front desk meets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.journeys import (
    FLOW,
    INITIAL,
    MANAGER_ONLY,
    NEEDS_REASON,
    JourneyState,
    Move,
    MoveKind,
    Refusal,
    Stage,
    judge,
    legal_move,
    move_kind,
)

AT = "2026-12-07T10:00:00+07:00"

moves = st.builds(
    Move,
    from_stage=st.sampled_from(list(Stage)),
    to_stage=st.sampled_from(list(Stage)),
    at=st.just(AT),
    sale_id=st.one_of(st.none(), st.just("sale-1")),
    appointment_id=st.one_of(st.none(), st.just("appt-1")),
    has_reason=st.booleans(),
    by_manager=st.booleans(),
)


def _walk(state: JourneyState, to: Stage, **kw: object) -> JourneyState:
    verdict = legal_move(state, Move(state.stage, to, AT, **kw))  # type: ignore[arg-type]
    assert verdict.legal, verdict.why
    assert isinstance(verdict.state, JourneyState)
    return verdict.state


@settings(max_examples=400)
@given(st.lists(moves, max_size=40), st.data())
def test_no_sequence_of_moves_reaches_an_illegal_state(tried: list[Move], data: st.DataObject) -> None:
    state = INITIAL
    for move in tried:
        # Half the moves are made from where the journey is (as a terminal would).
        if data.draw(st.booleans()):
            move = Move(state.stage, move.to_stage, move.at, move.sale_id, move.appointment_id, move.has_reason,
                        move.by_manager)
        verdict = legal_move(state, move)
        if not verdict.legal:
            assert verdict.why
            continue
        kind = move_kind(state.stage, move.to_stage)
        assert kind is not None and move.from_stage is state.stage
        assert move.has_reason or kind not in NEEDS_REASON
        assert move.by_manager or kind not in MANAGER_ONLY
        if kind is MoveKind.FORWARD:
            assert FLOW.index(move.to_stage) == FLOW.index(state.stage) + 1
        state = verdict.state
        assert state.consistent(), state
        assert state.stage is move.to_stage


@given(moves)
def test_a_move_from_a_stage_the_journey_is_not_at_is_never_legal(move: Move) -> None:
    state = JourneyState(Stage.SCANNED)
    if move.from_stage is not Stage.SCANNED:
        assert judge(state, move) is Refusal.MOVED_MEANWHILE


def test_the_whole_flow_forward_with_a_sale_and_an_appointment() -> None:
    state = INITIAL
    for stage in FLOW[1:]:
        state = _walk(state, stage, sale_id="sale-1" if stage is Stage.PAYMENT_CONFIRMED else None,
                      appointment_id="appt-1" if stage is Stage.TREATMENT_SCHEDULED else None)
    assert state == JourneyState(Stage.COMPLETED, AT, "sale-1", "appt-1")


def test_what_the_table_refuses() -> None:
    proposal = JourneyState(Stage.PROPOSAL_SENT)
    # Payment confirmed only with a sale linked; scheduled only with an appointment.
    assert judge(proposal, Move(Stage.PROPOSAL_SENT, Stage.PAYMENT_CONFIRMED, AT)) is Refusal.NEEDS_SALE
    paid = _walk(proposal, Stage.PAYMENT_CONFIRMED, sale_id="s")
    assert judge(paid, Move(Stage.PAYMENT_CONFIRMED, Stage.TREATMENT_SCHEDULED, AT)) is Refusal.NEEDS_APPOINTMENT
    # No skipping ahead, no staying put.
    assert judge(INITIAL, Move(Stage.LEAD_CREATED, Stage.PROPOSAL_SENT, AT)) is Refusal.NO_SUCH_MOVE
    assert judge(INITIAL, Move(Stage.LEAD_CREATED, Stage.LEAD_CREATED, AT)) is Refusal.NO_SUCH_MOVE
    assert judge(INITIAL, Move(Stage.LEAD_CREATED, Stage.COMPLETED, AT, by_manager=True,
                               has_reason=True)) is Refusal.NO_SUCH_MOVE
    # Cancelling needs a reason; moving back a manager and a reason.
    assert judge(proposal, Move(Stage.PROPOSAL_SENT, Stage.CANCELLED, AT)) is Refusal.NEEDS_REASON
    assert judge(proposal, Move(Stage.PROPOSAL_SENT, Stage.SCANNED, AT, has_reason=True)) is Refusal.NEEDS_MANAGER
    back = _walk(paid, Stage.PROPOSAL_SENT, has_reason=True, by_manager=True)
    assert back.sale_id == "s"  # the sale stays linked: forward again needs no other
    assert _walk(back, Stage.PAYMENT_CONFIRMED).stage is Stage.PAYMENT_CONFIRMED
    # A cancelled journey is not cancelled again; a manager reopens it.
    cancelled = _walk(proposal, Stage.CANCELLED, has_reason=True)
    assert judge(cancelled, Move(Stage.CANCELLED, Stage.CANCELLED, AT, has_reason=True)) is Refusal.NO_SUCH_MOVE
    assert judge(cancelled, Move(Stage.CANCELLED, Stage.SCANNED, AT, has_reason=True)) is Refusal.NEEDS_MANAGER
    assert _walk(cancelled, Stage.SCANNED, has_reason=True, by_manager=True).stage is Stage.SCANNED
    # Reopened past payment, it needs the sale as forward moves do.
    assert judge(cancelled, Move(Stage.CANCELLED, Stage.FOLLOW_UP, AT, has_reason=True,
                                 by_manager=True)) is Refusal.NEEDS_SALE


def test_a_move_round_trips_through_the_servers_json_and_rubbish_is_no_move() -> None:
    move = Move(Stage.PROPOSAL_SENT, Stage.PAYMENT_CONFIRMED, AT, sale_id="s", has_reason=True)
    assert Move.from_json(move.as_json()) == move
    for rubbish in (None, "x", {}, {"from": "nowhere", "to": "scanned", "at": AT}, {"from": "scanned"}):
        assert Move.from_json(rubbish) is None
