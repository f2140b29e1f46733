"""``bnaura server``: run the clinic sync server, migrate its database, manage its chains, branches, codes and devices.

Every command takes ``--db URL`` (a SQLite file path or URL, or
``postgresql+psycopg://...``); the default is ``$BNAURA_SERVER_DB``, else
``server.sqlite`` beside the terminal's default database.

SQLite (one clinic, the demo): every command upgrades the file first, so a
new database needs no set-up step. PostgreSQL (a chain): two roles
(``sync.server.roles``). ``migrate`` and the admin commands run as the
owner of the tables; serving runs as another role and refuses to start as
a superuser, a BYPASSRLS role or the owner, or on a schema that is not at
head. Only ``migrate`` changes the schema there.

Exit codes: 0 done; 1 a problem the user can act on (one line on stderr,
no traceback); 2 a usage error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from bnaura_desk.paths import default_db_path

PROG = "bnaura server"
SERVER_FILE_NAME = "server.sqlite"
BANGKOK = ZoneInfo("Asia/Bangkok")


class CommandFailed(Exception):
    """A command cannot go on; the message says what to do instead."""


def default_database_url() -> str:
    """Return ``$BNAURA_SERVER_DB`` as a URL, else the SQLite file beside the terminal's default database."""
    explicit = os.environ.get("BNAURA_SERVER_DB", "")
    if explicit:
        return database_url(explicit)
    return database_url(str(default_db_path().parent / SERVER_FILE_NAME))


