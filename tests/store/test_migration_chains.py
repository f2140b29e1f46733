"""Migration 0008: a terminal of the previous release becomes a terminal of a chain of one branch.

The database is POS-1 of ``tests/fixtures/previous_release`` (customers,
visits, open exceptions, two operations not yet pushed), opened by this
app as a user would: the app upgrades it on start. Every row is still
there with the same id and values; the clinic is now the chain and its
one branch, both with the clinic's id.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from bnaura_desk.services.customers import get_customer
from bnaura_desk.services.sync_state import pending_count
from bnaura_desk.terminal import Terminal

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "previous_release" / "pos1.sqlite"
# Columns 0008 adds, with the value an old row gets.
ADDED = {
    "device_state": "branch_id",
    "customers": "registered_branch_id",
    "visits": "branch_id",
    "staff": "branch_ids",
}
# Columns later revisions added in place (0012: the device's coupon counter; 0022: catalog categories;
# 0028: catalog tags).
ADDED_LATER = frozenset({"coupon_counter", "category", "tags"})


def _tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        )]
        return {
            n: sorted((dict(r) for r in con.execute(f"SELECT * FROM {n}")), key=lambda r: repr(list(r.values())))
            for n in names
        }
    finally:
        con.close()


def _schema(path: Path, kind: str) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}
    finally:
        con.close()


def test_a_previous_release_terminal_keeps_every_row_and_id(tmp_path: Path) -> None:
    path = tmp_path / "pos1.sqlite"
    shutil.copy(FIXTURE, path)
    before = _tables(path)
    triggers = _schema(path, "trigger")
    assert before["customers"] and before["visits"] and before["sync_exceptions"]
    assert [r for r in before["outbox"] if r["outcome"] is None]

    with Terminal.open(path) as t:  # the app upgrades it on start
        clinic = before["clinics"][0]
        assert (t.chain().id, t.chain().name) == (clinic["id"], clinic["name_th"])
        branch = t.branch()
        assert (branch.id, branch.chain_id, branch.name_th, branch.name_en, branch.branch_code) == (
            clinic["id"], clinic["id"], clinic["name_th"], clinic["name_en"], clinic["branch_code"]
        )
        assert t.device().branch_id == t.device().chain_id == clinic["id"]
        assert t.read(pending_count) == 2
        # A visit from before branches shows the original clinic's branch.
        visited = before["visits"][0]["customer_id"]
        details = t.read(get_customer, visited)
        assert details.registered_at is not None and details.registered_at.name_th == clinic["name_th"]
        assert details.recent_visits and all(
            v.branch is not None and v.branch.name_th == clinic["name_th"] for v in details.recent_visits
        )

    after = _tables(path)
    assert "clinics" not in after
    for table, rows in before.items():
        if table == "clinics":
            continue
        added = ADDED.get(table)
        moved = [
            {("chain_id" if k == "clinic_id" else k): v for k, v in r.items()} for r in after_rows(after[table], added)
        ]
        expected = [{("chain_id" if k == "clinic_id" else k): v for k, v in r.items()} for r in rows]
        assert moved == expected, table
    assert {r["branch_id"] for r in after["device_state"]} == {clinic["id"]}
    assert {r["registered_branch_id"] for r in after["customers"]} == {None}
    assert {r["branch_id"] for r in after["visits"]} == {None}
    assert {r["branch_ids"] for r in after["staff"]} == {"[]"}
    # Triggers and foreign keys came along; they now name the chain.
    assert triggers <= _schema(path, "trigger")
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        referred = {r[2] for r in con.execute("PRAGMA foreign_key_list(customers)")}
        assert referred == {"chains", "branches"}
        outbox_trigger = con.execute("SELECT sql FROM sqlite_master WHERE name = 'outbox_frozen'").fetchone()[0]
        assert "chain_id" in outbox_trigger and "clinic_id" not in outbox_trigger
    finally:
        con.close()
    assert list((tmp_path / "backups").glob("pos1-*-0006.sqlite"))


def after_rows(rows: list[dict[str, Any]], added: str | None) -> list[dict[str, Any]]:
    """Return ``rows`` without the column 0008 added to their table."""
    return [{k: v for k, v in r.items() if k != added and k not in ADDED_LATER} for r in rows]
