"""The terminal database, table by table.

Syncable rows carry a UUIDv7 id made on this device, ``chain_id`` (the tenant), UTC
timestamps, the hybrid-logical-clock stamp of their last change and a
tombstone (``deleted_at``) instead of a hard delete. Profile tables also keep
``field_clocks``: the clock of each field's last write, compact (``domain.field_clocks``), which is what sync's
last-writer-wins-per-field rule compares.

Ledger tables (audit, outbox, visits, consents, stock movements) are
append-only; triggers in the migrations refuse UPDATE and DELETE where a
change would rewrite history.

Tables marked *local* never sync: they describe this terminal.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import ClockTime, IsoDate, JsonText, UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


Id = String(36)


class Chain(Base):
    """The tenant: a chain of branches (a single clinic is a chain of one branch of the same id)."""

    __tablename__ = "chains"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Branch(Base):
    """A branch of the chain: seller details printed on tax invoices, opening hours."""

    __tablename__ = "branches"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    tax_id: Mapped[str] = mapped_column(String(13), default="")
    # Printed on tax documents: 00000 is the head office.
    branch_code: Mapped[str] = mapped_column(String(5), default="00000")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    opening_hours: Mapped[Any] = mapped_column(JsonText, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class DeviceState(Base):
    """Local: this terminal's identity and counters (exactly one row).

    ``last_seq`` numbers outbox operations without gaps; ``last_hlc`` keeps
    the clock from going backwards across restarts; the referral counter
    numbers this device's referral codes.
    """

    __tablename__ = "device_state"
    device_id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    device_name: Mapped[str] = mapped_column(String(100))
    pos_number: Mapped[str] = mapped_column(String(40), default="")
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hlc: Mapped[str] = mapped_column(String(80), default="")
    referral_tag: Mapped[str] = mapped_column(String(4))
    referral_counter: Mapped[int] = mapped_column(Integer, default=0)
    # Numbers this device's coupon codes (domain.coupons), after the same tag.
    coupon_counter: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Setting(Base):
    """Chain settings (key → JSON value), e.g. the PIN lockout policy."""

    __tablename__ = "settings"
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonText)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))


class BranchSetting(Base):
    """A branch's own value of a chain setting marked per-branch (id derived from branch and key)."""

    __tablename__ = "branch_settings"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JsonText, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class Staff(Base):
    """A member of staff: role and argon2 hash of the PIN."""

    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The branches the member may sign in at; empty: every branch.
    branch_ids: Mapped[list[str]] = mapped_column(JsonText, default=list, server_default="[]")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class PinAttempts(Base):
    """Local: wrong-PIN count and lock of one staff account on this terminal."""

    __tablename__ = "pin_attempts"
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_failure_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class AuditEntry(Base):
    """Append-only: who did what, when, with the values before and after."""

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    device_id: Mapped[str] = mapped_column(Id)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    authorized_by_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(Id)
    before: Mapped[Any] = mapped_column(JsonText, nullable=True)
    after: Mapped[Any] = mapped_column(JsonText, nullable=True)
    op_seq: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)

    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)


