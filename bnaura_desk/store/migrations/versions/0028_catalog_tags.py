"""Catalog items get tags (short words that suggestion rules match a skin scan against).

Revision ID: 0028
Revises: 0027

One column added, an empty list for every existing item: nothing existing
is rewritten, and ``ALTER TABLE ... ADD COLUMN`` keeps the table as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_items") as batch:
        batch.add_column(sa.Column("tags", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("catalog_items") as batch:
        batch.drop_column("tags")
