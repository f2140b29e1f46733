"""Properties of the refund rules: never more than paid, lines and points come back exactly in full."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.refunds import RefundedLine, ReturnLine, SoldLine, plan_refund, points_to_take

lines_sold = st.lists(st.tuples(st.integers(1, 5), st.integers(0, 500_000)), min_size=1, max_size=6)


def _apply(sold: list[SoldLine], done: tuple[RefundedLine, ...]) -> list[SoldLine]:
    back = {r.line_id: r for r in done}
    return [SoldLine(s.line_id, s.line_no, s.quantity, s.net_satang,
                     s.returned_quantity + (back[s.line_id].quantity if s.line_id in back else 0),
                     s.returned_satang + (back[s.line_id].amount_satang if s.line_id in back else 0)) for s in sold]


@given(lines_sold, st.data())
def test_returning_piece_by_piece_never_exceeds_what_was_paid_and_ends_at_it(
        shape: list[tuple[int, int]], data: st.DataObject) -> None:
    sold = [SoldLine(f"l{i}", i, q, net) for i, (q, net) in enumerate(shape, start=1)]
    paid = sum(s.net_satang for s in sold)
    given_back = 0
    while any(s.quantity_left for s in sold):
        pick = data.draw(st.sampled_from([s for s in sold if s.quantity_left]))
        quantity = data.draw(st.integers(1, pick.quantity_left))
        try:
            done = plan_refund(sold, [ReturnLine(pick.line_id, quantity)], paid - given_back)
        except BadInput:
            # Only a line worth nothing left is refused ("nothing left"); it is returned with the rest.
            assert pick.satang_left * quantity // pick.quantity_left == 0
            done = (RefundedLine(pick.line_id, quantity, 0),)
        given_back += sum(r.amount_satang for r in done)
        assert given_back <= paid
        sold = _apply(sold, done)
    assert given_back == paid


@given(st.integers(0, 100_000), st.integers(1, 10**8), st.lists(st.integers(1, 10**7), min_size=1, max_size=8))
def test_points_taken_back_add_up_to_what_was_earned_once_all_is_refunded(
        earned: int, total: int, parts: list[int]) -> None:
    scale = sum(parts)
    amounts = [p * total // scale for p in parts]
    amounts[-1] += total - sum(amounts)
    refunded = taken = 0
    for amount in amounts:
        got = points_to_take(earned, total, refunded, amount)
        assert got >= 0
        taken += got
        refunded += amount
        assert taken <= earned
    assert taken == earned


@given(st.integers(1, 5), st.integers(1, 500_000), st.integers(0, 499_999))
def test_a_whole_refund_of_a_part_paid_sale_gives_back_exactly_what_was_paid(
        quantity: int, net: int, short: int) -> None:
    paid = max(1, net - short)
    done = plan_refund([SoldLine("l1", 1, quantity, net), SoldLine("l2", 2, 1, net)], None, paid)
    assert sum(r.amount_satang for r in done) == paid
