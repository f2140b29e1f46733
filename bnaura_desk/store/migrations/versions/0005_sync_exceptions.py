"""Sync exceptions pulled from the server, and the server's CA file.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_exceptions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("clinic_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=80), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.String(length=32), nullable=False),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_sync_exceptions_clinic_id_clinics")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_exceptions")),
    )
    op.create_index(op.f("ix_sync_exceptions_clinic_id"), "sync_exceptions", ["clinic_id"])
    op.create_index("ix_sync_exceptions_open", "sync_exceptions", ["resolved_at", "raised_at"])
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("ca_file", sa.String(length=400), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("ca_file")
    op.drop_index("ix_sync_exceptions_open", table_name="sync_exceptions")
    op.drop_index(op.f("ix_sync_exceptions_clinic_id"), table_name="sync_exceptions")
    op.drop_table("sync_exceptions")
