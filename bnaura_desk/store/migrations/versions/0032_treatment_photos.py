"""Before/after photos of a task's treatment.

Revision ID: 0032
Revises: 0027

A new table only: nothing existing is rewritten. ``treatment_photos`` is a
synced ledger of the branch (append-only, aligned only by a pull); the
photos' files are content-addressed images (``bnaura_desk.images``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bnaura_desk.store.migrations.ledger import synced_append_only

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "treatment_photos",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("journey_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("taken_at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_treatment_photos_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_treatment_photos_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_treatment_photos_customer_id_customers")),
        sa.ForeignKeyConstraint(["journey_id"], ["journeys.id"], name=op.f("fk_treatment_photos_journey_id_journeys")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_treatment_photos_task_id_tasks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_photos")),
    )
    op.create_index(op.f("ix_treatment_photos_task_id"), "treatment_photos", ["task_id"])
    synced_append_only("treatment_photos")


def downgrade() -> None:
    op.drop_table("treatment_photos")
