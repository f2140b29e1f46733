"""Checkout commit at the counter against a bare SQLite transaction, measured in the same run.

Usage::

    .venv/bin/python -m bench.checkout [--n 500] [--members 200] [--dir /some/disk/folder] [--json]

Interleaved sale by sale, in the same folder, with the same pragmas
(WAL, ``synchronous=FULL``, foreign keys, busy timeout: as the terminal
opens its database):

- ``terminal.run(counter.checkout, order)``: a typical sale, three lines
  (a VAT-exempt facial, a laser treatment, a serum from stock) for a member
  (tier discount, points earned, tier changes noted) with a campaign's
  10 % coupon, paid in cash with change: the sale, its lines, the payment,
  the coupon's use, the points, the stock move, the receipt's number,
  audit entries and outbox operations, in one ``BEGIN IMMEDIATE``
  transaction through SQLAlchemy. The cart is priced beforehand with
  ``counter.quote`` (what the screen shows) and not timed;
- ``bench.service_call.bare_transaction``: one row into each of three
  small tables in a fresh database.

Each sale is checked (the total quoted, the coupon's discount and the
points taken), so a fast wrong answer does not count. Both commit with an
fsync, so the disk sets the floor. Target: p50 ratio under 15×.
Exit status 1 when it is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from pathlib import Path

from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import catalog, counter, customers, shifts
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.coupons import generate_campaign
from bnaura_desk.terminal import Terminal

from ._common import machine, percentiles, table
from .service_call import bare_database, bare_transaction

TARGET_RATIO = 15.0
WARM_UP = 20


def set_up(terminal: Terminal, members: int, coupons: int) -> tuple[tuple[str, ...], list[str], list[str]]:
    """Stock the counter: three items, members, a 10 % campaign and an open shift; return cart, members, codes."""
    def item(form: ItemForm) -> str:
        return str(terminal.run(catalog.create_item, form, actor=SYSTEM).result)

    facial = item(ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", price_satang=150_000, vat_exempt=True,
                           duration_minutes=60))
    laser = item(ItemForm(kind=ItemKind.TREATMENT, name_th="เลเซอร์ลดฝ้า", price_satang=459_000, duration_minutes=45))
    serum = item(ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่มวิตามินซี", price_satang=89_000, sku="SER-1"))
    terminal.run(catalog.move_stock, serum, 100_000, StockReason.RECEIVED, actor=SYSTEM)
    ids = [str(terminal.run(customers.register_customer, CustomerForm(name_th=f"สมาชิก {i}", phone=f"08{i:08d}"),
                            actor=SYSTEM).result) for i in range(members)]
    codes = terminal.run(generate_campaign, "bench", coupons, CouponTerms(CouponKind.PERCENT, percent=10),
                         actor=SYSTEM).result
    terminal.run(shifts.open_shift, 200_000, actor=SYSTEM)
    return (facial, laser, serum), ids, list(codes)


def sale(terminal: Terminal, cart: tuple[str, ...], member: str, code: str) -> tuple[counter.Order, int]:
    """Return the order as the counter sends it (priced first, as the screen shows it) and its total."""
    lines = tuple(counter.OrderLine(item_id) for item_id in cart)
    priced = terminal.read(counter.quote, counter.Order(lines, (), customer_id=member, coupon_code=code),
                           terminal.clock()).priced
    total = priced.total_satang
    tendered = (total // 100_000 + 1) * 100_000  # the next ฿1,000 note up
    cash = (Tender(PaymentMethod.CASH, total, tendered_satang=tendered),)
    return counter.Order(lines, cash, customer_id=member, coupon_code=code), total


def run(folder: Path, n: int, members: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    terminal = Terminal.create(folder / "counter.sqlite", clinic_name="Bench", device_name="bench")
    bare = bare_database(folder / "bare.sqlite")
    try:
        cart, ids, codes = set_up(terminal, members, n + WARM_UP)
        ops_before = terminal.device().last_seq
        checkout_s: list[float] = []
        plain_s: list[float] = []
        for i in range(n + WARM_UP):  # the first WARM_UP of each are not counted
            order, total = sale(terminal, cart, rng.choice(ids), codes[i])
            started = time.perf_counter()
            done = terminal.run(counter.checkout, order, actor=SYSTEM).result
            elapsed = time.perf_counter() - started
            assert done.total_satang == total and done.points_earned > 0 and done.change_satang >= 0
            started = time.perf_counter()
            bare_transaction(bare, i)
            plain = time.perf_counter() - started
            if i >= WARM_UP:
                checkout_s.append(elapsed)
                plain_s.append(plain)
        pc, pb = percentiles(checkout_s), percentiles(plain_s)
        return {
            "rows": [("checkout: 3 lines, member, 10 % coupon, cash", pc),
                     ("bare sqlite3: 3 single-row inserts", pb)],
            "ratio_p50": pc["p50"] / pb["p50"],
            "ratio_p95": pc["p95"] / pb["p95"],
            # Each journaled row is one operation: what one sale writes besides the counter and the device row.
            "operations_per_sale": (terminal.device().last_seq - ops_before) / (n + WARM_UP),
        }
    finally:
        bare.close()
        terminal.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=500, help="timed checkouts (and bare transactions)")
    parser.add_argument("--members", type=int, default=200, help="members the sales go to")
    parser.add_argument("--dir", type=Path, help="folder for both databases (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bnaura-bench-", dir=args.dir) as folder:
        result = run(Path(folder), args.n, args.members, args.seed)
    facts = {"machine": machine(), "load_before": load_before, "load_after": os.getloadavg()}
    met = result["ratio_p50"] < TARGET_RATIO  # type: ignore[operator]
    if args.json:
        print(json.dumps({**result, **facts, "target_ratio": TARGET_RATIO}, ensure_ascii=False, indent=1))
    else:
        print(json.dumps(facts, ensure_ascii=False, indent=1))
        print(table(result["rows"]))  # type: ignore[arg-type]
        print(f"{result['operations_per_sale']:.1f} journaled rows (operations) per sale")
        print(f"ratio p50 {result['ratio_p50']:.2f}x, p95 {result['ratio_p95']:.2f}x "
              f"(target p50 < {TARGET_RATIO:.0f}x: {'met' if met else 'MISSED'})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
