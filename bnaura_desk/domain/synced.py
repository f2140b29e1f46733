"""What syncs: one declaration per synced entity, from which both sides follow.

Every kind of row that travels between terminals and the clinic server is
declared here once: its shape, its terminal table, its fields and their
types, the operation types that change it, the entities it depends on and
its tenancy scope. From this one declaration

- the server knows which operation types exist, which entity each may
  target, which fields each may write, and checks every pushed record
  against the field types (``sync.server.checks``);
- the terminal applies pulled rows generically (``sync.client.local_apply``):
  the table, the columns, the order of a page (parents first) and which
  rows must wait for a parent all follow from the fields;
- ``docs/sync-operations.md``'s operation table is generated from it
  (``python -m sync.docs``), and a test fails when it is stale.

Adding an entity is one declaration here, its terminal table (a migration),
and the use cases that journal its operations: see ``docs/adding-an-entity.md``.

This module is pure data (no SQLAlchemy, no Qt): the server imports it
without the terminal's store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from . import field_types as t
from .appointments import AppointmentStatus
from .automation import TaskStatus
from .cash_movements import CashDirection
from .catalog import ItemKind, StockReason
from .coupons import CouponKind
from .courses import CourseEntryKind
from .customer import Channel, ConsentPurpose, Gender
from .journeys import Stage
from .loyalty_program import Qualification
from .payments import PaymentMethod
from .points import PointsSource
from .pricing import VatCode
from .proposals import MAX_LINES as PROPOSAL_LINES_MAX
from .proposals import MAX_PRICE_SATANG, MAX_QUANTITY, ProposalStatus
from .refunds import RefundKind
from .roles import Role
from .scans import IMAGES_MAX, MEASURES, NOTES_MAX, SCALE_HIGH, SCALE_LOW
from .treatment_photos import PhotoKind


class Shape(StrEnum):
    """How an entity's rows merge when two terminals change them offline."""

    # A row whose fields are settled one by one, last writer wins by clock;
    # tombstoned instead of deleted when it declares a delete.
    PROFILE = "profile"
    # An append-only row (a visit, a consent event, a stock movement): rows
    # merge by union of their ids and are never changed.
    LEDGER = "ledger"
    # An append-only fact whose id is derived from its cause (uuid5), so two
    # terminals deriving it offline make the same row (``Entity.derived_from``).
    DERIVED = "derived"


class Scope(StrEnum):
    """To whom an entity's rows replicate: the tenant is a chain of branches.

    The server keeps a branch-only row with the branch of the device that
    created it, sends it only to that branch's terminals and refuses any
    other branch's device naming it (docs/chain-of-branches.md).
    """

    CHAIN = "chain"  # every terminal of the chain: customers, staff, the catalog, loyalty
    BRANCH = "branch"  # only the terminals of the branch it was made at: stock, shifts, journeys


class Effect(StrEnum):
    """What an operation does to the row it names."""

    CREATE = "create"  # a whole new profile row (``record``); merges field by field if it exists
    UPDATE = "update"  # some fields of an existing profile row (``fields``)
    UPSERT = "upsert"  # some fields of a profile row, made when absent (a setting)
    DELETE = "delete"  # a tombstone (no body)
    APPEND = "append"  # a ledger row (``record`` with its own id); union by id


class Writer(StrEnum):
    """Who may create an entity's rows."""

    TERMINAL = "terminal"
    SERVER = "server"  # raised by the server only (exceptions); terminals may only update them


@dataclass(frozen=True)
class Field:
    """One synced field of an entity.

    Attributes:
        name: the field's name in records and operations.
        type: what its JSON values must be (``field_types``).
        required: a record that creates the row must give it (the
            terminal's column has no default).
        nullable: ``null`` is a value.
        column: the terminal column, when it is not called like the field.
        derived: written only by a server rule (a journey's stage folded
            from its moves), never by a terminal's operation.
    """

    name: str
    type: t.FieldType
    required: bool = False
    nullable: bool = False
    column: str | None = None
    derived: bool = False

    @property
    def column_name(self) -> str:
        return self.column or self.name

    def problem(self, value: object) -> str | None:
        """Return why ``value`` cannot be this field's value, or None."""
        if value is None:
            return None if self.nullable else "must not be empty (null)"
        return self.type.problem(value)

    @property
    def parent(self) -> str | None:
        """Return the entity this field points to, if it names one."""
        return self.type.entity if isinstance(self.type, t.Id) else None


@dataclass(frozen=True)
class OperationType:
    """One kind of operation terminals journal (``customer.update``).

    ``fields`` limits what an update may write (a resolution of an
    exception may not rewrite what the server raised); ``None`` is every
    field of the entity that is not ``derived``.
    """

    name: str
    effect: Effect
    fields: frozenset[str] | None = None


@dataclass(frozen=True)
class Entity:
    """The declaration of one synced entity.

    Attributes:
        name: the entity's name in operations and pulled changes
            (``customer``); also the kind of change screens hear about.
        shape: how its rows merge (``Shape``).
        table: its table on the terminal.
        fields: its synced fields (not the bookkeeping columns every synced
            table has: id, chain_id, hlc, timestamps, field clocks, tombstone).
        operations: the operation types that change it (none for an
            entity only the server writes, such as the chain's profile).
        scope: to whom its rows replicate.
        writer: who creates its rows.
        key_column: the terminal column that holds the row's id (``key`` for a
            setting, whose id is its name).
        derived_from: for ``Shape.DERIVED`` (or a profile keyed by what it is
            about, such as a branch's own setting), the fields whose values are the
            row's cause: its id is ``domain.ids.derived_id(name, *values)``.
        after: entities its pulled rows are applied after, besides the
            parents its ``Id`` fields name.
        changes: the kinds of change a pulled row announces (default: its own).
        own_branch: the field that must name the branch of the terminal
            that makes the row (a sale, its payments, a shift): the server
            refuses a row claiming another branch.
    """

    name: str
    shape: Shape
    table: str
    fields: tuple[Field, ...]
    operations: tuple[OperationType, ...]
    scope: Scope = Scope.CHAIN
    writer: Writer = Writer.TERMINAL
    key_column: str = "id"
    derived_from: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    own_branch: str | None = None

    @cached_property
    def field_map(self) -> Mapping[str, Field]:
        return {f.name: f for f in self.fields}

    @cached_property
    def required(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.required)

    @cached_property
    def parents(self) -> tuple[tuple[str, str], ...]:
        """Return (field, parent entity) for each field that names another row."""
        return tuple((f.name, p) for f in self.fields if (p := f.parent) is not None)

    @cached_property
    def depends_on(self) -> frozenset[str]:
        """Return the entities whose rows must be applied before this one's."""
        return frozenset({p for _, p in self.parents if p != self.name} | set(self.after))

    @property
    def is_ledger(self) -> bool:
        return self.shape is not Shape.PROFILE

    @property
    def tombstoned(self) -> bool:
        return any(op.effect is Effect.DELETE for op in self.operations)

    @property
    def change_kinds(self) -> tuple[str, ...]:
        return self.changes or (self.name,)

    @cached_property
    def _writable_by_default(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if not f.derived)

    def writable(self, op: OperationType) -> frozenset[str]:
        """Return the fields ``op`` may write."""
        return op.fields if op.fields is not None else self._writable_by_default


