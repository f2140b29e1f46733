"""Proposals: a treatment plan sales offer a customer, its lines checked and totalled.

A proposal is what a journey's customer is offered after the scan: the
treatments, packages and products, how many of each and at what price.
Pure rules: the service (``services.proposals``) gathers what the catalog
says of each item (``ItemFacts``) and calls ``check_lines`` before it writes
anything; the counter turns the lines into its cart, where the sale is
priced again as it always is (the proposal's price is what was offered,
never what checkout trusts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, BadInput, NotFound

MAX_LINES = 50  # a plan, not a shop order: a handful of treatments and products
MAX_QUANTITY = 999
MAX_PRICE_SATANG = 100_000_000_00  # ฿100,000,000: beyond any plan, within the synced field's bound
NOTE_MAX = 2000


class ProposalStatus(StrEnum):
    """Where a proposal stands; a newer proposal of the same journey supersedes the one before."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"  # paid at the counter
    SUPERSEDED = "superseded"


@dataclass(frozen=True)
class ProposalLine:
    """One line of a proposal: an item, how many, at what unit price (satang)."""

    item_id: str
    quantity: int = 1
    price_satang: int = 0

    @property
    def amount_satang(self) -> int:
        return self.quantity * self.price_satang

    def as_record(self) -> dict[str, object]:
        """Return the line as the synced ``proposal.lines`` holds it."""
        return {"item_id": self.item_id, "quantity": self.quantity, "price_satang": self.price_satang}

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> ProposalLine:
        """Return the line a synced record holds (``as_record``'s inverse)."""
        quantity, price = record.get("quantity", 1), record.get("price_satang", 0)
        return cls(str(record["item_id"]), int(quantity) if isinstance(quantity, int) else 1,
                   int(price) if isinstance(price, int) else 0)


@dataclass(frozen=True)
class ItemFacts:
    """What the catalog says of an item a proposal names: its Thai name and whether this branch sells it."""

    name_th: str
    sellable: bool


def total_satang(lines: Sequence[ProposalLine]) -> int:
    """Return the proposal's total: the sum of quantity × unit price over its lines."""
    return sum(line.amount_satang for line in lines)


def check_lines(lines: Sequence[ProposalLine], facts: Mapping[str, ItemFacts]) -> None:
    """Refuse lines a proposal cannot hold; return None when every line is good.

    ``facts`` maps the item ids the catalog has (live, of this chain) to
    what it says of them; an item missing from it does not exist.

    Raises:
        BadInput: no lines, too many, a quantity below 1 (or absurdly
            large), a price below 0 (or absurdly large), an item this
            branch does not sell. The message names the line (1-based).
        NotFound: an item not in the catalog.
    """
    if not lines:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A proposal needs at least one item"), field="lines")
    if len(lines) > MAX_LINES:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A proposal has at most {count} lines"), field="lines",
                       count=MAX_LINES)
    for number, line in enumerate(lines, start=1):
        item = facts.get(line.item_id)
        if item is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Line {line}: this item is not in the catalog"),
                           field="lines", line=number)
        if not item.sellable:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: {name} is not sold at this branch"),
                           field="lines", line=number, name=item.name_th)
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: the quantity must be from 1 to {max}"),
                           field="lines", line=number, max=MAX_QUANTITY)
        if not 0 <= line.price_satang <= MAX_PRICE_SATANG:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: the price must not be below zero"),
                           field="lines", line=number)
