"""Customer use cases against a real SQLite terminal database."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.customer import (
    PROFILE_FIELDS,
    AlreadyCheckedIn,
    Channel,
    ConsentPurpose,
    CustomerForm,
)
from bnaura_desk.domain.errors import BadInput, DuplicatePhone, NotFound, PermissionDenied
from bnaura_desk.domain.referral import ALPHABET, display_code, normalise_code
from bnaura_desk.services import customers as svc
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import (
    AuditEntry,
    ConsentEvent,
    Customer,
    CustomerSearchTerm,
    OutboxOperation,
    Visit,
)
from bnaura_desk.terminal import Terminal
from tests.conftest import Staffed

SOMYING = CustomerForm(name_th="สมหญิง ใจดี", name_en="Somying Jaidee", nickname="หญิง", phone="081-234-5678")


def _counts(t: Terminal) -> tuple[int, ...]:
    def q(s: Any) -> tuple[int, ...]:
        return tuple(
            s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (AuditEntry, OutboxOperation, Customer, Visit, ConsentEvent, CustomerSearchTerm)
        )

    return t.read(q)


def _ops(t: Terminal, entity_id: str | None = None) -> list[OutboxOperation]:
    def q(s: Any) -> list[OutboxOperation]:
        stmt = select(OutboxOperation).order_by(OutboxOperation.seq)
        if entity_id is not None:
            stmt = stmt.where(OutboxOperation.entity_id == entity_id)
        return list(s.execute(stmt).scalars())

    return t.read(q)


def _audits(t: Terminal, action: str | None = None) -> list[AuditEntry]:
    def q(s: Any) -> list[AuditEntry]:
        stmt = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
        if action is not None:
            stmt = stmt.where(AuditEntry.action == action)
        return list(s.execute(stmt).scalars())

    return t.read(q)


def _row(t: Terminal, cid: str) -> Customer:
    return t.read(lambda s: s.get(Customer, cid))


def _refused_without_writing(t: Terminal, error: type[Exception], call: Callable[[], Any]) -> Exception:
    before = _counts(t)
    last_seq = t.device().last_seq
    with pytest.raises(error) as err:
        call()
    assert _counts(t) == before
    assert t.device().last_seq == last_seq
    return err.value


# ------------------------------------------------------------------ register


def test_register_writes_customer_audit_and_outbox_together(staffed: Staffed) -> None:
    t = staffed.terminal
    seq0 = t.device().last_seq
    changes = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk)
    cid = changes.result
    assert changes.ids(Kind.CUSTOMER) == {cid}

    row = _row(t, cid)
    assert row.phone == "+66812345678" and row.name_th == "สมหญิง ใจดี"
    assert row.chain_id == t.chain().id and row.registered_branch_id == t.branch().id
    assert row.created_at.tzinfo is not None and row.deleted_at is None
    assert len(row.referral_code) == 10 and normalise_code(row.referral_code) == row.referral_code

    # The registration, then the welcome points in the same transaction.
    op, welcome = _ops(t)[-2:]
    assert op.entity_id == cid and op.seq == seq0 + 1 and welcome.seq == seq0 + 2 == t.device().last_seq
    assert welcome.type == "points.record" and json.loads(welcome.payload)["record"]["customer_id"] == cid
    assert op.type == "customer.register" and op.device_id == t.device().device_id
    assert op.hlc == row.hlc
    payload = json.loads(op.payload)
    assert payload["format"] == 1
    assert payload["record"]["phone"] == "+66812345678"
    assert payload["record"]["referral_code"] == row.referral_code

    (audit,) = [a for a in _audits(t, "customer.register") if a.entity_id == cid]
    assert audit.op_seq == op.seq
    assert audit.actor_id == staffed.front_desk.staff_id
    assert audit.after["name_th"] == "สมหญิง ใจดี" and audit.before is None


def test_register_with_consents(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(
        svc.register_customer,
        SOMYING,
        {ConsentPurpose.TREATMENT_RECORDS: True, ConsentPurpose.MARKETING: False},
        actor=staffed.front_desk,
    ).result
    consents = t.read(svc.get_customer, cid).consents
    assert consents[ConsentPurpose.TREATMENT_RECORDS].granted is True
    assert consents[ConsentPurpose.MARKETING].granted is False
    assert consents[ConsentPurpose.TREATMENT_RECORDS].recorded_by_id == staffed.front_desk.staff_id
    assert [o.type for o in _ops(t)][-4:] == ["customer.register", "consent.record", "consent.record",
                                              "points.record"]


def test_referral_codes_are_unique_and_readable(terminal: Terminal) -> None:
    codes = set()
    for i in range(40):
        cid = terminal.run(
            svc.register_customer, CustomerForm(name_en=f"C{i}", phone=f"08{i:08d}"), actor=SYSTEM
        ).result
        codes.add(_row(terminal, cid).referral_code)
    assert len(codes) == 40
    tag = terminal.device().referral_tag
    assert all(c.startswith(tag) and set(c) <= set(ALPHABET) for c in codes)
    assert terminal.device().referral_counter == 40


@pytest.mark.parametrize("typed", ["0812345678", "+66 81 234 5678", "(081) 234-5678", "66812345678"])
def test_duplicate_phone_in_any_format_names_the_existing_customer(staffed: Staffed, typed: str) -> None:
    t = staffed.terminal
    first = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    err = _refused_without_writing(
        t,
        DuplicatePhone,
        lambda: t.run(svc.register_customer, CustomerForm(name_en="Other", phone=typed), actor=staffed.front_desk),
    )
    assert isinstance(err, DuplicatePhone)
    assert err.existing_customer_id == first
    assert err.field == "phone"
    assert "081-234-5678" in str(err) and "สมหญิง ใจดี" in str(err)
    assert t.read(svc.find_by_phone, "+66812345678") == first


def test_a_deleted_customers_phone_can_be_reused(staffed: Staffed) -> None:
    t = staffed.terminal
    first = t.run(svc.register_customer, SOMYING, actor=staffed.owner).result
    t.run(svc.delete_customer, first, actor=staffed.owner)
    second = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    assert second != first
    assert t.read(svc.find_by_phone, "+66812345678") == second


@pytest.mark.parametrize(
    "form, field",
    [
        (CustomerForm(phone="0812345678"), "name_th"),
        (SOMYING.with_changes(phone="02-123-4567"), "phone"),
        (SOMYING.with_changes(phone="0812abc678"), "phone"),
        (SOMYING.with_changes(birthday=date(2026, 11, 24)), "birthday"),  # clinic's today is 2026-11-23
        (SOMYING.with_changes(email="somying@"), "email"),
    ],
)
def test_bad_input_changes_nothing(staffed: Staffed, form: CustomerForm, field: str) -> None:
    t = staffed.terminal
    err = _refused_without_writing(
        t, BadInput, lambda: t.run(svc.register_customer, form, actor=staffed.front_desk)
    )
    assert isinstance(err, BadInput) and err.field == field
    assert t.device().referral_counter == 0  # no code was used up


def test_birthday_uses_the_clinic_date_in_bangkok(terminal: Terminal, clock: Any) -> None:
    # 2026-11-23 18:00 UTC is already 2026-11-24 01:00 in Bangkok.
    clock.advance(hours=15)
    cid = terminal.run(svc.register_customer, SOMYING.with_changes(birthday=date(2026, 11, 24)), actor=SYSTEM).result
    assert _row(terminal, cid).birthday == date(2026, 11, 24)


# ------------------------------------------------------------------ update


def test_update_writes_only_the_changed_fields(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    form = t.read(svc.get_customer, cid).form
    changes = t.run(
        svc.update_customer, cid, form.with_changes(nickname="ยิ้ง", email="YING@example.com"), actor=staffed.sales
    )
    assert changes.ids(Kind.CUSTOMER) == {cid}
    op = _ops(t, cid)[-1]
    assert op.type == "customer.update"
    assert json.loads(op.payload) == {"format": 1, "fields": {"nickname": "ยิ้ง", "email": "ying@example.com"}}
    row = _row(t, cid)
    registered = _ops(t, cid)[0].hlc
    clocks = field_clocks.expand(row.field_clocks, row.hlc, PROFILE_FIELDS)
    assert {f for f, c in clocks.items() if c == op.hlc} == {"nickname", "email"}
    assert {c for f, c in clocks.items() if f not in ("nickname", "email")} == {registered}
    assert row.hlc == op.hlc
    # Compact: the register clock once for the untouched fields, the edit's for the two edited.
    assert row.field_clocks == {"*": registered, "nickname": op.hlc, "email": op.hlc}
    audit = _audits(t, "customer.update")[-1]
    assert audit.before == {"nickname": "หญิง", "email": ""}
    assert audit.after == {"nickname": "ยิ้ง", "email": "ying@example.com"}
    assert audit.op_seq == op.seq and audit.actor_id == staffed.sales.staff_id


def test_per_field_clocks_keep_the_latest_write_of_each_field(terminal: Terminal) -> None:
    cid = terminal.run(svc.register_customer, SOMYING, actor=SYSTEM).result
    form = terminal.read(svc.get_customer, cid).form
    terminal.run(svc.update_customer, cid, form.with_changes(nickname="A"), actor=SYSTEM)
    first = _ops(terminal, cid)[-1].hlc
    terminal.run(
        svc.update_customer, cid, form.with_changes(nickname="A", quiet_start=time(21), quiet_end=time(8)), actor=SYSTEM
    )
    second = _ops(terminal, cid)[-1].hlc
    assert second > first
    row = _row(terminal, cid)
    registered = _ops(terminal, cid)[0].hlc
    assert field_clocks.expand(row.field_clocks, row.hlc, ["nickname", "quiet_start", "quiet_end", "phone"]) == {
        "nickname": first, "quiet_start": second, "quiet_end": second, "phone": registered,
    }
    assert json.loads(_ops(terminal, cid)[-1].payload)["fields"] == {"quiet_start": "21:00", "quiet_end": "08:00"}


def test_saving_an_unchanged_form_writes_nothing(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    form = t.read(svc.get_customer, cid).form
    before = _counts(t)
    # The same values typed differently are the same values.
    same = form.with_changes(phone="+66 81 234 5678", name_th=" สมหญิง  ใจดี ")
    changes = t.run(svc.update_customer, cid, same, actor=staffed.front_desk)
    assert changes.empty and changes.result == cid
    assert _counts(t) == before


def test_saving_the_form_is_one_call_for_profile_and_changed_consents(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, {ConsentPurpose.MARKETING: True}, actor=staffed.front_desk).result
    form = t.read(svc.get_customer, cid).form
    seq0 = t.device().last_seq
    changes = t.run(
        svc.update_customer,
        cid,
        form.with_changes(nickname="ยิ้ง"),
        {
            ConsentPurpose.MARKETING: False,  # withdrawn
            ConsentPurpose.SKIN_SCAN_PHOTOS: True,  # given
            ConsentPurpose.TREATMENT_RECORDS: False,  # never asked, still not given: nothing to record
        },
        actor=staffed.front_desk,
    )
    assert changes.result == cid and changes.ids(Kind.CUSTOMER) == {cid}
    assert len(changes.ids(Kind.CONSENT)) == 2
    ops = [o for o in _ops(t) if o.seq > seq0]
    assert [o.type for o in ops] == ["customer.update", "consent.record", "consent.record"]
    assert [o.seq for o in ops] == [seq0 + 1, seq0 + 2, seq0 + 3]
    assert json.loads(ops[0].payload)["fields"] == {"nickname": "ยิ้ง"}
    recorded = {json.loads(o.payload)["record"]["purpose"]: json.loads(o.payload)["record"]["granted"] for o in ops[1:]}
    assert recorded == {"marketing": False, "skin_scan_photos": True}
    consents = t.read(svc.get_customer, cid).consents
    assert consents[ConsentPurpose.MARKETING].granted is False
    assert consents[ConsentPurpose.SKIN_SCAN_PHOTOS].granted is True
    assert ConsentPurpose.TREATMENT_RECORDS not in consents


def test_saving_only_consents_writes_no_profile_change(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    form = t.read(svc.get_customer, cid).form
    seq0 = t.device().last_seq
    t.run(svc.update_customer, cid, form, {ConsentPurpose.MARKETING: True}, actor=staffed.front_desk)
    assert [o.type for o in _ops(t) if o.seq > seq0] == ["consent.record"]
    before = _counts(t)
    # The same decision again is the current state: nothing is written.
    assert t.run(svc.update_customer, cid, form, {ConsentPurpose.MARKETING: True}, actor=staffed.front_desk).empty
    assert _counts(t) == before


def test_an_unknown_consent_purpose_leaves_the_profile_and_consents_unsaved(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    form = t.read(svc.get_customer, cid).form
    err = _refused_without_writing(
        t,
        BadInput,
        lambda: t.run(
            svc.update_customer,
            cid,
            form.with_changes(nickname="ยิ้ง"),
            {ConsentPurpose.MARKETING: True, "telepathy": True},
            actor=staffed.front_desk,
        ),
    )
    assert str(err) == "Unknown consent purpose telepathy"
    assert _row(t, cid).nickname == "หญิง"
    assert t.read(svc.get_customer, cid).consents == {}


def test_a_consent_failing_halfway_rolls_back_the_whole_form(staffed: Staffed, monkeypatch: pytest.MonkeyPatch) -> None:
    # The profile change and the first consent are already journaled when
    # the second consent fails (a disk error, a bug): the one transaction
    # takes all of it back, so the form is never half saved.
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    form = t.read(svc.get_customer, cid).form
    real_add = svc._add_consent
    calls: list[ConsentPurpose] = []

    def failing_second(ctx: Any, customer_id: str, purpose: ConsentPurpose, granted: bool, note: str) -> str:
        calls.append(purpose)
        if len(calls) == 2:
            raise RuntimeError("disk I/O error")
        return real_add(ctx, customer_id, purpose, granted, note)

    monkeypatch.setattr(svc, "_add_consent", failing_second)
    _refused_without_writing(
        t,
        RuntimeError,
        lambda: t.run(
            svc.update_customer,
            cid,
            form.with_changes(nickname="ยิ้ง", email="ying@example.com"),
            {ConsentPurpose.MARKETING: True, ConsentPurpose.SKIN_SCAN_PHOTOS: True},
            actor=staffed.front_desk,
        ),
    )
    assert len(calls) == 2  # it did fail halfway, after the profile and one consent
    row = _row(t, cid)
    assert (row.nickname, row.email) == ("หญิง", "")
    assert t.read(svc.get_customer, cid).consents == {}
    assert [o.type for o in _ops(t, cid)] == ["customer.register"]


def test_register_with_an_unknown_consent_purpose_writes_nothing(staffed: Staffed) -> None:
    t = staffed.terminal
    err = _refused_without_writing(
        t, BadInput, lambda: t.run(svc.register_customer, SOMYING, {"telepathy": True}, actor=staffed.front_desk)
    )
    assert str(err) == "Unknown consent purpose telepathy"


def test_update_to_another_customers_phone_is_refused(staffed: Staffed) -> None:
    t = staffed.terminal
    a = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    b = t.run(svc.register_customer, CustomerForm(name_en="Anna", phone="0898765432"), actor=staffed.front_desk).result
    form = t.read(svc.get_customer, b).form
    err = _refused_without_writing(
        t,
        DuplicatePhone,
        lambda: t.run(svc.update_customer, b, form.with_changes(phone="081 234 5678"), actor=staffed.front_desk),
    )
    assert isinstance(err, DuplicatePhone) and err.existing_customer_id == a
    assert _row(t, b).phone == "+66898765432"


def test_update_reindexes_search(terminal: Terminal) -> None:
    cid = terminal.run(svc.register_customer, SOMYING, actor=SYSTEM).result
    form = terminal.read(svc.get_customer, cid).form
    terminal.run(svc.update_customer, cid, form.with_changes(name_en="Mali Jaidee", phone="0991112222"), actor=SYSTEM)
    assert [h.id for h in terminal.read(svc.search_customers, "mali")] == [cid]
    assert terminal.read(svc.search_customers, "somying") == []
    assert [h.id for h in terminal.read(svc.search_customers, "099-111")] == [cid]
    assert terminal.read(svc.search_customers, "081-234") == []


# ------------------------------------------------------------------ delete


def test_delete_is_a_tombstone(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    t.run(svc.check_in, cid, actor=staffed.front_desk)
    changes = t.run(svc.delete_customer, cid, actor=staffed.manager)
    assert changes.ids(Kind.CUSTOMER) == {cid}
    row = _row(t, cid)
    assert row.deleted_at is not None  # the row stays for the ledgers
    op = _ops(t, cid)[-1]
    assert op.type == "customer.delete" and json.loads(op.payload) == {"format": 1}
    assert _audits(t, "customer.delete")[-1].op_seq == op.seq
    with pytest.raises(NotFound):
        t.read(svc.get_customer, cid)
    for q in ("สมหญิง", "somying", "081", "5678", row.referral_code):
        assert t.read(svc.search_customers, q) == []
    assert cid not in {h.id for h in t.read(svc.search_customers, "")}
    assert t.read(svc.count_customers) == 0
    for call in (
        lambda: t.run(svc.delete_customer, cid, actor=staffed.manager),
        lambda: t.run(svc.check_in, cid, actor=staffed.manager),
        lambda: t.run(svc.update_customer, cid, SOMYING, actor=staffed.manager),
        lambda: t.run(svc.record_consent, cid, ConsentPurpose.MARKETING, True, actor=staffed.manager),
    ):
        _refused_without_writing(t, NotFound, call)


def test_front_desk_may_not_delete(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    err = _refused_without_writing(t, PermissionDenied, lambda: t.run(svc.delete_customer, cid, actor=staffed.front_desk))
    assert "delete customers" in str(err)
    assert _row(t, cid).deleted_at is None


def test_beautician_may_check_in_but_not_register_or_edit(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    _refused_without_writing(
        t, PermissionDenied, lambda: t.run(svc.register_customer, CustomerForm(name_en="X", phone="0899999999"), actor=staffed.beautician)
    )
    _refused_without_writing(
        t, PermissionDenied, lambda: t.run(svc.update_customer, cid, SOMYING.with_changes(nickname="x"), actor=staffed.beautician)
    )
    _refused_without_writing(
        t, PermissionDenied, lambda: t.run(svc.record_consent, cid, ConsentPurpose.MARKETING, True, actor=staffed.beautician)
    )
    assert t.run(svc.check_in, cid, actor=staffed.beautician).result


# ------------------------------------------------------------------ check-in and consent


def test_check_in_records_a_visit(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    staffed.clock.advance(hours=2)
    changes = t.run(svc.check_in, cid, actor=staffed.front_desk)
    vid = changes.result
    assert changes.ids(Kind.VISIT) == {vid} and changes.ids(Kind.CUSTOMER) == {cid}
    details = t.read(svc.get_customer, cid)
    assert details.visit_count == 1
    assert details.last_visit_at is not None and details.last_visit_at > details.created_at
    visit = t.read(lambda s: s.get(Visit, vid))
    assert visit.staff_id == staffed.front_desk.staff_id and visit.device_id == t.device().device_id
    op = _ops(t, vid)[0]
    assert op.type == "visit.check_in" and json.loads(op.payload)["record"]["customer_id"] == cid
    staffed.clock.advance(days=1)
    t.run(svc.check_in, cid, actor=staffed.front_desk)
    assert t.read(svc.get_customer, cid).visit_count == 2


def test_a_second_check_in_the_same_bangkok_day_needs_a_confirmation(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    staffed.clock.advance(minutes=42)  # 10:42 in Bangkok
    t.run(svc.check_in, cid, actor=staffed.front_desk)
    staffed.clock.advance(minutes=5)
    err = _refused_without_writing(t, AlreadyCheckedIn, lambda: t.run(svc.check_in, cid, actor=staffed.beautician))
    assert isinstance(err, AlreadyCheckedIn)
    assert str(err) == "Already checked in today at 10:42"
    assert f"{err.checked_in_at.astimezone(svc.BANGKOK):%H:%M}" == "10:42"
    # The user said yes: the second visit is counted.
    assert t.run(svc.check_in, cid, again=True, actor=staffed.beautician).result
    assert t.read(svc.get_customer, cid).visit_count == 2
    # Late in the evening it is still the same day in Bangkok (16:59 UTC) ...
    staffed.clock.now = staffed.clock.now.replace(hour=16, minute=59)
    _refused_without_writing(t, AlreadyCheckedIn, lambda: t.run(svc.check_in, cid, actor=staffed.front_desk))
    # ... and after midnight in Bangkok (17:00 UTC) it is a new day.
    staffed.clock.now = staffed.clock.now.replace(hour=17, minute=0)
    t.run(svc.check_in, cid, actor=staffed.front_desk)
    assert t.read(svc.get_customer, cid).visit_count == 3


def test_another_customers_check_in_does_not_count(staffed: Staffed) -> None:
    t = staffed.terminal
    a = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    b = t.run(svc.register_customer, CustomerForm(name_en="Anna", phone="0898765432"), actor=staffed.front_desk).result
    t.run(svc.check_in, a, actor=staffed.front_desk)
    assert t.run(svc.check_in, b, actor=staffed.front_desk).result


def test_consent_given_then_withdrawn_with_one_call_each(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    given_id = t.run(svc.record_consent, cid, ConsentPurpose.SKIN_SCAN_PHOTOS, True, actor=staffed.front_desk).result
    state = t.read(svc.get_customer, cid).consents[ConsentPurpose.SKIN_SCAN_PHOTOS]
    assert state.granted and state.recorded_by_id == staffed.front_desk.staff_id and state.at is not None

    staffed.clock.advance(days=3)
    withdrawn = t.run(
        svc.record_consent, cid, ConsentPurpose.SKIN_SCAN_PHOTOS, False, "customer phoned", actor=staffed.sales
    )
    assert withdrawn.result != given_id and withdrawn.ids(Kind.CONSENT) == {withdrawn.result}
    state = t.read(svc.get_customer, cid).consents[ConsentPurpose.SKIN_SCAN_PHOTOS]
    assert not state.granted and state.recorded_by_id == staffed.sales.staff_id

    # Both decisions stay in the ledger, each with its operation and audit entry.
    events = t.read(lambda s: list(s.execute(select(ConsentEvent).order_by(ConsentEvent.hlc)).scalars()))
    assert [(e.granted, e.note) for e in events] == [(True, ""), (False, "customer phoned")]
    assert (events[1].at - events[0].at).days == 3
    for e in events:
        (op,) = _ops(t, e.id)
        assert op.type == "consent.record" and json.loads(op.payload)["record"]["purpose"] == "skin_scan_photos"
    assert len([a for a in _audits(t, "consent.record") if a.entity_id in {e.id for e in events}]) == 2


def test_recording_the_current_consent_again_writes_nothing(staffed: Staffed) -> None:
    t = staffed.terminal
    cid = t.run(svc.register_customer, SOMYING, actor=staffed.front_desk).result
    before = _counts(t)
    assert t.run(svc.record_consent, cid, ConsentPurpose.MARKETING, False, actor=staffed.front_desk).result is None
    assert _counts(t) == before
    t.run(svc.record_consent, cid, ConsentPurpose.MARKETING, True, actor=staffed.front_desk)
    before = _counts(t)
    assert t.run(svc.record_consent, cid, ConsentPurpose.MARKETING, True, actor=staffed.front_desk).result is None
    assert _counts(t) == before


def test_unknown_consent_purpose() -> None:
    assert svc.require_known_purpose("marketing") is ConsentPurpose.MARKETING
    with pytest.raises(BadInput, match="Unknown consent purpose"):
        svc.require_known_purpose("telepathy")


# ------------------------------------------------------------------ search


@pytest.fixture
def people(terminal: Terminal) -> dict[str, str]:
    forms = {
        "somying": CustomerForm(name_th="สมหญิง ใจดี", name_en="Somying Jaidee", nickname="หญิง", phone="081-234-5678"),
        "somchai": CustomerForm(name_th="สมชาย ใจเย็น", name_en="Somchai Jaiyen", nickname="ชาย", phone="081-234-5679"),
        "somsri": CustomerForm(name_th="สมศรี มีสุข", nickname="ศรี", phone="089-123-4081"),
        "anna": CustomerForm(name_en="Anna Smith-Jones", nickname="Ann", phone="062-081-2345"),
        "malee": CustomerForm(name_th="มาลี สมใจ", nickname="ลี", phone="095-555-0812"),
    }
    return {k: terminal.run(svc.register_customer, f, actor=SYSTEM).result for k, f in forms.items()}


def _search(t: Terminal, q: str) -> list[str]:
    return [h.id for h in t.read(svc.search_customers, q)]


def test_phone_search_exact_first_then_by_name(terminal: Terminal, people: dict[str, str]) -> None:
    assert _search(terminal, "081-234-5678") == [people["somying"]]
    assert _search(terminal, "081234567") == [people["somchai"], people["somying"]]  # by Thai name
    # "0812" starts two numbers and ends Malee's 095-555-0812.
    assert set(_search(terminal, "0812")) == {people["somying"], people["somchai"], people["malee"]}


def test_exact_term_outranks_name_order(terminal: Terminal) -> None:
    # "ก" sorts before "ฮ"; the customer whose word is exactly "นก" still comes first.
    a = terminal.run(svc.register_customer, CustomerForm(name_th="ก นกแก้ว", phone="0800000001"), actor=SYSTEM).result
    b = terminal.run(svc.register_customer, CustomerForm(name_th="ฮ นก", phone="0800000002"), actor=SYSTEM).result
    assert _search(terminal, "นก") == [b, a]
    assert _search(terminal, "นกแ") == [a]


@pytest.mark.parametrize(
    "query, who",
    [
        ("สม", {"somying", "somchai", "somsri", "malee"}),  # Thai prefix of a first or last name
        ("สมห", {"somying"}),
        ("ใจ", {"somying", "somchai"}),
        ("SOMY", {"somying"}),  # English, any case
        ("somchai jai", {"somchai"}),
        ("สม ใจ", {"somying", "somchai"}),  # every word starts one of the words
        ("สมหญิงใจ", {"somying"}),  # the full name typed without the space
        ("หญิง", {"somying"}),  # nickname
        ("ann", {"anna"}),
        ("jones", {"anna"}),
        ("081 234", {"somying", "somchai"}),  # phone digits, any format
        ("+6681234", {"somying", "somchai"}),
        ("+66 81 234 5678", {"somying"}),
        ("5678", {"somying"}),  # last four digits
        ("4081", {"somsri"}),
        ("062", {"anna"}),
        ("ไม่มีใคร", set()),
        ("zzz", set()),
    ],
)
def test_search_finds_what_staff_type(terminal: Terminal, people: dict[str, str], query: str, who: set[str]) -> None:
    assert set(_search(terminal, query)) == {people[w] for w in who}


def test_whole_word_matches_rank_first(terminal: Terminal, people: dict[str, str]) -> None:
    # "สมใจ" is Malee's whole last name, and a prefix of nobody's first name.
    assert _search(terminal, "สมใจ")[0] == people["malee"]
    extra = terminal.run(svc.register_customer, CustomerForm(name_th="สมใจนึก", phone="0861111111"), actor=SYSTEM).result
    assert _search(terminal, "สมใจ") == [people["malee"], extra]


def test_referral_code_any_way_it_is_typed(terminal: Terminal, people: dict[str, str]) -> None:
    code = _row(terminal, people["anna"]).referral_code
    for typed in (code, code.lower(), display_code(code), display_code(code).lower(), display_code(code).lower()[:7]):
        assert _search(terminal, typed)[0] == people["anna"], typed
    assert _search(terminal, code.lower()) == [people["anna"]]


def test_empty_query_lists_recent_customers(terminal: Terminal, people: dict[str, str], clock: Any) -> None:
    clock.advance(minutes=5)
    form = terminal.read(svc.get_customer, people["somsri"]).form
    terminal.run(svc.update_customer, people["somsri"], form.with_changes(nickname="ศรีศรี"), actor=SYSTEM)
    hits = _search(terminal, "   ")
    assert hits[0] == people["somsri"] and set(hits) == set(people.values())


def test_search_limit(terminal: Terminal, people: dict[str, str]) -> None:
    assert len(terminal.read(svc.search_customers, "สม", limit=2)) == 2


def test_search_hit_carries_display_fields(terminal: Terminal, people: dict[str, str]) -> None:
    (hit,) = terminal.read(svc.search_customers, "somying")
    assert (hit.name_th, hit.name_en, hit.nickname, hit.phone) == ("สมหญิง ใจดี", "Somying Jaidee", "หญิง", "+66812345678")


def test_channels_survive_the_round_trip(terminal: Terminal) -> None:
    form = SOMYING.with_changes(channels=(Channel.LINE, Channel.EMAIL), email="a@b.co", opted_out=True)
    cid = terminal.run(svc.register_customer, form, actor=SYSTEM).result
    back = terminal.read(svc.get_customer, cid).form
    assert back.channels == (Channel.LINE, Channel.EMAIL) and back.opted_out is True
    assert back.phone == "081-234-5678"


# ------------------------------------------------------------------ search with thousands of matches


@pytest.fixture
def walk_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every query take the path of a query with thousands of candidates."""
    monkeypatch.setattr(svc, "_MANY_CANDIDATES", 1)


