"""The cart's money: one pure function prices a cart, and it is the only place these rules live.

``price_cart`` takes the cart's lines (the branch's unit price already
resolved by the caller), the member's tier, at most one coupon and the
clinic's pricing rules, and returns every figure the cart, the customer
display, the receipt and the checkout need. Each line goes through these
steps, each taken on what the step before left:

1. **original**: unit price × quantity (prices are VAT-inclusive satang);
2. **line discount**: what staff typed, a percent (basis points) or an
   amount, with a reason; above ``PricingRules.line_discount_limit_bp`` of
   the line it needs a manager's approval, which the result reports (the
   service asks for the PIN, this function never sees one);
3. **tier discount**: the member's tier percent, on the lines the clinic's
   rules make eligible (``PricingRules``: item kinds and categories), each
   line rounded half-up to the satang;
4. **coupon**: what ``domain.coupons`` says the coupon gives on the cart as
   it stands at this step (percent of the lines it applies to, rounded
   half-up; an amount, at most those lines; one unit of the free item's
   line), spread over those lines by largest remainder so that the lines
   add up exactly to the total. A coupon whose terms say
   ``before_tier_discount`` is taken before step 3 instead.

A coupon's minimum spend is compared with the whole cart as it stands at
the coupon's step (after line discounts and, unless the coupon comes first,
the tier discount): what the customer would pay without the coupon. A
coupon that gives nothing on this cart is not an error (the cart may still
change): ``PricedCart.coupon_refusal`` says why.

VAT: VAT-inclusive prices; the 7 % part and the exempt part (medical
services, Revenue Code section 81) are kept apart, and the VAT is
``money.vat_included`` of the 7 % part. Points: ``points.purchase_points``
of the total due (1 point per ฿10 paid after discounts, times the tier's
multiplier, rounded down), nothing without a member.

Pure: no database, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .catalog import PRICE_MAX_SATANG, ItemKind
from .coupons import CartLine, CouponKind, CouponTerms, Refusal, cart_refusal, coupon_discount, free_item_line
from .coupons import terms_problem as coupon_terms_problem
from .errors import QT_TRANSLATE_NOOP, BadInput
from .loyalty_program import EarnRules
from .money import format_baht, vat_included
from .points import Tier, purchase_points

WHOLE_BP = 10_000  # 100 % in basis points
MAX_QUANTITY = 9_999  # a barcode scanned into the quantity field is a typo, not an order
REASON_MAX = 200


class VatCode(StrEnum):
    """How VAT applies to a line: 7 % included in its price, or exempt."""

    STANDARD = "vat7"
    EXEMPT = "exempt"  # medical services, Revenue Code section 81

    @classmethod
    def of_item(cls, vat_exempt: bool) -> VatCode:
        """Return the code of a catalog item from its ``vat_exempt`` flag."""
        return cls.EXEMPT if vat_exempt else cls.STANDARD


class LineDiscountKind(StrEnum):
    """How staff gave a line discount."""

    PERCENT = "percent"  # ``value`` in basis points: 1,000 is 10 %
    AMOUNT = "amount"  # ``value`` in satang off the line


class DiscountKind(StrEnum):
    """Which step of pricing took an amount off a line."""

    LINE = "line"  # staff's discount on the line
    TIER = "tier"  # the member's tier discount
    COUPON = "coupon"  # the line's share of the coupon or reward


@dataclass(frozen=True)
class LineDiscount:
    """A discount staff give on one line, and why (shown on the cart and kept with the sale)."""

    kind: LineDiscountKind
    value: int  # basis points (PERCENT) or satang (AMOUNT)
    reason: str


@dataclass(frozen=True)
class CartItem:
    """One line of the cart as the counter has it.

    ``unit_price_satang`` is the VAT-inclusive price at this branch (the
    caller resolves the branch's price); ``category`` is the clinic's
    category of the item, which the tier rules may name.
    """

    item_id: str
    kind: ItemKind
    unit_price_satang: int
    quantity: int = 1
    category: str = ""
    vat: VatCode = VatCode.STANDARD
    discount: LineDiscount | None = None


@dataclass(frozen=True)
class AppliedCoupon:
    """The coupon or reward coupon the customer brought, already checked (``coupons.check_coupon``)."""

    code: str
    terms: CouponTerms


@dataclass(frozen=True)
class PricingRules:
    """The clinic's rules for the cart (defaults until a manager sets them).

    A line gets the tier discount when its kind is in ``tier_kinds`` and,
    when ``tier_categories`` is not None, its category is in it. A line
    discount above ``line_discount_limit_bp`` of the line's original amount
    needs a manager (None: never).
    """

    tier_kinds: frozenset[ItemKind] = frozenset(ItemKind)
    tier_categories: frozenset[str] | None = None
    line_discount_limit_bp: int | None = 1_000  # 10 %
    earn: EarnRules = field(default_factory=EarnRules)

    def tier_applies(self, item: CartItem) -> bool:
        """Return whether the member's tier discount applies to ``item``."""
        return item.kind in self.tier_kinds and (self.tier_categories is None or item.category in self.tier_categories)


DEFAULT_RULES = PricingRules()


@dataclass(frozen=True)
class DiscountStep:
    """One amount taken off a line: by which step, how much, and why.

    ``reason`` is staff's reason (line), the tier's key (tier) or the
    coupon's code (coupon); ``rate_bp`` the percent it was taken at, in
    basis points (None for an amount, a coupon's share of an amount or a
    free item).
    """

    kind: DiscountKind
    amount_satang: int
    reason: str
    rate_bp: int | None = None


@dataclass(frozen=True)
class PricedLine:
    """A cart line with its price worked out: original, each step, what is left to pay."""

    item: CartItem
    original_satang: int
    steps: tuple[DiscountStep, ...]
    net_satang: int
    needs_approval: bool  # its line discount is above the limit

    def discount_of(self, kind: DiscountKind) -> int:
        """Return what step ``kind`` took off this line (satang)."""
        return sum(s.amount_satang for s in self.steps if s.kind is kind)

    @property
    def discount_satang(self) -> int:
        """Return everything taken off this line (satang)."""
        return self.original_satang - self.net_satang


@dataclass(frozen=True)
class PricedCart:
    """A priced cart: its lines, totals, VAT split, the points it earns, what needs a manager.

    ``total_satang`` = ``subtotal_satang`` − the three discounts = the sum
    of the lines' nets = ``vatable_satang`` + ``exempt_satang``;
    ``vat_satang`` is the VAT inside ``vatable_satang``.
    ``approval_lines`` are the positions (0-based, in the order given) of
    the lines whose discount needs a manager's approval.
    ``coupon_refusal`` says why a coupon that was given takes nothing
    (below its minimum spend, or nothing it applies to); ``coupon_cart`` is
    the cart as the coupon saw it (each line's amount at the coupon's
    step; empty without a coupon): what the checkout passes to
    ``coupons.check_coupon`` so that it agrees with this price.
    """

    lines: tuple[PricedLine, ...]
    subtotal_satang: int
    line_discount_satang: int
    tier_discount_satang: int
    coupon_discount_satang: int
    total_satang: int
    vatable_satang: int
    exempt_satang: int
    vat_satang: int
    points: int
    approval_lines: tuple[int, ...] = ()
    coupon_refusal: Refusal | None = None
    coupon_cart: tuple[CartLine, ...] = ()

    @property
    def needs_approval(self) -> bool:
        """Return whether a manager must approve this cart's line discounts before checkout."""
        return bool(self.approval_lines)

    @property
    def discount_satang(self) -> int:
        """Return every discount of the cart together (satang)."""
        return self.line_discount_satang + self.tier_discount_satang + self.coupon_discount_satang

    def discount_of(self, kind: DiscountKind) -> int:
        """Return what step ``kind`` took off the whole cart (satang)."""
        return {
            DiscountKind.LINE: self.line_discount_satang,
            DiscountKind.TIER: self.tier_discount_satang,
            DiscountKind.COUPON: self.coupon_discount_satang,
        }[kind]


# ---------------------------------------------------------------------- the steps


def _part(amount: int, rate_bp: int) -> int:
    """Return ``rate_bp`` of ``amount`` (both >= 0), rounded half-up to the satang."""
    return (2 * amount * rate_bp + WHOLE_BP) // (2 * WHOLE_BP)


def _line_discount(position: int, item: CartItem, rules: PricingRules) -> tuple[int, DiscountStep | None, bool]:
    """Return a line's original amount, its line discount step (or None) and whether it needs a manager.

    Raises:
        BadInput: see ``price_cart``.
    """
    line = position + 1  # as the cart shows it
    if not 1 <= item.quantity <= MAX_QUANTITY:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: the quantity is 1 to 9,999"), field="quantity",
                       line=line)
    if not 0 <= item.unit_price_satang <= PRICE_MAX_SATANG:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: a price is ฿0 to ฿10,000,000"), field="price",
                       line=line)
    original = item.unit_price_satang * item.quantity
    given = item.discount
    if given is None:
        return original, None, False
    if given.kind is LineDiscountKind.PERCENT:
        if not 0 <= given.value <= WHOLE_BP:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: a discount is 0 to 100 %"), field="discount",
                           line=line)
        amount, rate = _part(original, given.value), given.value
        # Compared as the rate itself, so "10 %" is within a 10 % limit whatever the rounding.
        over = rules.line_discount_limit_bp is not None and given.value > rules.line_discount_limit_bp
    else:
        if not 0 <= given.value <= original:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: a discount is ฿0 to the line's {amount}"),
                           field="discount", line=line, amount=format_baht(original))
        amount, rate = given.value, None
        limit = rules.line_discount_limit_bp
        over = limit is not None and amount * WHOLE_BP > limit * original
    if amount == 0:
        return original, None, False
    reason = " ".join(given.reason.split())
    if not reason:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: say why it is discounted"), field="discount_reason",
                       line=line)
    if len(reason) > REASON_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: the reason has at most 200 characters"),
                       field="discount_reason", line=line)
    return original, DiscountStep(DiscountKind.LINE, amount, reason, rate), over