@dataclass(frozen=True)
class Registry:
    """Every synced entity, by name, and every operation type, by name."""

    entities: tuple[Entity, ...]
    _operations: dict[str, tuple[Entity, OperationType]] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, Entity] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Entity] = {}
        operations: dict[str, tuple[Entity, OperationType]] = {}
        for entity in self.entities:
            if entity.name in by_name:
                raise ValueError(f"entity {entity.name!r} is declared twice")
            by_name[entity.name] = entity
            for op in entity.operations:
                if op.name in operations:
                    raise ValueError(f"operation type {op.name!r} is declared twice")
                unknown = (op.fields or frozenset()) - entity.field_map.keys()
                if unknown:
                    raise ValueError(f"{op.name} writes undeclared fields {sorted(unknown)}")
                operations[op.name] = (entity, op)
        for entity in self.entities:
            missing = entity.depends_on - by_name.keys()
            if missing:
                raise ValueError(f"{entity.name} depends on undeclared entities {sorted(missing)}")
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_operations", operations)

    def entity(self, name: str) -> Entity | None:
        """Return the declaration of entity ``name``, or None when it is not declared."""
        return self._by_name.get(name)

    def operation(self, name: str) -> tuple[Entity, OperationType] | None:
        """Return the entity and declaration of operation type ``name``, or None."""
        return self._operations.get(name)

    @property
    def operation_types(self) -> frozenset[str]:
        return frozenset(self._operations)

    def apply_order(self) -> list[str]:
        """Return the entity names with every entity after those it depends on (stable, by declaration)."""
        done: list[str] = []
        placed: set[str] = set()
        pending = list(self.entities)
        while pending:
            ready = [e for e in pending if e.depends_on <= placed]
            if not ready:
                raise ValueError(f"entities depend on each other in a cycle: {[e.name for e in pending]}")
            for e in ready:
                done.append(e.name)
                placed.add(e.name)
            pending = [e for e in pending if e.name not in placed]
        return done

    def extended(self, entities: Iterable[Entity]) -> Registry:
        """Return a registry with ``entities`` declared besides these (for tests and extensions)."""
        return Registry((*self.entities, *entities))


@dataclass(frozen=True)
class FieldProblem:
    """Why the values an operation carries cannot be kept (``field`` and ``problem`` machine-readable)."""

    field: str
    problem: str
    message: str


def values_problem(entity: Entity, op: OperationType, values: Mapping[str, Any]) -> FieldProblem | None:
    """Return why ``values`` (a record without its id, or changed fields) cannot be ``op``'s, or None.

    Every field must be declared, writable by ``op`` and of its declared
    type; a record that creates a row gives every required field. The
    server refuses such an operation; a terminal's journal refuses to
    write one (a use case that would is a bug a test finds).
    """
    writable = entity.writable(op)
    for name, value in values.items():
        declared = entity.field_map.get(name)
        if declared is None:
            return FieldProblem(name, "unknown", f"{entity.name} has no field {name[:80]!r}")
        if name not in writable:
            return FieldProblem(name, "not writable", f"{op.name} may not write {name}")
        problem = declared.problem(value)
        if problem is not None:
            return FieldProblem(name, problem, f"{name} {problem}")
    if op.effect in (Effect.CREATE, Effect.APPEND):
        missing = sorted(entity.required - values.keys())
        if missing:
            return FieldProblem(missing[0], "missing", f"a {entity.name} needs {', '.join(missing)}")
    return None


def _text(name: str, max_length: int, *, required: bool = False) -> Field:
    return Field(name, t.Text(max_length), required=required)


def _choice(name: str, values: Iterable[str], *, required: bool = False) -> Field:
    return Field(name, t.Choice.of(list(values)), required=required)


_LEDGER_TIME = Field("at", t.Moment())

# The chain's own profile: the server keeps it (``bnaura server chains``);
# terminals only receive it, to show its name.
CHAIN = Entity(
    name="chain",
    shape=Shape.PROFILE,
    table="chains",
    fields=(_text("name", 200, required=True),),
    operations=(),
    writer=Writer.SERVER,
)

# A branch: what a clinic was before chains (a clinic is a chain of one
# branch with the same id). Chain-wide: every terminal knows every branch's
# name, to show where a customer registered and where a visit happened.
BRANCH = Entity(
    name="branch",
    shape=Shape.PROFILE,
    table="branches",
    fields=(
        _text("name_th", 200, required=True),
        _text("name_en", 200),
        _text("tax_id", 13),
        # The branch number printed on tax documents (00000: head office).
        Field("branch_code", t.BranchNumber()),
        _text("address", 2000),
        _text("phone", 20),
        Field("opening_hours", t.Json(), nullable=True),
    ),
    operations=(
        OperationType("branch.create", Effect.CREATE),
        OperationType("branch.update", Effect.UPDATE),
    ),
)

