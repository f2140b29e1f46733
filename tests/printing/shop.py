"""A terminal that sells, for the printing tests: a branch with its tax id, a treatment, an open shift."""

from __future__ import annotations

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import branches, catalog, counter, shifts
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.terminal import Terminal


def open_shop(terminal: Terminal, *, tax_id: str | None = "0105561234567") -> str:
    """Make ``terminal`` ready to sell (a treatment at ฿1,500, a shift open); return the treatment's id."""
    if tax_id:
        terminal.run(branches.update_branch, tax_id=tax_id, address="999/9 ถนนพระราม 1 กรุงเทพฯ 10330", actor=SYSTEM)
    item = terminal.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใสผิวกระจ่าง",
                                                      price_satang=150_000, duration_minutes=60), actor=SYSTEM).result
    terminal.run(shifts.open_shift, 100_000, actor=SYSTEM)
    return str(item)


def sell(terminal: Terminal, item: str, *, cash: bool) -> counter.SaleDone:
    """Sell the treatment once, paid in cash (฿2,000 handed over) or by card; return the committed sale."""
    tender = (Tender(PaymentMethod.CASH, 150_000, tendered_satang=200_000) if cash
              else Tender(PaymentMethod.CARD, 150_000, approval_code="A12345", card_last4="4242"))
    done: counter.SaleDone = terminal.run(counter.checkout, counter.Order((counter.OrderLine(item),), (tender,)),
                                          actor=SYSTEM).result
    return done
