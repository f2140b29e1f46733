"""The databases a clinic has from the previous release open, migrate and sync.

``tests/fixtures/previous_release`` holds two terminals and their server as
the release in its ``manifest.json`` left them (made by its ``make.py``):
open exceptions on both terminals and two operations waiting in POS-1's
outbox. Each release's migrations must carry them forward with nothing
lost: the waiting operations reach the other terminal, the exceptions stay
open, the customers stay as they were.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from bnaura_desk.services.customers import get_customer
from bnaura_desk.services.setup import init_database
from bnaura_desk.services.sync_exceptions import ExceptionFilter, list_exceptions
from bnaura_desk.services.sync_state import pending_count
from bnaura_desk.store.models import Customer
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for

from .conftest import start_server

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "previous_release"


def _live_customers(terminal: Terminal) -> int:
    return int(
        terminal.read(
            lambda s: s.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None)))
        )
    )


def _moved_server(path: Path, url: str) -> None:
    # The server runs on another port in the test than when the files were
    # made: the clinic's server moved; only its address changes.
    with sqlite3.connect(path) as db:
        db.execute("UPDATE sync_state SET server_url = ?", (url,))


def test_the_previous_release_migrates_and_syncs_with_nothing_lost(tmp_path: Path) -> None:
    manifest = json.loads((FIXTURE / "manifest.json").read_text())
    for name in ("pos1", "pos2", "server"):
        shutil.copy(FIXTURE / f"{name}.sqlite", tmp_path / f"{name}.sqlite")
    server = start_server("sqlite", f"sqlite:///{tmp_path / 'server.sqlite'}", tmp_path)
    try:
        for name in ("pos1", "pos2"):
            _moved_server(tmp_path / f"{name}.sqlite", server.base_url)
            # This release's terminal migrations, as ``bnaura init`` runs them on each terminal.
            init_database(tmp_path / f"{name}.sqlite", backup_dir=tmp_path / "backups")
        with Terminal.open(tmp_path / "pos1.sqlite") as pos1, Terminal.open(tmp_path / "pos2.sqlite") as pos2:
            assert pos1.branch().id == manifest["clinic"]["id"]
            assert pos1.read(pending_count) == manifest["pos1"]["pending_operations"] == 2
            assert _live_customers(pos1) == manifest["pos1"]["live_customers"]

            with client_for(pos1) as client:
                sync_once(pos1, client)
            with client_for(pos2) as client:
                sync_once(pos2, client)

            assert pos1.read(pending_count) == 0
            # POS-1's offline registration and edit reached POS-2.
            assert _live_customers(pos2) == _live_customers(pos1) == manifest["pos1"]["live_customers"]
            edited = pos2.read(get_customer, manifest["edited_offline"])
            assert edited.form.line_id == "new.line.id"
            for terminal, name in ((pos1, "pos1"), (pos2, "pos2")):
                kinds = sorted(e.kind for e in terminal.read(list_exceptions, ExceptionFilter.OPEN))
                assert kinds == manifest[name]["open_exceptions"]
    finally:
        server.close()
