"""Records keyed by their clinic, compact field clocks, the tables of the server's rules.

Revision ID: 0005
Revises: 0004

- ``records``' primary key becomes (clinic_id, entity, id): ids are made on
  devices and are not secret, so a record of one clinic must never be
  reachable under another clinic's key (issue 9, "a hardened apply").
- ``applied_operations.op_id`` is unique per device, not across the server:
  a device of another clinic reusing an op id must not collide with a row
  it cannot see (it would be refused as busy on every retry).
- ``records.field_clocks`` are rewritten compact
  (``bnaura_desk.domain.field_clocks``): a clock equal to the row's own,
  or to the most common one, is no longer written per field.
- ``rule_claims``, ``rule_tallies`` and ``rule_moves`` keep the state of the
  rules the server settles by (``sync.server.rules``), keyed by
  (clinic, scope, key). On PostgreSQL they get the row-level security of
  every tenant table.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from bnaura_desk.domain.field_clocks import compact_complete

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 2000


def _compact_clocks() -> None:
    bind = op.get_bind()
    records = sa.table(
        "records", sa.column("clinic_id", sa.String), sa.column("entity", sa.String), sa.column("id", sa.String),
        sa.column("field_clocks", sa.Text), sa.column("hlc", sa.String),
    )
    last: tuple[str, str, str] = ("", "", "")
    while True:
        rows = bind.execute(
            sa.select(records.c.clinic_id, records.c.entity, records.c.id,
                      sa.cast(records.c.field_clocks, sa.Text), records.c.hlc)
            .where(sa.tuple_(records.c.clinic_id, records.c.entity, records.c.id) > last)
            .order_by(records.c.clinic_id, records.c.entity, records.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        changed = []
        for clinic_id, entity, record_id, clocks_text, hlc in rows:
            full = json.loads(clocks_text) if clocks_text else {}
            lean = compact_complete(full, hlc) if "*" not in full else full
            if lean != full:
                changed.append({"c": clinic_id, "e": entity, "i": record_id, "clocks": json.dumps(lean)})
        if changed:
            cast = "CAST(:clocks AS JSON)" if bind.dialect.name == "postgresql" else ":clocks"
            bind.execute(
                sa.text(f"UPDATE records SET field_clocks = {cast} WHERE clinic_id = :c AND entity = :e AND id = :i"),
                changed,
            )
        last = (rows[-1][0], rows[-1][1], rows[-1][2])


def _rule_policy(table: str) -> None:
    """Bind ``table`` as 0004 binds every tenant table (its ``tenant_policies``): the owner sees all,
    any other role only the clinic of the device token its transaction holds."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    owner = bind.scalar(sa.text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass('clinics')"))
    rule = "clinic_id = (SELECT bnaura_device_clinic())"
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"""CREATE POLICY owner_rows ON {table} TO "{str(owner).replace('"', '""')}" USING (true) WITH CHECK (true)""")
    op.execute(f"CREATE POLICY clinic_rows ON {table} USING (({rule}) IS TRUE) WITH CHECK ({rule})")


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_constraint("pk_records", type_="primary")
        batch.create_primary_key("pk_records", ["clinic_id", "entity", "id"])
    op.drop_index("ix_records_clinic_id", table_name="records")
    with op.batch_alter_table("applied_operations") as batch:
        batch.drop_constraint("uq_applied_operations_op_id", type_="unique")
        batch.create_unique_constraint("uq_applied_operations_device_id_op_id", ["device_id", "op_id"])
    _compact_clocks()
    op.create_table(
        "rule_claims",
        sa.Column("clinic_id", sa.String(36), sa.ForeignKey("clinics.id", name="fk_rule_claims_clinic_id_clinics"),
                  nullable=False),
        sa.Column("scope", sa.String(40), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("hlc", sa.String(80), nullable=False),
        sa.Column("claimed_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("clinic_id", "scope", "key", name="pk_rule_claims"),
    )
    op.create_table(
        "rule_tallies",
        sa.Column("clinic_id", sa.String(36), sa.ForeignKey("clinics.id", name="fk_rule_tallies_clinic_id_clinics"),
                  nullable=False),
        sa.Column("scope", sa.String(40), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("clinic_id", "scope", "key", name="pk_rule_tallies"),
    )
    op.create_table(
        "rule_moves",
        sa.Column("clinic_id", sa.String(36), sa.ForeignKey("clinics.id", name="fk_rule_moves_clinic_id_clinics"),
                  nullable=False),
        sa.Column("scope", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column("hlc", sa.String(80), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("move", sa.JSON(), nullable=False),
        sa.Column("legal", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("clinic_id", "scope", "subject", "hlc", name="pk_rule_moves"),
    )
    for table in ("rule_claims", "rule_tallies", "rule_moves"):
        _rule_policy(table)


def downgrade() -> None:
    for table in ("rule_moves", "rule_tallies", "rule_claims"):
        op.drop_table(table)
    op.create_index("ix_records_clinic_id", "records", ["clinic_id"])
    with op.batch_alter_table("applied_operations") as batch:
        batch.drop_constraint("uq_applied_operations_device_id_op_id", type_="unique")
        batch.create_unique_constraint("uq_applied_operations_op_id", ["op_id"])
    with op.batch_alter_table("records") as batch:
        batch.drop_constraint("pk_records", type_="primary")
        batch.create_primary_key("pk_records", ["entity", "id"])
