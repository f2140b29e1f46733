"""The schema revisions this app knows, readable without importing Alembic.

Opening a terminal database checks its revision on every start; Alembic
itself is only needed to migrate (``bnaura init``), and importing it costs a
quarter of a second of the start-up budget. A test keeps ``REVISIONS`` equal
to the migration scripts.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012",
             "0013", "0014", "0015", "0016", "0017", "0018", "0019", "0020", "0021",
             "0022", "0023", "0024", "0025", "0026", "0027", "0028", "0029", "0030", "0031", "0032")
HEAD = REVISIONS[-1]


def read_revision(engine: Engine) -> str | None:
    """Return the revision stamped in the database, ``None`` when it has none."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_table else None
        conn.rollback()
    return revision