SETTING = Entity(
    name="setting",
    shape=Shape.PROFILE,
    table="settings",
    key_column="key",
    fields=(Field("value", t.Json(), nullable=True),),
    operations=(OperationType("setting.set", Effect.UPSERT),),
    changes=("chain",),  # settings have no screen of their own: those that show them listen to the chain
)

# A branch's own value of a chain setting the chain marked per-branch
# (``domain.settings``); its id is ``derived_id("branch_setting", branch_id, key)``.
BRANCH_SETTING = Entity(
    name="branch_setting",
    shape=Shape.PROFILE,
    table="branch_settings",
    fields=(
        Field("branch_id", t.Id("branch"), required=True),
        _text("key", 100, required=True),
        # Null: no value of its own (the chain's applies).
        Field("value", t.Json(), nullable=True),
    ),
    operations=(OperationType("branch_setting.set", Effect.UPSERT),),
    scope=Scope.BRANCH,
    derived_from=("branch_id", "key"),
    changes=("chain",),  # as settings: those that show them listen to the chain
)

STAFF = Entity(
    name="staff",
    shape=Shape.PROFILE,
    table="staff",
    fields=(
        _text("display_name", 120, required=True),
        _choice("role", Role, required=True),
        Field("active", t.Boolean()),
        _text("pin_hash", 200, required=True),
        # The branches the member may sign in at; empty: every branch.
        Field("branch_ids", t.ListOf(t.Id("branch"), max_items=500)),
    ),
    operations=(
        OperationType("staff.create", Effect.CREATE),
        OperationType(
            "staff.update", Effect.UPDATE, frozenset({"display_name", "role", "active", "branch_ids"})
        ),
        OperationType("staff.set_pin", Effect.UPDATE, frozenset({"pin_hash"})),
    ),
)

CUSTOMER = Entity(
    name="customer",
    shape=Shape.PROFILE,
    table="customers",
    fields=(
        _text("name_th", 120),
        _text("name_en", 120),
        _text("nickname", 120),
        _text("phone", 16, required=True),
        _text("email", 200),
        _text("line_id", 40),
        Field("birthday", t.IsoDate(), nullable=True),
        _choice("gender", Gender),
        _text("skin_notes", 4000),
        Field("channels", t.ListOf(t.Choice.of(list(Channel)), max_items=len(Channel))),
        Field("quiet_start", t.ClockTime(), nullable=True),
        Field("quiet_end", t.ClockTime(), nullable=True),
        Field("opted_out", t.Boolean()),
        _text("referral_code", 10, required=True),
        # Where the customer registered (null: before branches existed).
        Field("registered_branch_id", t.Id("branch"), nullable=True),
    ),
    operations=(
        OperationType("customer.register", Effect.CREATE),
        OperationType("customer.update", Effect.UPDATE),
        OperationType("customer.delete", Effect.DELETE),
    ),
)

CONSENT = Entity(
    name="consent",
    shape=Shape.LEDGER,
    table="consent_events",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        _choice("purpose", ConsentPurpose, required=True),
        Field("granted", t.Boolean(), required=True),
        _LEDGER_TIME,
        Field("recorded_by_id", t.Id(), nullable=True),
        _text("note", 1000),
    ),
    operations=(OperationType("consent.record", Effect.APPEND),),
    changes=("consent", "customer"),
)

VISIT = Entity(
    name="visit",
    shape=Shape.LEDGER,
    table="visits",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        Field("at", t.Moment(), column="checked_in_at"),
        Field("staff_id", t.Id(), nullable=True),
        # Where it happened. Null: a visit from before branches, made at the
        # branch whose id is the chain's (the original clinic).
        Field("branch_id", t.Id("branch"), nullable=True),
    ),
    operations=(OperationType("visit.check_in", Effect.APPEND),),
    changes=("visit", "customer"),
)

CATALOG_ITEM = Entity(
    name="catalog_item",
    shape=Shape.PROFILE,
    table="catalog_items",
    fields=(
        _choice("kind", ItemKind, required=True),
        _text("name_th", 200, required=True),
        _text("name_en", 200),
        Field("price_satang", t.Integer(0, 10**12), required=True),
        Field("vat_exempt", t.Boolean()),
        Field("active", t.Boolean()),
        Field("duration_minutes", t.Integer(0, 24 * 60), nullable=True),
        Field("protocol_steps", t.ListOf(t.Text(500), max_items=100)),
        Field("sku", t.Text(40, empty_is_null=True), nullable=True),
        Field("barcode", t.Text(40, empty_is_null=True), nullable=True),
        Field("package_treatment_id", t.Id("catalog_item"), nullable=True),
        Field("package_sessions", t.Integer(1, 1000), nullable=True),
        _text("category", 60),
        # Short words suggestion rules match a skin scan against (``domain.suggestions``).
        Field("tags", t.ListOf(t.Text(30), max_items=20)),
    ),
    operations=(
        OperationType("catalog.create", Effect.CREATE),
        OperationType("catalog.update", Effect.UPDATE),
    ),
)

