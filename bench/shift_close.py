"""Closing a shift of 1,000 sales: the X report, ``close_shift`` with the cash counted, the Z report.

Usage::

    .venv/bin/python -m bench.shift_close [--sales 1000] [--runs 7] [--dir /some/disk/folder] [--json]

Builds once per run of the benchmark a terminal whose open shift holds
``--sales`` sales made through ``counter.checkout`` (one to three lines of
treatments and products, a third for members; cash with change, card,
PromptPay, transfer, and card + cash splits), then for each of ``--runs``
copies of it (SQLite's backup API) opens the terminal as the app does and
times ``terminal.run(shifts.close_shift, counted)``: the shift found, the
expected cash (the float plus the cash payments of the shift) computed,
the counted cash by denomination, the shift row, audit entry and outbox
operation, in one ``BEGIN IMMEDIATE`` transaction with its fsync. The
first call of each process is timed too (a fresh terminal, as on the
evening the shift closes). The expected cash is checked against a sum of
the raw payment rows.

Each timed close is what the cashier does in the evening: the X report of
the shift as a PDF, ``close_shift``, then the day's Z report as a PDF
(``services.sales_reports``, ``documents.sales_report``); the Z report's
receipts are checked against the sales made.

Target: under 2 s, X and Z reports included. Exit status 1 when missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from bnaura_desk.documents.sales_report import sales_report_pdf
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import counter, shifts
from bnaura_desk.services.branches import update_branch
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sales_reports import x_report, z_report
from bnaura_desk.terminal import Terminal

from ._common import copy_database, machine, percentiles, table
from .checkout import set_up

TARGET_S = 2.0
FLOAT_SATANG = 200_000


def _tenders(rng: random.Random, total: int) -> tuple[Tender, ...]:
    roll = rng.random()
    if roll < 0.45:
        return (Tender(PaymentMethod.CASH, total, tendered_satang=(total // 100_000 + 1) * 100_000),)
    if roll < 0.75:
        return (Tender(PaymentMethod.CARD, total, approval_code="A12345", card_last4="4242"),)
    if roll < 0.85:
        return (Tender(PaymentMethod.PROMPTPAY, total),)
    if roll < 0.9:
        return (Tender(PaymentMethod.TRANSFER, total, reference="KBANK 889123"),)
    card = total // 2
    return (Tender(PaymentMethod.CARD, card, approval_code="B67890", card_last4="1881"),
            Tender(PaymentMethod.CASH, total - card))


def build(path: Path, sales: int, seed: int) -> None:
    """Make a terminal at ``path`` with one open shift (float ฿2,000) of ``sales`` sales."""
    rng = random.Random(seed)
    with Terminal.create(path, clinic_name="Bench", device_name="bench") as terminal:
        items, members, _ = set_up(terminal, 100, 1)  # set_up opens the shift with a ฿2,000 float
        terminal.run(update_branch, tax_id="0105561234567", actor=SYSTEM)  # the reports name the seller
        for _ in range(sales):
            lines = tuple(counter.OrderLine(rng.choice(items), rng.choice((1, 1, 2))) for _ in range(rng.randint(1, 3)))
            member = rng.choice(members) if rng.random() < 0.33 else None
            order = counter.Order(lines, (), customer_id=member)
            total = terminal.read(counter.quote, order, terminal.clock()).priced.total_satang
            terminal.run(counter.checkout, counter.Order(lines, _tenders(rng, total), customer_id=member),
                         actor=SYSTEM)


def cash_in_drawer(path: Path) -> int:
    """The float plus the cash kept, summed from the raw rows (what close_shift must expect)."""
    con = sqlite3.connect(path)
    try:
        taken = con.execute("SELECT coalesce(sum(amount_satang), 0) FROM payments WHERE method = 'cash'").fetchone()[0]
        return FLOAT_SATANG + int(taken)
    finally:
        con.close()


def close_once(path: Path, counted: dict[int, int]) -> tuple[float, shifts.ShiftClosed, int]:
    """Open the terminal at ``path`` and time the evening: X report, closing the shift, Z report; return the Z's receipts too."""
    with Terminal.open(path) as terminal:
        started = time.perf_counter()
        now = terminal.clock()
        x_pdf = sales_report_pdf(terminal.read(x_report, now))
        closed = terminal.run(shifts.close_shift, counted, "ปิดกะเย็น", actor=SYSTEM).result
        day = terminal.read(z_report, bangkok_date(now), now)
        z_pdf = sales_report_pdf(day)
        elapsed = time.perf_counter() - started
        assert x_pdf.startswith(b"%PDF") and z_pdf.startswith(b"%PDF")
        return elapsed, closed, day.receipts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=7, help="copies closed, each in a freshly opened terminal")
    parser.add_argument("--dir", type=Path, help="folder for the databases (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bnaura-bench-", dir=args.dir) as folder:
        source = Path(folder) / "shift.sqlite"
        started = time.perf_counter()
        build(source, args.sales, args.seed)
        build_s = time.perf_counter() - started
        expected = cash_in_drawer(source)
        counted = {100_000: expected // 100_000}  # the drawer counted in ฿1,000 notes: a difference to record
        times: list[float] = []
        for run in range(args.runs):
            copy = copy_database(source, Path(folder) / f"close-{run}.sqlite")
            seconds, closed, receipts = close_once(copy, counted)
            assert receipts == args.sales, (receipts, args.sales)
            assert closed.expected_satang == expected, (closed.expected_satang, expected)
            assert closed.counted_satang == expected // 100_000 * 100_000
            times.append(seconds)
    p = percentiles(times)
    facts = {"machine": machine(), "load_before": load_before, "load_after": os.getloadavg(),
             "sales": args.sales, "build_s": round(build_s, 1), "expected_cash_satang": expected}
    met = p["max"] / 1000 < TARGET_S
    rows = [(f"X report + close_shift + Z report, {args.sales} sales (fresh terminal each run)", p)]
    if args.json:
        print(json.dumps({**facts, "rows": dict(rows), "target_s": TARGET_S}, ensure_ascii=False, indent=1))
    else:
        print(json.dumps(facts, ensure_ascii=False, indent=1))
        print(table(rows))
        print(f"target < {TARGET_S:.0f} s (X and Z reports included): "
              f"{'met' if met else 'NOT met'} (slowest {p['max']:.1f} ms)")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