def share_out(total: int, weights: Sequence[int], tie_keys: Sequence[str]) -> list[int]:
    """Return ``total`` split over ``weights`` in proportion, in whole satang that add up to ``total``.

    Largest remainder: each gets the floor of its exact share, and the
    satang left over go one each to the largest remainders (ties: the
    larger weight, then the smaller ``tie_keys``, then the earlier
    position). With ``0 <= total <= sum(weights)`` no share exceeds its
    weight.
    """
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    shares: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        share, remainder = divmod(total * weight, whole)
        shares.append(share)
        remainders.append(remainder)
    left = total - sum(shares)
    ranked = sorted(range(len(weights)), key=lambda j: (-remainders[j], -weights[j], tie_keys[j], j))
    for j in ranked[:left]:
        shares[j] += 1
    return shares


def _tier_step(tier: Tier, items: Sequence[CartItem], amounts: list[int], steps: list[list[DiscountStep]],
               rules: PricingRules) -> None:
    rate = tier.discount_percent * 100
    if rate <= 0:
        return
    for i, item in enumerate(items):
        if rules.tier_applies(item):
            amount = _part(amounts[i], rate)
            if amount:
                amounts[i] -= amount
                steps[i].append(DiscountStep(DiscountKind.TIER, amount, tier.key, rate))


