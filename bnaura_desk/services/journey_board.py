"""The kanban's read: the journeys board with what a card shows, filtered as the board's filters ask.

``journeys_by_stage`` gives the columns; this adds what a card needs beyond
it (the customer's tier and phone, the item of interest, when the journey
was opened, whether it has waited too long in its stage) and the filters
the board offers that the plain read does not (opened since, text). One
read, a few queries, whatever the number of cards: the board of 5,000 open
journeys opens in one go.

Overdue: a journey is overdue when it has been in its stage longer than
``STAGE_LIMITS`` says. The limits are the clinic's usual pace (a lead is
called within two days, a treatment is done within a few hours of
starting, a follow-up call within a week); they are defaults of the
product, not settings yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.dates import BANGKOK, InTwoLanguages
from ..domain.journeys import CLOSED, Stage
from ..store.models import CatalogItem, Customer, Journey, TierChange
from .daily_jobs import recorded_order
from .journeys import JourneyCard, journeys_by_stage

# How long a journey may wait in a stage before its card is marked overdue.
STAGE_LIMITS: dict[Stage, timedelta] = {
    Stage.LEAD_CREATED: timedelta(days=2),
    Stage.SCANNED: timedelta(days=1),
    Stage.PROPOSAL_SENT: timedelta(days=3),
    Stage.PAYMENT_CONFIRMED: timedelta(days=2),
    Stage.TREATMENT_SCHEDULED: timedelta(days=14),
    Stage.IN_TREATMENT: timedelta(hours=4),
    Stage.TREATMENT_COMPLETED: timedelta(days=1),
    Stage.FOLLOW_UP: timedelta(days=7),
}
# Completed and cancelled journeys stay on the board this long (then they are history, not work).
CLOSED_SHOWN_FOR = timedelta(days=14)


def is_overdue(stage: Stage, seconds_in_stage: int) -> bool:
    """Return whether a journey that has been ``seconds_in_stage`` at ``stage`` has waited too long."""
    limit = STAGE_LIMITS.get(stage)
    return limit is not None and seconds_in_stage > limit.total_seconds()


@dataclass(frozen=True)
class BoardCard:
    """One card of the kanban: the journey and what the card shows of its customer."""

    journey: JourneyCard
    tier: str  # the member's tier key as last recorded ("" for none)
    phone: str
    item: InTwoLanguages | None  # the item of interest (a treatment, mostly)
    opened_at: datetime
    overdue: bool

    @property
    def id(self) -> str:
        return self.journey.id

    @property
    def stage(self) -> Stage:
        return self.journey.stage


@dataclass(frozen=True)
class Board:
    """The kanban's columns in flow order (then completed, cancelled), and when it was read."""

    now: datetime
    columns: tuple[tuple[Stage, tuple[BoardCard, ...]], ...]

    def cards(self, stage: Stage) -> tuple[BoardCard, ...]:
        return next(cards for s, cards in self.columns if s is stage)


def journey_board(session: Session, now: datetime, *, owner_id: str | None = None,
                  beautician_id: str | None = None, opened_since: date | None = None, text: str = "") -> Board:
    """Return this terminal's branch's board, filtered; every stage a column, cards longest-waiting first.

    ``opened_since``: journeys opened on or after that day (Bangkok);
    ``text``: a part of the customer's name (Thai, English or nickname) or
    phone. Completed and cancelled journeys are shown for
    ``CLOSED_SHOWN_FOR`` after they closed.
    """
    columns = journeys_by_stage(session, now, owner_id=owner_id, beautician_id=beautician_id)
    ids = [c.id for col in columns for c in col.cards]
    extra: dict[str, tuple[datetime, str | None, str, str, str]] = {}
    if ids:
        query = (select(Journey.id, Journey.created_at, Journey.item_id, Customer.phone, Customer.name_en,
                        Customer.nickname)
                 .join(Customer, Customer.id == Journey.customer_id).where(Journey.id.in_(ids)))
        extra = {row[0]: tuple(row[1:]) for row in session.execute(query)}  # type: ignore[misc]
    items = {i: InTwoLanguages(th, en) for i, th, en in session.execute(
        select(CatalogItem.id, CatalogItem.name_th, CatalogItem.name_en)
        .where(CatalogItem.id.in_({e[1] for e in extra.values() if e[1]})))}
    tiers = {c: tier for c, tier in session.execute(
        select(TierChange.customer_id, TierChange.to_tier).order_by(*recorded_order()))}
    since = datetime.combine(opened_since, datetime.min.time(), BANGKOK) if opened_since is not None else None
    needle = text.strip().casefold()
    digits = "".join(ch for ch in needle if ch.isdigit())
    # Phones are kept as +66…: "0834" as typed is "834" after the country code.
    digits = digits.removeprefix("0")
    closed_after = now - CLOSED_SHOWN_FOR
    out: list[tuple[Stage, tuple[BoardCard, ...]]] = []
    for column in columns:
        cards: list[BoardCard] = []
        for card in column.cards:
            opened, item_id, phone, name_en, nickname = extra[card.id]
            if since is not None and opened < since:
                continue
            if card.stage in CLOSED and card.entered_at < closed_after:
                continue
            if needle and not (needle in card.customer_name.casefold() or needle in name_en.casefold()
                               or needle in nickname.casefold() or (len(digits) >= 3 and digits in phone)):
                continue
            cards.append(BoardCard(card, tiers.get(card.customer_id, ""), phone,
                                   items.get(item_id) if item_id else None, opened,
                                   is_overdue(card.stage, card.seconds_in_stage)))
        out.append((column.stage, tuple(cards)))
    return Board(now, tuple(out))
