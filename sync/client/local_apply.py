"""Pulled changes into the terminal's tables, without outbox or audit rows.

A ``Change`` is the server's merged state of one record. Applying it:

- profile rows (clinic, staff, customer, catalog item, setting): per field,
  the server's value and clock, except a local edit not yet acknowledged by
  the server whose clock is later (it is on its way and will win there
  too); a tombstone wins over any edit; new rows are inserted whole;
- ledger rows (visit, consent, stock movement): inserted by id when absent,
  never updated (the tables are append-only), so ledgers are a union of ids;
- a row whose parent (a visit's customer, a package's treatment) has not
  arrived yet waits in ``sync_parked`` and is applied with its parent.

The local hybrid logical clock moves past every clock seen, so a later
local edit is stamped after what was pulled. The returned ``ChangeSet``
names exactly the records whose visible state changed.

A page is applied with a query per table, not per change (bench/RESULTS.md,
"Bootstrap"): the rows it names are loaded together first, new rows are
inserted table by table in one statement each, and the search terms of new
customers are written together at the end of the page.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bnaura_desk.domain import hlc as hlc_rules
from bnaura_desk.domain.changes import ChangeSet, ChangeSetBuilder, Kind
from bnaura_desk.domain.search import customer_terms
from bnaura_desk.services.context import load_device
from bnaura_desk.services.customers import index_customer
from bnaura_desk.store.models import (
    CatalogItem,
    Clinic,
    ConsentEvent,
    Customer,
    CustomerSearchTerm,
    DeviceState,
    OutboxOperation,
    ParkedChange,
    Setting,
    Staff,
    StockMovement,
    SyncExceptionRow,
    Visit,
)

from ..protocol import Change
from .http import collector_paused

Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _time(value: Any) -> time | None:
    return time.fromisoformat(value) if value else None


def _none_if_empty(value: Any) -> Any:
    return value or None


def _list(value: Any) -> list[Any]:
    return list(value or [])


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def _datetime_or_none(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


# Per profile entity: its model and how each synced JSON field becomes a column value.
# Fields a newer terminal sends that are not listed here are ignored.
PROFILE_COLUMNS: dict[str, tuple[type[Any], dict[str, Convert]]] = {
    "clinic": (
        Clinic,
        {f: _text for f in ("name_th", "name_en", "tax_id", "branch_code", "address", "phone")},
    ),
    "staff": (
        Staff,
        {"display_name": _text, "role": _text, "active": bool, "pin_hash": _text},
    ),
    "customer": (
        Customer,
        {
            **{f: _text for f in ("name_th", "name_en", "nickname", "phone", "email", "line_id", "skin_notes")},
            "gender": _text,
            "birthday": _date,
            "channels": _list,
            "quiet_start": _time,
            "quiet_end": _time,
            "opted_out": bool,
            "referral_code": _text,
        },
    ),
    "catalog_item": (
        CatalogItem,
        {
            "kind": _text,
            "name_th": _text,
            "name_en": _text,
            "price_satang": int,
            "vat_exempt": bool,
            "active": bool,
            "duration_minutes": _int_or_none,
            "protocol_steps": _list,
            "sku": _none_if_empty,
            "barcode": _none_if_empty,
            "package_treatment_id": _none_if_empty,
            "package_sessions": _int_or_none,
        },
    ),
    "sync_exception": (
        SyncExceptionRow,
        {
            "kind": _text,
            "entity": _text,
            "entity_id": _text,
            "device_id": _none_if_empty,
            "seq": _int_or_none,
            "detail": _dict,
            "raised_at": _datetime_or_none,
            "resolved_at": _datetime_or_none,
            "resolved_by": _none_if_empty,
            "note": _text,
        },
    ),
}
# Changing one of these changes what the customer can be found by.
_SEARCH_FIELDS = frozenset({"name_th", "name_en", "nickname", "phone", "referral_code"})
# Profiles before ledgers, so a visit finds the customer of the same page.
_ORDER = {"clinic": 0, "setting": 1, "staff": 2, "catalog_item": 3, "customer": 4}


def _wall(clock: str) -> datetime:
    """Return the wall time of an HLC stamp (when the change was made, on its device)."""
    return datetime.fromtimestamp(hlc_rules.Hlc.parse(clock).wall_ms / 1000, UTC)


def _created_clock(change: Change) -> str:
    return min(change.field_clocks.values(), default=change.hlc) or change.hlc


# Ids per IN (...) list: well under SQLite's limit on bound parameters.
_CHUNK = 500


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class _Applier:
    """One pulled page applied in the caller's transaction."""

    def __init__(self, session: Session, device: DeviceState, now: datetime) -> None:
        self.session = session
        self.device = device
        self.now = now
        self.changes = ChangeSetBuilder()
        # Clocks of local writes the server has not acknowledged yet: only
        # these may keep their value against a pulled one.
        self.pending = set(
            session.execute(select(OutboxOperation.hlc).where(OutboxOperation.outcome.is_(None))).scalars()
        )
        # Whether a row exists locally, per model and id: filled for a whole
        # page by ``prefetch`` (one query per table instead of one per
        # change) and kept true as rows are inserted.
        self._exists: dict[type[Any], dict[str, bool]] = {}
        # The session holds unmodified rows weakly: keep the prefetched ones
        # so that ``session.get`` finds them without asking the database again.
        self._loaded: list[Any] = []
        # New rows wait here as column values and are inserted table by
        # table, in the order they came (a visit after its customer, a
        # package after its treatment), one executemany per run of a table:
        # building and flushing an ORM object per row was most of the cost.
        self._queued_model: type[Any] | None = None
        self._queued: list[dict[str, Any]] = []
        # The page's new customers not deleted: id and the fields they are found by.
        self._new_customers: list[tuple[str, str, str, str, str, str]] = []

    # ------------------------------------------------------------ a page at once

    def prefetch(self, changes: Iterable[Change]) -> None:
        """Load, with one query per table, the rows ``changes`` name and the parents they need.

        Profile rows are loaded whole into the session; for ledger rows and
        parents only whether they exist is noted.
        """
        wanted: dict[type[Any], set[str]] = {}
        for c in changes:
            if c.entity in PROFILE_COLUMNS:
                wanted.setdefault(PROFILE_COLUMNS[c.entity][0], set()).add(c.entity_id)
                if c.entity == "catalog_item" and isinstance(c.data.get("package_treatment_id"), str):
                    wanted.setdefault(CatalogItem, set()).add(c.data["package_treatment_id"])
            elif c.entity in _LEDGER_PARENTS:
                model, parent, field = _LEDGER_PARENTS[c.entity]
                wanted.setdefault(model, set()).add(c.entity_id)
                if isinstance(c.data.get(field), str):
                    wanted.setdefault(parent, set()).add(c.data[field])
        whole = {m for m, _ in PROFILE_COLUMNS.values()}
        for model, ids in wanted.items():
            known = self._exists.setdefault(model, {})
            todo = sorted(i for i in ids if i not in known)
            for chunk in _chunks(todo):
                if model in whole:
                    rows = list(self.session.scalars(select(model).where(model.id.in_(chunk))))
                    self._loaded.extend(rows)
                    found = {r.id for r in rows}
                else:
                    found = set(self.session.scalars(select(model.id).where(model.id.in_(chunk))))
                for i in chunk:
                    known[i] = i in found

    def _has(self, model: type[Any], row_id: str) -> bool:
        known = self._exists.setdefault(model, {})
        found = known.get(row_id)
        if found is None:  # not prefetched (a parent named in an unexpected shape)
            found = known[row_id] = self.session.get(model, row_id) is not None
        return found

    def _row(self, model: type[Any], row_id: str) -> Any:
        """Return the local row ``row_id`` of ``model``, or None (no query when prefetched)."""
        return self.session.get(model, row_id) if self._has(model, row_id) else None

    def _add(self, model: type[Any], values: dict[str, Any]) -> None:
        """Queue a new row of ``model``, inserting the queued rows of another table first.

        ``values`` are what the model's constructor would get: the column
        types convert them and the columns' defaults fill the rest, exactly
        as for an ORM object.
        """
        if self._queued_model is not None and (self._queued_model is not model or len(self._queued) >= _QUEUED_MAX):
            self._insert_queued()
        self._queued_model = model
        self._queued.append(values)
        self._exists.setdefault(model, {})[values["id"]] = True

    def _insert_queued(self) -> None:
        model, rows = self._queued_model, self._queued
        self._queued_model, self._queued = None, []
        if model is None:
            return
        # One executemany per run of rows with the same columns (a record
        # from an older terminal may lack some fields), keeping their order.
        table = model.__table__
        start = 0
        while start < len(rows):
            keys = rows[start].keys()
            end = start + 1
            while end < len(rows) and rows[end].keys() == keys:
                end += 1
            if keys == _column_keys(table):
                self._insert_whole(table, rows[start:end])
            else:
                self.session.execute(insert(table), rows[start:end])  # the columns' defaults fill the rest
            start = end

    def _insert_whole(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert rows that give every column of ``table`` a value, in one executemany on the driver.

        Each value goes through its column type's own bind processor, so the
        stored values are those ``insert(table)`` would store; only
        SQLAlchemy's work per row and per parameter is skipped (a large part
        of a bootstrap's cost: a customer row has 21 columns).
        """
        connection = self.session.connection()
        sql, plan = _insert_plan(table, connection.dialect)
        columns = [(key, None if p is None else _remembering(p)) for key, p in plan]
        connection.exec_driver_sql(
            sql,
            [tuple([row[key] if p is None else p(row[key]) for key, p in columns]) for row in rows],
        )

    def finish(self) -> None:
        """Insert the rows still queued and index the page's new customers for search.

        The same terms ``index_customer`` writes, for all new customers in
        one statement. (``index_customer`` first deletes the customer's old
        terms: a new customer has none, the foreign key to ``customers``
        sees to that.)
        """
        self._insert_queued()
        self.session.flush()
        # Two plain text columns, about ten rows per customer (a million for
        # a 100,000-customer bootstrap): handed to the driver's executemany
        # as they are, without SQLAlchemy's per-row parameter processing, a
        # statement per _QUEUED_MAX customers (a page's terms are never all
        # in memory at once).
        table = CustomerSearchTerm.__table__
        sql = f"INSERT INTO {table.name} ({table.c.term.name}, {table.c.customer_id.name}) VALUES (?, ?)"
        new, self._new_customers = self._new_customers, []
        for start in range(0, len(new), _QUEUED_MAX):
            terms = [
                (t, cid)
                for cid, *found_by in new[start : start + _QUEUED_MAX]
                for t in customer_terms(*found_by)
            ]
            if terms:
                self.session.connection().exec_driver_sql(sql, terms)

    # ------------------------------------------------------------ dispatch

    def apply(self, change: Change) -> bool:
        """Apply one change; return False when it must wait for its parent."""
        if change.entity in PROFILE_COLUMNS:
            return self._profile(change)
        if change.entity == "setting":
            self._setting(change)
            return True
        ledger = _LEDGERS.get(change.entity)
        if ledger is None:
            return True  # a kind of record this version does not keep: skip it
        return ledger(self, change)

    def _missing(self, model: type[Any], row_id: str | None) -> bool:
        return bool(row_id) and not self._has(model, row_id)  # type: ignore[arg-type]

    # ------------------------------------------------------------ profiles

    def _keeps_local(self, local_clock: str, server_clock: str) -> bool:
        return local_clock > server_clock and local_clock in self.pending

    def _profile(self, change: Change) -> bool:
        model, columns = PROFILE_COLUMNS[change.entity]
        data = {f: columns[f](v) for f, v in change.data.items() if f in columns}
        if change.entity == "catalog_item" and self._missing(CatalogItem, data.get("package_treatment_id")):
            return False
        row = self._row(model, change.entity_id)
        if row is None:
            self._insert_profile(model, change, data)
            return True
        if self._queued:
            # The edit may name a row still queued (a package's new
            # treatment): the queue goes in first, as each row went in
            # when it was added.
            self._insert_queued()
        clocks = dict(row.field_clocks or {})
        written: set[str] = set()
        for f, value in data.items():
            server_clock = change.field_clocks.get(f, change.hlc)
            # An unpushed later local edit wins on the server too, unless the
            # record is tombstoned there: the server then keeps its fields and
            # sends nothing newer, so the local value would stay forever.
            if not change.deleted and self._keeps_local(clocks.get(f, ""), server_clock):
                continue
            if getattr(row, f) != value:
                setattr(row, f, value)
                written.add(f)
            clocks[f] = server_clock
        tombstoned = change.deleted and row.deleted_at is None
        if tombstoned:
            row.deleted_at = _wall(change.hlc)
        if clocks != (row.field_clocks or {}):
            row.field_clocks = clocks
        row.hlc = max(row.hlc, change.hlc)
        if written or tombstoned:
            row.updated_at = max(row.updated_at, _wall(change.hlc))
            self._changed(change.entity, change.entity_id)
            if isinstance(row, Customer) and (tombstoned or written & _SEARCH_FIELDS):
                self.session.flush()
                index_customer(self.session, row)
        return True

    def _insert_profile(self, model: type[Any], change: Change, data: dict[str, Any]) -> None:
        extra: dict[str, Any] = {}
        if model is not Clinic:
            extra["clinic_id"] = self.device.clinic_id
        wall = _wall(change.hlc)
        created = _created_clock(change)
        values = dict(
            id=change.entity_id,
            created_at=wall if created == change.hlc else _wall(created),
            updated_at=wall,
            hlc=change.hlc,
            field_clocks=(
                change.field_clocks if change.field_clocks.keys() == data.keys()
                else {f: change.field_clocks.get(f, change.hlc) for f in data}
            ),
            deleted_at=wall if change.deleted else None,
            **extra,
            **data,
        )
        self._add(model, values)
        if model is Customer and not change.deleted:  # indexed for search in ``finish``
            self._new_customers.append((
                change.entity_id, values.get("name_th", ""), values.get("name_en", ""),
                values.get("nickname", ""), values.get("phone", ""), values.get("referral_code", ""),
            ))
        self._changed(change.entity, change.entity_id)

    def _setting(self, change: Change) -> None:
        key = change.data.get("key")
        if not isinstance(key, str) or "value" not in change.data:
            return
        value = change.data["value"]
        server_clock = change.field_clocks.get("value", change.hlc)
        row = self.session.get(Setting, (self.device.clinic_id, key))
        if row is None:
            self.session.add(
                Setting(clinic_id=self.device.clinic_id, key=key, value=value, updated_at=_wall(server_clock), hlc=server_clock)
            )
        elif self._keeps_local(row.hlc, server_clock):
            return
        elif row.value != value:
            row.value, row.updated_at, row.hlc = value, _wall(server_clock), server_clock
        else:
            row.hlc = server_clock
            return
        # Settings have no kind of their own: screens that show them listen to the clinic.
        self.changes.add(Kind.CLINIC, self.device.clinic_id)

    # ------------------------------------------------------------ ledgers

    def _visit(self, change: Change) -> bool:
        d = change.data
        if self._has(Visit, change.entity_id):
            return True
        if self._missing(Customer, d.get("customer_id")):
            return False
        self._add(
            Visit,
            dict(
                id=change.entity_id,
                clinic_id=self.device.clinic_id,
                customer_id=d["customer_id"],
                checked_in_at=_parse_at(d.get("at"), change.hlc),
                staff_id=d.get("staff_id"),
                # The clock's node is the device that made the row.
                device_id=hlc_rules.Hlc.parse(change.hlc).node,
                hlc=change.hlc,
            )
        )
        self._changed("visit", change.entity_id)
        self.changes.add(Kind.CUSTOMER, d["customer_id"])
        return True

    def _consent(self, change: Change) -> bool:
        d = change.data
        if self._has(ConsentEvent, change.entity_id):
            return True
        if self._missing(Customer, d.get("customer_id")):
            return False
        self._add(
            ConsentEvent,
            dict(
                id=change.entity_id,
                clinic_id=self.device.clinic_id,
                customer_id=d["customer_id"],
                purpose=_text(d.get("purpose")),
                granted=bool(d.get("granted")),
                at=_parse_at(d.get("at"), change.hlc),
                recorded_by_id=d.get("recorded_by_id"),
                note=_text(d.get("note")),
                hlc=change.hlc,
            )
        )
        self._changed("consent", change.entity_id)
        self.changes.add(Kind.CUSTOMER, d["customer_id"])
        return True

    def _stock(self, change: Change) -> bool:
        d = change.data
        if self._has(StockMovement, change.entity_id):
            return True
        if self._missing(CatalogItem, d.get("item_id")):
            return False
        self._add(
            StockMovement,
            dict(
                id=change.entity_id,
                clinic_id=self.device.clinic_id,
                item_id=d["item_id"],
                quantity=int(d["quantity"]),
                reason=_text(d.get("reason")),
                note=_text(d.get("note")),
                at=_parse_at(d.get("at"), change.hlc),
                staff_id=d.get("staff_id"),
                hlc=change.hlc,
            )
        )
        self._changed("stock", change.entity_id)
        self.changes.add(Kind.CATALOG_ITEM, d["item_id"])
        return True

    def _changed(self, entity: str, entity_id: str) -> None:
        self.changes.add(Kind(entity), entity_id)


_LEDGERS: dict[str, Callable[[_Applier, Change], bool]] = {
    "visit": _Applier._visit,
    "consent": _Applier._consent,
    "stock": _Applier._stock,
}
# Per ledger entity: its model, its parent's model and the field naming the parent.
_LEDGER_PARENTS: dict[str, tuple[type[Any], type[Any], str]] = {
    "visit": (Visit, Customer, "customer_id"),
    "consent": (ConsentEvent, Customer, "customer_id"),
    "stock": (StockMovement, CatalogItem, "item_id"),
}


# Per dialect and table: the INSERT of every column, and each column's key and bind processor.
_PLANS: weakref.WeakKeyDictionary[Dialect, dict[Table, tuple[str, list[tuple[str, Convert | None]]]]] = (
    weakref.WeakKeyDictionary()
)


_COLUMN_KEYS: dict[Table, frozenset[str]] = {}


def _column_keys(table: Table) -> frozenset[str]:
    keys = _COLUMN_KEYS.get(table)
    if keys is None:
        keys = _COLUMN_KEYS[table] = frozenset(table.columns.keys())
    return keys


_UNSEEN = object()


def _remembering(process: Convert) -> Convert:
    """Return ``process`` remembering its result per value, for one statement's rows.

    Many rows share a value (``channels``, quiet hours; a row's
    ``created_at`` is its ``updated_at``), and a bind processor
    (canonical JSON, a timestamp's text) costs more than a lookup. A dict
    (field clocks, different for every row) is processed directly.
    """
    seen: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        kind = type(value)
        if kind in _SCALARS:
            # The type and the time zone are part of the key: equal values
            # of other types (1 and True) or zones must not share a result.
            key: Any = (kind, value, getattr(value, "tzinfo", None))
        elif kind is list and all(type(item) is str for item in value):
            key = (kind, *value)
        else:  # field clocks, details: another value every row
            return process(value)
        result = seen.get(key, _UNSEEN)
        if result is _UNSEEN:
            result = seen[key] = process(value)
        return result

    return remembered


_SCALARS = frozenset({str, bool, int, date, time, datetime, type(None)})


def _insert_plan(table: Table, dialect: Dialect) -> tuple[str, list[tuple[str, Convert | None]]]:
    plans = _PLANS.setdefault(dialect, {})
    plan = plans.get(table)
    if plan is None:
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(c.name) for c in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        columns: list[tuple[str, Convert | None]] = [
            (c.key, c.type.dialect_impl(dialect).bind_processor(dialect)) for c in table.columns
        ]
        plan = (f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})", columns)
        plans[table] = plan
    return plan


def _parse_at(value: Any, clock: str) -> datetime:
    """Return the row's own time, or its clock's wall time when the record has none."""
    if isinstance(value, str) and value:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return _wall(clock)


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


def apply_changes(session: Session, changes: list[Change], now: datetime) -> ChangeSet:
    """Apply a pulled page in the caller's transaction; return what changed locally.

    Writes neither outbox nor audit rows. The caller commits (together with
    the new pull cursor) or rolls back.

    Args:
        changes: the page, in the server's cursor order.
        now: the terminal's clock, for the hybrid logical clock.

    Return:
        The kinds and ids whose visible state changed (a change pulled back
        that this terminal already has changes nothing and is not named).
    """
    if len(changes) < _LARGE_PAGE:
        return _apply(session, changes, now)
    # A large page (a bootstrap) touches most leaves of the search-term
    # index: with SQLite's default 2 MB page cache they are written out and
    # read back again within the transaction. A larger cache for this
    # transaction only; the default is back before the commit, which then
    # lets the extra pages go as it writes them (bench/RESULTS.md, "Bootstrap").
    # Python's cyclic garbage collector is paused meanwhile (``collector_paused``).
    connection = session.connection()
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size=-{_LARGE_PAGE_CACHE_KIB}")
    try:
        with collector_paused():
            return _apply(session, changes, now)
    finally:
        with contextlib.suppress(SQLAlchemyError):  # never hide why the page failed
            connection.exec_driver_sql(f"PRAGMA cache_size={before}")


# New rows wait in the queue up to this many (then go in), so a large page's
# rows are never all held as column values at once.
_QUEUED_MAX = 1000
# Pages of at least this many changes get a page cache of this many KiB while applied.
_LARGE_PAGE = 1000
_LARGE_PAGE_CACHE_KIB = 32 * 1024


def _apply(session: Session, changes: list[Change], now: datetime) -> ChangeSet:
    device = load_device(session)
    applier = _Applier(session, device, now)
    incoming = {(c.entity, c.entity_id) for c in changes}
    parked_rows = list(session.execute(select(ParkedChange)).scalars())
    waiting: list[Change] = []
    for row in parked_rows:
        session.delete(row)
        if (row.entity, row.entity_id) not in incoming:  # a newer state of it is in this page
            waiting.append(Change.model_validate(row.change))
    session.flush()
    todo = sorted(changes, key=lambda c: (_ORDER.get(c.entity, 9), c.cursor)) + waiting
    applier.prefetch(todo)
    # Apply until nothing more can be: a package waits for its treatment,
    # a visit for its customer, possibly in this very page.
    while todo:
        left = [c for c in todo if not applier.apply(c)]
        if len(left) == len(todo):
            break
        todo = left
    applier.finish()
    for c in todo:
        session.add(ParkedChange(entity=c.entity, entity_id=c.entity_id, cursor=c.cursor, change=c.model_dump()))
    _advance_clock(device, changes, now)
    return applier.changes.build()


def parked_count(session: Session) -> int:
    """Return how many pulled rows wait for a parent that has not arrived."""
    return int(session.execute(select(func.count()).select_from(ParkedChange)).scalar_one())