class OutboxOperation(Base):
    """Append-only: one operation for the server, in per-device order.

    ``seq`` is gapless per device (taken from ``device_state.last_seq`` in
    the same transaction). ``payload`` is canonical JSON and
    ``payload_sha256`` its hash, which the server keeps with (device, seq) to
    tell a harmless resend from a conflicting one. Only the outcome columns
    change after the row is written.
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    op_id: Mapped[str] = mapped_column(Id, unique=True)
    device_id: Mapped[str] = mapped_column(Id)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    type: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(Id)
    hlc: Mapped[str] = mapped_column(String(80))
    actor_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    outcome_detail: Mapped[Any] = mapped_column(JsonText, nullable=True)
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (Index("ix_outbox_entity", "entity", "entity_id"),)


class Customer(Base):
    """A customer's profile. Consents and visits are ledgers beside it."""

    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    name_th: Mapped[str] = mapped_column(String(120), default="")
    name_en: Mapped[str] = mapped_column(String(120), default="")
    nickname: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(16), index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    line_id: Mapped[str] = mapped_column(String(40), default="")
    birthday: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    gender: Mapped[str] = mapped_column(String(12), default="unspecified")
    skin_notes: Mapped[str] = mapped_column(Text, default="")
    channels: Mapped[list[str]] = mapped_column(JsonText, default=list)
    quiet_start: Mapped[time | None] = mapped_column(ClockTime, nullable=True)
    quiet_end: Mapped[time | None] = mapped_column(ClockTime, nullable=True)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_code: Mapped[str] = mapped_column(String(10), unique=True)
    # Where the customer registered; None for customers from before branches.
    registered_branch_id: Mapped[str | None] = mapped_column(ForeignKey("branches.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (
        # Named before chains: an upgrade at 1,000,000 customers keeps it instead of rebuilding it.
        Index("ix_customers_clinic_name", "chain_id", "name_th"),
        # The customer list's "recently changed first" (search_customers with nothing typed).
        Index("ix_customers_updated_at", "updated_at"),
    )


class CustomerSearchTerm(Base):
    """Local, derived: the words a customer can be found by (see domain.search)."""

    __tablename__ = "customer_search_terms"
    term: Mapped[str] = mapped_column(String(200), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    __table_args__ = ({"sqlite_with_rowid": False},)


class CustomerSearchPending(Base):
    """Local, derived: customers pulled in a large page whose search terms are still to be written.

    A bootstrap writes these instead of the terms, and indexes them all at
    the end of the sync round in term order (``services.search_index``):
    inserted page by page, the terms of 1,000,000 customers land all over
    the term index and make each page rewrite most of it.
    """

    __tablename__ = "customer_search_pending"
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


class ConsentEvent(Base):
    """Append-only: a PDPA consent given or withdrawn for one purpose."""

    __tablename__ = "consent_events"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    granted: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    hlc: Mapped[str] = mapped_column(String(80))


class PointsEntry(Base):
    """Append-only: points a member earned (a lot, until ``expires_at``) or spent (``domain.points``)."""

    __tablename__ = "points_entries"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(10))  # "earn" | "spend"
    points: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        Index("ix_points_entries_customer_id_at", "customer_id", "at"),
        # The expiry job's question: which lots are past their time.
        Index("ix_points_entries_expires_at", "expires_at"),
    )


class PointsExpiry(Base):
    """Append-only: one earned lot expired; its id is derived from the lot, so every terminal makes the same row."""

    __tablename__ = "points_expiries"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    lot_id: Mapped[str] = mapped_column(ForeignKey("points_entries.id"), unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))


class TierChange(Base):
    """Append-only: a member moved from one tier to another in a month; derived id, one row on every terminal."""

    __tablename__ = "tier_changes"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    from_tier: Mapped[str] = mapped_column(String(20))
    to_tier: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM (Asia/Bangkok)
    basis: Mapped[str] = mapped_column(String(10))  # lifetime | rolling
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (Index("ix_tier_changes_customer_id_at", "customer_id", "at"),)


