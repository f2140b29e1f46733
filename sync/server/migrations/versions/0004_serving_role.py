"""Two PostgreSQL roles: row-level security bound to a credential, no wildcard scope.

Revision ID: 0004
Revises: 0003

0002 let a transaction see every clinic by setting ``bnaura.clinic`` to
``*``, and any role could set it. From here on (PostgreSQL only; SQLite
has no row-level security and nothing changes there):

- the tables' owner (who runs ``bnaura server migrate`` and the admin
  commands) sees and writes every row through the policy ``owner_rows``,
  made for that role;
- every other role, the serving role above all, sees a clinic's rows only
  while its transaction holds a credential of that clinic
  (``sync.server.scope``): the token hash of a live device of the clinic
  in ``bnaura.device``, or, for enrollment, the hash of a usable code in
  ``bnaura.code``, which shows the code's own row, its clinic's row and
  lets it add a device to that clinic and nothing more;
- what the serving role needs across clinics are SECURITY DEFINER
  functions owned by the tables' owner, executable by the roles it is
  granted to (``bnaura server migrate --serving-role``), not by PUBLIC:
  ``bnaura_device_clinic()`` and ``bnaura_enrolling_clinic()`` (used by the
  policies) and ``bnaura_note_wrong_code(id, at)`` (one wrong secret
  counted against a code).

A later migration that adds a tenant table gives it the same two policies
(``tenant_policies`` below shows them); ``bnaura server migrate
--serving-role`` grants the serving role its rows.

``bnaura.clinic`` is read by nothing any more. Each function pins its
search_path to the schema it was made in (and pg_temp last), so a role
that can create objects elsewhere cannot slip its own table or function
in front of the owner's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The tenant tables and their clinic column (as in 0002).
TENANT_TABLES = {
    "clinics": "id",
    "devices": "clinic_id",
    "enrollment_codes": "clinic_id",
    "applied_operations": "clinic_id",
    "records": "clinic_id",
    "changes": "clinic_id",
    "sync_exceptions": "clinic_id",
}
DEVICE_CLINIC = "(SELECT bnaura_device_clinic())"  # a sub-select: evaluated once per statement
ENROLLING_CLINIC = "(SELECT bnaura_enrolling_clinic())"
CODE_SETTING = "current_setting('bnaura.code', true)"
# UtcDateTime's text form, which sorts by time byte for byte.
NOW_TEXT = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""

FUNCTIONS = {
    # PL/pgSQL, not SQL: the policies call these once per statement, and a
    # PL/pgSQL function keeps its plan for the session where an SQL one
    # with a SET clause is planned anew each call (about 0.4 ms more per
    # statement, felt when a batch updates rows one statement each).
    "bnaura_device_clinic()": """
        RETURNS varchar LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {path} AS $$
        BEGIN
            RETURN (SELECT clinic_id FROM devices
                    WHERE token_sha256 = current_setting('bnaura.device', true) AND revoked_at IS NULL);
        END $$""",
    "bnaura_enrolling_clinic()": f"""
        RETURNS varchar LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {{path}} AS $$
        BEGIN
            RETURN (SELECT clinic_id FROM enrollment_codes
                    WHERE code_sha256 = {CODE_SETTING} AND used_at IS NULL
                      AND expires_at COLLATE "C" > {NOW_TEXT});
        END $$""",
    "bnaura_note_wrong_code(code_id varchar, at varchar)": """
        RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = {path} AS $$
            UPDATE enrollment_codes SET failed_attempts = failed_attempts + 1
            WHERE id = code_id AND used_at IS NULL AND expires_at COLLATE "C" > at
        $$""",
}
SIGNATURES = {
    "bnaura_device_clinic()": "bnaura_device_clinic()",
    "bnaura_enrolling_clinic()": "bnaura_enrolling_clinic()",
    "bnaura_note_wrong_code(code_id varchar, at varchar)": "bnaura_note_wrong_code(varchar, varchar)",
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _owner_and_schema(conn: sa.Connection) -> tuple[str, str]:
    """Return the tables' owner and their schema (a superuser may run the migration: the owner decides)."""
    row = conn.execute(
        sa.text("SELECT pg_get_userbyid(c.relowner), n.nspname FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass('clinics')")
    ).one()
    return str(row[0]), str(row[1])


def tenant_policies(table: str, column: str, owner: str) -> list[str]:
    """Return the statements that bind ``table`` (its clinic in ``column``) to a credential.

    The owner sees and writes every row; every other role only the rows of
    the clinic of the live device whose token hash the transaction holds.
    USING wraps the rule in IS TRUE (the same rows: NULL is no row either
    way) so the planner never reads a clinic's rows through an index on
    the clinic to find a few by key: with no or skewed statistics it
    would, scanning a whole clinic per lookup. A query that wants such an
    index names its clinic itself.
    """
    rule = f"{column} = {DEVICE_CLINIC}"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY owner_rows ON {table} TO {_quote(owner)} USING (true) WITH CHECK (true)",
        f"CREATE POLICY clinic_rows ON {table} USING (({rule}) IS TRUE) WITH CHECK ({rule})",
    ]


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    owner, schema = _owner_and_schema(conn)
    path = f"{_quote(schema)}, pg_temp"
    for head, body in FUNCTIONS.items():
        op.execute(f"CREATE FUNCTION {head} {body.format(path=path)}")
        op.execute(f"ALTER FUNCTION {SIGNATURES[head]} OWNER TO {_quote(owner)}")
        op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURES[head]} FROM PUBLIC")
    for table, column in TENANT_TABLES.items():
        op.execute(f"DROP POLICY clinic_rows ON {table}")
        for statement in tenant_policies(table, column, owner):
            op.execute(statement)
    # A revoked device's token still shows its own row, so it is told "revoked", not "unknown".
    op.execute("CREATE POLICY own_device ON devices FOR SELECT "
               "USING (token_sha256 = current_setting('bnaura.device', true))")
    # Enrollment: the typed code's row; while it is usable, its clinic and a new device there.
    op.execute(f"CREATE POLICY enrolling_code ON enrollment_codes FOR SELECT USING (code_sha256 = {CODE_SETTING})")
    op.execute(
        f"CREATE POLICY enrolling_code_use ON enrollment_codes FOR UPDATE USING (code_sha256 = {CODE_SETTING}) "
        f"WITH CHECK (code_sha256 = {CODE_SETTING} AND clinic_id = {ENROLLING_CLINIC})"
    )
    op.execute(f"CREATE POLICY enrolling_clinic ON clinics FOR SELECT USING (id = {ENROLLING_CLINIC})")
    op.execute(f"CREATE POLICY enrolling_device ON devices FOR INSERT WITH CHECK (clinic_id = {ENROLLING_CLINIC})")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    op.execute("DROP POLICY enrolling_device ON devices")
    op.execute("DROP POLICY enrolling_clinic ON clinics")
    op.execute("DROP POLICY enrolling_code_use ON enrollment_codes")
    op.execute("DROP POLICY enrolling_code ON enrollment_codes")
    op.execute("DROP POLICY own_device ON devices")
    scope = "current_setting('bnaura.clinic', true)"
    for table, column in TENANT_TABLES.items():
        op.execute(f"DROP POLICY clinic_rows ON {table}")
        op.execute(f"DROP POLICY owner_rows ON {table}")
        rule = f"({scope} = '*' OR {column} = {scope})"  # 0002's policy
        op.execute(f"CREATE POLICY clinic_rows ON {table} USING {rule} WITH CHECK {rule}")
    for signature in SIGNATURES.values():
        op.execute(f"DROP FUNCTION {signature}")
