"""Tier changes and referrals.

Revision ID: 0011
Revises: 0010

New append-only tables only (``tier_changes``, ``referrals``): nothing
existing is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import append_only

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tier_changes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("from_tier", sa.String(length=20), nullable=False),
        sa.Column("to_tier", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("basis", sa.String(length=10), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_tier_changes_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_tier_changes_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_changes")),
    )
    op.create_index("ix_tier_changes_customer_id_at", "tier_changes", ["customer_id", "at"])
    op.create_table(
        "referrals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("referred_id", sa.String(length=36), nullable=False),
        sa.Column("referrer_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_referrals_chain_id_chains")),
        sa.ForeignKeyConstraint(["referred_id"], ["customers.id"], name=op.f("fk_referrals_referred_id_customers")),
        sa.ForeignKeyConstraint(["referrer_id"], ["customers.id"], name=op.f("fk_referrals_referrer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint("referred_id", name=op.f("uq_referrals_referred_id")),
    )
    op.create_index("ix_referrals_referrer_id", "referrals", ["referrer_id"])
    append_only("tier_changes")
    append_only("referrals")


def downgrade() -> None:
    for table in ("referrals", "tier_changes"):
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
    op.drop_index("ix_referrals_referrer_id", table_name="referrals")
    op.drop_table("referrals")
    op.drop_index("ix_tier_changes_customer_id_at", table_name="tier_changes")
    op.drop_table("tier_changes")
