"""Achievements: unlocking them for a member, with their points, once; the gallery; a manager's definitions.

The rules are ``domain.achievements``; this module gathers a member's facts
from the database, writes each unlock (``achievement_unlocks``, an id
derived from the member and the achievement) with its points award (a
points entry whose id is derived from the unlock), and reads the gallery.
Two terminals unlocking the same achievement offline write the same two
rows, which sync merges: one unlock and one award (issue 11).

``evaluate_achievements`` is called after what may unlock something: a
check-in, a registration with a referral, a sale at the counter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import achievements as rules
from ..domain.achievements import Definition, MemberFacts, Progress, Sale
from ..domain.catalog import ItemKind
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.loyalty_program import day_start
from ..domain.points import EntryKind, PointsSource
from ..domain.roles import Permission
from ..store.models import AchievementUnlock, CatalogItem, Customer, Payment, PointsEntry, Referral, Visit
from ..store.models import Sale as SaleRow
from .context import ServiceContext
from .customers import live_customer
from .points_ledger import record_points
from .settings import chain_setting, write_chain_setting


def achievement_definitions(session: Session, chain_id: str) -> tuple[Definition, ...]:
    """Return the chain's achievement definitions (the defaults when no manager set any)."""
    return rules.stored_definitions(chain_setting(session, chain_id, rules.SETTING_KEY))


def referral_times(session: Session, customer_id: str) -> tuple[datetime, ...]:
    """Return when each friend the member referred was registered with their code (``referrals``)."""
    return tuple(session.scalars(select(Referral.at).where(Referral.referrer_id == customer_id)))


def member_facts(session: Session, customer_id: str) -> MemberFacts:
    """Return what achievements look at for ``customer_id``, as far as this terminal knows it.

    Paid sales (what was paid of each, a deposit's part included), visits
    (check-ins), reviews (the days a review earned points), referrals, the
    registration date and birthday. Treatments performed are added by the
    issue that records who performed them (the task queue).
    """
    customer = session.get(Customer, customer_id)
    visits = session.scalars(select(Visit.checked_in_at).where(Visit.customer_id == customer_id))
    reviews = session.scalars(select(PointsEntry.at).where(
        PointsEntry.customer_id == customer_id, PointsEntry.source == str(PointsSource.REVIEW)))
    paid = session.execute(
        select(SaleRow.at, func.sum(Payment.amount_satang)).join(Payment, Payment.sale_id == SaleRow.id)
        .where(SaleRow.customer_id == customer_id).group_by(SaleRow.id, SaleRow.at).order_by(SaleRow.at))
    return MemberFacts(
        sales=tuple(Sale(at, int(amount)) for at, amount in paid),
        visits=tuple(visits),
        reviews=tuple(reviews),
        referrals=referral_times(session, customer_id),
        registered_at=customer.created_at if customer is not None else None,
        birthday=customer.birthday if customer is not None else None,
    )


def _unlocks(session: Session, customer_id: str) -> dict[str, AchievementUnlock]:
    rows = session.scalars(select(AchievementUnlock).where(AchievementUnlock.customer_id == customer_id))
    return {row.achievement: row for row in rows}


def evaluate_achievements(ctx: ServiceContext, customer_id: str) -> ChangeSet:
    """Unlock every achievement ``customer_id`` now meets and has not unlocked, awarding its points once.

    Result is the keys newly unlocked, in the definitions' order (empty
    when none). Idempotent: a second call unlocks nothing. An unlock's id
    is ``unlock_id(customer, key)`` and its award's ``award_id(unlock)``, so
    another terminal unlocking the same achievement offline makes the same
    rows. An achievement worth 0 points is unlocked without an award. No
    permission is needed: it follows from what was recorded (a check-in,
    a sale), whoever recorded it.

    Raises:
        NotFound: the customer was deleted.
    """
    return ctx.changes.build(result=unlock_achievements(ctx, customer_id))


def unlock_achievements(ctx: ServiceContext, customer_id: str) -> tuple[str, ...]:
    """Unlock and award what ``customer_id`` now meets, in the caller's transaction; return the keys unlocked.

    The building block of ``evaluate_achievements``, for a use case that
    records what may unlock something (a checkout, a check-in) and must
    unlock in the same transaction: the caller's ``ChangeSet`` names the
    member. Same rules and errors as ``evaluate_achievements``.
    """
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    definitions = achievement_definitions(ctx.session, ctx.chain_id)
    have = _unlocks(ctx.session, customer.id)
    facts = member_facts(ctx.session, customer.id)
    unlocked: list[str] = []
    for definition in rules.newly_unlocked(definitions, facts, have.keys(), ctx.now):
        _unlock(ctx, customer.id, definition)
        unlocked.append(definition.key)
    return tuple(unlocked)


