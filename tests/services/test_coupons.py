"""Coupons on a real terminal: issuing, a campaign's codes, voiding, using one at the counter, the reads."""

from __future__ import annotations

import csv
import io
import time
from datetime import date

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponState, CouponTerms, Refusal, read_coupon_code
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.i18n import cli_translator
from bnaura_desk.services import catalog, coupons, customers
from bnaura_desk.services.coupons import CouponRefused, CouponUsed, IssuedCoupon
from bnaura_desk.store.models import AuditEntry, Coupon, CouponUse, OutboxOperation
from tests.conftest import Staffed

TEN_OFF = CouponTerms(CouponKind.PERCENT, percent=10, valid_until=date(2027, 1, 31), min_spend_satang=150_000)


def _member(s: Staffed, phone: str = "0812345678") -> str:
    return str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone=phone),
                              actor=s.front_desk).result)


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def _cart(amount: int = 200_000) -> list[CartLine]:
    return [CartLine("item-1", ItemKind.TREATMENT, amount)]


def test_a_manager_issues_a_coupon_and_the_counter_uses_it_once(staffed: Staffed) -> None:
    t = staffed.terminal
    issued: IssuedCoupon = t.run(coupons.issue_coupon, TEN_OFF, actor=staffed.manager).result
    assert read_coupon_code(issued.code) == (issued.code, None) and len(issued.code) == 11
    check = t.read(coupons.check_coupon_code, issued.code.lower(), staffed.clock())
    assert check.applies
    assert check.message.render() == "Valid: 10 % off, until 31 Jan 2027, minimum ฿1,500"
    assert check.message.render(cli_translator("th")) == "ใช้ได้: ลด 10 % ถึง 31 ม.ค. 2570 ขั้นต่ำ ฿1,500"

    used: CouponUsed = t.run(coupons.record_coupon_use, issued.code, _cart(), sale_ref="R-0001",
                             actor=staffed.front_desk).result
    assert used.discount_satang == 20_000
    with pytest.raises(CouponRefused) as again:
        t.run(coupons.record_coupon_use, issued.code, _cart(), actor=staffed.front_desk)
    assert again.value.refusal is Refusal.USED
    device = t.device().device_name
    assert again.value.render() == (
        f"Coupon {issued.code[:4]}-{issued.code[4:8]}-{issued.code[8:]} was already used at {device} "
        f"({t.branch().name_th}) on 23 Nov 2026 10:00"
    )
    assert "23 พ.ย. 2569 10:00" in again.value.render(cli_translator("th"))
    assert _count(staffed, CouponUse) == 1
    ops = t.read(lambda s: [o.type for o in s.scalars(select(OutboxOperation).order_by(OutboxOperation.seq))])
    assert ops[-2:] == ["coupon.issue", "coupon.use"]


