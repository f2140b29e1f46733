"""Line performances: who performed a sale's line (the beautician who completed its treatment task).

Revision ID: 0031
Revises: 0027

A new table only: nothing existing is rewritten. A synced profile of the
branch (``domain.synced.LINE_PERFORMANCE``), one per sale line: its id is
derived from the line's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "line_performances",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("sale_line_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=True),
        sa.Column("performed_at", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_line_performances_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_line_performances_chain_id_chains")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_line_performances_sale_id_sales")),
        sa.ForeignKeyConstraint(["sale_line_id"], ["sale_lines.id"],
                                name=op.f("fk_line_performances_sale_line_id_sale_lines")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_performances")),
        sa.UniqueConstraint("sale_line_id", name=op.f("uq_line_performances_sale_line_id")),
    )
    op.create_index(op.f("ix_line_performances_sale_id"), "line_performances", ["sale_id"])


def downgrade() -> None:
    op.drop_table("line_performances")
