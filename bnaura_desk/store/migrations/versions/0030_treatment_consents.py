"""Treatment consents: the consent form a customer signed on screen before a treatment.

Revision ID: 0030
Revises: 0027

A new table only: nothing existing is rewritten. A synced ledger of the
branch (``domain.synced.TREATMENT_CONSENT``), append-only and aligned only by
a pull; the signature's PNG and the signed PDF are content-addressed files
(``bnaura_desk.images``), named here by their SHA-256.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "treatment_consents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("journey_id", sa.String(length=36), nullable=True),
        sa.Column("task_id", sa.String(length=36), nullable=True),
        sa.Column("treatment_id", sa.String(length=36), nullable=False),
        sa.Column("signature_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_treatment_consents_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_treatment_consents_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_treatment_consents_customer_id_customers")),
        sa.ForeignKeyConstraint(["treatment_id"], ["catalog_items.id"],
                                name=op.f("fk_treatment_consents_treatment_id_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_consents")),
    )
    op.create_index("ix_treatment_consents_customer_id_signed_at", "treatment_consents",
                    ["customer_id", "signed_at"])
    op.create_index(op.f("ix_treatment_consents_task_id"), "treatment_consents", ["task_id"])
    synced_append_only("treatment_consents")


def downgrade() -> None:
    op.drop_table("treatment_consents")
