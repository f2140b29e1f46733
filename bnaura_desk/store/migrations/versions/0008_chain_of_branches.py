"""A chain of branches: the clinic becomes a chain of one branch with the same id.

Revision ID: 0008
Revises: 0007

Nothing is copied and no id changes (docs/chain-of-branches.md, "Ids: a
migration that rewrites nothing"):

- ``clinics`` is renamed ``chains``; SQLite (3.26+, ``legacy_alter_table``
  off) carries every foreign key that names it over to the new name, so no
  tenant table is rebuilt however many rows it holds. The chain keeps its
  id and its name (the clinic's Thai name); the branch's own columns move
  to ``branches``.
- every tenant column ``clinic_id`` is renamed ``chain_id`` (``ALTER TABLE
  ... RENAME COLUMN`` also rewrites the triggers and indexes that name it);
  the two indexes whose names come from the naming convention are made
  again under their new names. ``ix_customers_clinic_name`` keeps its name:
  rebuilding it would cost seconds at a million customers for a name.
- ``branches`` gets one row per clinic: the same id, names, tax id, branch
  number, address, phone and clocks.
- ``device_state.branch_id`` is the clinic's id (its one branch);
  ``customers.registered_branch_id`` and ``visits.branch_id`` start empty
  (a customer or visit from before branches); ``staff.branch_ids`` starts
  as ``[]`` (every branch).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Every table with a ``clinic_id`` column before this revision.
TENANT_TABLES = (
    "device_state", "settings", "staff", "audit_log", "outbox", "customers",
    "consent_events", "visits", "catalog_items", "stock_movements", "sync_exceptions",
)
_BRANCH_COLUMNS = "name_th, name_en, tax_id, branch_code, address, phone"


def upgrade() -> None:
    op.rename_table("clinics", "chains")
    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN clinic_id TO chain_id")
    op.drop_index("ix_staff_clinic_id", table_name="staff")
    op.create_index("ix_staff_chain_id", "staff", ["chain_id"])
    op.drop_index("ix_sync_exceptions_clinic_id", table_name="sync_exceptions")
    op.create_index("ix_sync_exceptions_chain_id", "sync_exceptions", ["chain_id"])

    op.create_table(
        "branches",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("tax_id", sa.String(length=13), nullable=False),
        sa.Column("branch_code", sa.String(length=5), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("opening_hours", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["chain_id"], ["chains.id"], name=op.f("fk_branches_chain_id_chains")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branches")),
    )
    # The branch's clocks are the clinic's: the same fields, written then.
    op.execute(
        f"INSERT INTO branches (id, chain_id, {_BRANCH_COLUMNS}, opening_hours, created_at, updated_at, hlc, "
        f"field_clocks, deleted_at) SELECT id, id, {_BRANCH_COLUMNS}, NULL, created_at, updated_at, hlc, "
        "field_clocks, deleted_at FROM chains"
    )
    # The chain keeps only its name. Its clocks are the row's (field_clocks
    # named the clinic's fields, not ``name``): a pulled name wins anyway.
    op.execute("ALTER TABLE chains RENAME COLUMN name_th TO name")
    for column in ("name_en", "tax_id", "branch_code", "address", "phone"):
        op.execute(f"ALTER TABLE chains DROP COLUMN {column}")
    op.execute("UPDATE chains SET field_clocks = '{}'")

    # One row: rebuilt to make the new column NOT NULL with its foreign key.
    with op.batch_alter_table("device_state", recreate="always") as batch:
        batch.add_column(sa.Column("branch_id", sa.String(length=36), nullable=True))
    op.execute("UPDATE device_state SET branch_id = chain_id")
    with op.batch_alter_table("device_state", recreate="always") as batch:
        batch.alter_column("branch_id", existing_type=sa.String(length=36), nullable=False)
        batch.create_foreign_key(op.f("fk_device_state_branch_id_branches"), "branches", ["branch_id"], ["id"])

    # Big tables: a column added in place (NULL default), never a rebuild.
    op.execute(
        "ALTER TABLE customers ADD COLUMN registered_branch_id VARCHAR(36) "
        "CONSTRAINT fk_customers_registered_branch_id_branches REFERENCES branches (id)"
    )
    op.execute(
        "ALTER TABLE visits ADD COLUMN branch_id VARCHAR(36) "
        "CONSTRAINT fk_visits_branch_id_branches REFERENCES branches (id)"
    )
    op.execute("ALTER TABLE staff ADD COLUMN branch_ids TEXT NOT NULL DEFAULT '[]'")


def downgrade() -> None:
    op.execute("ALTER TABLE staff DROP COLUMN branch_ids")
    op.execute("ALTER TABLE visits DROP COLUMN branch_id")
    op.execute("ALTER TABLE customers DROP COLUMN registered_branch_id")
    with op.batch_alter_table("device_state", recreate="always") as batch:
        batch.drop_constraint("fk_device_state_branch_id_branches", type_="foreignkey")
        batch.drop_column("branch_id")
    op.execute("ALTER TABLE chains RENAME COLUMN name TO name_th")
    for column, kind, default in (
        ("name_en", "VARCHAR(200)", "''"), ("tax_id", "VARCHAR(13)", "''"), ("branch_code", "VARCHAR(5)", "'00000'"),
        ("address", "TEXT", "''"), ("phone", "VARCHAR(20)", "''"),
    ):
        op.execute(f"ALTER TABLE chains ADD COLUMN {column} {kind} NOT NULL DEFAULT {default}")
        op.execute(f"UPDATE chains SET {column} = (SELECT b.{column} FROM branches b WHERE b.id = chains.id) "
                   "WHERE id IN (SELECT id FROM branches)")
    op.execute("UPDATE chains SET field_clocks = (SELECT b.field_clocks FROM branches b WHERE b.id = chains.id) "
               "WHERE id IN (SELECT id FROM branches)")
    op.drop_table("branches")
    op.drop_index("ix_sync_exceptions_chain_id", table_name="sync_exceptions")
    op.create_index("ix_sync_exceptions_clinic_id", "sync_exceptions", ["chain_id"])
    op.drop_index("ix_staff_chain_id", table_name="staff")
    op.create_index("ix_staff_clinic_id", "staff", ["chain_id"])
    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN chain_id TO clinic_id")
    op.rename_table("chains", "clinics")
