"""Refunds and voids on a real SQLite terminal: what the drawer, the shelf, the member's points and the credit note show.

One use case, one transaction: the refund, its credit note's number, the
points taken back, the stock returned, audit and outbox commit together,
or nothing does.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bnaura_desk.documents import credit_note_pdf
from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.refunds import RefundKind, ReturnLine, plan_refund
from bnaura_desk.domain.roles import Permission
from bnaura_desk.domain.settings import COUPON_ON_REFUND_KEY, CouponOnRefund
from bnaura_desk.services import branches, catalog, counter, coupons, credit_notes, loyalty, refunds, settings, shifts
from bnaura_desk.services.context import Override
from bnaura_desk.services.coupons import issue_coupon
from bnaura_desk.store.models import AuditEntry, Coupon, OutboxOperation, PointsEntry, Refund, SaleLine, StockMovement
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text
from tests.services.test_counter import member, shop  # noqa: F401 (the fixture)

CASH = PaymentMethod.CASH


def english(error: Exception) -> str:
    return error.render(lambda _c, text: text)  # type: ignore[attr-defined, no-any-return]


def count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def line_ids(s: Staffed, sale_id: str) -> dict[str, str]:
    """Return the sale's line ids by item name."""
    return dict(s.terminal.read(lambda session: [(row.name_th, row.id) for row in session.scalars(
        select(SaleLine).where(SaleLine.sale_id == sale_id))]))


def drawer(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: shifts.cash_expected(
        session, shifts.open_shift_of(session, s.terminal.device().device_id))))


@pytest.fixture
def gold_sale(staffed: Staffed, shop: dict[str, str]) -> tuple[str, counter.SaleDone]:  # noqa: F811
    """A Gold member's treatment and two serums, ฿5,310 in cash, earning 1,062 points."""
    s = staffed
    somying = member(s, 2_900)
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    done = s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, 531_000),), customer_id=somying),
                          actor=s.front_desk).result
    assert done.points_earned == 1_062
    return somying, done


def test_a_front_desk_refund_needs_a_managers_pin_and_gives_back_one_serum(
        staffed: Staffed, shop: dict[str, str], gold_sale: tuple[str, counter.SaleDone]) -> None:  # noqa: F811
    s = staffed
    somying, sale = gold_sale
    serum = line_ids(s, sale.sale_id)["เซรั่มวิตามินซี"]
    balance_before = s.terminal.read(loyalty.points_summary, somying, s.clock()).balance
    s.clock.advance(hours=2)
    with pytest.raises(PermissionDenied):
        s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(serum, 1)], CASH, "แพ้เซรั่ม",
                       actor=s.front_desk)
    assert count(s, Refund) == 0
    approved = Override(authorizer=s.manager, permission=Permission.SALE_REFUND, granted_at=s.clock())
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(serum, 1)], CASH, "  แพ้เซรั่ม ",
                          actor=s.front_desk, override=approved).result
    # Two serums cost ฿2,160 after her Gold discount: one gives back ฿1,080.
    assert (done.kind, done.amount_satang, done.method) == (RefundKind.REFUND, 108_000, CASH)
    assert done.number.startswith("C00000-") and done.number.endswith("-000001")
    # 1,062 points × ฿1,080 / ฿5,310 = 216 taken back, with the credit note's number.
    assert done.points_taken == 216
    assert s.terminal.read(loyalty.points_summary, somying, s.clock()).balance == balance_before - 216
    taken = s.terminal.read(lambda session: [(e.kind, e.points, e.source, e.reason) for e in session.scalars(
        select(PointsEntry).where(PointsEntry.source == "refund"))])
    assert taken == [("spend", 216, "refund", done.number)]
    # The serum is back on the shelf; the drawer expects ฿1,080 less.
    assert s.terminal.read(catalog.stock_level, shop["serum"]) == 9
    moved = s.terminal.read(lambda session: session.scalars(
        select(StockMovement).where(StockMovement.reason == "returned")).one())
    assert (moved.quantity, moved.note) == (1, done.number)
    assert drawer(s) == 200_000 + 531_000 - 108_000
    refund = s.terminal.read(lambda session: session.get(Refund, done.refund_id))
    assert (refund.reason, refund.approved_by, refund.staff_id) == ("แพ้เซรั่ม", s.manager.staff_id,
                                                                     s.front_desk.staff_id)
    assert refund.lines == [{"line_id": serum, "quantity": 1, "amount_satang": 108_000}]
    audit = s.terminal.read(lambda session: session.scalars(
        select(AuditEntry).where(AuditEntry.action == "refund.record")).one())
    assert audit.authorized_by_id == s.manager.staff_id
    types = s.terminal.read(lambda session: sorted(o.type for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.created_at == refund.at))))
    assert types == ["points.record", "refund.record", "stock.move"]


