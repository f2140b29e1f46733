"""A chain of branches over a real server: two branches of one chain and a second chain, three terminals.

What the owner of a chain checks: a customer registered at the Siam branch
is found at Thonglor after a sync; Thonglor's stock movements never reach
Siam; the other chain sees nothing of either; a device naming another
branch's or chain's rows is refused and changes nothing. On PostgreSQL
row-level security is the second wall: a query of the serving role without
a device credential sees no row, and with one sees only its chain and, of
the branch-only rows, only its branch's.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_status
from bnaura_desk.store.models import CatalogItem, Customer, StockMovement
from bnaura_desk.store.types import canonical_json
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, join_clinic
from sync.protocol import Operation
from sync.server import admin
from sync.server.db import server_engine
from sync.server.models import ChangeEntry, Device, Record
from sync.server.scope import chain_sessions, for_device

from .conftest import Server, now


@dataclass
class Chain:
    server: Server
    siam: Terminal  # branch 00000 of the chain
    thonglor: Terminal  # branch 00001 of the same chain
    other: Terminal  # the one branch of another chain
    chain_id: str
    branch_ids: dict[str, str]
    tokens: dict[str, str]


def _sync(t: Terminal) -> Any:
    with client_for(t) as client:
        report = sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.problems == 0 and status.last_error == ""
    return report


def _count(t: Terminal, model: type) -> int:
    return int(t.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one()))


@pytest.fixture
def chain(server: Server, tmp_path: Path) -> Iterator[Chain]:
    suffix = uuid.uuid4().hex[:6]
    with server.sessions() as s:
        beauty = admin.add_chain(s, f"บีเอ็น-ออร่า {suffix}", now())
        siam = admin.add_branch(s, beauty.id, "สาขาสยาม", now())
        thonglor = admin.add_branch(s, beauty.id, "สาขาทองหล่อ", now(), branch_no="1")
        rival = admin.add_chain(s, f"คลินิกคู่แข่ง {suffix}", now())
        rival_branch = admin.add_branch(s, rival.id, "สาขาเดียว", now())
        codes = {b.id: admin.new_enrollment_code(s, b.id, now())[1].code for b in (siam, thonglor, rival_branch)}
        s.commit()
    terminals = {}
    for name, branch in (("siam", siam), ("thonglor", thonglor), ("other", rival_branch)):
        path = tmp_path / f"{name}.sqlite"
        join_clinic(path, server.base_url, codes[branch.id], f"POS {name}")
        terminals[name] = Terminal.open(path)
    tokens: dict[str, str] = {}  # each device's token hash: its credential on PostgreSQL
    with server.sessions() as s:
        for name, t in terminals.items():
            device = s.get(Device, t.device().device_id)
            assert device is not None
            tokens[name] = device.token_sha256
    try:
        yield Chain(server, terminals["siam"], terminals["thonglor"], terminals["other"], beauty.id,
                    {"siam": siam.id, "thonglor": thonglor.id, "other": rival_branch.id}, tokens)
    finally:
        for t in terminals.values():
            t.close()


def test_customers_are_the_chains_and_stock_is_the_branchs(chain: Chain) -> None:
    siam, thonglor, other = chain.siam, chain.thonglor, chain.other
    for t in (siam, thonglor, other):
        _sync(t)
    # Every terminal of the chain knows the chain's branches; the other chain knows only its own.
    with chain.server.sessions() as s:
        seen = {r.id for r in s.scalars(select(Record).where(Record.entity == "branch"))}
    assert {chain.branch_ids["siam"], chain.branch_ids["thonglor"]} <= seen

    # Siam registers a member offline and adds a product to the chain's catalog.
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง สยาม", phone="0812345678"),
                      actor=SYSTEM).result
    serum = siam.run(catalog_service.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่มวิตามินซี",
                                                           price_satang=99_000, sku="SRM-C"), actor=SYSTEM).result
    _sync(siam)
    _sync(thonglor)
    # Thonglor finds her at the counter, and sells from its own stock of the chain's product.
    assert [hit.id for hit in thonglor.read(customer_service.search_customers, "สมหญิง")] == [member]
    assert _count(thonglor, CatalogItem) == 1
    thonglor.run(catalog_service.move_stock, serum, 24, StockReason.RECEIVED, "ใบส่งของ 123", actor=SYSTEM)
    thonglor.run(catalog_service.move_stock, serum, -2, StockReason.SOLD, actor=SYSTEM)
    siam.run(catalog_service.move_stock, serum, 5, StockReason.RECEIVED, actor=SYSTEM)
    for t in (thonglor, siam, thonglor, siam, other):
        _sync(t)

    # Stock is counted per branch: each terminal holds its own branch's movements only.
    assert thonglor.read(catalog_service.stock_level, serum) == 22
    assert siam.read(catalog_service.stock_level, serum) == 5
    assert _count(thonglor, StockMovement) == 2 and _count(siam, StockMovement) == 1
    # The other chain sees nothing of either branch.
    assert _count(other, Customer) == 0 and _count(other, CatalogItem) == 0 and _count(other, StockMovement) == 0
    with chain.server.sessions() as s:
        stock = list(s.scalars(select(Record).where(Record.chain_id == chain.chain_id, Record.entity == "stock")))
        assert sorted(r.branch_id or "" for r in stock) == sorted(
            [chain.branch_ids["thonglor"]] * 2 + [chain.branch_ids["siam"]]
        )
        assert {c.branch_id for c in s.scalars(select(ChangeEntry).where(ChangeEntry.entity == "customer",
                                                                          ChangeEntry.chain_id == chain.chain_id))} \
            == {None}


def _op(t: Terminal, seq: int, type_: str, entity: str, entity_id: str, body: dict[str, Any]) -> Operation:
    """An operation as a hostile (or buggy) terminal would push it, bypassing its use cases."""
    device = t.device()
    payload = canonical_json({"format": 1, **body})
    clock = Hlc(int(now().timestamp() * 1000), seq, device.device_id).encode()
    return Operation(
        device_id=device.device_id, seq=seq, op_id=str(uuid.uuid4()), clinic_id=device.chain_id, type=type_,
        entity=entity, entity_id=entity_id, hlc=clock, actor_id=None, payload=payload,
        payload_sha256=hashlib.sha256(payload.encode()).hexdigest(),
    )


def test_a_device_naming_another_branchs_or_chains_rows_is_refused_and_changes_nothing(chain: Chain) -> None:
    siam, thonglor, other = chain.siam, chain.thonglor, chain.other
    serum = siam.run(catalog_service.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", sku="S1",
                                                           price_satang=1), actor=SYSTEM).result
    _sync(siam)
    _sync(thonglor)
    movement = thonglor.run(catalog_service.move_stock, serum, 3, StockReason.RECEIVED, actor=SYSTEM).result
    _sync(thonglor)
    with chain.server.sessions() as s:
        before = s.scalar(select(func.max(ChangeEntry.cursor)).where(ChangeEntry.chain_id == chain.chain_id))

    with client_for(siam) as client:
        seq = client.push(siam.device().device_id, []).next_seq
        forged = [
            # Thonglor's stock movement, named by Siam (ids are not secret).
            _op(siam, seq, "stock.move", "stock", movement,
                {"record": {"item_id": serum, "quantity": -3, "reason": "sold"}}),
            # Thonglor's branch profile, rewritten by Siam.
            _op(siam, seq + 1, "branch.create", "branch", chain.branch_ids["thonglor"],
                {"record": {"name_th": "ยึดสาขา"}}),
            # A stock movement of an item of another chain.
            _op(siam, seq + 2, "stock.move", "stock", str(uuid.uuid4()),
                {"record": {"item_id": str(uuid.uuid4()), "quantity": 1, "reason": "received"}}),
        ]
        results = client.push(siam.device().device_id, forged).results
    assert [(r.outcome, r.reason) for r in results] == [
        ("rejected", "foreign_record"), ("rejected", "foreign_record"), ("rejected", "unknown_parent"),
    ]
    with chain.server.sessions() as s:
        kept = s.get(Record, (chain.chain_id, "stock", movement))
        assert kept is not None and kept.data["quantity"] == 3 and kept.branch_id == chain.branch_ids["thonglor"]
        profile = s.get(Record, (chain.chain_id, "branch", chain.branch_ids["thonglor"]))
        assert profile is not None and profile.data["name_th"] == "สาขาทองหล่อ"
        # Only the exceptions that tell Siam's managers what was refused reached the feed.
        kinds = list(s.scalars(select(ChangeEntry.entity).where(
            ChangeEntry.chain_id == chain.chain_id, ChangeEntry.cursor > before)))
        assert kinds == ["sync_exception"] * 3
    for t in (siam, thonglor, other):
        with client_for(t) as client:
            sync_once(t, client)
    assert thonglor.read(catalog_service.stock_level, serum) == 3
    assert _count(siam, StockMovement) == 0


@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_row_level_security_keeps_chains_and_branches_apart(chain: Chain) -> None:
    siam, thonglor = chain.siam, chain.thonglor
    serum = siam.run(catalog_service.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", sku="S2",
                                                           price_satang=1), actor=SYSTEM).result
    siam.run(catalog_service.move_stock, serum, 7, StockReason.RECEIVED, actor=SYSTEM)
    _sync(siam)
    _sync(thonglor)
    thonglor.run(catalog_service.move_stock, serum, 4, StockReason.RECEIVED, actor=SYSTEM)
    _sync(thonglor)
    _sync(chain.other)

    serving = server_engine(chain.server.serving_url)
    try:
        sessions = chain_sessions(serving)
        seen: dict[str, dict[str, int]] = {}
        for name in ("siam", "thonglor", "other"):
            with for_device(sessions, chain.tokens[name])() as s:
                rows = s.execute(select(Record.entity, func.count()).group_by(Record.entity)).all()
                seen[name] = {entity: n for entity, n in rows}
                s.rollback()
        assert seen["siam"]["stock"] == 1 and seen["thonglor"]["stock"] == 1
        assert seen["siam"]["catalog_item"] == seen["thonglor"]["catalog_item"] == 1
        assert "stock" not in seen["other"] and "catalog_item" not in seen["other"]
        with serving.connect() as conn:  # no credential: no row of any chain
            for model in (Record, ChangeEntry, Device):
                assert conn.scalar(select(func.count()).select_from(model)) == 0
            conn.rollback()
    finally:
        serving.dispose()
