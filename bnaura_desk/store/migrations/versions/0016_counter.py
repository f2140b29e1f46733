"""The counter: shifts, sales, their lines and payments, and this terminal's document numbers.

Revision ID: 0016
Revises: 0015

New tables only: nothing existing is rewritten. ``sales``, ``sale_lines``
and ``payments`` are synced ledgers (append-only, aligned only by a pull);
``shifts`` is a synced profile of the branch; ``document_counters`` is
local: the last number this terminal gave each kind of tax document.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shifts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("terminal", sa.String(length=100), nullable=False),
        sa.Column("opened_at", sa.String(length=32), nullable=False),
        sa.Column("opened_by", sa.String(length=36), nullable=True),
        sa.Column("float_satang", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.Column("closed_by", sa.String(length=36), nullable=True),
        sa.Column("counted", sa.Text(), nullable=False),
        sa.Column("counted_satang", sa.Integer(), nullable=True),
        sa.Column("expected_satang", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_shifts_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_shifts_chain_id_chains")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
    )
    op.create_index(op.f("ix_shifts_device_id"), "shifts", ["device_id"])
    op.create_table(
        "sales",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("terminal", sa.String(length=100), nullable=False),
        sa.Column("pos_number", sa.String(length=40), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("subtotal_satang", sa.Integer(), nullable=False),
        sa.Column("line_discount_satang", sa.Integer(), nullable=False),
        sa.Column("tier_discount_satang", sa.Integer(), nullable=False),
        sa.Column("coupon_discount_satang", sa.Integer(), nullable=False),
        sa.Column("total_satang", sa.Integer(), nullable=False),
        sa.Column("vatable_satang", sa.Integer(), nullable=False),
        sa.Column("vat_satang", sa.Integer(), nullable=False),
        sa.Column("exempt_satang", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("points_earned", sa.Integer(), nullable=False),
        sa.Column("coupon_code", sa.String(length=11), nullable=False),
        sa.Column("balance_due_on", sa.String(length=10), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_sales_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_sales_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_sales_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales")),
    )
    op.create_index(op.f("ix_sales_shift_id"), "sales", ["shift_id"])
    op.create_index(op.f("ix_sales_number"), "sales", ["number"])
    op.create_index(op.f("ix_sales_customer_id"), "sales", ["customer_id"])
    op.create_index(op.f("ix_sales_at"), "sales", ["at"])
    op.create_index("uq_sales_device_id_seq", "sales", ["device_id", "seq"], unique=True)
    op.create_table(
        "sale_lines",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_satang", sa.Integer(), nullable=False),
        sa.Column("original_satang", sa.Integer(), nullable=False),
        sa.Column("line_discount_satang", sa.Integer(), nullable=False),
        sa.Column("discount_reason", sa.String(length=200), nullable=False),
        sa.Column("tier_discount_satang", sa.Integer(), nullable=False),
        sa.Column("coupon_discount_satang", sa.Integer(), nullable=False),
        sa.Column("net_satang", sa.Integer(), nullable=False),
        sa.Column("vat_code", sa.String(length=10), nullable=False),
        sa.Column("sold_by", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_sale_lines_chain_id_chains")),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_items.id"], name=op.f("fk_sale_lines_item_id_catalog_items")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_sale_lines_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_lines")),
    )
    op.create_index(op.f("ix_sale_lines_sale_id"), "sale_lines", ["sale_id"])
    op.create_index(op.f("ix_sale_lines_item_id"), "sale_lines", ["item_id"])
    op.create_table(
        "payments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.Column("method", sa.String(length=12), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("tendered_satang", sa.Integer(), nullable=True),
        sa.Column("change_satang", sa.Integer(), nullable=False),
        sa.Column("approval_code", sa.String(length=12), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_payments_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_payments_chain_id_chains")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_payments_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    op.create_index(op.f("ix_payments_sale_id"), "payments", ["sale_id"])
    op.create_index(op.f("ix_payments_shift_id"), "payments", ["shift_id"])
    op.create_table(
        "document_counters",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_document_counters")),
    )
    for table in ("sales", "sale_lines", "payments"):
        synced_append_only(table)


def downgrade() -> None:
    for table in ("document_counters", "payments", "sale_lines", "sales", "shifts"):
        op.drop_table(table)
