"""Pulled changes into the terminal's tables, without outbox or audit rows.

A ``Change`` is the server's merged state of one record. How it applies
follows from its entity's declaration (``bnaura_desk.domain.synced``),
one generic path for every entity:

- a profile row (chain, branch, setting, staff, customer, catalog item,
  exception): per field, the server's value and clock, except a local
  edit not yet acknowledged by the server whose clock is later (it is on
  its way and will win there too); a tombstone wins over any edit; new
  rows are inserted whole;
- a ledger row (visit, consent, stock movement): inserted by id when
  absent, never updated (the tables are append-only), so ledgers are a
  union of ids;
- a row whose parent (a field of type ``Id(entity)``: a visit's customer,
  a package's treatment) has not arrived yet waits in ``sync_parked`` and
  is applied with its parent; a page applies entities parents first.

Nothing is skipped in silence. A row of an entity this version does not
declare, or one it cannot store (a value of the wrong type, a required
field missing), is parked with its reason and shown to managers; every
pull tries it again, so an updated terminal stores it. Fields this version
does not know are left out of the row, and the change is parked too, so
managers know the terminal needs an update.

Every value is checked against its declared type before it is stored
(``Field.problem``), the same check the server made when it was pushed.

The local hybrid logical clock moves past every clock seen, so a later
local edit is stamped after what was pulled. The returned ``ChangeSet``
names exactly the records whose visible state changed.

A page is applied with a query per table, not per change (bench/RESULTS.md,
"Bootstrap"): the rows it names are loaded together first, new rows are
inserted table by table (``bnaura_desk.store.fast_insert``), and the search terms of new
customers are written together at the end of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, inspect, select
from sqlalchemy.orm import Session

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain import hlc as hlc_rules
from bnaura_desk.domain.changes import ChangeSet, ChangeSetBuilder, Kind
from bnaura_desk.domain.field_types import Moment, Text
from bnaura_desk.domain.search import customer_terms
from bnaura_desk.domain.synced import REGISTRY, Entity, Registry, Shape
from bnaura_desk.services.context import load_device
from bnaura_desk.services.customers import index_customer
from bnaura_desk.services.search_index import defer_indexing
from bnaura_desk.store.fast_insert import bulk_writing, insert_rows
from bnaura_desk.store.models import (
    Base,
    Customer,
    CustomerSearchTerm,
    DeviceState,
    LedgerAlignment,
    OutboxOperation,
    ParkedChange,
    ParkedReason,
)

from ..protocol import Change

# Changing one of these changes what a customer can be found by.
_SEARCH_FIELDS = frozenset({"name_th", "name_en", "nickname", "phone", "referral_code"})

WAITING = ParkedReason.WAITING
UNKNOWN_ENTITY = ParkedReason.UNKNOWN_ENTITY
UNSTORABLE = ParkedReason.UNSTORABLE
UNKNOWN_FIELDS = ParkedReason.UNKNOWN_FIELDS


def terminal_models(registry: Registry = REGISTRY, base: type[Any] = Base) -> dict[str, type[Any]]:
    """Return, per declared entity, the terminal's mapped class of its table.

    Raises:
        LookupError: an entity's table is not one of ``base``'s (a test
            fails on it: every declared entity must have its table).
    """
    by_table = {m.local_table.name: m.class_ for m in base.registry.mappers}
    models: dict[str, type[Any]] = {}
    for entity in registry.entities:
        if entity.table not in by_table:
            raise LookupError(f"entity {entity.name} declares table {entity.table}, which the terminal does not have")
        models[entity.name] = by_table[entity.table]
    return models


@dataclass(frozen=True)
class Storage:
    """The synced entities a terminal stores, and the mapped class of each one's table.

    The terminal's own (``STORAGE``) unless a test declares entities of its own.
    """

    registry: Registry = REGISTRY
    models: Mapping[str, type[Any]] | None = None  # None: the terminal's own tables

    def mapped(self) -> Mapping[str, type[Any]]:
        """Return the mapped class per entity name."""
        if self.models is not None:
            return self.models
        found = _DEFAULT_MODELS.get(id(self.registry))
        if found is None:
            found = _DEFAULT_MODELS[id(self.registry)] = terminal_models(self.registry)
        return found


_DEFAULT_MODELS: dict[int, dict[str, type[Any]]] = {}
STORAGE = Storage()


class Unstorable(Exception):
    """A pulled row this version cannot store (``reason``, ``problem`` in words)."""

    def __init__(self, reason: str, problem: str) -> None:
        super().__init__(problem)
        self.reason = reason
        self.problem = problem


def _wall(clock: str) -> datetime:
    """Return the wall time of an HLC stamp (when the change was made, on its device)."""
    return datetime.fromtimestamp(hlc_rules.Hlc.parse(clock).wall_ms / 1000, UTC)


def _created_clock(change: Change) -> str:
    """Return the earliest clock of the record's fields: when it was created."""
    return min((c for c in change.field_clocks.values() if c), default=change.hlc)