def test_refunds_in_parts_take_back_exactly_the_points_the_sale_earned(
        staffed: Staffed, gold_sale: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = gold_sale
    ids = line_ids(s, sale.sale_id)
    given = []
    for name, quantity in (("เซรั่มวิตามินซี", 1), ("ทรีทเมนต์หน้าใส", 1), ("เซรั่มวิตามินซี", 1)):
        done = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(ids[name], quantity)],
                              PaymentMethod.TRANSFER, "ยกเลิก", actor=s.manager).result
        given.append((done.amount_satang, done.points_taken))
    # The last serum gives back what is left of its line: the lines' nets add up to what was paid.
    assert sum(a for a, _ in given) == 531_000
    assert sum(p for _, p in given) == 1_062
    assert [int(n.rsplit("-", 1)[1]) for n in s.terminal.read(lambda session: list(session.scalars(
        select(Refund.number).order_by(Refund.seq))))] == [1, 2, 3]
    with pytest.raises(BadInput) as nothing_left:
        s.terminal.run(refunds.refund_sale, sale.sale_id, None, PaymentMethod.TRANSFER, "อีกครั้ง", actor=s.manager)
    assert "Nothing of this sale is left" in english(nothing_left.value)


def test_a_whole_refund_of_a_deposit_gives_back_what_was_paid_not_the_total(
        staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    due = (s.clock() + timedelta(days=30)).date()
    sale = s.terminal.run(counter.checkout, counter.Order(
        (counter.OrderLine(shop["facial"]),), (Tender(CASH, 100_000),), balance_due_on=due),
        actor=s.front_desk).result
    facial = line_ids(s, sale.sale_id)["ทรีทเมนต์หน้าใส"]
    with pytest.raises(BadInput) as beyond:
        s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(facial, 1)], CASH, "ยกเลิกคอร์ส",
                       actor=s.manager)
    assert "more than was paid: at most ฿1,000.00" in english(beyond.value)
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, None, CASH, "ยกเลิกคอร์ส", actor=s.manager).result
    assert done.amount_satang == 100_000


@pytest.mark.parametrize(("lines", "method", "reason", "why"), [
    ("serum:0", CASH, "แพ้", "refund at least one"),
    ("serum:-1", CASH, "แพ้", "refund at least one"),
    ("serum:3", CASH, "แพ้", "only 2 left to refund"),
    ("unknown:1", CASH, "แพ้", "not part of the sale"),
    ("serum:1,serum:1", CASH, "แพ้", "named twice"),
    ("", CASH, "แพ้", "Choose the lines"),
    ("serum:1", CASH, "   ", "Give the reason"),
    ("serum:1", "cheque", "แพ้", "how the money goes back"),
])
def test_bad_refunds_are_refused_and_nothing_is_written(
        staffed: Staffed, gold_sale: tuple[str, counter.SaleDone], lines: str, method: str, reason: str,
        why: str) -> None:
    s = staffed
    _, sale = gold_sale
    serum = line_ids(s, sale.sale_id)["เซรั่มวิตามินซี"]
    wanted = [ReturnLine(serum if name == "serum" else "0192f0c0-0000-7000-8000-000000000000", int(n))
              for part in lines.split(",") if part for name, n in [part.split(":")]]
    before = (count(s, Refund), count(s, AuditEntry), count(s, PointsEntry), count(s, StockMovement))
    with pytest.raises(BadInput) as refused:
        s.terminal.run(refunds.refund_sale, sale.sale_id, wanted, method, reason, actor=s.manager)
    assert why in english(refused.value)
    assert (count(s, Refund), count(s, AuditEntry), count(s, PointsEntry), count(s, StockMovement)) == before
    # A refused refund took no number: the next one is the first.
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(serum, 1)], CASH, "แพ้", actor=s.manager)
    assert done.result.number.endswith("-000001")


def test_a_cash_refund_needs_an_open_shift(staffed: Staffed, gold_sale: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = gold_sale
    s.terminal.run(shifts.close_shift, {100_000: 7, 50_000: 1, 10_000: 1}, actor=s.front_desk)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(refunds.refund_sale, sale.sale_id, None, CASH, "ยกเลิก", actor=s.manager)
    assert "Open a shift" in english(refused.value)
    # By transfer it needs none.
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, None, PaymentMethod.TRANSFER, "ยกเลิก",
                          actor=s.manager).result
    assert done.amount_satang == 531_000


