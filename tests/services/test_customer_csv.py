"""Customer CSV: decoding, row checks with line numbers, the import use case, export."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.customer import Channel, ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.customer_csv import (
    BOM,
    COLUMNS,
    RowProblem,
    decode_csv,
    export_customers,
    import_customers,
    parse_customers_csv,
    phone_conflicts,
)
from bnaura_desk.store.models import AuditEntry, ConsentEvent, Customer, OutboxOperation
from bnaura_desk.terminal import Terminal

TODAY = date(2026, 11, 23)


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_customers_csv(text, today=TODAY, source="in.csv")


def messages(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.render() for p in result.problems]


# ---------------------------------------------------------------- decoding


def test_decode_strips_the_bom_and_accepts_plain_utf8() -> None:
    text = "name_th,phone\r\nสมหญิง,0812345678\r\n"
    assert decode_csv((BOM + text).encode(), "a.csv") == text
    assert decode_csv(text.encode(), "a.csv") == text


def test_thai_windows_874_is_refused_and_named() -> None:
    data = "name_th,phone\r\nสมหญิง,0812345678\r\n".encode("cp874")
    with pytest.raises(BadInput) as info:
        decode_csv(data, "thai.csv")
    message = info.value.render()
    assert message.startswith("thai.csv is not UTF-8")
    assert "Windows-874/TIS-620" in message
    assert "CSV UTF-8" in message


def test_other_non_utf8_is_refused_without_guessing_thai() -> None:
    with pytest.raises(BadInput) as info:
        decode_csv("name_en,phone\nJosé,0812345678\n".encode("latin-1"), "x.csv")
    assert "Windows-874" not in info.value.render()
    assert "x.csv is not UTF-8" in info.value.render()


# ---------------------------------------------------------------- parsing


def test_columns_in_any_order_with_every_field() -> None:
    text = (
        "phone,consent_marketing,name_en,name_th,birthday,gender,channels,quiet_start,quiet_end,"
        "opted_out,consent_treatment_records,email,line_id,nickname,skin_notes,referral_code,created_at\n"
        "081-234-5678,no,Somying,สมหญิง,1990-02-14,female,line email,21:00,08:00,no,yes,"
        "A@Example.com,@clinic.th,หญิง,oily skin,IGNORED123,2020-01-01T00:00:00+07:00\n"
    )
    result = parse(text)
    assert result.problems == []
    (row,) = result.rows
    assert row.line == 2
    assert row.phone == "+66812345678"
    assert row.form.name_th == "สมหญิง" and row.form.name_en == "Somying"
    assert row.form.birthday == date(1990, 2, 14)
    assert row.form.gender is Gender.FEMALE
    assert row.form.channels == (Channel.LINE, Channel.EMAIL)
    assert (row.form.quiet_start, row.form.quiet_end) == (time(21, 0), time(8, 0))
    assert row.consents == {ConsentPurpose.TREATMENT_RECORDS: True, ConsentPurpose.MARKETING: False}


def test_missing_optional_columns_take_the_registration_defaults() -> None:
    (row,) = parse("name_en,phone\nAnn,0899999999\n").rows
    assert row.form.channels == CustomerForm().channels
    assert row.consents == {}
    assert row.form.opted_out is False


def test_each_bad_row_is_reported_with_its_physical_line() -> None:
    text = (
        "name_th,phone,birthday,skin_notes\n"  # 1
        "สมหญิง,0812345678,,\n"  # 2 good
        "\n"  # 3 blank: skipped
        ",0812345679,,\n"  # 4 no name
        'มานี,0812345670,,"two\nline note"\n'  # 5-6 good, spans two lines
        "ชูใจ,12345,,\n"  # 7 bad phone
        "ปิติ,0812345671,31/02/2000,\n"  # 8 bad date
    )
    result = parse(text)
    assert [r.line for r in result.good_rows] == [2, 5]
    assert result.bad_lines == [4, 7, 8]
    msgs = messages(result)
    assert msgs[0] == "line 4: Enter the customer's name in Thai or in English"
    assert msgs[1].startswith("line 7: 12345 is not a Thai mobile number")
    assert msgs[2] == "line 8: 31/02/2000 is not a date; write it as yyyy-mm-dd"


def test_duplicate_phone_in_the_file_names_both_lines() -> None:
    text = "name_en,phone\nA,0812345678\nB,0898765432\nC,+66 81 234 5678\n"
    result = parse(text)
    assert result.bad_lines == [2, 4]
    assert messages(result) == [
        "line 2: 081-234-5678 is also on line 4",
        "line 4: 081-234-5678 is also on line 2",
    ]
    assert [r.line for r in result.good_rows] == [3]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "is empty"),
        ("\n\n", "is empty"),
        ("name_th,phone,shoe_size\n", "unknown columns: shoe_size"),
        ("name_th,phone,Phone\n", "the column phone twice"),
        ("name_th,email\n", "needs a phone column"),
        ("nickname,phone\n", "needs a phone column and a name_th or name_en column"),
    ],
)
def test_file_level_problems(text: str, needle: str) -> None:
    with pytest.raises(BadInput) as info:
        parse(text)
    assert needle in info.value.render()
    assert "in.csv" in info.value.render()


def test_value_parsers_report_what_is_wrong() -> None:
    text = (
        "name_en,phone,gender,channels,quiet_start,quiet_end,opted_out,consent_marketing\n"
        "A,0810000001,robot,,,,,\n"
        "B,0810000002,,fax,,,,\n"
        "C,0810000003,,,25:00,08:00,,\n"
        "D,0810000004,,,21:00,,,\n"
        "E,0810000005,,,,,maybe,\n"
        "F,0810000006,,,,,,perhaps\n"
        "G,0810000007,,sms,,,,,,extra\n"
    )
    msgs = messages(parse(text))
    assert msgs == [
        "line 2: robot is not a gender (female, male, other or unspecified)",
        "line 3: fax is not a contact channel (sms, line, email, in_app or call)",
        "line 4: 25:00 in quiet_start is not a time of day; write it as hh:mm",
        "line 5: Quiet hours need both a start and an end",
        "line 6: maybe in opted_out is not yes or no",
        "line 7: perhaps in consent_marketing is not yes or no",
        "line 8: This row has 10 values but the header has 8 columns",
    ]


def test_excel_resaved_values_are_understood() -> None:
    # Excel in a Thai locale re-saves ISO dates as d/m/yyyy in the Buddhist
    # era, drops trailing empty cells and may add an empty unnamed column.
    text = "name_th;phone;birthday;;channels\nสมหญิง;081 234 5678;14/02/2533\nมานี;0812345679;1990-02-14;;sms\n"
    result = parse(text)
    assert result.problems == []
    assert [r.form.birthday for r in result.rows] == [date(1990, 2, 14)] * 2
    assert result.rows[0].form.channels == ()


def test_deleted_rows_from_an_include_deleted_export_are_refused() -> None:
    text = "name_en,phone,deleted_at\nA,0810000001,2026-01-01T10:00:00+07:00\nB,0810000002,\n"
    result = parse(text)
    assert result.bad_lines == [2]
    assert "was deleted" in messages(result)[0]


def test_row_problem_translates_its_inner_message() -> None:
    thai = {
        "line {line}: {message}": "บรรทัด {line}: {message}",
        "Phone number is required": "กรุณากรอกเบอร์โทรศัพท์",
    }
    (problem,) = parse("name_en,phone\nA,\n").problems
    assert isinstance(problem, RowProblem)
    assert problem.render(lambda ctx, s: thai.get(s, s)) == "บรรทัด 2: กรุณากรอกเบอร์โทรศัพท์"


# ---------------------------------------------------------------- database


def test_phone_conflicts_name_the_existing_customer(terminal: Terminal) -> None:
    terminal.run(
        customer_service.register_customer,
        CustomerForm(name_th="สมศรี", phone="0812345678"),
        actor=SYSTEM,
    )
    result = parse("name_en,phone\nA,0812345678\nB,0899999999\n")
    problems = terminal.read(phone_conflicts, result.good_rows)
    assert [p.render() for p in problems] == ["line 2: 081-234-5678 already belongs to สมศรี"]


def test_import_registers_each_row_with_audit_outbox_and_consents(terminal: Terminal) -> None:
    text = (
        "name_th,phone,consent_treatment_records,consent_marketing\n"
        "สมหญิง,0812345678,yes,no\n"
        "มานี,0812345679,,\n"
    )
    rows = parse(text).good_rows
    changes = terminal.run(import_customers, rows, actor=SYSTEM)
    ids = changes.result
    assert len(ids) == 2
    assert changes.ids(Kind.CUSTOMER) == frozenset(ids)

    def counts(session):  # type: ignore[no-untyped-def]
        return {
            "customers": session.scalar(select(func.count()).select_from(Customer)),
            "consents": session.scalar(select(func.count()).select_from(ConsentEvent)),
            "register_ops": session.scalar(
                select(func.count())
                .select_from(OutboxOperation)
                .where(OutboxOperation.type == "customer.register")
            ),
            "register_audit": session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "customer.register")
            ),
        }

    assert terminal.read(counts) == {
        "customers": 2,
        "consents": 2,
        "register_ops": 2,
        "register_audit": 2,
    }
    details = terminal.read(customer_service.get_customer, ids[0])
    assert details.form.name_th == "สมหญิง"
    assert {p: s.granted for p, s in details.consents.items()} == {
        ConsentPurpose.TREATMENT_RECORDS: True,
        ConsentPurpose.MARKETING: False,
    }


def test_import_is_all_or_nothing(terminal: Terminal) -> None:
    rows = parse("name_en,phone\nA,0810000001\nB,0810000002\n").good_rows
    # The second phone is taken after the file was checked.
    terminal.run(
        customer_service.register_customer,
        CustomerForm(name_en="Z", phone="0810000002"),
        actor=SYSTEM,
    )
    with pytest.raises(RowProblem) as info:
        terminal.run(import_customers, rows, actor=SYSTEM)
    assert info.value.render() == "line 3: 081-000-0002 already belongs to Z"
    assert terminal.read(customer_service.count_customers) == 1


def test_import_needs_the_import_permission(staffed) -> None:  # type: ignore[no-untyped-def]
    rows = parse("name_en,phone\nA,0810000001\n").good_rows
    with pytest.raises(PermissionDenied):
        staffed.terminal.run(import_customers, rows, actor=staffed.front_desk)
    assert staffed.terminal.run(import_customers, rows, actor=staffed.manager).result


# ---------------------------------------------------------------- export


def test_export_writes_bom_header_and_display_values_and_round_trips(terminal: Terminal) -> None:
    form = CustomerForm(
        name_th="สมหญิง ใจดี",
        name_en="Somying",
        nickname="=cmd",  # would run as a formula in Excel
        phone="+66812345678",
        email="s@example.com",
        line_id="@somying",
        birthday=date(1990, 2, 14),
        gender=Gender.FEMALE,
        skin_notes='- dry, "sensitive"\nno retinol',
        channels=(Channel.LINE,),
        quiet_start=time(21, 0),
        quiet_end=time(8, 0),
        opted_out=True,
    )
    cid = terminal.run(
        customer_service.register_customer, form, {ConsentPurpose.MARKETING: True}, actor=SYSTEM
    ).result
    gone = terminal.run(
        customer_service.register_customer,
        CustomerForm(name_en="Gone", phone="0899999999"),
        actor=SYSTEM,
    ).result
    terminal.run(customer_service.delete_customer, gone, actor=SYSTEM)

    out = io.StringIO(newline="")
    assert terminal.read(export_customers, out) == 1
    text = out.getvalue()
    assert text.startswith(BOM + ",".join(COLUMNS) + "\r\n")
    assert "081-234-5678" in text and "'=cmd" in text and "'@somying" in text
    assert "Gone" not in text
    referral = terminal.read(customer_service.get_customer, cid).referral_code
    assert f"{referral}," in text
    assert ",yes,,yes," in text  # opted_out, no treatment-records decision, marketing
    assert text.rstrip().endswith(",2026-11-23T10:00:00+07:00")  # created_at in Bangkok time

    (row,) = parse(text.removeprefix(BOM)).rows
    assert row.phone == "+66812345678"
    assert row.form.with_changes(phone=form.phone) == form  # the display phone reads back the same
    assert row.consents == {ConsentPurpose.MARKETING: True}

    everyone = io.StringIO(newline="")
    assert terminal.read(export_customers, everyone, include_deleted=True) == 2
    assert everyone.getvalue().splitlines()[0].endswith(",created_at,deleted_at")