# Ids per IN (...) list: well under SQLite's limit on bound parameters.
_CHUNK = 500


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class _Table:
    """What the applier needs to know of one entity's terminal table."""

    def __init__(self, entity: Entity, model: type[Any]) -> None:
        self.entity = entity
        self.model = model
        self.table = model.__table__
        self.columns = frozenset(self.table.columns.keys())
        mapper = inspect(model)
        # The model's attribute of each column (a ledger row is aligned through the ORM).
        self.attributes = {c.key: mapper.get_property_by_column(c).key for c in self.table.columns}
        self.key = getattr(model, entity.key_column)
        self.primary = [c.key for c in inspect(model).primary_key]
        self.has_clocks = "field_clocks" in self.columns
        # Declared fields whose column must have a value and has no default.
        self.needs_value = frozenset(
            f.name for f in entity.fields
            if not self.table.c[f.column_name].nullable and self.table.c[f.column_name].default is None
            and self.table.c[f.column_name].server_default is None
        )
        missing = {f.column_name for f in entity.fields} - self.columns
        if missing:
            raise LookupError(f"table {self.table.name} has no column for {sorted(missing)} of {entity.name}")
        # Per declared field: its column, and for plain text (most of a
        # customer's fields) the longest value stored as it comes. Such a
        # value is checked here at once, as ``Text.problem`` would check it:
        # a call chain per value was a tenth of a bootstrap's work.
        self.plain_text = {
            f.name: (f.column_name, f.type.max_length)
            for f in entity.fields
            if type(f.type) is Text and not f.type.empty_is_null
        }