@pytest.mark.parametrize(
    "query, who",
    [
        ("สม", {"somying", "somchai", "somsri", "malee"}),
        ("SOMY", {"somying"}),
        ("somchai jai", {"somchai"}),
        ("สม ใจ", {"somying", "somchai"}),
        ("081 234", {"somying", "somchai"}),
        ("5678", {"somying"}),
        ("0812", {"somying", "somchai", "malee"}),
        ("zzz", set()),
    ],
)
def test_many_candidates_path_finds_the_same(
    terminal: Terminal, people: dict[str, str], walk_the_index: None, query: str, who: set[str]
) -> None:
    hits = _search(terminal, query)
    assert len(hits) == len(set(hits))  # each customer once, however many terms matched
    assert set(hits) == {people[w] for w in who}


def test_many_candidates_path_ranks_exact_then_word_then_name(
    terminal: Terminal, people: dict[str, str], walk_the_index: None
) -> None:
    extra = terminal.run(svc.register_customer, CustomerForm(name_th="สมใจนึก", phone="0861111111"), actor=SYSTEM).result
    assert _search(terminal, "สมใจ") == [people["malee"], extra]
    # "สม": names that start with it first, by name (สมชาย < สมศรี < สมหญิง < สมใจนึก),
    # then Malee, whose surname สมใจ matched.
    assert _search(terminal, "สม") == [people["somchai"], people["somsri"], people["somying"], extra, people["malee"]]
    code = _row(terminal, people["anna"]).referral_code
    assert _search(terminal, display_code(code).lower()) == [people["anna"]]


