"""Kill -9 the counter in the middle of checkouts and receipt printing; the books must still close.

A child process (``tests/checkout_child.py``) sells at a real terminal
database: random carts for walk-ins and members, campaign coupons, cash,
card, PromptPay, transfer, split payments and deposits, shifts closed and
opened; after each committed checkout it prints the receipt to a folder
and says the number. It is killed with SIGKILL at a random moment, over
and over. After every kill the database is opened again and checked as a
manager and the Revenue Department would check it:

- SQLite's integrity and foreign keys;
- the terminal's receipt numbers are 1..N in order, no gap, none twice
  (``sales.seq`` and the printed number), and the counter says N;
- every sale has its lines adding up to its total, its payments adding up
  to the total (or less, for a deposit with a due date), in its shift;
- every sale, line, payment, coupon use, points entry and stock move has
  its outbox operation with the same figures, and every operation exactly
  one audit entry (a gapless outbox up to ``device_state.last_seq``);
- coupon uses, purchase points and stock moves only for committed sales,
  each committed sale with exactly its own; stock moved exactly by the
  products sold;
- a closed shift expects its float plus the cash its sales took;
- no printed receipt, nor one a child said it printed, without its
  committed sale; no committed sale ever lost by a later kill.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.document_numbers import DocumentType, document_number
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import branches, catalog, customers, staff
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.coupons import generate_campaign
from bnaura_desk.terminal import Terminal
from tests.checkout_child import CAMPAIGN, change_shift, open_for_business, sell_once
from tests.test_crash_kill import Broken, _check, _readline

CHILD = Path(__file__).with_name("checkout_child.py")
REPO = CHILD.parents[1]
FILES = 3  # terminal databases, each killed round after round as its books grow
FORKED_KILLS = 110  # children forked by the fork server
SPAWNED_KILLS = 4  # children started as a fresh interpreter (imports, fonts and all)
# A checkout commits in tens of milliseconds and its receipt renders in about as long again; the first
# checkout of a child also compiles its statements. The window reaches well past a few of them.
MAX_DELAY_S = 0.4
SPAWNED_MAX_DELAY_S = 2.0
STOCK = 10_000  # pieces of each product received before the first sale
LEDGER_OPS = ("sale.record", "sale_line.record", "payment.record", "coupon.use", "stock.move", "points.record",
              "tier.change")


@dataclass
class Books:
    """What a terminal's database holds after a kill, as a manager would count it."""

    numbers: list[str]  # receipt numbers, in order
    ops: int
    printed: int  # receipts in the print folder
    members: int = 0  # sales to a member
    coupons: int = 0
    splits: int = 0  # sales paid in more than one way
    deposits: int = 0
    closed_shifts: int = 0
    methods: Counter[str] = field(default_factory=Counter)


def _rows(con: sqlite3.Connection, sql: str, *args: object) -> list[sqlite3.Row]:
    return con.execute(sql, args).fetchall()


def _ops(con: sqlite3.Connection) -> dict[str, dict[str, dict[str, object]]]:
    """Check the outbox and the audit log; return each ledger operation's record by type and entity id."""
    ops = _rows(con, "SELECT * FROM outbox ORDER BY seq")
    seqs = [op["seq"] for op in ops]
    _check(seqs == list(range(1, len(ops) + 1)), f"outbox sequence has a gap: {seqs[-5:]} of {len(ops)}")
    device = _rows(con, "SELECT * FROM device_state")[0]
    _check(device["last_seq"] == len(ops), f"last_seq {device['last_seq']} but {len(ops)} operations")
    audits = _rows(con, "SELECT * FROM audit_log")
    by_seq = {a["op_seq"]: a for a in audits if a["op_seq"] is not None}
    _check(len(by_seq) == len(audits), "an audit entry without its operation")
    _check(set(by_seq) == set(seqs), "an operation without exactly one audit entry")
    records: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for op in ops:
        audit = by_seq[op["seq"]]
        _check((audit["action"], audit["entity"], audit["entity_id"]) == (op["type"], op["entity"], op["entity_id"]),
               f"audit entry does not describe operation {op['seq']}")
        if op["type"] in LEDGER_OPS:
            _check(op["entity_id"] not in records[op["type"]], f"{op['type']} {op['entity_id']} recorded twice")
            records[op["type"]][op["entity_id"]] = json.loads(op["payload"])["record"]
    return records


