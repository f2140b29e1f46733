"""A pulled ledger row may take the chain's version of a row this terminal made too.

Revision ID: 0015
Revises: 0014

Two terminals can make the same derived ledger row (one award, one unlock)
with different contents when they disagreed offline; the server keeps the
first and reports the other, and every terminal takes the kept one
(``sync.client.local_apply``). The synced ledgers' UPDATE triggers now let
an update through while ``ledger_alignments`` names the table (the pull
does, for that one statement, in its own transaction); everything else is
refused as before. DELETE stays refused, and the audit log stays closed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# The synced ledgers (the audit log is this terminal's own and never aligned).
SYNCED_LEDGERS = (
    "consent_events", "visits", "stock_movements", "points_entries", "points_expiries", "tier_changes",
    "referrals", "coupon_uses", "achievement_unlocks",
)


def upgrade() -> None:
    op.create_table(
        "ledger_alignments",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_ledger_alignments")),
    )
    for table in SYNCED_LEDGERS:
        op.execute(f"DROP TRIGGER {table}_no_update")
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM ledger_alignments WHERE table_name = '{table}') "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def downgrade() -> None:
    for table in SYNCED_LEDGERS:
        op.execute(f"DROP TRIGGER {table}_no_update")
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )
    op.drop_table("ledger_alignments")
