"""Coupons: their codes, their terms, whether one applies to a cart, and the discount it gives.

A coupon is percent off, a fixed amount off (satang) or a free item; it
is valid between two dates (Bangkok calendar days, both included), may ask
for a minimum spend, may apply only to some items or kinds of item, may be
used a limited number of times in all (1: single-use, the default) and
per customer, and is either bound to one customer (a redeemed reward) or
open (a campaign's code anyone may bring).

``check_coupon`` is what the counter and the redemption screen ask: it
says exactly why a code does not apply (unknown, mistyped, void, used,
expired, not yet valid, another customer's, below the minimum spend, no
item it applies to), or what it gives. ``coupon_discount`` is the discount
on a cart, ``cart_refusal`` why it gives none; ``domain.pricing`` applies
them in the cart's order and spreads the discount over its lines.

Codes are made like referral codes (``domain.referral``): a device tag, a
scrambled counter of the device's own, a check character that catches any
single typo and any swap; 11 characters, so a coupon code is never taken
for a member's 10-character referral code.

Pure: no database, no clock of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .catalog import ItemKind
from .dates import InTwoLanguages, bangkok_date, shown_params
from .errors import QT_TRANSLATE_NOOP, BadInput, Translate
from .referral import ALPHABET, BASE, TAG_LENGTH, canonical, check_character, is_well_formed

BODY_LENGTH = 6
CODE_LENGTH = TAG_LENGTH + BODY_LENGTH + 1  # 11: one more than a referral code
BODY_SPACE = BASE**BODY_LENGTH  # 887,503,681 codes per device
# Multiplier coprime with 31**6: x -> (A*x + C) mod N is a bijection, so a
# device's codes never collide and do not reveal how many were made.
_A = 602_713_297
_C = 123_456_789
MAX_PERCENT = 100
MAX_AMOUNT = 10**10  # ฿100,000,000
MAX_USES = 1_000_000


class CouponKind(StrEnum):
    """What a coupon gives."""

    PERCENT = "percent"  # ``percent`` % off what it applies to
    AMOUNT = "amount"  # ``amount_satang`` off, never more than what it applies to
    FREE_ITEM = "free_item"  # ``free_item_id`` free (its line's price off)


class CouponState(StrEnum):
    """What a coupon is now, as its list shows it."""

    ACTIVE = "active"
    USED = "used"
    EXPIRED = "expired"
    VOID = "void"


class Refusal(StrEnum):
    """Why a coupon does not apply (machine-readable; the message says it to people)."""

    UNKNOWN = "unknown"
    MISTYPED = "mistyped"
    VOID = "void"
    USED = "used"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    OTHER_CUSTOMER = "other_customer"
    MEMBER_NEEDED = "member_needed"
    CUSTOMER_LIMIT = "customer_limit"
    BELOW_MIN_SPEND = "below_min_spend"
    NO_ITEM = "no_item"


# ---------------------------------------------------------------------- codes


def make_coupon_code(tag: str, counter: int) -> str:
    """Return coupon code number ``counter`` of the device with referral tag ``tag``.

    Raises:
        ValueError: ``counter`` outside ``0 .. BODY_SPACE - 1`` or a bad tag.
    """
    if not 0 <= counter < BODY_SPACE:
        raise ValueError(f"coupon counter out of range: {counter}")
    if not is_well_formed(tag, TAG_LENGTH):
        raise ValueError(f"bad device tag: {tag!r}")
    value = (_A * counter + _C) % BODY_SPACE
    body = []
    for _ in range(BODY_LENGTH):
        value, rem = divmod(value, BASE)
        body.append(ALPHABET[rem])
    payload = tag + "".join(reversed(body))
    return payload + check_character(payload)


def display_coupon_code(code: str) -> str:
    """Return a code grouped for reading aloud: ``7KQ3MX4P9TA`` → ``7KQ3-MX4P-9TA``."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def read_coupon_code(raw: str) -> tuple[str, Refusal | None]:
    """Return a typed code in canonical form and what is wrong with it on its face.

    ``UNKNOWN``: not the shape of a coupon code at all; ``MISTYPED``: the
    shape, but the check character fails (a typo: no coupon has this code,
    and the one meant is near it); None: a code to look up.
    """
    code = canonical(raw)
    if not is_well_formed(code, CODE_LENGTH):
        return code, Refusal.UNKNOWN
    if check_character(code[:-1]) != code[-1]:
        return code, Refusal.MISTYPED
    return code, None