def _journaled(records: dict[str, dict[str, object]], rows: list[sqlite3.Row], what: str,
               fields: tuple[str, ...]) -> None:
    """Each row has its operation with the same ``fields``, and each operation its row."""
    _check({r["id"] for r in rows} == set(records), f"{what} rows and their operations differ")
    for r in rows:
        record = records[r["id"]]
        _check(all(record[f] == r[f] for f in fields), f"{what} {r['id']} differs from its operation")


def verify(db: Path, prints: Path) -> Books:
    """Check every invariant of a terminal's books after a kill; return what they hold."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        con.execute("BEGIN")  # one snapshot for all the checks
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        _check(integrity == ["ok"], f"integrity_check: {integrity}")
        _check(_rows(con, "PRAGMA foreign_key_check") == [], "foreign_key_check failed")
        records = _ops(con)
        books = _numbers(con)
        sales = {s["id"]: s for s in _rows(con, "SELECT * FROM sales ORDER BY seq")}
        _journaled(records["sale.record"], list(sales.values()), "sale", ("number", "seq", "total_satang", "shift_id"))
        by_number = {s["number"]: s for s in sales.values()}
        _check_lines(con, sales, records)
        _check_payments(con, sales, records, books)
        _check_coupons(con, by_number, records, books)
        _check_points(con, sales, by_number, records)
        _check_stock(con, by_number, records)
        _check_shifts(con, sales, books)
        books.members = sum(1 for s in sales.values() if s["customer_id"] is not None)
        books.printed = _check_prints(prints, set(by_number))
        return books
    finally:
        con.close()


def _numbers(con: sqlite3.Connection) -> Books:
    """This terminal's receipts are numbered 1..N without a gap or a repeat, and its counter is at N."""
    device = _rows(con, "SELECT * FROM device_state")[0]
    code = _rows(con, "SELECT branch_code FROM branches WHERE id = ?", device["branch_id"])[0][0]
    sales = _rows(con, "SELECT seq, number, device_id FROM sales ORDER BY seq")
    _check(all(s["device_id"] == device["device_id"] for s in sales), "a sale of another terminal")
    seqs = [s["seq"] for s in sales]
    _check(seqs == list(range(1, len(sales) + 1)), f"receipt numbers have a gap or a repeat: {seqs[-5:]}")
    numbers = [s["number"] for s in sales]
    expected = [document_number(DocumentType.RECEIPT, code, device["referral_tag"], s) for s in seqs]
    _check(numbers == expected, "a receipt's printed number is not its place in the sequence")
    last = _rows(con, "SELECT last_seq FROM document_counters WHERE kind = ?", str(DocumentType.RECEIPT))
    _check((last[0][0] if last else 0) == len(sales), f"receipt counter at {last and last[0][0]}, {len(sales)} sales")
    return Books(numbers, int(device["last_seq"]), 0)


def _check_lines(con: sqlite3.Connection, sales: dict[str, sqlite3.Row],
                 records: dict[str, dict[str, dict[str, object]]]) -> None:
    lines = _rows(con, "SELECT * FROM sale_lines ORDER BY sale_id, line_no")
    _journaled(records["sale_line.record"], lines, "sale line", ("sale_id", "line_no", "item_id", "quantity", "net_satang"))
    by_sale: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for line in lines:
        by_sale[line["sale_id"]].append(line)
    for sale_id, sale in sales.items():
        mine = by_sale.get(sale_id, [])
        _check([li["line_no"] for li in mine] == list(range(1, len(mine) + 1)) and mine != [],
               f"sale {sale['number']} lost lines")
        _check(sum(li["net_satang"] for li in mine) == sale["total_satang"], f"lines of {sale['number']} != its total")
        _check(sum(li["original_satang"] for li in mine) == sale["subtotal_satang"], f"subtotal of {sale['number']}")
        _check(sale["vatable_satang"] + sale["exempt_satang"] == sale["total_satang"], f"VAT parts of {sale['number']}")


