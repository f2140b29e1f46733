"""Customer search at 1,000,000 customers: the recent list's index; terms written after a bootstrap.

Revision ID: 0007
Revises: 0006

- ``ix_customers_updated_at``: the customer screen opens on (and returns
  to, when the search box is cleared) the 50 most recently changed
  customers. Without an index that is a scan and sort of every customer:
  about 0.3 s with 1,000,000 customers, on every opening. With it, SQLite
  reads the last 50 entries of the index.
- ``customer_search_pending``: customers pulled in a large page whose
  search terms are written at the end of the sync round, all together in
  term order (``bnaura_desk.services.search_index``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_customers_updated_at", "customers", ["updated_at"])
    op.create_table(
        "customer_search_pending",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_search_pending_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_search_pending")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("customer_search_pending")
    op.drop_index("ix_customers_updated_at", table_name="customers")
