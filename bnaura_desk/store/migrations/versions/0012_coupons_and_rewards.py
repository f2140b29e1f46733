"""Coupons, their uses and the rewards catalog; the device's coupon counter.

Revision ID: 0012
Revises: 0011

New tables (``coupons``, ``coupon_uses`` append-only, ``rewards``) and one
column added in place to the one-row ``device_state``: nothing existing is
rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import append_only

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _profile_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
    ]


def upgrade() -> None:
    op.add_column("device_state", sa.Column("coupon_counter", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "coupons",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=11), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("free_item_id", sa.String(length=36), nullable=True),
        sa.Column("valid_from", sa.String(length=10), nullable=True),
        sa.Column("valid_until", sa.String(length=10), nullable=True),
        sa.Column("min_spend_satang", sa.Integer(), nullable=False),
        sa.Column("item_ids", sa.Text(), nullable=False),
        sa.Column("item_kinds", sa.Text(), nullable=False),
        sa.Column("usage_limit", sa.Integer(), nullable=True),
        sa.Column("per_customer_limit", sa.Integer(), nullable=True),
        sa.Column("before_tier_discount", sa.Boolean(), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("campaign", sa.String(length=200), nullable=False),
        sa.Column("reward_id", sa.String(length=36), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        *_profile_columns(),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_coupons_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_coupons_customer_id_customers")),
        sa.ForeignKeyConstraint(["free_item_id"], ["catalog_items.id"],
                                name=op.f("fk_coupons_free_item_id_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupons")),
        sa.UniqueConstraint("code", name=op.f("uq_coupons_code")),
    )
    op.create_index("ix_coupons_customer_id", "coupons", ["customer_id"])
    op.create_index("ix_coupons_campaign", "coupons", ["campaign"])
    op.create_table(
        "coupon_uses",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("coupon_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("use_no", sa.Integer(), nullable=False),
        sa.Column("customer_use_no", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("branch_id", sa.String(length=36), nullable=True),
        sa.Column("terminal", sa.String(length=100), nullable=False),
        sa.Column("sale_ref", sa.String(length=100), nullable=False),
        sa.Column("discount_satang", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_coupon_uses_chain_id_chains")),
        sa.ForeignKeyConstraint(["coupon_id"], ["coupons.id"], name=op.f("fk_coupon_uses_coupon_id_coupons")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_coupon_uses_customer_id_customers")),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_coupon_uses_branch_id_branches")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon_uses")),
    )
    op.create_index("ix_coupon_uses_coupon_id", "coupon_uses", ["coupon_id"])
    append_only("coupon_uses")
    op.create_table(
        "rewards",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("points_cost", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("free_item_id", sa.String(length=36), nullable=True),
        sa.Column("free_item_sku", sa.String(length=40), nullable=True),
        sa.Column("validity_days", sa.Integer(), nullable=False),
        sa.Column("min_spend_satang", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_profile_columns(),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_rewards_chain_id_chains")),
        sa.ForeignKeyConstraint(["free_item_id"], ["catalog_items.id"],
                                name=op.f("fk_rewards_free_item_id_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rewards")),
    )


def downgrade() -> None:
    op.drop_table("rewards")
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER coupon_uses_no_{verb}")
    op.drop_index("ix_coupon_uses_coupon_id", table_name="coupon_uses")
    op.drop_table("coupon_uses")
    op.drop_index("ix_coupons_campaign", table_name="coupons")
    op.drop_index("ix_coupons_customer_id", table_name="coupons")
    op.drop_table("coupons")
    with op.batch_alter_table("device_state") as batch:
        batch.drop_column("coupon_counter")
