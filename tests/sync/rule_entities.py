"""Operation types made for the tests of the server's rules, one per shape, with terminal tables.

- ``test_token.use`` appends a ``test_token_use`` row that claims its
  ``token`` (``SingleUseClaim``, scope ``test_token``): a coupon's shape;
- ``test_tally.add`` appends a ``test_tally_entry`` adding ``delta`` to its
  ``account`` (``TallyWithFloor``, floor 0): points' shape;
- ``test_subject.open`` creates a ``test_subject`` and ``test_move.make``
  appends a ``test_move`` of it to a stage (``ClockOrderedReplay``): a
  journey's shape. The subject's ``stage`` is derived: only the rule writes it.

Stages: open → working → done, and open or working → cancelled.

``TEST_STORAGE`` is what a terminal of the tests stores (``create_tables``
adds the tables to a terminal database made by the migrations).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bnaura_desk.domain import field_types as t
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.synced import REGISTRY, Effect, Entity, Field, OperationType, Registry, Shape
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.store.types import JsonText, UtcDateTime
from sync.client.local_apply import Storage, terminal_models
from sync.server.rules import ClockOrderedReplay, Rule, SingleUseClaim, TallyWithFloor, Verdict, server_rules

STAGES = ("open", "working", "done", "cancelled")
NEXT = {"open": {"working", "cancelled"}, "working": {"done", "cancelled"}, "done": set(), "cancelled": set()}


def legal_move(stage: str, to: str) -> Verdict:
    """The legality of a test subject's move: a pure function, as the journey's will be in domain."""
    if to in NEXT.get(stage, set()):
        return Verdict(True, to)
    return Verdict(False, why=f"a subject at {stage} cannot move to {to}")


TOKEN_USE = Entity(
    name="test_token_use", shape=Shape.LEDGER, table="test_token_uses",
    fields=(Field("token", t.Text(40), required=True), Field("sale", t.Text(40))),
    operations=(OperationType("test_token.use", Effect.APPEND),), changes=("chain",),
)
TALLY_ENTRY = Entity(
    name="test_tally_entry", shape=Shape.LEDGER, table="test_tally_entries",
    fields=(Field("account", t.Text(40), required=True), Field("delta", t.Integer(-(10**6), 10**6), required=True)),
    operations=(OperationType("test_tally.add", Effect.APPEND),), changes=("chain",),
)
SUBJECT = Entity(
    name="test_subject", shape=Shape.PROFILE, table="test_subjects",
    fields=(Field("title", t.Text(40)), Field("stage", t.Choice.of(STAGES), derived=True)),
    operations=(OperationType("test_subject.open", Effect.CREATE),), changes=("chain",),
)
MOVE = Entity(
    name="test_move", shape=Shape.LEDGER, table="test_moves",
    fields=(Field("subject_id", t.Id("test_subject"), required=True), Field("to", t.Choice.of(STAGES), required=True)),
    operations=(OperationType("test_move.make", Effect.APPEND),), changes=("chain",),
)

TEST_REGISTRY = REGISTRY.extended([TOKEN_USE, TALLY_ENTRY, SUBJECT, MOVE])


def _token(fields: Mapping[str, Any]) -> str | None:
    return str(fields["token"])


def _account(fields: Mapping[str, Any]) -> str:
    return str(fields["account"])


def _delta(fields: Mapping[str, Any]) -> int:
    return int(fields["delta"])


TEST_RULES: tuple[Rule, ...] = (
    *server_rules(),
    SingleUseClaim(frozenset({"test_token.use"}), "test_token", key=_token),
    TallyWithFloor(frozenset({"test_tally.add"}), "test_account", key=_account, delta=_delta, floor=0),
    ClockOrderedReplay(
        frozenset({"test_move.make"}), "test_subject", subject=lambda f: str(f["subject_id"]),
        move=lambda f: f["to"], initial="open", legal=legal_move, subject_entity="test_subject",
        state_fields=lambda stage: {"stage": stage},
    ),
)


# --- the terminal's tables of the test entities ------------------------------------------


class TestBase(DeclarativeBase):
    metadata = MetaData()


class TokenUse(TestBase):
    __tablename__ = "test_token_uses"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(36))
    token: Mapped[str] = mapped_column(String(40))
    sale: Mapped[str] = mapped_column(String(40), default="")
    hlc: Mapped[str] = mapped_column(String(80))


class TallyEntry(TestBase):
    __tablename__ = "test_tally_entries"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(36))
    account: Mapped[str] = mapped_column(String(40))
    delta: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(80))


class Subject(TestBase):
    __tablename__ = "test_subjects"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(40), default="")
    stage: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[Any] = mapped_column(UtcDateTime)
    updated_at: Mapped[Any] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[Any] = mapped_column(UtcDateTime, nullable=True)


class Move(TestBase):
    __tablename__ = "test_moves"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(36))
    subject_id: Mapped[str] = mapped_column(String(36))
    to: Mapped[str] = mapped_column(String(20))
    hlc: Mapped[str] = mapped_column(String(80))


TEST_STORAGE = Storage(
    TEST_REGISTRY,
    {**terminal_models(REGISTRY), **terminal_models(Registry((TOKEN_USE, TALLY_ENTRY, SUBJECT, MOVE)), TestBase)},
)


def create_tables(engine: Engine) -> None:
    """Add the test entities' tables to a terminal database."""
    TestBase.metadata.create_all(engine)


