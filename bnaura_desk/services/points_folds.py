"""A member's ledger read from the store and folded, and the folds kept for the next look.

A long-standing member's ledger has thousands of entries; reading and
folding them took about 10 ms of CPU per look (bench/RESULTS.md,
"Balance, tier and expiring-soon"), and the counter, the loyalty panel and
the redemption screen look at the same member again and again. A fold is
kept per database and member with the ledger's fingerprint: the number of
each table's rows of the member and the highest row number. The ledger
tables are append-only (``domain.synced``: a pulled ledger row is inserted
when absent, never updated; nothing deletes one), so a row more is the
only change a ledger can have, and it changes the fingerprint. The one
exception, a pulled row taking the chain's version of a row made here too
(``sync.client.local_apply``), goes through the ORM, which tells this
module to forget that member's fold.

A kept fold holds what tiers need too: the lots and the points refunds
took back (``Statement.taken_back``), from the same rows, so a refund's row
changes the fingerprint like any other.

A fold is kept only from a read-only session (``Terminal.read``): what a
use case reads within its own transaction may still be rolled back, and a
later row could then take the same row number. A use case may use a kept
fold when the fingerprint matches what it sees.
"""

from __future__ import annotations

import dataclasses
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from ..domain.points import Statement, fold_ordered
from ..store.engine import READ_ONLY_SESSION
from ..store.models import PointsEntry, PointsExpiry
from ..store.types import utc_from_text, utc_text

# Members whose folds are kept per database: the ones being served now (a
# counter, a panel, a redemption screen) and a few before them.
KEPT_MEMBERS = 64

# A member's whole ledger in one read of two indexed ranges, as the store
# keeps it: times as fixed-width UTC text (``store.types.utc_text``), which
# sorts and compares as the times do, so the fold reads 5,000 rows without
# making 10,000 datetimes or 5,000 ORM objects. Each row is a
# ``domain.points.Event`` (rank -1: a kind the fold does not know; a spend's
# source as its ``ref``, so that the fold tells a refund's take-back),
# followed, when asked for, by the entry's source and reason.
_LEDGER = """
SELECT at, CASE kind WHEN 'earn' THEN 0 WHEN 'spend' THEN 1 ELSE -1 END, id, points, expires_at,
       CASE kind WHEN 'spend' THEN source END{entry}
FROM {entries} WHERE customer_id = ?
UNION ALL
SELECT at, 2, id, 0, NULL, lot_id{expiry} FROM {expiries} WHERE customer_id = ?
"""
_EVENTS = _LEDGER.format(entry="", expiry="", entries=PointsEntry.__tablename__,
                         expiries=PointsExpiry.__tablename__)
_EVENTS_AND_REASONS = _LEDGER.format(entry=", source, reason", expiry=", '', ''", entries=PointsEntry.__tablename__,
                                     expiries=PointsExpiry.__tablename__)
# Both answered from the member's index entries alone (the row number is in every index entry).
_FINGERPRINT = f"""
SELECT (SELECT count(*) FROM {PointsEntry.__tablename__} WHERE customer_id = ?),
       (SELECT max(rowid) FROM {PointsEntry.__tablename__} WHERE customer_id = ?),
       (SELECT count(*) FROM {PointsExpiry.__tablename__} WHERE customer_id = ?),
       (SELECT max(rowid) FROM {PointsExpiry.__tablename__} WHERE customer_id = ?)
"""

Row = tuple[Any, ...]
Fingerprint = tuple[int, int | None, int, int | None]


def ledger_rows(session: Session, customer_id: str, *, reasons: bool) -> list[Row]:
    """Return the member's ledger rows in the fold's order (``domain.points.ORDER``).

    Each row is a ``domain.points.Event`` with times as stored text,
    followed by the entry's source and reason when ``reasons``.
    """
    return _query(session, _EVENTS_AND_REASONS if reasons else _EVENTS, (customer_id,) * 2, sort=True)


def fold_rows(rows: list[Row], now: datetime) -> Statement:
    """Return the statement at ``now`` of ``ledger_rows`` (with or without reasons)."""
    return fold_ordered((row[:6] for row in rows), now, utc_text(now), utc_from_text)


@dataclass(frozen=True)
class _Kept:
    fingerprint: Fingerprint
    latest: str  # the latest entry's time, as stored
    statement: Statement


_kept: weakref.WeakKeyDictionary[Engine, OrderedDict[str, _Kept]] = weakref.WeakKeyDictionary()
_kept_lock = threading.Lock()


def member_statement(session: Session, customer_id: str, now: datetime) -> Statement:
    """Return the fold of the member's ledger at ``now``: kept from an earlier look when the ledger is unchanged.

    The statement's lots are shared with the kept fold: read them, never
    change them.
    """
    fingerprint = cast(Fingerprint, _query(session, _FINGERPRINT, (customer_id,) * 4, sort=False)[0])
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    until = utc_text(now)
    with _kept_lock:
        members = _kept.get(engine)
        kept = members.get(customer_id) if members is not None else None
        if kept is not None and members is not None:
            members.move_to_end(customer_id)
    if kept is not None and kept.fingerprint == fingerprint and kept.latest <= until:
        return dataclasses.replace(kept.statement, at=now)
    rows = ledger_rows(session, customer_id, reasons=False)
    statement = fold_rows(rows, now)
    latest = rows[-1][0] if rows else ""
    # A fold that left out entries after ``now`` (a clock ahead) is not kept.
    if session.info.get(READ_ONLY_SESSION) and latest <= until:
        with _kept_lock:
            members = _kept.setdefault(engine, OrderedDict())
            members[customer_id] = _Kept(fingerprint, latest, statement)
            members.move_to_end(customer_id)
            while len(members) > KEPT_MEMBERS:
                members.popitem(last=False)
    return statement


def _query(session: Session, sql: str, params: tuple[str, ...], *, sort: bool) -> list[Row]:
    # The driver's cursor bypasses the session's autoflush: rows added in
    # this transaction (an award, then the balance a redemption checks) are
    # written first, as a query through the session would.
    session.flush()
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, params)
        rows = cast(list[Row], cursor.fetchall())  # sqlite3: a list of tuples
    finally:
        cursor.close()
    if sort:
        # Plain tuple order is ``ORDER``: no two rows share at, rank and id (ids
        # are unique in each table, and the tables have different ranks).
        rows.sort()
    return rows


def forget_kept_folds() -> None:
    """Forget every kept fold: the next look at each member reads and folds their whole ledger (benchmarks)."""
    with _kept_lock:
        _kept.clear()


def _forget_member(_mapper: object, connection: Connection, row: PointsEntry | PointsExpiry) -> None:
    # A ledger row changed in place (not appended): its member's fingerprint
    # does not show it, so the kept fold goes.
    with _kept_lock:
        members = _kept.get(connection.engine)
        if members is not None:
            members.pop(row.customer_id, None)


for _model in (PointsEntry, PointsExpiry):
    event.listen(_model, "after_update", _forget_member)
    event.listen(_model, "after_delete", _forget_member)
