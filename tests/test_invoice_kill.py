"""Kill -9 the terminal while it issues full tax invoices: the series keeps no gap and no number twice.

A child process (``tests/invoice_child.py``) issues a full tax invoice for
each receipt of a real terminal database, one transaction each; it is
killed with SIGKILL at a random moment, over and over. After every kill
the database is checked as the Revenue Department would: invoice numbers
1..N in order with the counter at N, one invoice per receipt, each with its
one outbox operation and audit entry, and every invoice the child said it
issued still there.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import branches, catalog, counter, shifts
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.terminal import Terminal

CHILD = Path(__file__).with_name("invoice_child.py")
SALES = 40
KILLS = 8
TIMEOUT_S = 30


def _shop(path: Path) -> None:
    with Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name="POS-1") as t:
        t.run(branches.update_branch, tax_id="0105561234567", address="999/9 ถนนพระราม 1", actor=SYSTEM)
        facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                    price_satang=150_000, duration_minutes=30), actor=SYSTEM).result
        t.run(shifts.open_shift, 0, actor=SYSTEM)
        for _ in range(SALES):
            t.run(counter.checkout, counter.Order((counter.OrderLine(facial),),
                                                  (Tender(PaymentMethod.TRANSFER, 150_000, reference="KB1"),)), actor=SYSTEM)


def _readline(stream: object, what: str) -> str:
    assert hasattr(stream, "readline")
    ready, _, _ = select.select([stream], [], [], TIMEOUT_S)
    assert ready, f"no {what} line from the child within {TIMEOUT_S} s"
    return str(stream.readline()).strip()


def _verify(path: Path, said: set[str]) -> int:
    """Check the invoices after a kill; return how many there are."""
    con = sqlite3.connect(path)
    try:
        con.execute("BEGIN")
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        rows = con.execute("SELECT id, seq, number, sale_id FROM tax_invoices ORDER BY seq").fetchall()
        assert [seq for _, seq, _, _ in rows] == list(range(1, len(rows) + 1)), "a gap or a number twice"
        assert all(number.endswith(f"-{seq:06d}") for _, seq, number, _ in rows)
        assert len({sale for _, _, _, sale in rows}) == len(rows), "a receipt replaced twice"
        last = con.execute("SELECT last_seq FROM document_counters WHERE kind = 'tax_invoice'").fetchone()
        assert (last[0] if last else 0) == len(rows), "the counter and the invoices disagree"
        for invoice_id, _, _, _ in rows:
            assert con.execute("SELECT count(*) FROM outbox WHERE type = 'tax_invoice.record' AND entity_id = ?",
                               (invoice_id,)).fetchone()[0] == 1
            assert con.execute("SELECT count(*) FROM audit_log WHERE action = 'tax_invoice.record' "
                               "AND entity_id = ?", (invoice_id,)).fetchone()[0] == 1
        assert said <= {number for _, _, number, _ in rows}, "an invoice the child issued was lost"
        return len(rows)
    finally:
        con.close()


@pytest.mark.slow
def test_kill_9_while_issuing_full_tax_invoices_leaves_no_gap(tmp_path: Path) -> None:
    rng = random.Random(os.environ.get("BNAURA_CRASH_SEED", str(time.time_ns())))
    path = tmp_path / "t.sqlite"
    _shop(path)
    said: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[1])}
    issued = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdout=subprocess.PIPE, text=True, env=env)
        try:
            assert child.stdout is not None
            assert _readline(child.stdout, "ready").startswith("ready")
            time.sleep(rng.uniform(0, 0.25))
            child.send_signal(signal.SIGKILL)
            child.wait(TIMEOUT_S)
            said.update(line.split()[1] for line in child.stdout.read().splitlines() if line.startswith("issued "))
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        issued = _verify(path, said)
        if issued == SALES:
            break
    assert issued > 0
