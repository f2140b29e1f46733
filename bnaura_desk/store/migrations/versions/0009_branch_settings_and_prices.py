"""A branch's own values of chain settings marked per-branch, and its own catalog prices.

Revision ID: 0009
Revises: 0008

New tables only (``branch_settings``, ``branch_prices``): nothing existing is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branch_settings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_branch_settings_chain_id_chains")),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_branch_settings_branch_id_branches")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_settings")),
    )
    op.create_table(
        "branch_prices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("price_satang", sa.Integer(), nullable=True),
        sa.Column("available", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_branch_prices_chain_id_chains")),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_items.id"], name=op.f("fk_branch_prices_item_id_catalog_items")),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_branch_prices_branch_id_branches")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_prices")),
    )
    op.create_index("ix_branch_prices_branch_id_item_id", "branch_prices", ["branch_id", "item_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_branch_prices_branch_id_item_id", table_name="branch_prices")
    op.drop_table("branch_prices")
    op.drop_table("branch_settings")