def test_only_managers_issue_and_void_and_only_sellers_use(staffed: Staffed) -> None:
    t = staffed.terminal
    for someone in (staffed.front_desk, staffed.sales, staffed.beautician):
        with pytest.raises(PermissionDenied):
            t.run(coupons.issue_coupon, TEN_OFF, actor=someone)
    issued = t.run(coupons.issue_coupon, TEN_OFF, actor=staffed.manager).result
    with pytest.raises(PermissionDenied):
        t.run(coupons.void_coupon, issued.id, "ผิดพลาด", actor=staffed.front_desk)
    with pytest.raises(PermissionDenied):
        t.run(coupons.record_coupon_use, issued.code, _cart(), actor=staffed.beautician)
    with pytest.raises(BadInput) as negative:
        t.run(coupons.record_coupon_use, issued.code, _cart(-100), actor=staffed.front_desk)
    assert negative.value.field == "cart" and _count(staffed, CouponUse) == 0


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        (CouponTerms(CouponKind.PERCENT, percent=0), "percent"),
        (CouponTerms(CouponKind.PERCENT, percent=101), "percent"),
        (CouponTerms(CouponKind.AMOUNT, amount_satang=0), "amount"),
        (CouponTerms(CouponKind.FREE_ITEM), "free_item"),
        (CouponTerms(CouponKind.FREE_ITEM, free_item_id="01900000-0000-7000-8000-000000000000"), "free_item"),
        (CouponTerms(CouponKind.PERCENT, percent=5, valid_from=date(2027, 2, 1), valid_until=date(2027, 1, 1)),
         "valid_until"),
        (CouponTerms(CouponKind.PERCENT, percent=5, usage_limit=0), "usage_limit"),
    ],
)
def test_bad_terms_are_refused_and_change_nothing(staffed: Staffed, terms: CouponTerms, field: str) -> None:
    before = _count(staffed, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        staffed.terminal.run(coupons.issue_coupon, terms, actor=staffed.manager)
    assert refused.value.field == field
    assert _count(staffed, Coupon) == 0 and _count(staffed, OutboxOperation) == before
    assert staffed.terminal.device().coupon_counter == 0


def test_each_refusal_says_exactly_why(staffed: Staffed) -> None:
    t, clock = staffed.terminal, staffed.clock
    member, other = _member(staffed), _member(staffed, "0899999999")
    bound = t.run(coupons.issue_coupon, TEN_OFF, member, actor=staffed.manager).result
    late = t.run(coupons.issue_coupon, CouponTerms(CouponKind.AMOUNT, amount_satang=10_000,
                                                    valid_from=date(2026, 12, 1)), actor=staffed.manager).result
    voided = t.run(coupons.issue_coupon, TEN_OFF, actor=staffed.manager).result
    t.run(coupons.void_coupon, voided.id, "  แจกผิดคน ", actor=staffed.manager)

    def why(code: str, customer: str | None = None, amount: int = 200_000) -> tuple[Refusal | None, str]:
        v = t.read(coupons.check_coupon_code, code, clock(), customer_id=customer, cart=_cart(amount))
        return v.refusal, v.message.render()

    typo = bound.code[:-2] + bound.code[-1] + bound.code[-2]  # two characters swapped
    if typo == bound.code:
        typo = bound.code[:3] + ("2" if bound.code[3] != "2" else "3") + bound.code[4:]
    assert why(typo)[0] is Refusal.MISTYPED and "mistyped" in why(typo)[1]
    assert why("HELLO")[0] is Refusal.UNKNOWN
    assert why(bound.code, other) == (Refusal.OTHER_CUSTOMER, f"Coupon {_shown(bound.code)} belongs to another member")
    assert why(bound.code, member, 100_000) == (
        Refusal.BELOW_MIN_SPEND, f"Coupon {_shown(bound.code)} needs a minimum spend of ฿1,500 (this sale: ฿1,000)")
    assert why(bound.code, member)[0] is None
    assert why(late.code) == (Refusal.NOT_YET_VALID, f"Coupon {_shown(late.code)} is valid from 1 Dec 2026")
    assert why(voided.code) == (Refusal.VOID, f"Coupon {_shown(voided.code)} was voided: แจกผิดคน")
    clock.advance(days=80)
    assert why(bound.code, member) == (Refusal.EXPIRED, f"Coupon {_shown(bound.code)} expired on 31 Jan 2027")
    v = t.read(coupons.check_coupon_code, bound.code, clock(), customer_id=member)
    assert v.message.render(cli_translator("th")) == f"คูปอง {_shown(bound.code)} หมดอายุเมื่อ 31 ม.ค. 2570"

    lines = t.read(coupons.customer_coupons, member, clock())
    assert [(line.code, line.state) for line in lines] == [(bound.code, CouponState.EXPIRED)]
    with pytest.raises(BadInput):
        t.run(coupons.void_coupon, voided.id, "อีกครั้ง", actor=staffed.manager)
    with pytest.raises(BadInput):
        t.run(coupons.void_coupon, bound.id, "   ", actor=staffed.manager)


def _shown(code: str) -> str:
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def test_limits_per_coupon_and_per_member(staffed: Staffed) -> None:
    t = staffed.terminal
    member, other = _member(staffed), _member(staffed, "0899999999")
    open_code = t.run(coupons.issue_coupon, CouponTerms(CouponKind.AMOUNT, amount_satang=50_000, usage_limit=3,
                                                        per_customer_limit=1), actor=staffed.manager).result
    with pytest.raises(CouponRefused) as anonymous:
        t.run(coupons.record_coupon_use, open_code.code, _cart(), actor=staffed.front_desk)
    assert anonymous.value.refusal is Refusal.MEMBER_NEEDED
    t.run(coupons.record_coupon_use, open_code.code, _cart(30_000), customer_id=member, actor=staffed.front_desk)
    with pytest.raises(CouponRefused) as twice:
        t.run(coupons.record_coupon_use, open_code.code, _cart(), customer_id=member, actor=staffed.front_desk)
    assert twice.value.refusal is Refusal.CUSTOMER_LIMIT
    used = t.run(coupons.record_coupon_use, open_code.code, _cart(), customer_id=other, actor=staffed.front_desk)
    assert used.result.discount_satang == 50_000
    uses = t.read(lambda s: [(u.use_no, u.customer_use_no, u.discount_satang)
                             for u in s.scalars(select(CouponUse).order_by(CouponUse.use_no))])
    assert uses == [(1, 1, 30_000), (2, 1, 50_000)]  # a fixed amount is never more than the cart


def test_a_free_item_coupon_applies_only_with_that_item(staffed: Staffed) -> None:
    t = staffed.terminal
    facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีทเมนต์หน้าพื้นฐาน",
                                                 name_en="Basic Facial", price_satang=89_000,
                                                 duration_minutes=60), actor=staffed.manager)
    free = t.run(coupons.issue_coupon, CouponTerms(CouponKind.FREE_ITEM, free_item_id=facial.result),
                 actor=staffed.manager).result
    verdict = t.read(coupons.check_coupon_code, free.code, staffed.clock(), cart=_cart())
    assert verdict.refusal is Refusal.NO_ITEM
    cart = [*_cart(), CartLine(facial.result, ItemKind.TREATMENT, 89_000)]
    verdict = t.read(coupons.check_coupon_code, free.code, staffed.clock(), cart=cart)
    assert verdict.applies and verdict.discount_satang == 89_000
    # The item is named in the message's language.
    assert verdict.message.render() == "Valid: a free Basic Facial"
    assert verdict.message.render(cli_translator("th")) == "ใช้ได้: ทรีทเมนต์หน้าพื้นฐาน ฟรี"