# A branch's own price or availability of a catalog item; chain-wide, so
# every terminal can tell what an item costs at each branch. Its id is
# ``derived_id("branch_price", item_id, branch_id)``.
BRANCH_PRICE = Entity(
    name="branch_price",
    shape=Shape.PROFILE,
    table="branch_prices",
    fields=(
        Field("item_id", t.Id("catalog_item"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        # Null: the catalog's price.
        Field("price_satang", t.Integer(0, 10**12), nullable=True),
        Field("available", t.Boolean()),
    ),
    operations=(OperationType("branch_price.set", Effect.UPSERT),),
    derived_from=("item_id", "branch_id"),
    changes=("catalog_item",),
)

STOCK = Entity(
    name="stock",
    shape=Shape.LEDGER,
    table="stock_movements",
    fields=(
        Field("item_id", t.Id("catalog_item"), required=True),
        Field("quantity", t.Integer(-(10**9), 10**9), required=True),
        _choice("reason", StockReason, required=True),
        _text("note", 1000),
        _LEDGER_TIME,
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("stock.move", Effect.APPEND),),
    scope=Scope.BRANCH,  # counted per branch
    changes=("stock", "catalog_item"),
)

_RESOLUTION = frozenset({"resolved_at", "resolved_by", "note"})

SYNC_EXCEPTION = Entity(
    name="sync_exception",
    shape=Shape.PROFILE,
    table="sync_exceptions",
    writer=Writer.SERVER,
    fields=(
        _text("kind", 40, required=True),
        _text("entity", 40, required=True),
        _text("entity_id", 80, required=True),
        Field("device_id", t.Text(36), nullable=True),
        Field("seq", t.Integer(0), nullable=True),
        Field("detail", t.Json()),
        Field("raised_at", t.Moment(), required=True),
        Field("resolved_at", t.Moment(), nullable=True),
        Field("resolved_by", t.Id(), nullable=True),
        _text("note", 2000),
    ),
    # What the server raised stays as raised: a terminal only resolves it.
    operations=(OperationType("sync_exception.resolve", Effect.UPDATE, _RESOLUTION),),
)

# A member's points (issue 11): earned lots and spends, chain-wide (a member
# earns and spends at every branch); balances are folded from them
# (``domain.points``), never stored.
POINTS = Entity(
    name="points",
    shape=Shape.LEDGER,
    table="points_entries",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        _choice("kind", ("earn", "spend"), required=True),
        Field("points", t.Integer(1, 10**9), required=True),
        _choice("source", PointsSource, required=True),
        _text("reason", 500),
        Field("at", t.Moment(), required=True),
        Field("expires_at", t.Moment(), nullable=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("points.record", Effect.APPEND),),
    changes=("points", "customer"),
)

# The expiry of one earned lot: derived from the lot, so every terminal
# running the expiry job offline makes the same row. It carries no amount:
# the fold takes what is left of the lot at its expiry time.
POINTS_EXPIRY = Entity(
    name="points_expiry",
    shape=Shape.DERIVED,
    table="points_expiries",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        Field("lot_id", t.Id("points"), required=True),
        Field("at", t.Moment(), required=True),
    ),
    operations=(OperationType("points.expire", Effect.APPEND),),
    derived_from=("lot_id",),
    changes=("points", "customer"),
)

# A member's move from one tier to another (for analytics, follow-ups and
# the customer display), recorded once: its id is derived from the member,
# both tiers and the month (``domain.loyalty_program.tier_change_id``).
TIER_CHANGE = Entity(
    name="tier_change",
    shape=Shape.DERIVED,
    table="tier_changes",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        _text("from_tier", 20, required=True),
        _text("to_tier", 20, required=True),
        Field("period", t.Text(7), required=True),
        _choice("basis", Qualification, required=True),
        Field("at", t.Moment(), required=True),
    ),
    operations=(OperationType("tier.change", Effect.APPEND),),
    derived_from=("customer_id", "from_tier", "to_tier", "period"),
    changes=("points", "customer"),
)

# Who referred a new customer: derived from the referred customer, so a
# customer has one referrer (the server reports a second, ``second_referrer``).
REFERRAL = Entity(
    name="referral",
    shape=Shape.DERIVED,
    table="referrals",
    fields=(
        Field("referred_id", t.Id("customer"), required=True),
        Field("referrer_id", t.Id("customer"), required=True),
        _text("code", 10, required=True),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("referral.record", Effect.APPEND),),
    derived_from=("referred_id",),
    changes=("points", "customer"),
)

# Coupons (issue 11): issued one by one, for a campaign in bulk, or for a
# redeemed reward (bound to its member). Chain-wide: a member uses one at
# any branch. Its terms never change once issued; only a void does.
_VOID = frozenset({"voided", "void_reason"})
_AMOUNT = t.Integer(0, 10**10)
COUPON = Entity(
    name="coupon",
    shape=Shape.PROFILE,
    table="coupons",
    fields=(
        # 11 characters (a referral code has 10): a device tag, its counter, a check character.
        _text("code", 11, required=True),
        _choice("kind", CouponKind, required=True),
        Field("percent", t.Integer(0, 100)),
        Field("amount_satang", _AMOUNT),
        Field("free_item_id", t.Id("catalog_item"), nullable=True),
        Field("valid_from", t.IsoDate(), nullable=True),
        Field("valid_until", t.IsoDate(), nullable=True),
        Field("min_spend_satang", _AMOUNT),
        Field("item_ids", t.ListOf(t.Id(), max_items=500)),
        Field("item_kinds", t.ListOf(t.Choice.of(list(ItemKind)), max_items=len(ItemKind))),
        # Null: no limit.
        Field("usage_limit", t.Integer(1, 1_000_000), nullable=True),
        Field("per_customer_limit", t.Integer(1, 1_000_000), nullable=True),
        Field("before_tier_discount", t.Boolean()),
        # Null: an open code anyone may bring; else the only member who may use it.
        Field("customer_id", t.Id("customer"), nullable=True),
        _text("campaign", 200),
        Field("reward_id", t.Id(), nullable=True),
        Field("voided", t.Boolean()),
        _text("void_reason", 500),
        Field("issued_at", t.Moment(), required=True),
    ),
    operations=(
        OperationType("coupon.issue", Effect.CREATE),
        OperationType("coupon.void", Effect.UPDATE, _VOID),
    ),
)

# One use of a coupon at a sale: append-only. ``use_no`` and
# ``customer_use_no`` count the coupon's uses (all, and this member's) as the
# terminal saw them, this one included; the server settles the uses of a
# coupon with a limit through its slots (``sync.server.coupons``).
COUPON_USE = Entity(
    name="coupon_use",
    shape=Shape.LEDGER,
    table="coupon_uses",
    fields=(
        Field("coupon_id", t.Id("coupon"), required=True),
        Field("customer_id", t.Id("customer"), nullable=True),
        Field("use_no", t.Integer(1, 10**9), required=True),
        Field("customer_use_no", t.Integer(0, 10**9)),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
        Field("branch_id", t.Id("branch"), nullable=True),
        # The terminal's name when it was used ("POS-2"): what "already used at" says.
        _text("terminal", 100),
        _text("sale_ref", 100),
        Field("discount_satang", _AMOUNT, required=True),
    ),
    operations=(OperationType("coupon.use", Effect.APPEND),),
    changes=("coupon", "customer"),
)

