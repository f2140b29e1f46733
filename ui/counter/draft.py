"""The cart as the counter builds it, before it is priced: lines, the member, the coupon typed.

Plain Python (no Qt): the screen changes it, the cart model shows it with
the latest quote, and ``order`` is what ``counter.quote`` and
``counter.checkout`` take. Pricing never happens here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from bnaura_desk.domain.payments import Tender
from bnaura_desk.domain.pricing import MAX_QUANTITY, LineDiscount
from bnaura_desk.services.catalog import CatalogRow
from bnaura_desk.services.counter import Order, OrderLine

_TIMES = re.compile(r"^\s*(\d{1,4})\s*[*×]\s*(\S.*)$")


def quantity_and_text(typed: str) -> tuple[int, str]:
    """Return how many and what was typed in the item box: ``3*SER-01`` (or ``3 × SER-01``) is 3 of it, else 1.

    A quantity of 0 is read as 1 (the cart never holds none of an item).
    """
    match = _TIMES.match(typed)
    if match is None:
        return 1, typed.strip()
    return max(1, int(match.group(1))), match.group(2).strip()


@dataclass(frozen=True)
class DraftLine:
    """One line of the cart: the item (its names and the price shown when it was added), quantity, discount."""

    item_id: str
    name_th: str
    name_en: str
    unit_price_satang: int
    quantity: int = 1
    discount: LineDiscount | None = None

    @property
    def original_satang(self) -> int:
        return self.unit_price_satang * self.quantity


class CartDraft:
    """The lines of the sale being made, the member attached and the coupon code typed."""

    def __init__(self) -> None:
        self.lines: list[DraftLine] = []
        self.customer_id: str | None = None
        self.coupon_code = ""
        # The journey the cart came from (a proposal opened at the POS) and its customer: paid,
        # the sale confirms the journey's payment. Only while that customer is the sale's.
        self.journey: tuple[str, str] | None = None

    def add(self, row: CatalogRow, quantity: int = 1) -> int:
        """Add ``quantity`` of ``row``'s item (1 to 9,999 in all); return the line it is on.

        The same item scanned again adds to its line (unless that line has a
        discount of its own, which was given for the quantity it had).
        """
        quantity = max(1, min(MAX_QUANTITY, quantity))
        for position, line in enumerate(self.lines):
            if line.item_id == row.id and line.discount is None and line.quantity < MAX_QUANTITY:
                self.lines[position] = replace(line, quantity=min(MAX_QUANTITY, line.quantity + quantity))
                return position
        self.lines.append(DraftLine(row.id, row.name_th, row.name_en, row.price_satang, quantity))
        return len(self.lines) - 1

    def set_quantity(self, position: int, quantity: int) -> None:
        """Set line ``position``'s quantity (1 to 9,999: the screen removes a line instead of going to 0)."""
        quantity = max(1, min(MAX_QUANTITY, quantity))
        self.lines[position] = replace(self.lines[position], quantity=quantity)

    def set_discount(self, position: int, discount: LineDiscount | None) -> None:
        """Give line ``position`` staff's discount (None takes it off)."""
        self.lines[position] = replace(self.lines[position], discount=discount)

    def remove(self, position: int) -> None:
        del self.lines[position]

    def clear(self) -> None:
        """Start the next sale: no lines, no member, no coupon."""
        self.lines.clear()
        self.customer_id = None
        self.coupon_code = ""
        self.journey = None

    def load(self, lines: list[DraftLine], customer_id: str, journey_id: str) -> None:
        """Make the cart these ``lines`` of ``customer_id``, remembering the journey they were proposed on."""
        self.clear()
        self.lines.extend(lines)
        self.customer_id = customer_id
        self.journey = (journey_id, customer_id)

    @property
    def journey_id(self) -> str | None:
        """The journey a payment of this cart confirms (None: none, or the customer was changed since)."""
        if self.journey is None or self.journey[1] != self.customer_id:
            return None
        return self.journey[0]

    @property
    def empty(self) -> bool:
        return not self.lines

    def order(self, tenders: tuple[Tender, ...] = (), balance_due_on: date | None = None) -> Order:
        """Return the cart as the order ``counter.quote`` and ``counter.checkout`` take."""
        return Order(tuple(OrderLine(line.item_id, line.quantity, line.discount) for line in self.lines), tenders,
                     customer_id=self.customer_id, coupon_code=self.coupon_code, balance_due_on=balance_due_on,
                     journey_id=self.journey_id)