class Referral(Base):
    """Append-only: who referred a new customer; its id is derived from the referred, so there is one."""

    __tablename__ = "referrals"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    referred_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), unique=True)
    referrer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class Visit(Base):
    """Append-only: a customer checked in at the counter."""

    __tablename__ = "visits"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    checked_in_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    device_id: Mapped[str] = mapped_column(Id)
    # Where it happened; None: before branches (the branch whose id is the chain's).
    branch_id: Mapped[str | None] = mapped_column(ForeignKey("branches.id"), nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class CatalogItem(Base):
    """Something the clinic sells: a treatment, a product or a package.

    Prices are VAT-inclusive integer satang; ``vat_exempt`` marks medical
    services exempt under Revenue Code section 81. Kind-specific columns are
    empty for the other kinds. A product's stock is the sum of its stock
    movements, never a stored count.
    """

    __tablename__ = "catalog_items"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    kind: Mapped[str] = mapped_column(String(12), index=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    price_satang: Mapped[int] = mapped_column(Integer)
    vat_exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    protocol_steps: Mapped[list[str]] = mapped_column(JsonText, default=list)
    sku: Mapped[str | None] = mapped_column(String(40), nullable=True)
    barcode: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    package_treatment_id: Mapped[str | None] = mapped_column(
        ForeignKey("catalog_items.id"), nullable=True
    )
    package_sessions: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The clinic's own grouping ("Laser", "Facial"); "" for none. The counter's rules may name it.
    category: Mapped[str] = mapped_column(String(60), default="")
    # Short lower-case words ("acne", "hydration") that suggestion rules match a skin scan against.
    tags: Mapped[list[str]] = mapped_column(JsonText, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class BranchPrice(Base):
    """A branch's own price (null: the catalog's) and availability of a catalog item.

    The id is ``derived_id("branch_price", item_id, branch_id)``: one row per item and branch.
    """

    __tablename__ = "branch_prices"
    __table_args__ = (Index("ix_branch_prices_branch_id_item_id", "branch_id", "item_id", unique=True),)
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    price_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class StockMovement(Base):
    """Append-only: stock of a product received, sold, counted or written off."""

    __tablename__ = "stock_movements"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class LedgerAlignment(Base):
    """Local: the synced ledger whose row a pull is giving the chain's version (see migration 0015).

    A row exists only within the pull's transaction, for the one update;
    while it does, that table's append-only trigger lets an UPDATE through.
    """

    __tablename__ = "ledger_alignments"
    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)


class LoyaltyJobMark(Base):
    """Local: how far a daily loyalty job has looked (one row per job), so a night with little new looks at little.

    Up to the ``points_entries`` row ``entries_rowid`` (whose id was
    ``entries_id``: a file whose rowids were renumbered is looked at whole
    again), everything the job ``job`` had to do at ``ran_at`` is done;
    the tier job also notes the last ``tier_changes`` and ``customers``
    rows it saw, and the program it ranked with (``basis``).
    """

    __tablename__ = "loyalty_job_marks"
    job: Mapped[str] = mapped_column(String(20), primary_key=True)
    entries_rowid: Mapped[int] = mapped_column(Integer)
    entries_id: Mapped[str] = mapped_column(String(36), default="")
    changes_rowid: Mapped[int] = mapped_column(Integer, default=0)
    changes_id: Mapped[str] = mapped_column(String(36), default="")
    customers_rowid: Mapped[int] = mapped_column(Integer, default=0)
    customers_id: Mapped[str] = mapped_column(String(36), default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    ran_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncState(Base):
    """Local: this terminal's link to the clinic server (one row once enrolled).

    ``pull_cursor`` is the server's change-feed position this terminal has
    applied up to; it moves in the same transaction as the pulled page.
    """

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # always 1
    server_url: Mapped[str] = mapped_column(String(400))
    token: Mapped[str] = mapped_column(String(200))
    clinic_name: Mapped[str] = mapped_column(String(200), default="")
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # A CA bundle to verify the server's certificate with ("" = the system's).
    ca_file: Mapped[str] = mapped_column(String(400), default="")


class SyncExceptionRow(Base):
    """A conflict the server settled by rule that a manager must see (pulled).

    The server raises it; terminals receive it like any record, and a
    manager marks it resolved with a note on any terminal (synced, last
    writer wins per field).
    """

    __tablename__ = "sync_exceptions"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))  # edit_lost_to_delete, clock_ahead, rejected_operation...
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[Any] = mapped_column(JsonText, default=dict)
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (Index("ix_sync_exceptions_open", "resolved_at", "raised_at"),)


class ParkedReason(StrEnum):
    """Why a pulled row waits in ``sync_parked``."""

    WAITING = "waiting"  # for a parent that has not arrived (not a problem)
    UNKNOWN_ENTITY = "unknown_entity"  # a kind of record this version does not know
    UNSTORABLE = "unstorable"  # a value this version cannot store
    UNKNOWN_FIELDS = "unknown_fields"  # stored without fields this version does not know


class ParkedChange(Base):
    """Local: a pulled row this terminal cannot store yet, and why.

    ``reason`` is ``waiting`` when its parent (a visit's customer, a
    package's treatment) has not arrived: pull pages follow the server's
    cursor, so a visit can arrive a page before its customer; it waits here
    and is applied when the parent is. ``unknown_entity`` (a kind of record
    this version does not know) and ``unstorable`` (a value it cannot
    store, ``problem`` says which) wait for an update of the terminal and
    are shown to managers; every pull tries them again.
    """

    __tablename__ = "sync_parked"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    cursor: Mapped[int] = mapped_column(Integer)
    change: Mapped[Any] = mapped_column(JsonText)
    reason: Mapped[str] = mapped_column(String(20), default="waiting", server_default="waiting")
    problem: Mapped[str] = mapped_column(Text, default="", server_default="")


class Coupon(Base):
    """A coupon: percent, amount or free item, its validity and limits (``domain.coupons``).

    Its terms never change once issued; a manager may void it. Whether it
    is used is counted from ``coupon_uses``, never stored.
    """

    __tablename__ = "coupons"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    # Unique: the counter's check by code is one lookup of this index.
    code: Mapped[str] = mapped_column(String(11), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    percent: Mapped[int] = mapped_column(Integer, default=0)
    amount_satang: Mapped[int] = mapped_column(Integer, default=0)
    free_item_id: Mapped[str | None] = mapped_column(ForeignKey("catalog_items.id"), nullable=True)
    valid_from: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    min_spend_satang: Mapped[int] = mapped_column(Integer, default=0)
    item_ids: Mapped[list[str]] = mapped_column(JsonText, default=list)
    item_kinds: Mapped[list[str]] = mapped_column(JsonText, default=list)
    usage_limit: Mapped[int | None] = mapped_column(Integer, nullable=True, default=1)
    per_customer_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before_tier_discount: Mapped[bool] = mapped_column(Boolean, default=False)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), nullable=True, index=True)
    campaign: Mapped[str] = mapped_column(String(200), default="", index=True)
    reward_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class CouponUse(Base):
    """Append-only: a coupon used at a sale, where, when, by whom and for how much."""

    __tablename__ = "coupon_uses"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    coupon_id: Mapped[str] = mapped_column(ForeignKey("coupons.id"), index=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), nullable=True)
    use_no: Mapped[int] = mapped_column(Integer)
    customer_use_no: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    branch_id: Mapped[str | None] = mapped_column(ForeignKey("branches.id"), nullable=True)
    terminal: Mapped[str] = mapped_column(String(100), default="")
    sale_ref: Mapped[str] = mapped_column(String(100), default="")
    discount_satang: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(80))