def database_url(value: str) -> str:
    """Return the SQLAlchemy URL of ``--db`` (a URL, or a SQLite file path)."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _engine(url: str) -> Engine:
    from .db import is_sqlite, server_engine

    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    return server_engine(url)


def _prepared(engine: Engine, *, serving: bool) -> None:
    """Make ``engine``'s database ready for a command, or refuse with what to do.

    SQLite: upgrade it. PostgreSQL: check the role (the serving role for
    serving, the tables' owner for the admin commands) and that the schema
    is at head; nothing is changed there.

    Raises:
        CommandFailed: the role or the schema cannot be used.
    """
    from .roles import RoleRefused, check_owner, check_serving
    from .schema import SchemaNotAtHead, SchemaTooNew, check_at_head, upgrade

    try:
        if engine.dialect.name == "sqlite":
            upgrade(engine)
            return
        if serving:
            check_serving(engine)
        else:
            check_owner(engine)
            check_at_head(engine)
    except (SchemaTooNew, SchemaNotAtHead, RoleRefused) as problem:
        raise CommandFailed(str(problem)) from None


@contextmanager
def _database(url: str, *, serving: bool = False) -> Iterator[Engine]:
    """Yield an engine over ``url``, ready for the command (``_prepared``); disposed afterwards."""
    engine = _engine(url)
    try:
        _prepared(engine, serving=serving)
        yield engine
    finally:
        engine.dispose()


def _when(moment: datetime | None) -> str:
    return moment.astimezone(BANGKOK).strftime("%Y-%m-%d %H:%M") if moment else "never"


def _now() -> datetime:
    return datetime.now(UTC)


# ---------------------------------------------------------------- commands


def cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Serve the sync API until interrupted (checks the database first, migrating only SQLite)."""
    from .db import is_sqlite

    url = args.url
    if args.workers > 1 and is_sqlite(url):
        print(
            f"{PROG}: --workers {args.workers} needs PostgreSQL (--db postgresql+psycopg://...); "
            "on SQLite the server is one process",
            file=err,
        )
        return 2
    if bool(args.certfile) != bool(args.keyfile):
        print(f"{PROG}: --certfile and --keyfile go together (the certificate and its private key)", file=err)
        return 2
    cert, key = _tls_files(args.certfile, args.keyfile) if args.certfile else (None, None)
    with _database(url, serving=True):
        pass  # checked (SQLite: upgraded) once, before any worker starts
    if args.images:
        # Read by every worker's app (``images.images_folder``), as the database URL is.
        os.environ["BNAURA_SERVER_IMAGES"] = str(Path(args.images).expanduser().resolve())
    import uvicorn

    # The socket peer is the client unless a named proxy forwards for it
    # (uvicorn's own default would trust X-Forwarded-For from 127.0.0.1, so
    # a forged header would get a fresh allowance of enrollment attempts).
    trusted: list[str] = args.forwarded_allow_ips
    scheme = "https" if cert else "http"
    print(f"BN-Aura sync server on {scheme}://{args.host}:{args.port} (database {_shown(url)})", file=err, flush=True)
    if args.workers > 1:
        os.environ["BNAURA_SERVER_DB"] = url
        uvicorn.run("sync.server.app:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level=args.log_level, ssl_certfile=cert, ssl_keyfile=key,
                    proxy_headers=bool(trusted), forwarded_allow_ips=trusted or None)
    else:
        from .app import create_app

        uvicorn.run(create_app(url), host=args.host, port=args.port, log_level=args.log_level,
                    ssl_certfile=cert, ssl_keyfile=key, proxy_headers=bool(trusted),
                    forwarded_allow_ips=trusted or None)
    return 0


def cmd_migrate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Create or upgrade the server schema; on PostgreSQL, as the tables' owner, and grant ``--serving-role``."""
    from .roles import RoleRefused, check_owner, grant_serving
    from .schema import SchemaTooNew, upgrade

    engine = _engine(args.url)
    try:
        postgres = engine.dialect.name == "postgresql"
        if args.serving_role and not postgres:
            print(f"{PROG}: --serving-role is for PostgreSQL; SQLite has no roles", file=err)
            return 2
        if postgres:
            check_owner(engine)
        before, after = upgrade(engine)
        if args.serving_role:
            grant_serving(engine, args.serving_role)
    except (SchemaTooNew, RoleRefused) as problem:
        raise CommandFailed(str(problem)) from None
    finally:
        engine.dispose()
    changed = f"upgraded from {before}" if before and before != after else ("created" if before is None else "up to date")
    print(f"server schema {after} ({changed}) in {_shown(args.url)}", file=out)
    if args.serving_role:
        serving_url = make_url(args.url)._replace(username=args.serving_role, password=None)  # its own password, if any
        print(f"granted {args.serving_role} what serving needs; serve as it: "
              f"{PROG} --db {serving_url.render_as_string(hide_password=False)}", file=err)
    return 0


def _tls_files(certfile: str, keyfile: str) -> tuple[str, str]:
    """Return the paths of a PEM certificate (chain) and its private key, checked to work together.

    They are loaded once here, so a missing file, a key that is not the
    certificate's or an encrypted key is one line on stderr before the
    server starts, not a traceback from inside uvicorn.

    Raises:
        CommandFailed: the pair cannot be loaded.
    """
    import ssl

    cert, key = Path(certfile).expanduser().resolve(), Path(keyfile).expanduser().resolve()
    for given in (cert, key):
        if not given.is_file():
            raise CommandFailed(f"{given}: no such file (--certfile and --keyfile are PEM files)")
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(cert, key, password=lambda: b"")
    except (ssl.SSLError, OSError) as problem:
        raise CommandFailed(
            f"the certificate {cert} and key {key} cannot be used together: {problem} "
            "(PEM files, the key not password-protected)"
        ) from None
    return str(cert), str(key)


def cmd_clinics_add(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Add a clinic of its own: a chain of one branch with one id (``--id`` adopts a terminal's); print its id."""
    from .admin import add_clinic
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        clinic = add_clinic(session, args.name, _now(), args.id)
        session.commit()
        print(f"added clinic {clinic.name!r} ({clinic.id}): a chain of one branch, the head office", file=out)
    return 0


def cmd_chains_add(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Add a chain with no branch yet; print its id."""
    from .admin import add_chain
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        chain = add_chain(session, args.name, _now(), args.id)
        session.commit()
        print(f"added chain {chain.name!r} ({chain.id})", file=out)
    print(f"add its branches with: {PROG} branches add NAME --chain {chain.name!r}", file=err)
    return 0


def cmd_chains_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print every chain with its number of branches and of active devices."""
    from .admin import device_counts, list_branches, list_chains
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        chains = list_chains(session)
        branches = list_branches(session)
        devices = device_counts(session)
    if not chains:
        print(f"no chains yet; add one with: {PROG} chains add NAME (or: {PROG} clinics add NAME)", file=err)
    for c in chains:
        own = [b for chain, b in branches if chain.id == c.id]
        active = sum(devices.get(b.id, 0) for b in own)
        print(f"{c.id}  {c.name}  branches: {len(own)}  devices: {active}  created {_when(c.created_at)}", file=out)
    return 0


def cmd_branches_add(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Add a branch to a chain; print its id and number."""
    from .admin import add_branch
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        branch = add_branch(session, args.chain, args.name, _now(), args.id, args.number)
        session.commit()
        print(f"added branch {branch.name!r} ({branch.id}), number {branch.branch_no}", file=out)
    print(f"enroll its terminals with codes from: {PROG} enroll-code --branch {branch.name!r}", file=err)
    return 0


def cmd_branches_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print every branch (of ``--chain``) with its chain, number and active devices."""
    from .admin import device_counts, list_branches
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        branches = list_branches(session, args.chain)
        devices = device_counts(session)
    if not branches:
        print(f"no branches yet; add one with: {PROG} branches add NAME --chain CHAIN", file=err)
    for chain, b in branches:
        print(f"{b.id}  {chain.name} / {b.name}  number {b.branch_no}  devices: {devices.get(b.id, 0)}  "
              f"created {_when(b.created_at)}", file=out)
    return 0


def cmd_enroll_code(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Make a one-time enrollment code for a branch; print it (once) on stdout."""
    from .admin import find_chain, new_enrollment_code
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        branch, code = new_enrollment_code(session, args.branch, _now(), args.chain)
        chain = find_chain(session, branch.chain_id)
        session.commit()
    print(code.code, file=out)
    print(
        f"one-time enrollment code for a terminal of {chain.name!r}, branch {branch.name!r} ({branch.branch_no}), "
        f"valid until {_when(code.expires_at)} (Asia/Bangkok); it is shown only now",
        file=err,
    )
    return 0


def cmd_devices(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print every enrolled device with its chain and branch, last seen time and state."""
    from .admin import list_devices
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        devices = list_devices(session)
    if not devices:
        print("no devices enrolled yet", file=err)
    for d in devices:
        state = f"revoked {_when(d.revoked_at)}" if d.revoked_at else "active"
        print(f"{d.id}  {d.name}  {d.chain} / {d.branch}  last seen: {_when(d.last_seen_at)}  {state}", file=out)
    return 0


def cmd_revoke(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Revoke a device: its token is refused from the next request on."""
    from .admin import revoke_device
    from .scope import chain_sessions

    with _database(args.url) as engine, chain_sessions(engine)() as session:
        device = revoke_device(session, args.device_id, _now())
        session.commit()
        print(f"revoked {device.id} ({device.name}); its token no longer works", file=out)
    return 0


# ---------------------------------------------------------------- parser


def _port(text: str) -> int:
    value = int(text)
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError("a port is 1 to 65535")
    return value


def _workers(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("give 1 or more")
    return value


def _proxies(text: str) -> list[str]:
    """Return the addresses or networks of ``--forwarded-allow-ips`` (comma-separated)."""
    found = [item.strip() for item in text.split(",") if item.strip()]
    for item in found:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{item!r} is not an IP address or network") from None
    return found


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``bnaura server`` and its subcommands (each sets ``handler``)."""
    db_help = (
        "the server database: a SQLite file or URL, or postgresql+psycopg://user@host/db "
        "(default: $BNAURA_SERVER_DB, else server.sqlite in the terminal's data folder)"
    )
    sub_common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a --db given before the subcommand is not reset by the subcommand's default.
    sub_common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run the clinic sync server (no subcommand), migrate its database, or manage its chains, "
        "branches, enrollment codes and devices. On PostgreSQL, serve as a role of its own and migrate and manage as the "
        "tables' owner.",
    )
    parser.add_argument("--db", metavar="URL", default=None, help=db_help)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=_port, default=8765, help="port to listen on (default: %(default)s)")
    parser.add_argument("--workers", type=_workers, default=1,
                        help="server processes (more than 1 needs PostgreSQL; default: %(default)s)")
    parser.add_argument("--certfile", metavar="PEM", default=None,
                        help="serve HTTPS with this certificate (chain), PEM; needs --keyfile")
    parser.add_argument("--keyfile", metavar="PEM", default=None,
                        help="the private key of --certfile, PEM, not password-protected")
    parser.add_argument(
        "--forwarded-allow-ips", metavar="IPS", type=_proxies, default=[],
        help="comma-separated addresses or networks of reverse proxies whose X-Forwarded-For names the client "
        "(default: none; the connecting address is the client)",
    )
    parser.add_argument("--images", metavar="FOLDER", default=None,
                        help="where the chains' image files are kept (default: $BNAURA_SERVER_IMAGES, else a "
                        "folder beside a SQLite database; PostgreSQL needs one of the two)")
    parser.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                        help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_serve)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    migrate = commands.add_parser(
        "migrate", parents=[sub_common], help="create or upgrade the server database (PostgreSQL: as its owner)",
        description="Create or upgrade the server database. On PostgreSQL run it as the role that owns (or will "
        "own) the tables; --serving-role grants the role the server runs as what it needs.",
    )
    migrate.add_argument("--serving-role", metavar="ROLE", default=None,
                         help="PostgreSQL: the role `bnaura server` serves as; it gets exactly the rights serving needs")
    migrate.set_defaults(handler=cmd_migrate)

    clinics = commands.add_parser(
        "clinics", help="add or list clinics of their own (a chain of one branch)",
        description="Add or list clinics of their own: each is a chain of one branch, both with one id.",
    )
    clinic_commands = clinics.add_subparsers(dest="clinics_command", metavar="ACTION", required=True)
    add = clinic_commands.add_parser(
        "add", parents=[sub_common], help="add a clinic (a chain of one branch)",
        description="Add a clinic: a chain of one branch, the head office. --id adopts a terminal set up offline: "
        "give its clinic id.",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--id", metavar="UUID", help="the clinic id of a terminal set up offline")
    add.set_defaults(handler=cmd_clinics_add)
    lst = clinic_commands.add_parser("list", parents=[sub_common], help="list chains (a clinic is a chain)")
    lst.set_defaults(handler=cmd_chains_list)

    chains = commands.add_parser("chains", help="add or list chains", description="Add or list chains of branches.")
    chain_commands = chains.add_subparsers(dest="chains_command", metavar="ACTION", required=True)
    add = chain_commands.add_parser("add", parents=[sub_common], help="add a chain (then its branches)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--id", metavar="UUID", help="the chain's id (default: a new one)")
    add.set_defaults(handler=cmd_chains_add)
    lst = chain_commands.add_parser("list", parents=[sub_common], help="list chains")
    lst.set_defaults(handler=cmd_chains_list)

    branches = commands.add_parser("branches", help="add or list branches", description="Add or list branches.")
    branch_commands = branches.add_subparsers(dest="branches_command", metavar="ACTION", required=True)
    add = branch_commands.add_parser(
        "add", parents=[sub_common], help="add a branch to a chain",
        description="Add a branch to a chain. --id adopts a terminal set up offline: give its clinic id. "
        "--number is the branch number on tax documents (default: the next free one; 00000 is the head office).",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--chain", metavar="NAME", required=True, help="the chain (its name or id)")
    add.add_argument("--id", metavar="UUID", help="the branch id of a terminal set up offline")
    add.add_argument("--number", metavar="DIGITS", help="the branch number, e.g. 00001 (or 1)")
    add.set_defaults(handler=cmd_branches_add)
    lst = branch_commands.add_parser("list", parents=[sub_common], help="list branches")
    lst.add_argument("--chain", metavar="NAME", default=None, help="only this chain's branches")
    lst.set_defaults(handler=cmd_branches_list)

    code = commands.add_parser(
        "enroll-code", parents=[sub_common], help="make a one-time enrollment code",
        description="Make a one-time code a terminal of a branch enrolls with (valid 24 hours, single use, shown "
        "once).",
    )
    target = code.add_mutually_exclusive_group(required=True)
    target.add_argument("--branch", metavar="NAME", help="the branch the terminal joins (its name or id)")
    # A clinic of its own is a branch of the same name: the older spelling still works.
    target.add_argument("--clinic", metavar="NAME", dest="branch", help=argparse.SUPPRESS)
    code.add_argument("--chain", metavar="NAME", default=None,
                      help="the branch's chain, when branches of several chains share the name")
    code.set_defaults(handler=cmd_enroll_code)

    devices = commands.add_parser("devices", parents=[sub_common], help="list enrolled devices with last seen time")
    devices.set_defaults(handler=cmd_devices)

    revoke = commands.add_parser(
        "revoke", parents=[sub_common], help="revoke a device's token at once",
        description="Revoke an enrolled device: its token is refused from the next request on.",
    )
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    revoke.set_defaults(handler=cmd_revoke)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``bnaura server`` with ``argv``; return the exit code."""
    from .admin import AdminError

    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        args.url = database_url(args.db) if args.db else default_database_url()
        return int(args.handler(args, out, err))
    except (CommandFailed, AdminError) as problem:
        print(f"{PROG}: {problem}", file=err)
    except ArgumentError as problem:
        print(f"{PROG}: --db is not a database URL: {problem}", file=err)
    except DBAPIError as problem:
        print(f"{PROG}: the database cannot be used: {problem.orig}", file=err)
    except ModuleNotFoundError as problem:
        print(f"{PROG}: {problem} (is the database driver installed?)", file=err)
    except OSError as problem:
        where = f"{problem.filename}: " if problem.filename else ""
        print(f"{PROG}: {where}{problem.strerror or problem}", file=err)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=err)
        return 130
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
