"""Child process for the checkout kill test: sells at the counter and prints receipts until it is killed.

``python tests/checkout_child.py DB PRINTS SEED``
    Open the terminal database ``DB`` (set up by
    ``tests/test_checkout_kill.py``), open a shift if none is open, print
    ``ready <pid>``, then sell forever: random carts of treatments,
    products and courses, some for a member, some with a campaign's coupon,
    paid in cash, by card, by PromptPay or transfer, split, now and then a
    deposit; now and then the shift is closed with its cash counted and a
    new one opened. After each committed checkout the receipt is "printed":
    ``receipt_pdf(receipt_document(...))`` is written to ``PRINTS/<number>.pdf``
    (through ``<number>.pdf.part`` and a rename, as a print queue would take
    a whole job). It says ``selling`` on stdout as each checkout starts,
    ``sold <number>`` when it committed and ``printed <number>`` when the
    receipt is in the folder.

``python tests/checkout_child.py --serve``
    A fork server (``crash_child.serve``): fonts, the Thai dictionary and
    every import are loaded once, then one child is forked per line
    ``DB PRINTS SEED`` read from stdin.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.documents import receipt_pdf, warm_up
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import THAI_DENOMINATIONS, PaymentMethod, Tender
from bnaura_desk.domain.pricing import PricedCart
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import counter, shifts
from bnaura_desk.services.context import Actor
from bnaura_desk.services.coupons import CouponRefused
from bnaura_desk.services.receipts import receipt_document
from bnaura_desk.store.models import CatalogItem, Coupon, CouponUse, Customer, Staff
from bnaura_desk.terminal import Terminal
from tests.crash_child import _say, serve

CAMPAIGN = "kill-test"  # the coupons the children may use (single-use, no minimum spend)
PERCENT_CLOSE_SHIFT = 3


class Shop:
    """What a child sells from and to: read once from the database it opens."""

    def __init__(self, session: Session) -> None:
        items = session.scalars(select(CatalogItem).where(CatalogItem.deleted_at.is_(None))).all()
        self.items = sorted(item.id for item in items)
        self.packages = frozenset(item.id for item in items if item.kind == "package")
        self.members = sorted(session.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))
        used = set(session.scalars(select(CouponUse.coupon_id)))
        self.coupons = sorted(c.code for c in session.scalars(select(Coupon).where(Coupon.campaign == CAMPAIGN))
                              if c.id not in used)
        cashier = session.scalars(select(Staff).where(Staff.role == str(Role.FRONT_DESK))).one()
        self.cashier = Actor(cashier.id, cashier.display_name, Role.FRONT_DESK)


def _order(rng: random.Random, shop: Shop) -> counter.Order:
    """Return a cart as the counter builds it, without its payments yet."""
    lines = tuple(counter.OrderLine(rng.choice(shop.items), rng.choice((1, 1, 1, 2, 3)))
                  for _ in range(rng.randint(1, 4)))
    member = rng.choice(shop.members) if rng.random() < 0.6 else None
    if member is None and any(line.item_id in shop.packages for line in lines):
        member = rng.choice(shop.members)  # a course is someone's: the counter asks whose before it sells one
    code = ""
    if shop.coupons and rng.random() < 0.3:
        # Taken off the list before the checkout: a coupon is never offered twice, used or not.
        code = shop.coupons.pop(rng.randrange(len(shop.coupons)))
    return counter.Order(lines, (), customer_id=member, coupon_code=code)


def _cash(amount: int, rng: random.Random) -> Tender:
    """Cash for ``amount``: the exact sum, or the next ฿100 or ฿1,000 up."""
    step = rng.choice((0, 10_000, 100_000))
    tendered = amount if step == 0 else (amount // step + 1) * step
    return Tender(PaymentMethod.CASH, amount, tendered_satang=tendered)


def _other(method: PaymentMethod, amount: int, rng: random.Random) -> Tender:
    if method is PaymentMethod.CARD:
        return Tender(method, amount, approval_code=f"A{rng.randrange(10**5):05d}", card_last4=f"{rng.randrange(10**4):04d}")
    if method is PaymentMethod.TRANSFER:
        return Tender(method, amount, reference=f"KBANK{rng.randrange(10**8):08d}")
    return Tender(method, amount)


def _tenders(rng: random.Random, total: int) -> tuple[Tender, ...]:
    """How the customer pays ``total``: one way, or split in two."""
    roll = rng.random()
    if roll < 0.4:
        return (_cash(total, rng),)
    if roll < 0.7:
        return (_other(rng.choice((PaymentMethod.CARD, PaymentMethod.PROMPTPAY, PaymentMethod.TRANSFER)), total, rng),)
    card = rng.randint(1, total - 1) if total > 1 else total
    split = (_other(PaymentMethod.CARD, card, rng),)
    return split + ((_cash(total - card, rng),) if total > card else ())


def print_receipt(terminal: Terminal, prints: Path, sale_id: str, number: str) -> None:
    """Render the receipt from what the sale recorded and hand it to the print folder whole."""
    pdf = receipt_pdf(terminal.read(receipt_document, sale_id))
    part = prints / f"{number}.pdf.part"
    part.write_bytes(pdf)
    os.replace(part, prints / f"{number}.pdf")


def change_shift(terminal: Terminal, rng: random.Random, cashier: Actor) -> None:
    """Close the open shift with its cash counted (now and then ฿20 short), then open the next one."""
    open_shift = terminal.read(shifts.open_shift_of, terminal.device().device_id)
    if open_shift is not None:
        expected = terminal.read(shifts.cash_expected, open_shift)
        short = 2_000 if rng.random() < 0.2 and expected >= 2_000 else 0
        terminal.run(shifts.close_shift, count_notes(expected - short), actor=cashier)
    terminal.run(shifts.open_shift, rng.choice((0, 100_000, 200_000, 500_000)), actor=cashier)


def count_notes(satang: int) -> dict[int, int]:
    """Return the fewest Thai notes and coins making up ``satang``, down to the 25-satang coin, as counted."""
    counted: dict[int, int] = {}
    for value in sorted(THAI_DENOMINATIONS, reverse=True):
        counted[value], satang = divmod(satang, value)
    return counted


def _quiet(_: str) -> None:
    pass


def sell_once(terminal: Terminal, rng: random.Random, shop: Shop, prints: Path,
              say: Callable[[str], None] = _quiet) -> str:
    """Sell one random cart as the counter does (quote, take payment, checkout), print its receipt; return its number.

    ``say`` hears ``selling`` as the checkout starts, ``sold NUMBER`` once
    it committed and ``printed NUMBER`` once the receipt is in the folder.
    """
    order = _order(rng, shop)
    now = terminal.clock()
    priced: PricedCart | None
    try:
        priced = terminal.read(counter.quote, order, now).priced
    except CouponRefused:
        priced = None
    if priced is None or priced.coupon_refusal is not None:
        # The screen says why the coupon does not apply to this cart; it is sold without it.
        order = counter.Order(order.lines, (), customer_id=order.customer_id)
        priced = terminal.read(counter.quote, order, now).priced
    total = priced.total_satang
    if total > 100 and rng.random() < 0.05:  # a deposit on a course, the balance due in a month
        due = bangkok_date(now) + timedelta(days=30)
        order = counter.Order(order.lines, (_other(PaymentMethod.TRANSFER, total // 3, rng),),
                              customer_id=order.customer_id, coupon_code=order.coupon_code, balance_due_on=due)
    else:
        order = counter.Order(order.lines, _tenders(rng, total), customer_id=order.customer_id,
                              coupon_code=order.coupon_code)
    say("selling")
    done: counter.SaleDone = terminal.run(counter.checkout, order, actor=shop.cashier).result
    say(f"sold {done.number}")
    print_receipt(terminal, prints, done.sale_id, done.number)
    say(f"printed {done.number}")
    return done.number


def open_for_business(terminal: Terminal, rng: random.Random) -> Shop:
    """Return what the terminal sells, with a shift open (the one left open, or a new one)."""
    shop = terminal.read(Shop)
    if terminal.read(shifts.open_shift_of, terminal.device().device_id) is None:
        change_shift(terminal, rng, shop.cashier)
    return shop


def run(db: str, prints: str, seed: int) -> None:
    """Open ``db`` and sell, printing each receipt to ``prints``, until killed."""
    rng = random.Random(seed)
    terminal = Terminal.open(Path(db))
    shop = open_for_business(terminal, rng)
    _say(f"ready {os.getpid()}")
    while True:
        if rng.randrange(100) < PERCENT_CLOSE_SHIFT:
            change_shift(terminal, rng, shop.cashier)
        sell_once(terminal, rng, shop, Path(prints), _say)


def _serve_child(words: list[str]) -> None:
    db, prints, seed = words
    run(db, prints, int(seed))


def main(argv: list[str]) -> None:
    if argv == ["--serve"]:
        warm_up()  # fonts and the Thai dictionary, once, before the forks
        serve(_serve_child)
    else:
        _serve_child(argv)


if __name__ == "__main__":
    main(sys.argv[1:])