class _Applier:
    """One pulled page applied in the caller's transaction."""

    def __init__(
        self, session: Session, device: DeviceState, now: datetime, registry: Registry,
        models: Mapping[str, type[Any]],
    ) -> None:
        self.session = session
        self.device = device
        self.now = now
        self.registry = registry
        self.tables = {
            entity.name: _Table(entity, models[entity.name]) for entity in registry.entities if entity.name in models
        }
        self.changes = ChangeSetBuilder()
        # Clocks of local writes the server has not acknowledged yet: only
        # these may keep their value against a pulled one.
        self.pending = set(
            session.execute(select(OutboxOperation.hlc).where(OutboxOperation.outcome.is_(None))).scalars()
        )
        # Whether a row exists locally, per entity and id: filled for a whole
        # page by ``prefetch`` (one query per table instead of one per
        # change) and kept true as rows are inserted.
        self._exists: dict[str, dict[str, bool]] = {}
        # The session holds unmodified rows weakly: keep the prefetched ones
        # so that ``session.get`` finds them without asking the database again.
        self._loaded: list[Any] = []
        # New rows wait here as column values and are inserted table by
        # table, in the order they came (a visit after its customer, a
        # package after its treatment), one executemany per run of a table.
        self._queued_table: _Table | None = None
        self._queued: list[dict[str, Any]] = []
        # The page's new customers not deleted: id and the fields they are found by.
        self._new_customers: list[tuple[str, str, str, str, str, str]] = []
        # Changes applied whose fields this version does not all know.
        self.partly_known: list[tuple[Change, str]] = []

    # ------------------------------------------------------------ a page at once

    def prefetch(self, changes: Iterable[Change]) -> None:
        """Load, with one query per table, the rows ``changes`` name and the parents they need.

        Profile rows are loaded whole into the session; for ledger rows and
        parents only whether they exist is noted.
        """
        wanted: dict[str, set[str]] = {}
        for c in changes:
            table = self.tables.get(c.entity)
            if table is None:
                continue
            wanted.setdefault(c.entity, set()).add(c.entity_id)
            for f, parent in table.entity.parents:
                value = c.data.get(f)
                if isinstance(value, str) and parent in self.tables:
                    wanted.setdefault(parent, set()).add(value)
        for name, ids in wanted.items():
            table = self.tables[name]
            known = self._exists.setdefault(name, {})
            todo = sorted(i for i in ids if i not in known)
            whole = table.entity.shape is Shape.PROFILE
            for chunk in _chunks(todo):
                if whole:
                    rows = list(self.session.scalars(select(table.model).where(table.key.in_(chunk))))
                    self._loaded.extend(rows)
                    found = {getattr(r, table.entity.key_column) for r in rows}
                else:
                    found = set(self.session.scalars(select(table.key).where(table.key.in_(chunk))))
                for i in chunk:
                    known[i] = i in found

    def _identity(self, table: _Table, row_id: str) -> Any:
        if len(table.primary) == 1:
            return row_id
        return tuple(self.device.chain_id if k == "chain_id" else row_id for k in table.primary)

    def _has(self, name: str, row_id: str) -> bool:
        known = self._exists.setdefault(name, {})
        found = known.get(row_id)
        if found is None:  # not prefetched
            table = self.tables[name]
            found = known[row_id] = self.session.get(table.model, self._identity(table, row_id)) is not None
        return found

    def _row(self, table: _Table, row_id: str) -> Any:
        """Return the local row ``row_id``, or None (no query when prefetched)."""
        if not self._has(table.entity.name, row_id):
            return None
        return self.session.get(table.model, self._identity(table, row_id))

    def _add(self, table: _Table, values: dict[str, Any]) -> None:
        """Queue a new row, inserting the queued rows of another table first."""
        if self._queued_table is not None and (self._queued_table is not table or len(self._queued) >= _QUEUED_MAX):
            self._insert_queued()
        self._queued_table = table
        self._queued.append(values)
        self._exists.setdefault(table.entity.name, {})[values[table.entity.key_column]] = True

    def _insert_queued(self) -> None:
        table, rows = self._queued_table, self._queued
        self._queued_table, self._queued = None, []
        if table is not None and rows:
            insert_rows(self.session, table.table, rows)

    def finish(self) -> None:
        """Insert the rows still queued and index the page's new customers for search.

        The same terms ``index_customer`` writes, for all new customers in
        one statement per ``_QUEUED_MAX``. (``index_customer`` first deletes
        the customer's old terms: a new customer has none, the foreign key
        to ``customers`` sees to that.)
        """
        self._insert_queued()
        self.session.flush()
        # Two plain text columns, about ten rows per customer (a million for
        # a 100,000-customer bootstrap): handed to the driver's executemany
        # as they are.
        sql = f"INSERT INTO {CustomerSearchTerm.__tablename__} (term, customer_id) VALUES (?, ?)"
        new, self._new_customers = self._new_customers, []
        if len(new) >= DEFER_INDEXING:
            # A bootstrap's page: the terms are written at the end of the
            # round, all in term order (``services.search_index``).
            defer_indexing(self.session, (cid for cid, *_ in new))
            return
        for start in range(0, len(new), _QUEUED_MAX):
            terms = [
                (t, cid)
                for cid, *found_by in new[start : start + _QUEUED_MAX]
                for t in customer_terms(*found_by)
            ]
            if terms:
                self.session.connection().exec_driver_sql(sql, terms)

    # ------------------------------------------------------------ one change

    def apply(self, change: Change) -> bool:
        """Apply one change; return False when it must wait for its parent.

        Raises:
            Unstorable: this version cannot store it (nothing was changed).
        """
        table = self.tables.get(change.entity)
        if table is None:
            raise Unstorable(UNKNOWN_ENTITY, f"this terminal does not know {change.entity[:40]} records")
        values = self._values(table, change)
        for f, parent in table.entity.parents:
            value = change.data.get(f)
            if (
                isinstance(value, str) and value and parent in self.tables
                and not (parent == table.entity.name and value == change.entity_id)
                and not self._has(parent, value)
            ):
                return False
        if table.entity.is_ledger:
            self._ledger(table, change, values)
        else:
            self._profile(table, change, values)
        return True

    def _values(self, table: _Table, change: Change) -> dict[str, Any]:
        """Return the column values of the declared fields ``change`` carries, each checked.

        Raises:
            Unstorable: a value is not of its declared type.
        """
        declared = table.entity.field_map
        plain_text = table.plain_text
        values: dict[str, Any] = {}
        unknown: list[str] = []
        for name, value in change.data.items():
            text = plain_text.get(name)
            if text is not None and type(value) is str and len(value) <= text[1] and "\x00" not in value:
                values[text[0]] = value
                continue
            f = declared.get(name)
            if f is None:
                unknown.append(name)
                continue
            problem = f.problem(value)
            if problem is not None:
                raise Unstorable(UNSTORABLE, f"{name[:60]} {problem}")
            values[f.column_name] = None if value is None else f.type.to_column(value)
        if unknown:
            self.partly_known.append((change, f"fields this terminal does not know: {', '.join(sorted(unknown))[:300]}"))
        return values

    def _keeps_local(self, local_clock: str, server_clock: str) -> bool:
        return local_clock > server_clock and local_clock in self.pending

    def _profile(self, table: _Table, change: Change, values: dict[str, Any]) -> None:
        row = self._row(table, change.entity_id)
        if row is None:
            self._insert_profile(table, change, values)
            return
        if self._queued:
            # The edit may name a row still queued (a package's new
            # treatment): the queue goes in first, as each row went in
            # when it was added.
            self._insert_queued()
        local_clocks = row.field_clocks if table.has_clocks else {}
        full = (
            field_clocks.expand(local_clocks, row.hlc, (f.name for f in table.entity.fields))
            if table.has_clocks else {}
        )
        written: set[str] = set()
        for f in table.entity.fields:
            if f.column_name not in values:
                continue
            server_clock = field_clocks.clock_of(change.field_clocks, change.hlc, f.name)
            # An unpushed later local edit wins on the server too, unless the
            # record is tombstoned there: the server then keeps its fields and
            # sends nothing newer, so the local value would stay forever.
            local_clock = field_clocks.clock_of(local_clocks, row.hlc, f.name)
            if not change.deleted and self._keeps_local(local_clock, server_clock):
                continue
            value = values[f.column_name]
            if getattr(row, f.column_name) != value:
                setattr(row, f.column_name, value)
                written.add(f.name)
            full[f.name] = server_clock
        tombstoned = change.deleted and "deleted_at" in table.columns and row.deleted_at is None
        if tombstoned:
            row.deleted_at = _wall(change.hlc)
        new_hlc = max(row.hlc, change.hlc)
        if table.has_clocks:
            clocks = field_clocks.compact_complete(full, new_hlc)
            if clocks != local_clocks:
                row.field_clocks = clocks
        row.hlc = new_hlc
        if written or tombstoned:
            row.updated_at = max(row.updated_at, _wall(change.hlc))
            self._announce(table, change)
            if isinstance(row, Customer) and (tombstoned or written & _SEARCH_FIELDS):
                self.session.flush()
                index_customer(self.session, row)

    def _insert_profile(self, table: _Table, change: Change, values: dict[str, Any]) -> None:
        missing = table.needs_value - {f for f in table.needs_value
                                       if table.entity.field_map[f].column_name in values}
        if missing:
            raise Unstorable(UNSTORABLE, f"a {change.entity} needs {', '.join(sorted(missing))}")
        wall = _wall(change.hlc)
        row: dict[str, Any] = {table.entity.key_column: change.entity_id, **values}
        bookkeeping = {
            "chain_id": self.device.chain_id,
            "created_at": (wall if (created := _created_clock(change)) == change.hlc else _wall(created)),
            "updated_at": wall,
            "hlc": change.hlc,
            "field_clocks": dict(change.field_clocks),
            "deleted_at": wall if change.deleted else None,
        }
        for column, value in bookkeeping.items():
            if column in table.columns and column not in row:
                row[column] = value
        self._add(table, row)
        if table.model is Customer and not change.deleted:  # indexed for search in ``finish``
            self._new_customers.append((
                change.entity_id, row.get("name_th", ""), row.get("name_en", ""),
                row.get("nickname", ""), row.get("phone", ""), row.get("referral_code", ""),
            ))
        self._announce(table, change)

    def _ledger(self, table: _Table, change: Change, values: dict[str, Any]) -> None:
        if self._has(table.entity.name, change.entity_id):
            # Ledgers are a union of ids: a row seen again is the same row,
            # in the chain's version (see ``_align``).
            self._align(table, change, values)
            return
        for name in table.needs_value:
            f = table.entity.field_map[name]
            if f.column_name in values:
                continue
            if isinstance(f.type, Moment):
                # Rows from before a ledger carried its own time: its clock's.
                values[f.column_name] = _wall(change.hlc)
            else:
                raise Unstorable(UNSTORABLE, f"a {change.entity} needs {name}")
        row: dict[str, Any] = {table.entity.key_column: change.entity_id, **values, "hlc": change.hlc}
        if "chain_id" in table.columns:
            row["chain_id"] = self.device.chain_id
        if "device_id" in table.columns and "device_id" not in row:
            # The clock's node is the device that made the row.
            row["device_id"] = hlc_rules.Hlc.parse(change.hlc).node
        self._add(table, row)
        self._announce(table, change)

    def _align(self, table: _Table, change: Change, values: dict[str, Any]) -> None:
        """Give a local ledger row the server's contents where they differ.

        Two terminals can make the same derived row (one award, one unlock)
        with different contents when they disagreed offline (a manager
        changed an award on one of them). The server kept the first to
        arrive and reported the other (``ledger_row_differs``); every
        terminal takes the kept one, so all of them show the same ledger.
        """
        if self._queued_table is table:
            self._insert_queued()
        row = self.session.get(table.model, self._identity(table, change.entity_id))
        if row is None:
            return
        differs = {
            attribute: value for column, value in values.items()
            if (attribute := table.attributes.get(column)) is not None and getattr(row, attribute) != value
        }
        if not differs:
            return
        # The table's append-only trigger lets this one update through.
        name = table.table.name
        self.session.execute(insert(LedgerAlignment).values(table_name=name))
        for attribute, value in differs.items():
            setattr(row, attribute, value)
        self.session.flush()
        self.session.execute(delete(LedgerAlignment).where(LedgerAlignment.table_name == name))
        self._announce(table, change)

    def _announce(self, table: _Table, change: Change) -> None:
        """Note the change in the ``ChangeSet``: its own kind, and its parents' or chain's."""
        parents = dict(table.entity.parents)
        for kind in table.entity.change_kinds:
            if kind == table.entity.name:
                self.changes.add(Kind(kind), change.entity_id)
                continue
            field = next((f for f, p in parents.items() if p == kind), None)
            parent_id = change.data.get(field) if field else None
            if isinstance(parent_id, str):
                self.changes.add(Kind(kind), parent_id)
            elif kind == "chain":
                self.changes.add(Kind.CHAIN, self.device.chain_id)