class RewardRow(Base):
    """A reward of the catalog, or a manager's version of a default reward (same id; ``domain.rewards``)."""

    __tablename__ = "rewards"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    name_th: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    points_cost: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    percent: Mapped[int] = mapped_column(Integer, default=0)
    amount_satang: Mapped[int] = mapped_column(Integer, default=0)
    free_item_id: Mapped[str | None] = mapped_column(ForeignKey("catalog_items.id"), nullable=True)
    free_item_sku: Mapped[str | None] = mapped_column(String(40), nullable=True)
    validity_days: Mapped[int] = mapped_column(Integer, default=90)
    min_spend_satang: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class AchievementUnlock(Base):
    """Append-only: a member unlocked an achievement; its id is derived from the member and the key.

    ``points`` is what the unlock awarded (the achievement's points then);
    the award is a points entry whose id is derived from this row's.
    """

    __tablename__ = "achievement_unlocks"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    achievement: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    points: Mapped[int] = mapped_column(Integer)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class Shift(Base):
    """A cash drawer's shift on one terminal: opened with a float, closed with the cash counted (branch-only)."""

    __tablename__ = "shifts"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    device_id: Mapped[str] = mapped_column(Id, index=True)
    terminal: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    float_satang: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    counted: Mapped[dict[str, int]] = mapped_column(JsonText, default=dict)  # satang value of a note or coin: how many
    counted_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expected_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class Sale(Base):
    """Append-only: one sale as it was paid for, with its priced totals and its receipt's number.

    Chain-wide for reading (a member's history at every branch); its
    documents are the issuing branch's. A void or refund is its own record.
    """

    __tablename__ = "sales"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    device_id: Mapped[str] = mapped_column(Id)
    terminal: Mapped[str] = mapped_column(String(100), default="")
    pos_number: Mapped[str] = mapped_column(String(40), default="")
    shift_id: Mapped[str | None] = mapped_column(Id, nullable=True, index=True)
    number: Mapped[str] = mapped_column(String(30), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), nullable=True, index=True)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    subtotal_satang: Mapped[int] = mapped_column(Integer)
    line_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    tier_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    coupon_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    vatable_satang: Mapped[int] = mapped_column(Integer, default=0)
    vat_satang: Mapped[int] = mapped_column(Integer, default=0)
    exempt_satang: Mapped[int] = mapped_column(Integer, default=0)
    tier: Mapped[str] = mapped_column(String(20), default="")
    points_earned: Mapped[int] = mapped_column(Integer, default=0)
    coupon_code: Mapped[str] = mapped_column(String(11), default="")
    balance_due_on: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A terminal's receipts: one per number, and the next one found fast.
        Index("uq_sales_device_id_seq", "device_id", "seq", unique=True),
    )