def test_many_candidates_path_respects_the_limit(terminal: Terminal, walk_the_index: None) -> None:
    for i in range(30):
        terminal.run(
            svc.register_customer, CustomerForm(name_th=f"สมศักดิ์ ใจดี{i}", phone=f"0870000{i:03d}"), actor=SYSTEM
        )
    hits = terminal.read(svc.search_customers, "สม", limit=25)
    assert len(hits) == len({h.id for h in hits}) == 25
    # Every customer matches "สม" on two terms (the word and the joined name): still 25 distinct.
    assert len(terminal.read(svc.search_customers, "สมศ", limit=30)) == 30


def test_names_that_start_with_the_query_come_before_surname_matches(
    terminal: Terminal, people: dict[str, str]
) -> None:
    # Few candidates: the ranked SQL path. Malee's surname starts with "สม";
    # the customers whose first name does come first, by name.
    assert _search(terminal, "สม") == [people["somchai"], people["somsri"], people["somying"], people["malee"]]
    # English is matched case-insensitively on the name start too.
    assert _search(terminal, "SOM")[:1] == [people["somchai"]]


def test_many_candidates_phone_digits_list_numbers_that_start_with_them_first(
    terminal: Terminal, walk_the_index: None
) -> None:
    # Four digits or more match the start of a number and its end (the last
    # four digits a customer reads out): numbers that start with them come
    # first, in number order, then the numbers that end with them.
    starting = {
        terminal.run(svc.register_customer, CustomerForm(name_th=f"ก{i}", phone=f"08120000{i:02d}"), actor=SYSTEM).result: i
        for i in (7, 3, 11, 0, 5, 9)
    }
    ending = [
        terminal.run(svc.register_customer, CustomerForm(name_th=f"ข{i}", phone=f"06{i:02d}550812"), actor=SYSTEM).result
        for i in range(4)
    ]
    by_number = sorted(starting, key=starting.__getitem__)
    hits = _search(terminal, "0812")
    assert hits[:6] == by_number
    assert set(hits[6:]) == set(ending) and len(hits) == 10
    # A short list is the first of the same order.
    assert [h.id for h in terminal.read(svc.search_customers, "0812", limit=4)] == by_number[:4]
    assert [h.id for h in terminal.read(svc.search_customers, "0812", limit=8)][:6] == by_number
    # The last four digits alone: the numbers that end with them.
    assert set(_search(terminal, "550812")) == set(ending)