# ---------------------------------------------------------------------- terms


@dataclass(frozen=True)
class CouponTerms:
    """What a coupon gives and when it may be used (what ``coupon.issue`` carries).

    ``item_ids`` and ``item_kinds`` limit what it applies to (both empty:
    the whole cart); ``usage_limit`` None is unlimited; ``before_tier_discount``
    asks the counter to take it before the member's tier discount (the
    default is after).
    """

    kind: CouponKind
    percent: int = 0
    amount_satang: int = 0
    free_item_id: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    min_spend_satang: int = 0
    item_ids: frozenset[str] = frozenset()
    item_kinds: frozenset[ItemKind] = frozenset()
    usage_limit: int | None = 1
    per_customer_limit: int | None = None
    before_tier_discount: bool = False

    def applies_to(self, line: CartLine) -> bool:
        """Return whether the discount counts ``line`` (an item or kind it names, or any when it names none)."""
        if not self.item_ids and not self.item_kinds:
            return True
        return line.item_id in self.item_ids or line.kind in self.item_kinds


def terms_problem(terms: CouponTerms) -> BadInput | None:
    """Return why ``terms`` cannot be a coupon's (for the form's field), or None."""
    if terms.kind is CouponKind.PERCENT and not 1 <= terms.percent <= MAX_PERCENT:
        return BadInput(QT_TRANSLATE_NOOP("errors", "A percent coupon gives 1 to 100 % off"), field="percent")
    if terms.kind is CouponKind.AMOUNT and not 1 <= terms.amount_satang <= MAX_AMOUNT:
        return BadInput(QT_TRANSLATE_NOOP("errors", "Give the amount off in baht, more than 0"), field="amount")
    if terms.kind is CouponKind.FREE_ITEM and not terms.free_item_id:
        return BadInput(QT_TRANSLATE_NOOP("errors", "Choose the item the coupon gives free"), field="free_item")
    if terms.valid_from and terms.valid_until and terms.valid_until < terms.valid_from:
        return BadInput(
            QT_TRANSLATE_NOOP("errors", "The last valid day cannot be before the first"), field="valid_until"
        )
    if not 0 <= terms.min_spend_satang <= MAX_AMOUNT:
        return BadInput(QT_TRANSLATE_NOOP("errors", "The minimum spend cannot be negative"), field="min_spend")
    for name, limit in (("usage_limit", terms.usage_limit), ("per_customer_limit", terms.per_customer_limit)):
        if limit is not None and not 1 <= limit <= MAX_USES:
            return BadInput(
                QT_TRANSLATE_NOOP("errors", "A coupon can be used 1 to 1,000,000 times, or without a limit"),
                field=name,
            )
    return None


@dataclass(frozen=True)
class CouponUseSeen:
    """One use of a coupon as this terminal knows it: who, when, where (terminal and branch names)."""

    customer_id: str | None
    at: datetime
    terminal: str
    branch: str  # its Thai name when it has one
    branch_en: str = ""  # its English name, for messages in English


@dataclass(frozen=True)
class CouponFacts:
    """A coupon and its uses as the validation needs them (the store reads them; ``find`` gives them)."""

    code: str
    terms: CouponTerms
    customer_id: str | None = None  # bound to this customer; None: open to anyone
    voided: bool = False
    void_reason: str = ""
    uses: tuple[CouponUseSeen, ...] = ()
    free_item_name: str = ""  # what a free-item coupon gives, as the catalog names it (in Thai when it can)
    free_item_name_en: str = ""  # and in English, when the catalog has it

    def uses_by(self, customer_id: str | None) -> int:
        return sum(1 for u in self.uses if customer_id is not None and u.customer_id == customer_id)

    @property
    def used_up(self) -> bool:
        limit = self.terms.usage_limit
        return limit is not None and len(self.uses) >= limit