# The rewards catalog: the defaults are data (``domain.rewards``); a row with
# a default's id overrides it (a manager's edit or deactivation).
REWARD = Entity(
    name="reward",
    shape=Shape.PROFILE,
    table="rewards",
    fields=(
        _text("name_th", 200),
        _text("name_en", 200),
        Field("points_cost", t.Integer(1, 10_000_000), required=True),
        _choice("kind", CouponKind, required=True),
        Field("percent", t.Integer(0, 100)),
        Field("amount_satang", _AMOUNT),
        Field("free_item_id", t.Id("catalog_item"), nullable=True),
        Field("free_item_sku", t.Text(40, empty_is_null=True), nullable=True),
        Field("validity_days", t.Integer(1, 3650)),
        Field("min_spend_satang", _AMOUNT),
        Field("active", t.Boolean()),
    ),
    operations=(
        OperationType("reward.set", Effect.UPSERT),
    ),
)

# A member unlocked an achievement (``domain.achievements``): derived from
# the member and the achievement's key, so two terminals unlocking it
# offline make one row; its points award's entry id is derived from it.
ACHIEVEMENT_UNLOCK = Entity(
    name="achievement_unlock",
    shape=Shape.DERIVED,
    table="achievement_unlocks",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        _text("achievement", 40, required=True),
        Field("at", t.Moment(), required=True),
        Field("points", t.Integer(0, 100_000), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("achievement.unlock", Effect.APPEND),),
    derived_from=("customer_id", "achievement"),
    changes=("points", "customer"),
)

# The counter (issue 12). A shift is one terminal's cash drawer between
# opening with a float and closing with the cash counted: its branch's
# business only. Closing writes the closing fields once.
_SHIFT_CLOSE = frozenset({"closed_at", "closed_by", "counted", "counted_satang", "expected_satang", "note"})
_MONEY = t.Integer(0, 10**11)
SHIFT = Entity(
    name="shift",
    shape=Shape.PROFILE,
    table="shifts",
    fields=(
        Field("branch_id", t.Id("branch"), required=True),
        Field("device_id", t.Id(), required=True),
        _text("terminal", 100),
        Field("opened_at", t.Moment(), required=True),
        Field("opened_by", t.Id(), nullable=True),
        Field("float_satang", _MONEY),
        Field("closed_at", t.Moment(), nullable=True),
        Field("closed_by", t.Id(), nullable=True),
        Field("counted", t.Json()),
        Field("counted_satang", _MONEY, nullable=True),
        Field("expected_satang", t.Integer(-(10**11), 10**11), nullable=True),
        _text("note", 1000),
    ),
    operations=(
        OperationType("shift.open", Effect.CREATE),
        OperationType("shift.close", Effect.UPDATE, _SHIFT_CLOSE),
    ),
    scope=Scope.BRANCH,
    own_branch="branch_id",
)

# A sale as it was paid for: append-only, chain-wide for reading (a member's
# history at every branch), its documents the issuing branch's. Its shift is
# named but not a parent: another branch's terminals never see that shift.
# The terminal that made it is the clock's node (``device_id`` column).
SALE = Entity(
    name="sale",
    shape=Shape.LEDGER,
    table="sales",
    fields=(
        Field("branch_id", t.Id("branch"), required=True),
        _text("terminal", 100),
        _text("pos_number", 40),
        Field("shift_id", t.Id(), nullable=True),
        _text("number", 30, required=True),
        Field("seq", t.Integer(1, 999_999), required=True),
        Field("customer_id", t.Id("customer"), nullable=True),
        Field("staff_id", t.Id(), nullable=True),
        Field("at", t.Moment(), required=True),
        Field("subtotal_satang", _MONEY, required=True),
        Field("line_discount_satang", _MONEY),
        Field("tier_discount_satang", _MONEY),
        Field("coupon_discount_satang", _MONEY),
        Field("total_satang", _MONEY, required=True),
        Field("vatable_satang", _MONEY),
        Field("vat_satang", _MONEY),
        Field("exempt_satang", _MONEY),
        _text("tier", 20),
        Field("points_earned", t.Integer(0, 10**9)),
        _text("coupon_code", 11),
        Field("balance_due_on", t.IsoDate(), nullable=True),
    ),
    operations=(OperationType("sale.record", Effect.APPEND),),
    changes=("sale", "customer"),
    own_branch="branch_id",
)

SALE_LINE = Entity(
    name="sale_line",
    shape=Shape.LEDGER,
    table="sale_lines",
    fields=(
        Field("sale_id", t.Id("sale"), required=True),
        Field("line_no", t.Integer(1, 1_000), required=True),
        Field("item_id", t.Id("catalog_item"), required=True),
        _choice("kind", ItemKind, required=True),
        _text("name_th", 200, required=True),
        _text("name_en", 200),
        Field("quantity", t.Integer(1, 9_999), required=True),
        Field("unit_price_satang", _MONEY, required=True),
        Field("original_satang", _MONEY, required=True),
        Field("line_discount_satang", _MONEY),
        _text("discount_reason", 200),
        Field("tier_discount_satang", _MONEY),
        Field("coupon_discount_satang", _MONEY),
        Field("net_satang", _MONEY, required=True),
        _choice("vat_code", VatCode, required=True),
        Field("sold_by", t.Id(), nullable=True),
    ),
    operations=(OperationType("sale_line.record", Effect.APPEND),),
    changes=("sale",),
)

