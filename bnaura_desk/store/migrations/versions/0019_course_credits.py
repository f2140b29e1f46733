"""Packages (courses): the ledger of session credits a customer bought and used.

Revision ID: 0019
Revises: 0018

A new table only: nothing existing is rewritten. ``course_credits`` is a
synced ledger (append-only, aligned only by a pull).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "course_credits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("package_item_id", sa.String(length=36), nullable=False),
        sa.Column("treatment_id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=True),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.String(length=10), nullable=True),
        sa.Column("performed_by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_course_credits_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_course_credits_customer_id_customers")),
        sa.ForeignKeyConstraint(["package_item_id"], ["catalog_items.id"],
                                name=op.f("fk_course_credits_package_item_id_catalog_items")),
        sa.ForeignKeyConstraint(["treatment_id"], ["catalog_items.id"],
                                name=op.f("fk_course_credits_treatment_id_catalog_items")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_course_credits_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_credits")),
    )
    op.create_index(op.f("ix_course_credits_course_id"), "course_credits", ["course_id"])
    op.create_index(op.f("ix_course_credits_sale_id"), "course_credits", ["sale_id"])
    op.create_index("ix_course_credits_customer_id_at", "course_credits", ["customer_id", "at"])
    synced_append_only("course_credits")


def downgrade() -> None:
    op.drop_table("course_credits")