def test_a_void_undoes_the_sale_in_its_own_shift_once(
        staffed: Staffed, shop: dict[str, str], gold_sale: tuple[str, counter.SaleDone]) -> None:  # noqa: F811
    s = staffed
    somying, sale = gold_sale
    points_before = s.terminal.read(loyalty.points_summary, somying, s.clock()).balance
    with pytest.raises(PermissionDenied):
        s.terminal.run(refunds.void_sale, sale.sale_id, "คีย์ผิด", actor=s.front_desk)
    approved = Override(authorizer=s.manager, permission=Permission.SALE_VOID, granted_at=s.clock())
    done = s.terminal.run(refunds.void_sale, sale.sale_id, "คีย์ผิด", actor=s.front_desk, override=approved).result
    assert (done.kind, done.amount_satang, done.points_taken) == (RefundKind.VOID, 531_000, 1_062)
    assert s.terminal.read(loyalty.points_summary, somying, s.clock()).balance == points_before - 1_062
    assert s.terminal.read(catalog.stock_level, shop["serum"]) == 10
    assert drawer(s) == 200_000  # the float only: the sale's cash went back
    for use_case, args in ((refunds.void_sale, ("อีกครั้ง",)), (refunds.refund_sale, (None, CASH, "อีกครั้ง"))):
        with pytest.raises(BadInput) as again:
            s.terminal.run(use_case, sale.sale_id, *args, actor=s.manager)
        assert "voided already" in english(again.value)
    assert count(s, Refund) == 1


def test_a_sale_of_a_closed_shift_is_refunded_not_voided(
        staffed: Staffed, gold_sale: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = gold_sale
    s.terminal.run(shifts.close_shift, {100_000: 7, 50_000: 1, 10_000: 1}, actor=s.front_desk)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(refunds.void_sale, sale.sale_id, "คีย์ผิด", actor=s.manager)
    assert "refund it instead" in english(refused.value)
    assert count(s, Refund) == 0


def test_a_sale_with_a_refund_cannot_be_voided(staffed: Staffed, gold_sale: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = gold_sale
    serum = line_ids(s, sale.sale_id)["เซรั่มวิตามินซี"]
    s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(serum, 1)], CASH, "แพ้", actor=s.manager)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(refunds.void_sale, sale.sale_id, "คีย์ผิด", actor=s.manager)
    assert "has refunds already" in english(refused.value)


def test_a_treatment_refund_moves_no_stock(staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    sale = s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(shop["facial"]),),
                                                          (Tender(CASH, 350_000),)), actor=s.front_desk).result
    before = count(s, StockMovement)
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, None, CASH, "ลูกค้าไม่สะดวก", actor=s.manager).result
    assert (done.amount_satang, done.points_taken) == (350_000, 0)
    assert count(s, StockMovement) == before


def coupon_sale(s: Staffed, shop: dict[str, str], customer_id: str | None,  # noqa: F811
                valid_until: date | None = None) -> tuple[str, counter.SaleDone]:
    """A 10 % coupon (valid to ``valid_until``) used on a facial and two serums; return its code and the sale."""
    terms = CouponTerms(kind=CouponKind.PERCENT, percent=10, valid_until=valid_until)
    code = s.terminal.run(issue_coupon, terms, campaign="ปีใหม่", actor=s.manager).result.code
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    total = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=customer_id, coupon_code=code),
                            s.clock()).priced.total_satang
    sale = s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, total),), customer_id=customer_id,
                                                          coupon_code=code), actor=s.front_desk).result
    return code, sale


def restore_policy(s: Staffed, policy: CouponOnRefund) -> None:
    s.terminal.run(settings.set_chain_setting, COUPON_ON_REFUND_KEY, str(policy), actor=s.owner)


def test_by_default_a_refunded_sales_coupon_stays_used(staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    code, sale = coupon_sale(s, shop, member(s, 0))
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, None, CASH, "ลูกค้าเปลี่ยนใจ", actor=s.manager).result
    assert done.restored_coupon is None
    assert count(s, Coupon) == 1
    verdict = s.terminal.read(coupons.check_coupon_code, code, s.clock())
    assert not verdict.applies


