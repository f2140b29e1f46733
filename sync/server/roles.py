"""The two PostgreSQL roles of a server: the owner migrates and administers, the serving role serves.

Row-level security binds a role only when it is not a superuser, has no
BYPASSRLS and is not (a member of) the tables' owner: the owner sees every
row through its own policy (migration 0004). So:

- ``bnaura server migrate`` and the admin commands connect as the owner
  (``check_owner``);
- ``bnaura server`` (serve) connects as a role of its own that owns
  nothing and refuses to start otherwise (``check_serving``), with what to
  do in the message;
- ``bnaura server migrate --serving-role NAME`` grants that role exactly
  what serving needs (``grant_serving``; ``SERVING_GRANTS``), again after
  each upgrade, so tables added by later migrations are covered.

SQLite has no roles: nothing here applies to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from . import enroll  # noqa: F401 - its throttle table is on the metadata
from .models import ServerBase
from .schema import check_at_head

SETUP = (
    "set up two roles (README, \"Two PostgreSQL roles\"): as a superuser, "
    "CREATE ROLE bnaura_owner LOGIN; CREATE ROLE bnaura_serving LOGIN; "
    "CREATE SCHEMA bnaura AUTHORIZATION bnaura_owner; then "
    "bnaura server migrate --db postgresql+psycopg://bnaura_owner@HOST/DB --serving-role bnaura_serving "
    "and bnaura server --db postgresql+psycopg://bnaura_serving@HOST/DB"
)

# What the serving role may do, table by table; row-level security narrows
# every tenant table to the chain (and, for branch-only rows, the branch)
# of the credential a transaction holds. Columns in parentheses: only those
# may be updated (a device cannot move itself or a code to another chain or
# branch, or bring a used code back).
SERVING_GRANTS: dict[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),
    "chains": ("SELECT", "UPDATE (last_cursor)"),
    "branches": ("SELECT",),
    "enrollment_codes": ("SELECT", "UPDATE (used_at, used_by_device)"),
    "devices": ("SELECT", "INSERT", "UPDATE (last_seen_at, next_seq, last_hlc)"),
}
DEFAULT_GRANT = ("SELECT", "INSERT", "UPDATE", "DELETE")  # any other table of the server's metadata
# The SECURITY DEFINER functions of migrations 0004 and 0006 (not executable by PUBLIC).
SERVING_FUNCTIONS = (
    "bnaura_device_chain()",
    "bnaura_device_branch()",
    "bnaura_enrolling_chain()",
    "bnaura_enrolling_branch()",
    "bnaura_other_branch_ids(varchar, varchar[])",
    "bnaura_note_wrong_code(varchar, varchar)",
)


class RoleRefused(Exception):
    """The database role cannot be used for this command; the message says what to do instead."""


def serving_grants() -> dict[str, tuple[str, ...]]:
    """Return every server table with the privileges the serving role gets on it."""
    tables = {name: DEFAULT_GRANT for name in sorted(ServerBase.metadata.tables)}
    return tables | SERVING_GRANTS


@dataclass(frozen=True)
class RoleFacts:
    """What the database says about the connected role and the server tables."""

    role: str
    powerful: bool  # superuser or BYPASSRLS, itself or through a role it belongs to
    tables_owner: str | None  # None: no server table is visible to this role
    owns_tables: bool  # the owner, or a member of the owner's role


def role_facts(conn: Connection) -> RoleFacts:
    """Return the facts about the role ``conn`` is connected as (PostgreSQL)."""
    role, powerful = conn.execute(
        text("SELECT current_user, coalesce(bool_or(rolsuper OR rolbypassrls), false) FROM pg_roles "
             "WHERE pg_has_role(current_user, oid, 'MEMBER')")
    ).one()
    owner = conn.execute(
        text("SELECT pg_get_userbyid(relowner), pg_has_role(current_user, relowner, 'MEMBER') "
             "FROM pg_class WHERE oid = coalesce(to_regclass('chains'), to_regclass('clinics'))")
    ).first()
    if owner is None:
        return RoleFacts(str(role), bool(powerful), None, False)
    return RoleFacts(str(role), bool(powerful), str(owner[0]), bool(owner[1]))


def _missing_privileges(conn: Connection) -> list[str]:
    """Return what the connected role lacks of ``serving_grants`` and ``SERVING_FUNCTIONS``."""
    missing: list[str] = []
    for table, privileges in serving_grants().items():
        for privilege in privileges:
            kind, _, columns = privilege.partition(" (")
            if columns:
                for column in columns.rstrip(")").split(", "):
                    ok = conn.scalar(text("SELECT has_column_privilege(:t, :c, :p)"),
                                     {"t": table, "c": column, "p": kind})
                    if not ok:
                        missing.append(f"{kind} on {table}.{column}")
            elif not conn.scalar(text("SELECT has_table_privilege(:t, :p)"), {"t": table, "p": kind}):
                missing.append(f"{kind} on {table}")
    for function in SERVING_FUNCTIONS:
        if not conn.scalar(text("SELECT has_function_privilege(:f, 'EXECUTE')"), {"f": function}):
            missing.append(f"EXECUTE on {function}")
    return missing


def check_serving(engine: Engine) -> str:
    """Check the database is fit to serve from as this role; return the schema revision (head).

    Raises:
        RoleRefused: a superuser, a role with BYPASSRLS, the tables' owner
            (or a member of its role), no server tables visible, or a
            privilege missing; the message says how to set up the roles.
        SchemaTooNew, SchemaNotAtHead: the schema is not this server's head
            (``bnaura server migrate`` upgrades it).
    """
    with engine.connect() as conn:
        facts = role_facts(conn)
        readable = facts.tables_owner is not None and bool(
            conn.scalar(text("SELECT has_table_privilege('alembic_version', 'SELECT')"))
        )
        conn.rollback()
    grant = f"bnaura server migrate --db OWNER_URL --serving-role {facts.role}"
    if facts.powerful:
        raise RoleRefused(
            f"refusing to serve as PostgreSQL role {facts.role!r}: it is a superuser or has BYPASSRLS, "
            f"so row-level security would not keep the chains apart; {SETUP}"
        )
    if facts.tables_owner is None:
        raise RoleRefused(f"role {facts.role!r} sees no server tables: create them and grant it access with {grant}")
    if facts.owns_tables:
        raise RoleRefused(
            f"refusing to serve as PostgreSQL role {facts.role!r}: it owns the server tables "
            f"(owner {facts.tables_owner!r}), which see every chain's rows; {SETUP}"
        )
    if not readable:
        raise RoleRefused(f"role {facts.role!r} may not read the server's schema version: grant it access with {grant}")
    head = check_at_head(engine)
    with engine.connect() as conn:
        missing = _missing_privileges(conn)
        conn.rollback()
    if missing:
        more = " ..." if len(missing) > 4 else ""
        raise RoleRefused(f"role {facts.role!r} lacks {', '.join(missing[:4])}{more}: grant them with {grant}")
    return head


def check_owner(engine: Engine) -> None:
    """Refuse admin work (migrate, chains, branches, codes, devices) as a role that does not own the tables.

    A superuser may run them too. A database with no server tables yet
    passes: ``migrate`` creates them, owned by the role it runs as.

    Raises:
        RoleRefused: the role neither owns the tables nor is a superuser.
    """
    with engine.connect() as conn:
        facts = role_facts(conn)
        conn.rollback()
    if facts.tables_owner is not None and not facts.owns_tables and not facts.powerful:
        raise RoleRefused(
            f"role {facts.role!r} does not own the server tables (owner {facts.tables_owner!r}): migrations and "
            "the admin commands run as the owner (--db postgresql+psycopg://OWNER@HOST/DB)"
        )


def grant_serving(engine: Engine, role: str) -> None:
    """Grant ``role`` what serving needs on the server tables and functions (run as the owner).

    Raises:
        RoleRefused: no such role, or it is a superuser, has BYPASSRLS or
            owns the tables (row-level security would not bind it).
    """
    with engine.begin() as conn:
        found = conn.execute(
            text("SELECT oid, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :r"), {"r": role}
        ).first()
        if found is None:
            raise RoleRefused(f"there is no PostgreSQL role {role!r}: create it first (CREATE ROLE {role} LOGIN)")
        tables = conn.execute(
            text("SELECT relowner, relnamespace::regnamespace::text FROM pg_class "
                 "WHERE oid = coalesce(to_regclass('chains'), to_regclass('clinics'))")
        ).first()
        if tables is None:
            raise RoleRefused("there are no server tables to grant access to: migrate first")
        owns = conn.scalar(text("SELECT pg_has_role(:r, :o, 'MEMBER')"), {"r": found[0], "o": tables[0]})
        if found[1] or owns:
            raise RoleRefused(
                f"role {role!r} is a superuser, has BYPASSRLS or owns the tables: row-level security would not "
                f"bind it; serve as a role of its own ({SETUP})"
            )
        quote = conn.dialect.identifier_preparer.quote
        grantee = quote(role)
        conn.execute(text(f"GRANT USAGE ON SCHEMA {tables[1]} TO {grantee}"))  # regnamespace text is quoted
        for table, privileges in serving_grants().items():
            conn.execute(text(f"GRANT {', '.join(privileges)} ON TABLE {quote(table)} TO {grantee}"))
        for function in SERVING_FUNCTIONS:
            conn.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {grantee}"))
