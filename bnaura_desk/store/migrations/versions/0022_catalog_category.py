"""Catalog items get a category (the clinic's own grouping, which the counter's pricing rules may name).

Revision ID: 0022
Revises: 0021

One column added, empty for every existing item: nothing existing is
rewritten, and ``ALTER TABLE ... ADD COLUMN`` keeps the table as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_items") as batch:
        batch.add_column(sa.Column("category", sa.String(length=60), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("catalog_items") as batch:
        batch.drop_column("category")