def _check_payments(con: sqlite3.Connection, sales: dict[str, sqlite3.Row],
                    records: dict[str, dict[str, dict[str, object]]], books: Books) -> None:
    payments = _rows(con, "SELECT * FROM payments")
    _journaled(records["payment.record"], payments, "payment", ("sale_id", "method", "amount_satang", "shift_id"))
    by_sale: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for p in payments:
        by_sale[p["sale_id"]].append(p)
        books.methods[p["method"]] += 1
    for sale_id, sale in sales.items():
        mine = by_sale.get(sale_id, [])
        paid = sum(p["amount_satang"] for p in mine)
        if sale["balance_due_on"] is None:
            _check(paid == sale["total_satang"], f"sale {sale['number']} paid {paid} of {sale['total_satang']}")
        else:
            _check(0 < paid < sale["total_satang"], f"deposit of {sale['number']}: paid {paid}")
            books.deposits += 1
        _check(all(p["shift_id"] == sale["shift_id"] for p in mine), f"a payment of {sale['number']} in another shift")
        books.splits += len(mine) > 1


def _committed(by_number: dict[str, sqlite3.Row], number: str, what: str) -> sqlite3.Row:
    """Return the committed sale ``number`` that ``what`` names."""
    sale = by_number.get(number)
    if sale is None:
        raise Broken(f"{what} {number}, a sale that was never committed")
    return sale


def _check_coupons(con: sqlite3.Connection, by_number: dict[str, sqlite3.Row],
                   records: dict[str, dict[str, dict[str, object]]], books: Books) -> None:
    uses = _rows(con, "SELECT u.*, c.code, c.usage_limit FROM coupon_uses u JOIN coupons c ON c.id = u.coupon_id")
    _journaled(records["coupon.use"], uses, "coupon use", ("coupon_id", "sale_ref", "discount_satang"))
    used: Counter[str] = Counter()
    for u in uses:
        sale = _committed(by_number, u["sale_ref"], f"coupon {u['code']} used by")
        _check((sale["coupon_code"], sale["coupon_discount_satang"]) == (u["code"], u["discount_satang"]),
               f"coupon use of {u['sale_ref']} differs from the sale")
        used[u["code"]] += 1
        _check(u["usage_limit"] is None or used[u["code"]] <= u["usage_limit"], f"coupon {u['code']} used too often")
    per_sale = Counter(u["sale_ref"] for u in uses)
    for number, sale in by_number.items():
        _check(per_sale[number] == (1 if sale["coupon_code"] else 0), f"sale {number} and its coupon use")
    books.coupons = len(uses)


def _check_points(con: sqlite3.Connection, sales: dict[str, sqlite3.Row], by_number: dict[str, sqlite3.Row],
                  records: dict[str, dict[str, dict[str, object]]]) -> None:
    _journaled(records["points.record"], _rows(con, "SELECT * FROM points_entries"), "points entry",
               ("customer_id", "points", "source", "reason"))
    # The tiers a sale's points reached, each change with its operation.
    _journaled(records["tier.change"], _rows(con, "SELECT * FROM tier_changes"), "tier change",
               ("customer_id", "from_tier", "to_tier"))
    entries = _rows(con, "SELECT * FROM points_entries WHERE source = 'purchase'")
    earned = Counter(e["reason"] for e in entries)
    for e in entries:
        sale = _committed(by_number, e["reason"], "points earned by")
        _check((e["customer_id"], e["points"]) == (sale["customer_id"], sale["points_earned"]),
               f"points of {e['reason']} differ from the sale")
    for sale in sales.values():
        owed = 1 if sale["customer_id"] is not None and sale["points_earned"] > 0 else 0
        _check(earned[sale["number"]] == owed, f"sale {sale['number']} earned points {earned[sale['number']]} times")