def _newest_clock(changes: Iterable[Change]) -> str:
    """Return the latest clock of any change or field of ``changes`` ("" when there is none)."""
    newest = ""
    for c in changes:
        newest = max(newest, c.hlc, max(c.field_clocks.values(), default=""))
    return newest


def _advance_clock(device: DeviceState, changes: list[Change], now: datetime) -> None:
    seen = _newest_clock(changes)
    if not seen:
        return
    last = hlc_rules.Hlc.parse(device.last_hlc) if device.last_hlc else hlc_rules.ZERO
    remote = hlc_rules.Hlc.parse(seen)
    device.last_hlc = hlc_rules.receive(last, remote, int(now.timestamp() * 1000), device.device_id).encode()


def apply_changes(
    session: Session,
    changes: list[Change],
    now: datetime,
    *,
    storage: Storage = STORAGE,
    progress: Callable[[int, int], None] | None = None,
) -> ChangeSet:
    """Apply a pulled page in the caller's transaction; return what changed locally.

    Writes neither outbox nor audit rows. The caller commits (together with
    the new pull cursor) or rolls back.

    Args:
        changes: the page, in the server's cursor order.
        now: the terminal's clock, for the hybrid logical clock.
        storage: the synced entities and their terminal tables (tests
            declare entities of their own).
        progress: called with (changes gone through, changes in all) every
            ``PROGRESS_EVERY`` changes of the first pass, in the caller's
            thread (a bootstrap's progress bar moves within each page).

    Return:
        The kinds and ids whose visible state changed (a change pulled back
        that this terminal already has changes nothing and is not named).
    """
    registry, models = storage.registry, storage.mapped()
    if len(changes) < LARGE_PAGE:
        return _apply(session, changes, now, registry, models, progress)
    # A large page (a bootstrap) touches most leaves of the search-term
    # index (bench/RESULTS.md, "Bootstrap"): see ``bulk_writing``.
    with bulk_writing(session):
        return _apply(session, changes, now, registry, models, progress)


