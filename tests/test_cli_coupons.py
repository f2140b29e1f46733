"""``bnaura coupons generate`` and ``bnaura coupons check`` as a manager runs them."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import read_coupon_code
from bnaura_desk.services import catalog
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.terminal import Terminal

from .test_cli import REPO, assert_user_error, bnaura, in_process, make_db  # noqa: F401  (a fixture)

Run = Callable[..., subprocess.CompletedProcess[str]]


def _rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows Thai
    return list(csv.DictReader(data.decode("utf-8-sig").splitlines()))


def test_help_of_the_coupon_commands_exits_0() -> None:
    for args in (["coupons", "--help"], ["coupons", "generate", "--help"], ["coupons", "check", "--help"]):
        result = subprocess.run([sys.executable, "-m", "bnaura_desk.cli", *args], check=False, cwd=REPO,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: bnaura coupons")


def test_generate_a_campaign_then_check_its_codes(tmp_path: Path, in_process: Run) -> None:  # noqa: F811
    db = make_db(tmp_path / "t.sqlite")
    out = tmp_path / "songkran.csv"
    result = in_process("coupons", "generate", "--campaign", "สงกรานต์ 2570", "--count", "250", "--percent", "10",
                        "--valid-until", "31/01/2590", "--min-spend", "1,500", "--per-customer", "1",
                        "--out", out, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "generated 250 codes" in result.stdout
    rows = _rows(out)
    assert len(rows) == len({r["code"] for r in rows}) == 250
    assert all(read_coupon_code(r["code"])[1] is None for r in rows)
    first = rows[0]
    assert (first["campaign"], first["percent"], first["valid_until"], first["min_spend_baht"], first["state"]) == (
        "สงกรานต์ 2570", "10", "2047-01-31", "1500.00", "active")

    checked = in_process("coupons", "check", first["code_display"].lower(), "--db", db)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == "Valid: 10 % off, until 31 Jan 2047, minimum ฿1,500"

    # A code with its last two characters swapped is mistyped, not unknown.
    code = first["code"]
    swapped = code[:-2] + code[-1] + code[-2]
    if swapped != code:
        assert_user_error(in_process("coupons", "check", swapped, "--db", db), "is mistyped")
    assert_user_error(in_process("coupons", "check", "NOPE", "--db", db), "There is no coupon NOPE")


def test_thai_messages_a_free_item_and_bad_options(tmp_path: Path) -> None:
    db = make_db(tmp_path / "t.sqlite")
    with Terminal.open(db) as t:
        t.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="มาส์กหน้าพรีเมียม", price_satang=59_000,
                                            sku="PREMIUM-MASK"), actor=SYSTEM)
    out = tmp_path / "mask.csv"
    made = bnaura("coupons", "generate", "--campaign", "แจกมาส์ก", "--count", "3", "--free", "premium-mask",
                  "--valid-from", "2090-01-01", "--out", out, "--db", db)
    assert made.returncode == 0, made.stderr
    code = _rows(out)[0]["code_display"]
    later = bnaura("coupons", "check", code, "--db", db, env={"BNAURA_LANG": "th"})
    assert_user_error(later, f"คูปอง {code} เริ่มใช้ได้ 1 ม.ค. 2633")

    assert_user_error(bnaura("coupons", "generate", "--campaign", "x", "--count", "2", "--free", "NO-SUCH",
                             "--out", out, "--db", db), "The catalog has no item with SKU NO-SUCH")
    assert_user_error(bnaura("coupons", "generate", "--campaign", "x", "--count", "2", "--percent", "150",
                             "--out", out, "--db", db), "1 to 100 %")
    assert_user_error(bnaura("coupons", "generate", "--campaign", "x", "--count", "2", "--amount", "50",
                             "--valid-until", "32/13/2570", "--out", out, "--db", db), "is not a date")
    assert_user_error(bnaura("coupons", "check", "ABCD", "--db", tmp_path / "missing.sqlite"),
                      "There is no database at")


@pytest.mark.parametrize(
    "argv",
    [
        ["coupons"],
        ["coupons", "generate", "--campaign", "x", "--count", "2", "--out", "x.csv"],
        ["coupons", "generate", "--campaign", "x", "--count", "2", "--percent", "5", "--amount", "5", "--out", "x"],
        ["coupons", "check"],
    ],
)
def test_coupon_usage_errors_exit_2(argv: list[str]) -> None:
    from bnaura_desk import cli

    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
