"""Row-level security on PostgreSQL: a transaction sees only its clinic's rows.

Revision ID: 0002
Revises: 0001

Each tenant table gets the policy ``clinic_rows``: rows whose clinic is the
transaction's ``bnaura.clinic`` setting, or every row when it is ``*``
(set by ``sync.server.schema.clinic_sessions``). Unset, a transaction sees
nothing. FORCE makes the owner subject to it too; superusers bypass it.
SQLite has no row-level security: nothing to do there.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TENANT_TABLES = {
    "clinics": "id",
    "devices": "clinic_id",
    "enrollment_codes": "clinic_id",
    "applied_operations": "clinic_id",
    "records": "clinic_id",
    "changes": "clinic_id",
    "sync_exceptions": "clinic_id",
}


def _rule(column: str) -> str:
    scope = "current_setting('bnaura.clinic', true)"
    return f"({scope} = '*' OR {column} = {scope})"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in TENANT_TABLES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY clinic_rows ON {table} USING {_rule(column)} WITH CHECK {_rule(column)}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TENANT_TABLES:
        op.execute(f"DROP POLICY clinic_rows ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
