"""Refunds and voids: money given back for a sale, each with its credit note's number.

Revision ID: 0018
Revises: 0017

A new table only: nothing existing is rewritten. ``refunds`` is a synced
ledger (append-only, aligned only by a pull); its credit note numbers come
from ``document_counters`` (kind ``credit_note``), which 0016 made.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.Column("terminal", sa.String(length=100), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("points_taken", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_refunds_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_refunds_chain_id_chains")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_refunds_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
    )
    op.create_index(op.f("ix_refunds_sale_id"), "refunds", ["sale_id"])
    op.create_index(op.f("ix_refunds_shift_id"), "refunds", ["shift_id"])
    op.create_index(op.f("ix_refunds_number"), "refunds", ["number"])
    op.create_index(op.f("ix_refunds_at"), "refunds", ["at"])
    op.create_index("uq_refunds_device_id_seq", "refunds", ["device_id", "seq"], unique=True)
    synced_append_only("refunds")


def downgrade() -> None:
    op.drop_table("refunds")
