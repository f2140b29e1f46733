"""An index for the customer list's "recently changed first".

Revision ID: 0007
Revises: 0006

The customer screen opens on (and returns to, when the search box is
cleared) the 50 most recently changed customers. Without an index on
``customers.updated_at`` that is a scan and sort of every customer: about
0.3 s with 1,000,000 customers, on every opening. With it, SQLite reads
the last 50 entries of the index.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_customers_updated_at", "customers", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_customers_updated_at", table_name="customers")
