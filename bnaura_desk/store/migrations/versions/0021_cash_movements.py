"""Cash in and cash out: money put into or taken out of a shift's drawer that is not a sale's.

Revision ID: 0021
Revises: 0019 (0020 once the full tax invoice's revision is merged before it)

A new table only: nothing existing is rewritten. ``cash_movements`` is a
synced ledger (append-only, aligned only by a pull).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0021"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_cash_movements_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_cash_movements_chain_id_chains")),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name=op.f("fk_cash_movements_shift_id_shifts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
    )
    op.create_index(op.f("ix_cash_movements_shift_id"), "cash_movements", ["shift_id"])
    op.create_index("ix_cash_movements_device_id_at", "cash_movements", ["device_id", "at"])
    synced_append_only("cash_movements")


def downgrade() -> None:
    op.drop_table("cash_movements")
