"""A terminal's shift: opened with a float, closed with the cash counted by denomination."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import catalog, counter, shifts
from bnaura_desk.store.models import OutboxOperation, Shift
from tests.conftest import Staffed


def test_the_close_compares_the_cash_counted_with_the_float_and_the_cash_taken(staffed: Staffed) -> None:
    s = staffed
    serum = s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", price_satang=89_000,
                                                         sku="S1"), actor=s.manager).result
    s.terminal.run(shifts.open_shift, 150_000, actor=s.front_desk)
    for tenders in ((Tender(PaymentMethod.CASH, 89_000, tendered_satang=100_000),),
                    (Tender(PaymentMethod.CARD, 89_000, approval_code="123456", card_last4="0042"),)):
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(serum),), tenders), actor=s.front_desk)
    # ฿1,500 float + ฿890 cash kept (the card's money is not in the drawer): ฿2,390 expected; ฿2,380 counted.
    closed = s.terminal.run(shifts.close_shift, {100_000: 2, 10_000: 3, 2_000: 4}, "แบงก์ 10 หาย",
                            actor=s.front_desk).result
    assert (closed.expected_satang, closed.counted_satang, closed.difference_satang) == (239_000, 238_000, -1_000)
    shift = s.terminal.read(lambda session: session.scalars(select(Shift)).one())
    assert shift.counted == {"100000": 2, "10000": 3, "2000": 4} and shift.note == "แบงก์ 10 หาย"
    assert s.terminal.read(lambda session: [o.type for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.entity == "shift").order_by(OutboxOperation.seq))]) == [
        "shift.open", "shift.close"]
    # Closed: no more sales until a new shift opens.
    with pytest.raises(BadInput):
        s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(serum),), (Tender(PaymentMethod.CASH, 89_000),)),
                       actor=s.front_desk)
    s.terminal.run(shifts.open_shift, 150_000, actor=s.front_desk)


@pytest.mark.parametrize(("run", "why"), [
    (lambda s: s.terminal.run(shifts.open_shift, -1, actor=s.front_desk), "float"),
    (lambda s: s.terminal.run(shifts.open_shift, 10**9, actor=s.front_desk), "float"),
    (lambda s: s.terminal.run(shifts.close_shift, {100_000: 1}, actor=s.front_desk), "No shift is open"),
])
def test_a_wrong_float_or_closing_nothing_is_refused(staffed: Staffed, run, why: str) -> None:
    with pytest.raises(BadInput) as refused:
        run(staffed)
    assert why in refused.value.render(lambda _c, text: text)
    assert staffed.terminal.read(lambda session: list(session.scalars(select(Shift)))) == []


def test_one_shift_at_a_time_and_only_thai_money_in_the_drawer(staffed: Staffed) -> None:
    s = staffed
    s.terminal.run(shifts.open_shift, 0, actor=s.front_desk)
    with pytest.raises(BadInput, match="already open"):
        s.terminal.run(shifts.open_shift, 0, actor=s.front_desk)
    for counted in ({300: 1}, {100_000: -1}):
        with pytest.raises(BadInput) as refused:
            s.terminal.run(shifts.close_shift, counted, actor=s.front_desk)
        assert "not a Thai note or coin" in refused.value.render(lambda _c, text: text)
    assert s.terminal.read(lambda session: session.scalars(select(Shift)).one()).closed_at is None