class SaleLine(Base):
    """Append-only: one line of a sale, each pricing step as it was applied."""

    __tablename__ = "sale_lines"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_satang: Mapped[int] = mapped_column(Integer)
    original_satang: Mapped[int] = mapped_column(Integer)
    line_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    discount_reason: Mapped[str] = mapped_column(String(200), default="")
    tier_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    coupon_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    net_satang: Mapped[int] = mapped_column(Integer)
    vat_code: Mapped[str] = mapped_column(String(10))
    sold_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class Payment(Base):
    """Append-only: money taken for a sale (at checkout, or later for a deposit's balance)."""

    __tablename__ = "payments"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    shift_id: Mapped[str | None] = mapped_column(Id, nullable=True, index=True)
    method: Mapped[str] = mapped_column(String(12))
    amount_satang: Mapped[int] = mapped_column(Integer)
    tendered_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    change_satang: Mapped[int] = mapped_column(Integer, default=0)
    approval_code: Mapped[str] = mapped_column(String(12), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")
    reference: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class Refund(Base):
    """Append-only: money given back for a sale (a refund, or a void in its own shift), with its credit note's number.

    ``lines`` is what came back of each sale line (``domain.refunds.RefundedLine``
    records); ``device_id`` is the terminal that made it (the clock's node).
    """

    __tablename__ = "refunds"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    device_id: Mapped[str] = mapped_column(Id)
    shift_id: Mapped[str | None] = mapped_column(Id, nullable=True, index=True)
    terminal: Mapped[str] = mapped_column(String(100), default="")
    number: Mapped[str] = mapped_column(String(30), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JsonText, default=list)
    amount_satang: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(500))
    approved_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    points_taken: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A terminal's credit notes: one per number.
        Index("uq_refunds_device_id_seq", "device_id", "seq", unique=True),
    )


class TaxInvoice(Base):
    """Append-only: a full tax invoice issued on request for a sale, replacing its receipt, with the buyer it names.

    ``device_id`` is the terminal that issued it (the clock's node); ``buyer_branch``
    is five digits (``00000``: head office) or ``None`` for a person.
    """

    __tablename__ = "tax_invoices"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    device_id: Mapped[str] = mapped_column(Id)
    terminal: Mapped[str] = mapped_column(String(100), default="")
    number: Mapped[str] = mapped_column(String(30), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_tin: Mapped[str] = mapped_column(String(13))
    buyer_address: Mapped[str] = mapped_column(String(500))
    buyer_branch: Mapped[str | None] = mapped_column(String(5), nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A terminal's full tax invoices: one per number. Not unique per sale: two
        # terminals may each issue one offline, and both must be kept.
        Index("uq_tax_invoices_device_id_seq", "device_id", "seq", unique=True),
    )


class CourseCredit(Base):
    """Append-only: one row of a package's session credits (bought +N, used -1, refunded -k; ``domain.courses``).

    ``course_id`` names the course's ``bought`` row (that row names itself);
    what is left of a course is the sum of its rows.
    """

    __tablename__ = "course_credits"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    course_id: Mapped[str] = mapped_column(Id, index=True)
    kind: Mapped[str] = mapped_column(String(10))
    package_item_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"))
    treatment_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"))
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sales.id"), nullable=True, index=True)
    sessions: Mapped[int] = mapped_column(Integer)
    expires_on: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    performed_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    branch_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A customer's courses, read at the counter and on the customer screen.
        Index("ix_course_credits_customer_id_at", "customer_id", "at"),
    )


