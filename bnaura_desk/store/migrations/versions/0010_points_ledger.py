"""The points ledger: earned lots and spends, and the expiry of each lot.

Revision ID: 0010
Revises: 0009

New append-only tables only (``points_entries``, ``points_expiries``):
nothing existing is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import append_only

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "points_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("expires_at", sa.String(length=32), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_points_entries_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_points_entries_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_entries")),
    )
    op.create_index("ix_points_entries_customer_id_at", "points_entries", ["customer_id", "at"])
    op.create_index("ix_points_entries_expires_at", "points_entries", ["expires_at"])
    op.create_table(
        "points_expiries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_points_expiries_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_points_expiries_customer_id_customers")),
        sa.ForeignKeyConstraint(["lot_id"], ["points_entries.id"], name=op.f("fk_points_expiries_lot_id_points_entries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_expiries")),
        sa.UniqueConstraint("lot_id", name=op.f("uq_points_expiries_lot_id")),
    )
    op.create_index("ix_points_expiries_customer_id", "points_expiries", ["customer_id"])
    append_only("points_entries")
    append_only("points_expiries")


def downgrade() -> None:
    for table in ("points_expiries", "points_entries"):
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
    op.drop_index("ix_points_expiries_customer_id", table_name="points_expiries")
    op.drop_table("points_expiries")
    op.drop_index("ix_points_entries_expires_at", table_name="points_entries")
    op.drop_index("ix_points_entries_customer_id_at", table_name="points_entries")
    op.drop_table("points_entries")
