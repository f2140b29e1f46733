"""Catalog use cases on a real SQLite terminal: journaling, permissions, stock."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.catalog import ITEM_FIELDS, ItemForm, ItemKind, StockReason, gtin_check_digit
from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.domain.roles import Permission
from bnaura_desk.services import catalog, staff
from bnaura_desk.services.context import Actor
from bnaura_desk.store.models import AuditEntry, CatalogItem, OutboxOperation, StockMovement
from bnaura_desk.terminal import Terminal
from tests.conftest import Staffed


def ean13(body12: str) -> str:
    return body12 + str(gtin_check_digit(body12))


BOTOX = ItemForm(
    kind=ItemKind.TREATMENT,
    name_th="โบท็อกซ์ กรามเล็ก",
    name_en="Botox jaw",
    price_satang=790_000,
    vat_exempt=True,
    duration_minutes=30,
    protocol_steps=("ทำความสะอาดผิว", "ทายาชา 30 นาที", "ฉีด"),
)
SERUM = ItemForm(
    kind=ItemKind.PRODUCT,
    name_th="เซรั่มวิตามินซี",
    name_en="Vitamin C Serum",
    price_satang=129_000,
    sku="srm-vc30",
    barcode=ean13("885123400001"),
)


def counts(t: Terminal) -> dict[str, int]:
    """Rows in every table a catalog change writes."""

    def q(session: Any) -> dict[str, int]:
        return {
            name: session.execute(select(func.count()).select_from(model)).scalar_one()
            for name, model in (
                ("outbox", OutboxOperation),
                ("audit", AuditEntry),
                ("items", CatalogItem),
                ("moves", StockMovement),
            )
        }

    return t.read(q)


def _detached(session: Any, query: Any) -> list[Any]:
    # Terminal.read rolls back, which would expire the rows; detach them first.
    rows = list(session.execute(query).scalars())
    session.expunge_all()
    return rows


def ops_for(t: Terminal, entity_id: str) -> list[OutboxOperation]:
    query = (
        select(OutboxOperation)
        .where(OutboxOperation.entity_id == entity_id)
        .order_by(OutboxOperation.seq)
    )
    return t.read(_detached, query)


def audits_for(t: Terminal, entity_id: str) -> list[AuditEntry]:
    return t.read(_detached, select(AuditEntry).where(AuditEntry.entity_id == entity_id))


def package_of(treatment_id: str, sessions: int = 3) -> ItemForm:
    return ItemForm(
        kind=ItemKind.PACKAGE,
        name_th=f"โบท็อกซ์ {sessions} ครั้ง",
        name_en=f"Botox x{sessions}",
        price_satang=1_990_000,
        vat_exempt=True,
        package_treatment_id=treatment_id,
        package_sessions=sessions,
    )


@pytest.fixture
def made(staffed: Staffed) -> dict[str, str]:
    """One treatment, one product with 10 in stock, one package."""
    t, m = staffed.terminal, staffed.manager
    ids = {
        "botox": t.run(catalog.create_item, BOTOX, actor=m).result,
        "serum": t.run(catalog.create_item, SERUM, actor=m).result,
    }
    ids["package"] = t.run(catalog.create_item, package_of(ids["botox"]), actor=m).result
    t.run(catalog.move_stock, ids["serum"], 10, StockReason.RECEIVED, "PO-1", actor=m)
    return ids


# ---------------------------------------------------------------- create and read


def test_each_kind_round_trips(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    form, stock = t.read(catalog.get_item, made["botox"])
    assert form.protocol_steps == BOTOX.protocol_steps and stock is None
    assert form.vat_exempt and form.duration_minutes == 30
    form, stock = t.read(catalog.get_item, made["serum"])
    assert (form.sku, form.barcode, stock) == ("SRM-VC30", SERUM.barcode, 10)
    form, stock = t.read(catalog.get_item, made["package"])
    assert (form.package_treatment_id, form.package_sessions, stock) == (made["botox"], 3, None)

    rows = t.read(catalog.list_items)
    assert [r.kind for r in rows] == [ItemKind.TREATMENT, ItemKind.PRODUCT, ItemKind.PACKAGE]
    serum = rows[1]
    assert (serum.id, serum.stock, serum.price_satang, serum.vat_exempt) == (
        made["serum"],
        10,
        129_000,
        False,
    )
    assert rows[2].package_sessions == 3 and rows[0].duration_minutes == 30


def test_list_filters(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    assert [r.id for r in t.read(catalog.list_items, kind=ItemKind.PRODUCT)] == [made["serum"]]
    assert [r.id for r in t.read(catalog.list_items, query="vitamin c")] == [made["serum"]]
    assert [r.id for r in t.read(catalog.list_items, query="srm-vc")] == [made["serum"]]
    assert [r.id for r in t.read(catalog.list_items, query=SERUM.barcode[-5:])] == [made["serum"]]
    assert {r.id for r in t.read(catalog.list_items, query="โบท็อกซ์")} == {
        made["botox"],
        made["package"],
    }
    assert t.read(catalog.list_items, query="100%") == []
    t.run(catalog.set_item_active, made["serum"], False, actor=staffed.manager)
    assert made["serum"] not in {r.id for r in t.read(catalog.list_items)}
    hidden = t.read(catalog.list_items, include_inactive=True)
    assert any(r.id == made["serum"] and not r.active for r in hidden)


def test_find_by_barcode(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    row = t.read(catalog.find_by_barcode, " " + SERUM.barcode + " ")
    assert row is not None and row.id == made["serum"] and row.stock == 10
    assert t.read(catalog.find_by_barcode, ean13("885999999999")) is None
    assert t.read(catalog.find_by_barcode, "not a code") is None


def test_missing_item_is_not_found(staffed: Staffed) -> None:
    with pytest.raises(NotFound):
        staffed.terminal.read(catalog.get_item, "0190aaaa-0000-7000-8000-000000000000")
    with pytest.raises(NotFound):
        staffed.terminal.run(catalog.set_item_active, "nope", False, actor=staffed.manager)


def test_create_journals_once(staffed: Staffed) -> None:
    t = staffed.terminal
    before = counts(t)
    changes = t.run(catalog.create_item, BOTOX, actor=staffed.manager)
    item_id = changes.result
    assert changes.ids(Kind.CATALOG_ITEM) == {item_id}
    after = counts(t)
    assert (after["outbox"] - before["outbox"], after["audit"] - before["audit"]) == (1, 1)
    (op,) = ops_for(t, item_id)
    assert op.type == "catalog.create" and op.entity == "catalog_item"
    payload = json.loads(op.payload)
    assert payload["format"] == 1
    assert payload["record"]["protocol_steps"] == list(BOTOX.protocol_steps)
    assert payload["record"]["kind"] == "treatment" and payload["record"]["price_satang"] == 790_000
    (audit,) = audits_for(t, item_id)
    assert audit.action == "catalog.create" and audit.actor_id == staffed.manager.staff_id


# ---------------------------------------------------------------- bad input


def _bad_forms(made: dict[str, str]) -> list[tuple[ItemForm, str]]:
    return [
        (BOTOX.with_changes(name_th=" "), "name_th"),
        (BOTOX.with_changes(price_satang=-100), "price_satang"),
        (BOTOX.with_changes(price_satang=1_000_000_001), "price_satang"),
        (BOTOX.with_changes(duration_minutes=None), "duration_minutes"),
        (BOTOX.with_changes(duration_minutes=700), "duration_minutes"),
        (BOTOX.with_changes(protocol_steps=("",)), "protocol_steps"),
        (SERUM.with_changes(sku=""), "sku"),
        (SERUM.with_changes(sku="SRM-VC30 ", barcode=""), "sku"),  # taken by the serum
        (SERUM.with_changes(sku="NEW-1", barcode=SERUM.barcode), "barcode"),  # taken
        (SERUM.with_changes(sku="NEW-1", barcode="8851234000011"), "barcode"),  # check digit
        (package_of(made["botox"], 0), "package_sessions"),
        (package_of(made["botox"], 101), "package_sessions"),
        (package_of(made["serum"]), "package_treatment_id"),  # not a treatment
        (package_of("0190aaaa-0000-7000-8000-000000000000"), "package_treatment_id"),
    ]


def test_bad_creates_change_nothing(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    for form, field in _bad_forms(made):
        before = counts(t)
        with pytest.raises(BadInput) as err:
            t.run(catalog.create_item, form, actor=staffed.manager)
        assert err.value.field == field, form
        assert counts(t) == before


def test_duplicate_sku_names_the_other_item(staffed: Staffed, made: dict[str, str]) -> None:
    with pytest.raises(BadInput) as err:
        staffed.terminal.run(
            catalog.create_item, SERUM.with_changes(barcode=""), actor=staffed.manager
        )
    assert err.value.field == "sku" and "เซรั่มวิตามินซี" in str(err.value)


def test_package_needs_an_active_treatment(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    t.run(catalog.set_item_active, made["botox"], False, actor=staffed.manager)
    with pytest.raises(BadInput) as err:
        t.run(catalog.create_item, package_of(made["botox"], 5), actor=staffed.manager)
    assert err.value.field == "package_treatment_id"
    # The existing package stays editable although its treatment is off sale.
    t.run(
        catalog.update_item,
        made["package"],
        package_of(made["botox"]).with_changes(price_satang=1),
        actor=staffed.manager,
    )


def test_bad_updates_change_nothing(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    other = t.run(
        catalog.create_item, SERUM.with_changes(sku="OTHER", barcode=""), actor=staffed.manager
    ).result
    for form, field in [
        (SERUM.with_changes(price_satang=-1), "price_satang"),
        (SERUM.with_changes(sku="other"), "sku"),
        (BOTOX, "kind"),
    ]:
        before = counts(t)
        with pytest.raises(BadInput) as err:
            t.run(catalog.update_item, made["serum"], form, actor=staffed.manager)
        assert err.value.field == field
        assert counts(t) == before
    before = counts(t)
    with pytest.raises(BadInput) as err:
        t.run(catalog.update_item, other, SERUM.with_changes(sku="OTHER"), actor=staffed.manager)
    assert err.value.field == "barcode" and counts(t) == before


# ---------------------------------------------------------------- permissions


@pytest.mark.parametrize("who", ["beautician", "front_desk", "sales"])
def test_counter_staff_may_not_manage_the_catalog(staffed: Staffed, who: str) -> None:
    actor: Actor = getattr(staffed, who)
    before = counts(staffed.terminal)
    with pytest.raises(PermissionDenied):
        staffed.terminal.run(catalog.create_item, BOTOX, actor=actor)
    assert counts(staffed.terminal) == before


def test_manager_override_works_once(staffed: Staffed) -> None:
    t = staffed.terminal
    ov = t.run(
        staff.authorize_override,
        staffed.manager.staff_id,
        staffed.pins["manager"],
        Permission.CATALOG_MANAGE,
        actor=staffed.beautician,
    ).result
    item_id = t.run(catalog.create_item, BOTOX, actor=staffed.beautician, override=ov).result
    (audit,) = audits_for(t, item_id)
    assert audit.actor_id == staffed.beautician.staff_id
    assert audit.authorized_by_id == staffed.manager.staff_id
    with pytest.raises(PermissionDenied):
        t.run(
            catalog.create_item,
            BOTOX.with_changes(name_th="อีกตัว"),
            actor=staffed.beautician,
            override=ov,
        )


def test_counter_staff_may_not_move_stock(staffed: Staffed, made: dict[str, str]) -> None:
    with pytest.raises(PermissionDenied):
        staffed.terminal.run(
            catalog.move_stock, made["serum"], 5, StockReason.RECEIVED, actor=staffed.front_desk
        )


# ---------------------------------------------------------------- update


def test_update_writes_only_changed_fields(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    before = counts(t)
    t.run(
        catalog.update_item,
        made["botox"],
        BOTOX.with_changes(price_satang=850_000, name_en="Botox jawline"),
        actor=staffed.owner,
    )
    ops = ops_for(t, made["botox"])
    assert ops[-1].type == "catalog.update"
    assert json.loads(ops[-1].payload) == {
        "format": 1,
        "fields": {"price_satang": 850_000, "name_en": "Botox jawline"},
    }
    item = t.read(lambda s: s.get(CatalogItem, made["botox"]))
    clocks = field_clocks.expand(item.field_clocks, item.hlc, ITEM_FIELDS)
    assert {f for f, c in clocks.items() if c == ops[-1].hlc} == {"price_satang", "name_en"}
    assert {c for f, c in clocks.items() if c != ops[-1].hlc} == {ops[0].hlc}
    after = counts(t)
    assert (after["outbox"] - before["outbox"], after["audit"] - before["audit"]) == (1, 1)
    audit = [a for a in audits_for(t, made["botox"]) if a.action == "catalog.update"]
    assert audit[0].before == {"price_satang": 790_000, "name_en": "Botox jaw"}

    # Saving the same form again writes nothing.
    again = counts(t)
    t.run(
        catalog.update_item,
        made["botox"],
        BOTOX.with_changes(price_satang=850_000, name_en="Botox jawline"),
        actor=staffed.owner,
    )
    assert counts(t) == again


def test_set_item_active(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    changes = t.run(catalog.set_item_active, made["botox"], False, actor=staffed.manager)
    assert changes.ids(Kind.CATALOG_ITEM) == {made["botox"]}
    assert json.loads(ops_for(t, made["botox"])[-1].payload)["fields"] == {"active": False}
    before = counts(t)
    t.run(catalog.set_item_active, made["botox"], False, actor=staffed.manager)
    assert counts(t) == before
    assert t.read(catalog.get_item, made["botox"])[0].active is False


# ---------------------------------------------------------------- stock


def test_stock_is_the_sum_of_movements(staffed: Staffed, made: dict[str, str]) -> None:
    t, m, serum = staffed.terminal, staffed.manager, made["serum"]
    t.run(catalog.move_stock, serum, -3, StockReason.SOLD, actor=m)
    t.run(catalog.move_stock, serum, 1, StockReason.RETURNED, actor=m)
    t.run(catalog.move_stock, serum, -2, StockReason.DAMAGED, "หล่นแตก", actor=m)
    assert t.read(catalog.stock_level, serum) == 10 - 3 + 1 - 2
    moved = t.run(catalog.set_stock_count, serum, 4, "นับสต็อกสิ้นเดือน", actor=m)
    assert t.read(catalog.stock_level, serum) == 4
    quantity = t.read(lambda s: s.get(StockMovement, moved.result).quantity)
    assert quantity == -2
    before = counts(t)
    assert t.run(catalog.set_stock_count, serum, 4, actor=m).result is None
    assert counts(t) == before


def test_stock_move_journals_once(staffed: Staffed, made: dict[str, str]) -> None:
    t = staffed.terminal
    before = counts(t)
    changes = t.run(
        catalog.move_stock, made["serum"], 5, StockReason.RECEIVED, " PO-2 ", actor=staffed.manager
    )
    after = counts(t)
    assert {k: after[k] - before[k] for k in after} == {
        "outbox": 1,
        "audit": 1,
        "items": 0,
        "moves": 1,
    }
    assert changes.ids(Kind.STOCK) == {changes.result}
    assert changes.ids(Kind.CATALOG_ITEM) == {made["serum"]}
    (op,) = ops_for(t, changes.result)
    assert op.type == "stock.move" and op.entity == "stock"
    record = json.loads(op.payload)["record"]
    assert record["id"] == changes.result and record["item_id"] == made["serum"]
    assert (record["quantity"], record["reason"], record["note"]) == (5, "received", "PO-2")


@pytest.mark.parametrize(
    ("quantity", "reason", "field"),
    [
        (-11, StockReason.SOLD, "quantity"),  # only 10 in stock
        (-11, StockReason.COUNT_CORRECTION, "quantity"),
        (-1, StockReason.RECEIVED, "quantity"),
        (2, StockReason.DAMAGED, "quantity"),
        (0, StockReason.COUNT_CORRECTION, "quantity"),
        (1, "gift", "reason"),
    ],
)
def test_bad_movements_change_nothing(
    staffed: Staffed, made: dict[str, str], quantity: int, reason: StockReason, field: str
) -> None:
    t = staffed.terminal
    before = counts(t)
    with pytest.raises(BadInput) as err:
        t.run(catalog.move_stock, made["serum"], quantity, reason, actor=staffed.manager)
    assert err.value.field == field
    assert counts(t) == before
    assert t.read(catalog.stock_level, made["serum"]) == 10


def test_only_products_have_stock(staffed: Staffed, made: dict[str, str]) -> None:
    before = counts(staffed.terminal)
    with pytest.raises(BadInput) as err:
        staffed.terminal.run(
            catalog.move_stock, made["botox"], 1, StockReason.RECEIVED, actor=staffed.manager
        )
    assert err.value.field == "item_id"
    with pytest.raises(BadInput) as err:
        staffed.terminal.run(catalog.set_stock_count, made["serum"], -1, actor=staffed.manager)
    assert err.value.field == "counted"
    assert counts(staffed.terminal) == before


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(StockReason)), st.integers(-8, 8))
        | st.tuples(st.just("count"), st.integers(-2, 12)),
        min_size=1,
        max_size=8,
    )
)
def test_stock_never_negative_in_the_store(
    staffed: Staffed, sequence: list[tuple[object, int]]
) -> None:
    t, m = staffed.terminal, staffed.manager
    # A fresh product per example: the terminal fixture outlives the examples.
    n = counts(t)["items"]
    item = t.run(catalog.create_item, SERUM.with_changes(sku=f"H-{n}", barcode=""), actor=m).result
    expected = 0
    for reason, value in sequence:
        try:
            if reason == "count":
                t.run(catalog.set_stock_count, item, value, actor=m)
                expected = value
            else:
                t.run(catalog.move_stock, item, value, reason, actor=m)
                expected += value
        except BadInput:
            pass
        level = t.read(catalog.stock_level, item)
        assert level == expected >= 0


def test_a_category_is_set_changed_and_synced_as_one_field(staffed: Staffed, made: dict[str, str]) -> None:
    t, m = staffed.terminal, staffed.manager
    laser = t.run(catalog.create_item, BOTOX.with_changes(name_th="พิโคเลเซอร์", category="  Laser "), actor=m).result
    assert t.read(catalog.get_item, laser)[0].category == "Laser"
    assert [json.loads(op.payload)["record"]["category"] for op in ops_for(t, laser)] == ["Laser"]
    t.run(catalog.update_item, made["serum"], SERUM.with_changes(category="Skincare"), actor=m)
    assert json.loads(ops_for(t, made["serum"])[-1].payload)["fields"] == {"category": "Skincare"}
    assert {r.name_th: r.category for r in t.read(catalog.list_items)} == {
        "โบท็อกซ์ กรามเล็ก": "", "เซรั่มวิตามินซี": "Skincare", "โบท็อกซ์ 3 ครั้ง": "", "พิโคเลเซอร์": "Laser"}
    assert t.read(catalog.categories_in_use) == ["Laser", "Skincare"]
    with pytest.raises(BadInput) as refused:
        t.run(catalog.update_item, made["serum"], SERUM.with_changes(category="ส" * 61), actor=m)
    assert refused.value.field == "category"
