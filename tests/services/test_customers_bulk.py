"""Bulk registration: the same database as one registration at a time, all or nothing."""

from __future__ import annotations

import hashlib
import random
import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from bnaura_desk import demo
from bnaura_desk.domain import achievements
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.customer import AlreadyCheckedIn, Channel, ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput, DuplicatePhone, PermissionDenied
from bnaura_desk.domain.loyalty_program import award_id, clinic_day
from bnaura_desk.domain.points import PointsSource
from bnaura_desk.domain.referral import make_code
from bnaura_desk.services import customers as svc
from bnaura_desk.services.context import SYSTEM, ServiceContext
from bnaura_desk.services.customers_bulk import Registration, RegistrationRefused, register_customers
from bnaura_desk.terminal import Terminal
from tests.conftest import Staffed

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _one_by_one(ctx: ServiceContext, registrations: Sequence[Registration]) -> ChangeSet:
    """What the demo did before: each registration through the counter's use cases, in one transaction."""
    ids = []
    for r in registrations:
        customer_id = svc.register_customer(ctx, r.form, r.consents).result
        if r.check_in:
            svc.check_in(ctx, customer_id)
        ids.append(customer_id)
    return ctx.changes.build(result=ids)


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the database file at ``path``, as stored."""
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()


def _normalised(tables: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """The tables with each UUID replaced by its rank among the database's UUIDs.

    UUIDv7 ids of one process increase in the order they are made, so two
    databases whose rows were made in the same order get the same ranks;
    payload hashes (of the text with the real ids) are checked, then left out.
    """
    found: set[str] = set()
    for rows in tables.values():
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    found.update(_UUID.findall(value))
    # Awards have ids derived from their customer (uuid5): named by what they
    # are, so that both databases name them alike.
    made = sorted(u for u in found if u[14] == "7")
    rank = {u: f"<id {n}>" for n, u in enumerate(made)}
    for u in made:
        rank[award_id(PointsSource.WELCOME, u)] = f"<welcome of {rank[u]}>"
        rank[award_id(PointsSource.CHECK_IN, u, clinic_day(NOW))] = f"<check-in points of {rank[u]}>"
        for definition in achievements.DEFAULT_DEFINITIONS:
            unlock = achievements.unlock_id(u, definition.key)
            rank[unlock] = f"<{definition.key} of {rank[u]}>"
            rank[achievements.award_id(unlock)] = f"<{definition.key} points of {rank[u]}>"
    assert found <= rank.keys(), "an id neither made nor derived from a made one"

    def norm(value: Any) -> Any:
        return _UUID.sub(lambda m: rank[m[0]], value) if isinstance(value, str) else value

    out: dict[str, list[tuple[Any, ...]]] = {}
    for name, rows in tables.items():
        if name == "outbox":
            for row in rows:
                payload, digest = row[9], row[10]
                assert hashlib.sha256(payload.encode()).hexdigest() == digest
            rows = [row[:10] + row[11:] for row in rows]
        out[name] = sorted((tuple(norm(v) for v in row) for row in rows), key=repr)
    return out


def _registrations() -> list[Registration]:
    factory = demo.CustomerFactory(random.Random(5))
    made = [Registration(c.form, c.consents, c.checked_in) for c in (factory.make() for _ in range(40))]
    made += [
        Registration(CustomerForm(name_en="No Consents", phone="0899999001")),
        # Born in November, at the counter on 23 November: the first check-in unlocks a secret achievement.
        Registration(CustomerForm(name_th="เกิดเดือนนี้", phone="0899999003", birthday=date(1991, 11, 5)),
                     check_in=True),
        Registration(
            CustomerForm(
                name_th="  ครบ   ทุกช่อง ",
                name_en="All Fields",
                nickname="ครบ",
                phone="+66 89 999 9002",
                email="ALL@Example.com",
                line_id="all.fields",
                birthday=date(1988, 2, 29),
                gender=Gender.OTHER,
                skin_notes=" ผิวผสม ",
                channels=(Channel.EMAIL, Channel.CALL, Channel.EMAIL),
                quiet_start=time(22, 0),
                quiet_end=time(7, 30),
                opted_out=True,
            ),
            {ConsentPurpose.MARKETING: False, ConsentPurpose.TREATMENT_RECORDS: True},
            check_in=True,
        ),
    ]
    return made


def _twin_terminals(tmp_path: Path) -> tuple[Terminal, Terminal]:
    """Two terminals with the same database (device, clocks, counters) and a clock that stands still."""
    first = tmp_path / "one_by_one.sqlite"
    with Terminal.create(first, clinic_name="คลินิกทดสอบ", device_name="POS-1", clock=lambda: NOW) as t:
        t.run(svc.register_customer, CustomerForm(name_th="มีอยู่แล้ว", phone="0811111111"), actor=SYSTEM)
        device = t.device()
    # A code the counter would give next already came by sync (a device with
    # the same tag): both ways of registering must skip it.
    con = sqlite3.connect(first)
    con.execute("UPDATE customers SET referral_code = ?", (make_code(device.referral_tag, device.referral_counter + 2),))
    con.commit()
    con.close()
    second = tmp_path / "bulk.sqlite"
    src, dst = sqlite3.connect(first), sqlite3.connect(second)
    src.backup(dst)
    src.close()
    dst.close()
    return Terminal.open(first, clock=lambda: NOW), Terminal.open(second, clock=lambda: NOW)


def test_bulk_writes_exactly_what_registering_one_by_one_writes(tmp_path: Path) -> None:
    one, bulk = _twin_terminals(tmp_path)
    registrations = _registrations()
    try:
        singly = one.run(_one_by_one, registrations, actor=SYSTEM)
        together = bulk.run(register_customers, registrations, actor=SYSTEM)
    finally:
        one.close()
        bulk.close()
    assert len(together.result) == len(registrations) == len(set(together.result))
    assert together.changed.keys() == singly.changed.keys() == {Kind.CUSTOMER, Kind.CONSENT, Kind.VISIT, Kind.POINTS}
    assert together.ids(Kind.CUSTOMER) == set(together.result)
    assert {k: len(v) for k, v in together.changed.items()} == {k: len(v) for k, v in singly.changed.items()}

    expected, got = _tables(tmp_path / "one_by_one.sqlite"), _tables(tmp_path / "bulk.sqlite")
    assert {n: len(r) for n, r in got.items()} == {n: len(r) for n, r in expected.items()}
    assert len(got["customers"]) == len(registrations) + 1
    assert len(got["visits"]) == sum(r.check_in for r in registrations) > 5
    assert len(got["achievement_unlocks"]) >= 1
    expected, got = _normalised(expected), _normalised(got)
    for name in expected:
        assert got[name] == expected[name], name


def test_result_is_the_new_ids_in_order(terminal: Terminal) -> None:
    registrations = [Registration(CustomerForm(name_en=f"C{n}", phone=f"08100000{n:02d}")) for n in range(12)]
    ids = terminal.run(register_customers, registrations, actor=SYSTEM).result
    assert [terminal.read(svc.get_customer, i).form.name_en for i in ids] == [f"C{n}" for n in range(12)]
    assert [h.id for h in terminal.read(svc.search_customers, "081-000-0007")] == [ids[7]]
    assert terminal.run(register_customers, [], actor=SYSTEM).result == []


def _good(n: int) -> Registration:
    return Registration(CustomerForm(name_th=f"ลูกค้า {n}", phone=f"0820000{n:03d}"), {ConsentPurpose.MARKETING: True})


@pytest.mark.parametrize(
    ("bad_row", "change", "field", "message"),
    [
        (3, {"phone": "12345"}, "phone", "Customer 3 of the list: "),
        (2, {"name_th": "", "name_en": ""}, "name_th", "Customer 2 of the list: Enter the customer's name"),
        (4, {"phone": "0820000001"}, "phone",
         "Customer 4 of the list: 082-000-0001 is also the phone of customer 1 of the list"),
        (3, {"phone": "0811111111"}, "phone", "Customer 3 of the list: 081-111-1111 already belongs to มีอยู่แล้ว"),
        (2, {"consents": {"tattoo": True}}, None, "Customer 2 of the list: Unknown consent purpose tattoo"),
        (5, {"branch_id": "01a20a00-0000-7000-8000-0000000000ee"}, "branch",
         "Customer 5 of the list: This chain has no such branch"),
    ],
    ids=["bad phone", "no name", "phone twice in the list", "phone of a customer", "unknown consent",
         "unknown branch"],
)
def test_one_bad_registration_refuses_the_batch_and_changes_nothing(
    tmp_path: Path, bad_row: int, change: dict[str, Any], field: str | None, message: str
) -> None:
    path = tmp_path / "t.sqlite"
    with Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name="POS-1") as t:
        existing = t.run(svc.register_customer, CustomerForm(name_th="มีอยู่แล้ว", phone="0811111111"), actor=SYSTEM).result
        registrations = [_good(n) for n in range(1, 6)]
        consents = change.pop("consents", None)
        branch = change.pop("branch_id", None)
        bad = registrations[bad_row - 1]
        registrations[bad_row - 1] = Registration(bad.form.with_changes(**change), consents or bad.consents,
                                                  branch_id=branch)
        before = _tables(path)
        with pytest.raises(RegistrationRefused) as refused:
            t.run(register_customers, registrations, actor=SYSTEM)
        assert _tables(path) == before
    assert refused.value.row == bad_row
    assert refused.value.field == field
    assert refused.value.render().startswith(message)
    if isinstance(refused.value.error, DuplicatePhone) and "belongs" in message:
        assert refused.value.error.existing_customer_id == existing


def test_refusal_reads_in_thai() -> None:
    thai = {
        "Customer {row} of the list: {message}": "ลูกค้ารายที่ {row} ในรายการ: {message}",
        "{phone} is also the phone of customer {other} of the list": "เบอร์ {phone} ซ้ำกับลูกค้ารายที่ {other} ในรายการ",
    }
    inner = BadInput(QT_TRANSLATE_NOOP("errors", "{phone} is also the phone of customer {other} of the list"),
                     phone="082-000-0001", other=1)
    refused = RegistrationRefused(4, inner)
    assert refused.render(lambda _c, text: thai.get(text, text)) == (
        "ลูกค้ารายที่ 4 ในรายการ: เบอร์ 082-000-0001 ซ้ำกับลูกค้ารายที่ 1 ในรายการ"
    )


def test_registering_needs_the_edit_permission(staffed: Staffed) -> None:
    t = staffed.terminal
    with pytest.raises(PermissionDenied):
        t.run(register_customers, [_good(1), _good(2)], actor=staffed.beautician)
    assert t.read(svc.count_customers) == 0
    ids = t.run(register_customers, [_good(1), Registration(_good(2).form, check_in=True)], actor=staffed.front_desk).result
    assert t.read(svc.count_customers) == 2
    # The second one is checked in today, the first one is not.
    with pytest.raises(AlreadyCheckedIn):
        t.run(svc.check_in, ids[1], actor=staffed.front_desk)
    t.run(svc.check_in, ids[0], actor=staffed.front_desk)
