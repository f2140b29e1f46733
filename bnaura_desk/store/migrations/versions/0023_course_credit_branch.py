"""A course credit row names the branch where it was written (where a session was used).

Revision ID: 0023
Revises: 0022

One nullable column: rows written before it keep no branch, and their
history falls back on the branch of the terminal that wrote them.
``ALTER TABLE ... ADD COLUMN`` keeps the table (and its append-only
triggers) as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("course_credits", sa.Column("branch_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("course_credits") as batch:
        batch.drop_column("branch_id")