def _check_stock(con: sqlite3.Connection, by_number: dict[str, sqlite3.Row],
                 records: dict[str, dict[str, dict[str, object]]]) -> None:
    moves = _rows(con, "SELECT * FROM stock_movements")
    _journaled(records["stock.move"], moves, "stock move", ("item_id", "quantity", "reason", "note"))
    sold = Counter((m["note"], m["item_id"], -m["quantity"]) for m in moves if m["reason"] == "sold")
    _check(all(note in by_number for note, _, _ in sold), "stock moved by a sale that was never committed")
    lines = _rows(con, "SELECT s.number, l.item_id, l.quantity FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                       "WHERE l.kind = ?", str(ItemKind.PRODUCT))
    _check(sold == Counter((li["number"], li["item_id"], li["quantity"]) for li in lines),
           "stock did not move exactly by the products sold")
    for item in _rows(con, "SELECT id FROM catalog_items WHERE kind = ?", str(ItemKind.PRODUCT)):
        level = con.execute("SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE item_id = ?",
                            (item["id"],)).fetchone()[0]
        sold_here = sum(li["quantity"] for li in lines if li["item_id"] == item["id"])
        _check(level == STOCK - sold_here, f"stock of {item['id']} is {level}, {STOCK} received and {sold_here} sold")


def _check_shifts(con: sqlite3.Connection, sales: dict[str, sqlite3.Row], books: Books) -> None:
    shifts = {s["id"]: s for s in _rows(con, "SELECT * FROM shifts")}
    _check(sum(1 for s in shifts.values() if s["closed_at"] is None) <= 1, "two shifts open on one terminal")
    _check(all(s["shift_id"] in shifts for s in sales.values()), "a sale outside any shift")
    for shift in shifts.values():
        if shift["closed_at"] is None:
            continue
        cash = con.execute("SELECT coalesce(sum(amount_satang), 0) FROM payments WHERE shift_id = ? AND method = 'cash'",
                           (shift["id"],)).fetchone()[0]
        _check(shift["expected_satang"] == shift["float_satang"] + cash, f"shift {shift['id']} expected cash")
        counted = sum(int(v) * n for v, n in json.loads(shift["counted"]).items())
        _check(shift["counted_satang"] == counted, f"shift {shift['id']} counted cash")
        books.closed_shifts += 1


def _check_prints(prints: Path, committed: set[str]) -> int:
    """Every receipt in the print folder is of a committed sale; return how many were printed whole."""
    whole = 0
    for path in prints.iterdir():
        number = path.name.split(".", 1)[0]
        _check(number in committed, f"receipt {path.name} printed but its sale {number} was never committed")
        if path.suffix == ".pdf":
            body = path.read_bytes()
            _check(body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF"), f"{path.name} is not a whole PDF")
            whole += 1
    return whole


def new_shop(folder: Path, n: int) -> tuple[Path, Path]:
    """Return a set-up terminal database (branch tax id, a cashier, catalog, stock, members, coupons) and its print folder."""
    db, prints = folder / f"counter-{n}.sqlite", folder / f"prints-{n}"
    prints.mkdir()
    with Terminal.create(db, clinic_name="บีเอ็น ออร่า คลินิก", device_name=f"POS-{n}") as t:
        t.run(branches.update_branch, tax_id="0105561234567", address="999/9 ถนนพระราม 1 กรุงเทพฯ 10330", actor=SYSTEM)
        t.run(staff.create_staff, "น้องหน้าร้าน", Role.FRONT_DESK, "482615", actor=SYSTEM)
        facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                     price_satang=150_000, vat_exempt=True, duration_minutes=60),
                       actor=SYSTEM).result
        t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="เลเซอร์ลดฝ้า", price_satang=459_050,
                                            duration_minutes=45), actor=SYSTEM)
        t.run(catalog.create_item, ItemForm(kind=ItemKind.PACKAGE, name_th="คอร์สหน้าใส 5 ครั้ง", price_satang=600_000,
                                            vat_exempt=True, package_treatment_id=facial, package_sessions=5),
              actor=SYSTEM)
        for sku, name, price in (("SER-1", "เซรั่มวิตามินซี", 89_000), ("SUN-1", "กันแดด SPF50+", 45_025),
                                 ("MSK-1", "มาส์กหน้า", 12_900)):
            product = t.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th=name, price_satang=price,
                                                          sku=sku), actor=SYSTEM).result
            t.run(catalog.move_stock, product, STOCK, StockReason.RECEIVED, actor=SYSTEM)
        for i in range(6):
            t.run(customers.register_customer, CustomerForm(name_th=f"สมาชิก {i}", phone=f"08123456{i:02d}"),
                  actor=SYSTEM)
        t.run(generate_campaign, CAMPAIGN, 300, CouponTerms(CouponKind.PERCENT, percent=10), actor=SYSTEM)
        # Refused under ฿1,000: a child then sells the cart without it.
        t.run(generate_campaign, CAMPAIGN, 300, CouponTerms(CouponKind.AMOUNT, amount_satang=20_000,
                                                           min_spend_satang=100_000), actor=SYSTEM)
    return db, prints


@dataclass(frozen=True)
class Heard:
    """What a killed child said: the receipts it sold and printed, and what it was doing when it died."""

    sold: list[str]
    printed: list[str]
    moment: str  # "checkout" (in the checkout call), "printing" (committed, receipt not yet in the folder), "between"

    @classmethod
    def of(cls, lines: list[str]) -> Heard:
        last = lines[-1].split()[0] if lines else ""
        moment = {"selling": "checkout", "sold": "printing"}.get(last, "between")
        return cls([w.split()[1] for w in lines if w.startswith("sold ")],
                   [w.split()[1] for w in lines if w.startswith("printed ")], moment)