@dataclass(frozen=True)
class CartLine:
    """One line of the cart as the counter gives it: the item, its kind, what the line costs now (satang)."""

    item_id: str
    kind: ItemKind
    amount_satang: int
    quantity: int = 1


def coupon_state(coupon: CouponFacts, today: date) -> CouponState:
    """Return what ``coupon`` is on ``today`` (a Bangkok calendar day): void, used, expired or active."""
    return state_of(coupon.voided, len(coupon.uses), coupon.terms.usage_limit, coupon.terms.valid_until, today)


def state_of(voided: bool, uses: int, usage_limit: int | None, valid_until: date | None, today: date) -> CouponState:
    """Return a coupon's state from what decides it (a list of many coupons reads only these)."""
    if voided:
        return CouponState.VOID
    if usage_limit is not None and uses >= usage_limit:
        return CouponState.USED
    if valid_until is not None and today > valid_until:
        return CouponState.EXPIRED
    return CouponState.ACTIVE


# ---------------------------------------------------------------------- the discount


def eligible_amount(terms: CouponTerms, cart: Sequence[CartLine]) -> int:
    """Return what of ``cart`` the coupon applies to (satang)."""
    return sum(line.amount_satang for line in cart if terms.applies_to(line))


def free_item_line(terms: CouponTerms, cart: Sequence[CartLine]) -> int | None:
    """Return the position in ``cart`` of the line a free-item coupon makes one unit of free, or None.

    A line of the coupon's item with a quantity; of several, the one whose
    unit costs most now (the first of equals), so the member gets the
    whole item free whichever order the lines were added in.
    """
    if terms.kind is not CouponKind.FREE_ITEM:
        return None
    best: int | None = None
    best_unit = -1
    for index, line in enumerate(cart):
        if line.item_id == terms.free_item_id and line.quantity > 0:
            unit = max(0, line.amount_satang // line.quantity)
            if unit > best_unit:
                best, best_unit = index, unit
    return best


def coupon_discount(terms: CouponTerms, cart: Sequence[CartLine]) -> int:
    """Return the discount ``terms`` give on ``cart`` (satang, 0 when nothing in it counts).

    Percent: of what it applies to, rounded half-up to the satang. A fixed
    amount: never more than what it applies to. A free item: the price of
    one unit of that item's line (``free_item_line``: its amount over its
    quantity, rounded down).

    ``domain.pricing`` gives it the cart's lines as they stand at the
    coupon's step and spreads the result over the lines.
    """
    if terms.kind is CouponKind.FREE_ITEM:
        index = free_item_line(terms, cart)
        if index is None:
            return 0
        line = cart[index]
        return max(0, line.amount_satang // line.quantity)
    eligible = max(0, eligible_amount(terms, cart))
    if terms.kind is CouponKind.PERCENT:
        return (eligible * terms.percent + 50) // 100
    return min(terms.amount_satang, eligible)


def cart_refusal(terms: CouponTerms, cart: Sequence[CartLine], subtotal_satang: int | None = None) -> Refusal | None:
    """Return why a coupon of ``terms`` gives nothing on ``cart``, or None when it gives a discount.

    ``BELOW_MIN_SPEND``: the subtotal (default: the sum of the cart's
    lines) is under the minimum spend; ``NO_ITEM``: nothing in the cart
    is one it applies to (its discount would be 0). What ``check_coupon``
    and ``domain.pricing`` both ask, so the counter and the checkout agree.
    """
    subtotal = sum(line.amount_satang for line in cart) if subtotal_satang is None else subtotal_satang
    if subtotal < terms.min_spend_satang:
        return Refusal.BELOW_MIN_SPEND
    if coupon_discount(terms, cart) <= 0:
        return Refusal.NO_ITEM
    return None


# ---------------------------------------------------------------------- messages


def baht_text(satang: int) -> str:
    """Return an amount as a coupon's message says it: ``฿1,500``, or ``฿1,500.50`` with satang."""
    whole, frac = divmod(abs(satang), 100)
    sign = "-" if satang < 0 else ""
    return f"{sign}฿{whole:,}" + (f".{frac:02d}" if frac else "")


def _identity(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class CouponMessage:
    """A translatable sentence about a coupon (context ``coupons``) and its values.

    Dates and moments among ``params`` are formatted when it is rendered,
    in the language of the translation (Buddhist era in Thai); a value that
    is itself a ``CouponMessage`` is rendered first.
    """

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    context = "coupons"

    def render(self, translate: Translate = _identity) -> str:
        """Return the sentence, translated by ``translate(context, template)``."""
        params = {k: v.render(translate) if isinstance(v, CouponMessage) else v for k, v in self.params.items()}
        return translate(self.context, self.template).format(**shown_params(params, translate))


def what_it_gives(terms: CouponTerms, free_item_name: str = "", free_item_name_en: str = "") -> CouponMessage:
    """Return "10 % off", "฿100 off" or "a free Basic Facial" (the item named in the message's language)."""
    if terms.kind is CouponKind.PERCENT:
        return CouponMessage(QT_TRANSLATE_NOOP("coupons", "{percent} % off"), {"percent": terms.percent})
    if terms.kind is CouponKind.AMOUNT:
        return CouponMessage(QT_TRANSLATE_NOOP("coupons", "{amount} off"), {"amount": baht_text(terms.amount_satang)})
    item: str | InTwoLanguages = InTwoLanguages(free_item_name, free_item_name_en) if free_item_name_en else (
        free_item_name or "?")
    return CouponMessage(QT_TRANSLATE_NOOP("coupons", "a free {item}"), {"item": item})


def describe(terms: CouponTerms, free_item_name: str = "", free_item_name_en: str = "") -> CouponMessage:
    """Return "valid: 10 % off, until 31 ม.ค. 2570, minimum ฿1,500" (the parts it has)."""
    what = what_it_gives(terms, free_item_name, free_item_name_en)
    until, minimum = terms.valid_until, terms.min_spend_satang
    if until is not None and minimum:
        return CouponMessage(QT_TRANSLATE_NOOP("coupons", "Valid: {what}, until {until}, minimum {minimum}"),
                             {"what": what, "until": until, "minimum": baht_text(minimum)})
    if until is not None:
        return CouponMessage(QT_TRANSLATE_NOOP("coupons", "Valid: {what}, until {until}"),
                             {"what": what, "until": until})
    if minimum:
        return CouponMessage(QT_TRANSLATE_NOOP("coupons", "Valid: {what}, minimum {minimum}"),
                             {"what": what, "minimum": baht_text(minimum)})
    return CouponMessage(QT_TRANSLATE_NOOP("coupons", "Valid: {what}"), {"what": what})


@dataclass(frozen=True)
class CouponVerdict:
    """What ``check_coupon`` answers: whether the code applies, why not, and what it gives."""

    code: str
    refusal: Refusal | None
    message: CouponMessage
    discount_satang: int = 0
    coupon: CouponFacts | None = None

    @property
    def applies(self) -> bool:
        return self.refusal is None


def _refused(canonical_code: str, refusal: Refusal, template: str, coupon: CouponFacts | None = None, /,
             **params: Any) -> CouponVerdict:
    return CouponVerdict(canonical_code, refusal, CouponMessage(template, params), 0, coupon)


def check_coupon(
    typed: str,
    find: Callable[[str], CouponFacts | None],
    *,
    now: datetime,
    customer_id: str | None = None,
    cart: Sequence[CartLine] | None = None,
    subtotal_satang: int | None = None,
) -> CouponVerdict:
    """Return whether the coupon ``typed`` applies, exactly why not, or what it gives.

    Args:
        typed: the code as typed or scanned (case, spaces and dashes do not matter).
        find: the coupon of a canonical code, with its uses, or None (one indexed query).
        now: the moment of the check; its Bangkok date is compared with the validity dates.
        customer_id: the member at the counter (None: nobody identified yet).
        cart: the cart's lines, when there is a cart (None: a check by code
            alone, which skips the minimum spend, the items, and a
            per-member limit when no member is named).
        subtotal_satang: what the minimum spend is compared with (default:
            the sum of the cart's lines).

    The refusals, in the order checked: a code of another shape (unknown)
    or with a failing check character (mistyped, never looked up); no such
    coupon (unknown); void; used up (naming the terminal, branch and time
    of its last use); expired; not yet valid; another customer's, or a
    per-customer limit without a member, or reached; below the minimum
    spend; nothing in the cart it applies to.
    """
    code, problem = read_coupon_code(typed)
    shown = display_coupon_code(code) if problem is not Refusal.UNKNOWN else typed.strip()[:40]
    if problem is Refusal.MISTYPED:
        return _refused(code, problem, QT_TRANSLATE_NOOP(
            "coupons", "Coupon code {code} is mistyped; please check it again"), code=shown)
    coupon = find(code) if problem is None else None
    if coupon is None:
        return _refused(code, Refusal.UNKNOWN, QT_TRANSLATE_NOOP("coupons", "There is no coupon {code}"), code=shown)
    terms, today = coupon.terms, bangkok_date(now)
    if coupon.voided:
        return _refused(code, Refusal.VOID, QT_TRANSLATE_NOOP("coupons", "Coupon {code} was voided: {reason}"),
                        coupon, code=shown, reason=coupon.void_reason or "-")
    if coupon.used_up:
        last = max(coupon.uses, key=lambda u: u.at)
        return _refused(code, Refusal.USED, QT_TRANSLATE_NOOP(
            "coupons", "Coupon {code} was already used at {terminal} ({branch}) on {at}"),
            coupon, code=shown, terminal=last.terminal,
            branch=InTwoLanguages(last.branch, last.branch_en) if last.branch_en else last.branch, at=last.at)
    if terms.valid_until is not None and today > terms.valid_until:
        return _refused(code, Refusal.EXPIRED, QT_TRANSLATE_NOOP("coupons", "Coupon {code} expired on {date}"),
                        coupon, code=shown, date=terms.valid_until)
    if terms.valid_from is not None and today < terms.valid_from:
        return _refused(code, Refusal.NOT_YET_VALID, QT_TRANSLATE_NOOP(
            "coupons", "Coupon {code} is valid from {date}"), coupon, code=shown, date=terms.valid_from)
    if coupon.customer_id is not None and coupon.customer_id != customer_id:
        return _refused(code, Refusal.OTHER_CUSTOMER, QT_TRANSLATE_NOOP(
            "coupons", "Coupon {code} belongs to another member"), coupon, code=shown)
    limit = terms.per_customer_limit
    if limit is not None and customer_id is None and cart is not None:
        return _refused(code, Refusal.MEMBER_NEEDED, QT_TRANSLATE_NOOP(
            "coupons", "Coupon {code} is for members ({limit} per member): find the member first"),
            coupon, code=shown, limit=limit)
    if limit is not None and coupon.uses_by(customer_id) >= limit:
        return _refused(code, Refusal.CUSTOMER_LIMIT, QT_TRANSLATE_NOOP(
            "coupons", "This member already used coupon {code} {count} times (the limit)"),
            coupon, code=shown, count=coupon.uses_by(customer_id))
    discount = 0
    if cart is not None:
        refusal = cart_refusal(terms, cart, subtotal_satang)
        if refusal is Refusal.BELOW_MIN_SPEND:
            subtotal = sum(line.amount_satang for line in cart) if subtotal_satang is None else subtotal_satang
            return _refused(code, Refusal.BELOW_MIN_SPEND, QT_TRANSLATE_NOOP(
                "coupons", "Coupon {code} needs a minimum spend of {minimum} (this sale: {subtotal})"),
                coupon, code=shown, minimum=baht_text(terms.min_spend_satang), subtotal=baht_text(subtotal))
        if refusal is Refusal.NO_ITEM:
            return _refused(code, Refusal.NO_ITEM, QT_TRANSLATE_NOOP(
                "coupons", "Nothing in this sale is one that coupon {code} applies to"), coupon, code=shown)
        discount = coupon_discount(terms, cart)
    return CouponVerdict(code, None, describe(terms, coupon.free_item_name, coupon.free_item_name_en), discount,
                         coupon)
