"""The print queue and this terminal's printers.

Revision ID: 0017
Revises: 0016

New local tables only (neither syncs): ``printers`` is the terminal's own
printer set-up, ``print_jobs`` the documents waiting for a printer, so a
printer that is off never holds a sale back or loses its receipt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printers",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("width_dots", sa.Integer(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_printers")),
    )
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("document", sa.String(length=20), nullable=False),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("printer", sa.String(length=60), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("printed_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_print_jobs_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    op.create_index(op.f("ix_print_jobs_sale_id"), "print_jobs", ["sale_id"])
    op.create_index(op.f("ix_print_jobs_state"), "print_jobs", ["state"])


def downgrade() -> None:
    for table in ("print_jobs", "printers"):
        op.drop_table(table)