def _after_kill(db: Path, prints: Path, before: Books, heard: Heard, what: str) -> Books:
    """Verify the books after a kill against themselves, what they held before, and what the child said."""
    try:
        books = verify(db, prints)
        _check(books.numbers[:len(before.numbers)] == before.numbers, "a committed sale was lost")
        committed = set(books.numbers)
        for number in heard.sold:
            _check(number in committed, f"checkout returned {number}, a sale that was never committed")
        for number in heard.printed:
            _check(number in committed, f"the child printed {number}, a sale that was never committed")
            _check((prints / f"{number}.pdf").exists(), f"the child said it printed {number}, but it is not there")
    except Broken as broken:
        raise AssertionError(f"after {what} of {db.name}: {broken}") from None
    return books


def _receipt_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out


@pytest.mark.slow
def test_kill_9_during_checkout_and_printing_leaves_the_books_whole(tmp_path: Path) -> None:
    rng = random.Random(os.environ.get("BNAURA_CRASH_SEED", str(time.time_ns())))
    shops = [new_shop(tmp_path, n) for n in range(FILES)]
    books = {db: verify(db, prints) for db, prints in shops}
    started = time.monotonic()
    stderr_path = tmp_path / "child-stderr.txt"
    kills = 0
    sold: list[int] = []  # sales committed by each killed child
    moments: Counter[str] = Counter()  # what the children were doing when killed

    def settle(db: Path, prints: Path, lines: list[str], what: str) -> None:
        nonlocal kills
        kills += 1
        heard = Heard.of(lines)
        after = _after_kill(db, prints, books[db], heard, what)
        sold.append(len(after.numbers) - len(books[db].numbers))
        moments[heard.moment] += 1
        books[db] = after

    with stderr_path.open("w") as stderr:
        server = subprocess.Popen([sys.executable, str(CHILD), "--serve"], cwd=REPO, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=stderr, text=True, bufsize=1)
        assert server.stdin is not None and server.stdout is not None
        try:
            assert _readline(server.stdout, "serving") == "serving", stderr_path.read_text()
            for i in range(FORKED_KILLS):
                db, prints = shops[i % FILES]
                server.stdin.write(f"{db} {prints} {rng.randrange(2**32)}\n")
                server.stdin.flush()
                line = _readline(server.stdout, "ready")
                assert line.startswith("ready "), f"child failed to start: {line}\n{stderr_path.read_text()}"
                pid = int(line.split()[1])
                time.sleep(rng.uniform(0, MAX_DELAY_S))
                os.kill(pid, signal.SIGKILL)
                lines, status = _until_dead(server.stdout, pid)
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                    f"child {pid} ended by itself ({status}) before the kill:\n{stderr_path.read_text()}")
                settle(db, prints, lines, f"kill {kills + 1}")
        finally:
            server.stdin.close()
            server.wait(timeout=30)

        for i in range(SPAWNED_KILLS):
            db, prints = shops[i % FILES]
            child = subprocess.Popen([sys.executable, str(CHILD), str(db), str(prints), str(rng.randrange(2**32))],
                                     cwd=REPO, stdout=subprocess.PIPE, stderr=stderr, text=True)
            assert child.stdout is not None
            line = _readline(child.stdout, "ready")
            assert line == f"ready {child.pid}", f"child failed to start: {line}\n{stderr_path.read_text()}"
            time.sleep(rng.uniform(0, SPAWNED_MAX_DELAY_S))
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
            settle(db, prints, child.stdout.read().splitlines(), f"spawned kill {i + 1}")

    elapsed = time.monotonic() - started
    # The counter opens again after the last kill and goes on selling: the next number follows on.
    for db, prints in shops:
        _sell_once_more(db, prints, books[db])
    census = [books[db] for db, _ in shops]
    print(f"\n{kills} kills in {elapsed:.1f} s, {sum(1 for s in sold if s)} after a committed sale, "
          f"{dict(moments)} (killed in the checkout call, while printing, between); "
          f"{sum(len(b.numbers) for b in census)} sales, {sum(b.printed for b in census)} receipts printed, "
          f"{sum(b.members for b in census)} to members, {sum(b.coupons for b in census)} with a coupon, "
          f"{sum(b.splits for b in census)} split, {sum(b.deposits for b in census)} deposits, "
          f"{sum(b.closed_shifts for b in census)} shifts closed; payments "
          f"{dict(sum((b.methods for b in census), Counter()))}")
    assert kills >= 100
    # The kills landed among real work: most children had sold something, and every way of selling happened.
    assert sum(1 for s in sold if s) >= kills // 2
    assert moments["checkout"] >= kills // 10 and moments["printing"] >= kills // 10
    assert all(b.printed and b.members and b.coupons and b.splits for b in census)
    assert sum(b.deposits for b in census) and sum(b.closed_shifts for b in census)
    assert set(sum((b.methods for b in census), Counter())) == {"cash", "card", "promptpay", "transfer"}