def unlock_row(ctx: ServiceContext, customer_id: str, definition: Definition,
               stamp: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the ``achievement_unlocks`` row and synced record of an unlock made now with clock ``stamp``.

    Dated the clinic day's start and naming no staff: two terminals
    unlocking it offline the same day write the very same record (and
    award). The bulk registration writes the same rows as ``_unlock``.
    """
    unlock_id = rules.unlock_id(customer_id, definition.key)
    at = day_start(ctx.now)
    row = {"id": unlock_id, "chain_id": ctx.chain_id, "customer_id": customer_id, "achievement": definition.key,
           "at": at, "points": definition.points, "staff_id": None, "hlc": stamp}
    record = {"id": unlock_id, "customer_id": customer_id, "achievement": definition.key, "at": at.isoformat(),
              "points": definition.points, "staff_id": None}
    return row, record


def award_reason(definition: Definition) -> str:
    """Return what a member's history says of an achievement's award: its name, in both languages when given."""
    if definition.name_en and definition.name_en != definition.name_th:
        return f"{definition.name_th} ({definition.name_en})"
    return definition.name_th


def _unlock(ctx: ServiceContext, customer_id: str, definition: Definition) -> None:
    """Write and journal one unlock and its award (the caller found it new)."""
    stamp = ctx.tick()
    row, record = unlock_row(ctx, customer_id, definition, stamp)
    ctx.session.add(AchievementUnlock(**row))
    ctx.journal(action="achievement.unlock", entity="achievement_unlock", entity_id=row["id"], after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    if definition.points > 0:
        record_points(ctx, customer_id, EntryKind.EARN, definition.points, PointsSource.ACHIEVEMENT,
                      award_reason(definition), entry_id=rules.award_id(row["id"]), at=row["at"])


def set_achievement_definitions(ctx: ServiceContext, definitions: Sequence[Definition | Mapping[str, Any]]) -> ChangeSet:
    """Replace the chain's achievement definitions (the manager screen saves the whole list).

    ``definitions`` are ``Definition`` objects or their stored form (dicts,
    as ``domain.achievements.definitions_value`` makes). Unlocks already
    made stay, even of an achievement removed or made harder. Result is
    the number of definitions kept.

    Raises:
        PermissionDenied: the actor may not define achievements (managers may).
        BadInput: a key used twice, an unknown category or condition, a
            target not above zero, points not 0 to 100,000, a missing Thai
            name, a treatment not in the catalog...; nothing is written.
    """
    ctx.require(Permission.LOYALTY_MANAGE)
    value = [rules.definition_value(d) if isinstance(d, Definition) else d for d in definitions]
    for definition in rules.definitions_from_value(value):
        item_id = definition.condition.item_id
        item = ctx.session.get(CatalogItem, item_id) if item_id is not None else None
        if item_id is not None and (item is None or item.chain_id != ctx.chain_id
                                    or item.kind != str(ItemKind.TREATMENT)):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Achievement {key} names a treatment the catalog does not have"),
                           field="item_id", key=definition.key)
    stored = write_chain_setting(ctx, rules.SETTING_KEY, value)
    return ctx.changes.build(result=len(stored))


@dataclass(frozen=True)
class GalleryEntry:
    """One achievement as a member's gallery shows it."""

    definition: Definition
    progress: Progress
    unlocked_at: datetime | None  # None: still locked
    points_awarded: int | None  # what the unlock awarded (the definition's points may have changed since)

    @property
    def unlocked(self) -> bool:
        return self.unlocked_at is not None


def achievement_gallery(session: Session, chain_id: str, customer_id: str, now: datetime) -> list[GalleryEntry]:
    """Return ``customer_id``'s achievements at ``now``, in the definitions' order, secret ones only once unlocked.

    An achievement met but not yet unlocked (the job has not run since)
    shows as done in its progress and locked until then.
    """
    definitions = achievement_definitions(session, chain_id)
    have = _unlocks(session, customer_id)
    facts = member_facts(session, customer_id)
    gallery: list[GalleryEntry] = []
    for definition in definitions:
        unlock = have.get(definition.key)
        if not rules.visible(definition, unlock is not None):
            continue
        if unlock is None:
            gallery.append(GalleryEntry(definition, rules.progress(definition, facts, now), None, None))
        else:
            # Unlocked stays done, even if a manager has made it harder since.
            target = definition.condition.threshold
            gallery.append(GalleryEntry(definition, Progress(target, target, True), unlock.at, unlock.points))
    return gallery
