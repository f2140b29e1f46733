"""``bnaura loyalty expire`` and ``statement`` on real database files."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.loyalty_program import BANGKOK
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import loyalty
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.terminal import Terminal, utc_now

from .test_cli import assert_user_error, bnaura, in_process  # noqa: F401  (a fixture)

Run = Callable[..., subprocess.CompletedProcess[str]]


def _member_db(path: Path) -> tuple[Path, str]:
    """A terminal with a member born this month who has 80 points from 13 months ago; return it and her code."""
    month = utc_now().astimezone(BANGKOK).month
    with Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name="POS-1") as t:
        member = t.run(customer_service.register_customer, CustomerForm(
            name_th="สมหญิง ใจดี", phone="0812345678", birthday=date(1990, month, 1)), actor=SYSTEM).result
        now = t.clock
        t.clock = lambda: now() - timedelta(days=400)
        t.run(loyalty.adjust_points, member, 80, "แต้มจากระบบเดิม", actor=SYSTEM)
        t.clock = now
        t.run(loyalty.adjust_points, member, -30, "แลกของที่ระลึก", actor=SYSTEM)
        code = t.read(customer_service.get_customer, member).referral_code
    return path, code


def test_expire_runs_the_daily_jobs_once(tmp_path: Path) -> None:
    db, _ = _member_db(tmp_path / "t.sqlite")
    first = bnaura("loyalty", "expire", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "expired 1 lots of points" in first.stdout and "birthday points for 1 members" in first.stdout
    again = bnaura("loyalty", "expire", "--db", db)
    assert again.returncode == 0
    assert "expired 0 lots" in again.stdout and "birthday points for 0 members" in again.stdout
    assert "0 members changed tier" in again.stdout


def test_statement_by_phone_or_code_prints_balance_tier_and_lines(tmp_path: Path, in_process: Run) -> None:  # noqa: F811
    db, code = _member_db(tmp_path / "t.sqlite")
    assert in_process("loyalty", "expire", "--db", db).returncode == 0
    by_phone = in_process("loyalty", "statement", "081-234-5678", "--db", db)
    assert by_phone.returncode == 0, by_phone.stderr
    out = by_phone.stdout
    # The old 80 had expired when 30 were spent (from the welcome 100); then 100 for her birthday.
    assert "balance 170 points" in out and "tier bronze, 720 points to silver" in out
    assert "แลกของที่ระลึก" in out and "expired" in out and "-80" in out and "birthday" in out
    by_code = in_process("loyalty", "statement", f"{code[:4]}-{code[4:8]}-{code[8:]}".lower(), "--db", db)
    assert by_code.stdout == out


def test_statement_to_csv_opens_in_excel(tmp_path: Path, in_process: Run) -> None:  # noqa: F811
    db, _ = _member_db(tmp_path / "t.sqlite")
    target = tmp_path / "statement.csv"
    result = in_process("loyalty", "statement", "0812345678", "--csv", target, "--db", db)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfat,what,points,reason,expires_at,left")
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert [(r["what"], int(r["points"]), r["reason"]) for r in rows] == [
        ("adjustment", 80, "แต้มจากระบบเดิม"), ("welcome", 100, ""), ("adjustment", -30, "แลกของที่ระลึก")]
    assert datetime.fromisoformat(rows[0]["at"]).utcoffset() == timedelta(hours=7)


def test_statement_of_nobody_is_a_clear_error(tmp_path: Path) -> None:
    db, _ = _member_db(tmp_path / "t.sqlite")
    assert_user_error(bnaura("loyalty", "statement", "0899999999", "--db", db), "No customer has the phone 089-999-9999")
    assert_user_error(bnaura("loyalty", "statement", "ABCD-EFGH-JK", "--db", db), "has a typo")
    help_text = bnaura("loyalty", "statement", "--help")
    assert help_text.returncode == 0 and "PHONE|CODE" in help_text.stdout