class CashMovement(Base):
    """Append-only: cash put into or taken out of a shift's drawer that is not a sale's, with its reason.

    ``device_id`` is the terminal that made it (the clock's node): a Z
    report counts a terminal's own movements of the day.
    """

    __tablename__ = "cash_movements"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id"), index=True)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    device_id: Mapped[str] = mapped_column(Id)
    direction: Mapped[str] = mapped_column(String(3))
    amount_satang: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    approved_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A terminal's movements of a day, for its Z report.
        Index("ix_cash_movements_device_id_at", "device_id", "at"),
    )


class Journey(Base):
    """One customer case from lead to completion (branch-only; ``domain.journeys``).

    ``stage``, ``stage_entered_at``, ``sale_id`` and ``appointment_id`` are
    what its moves made it: the terminal writes its own move at once, the
    server's replay of every terminal's moves settles them (``sync.server.journeys``).
    ``stage_entered_at`` is None while it is at the stage it was opened at.
    """

    __tablename__ = "journeys"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    owner_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    beautician_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    item_id: Mapped[str | None] = mapped_column(ForeignKey("catalog_items.id"), nullable=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(20), default="lead_created", server_default="lead_created")
    stage_entered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    sale_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    appointment_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)

    __table_args__ = (
        # The board: a branch's journeys by stage.
        Index("ix_journeys_branch_id_stage", "branch_id", "stage"),
    )


class JourneyAction(Base):
    """Append-only: one move of a journey, with who made it, when, from and to which stage, and why."""

    __tablename__ = "journey_actions"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    journey_id: Mapped[str] = mapped_column(ForeignKey("journeys.id"), index=True)
    from_stage: Mapped[str] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(1000), default="")
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sales.id"), nullable=True)
    appointment_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    by_manager: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class SkinScan(Base):
    """Append-only: one skin scan of a customer, its values (0–100, null: not measured), notes and image names.

    ``images`` are the SHA-256 names of its image files (``bnaura_desk.images``),
    kept beside the database and synced by their own upload, not in the row.
    """

    __tablename__ = "skin_scans"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    moisture: Mapped[int | None] = mapped_column(Integer, nullable=True)
    oiliness: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pigmentation: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wrinkles: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pores: Mapped[int | None] = mapped_column(Integer, nullable=True)
    redness: Mapped[int | None] = mapped_column(Integer, nullable=True)
    acne: Mapped[int | None] = mapped_column(Integer, nullable=True)
    skin_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(String(2000), default="")
    images: Mapped[list[str]] = mapped_column(JsonText, default=list)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A customer's scans, newest last, for the comparison and the charts.
        Index("ix_skin_scans_customer_id_at", "customer_id", "at"),
    )


class ImageUpload(Base):
    """Local: an image kept here that the server does not hold yet (``sync.client.images`` uploads it).

    ``uploaded_at`` is set once the server holds the whole image; ``problem``
    is the server's refusal code when it refused it (it is then not tried
    again until someone looks).
    """

    __tablename__ = "image_uploads"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    uploaded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    problem: Mapped[str | None] = mapped_column(String(200), nullable=True)