def _until_dead(stdout: IO[str], pid: int) -> tuple[list[str], int]:
    """Read what a forked child said until the server reports its death; return its lines and its status."""
    said: list[str] = []
    while True:
        line = _readline(stdout, "dead")
        if not line.startswith("dead "):
            said.append(line)
            continue
        _, dead_pid, status = line.split()
        assert int(dead_pid) == pid, line
        return said, int(status)


def _sell_once_more(db: Path, prints: Path, books: Books) -> None:
    """Open the killed terminal as the app does and sell once more; the receipt reads back with its figures."""
    with Terminal.open(db) as t:
        number = sell_once(t, random.Random(0), open_for_business(t, random.Random(0)), prints)
    after = verify(db, prints)
    assert after.numbers == [*books.numbers, number]
    con = sqlite3.connect(db)
    total = con.execute("SELECT total_satang FROM sales WHERE number = ?", (number,)).fetchone()[0]
    con.close()
    text = _receipt_text(prints / f"{number}.pdf")
    assert number in text and format_baht(total, symbol=False) in text


def _books_to_break(folder: Path) -> tuple[Path, Path, Books]:
    """A terminal that sold 40 random carts (with a shift closed halfway) and printed their receipts."""
    db, prints = new_shop(folder, 0)
    rng = random.Random(7)
    with Terminal.open(db) as t:
        shop = open_for_business(t, rng)
        for i in range(40):
            if i == 20:
                change_shift(t, rng, shop.cashier)
            sell_once(t, rng, shop, prints)
    books = verify(db, prints)
    # What the breakages below need to find: sales to members, with coupons, split, a closed shift.
    assert len(books.numbers) == 40 and books.printed == 40
    assert books.members and books.coupons and books.splits and books.closed_shifts == 1
    return db, prints, books


def _sql(script: str) -> Callable[[Path, Path], None]:
    def breaking(db: Path, prints: Path) -> None:
        con = sqlite3.connect(db)
        con.executescript(script)
        con.close()
    return breaking


NEVER = "'R00000-XXXX-999999'"  # a receipt number no sale has


def _both(table: str, column: str, value: str, row: str) -> Callable[[Path, Path], None]:
    """Change a ledger row and its operation alike: what a bug writing the wrong thing would leave."""
    return _sql(
        f"DROP TRIGGER {table}_no_update; DROP TRIGGER outbox_frozen;"
        f" UPDATE outbox SET payload = json_set(payload, '$.record.{column}', (SELECT {value} FROM {table}"
        f" WHERE id = {row})) WHERE entity_id = {row};"
        f" UPDATE {table} SET {column} = {value} WHERE id = {row}")


def _stray_receipt(db: Path, prints: Path) -> None:
    """A receipt printed for a sale that rolled back (printed before the commit)."""
    last = max(prints.iterdir())
    shutil.copy(last, prints / last.name.replace(last.name[-10:-4], "000041"))


