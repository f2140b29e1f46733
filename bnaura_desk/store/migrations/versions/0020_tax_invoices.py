"""Full tax invoices issued on request: a sale's receipt replaced by an A4 invoice naming the buyer.

Revision ID: 0020
Revises: 0019

A new table only: nothing existing is rewritten. ``tax_invoices`` is a
synced ledger (append-only, aligned only by a pull); its numbers come from
``document_counters`` (kind ``tax_invoice``), which 0016 made.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tax_invoices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("terminal", sa.String(length=100), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("buyer_name", sa.String(length=200), nullable=False),
        sa.Column("buyer_tin", sa.String(length=13), nullable=False),
        sa.Column("buyer_address", sa.String(length=500), nullable=False),
        sa.Column("buyer_branch", sa.String(length=5), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_tax_invoices_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_tax_invoices_chain_id_chains")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_tax_invoices_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tax_invoices")),
    )
    op.create_index(op.f("ix_tax_invoices_sale_id"), "tax_invoices", ["sale_id"])
    op.create_index(op.f("ix_tax_invoices_number"), "tax_invoices", ["number"])
    op.create_index(op.f("ix_tax_invoices_at"), "tax_invoices", ["at"])
    op.create_index("uq_tax_invoices_device_id_seq", "tax_invoices", ["device_id", "seq"], unique=True)
    synced_append_only("tax_invoices")


def downgrade() -> None:
    op.drop_table("tax_invoices")