# New rows wait in the queue up to this many (then go in), so a large page's
# rows are never all held as column values at once.
_QUEUED_MAX = 1000
# A page with at least this many new customers leaves their search terms
# to the end of the sync round (``services.search_index``).
DEFER_INDEXING = 2000
# Pages of at least this many changes are applied as a bulk write (``bulk_writing``).
LARGE_PAGE = 1000
PROGRESS_EVERY = 500


def _apply(
    session: Session,
    changes: list[Change],
    now: datetime,
    registry: Registry,
    models: Mapping[str, type[Any]],
    progress: Callable[[int, int], None] | None = None,
) -> ChangeSet:
    device = load_device(session)
    applier = _Applier(session, device, now, registry, models)
    incoming = {(c.entity, c.entity_id) for c in changes}
    waiting: list[Change] = []
    for row in session.execute(select(ParkedChange)).scalars():
        session.delete(row)
        if (row.entity, row.entity_id) not in incoming:  # a newer state of it is in this page
            waiting.append(Change.model_validate(row.change))
    session.flush()
    order = {name: i for i, name in enumerate(registry.apply_order())}
    todo = sorted(changes, key=lambda c: (order.get(c.entity, len(order)), c.cursor)) + waiting
    applier.prefetch(todo)
    parked: dict[tuple[str, str], tuple[Change, str, str]] = {}
    # Apply until nothing more can be: a package waits for its treatment,
    # a visit for its customer, possibly in this very page.
    first = len(todo)
    while todo:
        left: list[Change] = []
        for i, c in enumerate(todo, 1):
            try:
                if not applier.apply(c):
                    left.append(c)
            except Unstorable as unstorable:
                parked[(c.entity, c.entity_id)] = (c, unstorable.reason, unstorable.problem)
            if progress is not None and i % PROGRESS_EVERY == 0 and len(todo) == first:
                progress(i, first)
        if len(left) == len(todo):
            break
        todo = left
    applier.finish()
    for c in todo:
        parked[(c.entity, c.entity_id)] = (c, WAITING, "")
    for c, unknown in applier.partly_known:
        parked.setdefault((c.entity, c.entity_id), (c, UNKNOWN_FIELDS, unknown))
    for c, reason, problem in parked.values():
        session.add(ParkedChange(
            entity=c.entity[:40], entity_id=c.entity_id, cursor=c.cursor, change=c.model_dump(), reason=reason,
            problem=problem,
        ))
    _advance_clock(device, changes, now)
    return applier.changes.build()


def parked_count(session: Session) -> int:
    """Return how many pulled rows wait (for a parent, or for an update of this terminal)."""
    return int(session.execute(select(func.count()).select_from(ParkedChange)).scalar_one())
