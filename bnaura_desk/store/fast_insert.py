"""Inserting many new rows of one table fast, as the ORM would store them.

A bootstrap (sync's pull) and a bulk registration (``register_customers``)
insert a hundred thousand customers; building and flushing an ORM object
per row was most of their cost (bench/RESULTS.md, "Bootstrap" and "Demo
clinic generation"). The statements are written for SQLite, the
terminal's database.
Rows go in through the driver's executemany instead, each value through
its column type's own bind processor, so the stored values are exactly
those ``insert(table)`` would store.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session

from .collector import collector_paused as collector_paused  # noqa: PLC0414

Convert = Callable[[Any], Any]

# Per dialect and table: the INSERT of every column, and each column's key and bind processor.
_PLANS: weakref.WeakKeyDictionary[Dialect, dict[Table, tuple[str, list[tuple[str, Convert | None]]]]] = (
    weakref.WeakKeyDictionary()
)
_COLUMN_KEYS: dict[Table, frozenset[str]] = {}
_UNSEEN = object()
_SCALARS = frozenset({str, bool, int, date, time, datetime, type(None)})


def column_keys(table: Table) -> frozenset[str]:
    """Return the keys of ``table``'s columns (remembered)."""
    keys = _COLUMN_KEYS.get(table)
    if keys is None:
        keys = _COLUMN_KEYS[table] = frozenset(table.columns.keys())
    return keys


def table_of(model: type[DeclarativeBase]) -> Table:
    """Return the table of the ORM class ``model``."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (column values by key) into ``table``, in order, in the caller's transaction.

    One executemany per run of rows with the same keys (a record from an
    older terminal may lack some fields); the columns' defaults fill what a
    row does not give, exactly as for an ORM object.
    """
    start = 0
    while start < len(rows):
        keys = rows[start].keys()
        end = start + 1
        while end < len(rows) and rows[end].keys() == keys:
            end += 1
        if keys == column_keys(table):
            _insert_whole(session, table, rows[start:end])
        else:
            session.execute(insert(table), rows[start:end])
        start = end


def _insert_whole(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that give every column a value, in one executemany on the driver.

    Only SQLAlchemy's work per row and per parameter is skipped (a large
    part of a bootstrap's cost: a customer row has 21 columns).
    """
    connection = session.connection()
    sql, plan = _insert_plan(table, connection.dialect)
    columns = [(key, None if p is None else _remembering(p)) for key, p in plan]
    connection.exec_driver_sql(
        sql,
        [tuple([row[key] if p is None else p(row[key]) for key, p in columns]) for row in rows],
    )


def _remembering(process: Convert) -> Convert:
    """Return ``process`` remembering its result per value, for one statement's rows.

    Many rows share a value (``channels``, quiet hours; a row's
    ``created_at`` is its ``updated_at``), and a bind processor
    (canonical JSON, a timestamp's text) costs more than a lookup.
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
        elif kind is dict and not value:
            key = (kind,)
        else:  # field clocks of an edited row, details: another value every row
            return process(value)
        result = seen.get(key, _UNSEEN)
        if result is _UNSEEN:
            result = seen[key] = process(value)
        return result

    return remembered


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


# ---------------------------------------------------------------- a bulk step's surroundings

# The page cache of a bulk write, in KiB (SQLite's default is 2 MB).
LARGE_PAGE_CACHE_KIB = 32 * 1024


@contextlib.contextmanager
def bulk_writing(session: Session, cache_kib: int = LARGE_PAGE_CACHE_KIB) -> Iterator[None]:
    """Surround a transaction's bulk write: a large page cache, the cyclic garbage collector paused.

    Thousands of new rows touch most leaves of an index with random keys
    (search terms, phones): with SQLite's default 2 MB page cache they are
    written out and read back again within the transaction. The larger
    cache is for this step only; the default is back before the commit,
    which then lets the extra pages go as it writes them. The step's
    hundreds of thousands of objects live until it is done, so the
    collector would only scan them again and again (``collector_paused``).
    ``cache_kib``: the page cache of the step, in KiB.
    """
    connection = session.connection()
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(cache_kib)}")
    try:
        with collector_paused():
            yield
    finally:
        with contextlib.suppress(SQLAlchemyError):  # never hide why the step failed
            connection.exec_driver_sql(f"PRAGMA cache_size={before}")