class DocumentCounter(Base):
    """Local: the last number this terminal gave a kind of tax document (``domain.document_numbers``)."""

    __tablename__ = "document_counters"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class PrinterRow(Base):
    """Local: a printer this terminal prints to (``printing.targets.PrinterConfig``).

    ``kind`` is ``network`` (``address`` is ``host:port``), ``device`` (a
    device path such as ``/dev/usb/lp0``) or ``pdf_viewer`` (the PDF opened
    with the system viewer; no address). ``width_dots`` is the raster width:
    576 for 80 mm paper, 512 for 72 mm.
    """

    __tablename__ = "printers"
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    address: Mapped[str] = mapped_column(String(300), default="")
    width_dots: Mapped[int] = mapped_column(Integer, default=576)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PrintJob(Base):
    """Local: one document waiting for, or done with, a printer (the print queue).

    Written after the sale committed, so a printer that is off never holds
    a sale back; the worker (``printing.worker``) prints queued jobs and
    records each attempt. ``state`` is ``queued`` (waiting, also after a
    failed attempt at an offline printer), ``printed`` or ``failed`` (the
    document itself cannot be made; ``last_error`` says why). ``printer``
    is ``None`` for the terminal's default printer.
    """

    __tablename__ = "print_jobs"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    document: Mapped[str] = mapped_column(String(20))
    is_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    printer: Mapped[str | None] = mapped_column(String(60), nullable=True)
    state: Mapped[str] = mapped_column(String(10), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Room(Base):
    """A treatment room of a branch (branch-only): what an appointment books besides a beautician."""

    __tablename__ = "rooms"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class Appointment(Base):
    """A treatment booked for a customer with a beautician and a room, for a time (branch-only).

    ``status`` is a ``domain.appointments.AppointmentStatus``; times are UTC
    (shown in Bangkok). The day view reads a branch's day by ``starts_at``.
    """

    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_branch_id_starts_at", "branch_id", "starts_at"),
        Index("ix_appointments_beautician_id_starts_at", "beautician_id", "starts_at"),
    )
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"))
    beautician_id: Mapped[str] = mapped_column(Id)
    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(20))
    journey_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    booked_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class TreatmentConsent(Base):
    """Append-only (branch-only): the consent form a customer signed on screen before a treatment.

    ``signature_sha256`` and ``pdf_sha256`` name the ink's PNG and the signed
    form's PDF, content-addressed files beside the database
    (``bnaura_desk.images``) synced by their own upload, not in the row.
    """

    __tablename__ = "treatment_consents"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    journey_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    task_id: Mapped[str | None] = mapped_column(Id, nullable=True, index=True)
    treatment_id: Mapped[str] = mapped_column(ForeignKey("catalog_items.id"))
    signature_sha256: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        # A customer's signed forms, newest last.
        Index("ix_treatment_consents_customer_id_signed_at", "customer_id", "signed_at"),
    )


class Task(Base):
    """Work an automation rule made when a journey entered a stage (branch-only; ``domain.automation``).

    Its id is derived from the rule and the stage entry, so two terminals
    making the same entry make one row. ``status`` is a
    ``domain.automation.TaskStatus``; ``checklist`` a list of
    ``{"step": text, "done": bool}``; times are UTC.
    """

    __tablename__ = "tasks"
    __table_args__ = (
        # The queue: a branch's open tasks, by status.
        Index("ix_tasks_branch_id_status", "branch_id", "status"),
    )
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    journey_id: Mapped[str] = mapped_column(ForeignKey("journeys.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    rule: Mapped[str] = mapped_column(String(40))
    entry: Mapped[str] = mapped_column(String(200))
    title_th: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    assignee_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    priority: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(20))
    claimed_by: Mapped[str | None] = mapped_column(Id, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    checklist: Mapped[list[dict[str, Any]]] = mapped_column(JsonText, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class TreatmentPhoto(Base):
    """Append-only: a before/after photo of a task's treatment (branch-only; ``domain.synced.TREATMENT_PHOTO``).

    ``sha256`` names the image file kept beside the database
    (``bnaura_desk.images``), synced by its own upload, not in the row.
    """

    __tablename__ = "treatment_photos"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    journey_id: Mapped[str] = mapped_column(ForeignKey("journeys.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    hlc: Mapped[str] = mapped_column(String(80))


class Proposal(Base):
    """A treatment plan offered on a journey (branch-only; ``domain.proposals``).

    ``lines`` a list of ``{"item_id", "quantity", "price_satang"}``;
    ``status`` a ``domain.proposals.ProposalStatus``; times are UTC.
    """

    __tablename__ = "proposals"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    journey_id: Mapped[str] = mapped_column(ForeignKey("journeys.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JsonText, default=list)
    total_satang: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    staff_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class LinePerformance(Base):
    """Who performed a sale's line (branch-only; ``domain.synced.LINE_PERFORMANCE``): one per line.

    Its id is ``derived_id("line_performance", sale_line_id)``; the
    performer settles by clock (the later record wins). Times are UTC.
    """

    __tablename__ = "line_performances"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chains.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_lines.id"), unique=True)
    staff_id: Mapped[str] = mapped_column(Id)
    task_id: Mapped[str | None] = mapped_column(Id, nullable=True)
    performed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hlc: Mapped[str] = mapped_column(String(80))
    field_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
