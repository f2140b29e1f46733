"""Pulled changes on real SQLite terminals: merge rules, ledgers, precise ChangeSets."""

from __future__ import annotations

from sqlalchemy import select

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.customer import ConsentPurpose
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import (
    AuditEntry,
    Customer,
    OutboxOperation,
    ParkedChange,
    Setting,
    StockMovement,
    Visit,
)
from bnaura_desk.terminal import Terminal
from sync.client.engine import BlockingTransport, SyncReport, TerminalDatabase, pull_changes, run_to_end
from tests.sync.test_client_loopback import Clinic, clinic_fixture, count, edit, later, register  # noqa: F401 - the fixture

PHONE = "081 234 5678"


def _customer(t: Terminal, customer_id: str) -> Customer:
    row = t.read(lambda s: s.get(Customer, customer_id))
    assert row is not None
    return row


def _search_ids(t: Terminal, query: str) -> list[str]:
    return [h.id for h in t.read(customer_service.search_customers, query)]


def test_a_customer_made_on_a_appears_in_bs_search(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง ใจดี", PHONE, nickname="หญิง", email="ying@example.com")
    clinic.sync("A")
    report = clinic.sync("B")
    assert report.changes.ids(Kind.CUSTOMER) == {cid}
    assert _search_ids(b, "สมหญิง") == [cid] and _search_ids(b, "5678") == [cid]
    got = _customer(b, cid)
    assert (got.name_th, got.nickname, got.phone, got.email) == ("สมหญิง ใจดี", "หญิง", "+66812345678", "ying@example.com")
    assert got.referral_code == _customer(a, cid).referral_code
    assert got.chain_id == a.device().chain_id


def test_json_values_come_back_as_column_types(clinic: Clinic) -> None:
    from datetime import date, time

    from bnaura_desk.domain.customer import Channel

    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(
        a, "สมหญิง", PHONE, birthday=date(1990, 2, 14), quiet_start=time(21, 0), quiet_end=time(8, 30),
        channels=(Channel.LINE,), opted_out=True,
    )
    clinic.sync_all()
    got = _customer(b, cid)
    assert (got.birthday, got.quiet_start, got.quiet_end, got.channels, got.opted_out) == (
        date(1990, 2, 14), time(21, 0), time(8, 30), ["line"], True,
    )
    # The same details screen works on B.
    assert b.read(customer_service.get_customer, cid).form == a.read(customer_service.get_customer, cid).form


def test_edits_of_different_fields_offline_both_stay_everywhere(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    edit(a, cid, phone="089 999 0000")  # offline on A
    edit(b, cid, nickname="หญิง")  # offline on B
    clinic.sync("A")
    clinic.sync("B")
    clinic.sync("A")
    for t in (a, b):
        got = _customer(t, cid)
        assert (got.phone, got.nickname) == ("+66899990000", "หญิง")
    server = clinic.server.record("customer", cid)
    assert server is not None and (server.data["phone"], server.data["nickname"]) == ("+66899990000", "หญิง")
    assert _search_ids(a, "หญิง") == [cid] and _search_ids(b, "0000") == [cid]


def test_same_field_the_later_clock_wins_on_every_node(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    later(clinic.clocks["B"], 60)
    edit(b, cid, nickname="B-later")  # later clock, but reaches the server first
    edit(a, cid, nickname="A-earlier")
    clinic.sync("B")
    report = clinic.sync("A")  # A's edit is older than B's: the server keeps B's
    assert report.changes.ids(Kind.CUSTOMER) == {cid}
    clinic.sync("B")
    assert _customer(a, cid).nickname == _customer(b, cid).nickname == "B-later"
    assert clinic.server.record("customer", cid).data["nickname"] == "B-later"  # type: ignore[union-attr]


def test_an_unpushed_later_local_edit_survives_a_pull(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    edit(a, cid, nickname="from A")
    clinic.sync("A")
    later(clinic.clocks["B"], 60)
    edit(b, cid, nickname="from B")
    # Pull only (as if B's push had not happened yet): B's pending later edit stays.
    report = SyncReport()
    run_to_end(pull_changes(TerminalDatabase(b), BlockingTransport(clinic.server), report))  # type: ignore[arg-type]
    assert report.pulled >= 1  # A's edit came, and lost to B's later one
    assert _customer(b, cid).nickname == "from B"
    clinic.sync("B")
    clinic.sync("A")
    assert _customer(a, cid).nickname == _customer(b, cid).nickname == "from B"


def test_edit_against_delete_the_tombstone_wins(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    a.run(customer_service.delete_customer, cid, actor=SYSTEM)
    later(clinic.clocks["B"], 60)
    edit(b, cid, nickname="edited after the delete")
    clinic.sync("A")
    report = clinic.sync("B")
    assert report.exceptions == 1  # the server reports the lost edit
    clinic.sync("A")
    for t in (a, b):
        assert _customer(t, cid).deleted_at is not None
        assert _search_ids(t, "สมหญิง") == []
    assert clinic.server.record("customer", cid).deleted_at is not None  # type: ignore[union-attr]
    # B's lost edit stays visible as an exception for a manager.
    from bnaura_desk.services.sync_state import unsettled_problems

    assert [p.outcome for p in b.read(unsettled_problems)] == ["exception"]


def test_ledgers_merge_by_union_of_ids(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    va = a.run(customer_service.check_in, cid, actor=SYSTEM).result
    vb = b.run(customer_service.check_in, cid, actor=SYSTEM).result
    ca = a.run(customer_service.record_consent, cid, ConsentPurpose.MARKETING, True, actor=SYSTEM).result
    clinic.sync_all()
    for t in (a, b):
        assert set(t.read(lambda s: list(s.scalars(select(Visit.id))))) == {va, vb}
        assert t.read(customer_service.get_customer, cid).visit_count == 2
        assert t.read(customer_service.current_consents, cid)[ConsentPurpose.MARKETING].granted is True
    visit_b = b.read(lambda s: s.get(Visit, va))
    assert visit_b is not None and visit_b.device_id == a.device().device_id
    assert visit_b.checked_in_at == a.read(lambda s: s.get(Visit, va)).checked_in_at  # type: ignore[union-attr]
    assert ca is not None


def test_pulled_rows_write_no_outbox_or_audit_and_name_exactly_what_changed(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    c1 = register(a, "หนึ่ง", "081 111 1111")
    c2 = register(a, "สอง", "082 222 2222")
    clinic.sync_all()
    before = (count(b, OutboxOperation), count(b, AuditEntry))
    synced = a.device().last_seq
    edit(a, c2, nickname="สองสอง")
    visit = a.run(customer_service.check_in, c1, actor=SYSTEM).result
    # The check-in also awarded the day's check-in points: one points entry.
    [points] = a.read(lambda s: list(s.scalars(select(OutboxOperation.entity_id).where(
        OutboxOperation.seq > synced, OutboxOperation.type == "points.record"
    ))))
    clinic.sync("A")
    report = clinic.sync("B")
    assert report.changes.changed == {
        Kind.CUSTOMER: frozenset({c1, c2}), Kind.VISIT: frozenset({visit}), Kind.POINTS: frozenset({points}),
    }
    assert (count(b, OutboxOperation), count(b, AuditEntry)) == before
    # A's own changes coming back change nothing on A.
    assert clinic.sync("A").changes.empty


def test_the_local_clock_moves_past_what_was_pulled(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    later(clinic.clocks["A"], 120)  # A's clock runs two minutes ahead of B's (within the skew bound)
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    a_stamp = _customer(a, cid).hlc
    assert Hlc.parse(b.device().last_hlc) > Hlc.parse(a_stamp)
    edit(b, cid, nickname="B after")  # stamped after A's register although B's wall clock is behind
    edited = _customer(b, cid)
    assert field_clocks.clock_of(edited.field_clocks, edited.hlc, "nickname") > a_stamp
    clinic.sync_all()
    assert _customer(a, cid).nickname == "B after"


def test_a_visit_whose_customer_comes_in_a_later_page_waits_for_it(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    visit = a.run(customer_service.check_in, cid, actor=SYSTEM).result
    edit(a, cid, nickname="หญิง")  # the customer's cursor is now after the visit's
    clinic.sync("A")
    report = clinic.sync("B", page=1)  # one change per page: the visit arrives first
    assert report.changes.ids(Kind.VISIT) == {visit}
    assert b.read(lambda s: s.get(Visit, visit)) is not None
    assert count(b, ParkedChange) == 0


def test_staff_catalog_stock_and_settings_arrive(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    sid = a.run(staff_service.create_staff, "พี่นิด", Role.BEAUTICIAN, "7140", actor=SYSTEM).result
    treatment = a.run(
        catalog_service.create_item,
        ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", price_satang=150_000, duration_minutes=60,
                 protocol_steps=("ล้างหน้า", "มาสก์")),
        actor=SYSTEM,
    ).result
    package = a.run(
        catalog_service.create_item,
        ItemForm(kind=ItemKind.PACKAGE, name_th="แพ็กเกจ 5 ครั้ง", price_satang=600_000,
                 package_treatment_id=treatment, package_sessions=5),
        actor=SYSTEM,
    ).result
    product = a.run(
        catalog_service.create_item,
        ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", price_satang=89_000, sku="SER-1"),
        actor=SYSTEM,
    ).result
    a.run(catalog_service.move_stock, product, 12, StockReason.RECEIVED, "invoice 7", actor=SYSTEM)
    a.run(staff_service.set_lockout_policy, 7, 30, actor=SYSTEM)
    # The treatment is edited last, so the package arrives before it with one change per page.
    a.run(catalog_service.set_item_active, treatment, True, actor=SYSTEM)
    a.run(catalog_service.update_item, treatment,
          catalog_service.form_of(a.read(lambda s: s.get(catalog_service.CatalogItem, treatment))).with_changes(price_satang=160_000),
          actor=SYSTEM)
    clinic.sync("A")
    report = clinic.sync("B", page=1)
    assert report.changes.ids(Kind.CATALOG_ITEM) == {treatment, package, product}
    assert report.changes.ids(Kind.STAFF) == {sid}
    rows = {r.id: r for r in b.read(catalog_service.list_items)}
    assert rows[product].stock == 12 and rows[product].sku == "SER-1" and rows[product].barcode == ""
    assert rows[treatment].price_satang == 160_000 and rows[package].package_sessions == 5
    assert b.read(lambda s: s.get(catalog_service.CatalogItem, treatment)).protocol_steps == ["ล้างหน้า", "มาสก์"]  # type: ignore[union-attr]
    assert count(b, StockMovement) == 1
    setting = b.read(lambda s: s.get(Setting, (b.device().chain_id, "pin_lockout")))
    policy = b.read(staff_service.lockout_policy, b.device().chain_id)
    assert (policy.max_failures, policy.lock_minutes) == (7, 30), setting
    # The beautician can sign in on B with the PIN set on A.
    actor = b.run(staff_service.sign_in, sid, "7140", actor=None).result
    assert actor.role is Role.BEAUTICIAN


def test_a_clock_bounded_by_the_server_does_not_keep_a_stale_value_locally(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONE)
    clinic.sync_all()
    later(clinic.clocks["A"], 3600)  # A's clock runs an hour ahead: the server bounds it
    edit(a, cid, nickname="from A")
    assert clinic.sync("A").exceptions == 1  # clock_ahead, reported
    for clock in (clinic.clocks["B"], clinic.server.clock):
        later(clock, 600)
    edit(b, cid, nickname="from B")  # later than A's bounded clock on the server
    clinic.sync("B")
    clinic.sync("A")
    # A's own stamp is later than the server's, but the server has settled it: A converges.
    assert _customer(a, cid).nickname == _customer(b, cid).nickname == "from B"
