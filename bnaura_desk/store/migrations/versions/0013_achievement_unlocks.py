"""Achievement unlocks: one row per member and achievement, derived from both.

Revision ID: 0013
Revises: 0012

A new append-only table only (``achievement_unlocks``): nothing existing is
rewritten. The id, derived from the customer and the achievement, lets
a member unlock each achievement once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import append_only

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "achievement_unlocks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("achievement", sa.String(length=40), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_achievement_unlocks_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_achievement_unlocks_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_achievement_unlocks")),
    )
    op.create_index("ix_achievement_unlocks_customer_id", "achievement_unlocks", ["customer_id"])
    append_only("achievement_unlocks")


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER achievement_unlocks_no_{verb}")
    op.drop_index("ix_achievement_unlocks_customer_id", table_name="achievement_unlocks")
    op.drop_table("achievement_unlocks")
