"""Refund and void rules: what of a sale may come back, for how much, and the points it takes back.

Pure functions: the counter's ``services.refunds`` calls them before it
writes, and the same figures follow whichever terminal computes them.

A sale line's money comes back in proportion to the pieces returned, on
what is still left of the line: returning the last pieces of a line gives
back exactly what is left of it, so a line returned in parts gives back
exactly its net. The points a refund takes back follow the same idea on
the sale's total: cumulative, rounded down, so that a full refund takes
back exactly what the sale earned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, BadInput
from .money import format_baht

REASON_MAX = 500


class RefundKind(StrEnum):
    """A void (the sale undone within its own open shift) or a refund (after it)."""

    VOID = "void"
    REFUND = "refund"


@dataclass(frozen=True)
class SoldLine:
    """A sale line as a refund sees it: what was sold and what earlier refunds already gave back."""

    line_id: str
    line_no: int
    quantity: int
    net_satang: int
    returned_quantity: int = 0
    returned_satang: int = 0

    @property
    def quantity_left(self) -> int:
        return self.quantity - self.returned_quantity

    @property
    def satang_left(self) -> int:
        return self.net_satang - self.returned_satang


@dataclass(frozen=True)
class ReturnLine:
    """What the customer brings back of one line: how many pieces (or sessions)."""

    line_id: str
    quantity: int


@dataclass(frozen=True)
class RefundedLine:
    """One line of a refund as recorded: the sale line, the pieces, the money given back for them."""

    line_id: str
    quantity: int
    amount_satang: int

    def as_record(self) -> dict[str, object]:
        return {"line_id": self.line_id, "quantity": self.quantity, "amount_satang": self.amount_satang}


def check_reason(reason: object) -> str:
    """Return the reason with its spaces tidied.

    Raises:
        BadInput: no reason, or one longer than ``REASON_MAX`` characters.
    """
    text = " ".join(reason.split()) if isinstance(reason, str) else ""
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Give the reason for the refund"), field="reason")
    if len(text) > REASON_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The reason is at most {count} characters"), field="reason",
                       count=REASON_MAX)
    return text


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _amount(line: SoldLine, quantity: int) -> int:
    """Return the money ``quantity`` more pieces of ``line`` give back (the rest of it for the last ones)."""
    if quantity == line.quantity_left:
        return line.satang_left
    return line.satang_left * quantity // line.quantity_left


def _spread(total: int, amounts: Sequence[int]) -> list[int]:
    """Scale ``amounts`` down to add up to ``total`` (largest remainder: whole satang that add up exactly)."""
    whole = sum(amounts)
    shares = [a * total // whole for a in amounts]
    order = sorted(range(len(amounts)), key=lambda i: (-(amounts[i] * total % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def plan_refund(sold: Sequence[SoldLine], wanted: Sequence[ReturnLine] | None,
                refundable_satang: int) -> tuple[RefundedLine, ...]:
    """Return the lines of a refund of ``wanted`` (None: everything still left of the sale).

    ``refundable_satang`` is what was paid for the sale less earlier
    refunds. Returning everything left of a sale that is not paid in full
    (a deposit) gives back what was paid, spread over the lines.

    Raises:
        BadInput: an unknown line, a quantity that is not a whole number
            above 0 or more than is left of the line, a line named twice,
            nothing left to give back, or more than was paid.
    """
    by_id = {line.line_id: line for line in sold}
    if wanted is None:
        picked = [(line, line.quantity_left) for line in sold if line.quantity_left > 0]
    else:
        if not wanted:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose the lines to refund"), field="lines")
        picked = []
        seen: set[str] = set()
        for asked in wanted:
            line = by_id.get(asked.line_id)
            if line is None:
                raise BadInput(QT_TRANSLATE_NOOP("errors", "This line is not part of the sale"), field="lines")
            if asked.line_id in seen:
                raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line} is named twice"), field="lines",
                               line=line.line_no)
            seen.add(asked.line_id)
            if not _whole(asked.quantity) or asked.quantity <= 0:
                raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: refund at least one"), field="lines",
                               line=line.line_no)
            if asked.quantity > line.quantity_left:
                raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: only {count} left to refund"),
                               field="lines", line=line.line_no, count=line.quantity_left)
            picked.append((line, asked.quantity))
    amounts = [_amount(line, quantity) for line, quantity in picked]
    total = sum(amounts)
    if not picked or total <= 0 or refundable_satang <= 0:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Nothing of this sale is left to refund"), field="lines")
    if total > refundable_satang:
        if wanted is not None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "That is more than was paid: at most {amount} can be refunded"),
                           field="lines", amount=format_baht(refundable_satang))
        amounts = _spread(refundable_satang, amounts)
    return tuple(RefundedLine(line.line_id, quantity, amount)
                 for (line, quantity), amount in zip(picked, amounts, strict=True))


def points_to_take(points_earned: int, sale_total_satang: int, refunded_before_satang: int,
                   refunding_satang: int) -> int:
    """Return the points a refund of ``refunding_satang`` takes back of the ``points_earned`` by the sale.

    In proportion to the sale's total, counted on all refunds of the sale
    so far and rounded down: refunds that together give back the whole
    total take back exactly ``points_earned``, never more.
    """
    if points_earned <= 0 or sale_total_satang <= 0:
        return 0
    before = min(refunded_before_satang, sale_total_satang)
    after = min(refunded_before_satang + refunding_satang, sale_total_satang)
    return points_earned * after // sale_total_satang - points_earned * before // sale_total_satang
