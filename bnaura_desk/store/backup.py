"""Consistent copies of a live database (``VACUUM INTO``, never a file copy)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine


def backup_to(engine: Engine, target: Path) -> Path:
    """Write a consistent copy of the database to ``target`` and return it.

    ``VACUUM INTO`` reads one snapshot, so a backup taken while the app
    writes is still a database as of one moment. The target must not exist.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise FileExistsError(target)
    with engine.connect() as conn:
        # VACUUM cannot run inside a transaction, and SQLAlchemy would emit
        # BEGIN first: run it on the driver connection, which is in
        # autocommit (isolation_level None) between transactions.
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("VACUUM INTO ?", (str(target),))
    return target