# --- use cases a terminal of the tests runs (journalled like the app's) --------------------


class NoSuchSubject(DeskError):
    """A move of a subject this terminal does not have."""


def use_token(ctx: ServiceContext, token: str) -> ChangeSet:
    """Use a single-use token (a sale with a coupon); result is the use's id."""
    stamp, row_id = ctx.tick(), uuid7()
    ctx.session.add(TokenUse(id=row_id, chain_id=ctx.chain_id, token=token, sale="S", hlc=stamp))
    record = {"id": row_id, "token": token, "sale": "S"}
    ctx.journal(action="test_token.use", entity="test_token_use", entity_id=row_id, payload={"record": record},
                hlc=stamp)
    return ctx.changes.build(result=row_id)


def add_to_tally(ctx: ServiceContext, account: str, delta: int) -> ChangeSet:
    """Add (or take) ``delta`` to an account's balance; result is the entry's id."""
    stamp, row_id = ctx.tick(), uuid7()
    ctx.session.add(TallyEntry(id=row_id, chain_id=ctx.chain_id, account=account, delta=delta, hlc=stamp))
    record = {"id": row_id, "account": account, "delta": delta}
    ctx.journal(action="test_tally.add", entity="test_tally_entry", entity_id=row_id, payload={"record": record},
                hlc=stamp)
    return ctx.changes.build(result=row_id)


def open_subject(ctx: ServiceContext, subject_id: str) -> ChangeSet:
    """Open a subject with a known id (terminals may open the same one offline); nothing if it is here."""
    if ctx.session.get(Subject, subject_id) is not None:
        return ctx.changes.build(result=None)
    stamp = ctx.tick()
    ctx.session.add(Subject(id=subject_id, chain_id=ctx.chain_id, title="s", created_at=ctx.now,
                            updated_at=ctx.now, hlc=stamp, field_clocks={}))
    ctx.journal(action="test_subject.open", entity="test_subject", entity_id=subject_id,
                payload={"record": {"title": "s"}}, hlc=stamp)
    return ctx.changes.build(result=subject_id)


def move_subject(ctx: ServiceContext, subject_id: str, to: str) -> ChangeSet:
    """Move a subject to ``to``; the server replays the moves in clock order and says where it is.

    The subject's stage is derived: this terminal writes only the move, and
    shows the stage the server folded (the journey will show its own
    pending moves on top).
    """
    if ctx.session.get(Subject, subject_id) is None:
        raise NoSuchSubject("no such subject")
    stamp, row_id = ctx.tick(), uuid7()
    ctx.session.add(Move(id=row_id, chain_id=ctx.chain_id, subject_id=subject_id, to=to, hlc=stamp))
    record = {"id": row_id, "subject_id": subject_id, "to": to}
    ctx.journal(action="test_move.make", entity="test_move", entity_id=row_id, payload={"record": record},
                hlc=stamp)
    return ctx.changes.build(result=row_id)