# Money taken for a sale: at checkout, or later for a deposit's balance
# (at any branch: ``branch_id`` is the branch that took it, ``shift_id`` its
# drawer). Server rule (``sync/server/balances.py``): payments beyond the
# sale's total (two terminals taking the balance offline) stand and raise
# ``paid_beyond_total``.
PAYMENT = Entity(
    name="payment",
    shape=Shape.LEDGER,
    table="payments",
    fields=(
        Field("sale_id", t.Id("sale"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        Field("shift_id", t.Id(), nullable=True),
        _choice("method", PaymentMethod, required=True),
        Field("amount_satang", t.Integer(1, 10**11), required=True),
        Field("tendered_satang", _MONEY, nullable=True),
        Field("change_satang", _MONEY),
        _text("approval_code", 12),
        _text("card_last4", 4),
        _text("reference", 60),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("payment.record", Effect.APPEND),),
    changes=("sale",),
    own_branch="branch_id",
)

# Money given back for a sale (a refund, or a void within the sale's own
# shift): append-only, chain-wide like the sale it names, made only at the
# branch that sold it. ``lines`` is what came back of each sale line,
# ``[{"line_id", "quantity", "amount_satang"}]``, kept inside the refund:
# the refund is one credit note, taken and synced whole, and no other row
# ever names one of its lines. ``number`` is the credit note's. The server
# tallies each sale's payments less its refunds (``sync.server.refunds``):
# a refund beyond what was paid (two terminals offline) stands and raises
# ``refund_beyond_paid``.
_REFUND_LINES = t.ListOf(t.Record((
    ("line_id", t.Id()), ("quantity", t.Integer(1, 9_999)), ("amount_satang", t.Integer(0, 10**11)),
)), max_items=1_000, min_items=1)
REFUND = Entity(
    name="refund",
    shape=Shape.LEDGER,
    table="refunds",
    fields=(
        Field("sale_id", t.Id("sale"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        Field("shift_id", t.Id(), nullable=True),
        _text("terminal", 100),
        _text("number", 30, required=True),
        Field("seq", t.Integer(1, 999_999), required=True),
        _choice("kind", RefundKind, required=True),
        Field("lines", _REFUND_LINES, required=True),
        Field("amount_satang", t.Integer(1, 10**11), required=True),
        _choice("method", PaymentMethod, required=True),
        _text("reason", 500, required=True),
        Field("approved_by", t.Id(), nullable=True),
        Field("points_taken", t.Integer(0, 10**9)),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("refund.record", Effect.APPEND),),
    changes=("sale", "customer"),
    own_branch="branch_id",
)

# A full tax invoice (ใบกำกับภาษีเต็มรูป) issued on request for a sale, replacing
# its receipt: append-only, chain-wide like its sale, issued only at the
# branch that sold it, numbered in the terminal's ``tax_invoice`` series.
# One sale has one: two terminals issuing one for the same sale offline both
# stand (numbers are never taken back) and the server raises
# ``invoice_issued_twice`` naming both (``sync.server.tax_invoices``).
TAX_INVOICE = Entity(
    name="tax_invoice",
    shape=Shape.LEDGER,
    table="tax_invoices",
    fields=(
        Field("sale_id", t.Id("sale"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        _text("terminal", 100),
        _text("number", 30, required=True),
        Field("seq", t.Integer(1, 999_999), required=True),
        _text("buyer_name", 200, required=True),
        _text("buyer_tin", 13, required=True),
        _text("buyer_address", 500, required=True),
        Field("buyer_branch", t.BranchNumber(), nullable=True),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("tax_invoice.record", Effect.APPEND),),
    changes=("sale",),
    own_branch="branch_id",
)

# Packages (courses): session credits, chain-wide (a member uses a course at
# any branch). A course is its ``bought`` row (+N sessions, ``course_id`` its
# own id); each use (-1) and a refund's take-back (-k) names it by
# ``course_id``. ``course_id`` is not a parent field: a course naming itself
# would make its own grant wait for itself. It needs no parent: a row naming a
# course comes from a terminal that holds it, so it reaches the server after
# it. Remaining = the sum (``domain.courses``); the server tallies each course
# (``sync.server.courses``): a session used beyond what is left (two
# terminals offline) stands and raises ``course_overused``. ``sale_id`` is a
# parent: checkout journals the sale before its credits.
COURSE_CREDIT = Entity(
    name="course_credit",
    shape=Shape.LEDGER,
    table="course_credits",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        Field("course_id", t.Id(), required=True),
        _choice("kind", CourseEntryKind, required=True),
        Field("package_item_id", t.Id("catalog_item"), required=True),
        Field("treatment_id", t.Id("catalog_item"), required=True),
        Field("sale_id", t.Id("sale"), nullable=True),
        Field("sessions", t.Integer(-100_000, 100_000), required=True),
        Field("expires_on", t.IsoDate(), nullable=True),
        Field("performed_by", t.Id(), nullable=True),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
        _text("reason", 500),
        # Where it was written: the selling branch of a course, the branch where a session was used.
        Field("branch_id", t.Id("branch"), nullable=True),
    ),
    operations=(OperationType("course_credit.record", Effect.APPEND),),
    changes=("customer",),
)

# Cash put into or taken out of a shift's drawer that is not a sale's (change
# from the bank, petty cash), with its reason: append-only, branch-only like
# its shift. The shift is a parent: it is of the same branch, so every
# terminal that receives the movement receives the shift, and the terminal
# journals the shift's opening before any movement of it.
CASH_MOVEMENT = Entity(
    name="cash_movement",
    shape=Shape.LEDGER,
    table="cash_movements",
    fields=(
        Field("shift_id", t.Id("shift"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        _choice("direction", CashDirection, required=True),
        Field("amount_satang", t.Integer(1, 10**11), required=True),
        _text("reason", 500, required=True),
        Field("approved_by", t.Id(), nullable=True),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("cash_movement.record", Effect.APPEND),),
    scope=Scope.BRANCH,
    changes=("shift",),
    own_branch="branch_id",
)

# A journey (issue 13): one customer case from lead to completion, its
# branch's business only (``domain.journeys``). Its stage and what its moves
# linked are derived: only the server's replay of its moves writes them
# (``sync.server.journeys``); a terminal shows its own pending move on top.
# ``appointment_id`` names no parent yet (appointments come later).
_JOURNEY_EDIT = frozenset({"owner_id", "beautician_id", "item_id", "title", "note"})
JOURNEY = Entity(
    name="journey",
    shape=Shape.PROFILE,
    table="journeys",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        Field("owner_id", t.Id(), nullable=True),  # the sales owner
        Field("beautician_id", t.Id(), nullable=True),
        Field("item_id", t.Id("catalog_item"), nullable=True),  # the treatment or package of interest
        _text("title", 200),
        _text("note", 2000),
        Field("stage", t.Choice.of(list(Stage)), derived=True),
        Field("stage_entered_at", t.Moment(), nullable=True, derived=True),
        Field("sale_id", t.Id(), nullable=True, derived=True),
        Field("appointment_id", t.Id(), nullable=True, derived=True),
    ),
    operations=(
        OperationType("journey.open", Effect.CREATE),
        OperationType("journey.update", Effect.UPDATE, _JOURNEY_EDIT),
    ),
    scope=Scope.BRANCH,
    own_branch="branch_id",
)

# One move of a journey (its audit trail: who, when, from, to, why), append-only.
# The server replays a journey's moves in clock order through
# ``domain.journeys.legal_move``; one illegal at its place is rejected
# (``illegal_move``). The sale is a parent: the server refuses a move naming
# a sale the chain lacks.
JOURNEY_ACTION = Entity(
    name="journey_action",
    shape=Shape.LEDGER,
    table="journey_actions",
    fields=(
        Field("journey_id", t.Id("journey"), required=True),
        _choice("from_stage", Stage, required=True),
        _choice("to_stage", Stage, required=True),
        _text("note", 1000),
        Field("sale_id", t.Id("sale"), nullable=True),
        Field("appointment_id", t.Id(), nullable=True),
        Field("by_manager", t.Boolean()),
        Field("approved_by", t.Id(), nullable=True),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("journey.move", Effect.APPEND),),
    scope=Scope.BRANCH,
    changes=("journey",),
)

# A skin scan: the measured values (0–100, a measure not measured is null),
# notes and the SHA-256 names of its images, which travel as files of their
# own (``sync.client.images``), never in the operation. A fact: append-only.
# Chain-wide, like its customer: scanned at one branch, treated at another.
SKIN_SCAN = Entity(
    name="skin_scan",
    shape=Shape.LEDGER,
    table="skin_scans",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        *(Field(str(m), t.Integer(SCALE_LOW, SCALE_HIGH), nullable=True) for m in MEASURES),
        _text("notes", NOTES_MAX),
        Field("images", t.ListOf(t.Sha256(), max_items=IMAGES_MAX)),
        Field("at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("skin_scan.record", Effect.APPEND),),
    changes=("customer",),
    own_branch="branch_id",
)

# Appointments (issue 13): a branch's treatment rooms, and the appointments
# that book a beautician and a room for a treatment's duration. Both are
# the branch's own (``docs/appointments.md``). The beautician is a staff id,
# not a parent: staff rows are chain-wide and a desk books only those it has.
# The server tallies each beautician's and room's booked time per day
# (``sync.server.appointments``): two terminals booking overlapping time
# offline both stand and raise ``double_booking``.
ROOM = Entity(
    name="room",
    shape=Shape.PROFILE,
    table="rooms",
    fields=(
        Field("branch_id", t.Id("branch"), required=True),
        _text("name", 100, required=True),
        Field("active", t.Boolean()),
    ),
    operations=(
        OperationType("room.create", Effect.CREATE),
        OperationType("room.update", Effect.UPDATE, frozenset({"name", "active"})),
    ),
    scope=Scope.BRANCH,
    own_branch="branch_id",
)

_APPOINTMENT_MOVE = frozenset({"beautician_id", "room_id", "starts_at", "ends_at", "status", "note"})
APPOINTMENT = Entity(
    name="appointment",
    shape=Shape.PROFILE,
    table="appointments",
    fields=(
        Field("customer_id", t.Id("customer"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        Field("item_id", t.Id("catalog_item"), required=True),
        Field("beautician_id", t.Id(), required=True),
        Field("room_id", t.Id("room"), required=True),
        Field("starts_at", t.Moment(), required=True),
        Field("ends_at", t.Moment(), required=True),
        _choice("status", AppointmentStatus, required=True),
        # The customer's journey, when the booking schedules one (journeys come in their own entity).
        Field("journey_id", t.Id(), nullable=True),
        _text("note", 1000),
        Field("booked_by", t.Id(), nullable=True),
    ),
    operations=(
        OperationType("appointment.book", Effect.CREATE),
        OperationType("appointment.move", Effect.UPDATE, _APPOINTMENT_MOVE),
        OperationType("appointment.set_status", Effect.UPDATE, frozenset({"status", "note"})),
    ),
    scope=Scope.BRANCH,
    changes=("appointment", "customer"),
    own_branch="branch_id",
)

# A task (issue 13): work an automation rule made when a journey entered a
# stage (``domain.automation``), in a role's queue or a person's. Its id is
# ``automation.task_id(rule, entry)``: two terminals making the same stage
# entry offline make the same row, merged field by field. Claiming is
# settled by clock (the later claim holds the task); a claim of a task
# someone else held raises ``task_claimed_twice`` (``sync.server.tasks``).
_STEP = t.Record((("step", t.Text(300)), ("done", t.Boolean())))
TASK = Entity(
    name="task",
    shape=Shape.PROFILE,
    table="tasks",
    fields=(
        Field("journey_id", t.Id("journey"), required=True),
        Field("customer_id", t.Id("customer"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        _text("rule", 40, required=True),
        _text("entry", 200, required=True),
        _text("title_th", 200, required=True),
        _text("title_en", 200),
        _choice("role", Role, required=True),
        Field("assignee_id", t.Id(), nullable=True),
        Field("priority", t.Integer(1, 4), required=True),
        Field("due_at", t.Moment(), required=True),
        _choice("status", TaskStatus, required=True),
        Field("claimed_by", t.Id(), nullable=True),
        Field("started_at", t.Moment(), nullable=True),
        Field("completed_at", t.Moment(), nullable=True),
        Field("checklist", t.ListOf(_STEP, max_items=50)),
        _text("notes", 4000),
    ),
    operations=(
        OperationType("task.create", Effect.CREATE),
        OperationType("task.claim", Effect.UPDATE, frozenset({"status", "claimed_by", "assignee_id"})),
        OperationType("task.start", Effect.UPDATE, frozenset({"status", "started_at"})),
        OperationType("task.tick", Effect.UPDATE, frozenset({"checklist"})),
        OperationType("task.note", Effect.UPDATE, frozenset({"notes"})),
        OperationType("task.complete", Effect.UPDATE, frozenset({"status", "completed_at", "checklist"})),
        OperationType("task.reassign", Effect.UPDATE, frozenset({"assignee_id", "claimed_by", "status"})),
        OperationType("task.cancel", Effect.UPDATE, frozenset({"status", "notes"})),  # its journey was cancelled or moved back
    ),
    scope=Scope.BRANCH,
    own_branch="branch_id",
)

# A before/after photo of a task's treatment (issue 13): the photo's SHA-256
# names its file, which travels as an image of its own (``sync.client.images``),
# never in the operation. A fact, append-only; the branch's own, like its task.
# A pulled photo is a change of its task (the queue's detail panel shows it).
TREATMENT_PHOTO = Entity(
    name="treatment_photo",
    shape=Shape.LEDGER,
    table="treatment_photos",
    fields=(
        Field("task_id", t.Id("task"), required=True),
        Field("journey_id", t.Id("journey"), required=True),
        Field("customer_id", t.Id("customer"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        Field("sha256", t.Sha256(), required=True),
        _choice("kind", PhotoKind, required=True),
        Field("taken_at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("treatment_photo.add", Effect.APPEND),),
    scope=Scope.BRANCH,
    changes=("task",),
    own_branch="branch_id",
)

# A proposal (issue 13): the treatment plan sales offer a journey's customer,
# branch-only like its journey. ``lines`` is the plan, ``[{"item_id",
# "quantity", "price_satang"}]``, kept inside the proposal (the counter turns
# them into its cart; no other row names a line). A newer proposal of the
# same journey supersedes the one before (``proposal.set_status``); paid at
# the counter, it is accepted.
_PROPOSAL_LINES = t.ListOf(t.Record((
    ("item_id", t.Id()), ("quantity", t.Integer(1, MAX_QUANTITY)), ("price_satang", t.Integer(0, MAX_PRICE_SATANG)),
)), max_items=PROPOSAL_LINES_MAX, min_items=1)
PROPOSAL = Entity(
    name="proposal",
    shape=Shape.PROFILE,
    table="proposals",
    fields=(
        Field("journey_id", t.Id("journey"), required=True),
        Field("customer_id", t.Id("customer"), required=True),
        Field("branch_id", t.Id("branch"), required=True),
        Field("lines", _PROPOSAL_LINES, required=True),
        Field("total_satang", _MONEY, required=True),
        _text("note", 2000),
        _choice("status", ProposalStatus, required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(
        OperationType("proposal.make", Effect.CREATE),
        OperationType("proposal.set_status", Effect.UPDATE, frozenset({"status"})),
    ),
    scope=Scope.BRANCH,
    changes=("journey",),  # a journey's plan: screens showing journeys read it again
    own_branch="branch_id",
)


# Who performed a sale's line (issue 13): the beautician who completed the
# treatment task of a journey whose sale sold that treatment. Sale lines are
# a ledger written at checkout; the performer is known later, so it is a row
# of its own, one per line: its id is ``derived_id("line_performance",
# sale_line_id)``. Two terminals recording the same line offline (the task
# completed twice, or corrected) make one row whose fields settle by clock:
# the later performer wins (last writer wins). Branch-only: the branch where
# the treatment was performed.
LINE_PERFORMANCE = Entity(
    name="line_performance",
    shape=Shape.PROFILE,
    table="line_performances",
    fields=(
        Field("branch_id", t.Id("branch"), required=True),
        Field("sale_id", t.Id("sale"), required=True),
        Field("sale_line_id", t.Id("sale_line"), required=True),
        Field("staff_id", t.Id(), required=True),
        Field("task_id", t.Id(), nullable=True),
        Field("performed_at", t.Moment(), required=True),
    ),
    operations=(OperationType("line_performance.record", Effect.UPSERT),),
    scope=Scope.BRANCH,
    derived_from=("sale_line_id",),
    changes=("sale",),
    own_branch="branch_id",
)

# A treatment consent (issue 13): the form a customer signed on screen before
# a treatment, a fact of the branch where it was signed: append-only. The
# signature's PNG and the signed PDF travel as files of their own
# (``sync.client.images``), named here by their SHA-256. The journey and task
# are parents: the server refuses a consent naming one the chain lacks.
TREATMENT_CONSENT = Entity(
    name="treatment_consent",
    shape=Shape.LEDGER,
    table="treatment_consents",
    fields=(
        Field("branch_id", t.Id("branch"), required=True),
        Field("customer_id", t.Id("customer"), required=True),
        Field("journey_id", t.Id("journey"), nullable=True),
        Field("task_id", t.Id("task"), nullable=True),
        Field("treatment_id", t.Id("catalog_item"), required=True),
        Field("signature_sha256", t.Sha256(), required=True),
        Field("pdf_sha256", t.Sha256(), required=True),
        Field("signed_at", t.Moment(), required=True),
        Field("staff_id", t.Id(), nullable=True),
    ),
    operations=(OperationType("treatment_consent.sign", Effect.APPEND),),
    scope=Scope.BRANCH,
    changes=("task", "customer"),
    own_branch="branch_id",
)

REGISTRY = Registry(
    (CHAIN, BRANCH, SETTING, BRANCH_SETTING, STAFF, CUSTOMER, CONSENT, VISIT, CATALOG_ITEM, BRANCH_PRICE, STOCK,
     SYNC_EXCEPTION, POINTS, POINTS_EXPIRY, TIER_CHANGE, REFERRAL, COUPON, COUPON_USE, REWARD,
     ACHIEVEMENT_UNLOCK, SHIFT, SALE, SALE_LINE, PAYMENT, REFUND, COURSE_CREDIT,
     CASH_MOVEMENT, TAX_INVOICE, JOURNEY, JOURNEY_ACTION, SKIN_SCAN, ROOM, APPOINTMENT, TASK, TREATMENT_PHOTO,
     PROPOSAL, LINE_PERFORMANCE, TREATMENT_CONSENT)
)
