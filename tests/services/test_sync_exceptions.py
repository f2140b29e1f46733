"""The Exceptions screen's query: records named as people know them, deleted ones too, and terminals by name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher

from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.services.sync_exceptions import ExceptionFilter, list_exceptions
from bnaura_desk.store.models import SyncExceptionRow
from tests.conftest import Staffed

OTHER_DEVICE = "0190aaaa-bbbb-7ccc-8ddd-000000003f2a"


@pytest.fixture(autouse=True)
def _cheap_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _pulled(rows: list[dict[str, Any]]) -> Any:
    """A use case that stores exceptions as a pull would (the server raised them)."""

    def store(ctx: ServiceContext) -> ChangeSet:
        start = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
        for n, row in enumerate(rows):
            at = start + timedelta(minutes=n)
            ctx.session.add(
                SyncExceptionRow(
                    id=uuid7(), chain_id=ctx.chain_id, kind=row.get("kind", "edit_lost_to_delete"),
                    entity=row["entity"], entity_id=row["entity_id"], device_id=row.get("device_id"),
                    seq=n + 1, detail=row.get("detail", {}), raised_at=at, resolved_at=None, resolved_by=None,
                    note="", created_at=at, updated_at=at, hlc=f"{n:013d}.00000.server", field_clocks={},
                )
            )
        return ChangeSet()

    return store


def test_exceptions_name_their_records_also_deleted_ones_and_their_terminals(staffed: Staffed) -> None:
    t = staffed.terminal
    me = t.device()
    desk, manager = staffed.front_desk, staffed.manager
    kept = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", name_en="Somying Jaidee",
                                                                  phone="0812345678"), actor=desk).result
    gone = t.run(customer_service.register_customer, CustomerForm(name_en="Anna Lee", phone="0898765432"), actor=desk).result
    consent = t.run(customer_service.record_consent, gone, ConsentPurpose.MARKETING, True, actor=desk).result
    visit = t.run(customer_service.check_in, kept, actor=desk).result
    t.run(customer_service.delete_customer, gone, actor=manager)
    serum = t.run(catalog_service.create_item, ItemForm(ItemKind.PRODUCT, "เซรั่ม", "Serum", 89000, sku="SRM-01"), actor=manager).result
    move = t.run(catalog_service.move_stock, serum, 5, StockReason.RECEIVED, actor=manager).result
    t.run(_pulled([
        {"entity": "customer", "entity_id": kept, "device_id": me.device_id},
        {"entity": "customer", "entity_id": gone, "device_id": OTHER_DEVICE, "detail": {"device_name": "เคาน์เตอร์ 2"}},
        {"entity": "consent", "entity_id": consent, "device_id": OTHER_DEVICE},
        {"entity": "visit", "entity_id": visit},
        {"entity": "catalog_item", "entity_id": serum, "kind": "rejected_operation",
         "detail": {"reason": "invalid_record", "field": "price_satang", "problem": "missing", "message": "..."}},
        {"entity": "stock", "entity_id": move},
        {"entity": "staff", "entity_id": staffed.beautician.staff_id},
        {"entity": "customer", "entity_id": "0190ffff-0000-7000-8000-00000000beef", "kind": "unknown_record"},
    ]), actor=None)

    rows = {(r.entity, r.entity_id): r for r in t.read(list_exceptions, ExceptionFilter.ALL)}
    assert len(rows) == 8

    def named(entity: str, entity_id: str) -> tuple[str, str, bool]:
        r = rows[(entity, entity_id)]
        return r.subject_th, r.subject_en, r.subject_deleted

    assert named("customer", kept) == ("สมหญิง ใจดี", "Somying Jaidee", False)
    assert named("customer", gone) == ("", "Anna Lee", True)  # tombstoned, still named
    assert named("consent", consent) == ("", "Anna Lee", True)  # a ledger row: its customer
    assert named("visit", visit) == ("สมหญิง ใจดี", "Somying Jaidee", False)
    assert named("catalog_item", serum) == ("เซรั่ม", "Serum", False)
    assert named("stock", move) == ("เซรั่ม", "Serum", False)
    assert named("staff", staffed.beautician.staff_id) == ("พี่นิด", "", False)
    assert named("customer", "0190ffff-0000-7000-8000-00000000beef") == ("", "", False)  # not on this terminal

    mine = rows[("customer", kept)]
    assert (mine.device_name, mine.this_terminal) == ("POS-1", True)
    told = rows[("customer", gone)]
    assert (told.device_name, told.this_terminal) == ("เคาน์เตอร์ 2", False)  # the server's detail named it
    unknown = rows[("consent", consent)]
    assert (unknown.device_name, unknown.this_terminal) == ("", False)
    assert rows[("visit", visit)].device_name == ""  # no device at all
