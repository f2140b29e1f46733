"""Skin scans and the images waiting to upload.

Revision ID: 0026
Revises: 0025

New tables only: nothing existing is rewritten. ``skin_scans`` is a synced
ledger (append-only, aligned only by a pull); ``image_uploads`` is local:
the images this terminal keeps that the server does not hold yet.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

MEASURES = ("moisture", "oiliness", "pigmentation", "wrinkles", "pores", "redness", "acne", "skin_age")


def upgrade() -> None:
    op.create_table(
        "skin_scans",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        *(sa.Column(m, sa.Integer(), nullable=True) for m in MEASURES),
        sa.Column("notes", sa.String(length=2000), nullable=False),
        sa.Column("images", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_skin_scans_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_skin_scans_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_skin_scans_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skin_scans")),
    )
    op.create_index("ix_skin_scans_customer_id_at", "skin_scans", ["customer_id", "at"])
    synced_append_only("skin_scans")
    op.create_table(
        "image_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("queued_at", sa.String(length=32), nullable=False),
        sa.Column("uploaded_at", sa.String(length=32), nullable=True),
        sa.Column("problem", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_image_uploads")),
    )


def downgrade() -> None:
    op.drop_table("image_uploads")
    op.drop_table("skin_scans")