def test_restore_gives_the_member_a_new_coupon_once_the_whole_sale_is_back(
        staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    restore_policy(s, CouponOnRefund.RESTORE)
    somying = member(s, 0)
    code, sale = coupon_sale(s, shop, somying)
    ids = line_ids(s, sale.sale_id)
    # One serum back: the sale still stands, so its coupon stays used.
    part = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(ids["เซรั่มวิตามินซี"], 1)], CASH,
                          "แพ้เซรั่ม", actor=s.manager).result
    assert part.restored_coupon is None and count(s, Coupon) == 1
    rest = s.terminal.run(refunds.refund_sale, sale.sale_id, None, CASH, "ยกเลิกทั้งหมด", actor=s.manager).result
    assert rest.restored_coupon is not None and rest.restored_coupon != code
    again = s.terminal.read(lambda session: session.get(Coupon, coupons.replacement_coupon_id(rest.refund_id)))
    assert (again.code, again.kind, again.percent, again.customer_id, again.usage_limit, again.campaign) == (
        rest.restored_coupon, "percent", 10, somying, 1, "ปีใหม่")
    # She can use it on her next visit, once.
    lines = (counter.OrderLine(shop["facial"]),)
    quoted = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=somying,
                                                          coupon_code=rest.restored_coupon), s.clock())
    # 10 % of ฿3,325, the facial after her Bronze 5 %.
    assert quoted.priced.coupon_discount_satang == 33_250
    # The credit note says which coupon she got back.
    s.terminal.run(branches.update_branch, tax_id="0105558000001", address="ถนนพระราม 1", actor=s.owner)
    pdf = s.terminal.read(credit_notes.credit_note_document, rest.refund_id)
    assert pdf.restored_coupon == rest.restored_coupon
    text = pdf_text(credit_note_pdf(pdf))
    assert rest.restored_coupon in text and "Coupon restored" in text
    types = s.terminal.read(lambda session: sorted(o.type for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.entity_id == again.id))))
    assert types == ["coupon.issue"]


def test_a_void_restores_the_coupon_and_an_expired_one_is_not_restored(
        staffed: Staffed, shop: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    restore_policy(s, CouponOnRefund.RESTORE)
    _, sale = coupon_sale(s, shop, None)
    voided = s.terminal.run(refunds.void_sale, sale.sale_id, "คีย์ผิด", actor=s.manager).result
    # An open code for a sale without a member comes back open, for one use.
    restored = s.terminal.read(lambda session: session.get(Coupon, coupons.replacement_coupon_id(voided.refund_id)))
    assert voided.restored_coupon == restored.code and restored.customer_id is None
    today = s.clock().date()
    _, late = coupon_sale(s, shop, None, valid_until=today)
    s.clock.advance(days=2)
    done = s.terminal.run(refunds.refund_sale, late.sale_id, None, PaymentMethod.TRANSFER, "ยกเลิก",
                          actor=s.manager).result
    assert done.restored_coupon is None
    assert s.terminal.read(lambda session: session.get(Coupon, coupons.replacement_coupon_id(done.refund_id))) is None


def test_refund_state_tells_a_screen_what_the_service_will_allow(
        staffed: Staffed, gold_sale: tuple[str, counter.SaleDone]) -> None:
    s = staffed
    _, sale = gold_sale
    serum = line_ids(s, sale.sale_id)["เซรั่มวิตามินซี"]
    state = s.terminal.read(refunds.refund_state, sale.sale_id)
    assert (state.paid_satang, state.refunded_satang, state.method, state.void_refusal) == (531_000, 0, CASH, None)
    # Planned with these figures, a serum gives back what the service then records.
    planned = plan_refund(state.sold, [ReturnLine(serum, 1)], state.refundable_satang)
    done = s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(serum, 1)], CASH, "แพ้",
                          actor=s.manager).result
    assert sum(line.amount_satang for line in planned) == done.amount_satang == 108_000
    after = s.terminal.read(refunds.refund_state, sale.sale_id)
    assert (after.refunded_satang, after.refundable_satang) == (108_000, 531_000 - 108_000)
    assert [(line.line_id, line.returned_quantity) for line in after.sold if line.returned_quantity] == [(serum, 1)]
    assert after.void_refusal is not None and "has refunds already" in english(after.void_refusal)
    # A closed shift: no void either, whatever else.
    s.terminal.run(shifts.close_shift, {100_000: 7}, actor=s.front_desk)
    closed = s.terminal.read(refunds.refund_state, sale.sale_id)
    assert closed.void_refusal is not None and "refund it instead" in english(closed.void_refusal)
    s.terminal.run(refunds.refund_sale, sale.sale_id, None, PaymentMethod.TRANSFER, "ยกเลิก", actor=s.manager)
    s.terminal.read(refunds.refund_state, sale.sale_id)  # refunded in full: still readable, nothing left
    with pytest.raises(BadInput) as refused:
        plan_refund(s.terminal.read(refunds.refund_state, sale.sale_id).sold, None, 0)
    assert "Nothing of this sale is left" in english(refused.value)
