"""The server database (SQLite for one clinic, PostgreSQL for a chain of branches).

The tenant is a chain (``chains``); its branches (``branches``) are what a
clinic is at the counter: their own terminals, stock and day's work.
Records are stored generically: one row per (chain, entity, id) with its
JSON data, the clock of each field's last write and a tombstone, and the
branch it belongs to when its entity is branch-only (``branch_id``; NULL
for a chain-wide row, which reaches every terminal of the chain). The
apply step settles conflicts on that shape alone, so a new synced entity
is a declaration in ``bnaura_desk.domain.synced``, not a new table here.
Rules the server settles (``sync.server.rules``) keep their state in
indexed tables of their own, keyed by chain. Every tenant table carries
``chain_id``; on PostgreSQL row-level security keyed by it (and by the
branch for branch-only rows) is a second wall behind the queries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bnaura_desk.store.models import NAMING  # one constraint-naming rule for both databases
from bnaura_desk.store.types import UtcDateTime


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


Id = String(36)


class ServerChain(ServerBase):
    """A chain of clinics: the tenant. ``last_cursor`` numbers its one change feed."""

    __tablename__ = "chains"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Taken under a row lock in the applying transaction, so cursors of one
    # chain commit in increasing order and a puller never skips one.
    last_cursor: Mapped[int] = mapped_column(BigInteger, default=0)

    # Named as when the table was ``clinics`` (migration 0006 renamed the
    # table, not its constraints).
    __table_args__ = (UniqueConstraint("name", name="uq_clinics_name"),)


class ServerBranch(ServerBase):
    """A branch of a chain: its terminals, its stock, its number on tax documents.

    A clinic that was a tenant of its own before chains existed is a chain
    of one branch with the same id as the chain.
    """

    __tablename__ = "branches"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Five digits: "00000" is the head office (สำนักงานใหญ่), printed on tax invoices.
    branch_no: Mapped[str] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (UniqueConstraint("chain_id", "name"), UniqueConstraint("chain_id", "branch_no"))


class EnrollmentCode(ServerBase):
    """A one-time code that lets one terminal join a branch (stored hashed)."""

    __tablename__ = "enrollment_codes"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), index=True)
    # Always set; nullable in the schema only (migration 0006 adds it without rebuilding the table).
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), nullable=True)
    code_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    used_by_device: Mapped[str | None] = mapped_column(Id, nullable=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)


class Device(ServerBase):
    """An enrolled terminal: its token hash and the next sequence number it owes.

    ``last_hlc`` is the latest clock the server kept for any of its
    operations ("" before the first): a clock bounded because the terminal
    runs far ahead is ticked past it, so the device's later edits keep
    their order even when two are bounded in the same server millisecond.
    """

    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), index=True)
    # Always set; nullable in the schema only (migration 0006 adds it without rebuilding the table).
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), nullable=True)
    name: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    next_seq: Mapped[int] = mapped_column(BigInteger, default=1)
    last_hlc: Mapped[str] = mapped_column(String(80), default="", server_default="")


class AppliedOperation(ServerBase):
    """Kept forever: (device, seq) → the payload hash and the outcome given.

    A resend of the same (device, seq) with the same hash gets this stored
    outcome back; with another hash it is a conflict (409).
    """

    __tablename__ = "applied_operations"
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), index=True)
    # Unique per device: an op id is the device's own (another chain's
    # device reusing it must not collide with a row it cannot even see).
    op_id: Mapped[str] = mapped_column(Id)
    type: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    hlc: Mapped[str] = mapped_column(String(80))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(60), default="")
    detail: Mapped[Any] = mapped_column(JSON, default=dict)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (UniqueConstraint("device_id", "op_id"),)


class Record(ServerBase):
    """The merged state of one synced row (a customer, a visit, a staff member...).

    Keyed by its tenant first: ids are made on devices and are not secret,
    so a device of one chain naming another chain's id makes a row of its
    own chain, never touches or blocks the other's. ``field_clocks`` is
    compact (``bnaura_desk.domain.field_clocks``).
    """

    __tablename__ = "records"
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_clocks: Mapped[dict[str, str]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(80))  # the latest clock of any field
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    cursor: Mapped[int] = mapped_column(BigInteger)  # the chain's cursor of the last change
    # The branch whose terminals alone receive it (a branch-only entity's
    # row); NULL: every terminal of the chain.
    branch_id: Mapped[str | None] = mapped_column(Id, nullable=True)


class ChangeEntry(ServerBase):
    """The chain's change feed: which record changed at which cursor (and whose branch it is, if any)."""

    __tablename__ = "changes"
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    branch_id: Mapped[str | None] = mapped_column(Id, nullable=True)  # as the record's


class SyncException(ServerBase):
    """A conflict settled by rule that a manager must know about."""

    __tablename__ = "sync_exceptions"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str | None] = mapped_column(Id, nullable=True)  # as its record's: NULL is chain-wide
    kind: Mapped[str] = mapped_column(String(40))  # "edit_lost_to_delete", "clock_ahead", ...
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    detail: Mapped[Any] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_sync_exceptions_chain_open", "chain_id", "resolved_at"),)


# ---------------------------------------------------------------- state of the server's rules
# Each rule keeps what it settles by in a table keyed by what the rule is
# about: (chain, scope, key), so a rule reads the few rows a batch touches
# through the primary key and never scans records. ``scope`` names the rule
# ("coupon", "points"...), so rules share a table without their keys meeting.


class RuleClaim(ServerBase):
    """A single-use key (a coupon's code) and the operation that claimed it first."""

    __tablename__ = "rule_claims"
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    device_id: Mapped[str] = mapped_column(Id)
    seq: Mapped[int] = mapped_column(BigInteger)
    op_id: Mapped[str] = mapped_column(Id)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    hlc: Mapped[str] = mapped_column(String(80))
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RuleTally(ServerBase):
    """A balance the operations add to and take from (a member's points)."""

    __tablename__ = "rule_tallies"
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    balance: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RuleMove(ServerBase):
    """One accepted move of a subject (a journey), kept in clock order for replays.

    ``legal`` is whether the move is legal at its place in clock order, as
    of the latest fold: a move that arrives late with an earlier clock may
    make a later one illegal.
    """

    __tablename__ = "rule_moves"
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    subject: Mapped[str] = mapped_column(String(80), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80), primary_key=True)
    device_id: Mapped[str] = mapped_column(Id)
    seq: Mapped[int] = mapped_column(BigInteger)
    op_id: Mapped[str] = mapped_column(Id)
    entity_id: Mapped[str] = mapped_column(String(80))
    move: Mapped[Any] = mapped_column(JSON)
    legal: Mapped[bool] = mapped_column(Boolean)
