"""A proposal made on one terminal of a branch and paid at another's counter, over a real server.

What the branch checks: the sales tablet's plan reaches the counter, the
counter opens it as the cart and takes the money, and after the next sync
both terminals (and the server's replay) show the journey at payment
confirmed with that sale linked and the plan accepted. A plan whose lines
break the declaration (a hostile or buggy terminal) is refused by the
server, and another branch neither receives the plan nor may name it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.proposals import ProposalLine, ProposalStatus
from bnaura_desk.services import catalog, counter, proposals, shifts
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import Journey, Proposal
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for

from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)
from .test_journeys_sync import _opened, _server_stage, siam_2  # noqa: F401  (a fixture)


def test_a_plan_made_on_the_tablet_is_paid_at_the_counter_and_both_see_the_payment_confirmed(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    facial = siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีทเมนต์หน้าใส",
                                                    price_satang=350_000, vat_exempt=True,
                                                    duration_minutes=60), actor=SYSTEM).result
    journey = _opened(chain, (siam_2, thonglor))
    # The sales tablet (siam_2) proposes two facials; the journey goes to proposal sent.
    made = siam_2.run(proposals.make_proposal, journey, [ProposalLine(facial, 2, 350_000)], "ฝ้า 2 ครั้ง",
                      actor=SYSTEM).result
    for t in (siam_2, siam, thonglor):
        _sync(t)
    # The counter (siam) opens it: the plan as the tablet made it.
    plan = siam.read(proposals.proposal_for, journey)
    assert plan is not None and (plan.id, plan.total_satang, plan.note) == (made, 700_000, "ฝ้า 2 ครั้ง")
    assert [(line.name_th, line.quantity) for line in plan.lines] == [("ทรีทเมนต์หน้าใส", 2)]
    siam.run(shifts.open_shift, 100_000, actor=SYSTEM)
    lines = tuple(counter.OrderLine(line.item_id, line.quantity) for line in plan.lines)
    due = siam.read(counter.quote, counter.Order(lines, (), customer_id=plan.customer_id),
                    siam.clock()).priced.total_satang  # the counter prices it again (her tier's discount)
    sold = siam.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),),
                                                    customer_id=plan.customer_id, journey_id=journey),
                    actor=SYSTEM).result
    for t in (siam, siam_2, thonglor):
        _sync(t)
    assert _server_stage(chain, journey) == Stage.PAYMENT_CONFIRMED
    for t in (siam, siam_2):
        row = t.read(lambda s: s.get(Journey, journey))
        assert row is not None and (row.stage, row.sale_id) == (Stage.PAYMENT_CONFIRMED, sold.sale_id)
        accepted = t.read(proposals.proposal_for, journey)
        assert accepted is not None and accepted.status is ProposalStatus.ACCEPTED
    # Another branch neither receives the plan nor may name it.
    assert thonglor.read(lambda s: s.scalar(select(func.count()).select_from(Proposal))) == 0


def test_the_server_refuses_a_plan_whose_lines_break_the_declaration(chain: Chain) -> None:  # noqa: F811
    siam = chain.siam
    journey = _opened(chain, ())
    member = siam.read(lambda s: s.get(Journey, journey)).customer_id  # type: ignore[union-attr]
    item = str(uuid.uuid4())

    def plan(lines: object) -> dict[str, object]:
        return {"record": {"journey_id": journey, "customer_id": member, "branch_id": chain.branch_ids["siam"],
                           "lines": lines, "total_satang": 100, "status": "sent"}}

    with client_for(siam) as client:
        seq = client.push(siam.device().device_id, []).next_seq
        results = client.push(siam.device().device_id, [
            _op(siam, seq, "proposal.make", "proposal", str(uuid.uuid4()), plan([])),
            _op(siam, seq + 1, "proposal.make", "proposal", str(uuid.uuid4()),
                plan([{"item_id": item, "quantity": 0, "price_satang": 100}])),
            _op(siam, seq + 2, "proposal.make", "proposal", str(uuid.uuid4()),
                plan([{"item_id": item, "quantity": 1, "price_satang": -1}])),
            _op(siam, seq + 3, "proposal.make", "proposal", str(uuid.uuid4()),
                plan([{"item_id": item, "quantity": 1, "price_satang": 100, "discount": 5}])),
            _op(siam, seq + 4, "proposal.make", "proposal", str(uuid.uuid4()),
                plan([{"item_id": item, "quantity": 1, "price_satang": 100}])),
        ]).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "invalid_record")] * 4 + [("applied", "")], results
