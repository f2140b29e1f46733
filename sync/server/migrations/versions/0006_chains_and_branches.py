"""The tenant becomes a chain of branches; every clinic becomes a chain of one branch of the same id.

Revision ID: 0006
Revises: 0005

Nothing is copied and no id changes (docs/chain-of-branches.md):

- ``clinics`` is renamed ``chains`` (it holds the name, the creation time
  and the change feed's ``last_cursor``, all of which are the chain's);
  every tenant table's ``clinic_id`` is renamed ``chain_id``. Both
  SQLite (3.26+, ``legacy_alter_table`` off) and PostgreSQL carry the
  foreign keys, primary keys and indexes over to the new names, however
  many records there are. Index names are renamed after them; constraint
  names (which SQLite keeps inside each table's text, so renaming them
  there would mean rebuilding the tables) keep the old ones on both.
- ``branches`` is new, one row per chain with the chain's id and name and
  the branch number ``00000`` (the head office). Devices and enrollment
  codes belong to a branch: ``branch_id``, filled with the chain's id.
  (Nullable in the schema: adding it NOT NULL on SQLite would mean
  rebuilding ``devices``, which other rows reference; the code always
  fills it, and the foreign key holds.)
- ``records``, ``changes`` and ``sync_exceptions`` get ``branch_id``: NULL
  for chain-wide rows; the stock movements of each chain become its one
  branch's (stock is branch-only).
- The synced ``clinic`` entity is now ``branch``: its records and changes
  are renamed in place (same ids). Applied operations keep the entity they
  were sent with, so a terminal's resend of an old ``clinic.create`` still
  matches its kept outcome.
- Each chain gets a ``chain`` record (its name) in its feed, so every
  terminal of the chain can show it, and a ``branch`` record for its one
  branch when its terminals never sent their clinic's profile.
- PostgreSQL: the functions the policies call now answer the device's
  chain and branch (``bnaura_device_chain()``, ``bnaura_device_branch()``,
  ``bnaura_enrolling_chain()``, ``bnaura_enrolling_branch()``), and
  ``records``, ``changes`` and ``sync_exceptions`` show a branch-only row
  only to its branch's devices.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from bnaura_desk.domain.hlc import Hlc

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Tables whose clinic_id becomes chain_id (besides chains' own id).
TENANT_TABLES = (
    "devices", "enrollment_codes", "applied_operations", "records", "changes", "sync_exceptions",
    "rule_claims", "rule_tallies", "rule_moves",
)
# (old name, new name, table, columns) of the indexes named after the clinic.
INDEXES = (
    ("ix_devices_clinic_id", "ix_devices_chain_id", "devices", ["chain_id"]),
    ("ix_enrollment_codes_clinic_id", "ix_enrollment_codes_chain_id", "enrollment_codes", ["chain_id"]),
    ("ix_applied_operations_clinic_id", "ix_applied_operations_chain_id", "applied_operations", ["chain_id"]),
    ("ix_sync_exceptions_clinic_open", "ix_sync_exceptions_chain_open", "sync_exceptions", ["chain_id", "resolved_at"]),
)
BRANCH_ONLY_ENTITIES = ("stock",)
# The zero clock: fields the server seeds (a chain's name) lose to anything a terminal writes.
ZERO_CLOCK = Hlc(0, 0, "server").encode()

DEVICE_CHAIN = "(SELECT bnaura_device_chain())"  # a sub-select: evaluated once per statement
DEVICE_BRANCH = "(SELECT bnaura_device_branch())"
ENROLLING_CHAIN = "(SELECT bnaura_enrolling_chain())"
ENROLLING_BRANCH = "(SELECT bnaura_enrolling_branch())"
CODE_SETTING = "current_setting('bnaura.code', true)"
NOW_TEXT = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
DEVICE_LOOKUP = "FROM devices WHERE token_sha256 = current_setting('bnaura.device', true) AND revoked_at IS NULL"
CODE_LOOKUP = (f"FROM enrollment_codes WHERE code_sha256 = {CODE_SETTING} AND used_at IS NULL "
               f"AND expires_at COLLATE \"C\" > {NOW_TEXT}")
FUNCTIONS = {
    "bnaura_device_chain()": f"SELECT chain_id {DEVICE_LOOKUP}",
    "bnaura_device_branch()": f"SELECT branch_id {DEVICE_LOOKUP}",
    "bnaura_enrolling_chain()": f"SELECT chain_id {CODE_LOOKUP}",
    "bnaura_enrolling_branch()": f"SELECT branch_id {CODE_LOOKUP}",
}
# Rows every device of the chain sees; those with a branch only that branch's devices.
BRANCH_SCOPED = ("records", "changes", "sync_exceptions")
# Which of these ids of an entity are records of another branch of the device's chain: the apply
# step must refuse a device naming them (``foreign_record``) although it cannot see them.
OTHER_BRANCH_IDS = """
    CREATE FUNCTION bnaura_other_branch_ids(entity_name varchar, ids varchar[]) RETURNS SETOF varchar
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {path} AS $$
        SELECT r.id FROM records r, devices d
        WHERE d.token_sha256 = current_setting('bnaura.device', true) AND d.revoked_at IS NULL
          AND r.chain_id = d.chain_id AND r.entity = entity_name AND r.id = ANY(ids)
          AND r.branch_id IS NOT NULL AND r.branch_id <> d.branch_id
    $$"""
OTHER_BRANCH_IDS_SIGNATURE = "bnaura_other_branch_ids(varchar, varchar[])"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _function(head: str, query: str, path: str) -> str:
    # PL/pgSQL for the plan cache, as 0004's functions.
    return (f"CREATE FUNCTION {head} RETURNS varchar LANGUAGE plpgsql STABLE SECURITY DEFINER "
            f"SET search_path = {path} AS $$ BEGIN RETURN ({query}); END $$")


def _tenant_rule(table: str) -> str:
    rule = f"chain_id = {DEVICE_CHAIN}"
    if table in BRANCH_SCOPED:
        rule += f" AND (branch_id IS NULL OR branch_id = {DEVICE_BRANCH})"
    return rule


def _postgres_policies(owner: str, schema: str) -> None:
    path = f"{_quote(schema)}, pg_temp"
    for table in TENANT_TABLES:
        op.execute(f"DROP POLICY clinic_rows ON {table}")
    op.execute("DROP POLICY clinic_rows ON chains")
    op.execute("DROP POLICY enrolling_device ON devices")
    op.execute("DROP POLICY enrolling_clinic ON chains")
    op.execute("DROP POLICY enrolling_code_use ON enrollment_codes")
    op.execute("DROP FUNCTION bnaura_device_clinic()")
    op.execute("DROP FUNCTION bnaura_enrolling_clinic()")
    for head, query in FUNCTIONS.items():
        op.execute(_function(head, query, path))
        op.execute(f"ALTER FUNCTION {head} OWNER TO {_quote(owner)}")
        op.execute(f"REVOKE ALL ON FUNCTION {head} FROM PUBLIC")
    op.execute(OTHER_BRANCH_IDS.format(path=path))
    op.execute(f"ALTER FUNCTION {OTHER_BRANCH_IDS_SIGNATURE} OWNER TO {_quote(owner)}")
    op.execute(f"REVOKE ALL ON FUNCTION {OTHER_BRANCH_IDS_SIGNATURE} FROM PUBLIC")
    for table in TENANT_TABLES:
        rule = _tenant_rule(table)
        op.execute(f"CREATE POLICY chain_rows ON {table} USING (({rule}) IS TRUE) WITH CHECK ({rule})")
    op.execute(f"CREATE POLICY chain_rows ON chains USING ((id = {DEVICE_CHAIN}) IS TRUE) "
               f"WITH CHECK (id = {DEVICE_CHAIN})")
    op.execute("ALTER TABLE branches ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE branches FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY owner_rows ON branches TO {_quote(owner)} USING (true) WITH CHECK (true)")
    op.execute(f"CREATE POLICY chain_rows ON branches FOR SELECT USING ((chain_id = {DEVICE_CHAIN}) IS TRUE)")
    # Enrollment: while the typed code is usable, its chain, its branch and a new device there.
    op.execute(
        f"CREATE POLICY enrolling_code_use ON enrollment_codes FOR UPDATE USING (code_sha256 = {CODE_SETTING}) "
        f"WITH CHECK (code_sha256 = {CODE_SETTING} AND chain_id = {ENROLLING_CHAIN} "
        f"AND branch_id = {ENROLLING_BRANCH})"
    )
    op.execute(f"CREATE POLICY enrolling_chain ON chains FOR SELECT USING (id = {ENROLLING_CHAIN})")
    op.execute(f"CREATE POLICY enrolling_branch ON branches FOR SELECT USING (id = {ENROLLING_BRANCH})")
    op.execute(f"CREATE POLICY enrolling_device ON devices FOR INSERT "
               f"WITH CHECK (chain_id = {ENROLLING_CHAIN} AND branch_id = {ENROLLING_BRANCH})")


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    owner = schema = ""
    if postgres:
        owner, schema = (str(v) for v in bind.execute(sa.text(
            "SELECT pg_get_userbyid(c.relowner), n.nspname FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass('clinics')"
        )).one())
    op.execute("ALTER TABLE clinics RENAME TO chains")
    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN clinic_id TO chain_id")
    for old, new, table, columns in INDEXES:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, columns)

    op.create_table(
        "branches",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("chain_id", sa.String(36), sa.ForeignKey("chains.id", name="fk_branches_chain_id_chains"),
                  nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("branch_no", sa.String(5), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_branches"),
        sa.UniqueConstraint("chain_id", "name", name="uq_branches_chain_id_name"),
        sa.UniqueConstraint("chain_id", "branch_no", name="uq_branches_chain_id_branch_no"),
    )
    op.create_index("ix_branches_chain_id", "branches", ["chain_id"])
    op.execute("INSERT INTO branches (id, chain_id, name, branch_no, created_at) "
               "SELECT id, id, name, '00000', created_at FROM chains")

    for table in ("devices", "enrollment_codes"):
        # With its foreign key in the one ALTER (SQLite allows that for a column whose default is NULL).
        op.execute(f"ALTER TABLE {table} ADD COLUMN branch_id VARCHAR(36) "
                   f"CONSTRAINT fk_{table}_branch_id_branches REFERENCES branches (id)")
        op.execute(f"UPDATE {table} SET branch_id = chain_id")
    for table in BRANCH_SCOPED:
        op.add_column(table, sa.Column("branch_id", sa.String(36), nullable=True))
    entities = ", ".join(f"'{e}'" for e in BRANCH_ONLY_ENTITIES)
    op.execute(f"UPDATE records SET branch_id = chain_id WHERE entity IN ({entities})")
    op.execute(f"UPDATE changes SET branch_id = chain_id WHERE entity IN ({entities})")
    op.execute("UPDATE records SET entity = 'branch' WHERE entity = 'clinic'")
    op.execute("UPDATE changes SET entity = 'branch' WHERE entity = 'clinic'")
    _seed_records(bind)
    if postgres:
        _postgres_policies(owner, schema)


def _seed_records(bind: sa.Connection) -> None:
    """Put in each chain's feed what its terminals need to know of it and did not write themselves.

    A ``chain`` record (its name), when this release declares the entity,
    and a ``branch`` record for a clinic whose terminals never sent its
    profile (an empty terminal that joined it): a customer or a visit
    names its branch, and the server refuses a name it does not have.
    Both with the zero clock, so what a terminal writes wins.
    """
    from bnaura_desk.domain.synced import REGISTRY

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    json_cast = "CAST(:data AS JSON)" if bind.dialect.name == "postgresql" else ":data"
    clocks_cast = "CAST(:clocks AS JSON)" if bind.dialect.name == "postgresql" else ":clocks"
    for chain_id, name, last in bind.execute(sa.text("SELECT id, name, last_cursor FROM chains")).all():
        cursor = int(last)
        wanted = [("branch", {"name_th": name, "branch_code": "00000"})]
        if REGISTRY.entity("chain") is not None:
            wanted.append(("chain", {"name": name}))
        for entity, data in wanted:
            exists = bind.execute(sa.text("SELECT 1 FROM records WHERE chain_id = :id AND entity = :e AND id = :id"),
                                  {"id": chain_id, "e": entity}).first()
            if exists is not None:
                continue
            cursor += 1
            bind.execute(
                sa.text("INSERT INTO records (chain_id, entity, id, data, field_clocks, hlc, deleted_at, updated_at, "
                        f"cursor, branch_id) VALUES (:id, :e, :id, {json_cast}, {clocks_cast}, :hlc, NULL, :now, "
                        ":c, NULL)"),
                {"id": chain_id, "e": entity, "data": json.dumps(data), "clocks": "{}", "hlc": ZERO_CLOCK,
                 "now": now, "c": cursor},
            )
            bind.execute(sa.text("INSERT INTO changes (chain_id, cursor, entity, entity_id, branch_id) "
                                 "VALUES (:id, :c, :e, :id, NULL)"), {"id": chain_id, "c": cursor, "e": entity})
        bind.execute(sa.text("UPDATE chains SET last_cursor = :c WHERE id = :id"), {"c": cursor, "id": chain_id})


def downgrade() -> None:
    raise NotImplementedError("a chain of branches cannot go back to clinics; restore the backup made before")
