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

Until then, those customers are not found by search. The round writes them
before it returns, also when it fails part way, and begins by writing any a
killed round left behind.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.search import customer_terms
from ..store.fast_insert import bulk_writing
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


def defer_indexing(session: Session, customer_ids: Iterable[str]) -> None:
    """Note new customers whose terms ``index_pending_customers`` will write (in the caller's transaction)."""
    rows = [{"customer_id": cid} for cid in customer_ids]
    if rows:
        session.execute(insert(CustomerSearchPending), rows)


def has_pending(session: Session) -> bool:
    """Return whether some customers still wait for their search terms."""
    return session.execute(select(CustomerSearchPending.customer_id).limit(1)).first() is not None


def index_pending_customers(ctx: ServiceContext) -> ChangeSet:
    """Write the search terms of every waiting customer; result: how many customers were indexed.

    One transaction. The terms go to a temporary table first, then into the
    term index sorted, so SQLite fills its pages in order. When the index
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
        conn.exec_driver_sql("CREATE TEMP TABLE search_staging (term TEXT NOT NULL, customer_id TEXT NOT NULL)")
        stage = "INSERT INTO temp.search_staging (term, customer_id) VALUES (?, ?)"
        last = ""
        while True:
            rows = session.execute(
                select(
                    Customer.id, Customer.name_th, Customer.name_en, Customer.nickname, Customer.phone,
                    Customer.referral_code, Customer.deleted_at,
                )
                .join(CustomerSearchPending, CustomerSearchPending.customer_id == Customer.id)
                .where(CustomerSearchPending.customer_id > last)
                .order_by(CustomerSearchPending.customer_id)
                .limit(_CHUNK)
            ).all()
            if not rows:
                break
            last = rows[-1].id
            terms = [
                (t, r.id)
                for r in rows
                if r.deleted_at is None
                for t in customer_terms(r.name_th, r.name_en, r.nickname, r.phone, r.referral_code)
            ]
            if terms:
                conn.exec_driver_sql(stage, terms)
                staged += len(terms)
            indexed.extend(r.id for r in rows if r.deleted_at is None and len(indexed) < _ANNOUNCED)
        # Fewer terms in the index than being added: making the customer
        # index again is cheaper than inserting into it out of its order.
        existing = conn.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM {_TERMS} LIMIT ?)", (staged,)
        ).scalar_one()
        rebuild = existing < staged
        if rebuild:
            conn.exec_driver_sql(f"DROP INDEX {_CUSTOMER_INDEX}")
        # OR IGNORE: a term that is there already (never expected) is kept once.
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO {_TERMS} (term, customer_id) "
            "SELECT term, customer_id FROM temp.search_staging ORDER BY term, customer_id"
        )
        if rebuild:
            conn.exec_driver_sql(f"CREATE INDEX {_CUSTOMER_INDEX} ON {_TERMS} (customer_id)")
        conn.exec_driver_sql("DROP TABLE temp.search_staging")
        count = conn.exec_driver_sql(f"DELETE FROM {CustomerSearchPending.__tablename__}").rowcount
    if indexed:
        ctx.changes.add(Kind.CUSTOMER, indexed)
    return ctx.changes.build(result=int(count))
