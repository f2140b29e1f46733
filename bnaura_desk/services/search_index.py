"""Search terms of many customers at once: written after a bootstrap, in term order.

A new terminal of a 1,000,000-customer chain pulls 100 pages of 10,000
changes. Written page by page, each page's 100,000 terms land all over the
term index (their order is the names', not the pull's), so every page
rewrote most of an index that grows to 650 MB: a page's terms took 0.8 s
with 100,000 customers already there and 1.7 s with 1,000,000
(bench/RESULTS.md, "one million customers"). Instead, a large page only
notes its new customers in ``customer_search_pending`` (their ids, which
are UUIDv7 and so mostly appended), and the sync round ends by writing all
their terms in one pass in term order, the customer index dropped and made
again after it when the table was nearly empty.

The customers' own indexes whose keys come in random order (phone, and
clinic and Thai name) are left out the same way while a bootstrap pulls
(``defer_customer_indexes``): a page's 10,000 phones and names land all over
them, so every page rewrote most of their leaves too. Made at the end from
the full table, each is one sort. The referral code's index is the table's
UNIQUE constraint and stays; the id's and ``updated_at``'s grow in pull
order.

Until then, those customers are not found by search. The round writes them
before it returns, also when it fails part way, and begins by writing any a
killed round left behind: what waits is in the database itself (the rows of
``customer_search_pending``, an index absent from the schema), so a round
killed at any point leaves a database that works, only slower to search,
until the next round finishes the work.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Index, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.search import customer_terms
from ..store.engine import checks_own_references
from ..store.fast_insert import bulk_writing, table_of
from ..store.models import Customer, CustomerSearchPending, CustomerSearchTerm
from .context import ServiceContext

# Customers read (and their terms made) per query while indexing.
_CHUNK = 5000
# A large flush names this many of its customers in its ChangeSet: their
# search results change, not their details; a name is enough for the
# customer screen to search again, without holding a million ids.
_ANNOUNCED = 1000
_TERMS = CustomerSearchTerm.__tablename__
_CUSTOMER_INDEX = "ix_customer_search_terms_customer_id"
# The customers' indexes a bootstrap leaves out until the end of its round.
_DEFERRED_INDEXES: tuple[Index, ...] = tuple(
    sorted(
        (i for i in table_of(Customer).indexes if i.name in ("ix_customers_phone", "ix_customers_clinic_name")),
        key=lambda i: str(i.name),
    )
)


def defer_indexing(session: Session, customer_ids: Iterable[str]) -> None:
    """Note new customers whose terms ``index_pending_customers`` will write (in the caller's transaction)."""
    # Straight to the driver: one plain text column, a bootstrap's million
    # ids (as an ORM insert, a tenth of a page's work).
    rows = [(cid,) for cid in customer_ids]
    if rows:
        session.connection().exec_driver_sql(
            f"INSERT INTO {CustomerSearchPending.__tablename__} (customer_id) VALUES (?)", rows
        )


def has_pending(session: Session) -> bool:
    """Return whether some customers still wait for their search terms."""
    return session.execute(select(CustomerSearchPending.customer_id).limit(1)).first() is not None


def missing_customer_indexes(session: Session) -> list[str]:
    """Return the names of the customers' indexes a bootstrap left out and not made again yet."""
    present = set(session.connection().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table_of(Customer).name,)
    ).scalars())
    return [str(i.name) for i in _DEFERRED_INDEXES if i.name not in present]


def has_deferred(session: Session) -> bool:
    """Return whether a bootstrap left work for ``finish_bulk_indexing`` (terms or customer indexes)."""
    return has_pending(session) or bool(missing_customer_indexes(session))


def defer_customer_indexes(session: Session, coming: int) -> bool:
    """In a large pulled page's transaction: leave out the customers' random-order indexes during a bootstrap.

    They are dropped when ``coming`` (the changes still to pull, this page's
    included) outnumbers the customers stored: made again from the full
    table at the end of the round, each is one sort, cheaper than
    inserting that many keys out of order. A terminal that already holds
    most of the clinic keeps them. Return whether they are now left out.
    """
    missing = missing_customer_indexes(session)
    if len(missing) == len(_DEFERRED_INDEXES):
        return True
    conn = session.connection()
    if coming <= 0:
        return False
    stored = conn.exec_driver_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {table_of(Customer).name} LIMIT ?)", (coming,)
    ).scalar_one()
    if stored >= coming:
        return False
    for index in _DEFERRED_INDEXES:
        if index.name not in missing:
            index.drop(conn)
    return True


