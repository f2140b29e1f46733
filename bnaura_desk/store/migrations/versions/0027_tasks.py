"""Tasks: the work automation rules make when a journey enters a stage.

Revision ID: 0027
Revises: 0026

A new table only: nothing existing is rewritten. A synced profile of the
branch (``domain.synced.TASK``) whose id is derived from its rule and stage
entry (``domain.automation``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("journey_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("entry", sa.String(length=200), nullable=False),
        sa.Column("title_th", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("assignee_id", sa.String(length=36), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("claimed_by", sa.String(length=36), nullable=True),
        sa.Column("started_at", sa.String(length=32), nullable=True),
        sa.Column("completed_at", sa.String(length=32), nullable=True),
        sa.Column("checklist", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_tasks_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_tasks_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_tasks_customer_id_customers")),
        sa.ForeignKeyConstraint(["journey_id"], ["journeys.id"], name=op.f("fk_tasks_journey_id_journeys")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    op.create_index(op.f("ix_tasks_journey_id"), "tasks", ["journey_id"])
    op.create_index("ix_tasks_branch_id_status", "tasks", ["branch_id", "status"])


def downgrade() -> None:
    op.drop_table("tasks")
