"""Pulling the clinic's change feed: cursor order, own clinic only, pages, current state."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers
from bnaura_desk.services.context import SYSTEM
from sync.protocol import MAX_PULL
from sync.server.db import server_engine
from sync.server.models import ChangeEntry, Record, ServerBase, ServerChain
from sync.server.pull import pull

from .conftest import Enrolled, Server


def _pull_all(device: Enrolled, limit: int) -> tuple[list[dict], list[dict]]:
    """Pull page by page; return (changes, pages)."""
    after, changes, pages = 0, [], []
    while True:
        r = device.pull(after, limit)
        assert r.status_code == 200, r.text
        page = r.json()
        pages.append(page)
        changes += page["changes"]
        assert page["cursor"] >= after
        after = page["cursor"]
        if not page["more"]:
            return changes, pages


def test_pull_returns_the_clinics_changes_in_cursor_order_in_pages(server: Server) -> None:
    a = server.enrolled()
    ids = [a.register(f"ลูกค้า {i}", f"08222222{i:02d}") for i in range(4)]
    assert a.push(a.operations()).status_code == 200

    # A second terminal of the same clinic (enrolled without a clinic of its own) sees them.
    reader = server.enrolled(clinic_id=a.clinic_id)
    # Cursors 1 and 2: the chain and its branch as the owner added them (their names); 3: the
    # terminal's own profile of the branch, the same record again; then the four customers, each
    # followed by its welcome points.
    first = reader.pull(0, 2).json()
    assert [c["entity"] for c in first["changes"]] == ["chain", "branch"] and first["more"]
    assert first["cursor"] == 2
    changes, pages = _pull_all(reader, 2)
    assert [c["entity"] for c in changes] == ["chain", "branch", "branch"] + ["customer", "points"] * 4
    assert [c["cursor"] for c in changes] == list(range(1, len(changes) + 1))
    assert [c["entity_id"] for c in changes if c["entity"] == "customer"] == ids
    assert [p["more"] for p in pages] == [True] * 5 + [False]  # 11 changes in pages of 2, the last one short
    customer = changes[3]
    assert customer["data"]["name_th"] == "ลูกค้า 0" and customer["deleted"] is False
    # Written once: every field has the record's own clock, so the compact clocks are empty.
    assert customer["field_clocks"] == {}
    assert field_clocks.expand({}, customer["hlc"], customer["data"]).keys() == customer["data"].keys()

    end = reader.pull(changes[-1]["cursor"]).json()
    assert end == {"changes": [], "cursor": len(changes), "more": False, "head": len(changes)}


def test_a_device_only_sees_its_own_clinic(server: Server) -> None:
    a = server.enrolled()
    b = server.enrolled()
    a.register("ของเอ", "0833333331")
    b.register("ของบี", "0833333332")
    assert a.push(a.operations()).status_code == 200
    assert b.push(b.operations()).status_code == 200
    a_seen = {c["entity_id"] for c in a.pull().json()["changes"]}
    b_seen = {c["entity_id"] for c in b.pull().json()["changes"]}
    assert a_seen and b_seen and not a_seen & b_seen
    assert a.clinic_id in a_seen and b.clinic_id in b_seen


def test_a_record_changed_again_comes_once_with_its_current_state(server: Server) -> None:
    a = server.enrolled()
    cid = a.register("ชื่อเดิม", "0844444444")
    a.terminal.run(customers.update_customer, cid, CustomerForm(name_th="ชื่อใหม่", phone="0844444444"), actor=SYSTEM)
    a.terminal.run(customers.delete_customer, cid, actor=SYSTEM)
    ops = a.operations()
    assert [op.type for op in ops if op.entity_id == cid] == ["customer.register", "customer.update", "customer.delete"]
    assert a.push(ops).status_code == 200

    page = a.pull().json()
    mine = [c for c in page["changes"] if c["entity_id"] == cid]
    assert len(mine) == 1
    assert mine[0]["cursor"] == page["cursor"] and mine[0]["deleted"] is True
    assert mine[0]["data"]["name_th"] == "ชื่อใหม่"
    # Pulled one change at a time, the early pages show the record's current state too.
    changes, _ = _pull_all(a, 1)
    assert [c["cursor"] for c in changes] == sorted(c["cursor"] for c in changes)
    assert all(c["data"]["name_th"] == "ชื่อใหม่" for c in changes if c["entity_id"] == cid)


def test_pull_parameters_are_checked(server: Server, enrolled: Enrolled) -> None:
    for params in ({"after": -1}, {"limit": 0}, {"limit": MAX_PULL + 1}, {"after": "soon"}):
        r = enrolled.http.get("/v1/pull", params=params)
        assert r.status_code == 422 and r.json()["code"] == "invalid_request", (params, r.text)


def test_pull_gives_the_stored_json_as_it_is(tmp_path: Path) -> None:
    """``pull`` reads the JSON columns as text and parses them itself: the values come back unchanged."""
    engine = server_engine(f"sqlite:///{tmp_path / 'server.sqlite'}")
    ServerBase.metadata.create_all(engine)
    clinic, clock = str(uuid.uuid4()), "1795402800949.00000.0000000a-0000-7000-8000-000000000001"
    at = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    data = [
        {"name_th": "สมหญิง ใจดี", "channels": ["sms", "line"], "birthday": None, "opted_out": False},
        {"protocol_steps": [{"step": "ล้างหน้า", "minutes": 5}], "price_satang": 150_000, "ratio": 0.1},
        {"note": "\ud800 alone", "big": 2**62},  # a lone surrogate: not for every JSON parser
    ]
    try:
        with Session(engine) as s:
            s.add(ServerChain(id=clinic, name="คลินิก", created_at=at, last_cursor=len(data)))
            s.flush()
            for n, d in enumerate(data, start=1):
                s.add(Record(entity="thing", id=f"r{n}", chain_id=clinic, data=d, field_clocks={k: clock for k in d},
                             hlc=clock, deleted_at=at if n == 2 else None, updated_at=at, cursor=n))
                s.add(ChangeEntry(chain_id=clinic, cursor=n, entity="thing", entity_id=f"r{n}"))
            s.commit()
            page = pull(s, clinic, clinic, 0, MAX_PULL)
    finally:
        engine.dispose()
    assert [c.data for c in page.changes] == data
    assert [c.deleted for c in page.changes] == [False, True, False]
    assert all(c.field_clocks == {k: clock for k in d} for c, d in zip(page.changes, data, strict=True))
    assert (page.cursor, page.more, page.head) == (3, False, 3)
