"""Where the daily loyalty jobs stopped looking, so a night with little new looks at little.

Revision ID: 0014
Revises: 0013

A new local table only (``loyalty_job_marks``, never synced): nothing
existing is rewritten. A terminal without a row looks at everything once,
as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loyalty_job_marks",
        sa.Column("job", sa.String(length=20), nullable=False),
        sa.Column("entries_rowid", sa.Integer(), nullable=False),
        sa.Column("entries_id", sa.String(length=36), nullable=False),
        sa.Column("changes_rowid", sa.Integer(), nullable=False),
        sa.Column("changes_id", sa.String(length=36), nullable=False),
        sa.Column("customers_rowid", sa.Integer(), nullable=False),
        sa.Column("customers_id", sa.String(length=36), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("ran_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("job", name=op.f("pk_loyalty_job_marks")),
    )


def downgrade() -> None:
    op.drop_table("loyalty_job_marks")