@checks_own_references
def finish_bulk_indexing(ctx: ServiceContext) -> ChangeSet:
    """Use case: make the customer indexes a bootstrap left out, then write the waiting terms.

    Result: how many customers were indexed for search (``index_pending_customers``).
    One transaction.
    SQLite's foreign-key checks are off for it (``checks_own_references``):
    each term names a customer read in this very transaction.
    """
    session = ctx.session
    # The page cache of ``bulk_writing`` (32 MB); SQLite's sorter keeps about
    # as much in memory before it writes a sorted run to a file. With
    # 1,000,000 customers, 64 or 128 MB, with or without a helper thread for
    # the sorter, took the same time within the noise and only made the
    # process larger (bench/RESULTS.md).
    with bulk_writing(session):
        missing = set(missing_customer_indexes(session))
        for index in _DEFERRED_INDEXES:
            if index.name in missing:
                index.create(session.connection())
        return index_pending_customers(ctx)


def index_pending_customers(ctx: ServiceContext) -> ChangeSet:
    """Write the search terms of every waiting customer; result: how many customers were indexed.

    One transaction. Each customer's terms go to a temporary table first,
    as one JSON list a customer (one row, not ten, through the driver);
    SQLite then spreads them out and sorts them (``json_each``, ``ORDER
    BY``) into the term index, filling its pages in order. When the index
    held fewer terms than are being added (a bootstrap), its customer index
    is dropped first and made again from the full table afterwards.
    """
    session = ctx.session
    if not has_pending(session):
        return ctx.changes.build(result=0)
    conn = session.connection()
    indexed: list[str] = []
    staged = 0
    with bulk_writing(session):
        conn.exec_driver_sql("DROP TABLE IF EXISTS temp.search_staging")
        conn.exec_driver_sql("CREATE TEMP TABLE search_staging (customer_id TEXT NOT NULL, terms TEXT NOT NULL)")
        stage = "INSERT INTO temp.search_staging (customer_id, terms) VALUES (?, ?)"
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        # Read straight from the driver (plain text columns, a million rows),
        # in one pass; the temporary table is another database, so writing
        # it does not disturb the read.
        waiting = conn.exec_driver_sql(
            f"SELECT c.id, c.name_th, c.name_en, c.nickname, c.phone, c.referral_code "
            f"FROM {CustomerSearchPending.__tablename__} AS p JOIN {table_of(Customer).name} AS c "
            "ON c.id = p.customer_id WHERE c.deleted_at IS NULL ORDER BY p.customer_id"
        )
        while rows := waiting.fetchmany(_CHUNK):
            lists = []
            for cid, name_th, name_en, nickname, phone, referral_code in rows:
                terms = customer_terms(name_th, name_en, nickname, phone, referral_code)
                if terms:
                    lists.append((cid, dumps(list(terms))))
                    staged += len(terms)
            if lists:
                conn.exec_driver_sql(stage, lists)
            if len(indexed) < _ANNOUNCED:
                indexed.extend(cid for cid, *_ in rows[: _ANNOUNCED - len(indexed)])
        waiting.close()
        # Fewer terms in the index than being added: making the customer
        # index again is cheaper than inserting into it out of its order.
        existing = conn.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM {_TERMS} LIMIT ?)", (staged,)
        ).scalar_one()
        rebuild = existing < staged
        if rebuild:
            conn.exec_driver_sql(f"DROP INDEX {_CUSTOMER_INDEX}")
        # OR IGNORE: a term that is there already (never expected) is kept
        # once. Into an empty index (a bootstrap) none can be: each waiting
        # customer is there once, with a set of terms; the check is spared.
        verb = "INSERT" if existing == 0 else "INSERT OR IGNORE"
        conn.exec_driver_sql(
            f"{verb} INTO {_TERMS} (term, customer_id) "
            "SELECT t.value, s.customer_id FROM temp.search_staging AS s, json_each(s.terms) AS t "
            "ORDER BY 1, 2"
        )
        if rebuild:
            conn.exec_driver_sql(f"CREATE INDEX {_CUSTOMER_INDEX} ON {_TERMS} (customer_id)")
        conn.exec_driver_sql("DROP TABLE temp.search_staging")
        count = conn.exec_driver_sql(f"DELETE FROM {CustomerSearchPending.__tablename__}").rowcount
    if indexed:
        ctx.changes.add(Kind.CUSTOMER, indexed)
    return ctx.changes.build(result=int(count))
