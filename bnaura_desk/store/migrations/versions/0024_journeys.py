"""Journeys: a customer case's stages, and its moves (the audit trail of each move).

Revision ID: 0024
Revises: 0023

New tables only: nothing existing is rewritten. ``journeys`` is a synced
profile (branch-only); ``journey_actions`` a synced ledger (append-only,
aligned only by a pull).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journeys",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("beautician_id", sa.String(length=36), nullable=True),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False, server_default="lead_created"),
        sa.Column("stage_entered_at", sa.String(length=32), nullable=True),
        sa.Column("sale_id", sa.String(length=36), nullable=True),
        sa.Column("appointment_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_journeys_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_journeys_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_journeys_customer_id_customers")),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_items.id"], name=op.f("fk_journeys_item_id_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journeys")),
    )
    op.create_index(op.f("ix_journeys_customer_id"), "journeys", ["customer_id"])
    op.create_index("ix_journeys_branch_id_stage", "journeys", ["branch_id", "stage"])
    op.create_table(
        "journey_actions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("journey_id", sa.String(length=36), nullable=False),
        sa.Column("from_stage", sa.String(length=20), nullable=False),
        sa.Column("to_stage", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=True),
        sa.Column("appointment_id", sa.String(length=36), nullable=True),
        sa.Column("by_manager", sa.Boolean(), nullable=False),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_journey_actions_chain_id_chains")),
        sa.ForeignKeyConstraint(["journey_id"], ["journeys.id"], name=op.f("fk_journey_actions_journey_id_journeys")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_journey_actions_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journey_actions")),
    )
    op.create_index(op.f("ix_journey_actions_journey_id"), "journey_actions", ["journey_id"])
    synced_append_only("journey_actions")


def downgrade() -> None:
    op.drop_table("journey_actions")
    op.drop_table("journeys")