def _coupon_step(coupon: AppliedCoupon, items: Sequence[CartItem], amounts: list[int],
                 steps: list[list[DiscountStep]]) -> tuple[Refusal | None, tuple[CartLine, ...]]:
    """Take the coupon off ``amounts``; return why it took nothing (or None) and the cart as it saw it."""
    terms = coupon.terms
    cart = tuple(CartLine(item.item_id, item.kind, amounts[i], item.quantity) for i, item in enumerate(items))
    refusal = cart_refusal(terms, cart)
    if refusal is not None:
        return refusal, cart
    total = coupon_discount(terms, cart)
    if terms.kind is CouponKind.FREE_ITEM:
        free = free_item_line(terms, cart)
        assert free is not None, "a free-item coupon that gives something has its line"
        shares = {free: total}
    else:
        counted = [i for i, line in enumerate(cart) if terms.applies_to(line)]
        split = share_out(total, [amounts[i] for i in counted], [items[i].item_id for i in counted])
        shares = dict(zip(counted, split, strict=True))
    rate = terms.percent * 100 if terms.kind is CouponKind.PERCENT else None
    for i, amount in shares.items():
        if amount:
            amounts[i] -= amount
            steps[i].append(DiscountStep(DiscountKind.COUPON, amount, coupon.code, rate))
    return None, cart


