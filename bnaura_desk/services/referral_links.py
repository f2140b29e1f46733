"""Recording who referred a customer: the one place a ``referral.record`` is made.

A building block of registration (a new customer brings a friend's
code) and of ``loyalty.record_referral`` (the code given a little later);
it depends on nothing but the store, so ``customers`` can use it inside
the registration's transaction. The referral's id is derived from the
referred customer (``derived_id("referral", referred_id)``): a customer
has one referrer, and every terminal agrees which row it is.
"""

from __future__ import annotations

from sqlalchemy import select

from ..domain.changes import Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.ids import derived_id
from ..domain.referral import display_code, normalise_code
from ..store.models import Customer, Referral
from .context import ServiceContext


def referral_id(referred_id: str) -> str:
    """Return the id of the referral of ``referred_id`` (the same on every terminal)."""
    return derived_id("referral", referred_id)


def referrer_by_code(ctx: ServiceContext, raw_code: str) -> Customer:
    """Return the live customer of this chain whose referral code ``raw_code`` is.

    Raises:
        BadInput: the code is malformed or mistyped (its check character),
            or no customer of the chain has it.
    """
    code = normalise_code(raw_code)
    friend = ctx.session.scalars(
        select(Customer).where(Customer.referral_code == code, Customer.chain_id == ctx.chain_id,
                               Customer.deleted_at.is_(None))
    ).first()
    if friend is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "No customer has the referral code {code}"),
                       field="referral_code", code=display_code(code))
    return friend


def link_referral(ctx: ServiceContext, referred_id: str, raw_code: str) -> str:
    """Record that the customer with referral code ``raw_code`` referred ``referred_id``; return the referrer's id.

    Raises:
        BadInput: the code is malformed, mistyped or nobody's; it is the
            customer's own; the customer was already referred.
    """
    friend = referrer_by_code(ctx, raw_code)
    if friend.id == referred_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A customer cannot use their own referral code"),
                       field="referral_code")
    link_id = referral_id(referred_id)
    if ctx.session.get(Referral, link_id) is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This customer was already referred by someone else"),
                       field="referral_code")
    stamp = ctx.tick()
    ctx.session.add(Referral(id=link_id, chain_id=ctx.chain_id, referred_id=referred_id, referrer_id=friend.id,
                             code=friend.referral_code, at=ctx.now, staff_id=ctx.actor_id, hlc=stamp))
    record = {"id": link_id, "referred_id": referred_id, "referrer_id": friend.id, "code": friend.referral_code,
              "at": ctx.now.isoformat(), "staff_id": ctx.actor_id}
    ctx.journal(action="referral.record", entity="referral", entity_id=link_id, after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, referred_id)
    ctx.changes.add(Kind.CUSTOMER, friend.id)
    return friend.id