LAST_SALE = "(SELECT id FROM sales WHERE seq = (SELECT max(seq) FROM sales))"
# What a kill (or a bug) could leave, how a manager would put it, and what the checker must say.
BREAKAGES: list[tuple[str, str, Callable[[Path, Path], None]]] = [
    ("a number taken in a transaction of its own (the counter ahead)", "receipt counter at 41, 40 sales",
     _sql("UPDATE document_counters SET last_seq = last_seq + 1")),
    ("a receipt number given twice", "printed number is not its place",
     _sql("DROP TRIGGER sales_no_update; UPDATE sales SET number = (SELECT number FROM sales WHERE seq = 1)"
          " WHERE seq = 2")),
    ("a gap in the sequence", "gap or a repeat",
     _sql("DROP TRIGGER sales_no_update; UPDATE sales SET seq = seq + 1 WHERE seq = 40;"
          " UPDATE document_counters SET last_seq = 41")),
    ("the last sale lost with its lines and payments, its operations kept", "sale rows and their operations",
     _sql(f"DROP TRIGGER sales_no_delete; DROP TRIGGER sale_lines_no_delete; DROP TRIGGER payments_no_delete;"
          f" DROP TRIGGER course_credits_no_delete; DELETE FROM course_credits WHERE sale_id = {LAST_SALE};"
          f" DELETE FROM payments WHERE sale_id = {LAST_SALE}; DELETE FROM sale_lines WHERE sale_id = {LAST_SALE};"
          f" DELETE FROM sales WHERE id = {LAST_SALE}; UPDATE document_counters SET last_seq = 39")),
    ("a payment lost", "payment rows and their operations",
     _sql("DROP TRIGGER payments_no_delete; DELETE FROM payments WHERE id = (SELECT min(id) FROM payments)")),
    ("a sale line lost", "sale line rows and their operations",
     _sql("DROP TRIGGER sale_lines_no_delete; DELETE FROM sale_lines WHERE id = (SELECT max(id) FROM sale_lines)")),
    ("a coupon used by a sale that was never committed", "used by R00000-XXXX-999999, a sale that was never",
     _both("coupon_uses", "sale_ref", NEVER, "(SELECT min(id) FROM coupon_uses)")),
    ("points earned by a sale that was never committed", "points earned by R00000-XXXX-999999",
     _both("points_entries", "reason", NEVER, "(SELECT min(id) FROM points_entries WHERE source = 'purchase')")),
    ("stock moved by a sale that was never committed", "stock moved by a sale that was never committed",
     _both("stock_movements", "note", NEVER, "(SELECT min(id) FROM stock_movements WHERE reason = 'sold')")),
    ("a sale paid ฿1 short", r"paid \d+ of \d+",
     _both("payments", "amount_satang", "amount_satang - 100", "(SELECT min(id) FROM payments)")),
    ("a sale's lines not adding up to its total", "!= its total",
     _both("sale_lines", "net_satang", "net_satang + 100", "(SELECT min(id) FROM sale_lines)")),
    ("a tier change lost, its operation kept", "tier change rows and their operations",
     _sql("DROP TRIGGER tier_changes_no_delete; DELETE FROM tier_changes WHERE id = (SELECT max(id) FROM tier_changes)")),
    ("an operation lost in the middle", "outbox sequence has a gap",
     _sql("DROP TRIGGER outbox_no_delete; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE op_seq = 700;"
          " DELETE FROM outbox WHERE seq = 700")),
    ("a closed shift expecting other cash than its sales took", "expected cash",
     _sql("UPDATE shifts SET expected_satang = expected_satang + 2500 WHERE closed_at IS NOT NULL")),
    ("a receipt printed without its committed sale", "printed but its sale .* was never committed", _stray_receipt),
]


def test_the_checker_catches_what_a_manager_would(tmp_path: Path) -> None:
    db, prints, books = _books_to_break(tmp_path)
    for n, (what, says, breakage) in enumerate(BREAKAGES):
        copy, copy_prints = tmp_path / f"broken-{n}.sqlite", tmp_path / f"prints-broken-{n}"
        src, dst = sqlite3.connect(db), sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        shutil.copytree(prints, copy_prints)
        verify(copy, copy_prints)  # the copy is whole
        breakage(copy, copy_prints)
        with pytest.raises(Broken, match=says):
            verify(copy, copy_prints)
            pytest.fail(f"not caught: {what}")
    # And across kills: a committed sale that disappears, a receipt a child said it printed that is not there.
    with pytest.raises(AssertionError, match="lost"):
        _after_kill(db, prints, Books([*books.numbers, "R00000-XXXX-000041"], 0, 0), Heard([], [], ""), "a kill")
    with pytest.raises(AssertionError, match="never committed"):
        _after_kill(db, prints, books, Heard(["R00000-XXXX-000041"], [], ""), "a kill")
    with pytest.raises(AssertionError, match="never committed"):
        _after_kill(db, prints, books, Heard([], ["R00000-XXXX-000041"], ""), "a kill")