# ---------------------------------------------------------------------- the function


def price_cart(items: Sequence[CartItem], *, tier: Tier | None = None, coupon: AppliedCoupon | None = None,
               rules: PricingRules = DEFAULT_RULES) -> PricedCart:
    """Return the priced cart: each line's steps and net, the totals, the VAT split and the points earned.

    Args:
        items: the cart's lines, in the order they were added.
        tier: the member's tier (None: no member, so no tier discount and no points).
        coupon: the one coupon or reward coupon of the sale, already checked
            for validity (dates, uses, owner) by ``coupons.check_coupon``;
            its minimum spend and items are settled here.
        rules: which lines get the tier discount, the line discount limit, the earn rate.

    The steps and their order are the module's. Every discount rounds
    half-up to the satang; no step takes more than what its line has left,
    so no line and no total is negative; the lines' nets add up to the
    total exactly. The totals do not depend on the order of ``items``
    (an item's kind, category and VAT code are the catalog's, the same on
    each of its lines); only which of two lines of the same item and
    amount takes a coupon's odd satang or its free unit may.

    Raises:
        BadInput: a line's quantity outside 1 to 9,999 (field ``quantity``),
            a unit price outside ฿0 to ฿10,000,000 (``price``), a line
            discount outside 0 to 100 % or ฿0 to the line's amount
            (``discount``) or without a reason or with one over 200
            characters (``discount_reason``), each naming the line (1-based);
            coupon terms ``coupons.terms_problem`` refuses.
    """
    if coupon is not None:
        problem = coupon_terms_problem(coupon.terms)
        if problem is not None:
            raise problem
    originals: list[int] = []
    amounts: list[int] = []
    steps: list[list[DiscountStep]] = []
    approval: list[int] = []
    for position, item in enumerate(items):
        original, step, over = _line_discount(position, item, rules)
        originals.append(original)
        amounts.append(original - (step.amount_satang if step else 0))
        steps.append([step] if step else [])
        if over:
            approval.append(position)
    refusal: Refusal | None = None
    seen: tuple[CartLine, ...] = ()
    coupon_first = coupon is not None and coupon.terms.before_tier_discount
    if coupon is not None and coupon_first:
        refusal, seen = _coupon_step(coupon, items, amounts, steps)
    if tier is not None:
        _tier_step(tier, items, amounts, steps, rules)
    if coupon is not None and not coupon_first:
        refusal, seen = _coupon_step(coupon, items, amounts, steps)
    needs = set(approval)
    lines = tuple(
        PricedLine(item, originals[i], tuple(steps[i]), amounts[i], i in needs) for i, item in enumerate(items)
    )
    by_kind = {kind: sum(line.discount_of(kind) for line in lines) for kind in DiscountKind}
    vatable = sum(line.net_satang for line in lines if line.item.vat is VatCode.STANDARD)
    exempt = sum(line.net_satang for line in lines if line.item.vat is VatCode.EXEMPT)
    total = vatable + exempt
    return PricedCart(
        lines=lines,
        subtotal_satang=sum(originals),
        line_discount_satang=by_kind[DiscountKind.LINE],
        tier_discount_satang=by_kind[DiscountKind.TIER],
        coupon_discount_satang=by_kind[DiscountKind.COUPON],
        total_satang=total,
        vatable_satang=vatable,
        exempt_satang=exempt,
        vat_satang=vat_included(vatable),
        points=purchase_points(total, tier, rules.earn.satang_per_point) if tier is not None else 0,
        approval_lines=tuple(approval),
        coupon_refusal=refusal,
        coupon_cart=seen,
    )