def test_a_campaign_of_many_codes_is_one_transaction_and_exports_as_csv(staffed: Staffed) -> None:
    t = staffed.terminal
    terms = CouponTerms(CouponKind.AMOUNT, amount_satang=20_000, valid_until=date(2027, 3, 31), usage_limit=1)
    started = time.perf_counter()
    changes = t.run(coupons.generate_campaign, "ปีใหม่ 2570", 20_000, terms, actor=staffed.manager)
    assert time.perf_counter() - started < 20
    codes = changes.result
    assert changes.touches(Kind.COUPON) and Kind.COUPON in changes.many
    assert len(codes) == len(set(codes)) == 20_000
    assert all(read_coupon_code(c)[1] is None for c in codes[:500])
    assert _count(staffed, Coupon) == 20_000
    ops = t.read(lambda s: s.scalar(select(func.count()).select_from(OutboxOperation)
                                    .where(OutboxOperation.type == "coupon.issue")))
    audits = t.read(lambda s: s.scalar(select(func.count()).select_from(AuditEntry)
                                       .where(AuditEntry.action == "coupon.issue")))
    assert ops == audits == 20_000
    assert t.device().coupon_counter == 20_000
    # A campaign's code applies like any other.
    t.run(coupons.record_coupon_use, codes[7], _cart(), actor=staffed.front_desk)

    out = io.StringIO()
    assert t.read(coupons.export_campaign_csv, "ปีใหม่ 2570", out, staffed.clock()) == 20_000
    text = out.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["code"] for r in rows] == codes
    assert (rows[7]["state"], rows[7]["uses"], rows[0]["state"]) == ("used", "1", "active")
    assert rows[0]["amount_baht"] == "200.00" and rows[0]["valid_until"] == "2027-03-31"

    with pytest.raises(BadInput):
        t.run(coupons.generate_campaign, "  ", 10, terms, actor=staffed.manager)
    with pytest.raises(BadInput):
        t.run(coupons.generate_campaign, "x", 0, terms, actor=staffed.manager)


def test_the_check_by_code_is_one_indexed_query(staffed: Staffed) -> None:
    t = staffed.terminal
    issued = t.run(coupons.issue_coupon, TEN_OFF, actor=staffed.manager).result

    def plan(session: Session) -> list[str]:
        statements: list[str] = []
        engine = session.get_bind()

        def note(conn: object, cursor: object, statement: str, *args: object) -> None:
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", note)
        try:
            coupons.coupon_facts(session, issued.code)
        finally:
            event.remove(engine, "before_cursor_execute", note)
        (statement,) = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        raw = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, (issued.code,)).all()
        return [str(r[-1]) for r in raw]

    steps = t.read(plan)
    assert any("uq_coupons_code" in s or "sqlite_autoindex_coupons" in s for s in steps), steps
    assert any("ix_coupon_uses_coupon_id" in s for s in steps), steps
    assert not any(s.startswith(("SCAN coupons", "SCAN coupon_uses")) for s in steps), steps
