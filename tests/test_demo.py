"""The demo clinic: staff who can sign in, a realistic catalog, Thai customers."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk import demo
from bnaura_desk.domain.catalog import ItemKind, is_valid_gtin
from bnaura_desk.domain.customer import ConsentPurpose, validate_customer
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.phone import normalise_thai_mobile
from bnaura_desk.domain.pins import validate_new_pin
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, customers, staff
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import ConsentEvent, Customer, OutboxOperation
from bnaura_desk.terminal import Terminal

N = 150


@pytest.fixture(scope="module")
def populated(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Terminal, demo.DemoReport, list[tuple[int, int]]]]:
    """One demo clinic for the whole module (argon2 makes staff slow to create)."""
    path: Path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    t = Terminal.create(
        path,
        clinic_name=demo.DEMO_CLINIC_NAME_TH,
        clinic_name_en=demo.DEMO_CLINIC_NAME_EN,
        device_name="POS-1",
    )
    assert not demo.has_staff(t)
    calls: list[tuple[int, int]] = []
    report = demo.populate(
        t, customers=N, seed=7, progress=lambda done, total: calls.append((done, total))
    )
    yield t, report, calls
    t.close()


def test_report_and_progress(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    t, report, calls = populated
    assert report.customers == N
    assert calls[-1] == (N, N)
    assert report.items == len(t.read(catalog.list_items, include_inactive=True))
    assert demo.has_staff(t)


def test_staff_sign_in_with_their_pins(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    t, report, _ = populated
    assert Counter(s.role for s in report.staff) == {
        Role.OWNER: 1,
        Role.MANAGER: 1,
        Role.FRONT_DESK: 2,
        Role.SALES: 2,
        Role.BEAUTICIAN: 3,
    }
    cards = {c.display_name: c for c in t.read(staff.list_staff)}
    for person in report.staff:
        assert len(person.pin) == 6 and validate_new_pin(person.pin) == person.pin
        actor = t.run(staff.sign_in, cards[person.name].id, person.pin, actor=None).result
        assert actor.role is person.role and actor.name == person.name


def test_demo_refuses_a_staffed_database(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    with pytest.raises(BadInput):
        demo.populate(populated[0], customers=1)


def test_catalog_is_complete(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    t = populated[0]
    rows = t.read(catalog.list_items)
    kinds = Counter(r.kind for r in rows)
    assert (
        kinds[ItemKind.TREATMENT] >= 20
        and kinds[ItemKind.PRODUCT] >= 12
        and kinds[ItemKind.PACKAGE] >= 5
    )
    by_en = {r.name_en: r for r in rows}
    assert {"Basic Facial", "Premium Mask"} <= by_en.keys()
    assert not by_en["Basic Facial"].vat_exempt and not by_en["Premium Mask"].vat_exempt
    assert by_en["Botox Jawline"].vat_exempt and by_en["Pico Laser Face"].vat_exempt
    for row in rows:
        assert row.name_th and row.name_en and row.price_satang > 0
        if row.kind is ItemKind.TREATMENT:
            form, _ = t.read(catalog.get_item, row.id)
            assert 3 <= len(form.protocol_steps) <= 6
        if row.kind is ItemKind.PRODUCT:
            assert row.sku and row.barcode.startswith("885") and is_valid_gtin(row.barcode)
            assert row.stock is not None and row.stock > 0
    assert len({r.barcode for r in rows if r.barcode}) == kinds[ItemKind.PRODUCT]


def test_every_customer_is_journaled_with_consent(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    t = populated[0]

    def facts(s):  # type: ignore[no-untyped-def]
        ids = set(s.execute(select(Customer.id)).scalars())
        ops = set(
            s.execute(
                select(OutboxOperation.entity_id).where(OutboxOperation.type == "customer.register")
            ).scalars()
        )
        treated = set(
            s.execute(
                select(ConsentEvent.customer_id).where(
                    ConsentEvent.purpose == str(ConsentPurpose.TREATMENT_RECORDS),
                    ConsentEvent.granted.is_(True),
                )
            ).scalars()
        )
        marketing = s.execute(
            select(func.count())
            .select_from(ConsentEvent)
            .where(ConsentEvent.purpose == str(ConsentPurpose.MARKETING))
        ).scalar_one()
        return ids, ops, treated, marketing

    ids, ops, treated, marketing = t.read(facts)
    assert len(ids) == N
    assert ops == ids and treated == ids
    assert 0.4 * N < marketing < 0.8 * N


def test_customers_have_unique_valid_phones_and_thai_names(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    t = populated[0]
    rows = t.read(
        lambda s: s.execute(
            select(Customer.phone, Customer.name_th, Customer.name_en, Customer.nickname)
        ).all()
    )
    phones = [r.phone for r in rows]
    assert len(set(phones)) == N
    for phone in phones:
        assert normalise_thai_mobile("0" + phone[3:]) == phone
        assert phone[3] in "689"
    for row in rows:
        assert row.name_th and row.name_en and row.nickname
        assert any("\u0e00" <= c <= "\u0e7f" for c in row.name_th)


def test_customers_are_found_by_thai_name(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    t = populated[0]
    sample = t.read(lambda s: s.execute(select(Customer.id, Customer.name_th).limit(5)).all())
    for customer_id, name_th in sample:
        first, last = name_th.split(" ", 1)
        hits = t.read(customers.search_customers, f"{first} {last}", limit=500)
        assert customer_id in {h.id for h in hits}
        assert customer_id in {
            h.id for h in t.read(customers.search_customers, last[:3], limit=500)
        }


def test_factory_is_deterministic_and_realistic() -> None:
    a = demo.CustomerFactory(random.Random(99))
    b = demo.CustomerFactory(random.Random(99))
    made = [a.make() for _ in range(2_000)]
    assert made[:50] == [b.make() for _ in range(50)]
    today = date(2026, 11, 23)
    for c in made:
        validate_customer(c.form, today)  # raises on any bad field
        assert date(1960, 1, 1) <= c.form.birthday <= date(2005, 12, 31)  # type: ignore[operator]
        assert c.consents[ConsentPurpose.TREATMENT_RECORDS] is True

    def share(pred: Callable[[demo.DemoCustomer], object]) -> float:
        return sum(1 for c in made if pred(c)) / len(made)

    assert 0.55 < share(lambda c: c.form.email) < 0.65
    assert 0.45 < share(lambda c: c.form.line_id) < 0.55
    assert 0.55 < share(lambda c: ConsentPurpose.MARKETING in c.consents) < 0.65
    assert 0.25 < share(lambda c: c.checked_in) < 0.35
    assert len({c.form.phone for c in made}) == len(made)


def test_pins_come_from_the_csprng_and_pass_the_rules() -> None:
    pins = {demo.new_pin() for _ in range(50)}
    assert len(pins) > 45  # random, not one fixed demo PIN
    assert all(len(p) == 6 and validate_new_pin(p) == p for p in pins)


def test_a_failed_batch_writes_nothing(tmp_path: Path) -> None:
    t = Terminal.create(tmp_path / "t.sqlite", clinic_name="x", device_name="POS-1")
    try:
        factory = demo.CustomerFactory(random.Random(1))
        good = factory.make()
        bad = demo.DemoCustomer(good.form.with_changes(phone="12345"), good.consents, False)
        with pytest.raises(BadInput):
            t.run(demo.register_batch, [good, bad], actor=SYSTEM)
        assert t.read(customers.count_customers) == 0
        changes = t.run(demo.register_batch, [good], actor=SYSTEM)
        assert changes.result == 1 and t.read(customers.count_customers) == 1
    finally:
        t.close()


def test_the_demo_counter_has_days_of_sales_with_closed_shifts_and_printable_receipts(
    populated: tuple[Terminal, demo.DemoReport, list[tuple[int, int]]],
) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from bnaura_desk.documents import receipt_pdf
    from bnaura_desk.domain.dates import bangkok_date
    from bnaura_desk.services.receipts import last_sale, receipt_document
    from bnaura_desk.services.sales_reports import z_report
    from bnaura_desk.store.models import Sale, Shift

    t, report, _ = populated
    shifts = t.read(lambda s: list(s.scalars(select(Shift).order_by(Shift.opened_at))))
    assert len(shifts) == demo.DEMO_SALE_DAYS and all(sh.closed_at is not None for sh in shifts)
    # Counted what the drawer should hold, to the satang.
    assert all(sh.counted_satang == sh.expected_satang for sh in shifts)
    sales = t.read(lambda s: list(s.scalars(select(Sale).order_by(Sale.seq))))
    assert report.sales == len(sales) > demo.DEMO_SALE_DAYS
    assert [sale.seq for sale in sales] == list(range(1, len(sales) + 1))
    today = bangkok_date(t.clock())
    days = [t.read(z_report, today - timedelta(days=back), t.clock()) for back in range(demo.DEMO_SALE_DAYS, 0, -1)]
    assert sum(d.receipts for d in days) == len(sales)
    assert sum(d.total_satang for d in days) == sum(sale.total_satang for sale in sales)
    # A refund on each day after the first, a void on the last: the reports show them.
    assert [(d.given_back.refunds, d.given_back.voids) for d in days] == [(0, 0), (1, 0), (1, 1)]
    # The last day's drawer had ฿1,000 of change put in and ฿120 taken out for drinking water.
    assert [(d.cash_moves.in_satang, d.cash_moves.out_satang) for d in days] == [(0, 0), (0, 0), (100_000, 12_000)]
    from bnaura_desk.documents import credit_note_pdf
    from bnaura_desk.services.credit_notes import credit_note_document
    from bnaura_desk.store.models import Refund

    refund_ids = t.read(lambda s: list(s.scalars(select(Refund.id).order_by(Refund.seq))))
    assert len(refund_ids) == 3
    assert credit_note_pdf(t.read(credit_note_document, refund_ids[0])).startswith(b"%PDF")
    assert receipt_pdf(t.read(receipt_document, t.read(last_sale, t.device().device_id))).startswith(b"%PDF")
