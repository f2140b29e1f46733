"""Appointments: a branch's treatment rooms and the appointments that book a beautician and a room.

Revision ID: 0025
Revises: 0024

New tables only: nothing existing is rewritten. Both are synced profiles
of the branch (``domain.synced.ROOM``, ``APPOINTMENT``). The branch's opening
hours are its existing ``branches.opening_hours`` column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_rooms_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_rooms_chain_id_chains")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
    )
    op.create_index(op.f("ix_rooms_branch_id"), "rooms", ["branch_id"])
    op.create_table(
        "appointments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("beautician_id", sa.String(length=36), nullable=False),
        sa.Column("room_id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", sa.String(length=32), nullable=False),
        sa.Column("ends_at", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("journey_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("booked_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_appointments_branch_id_branches")),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_appointments_chain_id_chains")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_appointments_customer_id_customers")),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_items.id"], name=op.f("fk_appointments_item_id_catalog_items")),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_appointments_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    op.create_index(op.f("ix_appointments_customer_id"), "appointments", ["customer_id"])
    op.create_index(op.f("ix_appointments_room_id"), "appointments", ["room_id"])
    op.create_index("ix_appointments_branch_id_starts_at", "appointments", ["branch_id", "starts_at"])
    op.create_index("ix_appointments_beautician_id_starts_at", "appointments", ["beautician_id", "starts_at"])


def downgrade() -> None:
    op.drop_table("appointments")
    op.drop_table("rooms")
