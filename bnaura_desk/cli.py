"""The ``bnaura`` command: set up a terminal, start the app, move customers, back up.

The composition root for the command line: it builds a ``Terminal`` per
command and runs use cases on it with the system actor (whoever runs
``bnaura`` on the terminal owns its files). Qt is imported only inside
``bnaura app``, so every other command, and ``--help``, runs without it.

Exit codes: 0 done; 1 a problem the user can act on (printed on stderr as
``bnaura: <message>``, translated, never a traceback); 2 a usage error
(argparse); 130 interrupted.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import io
import os
import platform
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

from sqlalchemy.exc import DBAPIError

from . import __version__
from .domain.errors import QT_TRANSLATE_NOOP, BadInput, DatabaseProblem, DeskError, Translate
from .domain.pins import validate_new_pin
from .domain.roles import ROLE_LABELS, Role
from .i18n import cli_translator
from .paths import default_db_path, timestamped_backup_path
from .services.context import SYSTEM
from .services.customer_csv import (
    decode_csv,
    export_customers,
    import_customers,
    parse_customers_csv,
    phone_conflicts,
)
from .services.customers import clinic_today
from .services.setup import init_database, is_set_up
from .services.staff import create_staff, list_staff
from .store.backup import backup_to
from .store.engine import open_engine
from .store.migrate import UpgradeReport, current_revision
from .terminal import Terminal

PROG = "bnaura"
# Below this many demo customers populating is quick enough to need no progress line.
PROGRESS_THRESHOLD = 200
DEMO_CUSTOMERS = 300
DEMO_CUSTOMERS = 300


class CommandFailed(DeskError):
    """A command cannot go on; the message says what to do instead."""


def _not_set_up(path: Path) -> DatabaseProblem:
    # Same template as Terminal.open's, so it shares its translation.
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "{path} is not set up yet; run: bnaura init --db {path}"),
        path=str(path),
    )


class Console:
    """Where a command writes: results on ``out``, progress and problems on ``err``."""

    def __init__(self, out: TextIO, err: TextIO, translate: Translate) -> None:
        self.out = out
        self.err = err
        self.translate = translate

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def note(self, text: str) -> None:
        print(text, file=self.err, flush=True)


# ---------------------------------------------------------------- helpers


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else default_db_path()


def _require_file(path: Path) -> None:
    # A writer open would create a missing file: refuse first, so a typo in
    # --db leaves no empty database behind.
    if not path.exists():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "There is no database at {path}"), path=str(path)
        )


def _is_new(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def _report_upgrade(report: UpgradeReport, path: Path, con: Console) -> None:
    if report.backup is not None:
        con.say(f"backup of the previous database: {report.backup}")
    if report.from_revision is None:
        con.say(f"created {path} (schema {report.to_revision})")
    elif report.changed:
        con.say(f"upgraded {path} from schema {report.from_revision} to {report.to_revision}")
    else:
        con.say(f"{path} is already up to date (schema {report.to_revision})")


def _text_width(text: str) -> int:
    # Thai vowel and tone marks sit above or below their consonant and take
    # no column of their own; len() would misalign the PIN table.
    return sum(
        0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _text_width(text))


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return input(prompt).strip()


def _ask_pin(con: Console) -> str:
    for _ in range(3):
        pin = getpass.getpass("PIN for the owner (4 to 6 digits): ")
        try:
            validate_new_pin(pin)
        except BadInput as err:
            con.note(err.render(con.translate))
            continue
        if getpass.getpass("The same PIN again: ") != pin:
            con.note("The two PINs differ; try again.")
            continue
        return pin
    raise CommandFailed(QT_TRANSLATE_NOOP("errors", "No PIN was set; nothing was changed"))


# ---------------------------------------------------------------- init


def _clinic_name(args: argparse.Namespace) -> str:
    if args.clinic:
        return str(args.clinic).strip()
    if _interactive():
        name = _ask("Clinic name (as printed on receipts): ")
        if name:
            return name
    raise CommandFailed(
        QT_TRANSLATE_NOOP("errors", "Give the clinic's name with --clinic NAME"),
    )


def _owner(args: argparse.Namespace, con: Console) -> tuple[str, str]:
    """Return the first owner's name and PIN, from the options or asked for."""
    name = (args.owner_name or "").strip()
    pin = args.owner_pin
    if not name and _interactive():
        con.note("This database has no staff yet. Who is the owner?")
        name = _ask("Owner's name: ")
    if not name:
        raise CommandFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "A new database needs its first owner: give --owner-name NAME and --owner-pin PIN",
            )
        )
    if pin is None:
        if not _interactive():
            raise CommandFailed(
                QT_TRANSLATE_NOOP("errors", "Give the owner's PIN with --owner-pin PIN")
            )
        pin = _ask_pin(con)
    return name, validate_new_pin(pin)


def _has_staff(terminal: Terminal) -> bool:
    return bool(terminal.read(list_staff, include_inactive=True))


def _init_plain(args: argparse.Namespace, path: Path, con: Console) -> int:
    # For a brand-new file everything is asked and checked before anything
    # is written: a bad PIN leaves no half-made database behind.
    clinic: str | None = None
    owner: tuple[str, str] | None = None
    if _is_new(path):
        clinic = _clinic_name(args)
        owner = _owner(args, con)
    report = init_database(path)
    _report_upgrade(report, path, con)
    with Terminal.open(path) as terminal:
        set_up = terminal.read(is_set_up)
        staffed = set_up and _has_staff(terminal)
    if not set_up:
        clinic = clinic or _clinic_name(args)
    if not staffed:
        owner = owner or _owner(args, con)
    elif args.owner_name or args.owner_pin:
        con.note("This database already has staff; --owner-name and --owner-pin were not used.")
    with Terminal.create(path, clinic_name=clinic or "", device_name=args.device) as terminal:
        if not set_up:
            con.say(f"clinic: {clinic}")
        if owner is not None:
            # actor= is taken by Terminal.run itself; its ParamSpec cannot say so.
            terminal.run(create_staff, owner[0], Role.OWNER, owner[1], actor=SYSTEM)
            con.say(f"owner: {owner[0]} (sign in with the PIN you chose)")
    return 0


def _progress_line(err: TextIO) -> Callable[[int, int], None]:
    """Return a progress callback writing ``demo data: n/total`` to ``err``.

    On a terminal one line is redrawn; into a log file only every quarter is
    written, so the log stays readable.
    """
    tty = err.isatty()
    shown = {"step": -1}

    def progress(done: int, total: int) -> None:
        if total < PROGRESS_THRESHOLD:
            return
        step = done * (100 if tty else 4) // max(total, 1)
        if step == shown["step"]:
            return
        shown["step"] = step
        end = "\n" if done >= total else ""
        if tty:
            err.write(f"\rdemo data: {done}/{total}{end}")
        else:
            err.write(f"demo data: {done}/{total}\n")
        err.flush()

    return progress


def _demo_module() -> ModuleType:
    # The demo data builds on every service: load it only when asked.
    try:
        from . import demo
    except ImportError as err:
        raise CommandFailed(
            QT_TRANSLATE_NOOP("errors", "The demo clinic is not available: {error}"), error=str(err)
        ) from err
    return demo


def _init_demo(path: Path, *, customers: int, seed: int | None, device: str, con: Console) -> int:
    demo = _demo_module()
    report = init_database(path)
    _report_upgrade(report, path, con)
    with Terminal.create(
        path,
        clinic_name=demo.DEMO_CLINIC_NAME_TH,
        clinic_name_en=demo.DEMO_CLINIC_NAME_EN,
        device_name=device,
    ) as terminal:
        if demo.has_staff(terminal):
            con.say(
                "This database already has staff, so no demo data was added "
                "(demo PINs are shown only once, when the demo is created)."
            )
            return 0
        result = demo.populate(
            terminal, customers=customers, seed=seed, progress=_progress_line(con.err)
        )
    con.say(f"demo clinic: {demo.DEMO_CLINIC_NAME_TH} ({demo.DEMO_CLINIC_NAME_EN})")
    con.say(f"{result.customers} customers, {result.items} catalog items")
    con.say("")
    con.say("Demo staff. Write these PINs down; they are not shown again:")
    rows = [(s.name, con.translate("roles", ROLE_LABELS[Role(s.role)]), s.pin) for s in result.staff]
    name_w = max([_text_width("Name"), *(_text_width(r[0]) for r in rows)])
    role_w = max([_text_width("Role"), *(_text_width(r[1]) for r in rows)])
    con.say(f"  {_pad('Name', name_w)}  {_pad('Role', role_w)}  PIN")
    for name, role, pin in rows:
        con.say(f"  {_pad(name, name_w)}  {_pad(role, role_w)}  {pin}")
    return 0


def _demo_customers(args: argparse.Namespace) -> int:
    return DEMO_CUSTOMERS if args.customers is None else int(args.customers)


def cmd_init(args: argparse.Namespace, con: Console) -> int:
    """``bnaura init``: create or upgrade the database (backed up first)."""
    path = _db_path(args)
    if args.demo:
        return _init_demo(
            path, customers=_demo_customers(args), seed=args.seed, device=args.device, con=con
        )
    return _init_plain(args, path, con)


# ---------------------------------------------------------------- app


def _demo_needed(path: Path) -> bool:
    demo = _demo_module()
    if _is_new(path):
        return True
    try:
        with Terminal.open(path, read_only=True) as terminal:
            return not demo.has_staff(terminal)
    except DatabaseProblem:
        # Older schema or never set up: the demo init upgrades it (after a
        # backup) or reports what is really wrong with the file.
        return True


def cmd_app(args: argparse.Namespace, con: Console) -> int:
    """``bnaura app``: start the desktop app on the database."""
    path = _db_path(args)
    if args.demo and _demo_needed(path):
        _init_demo(path, customers=_demo_customers(args), seed=None, device=args.device, con=con)
    elif _is_new(path) and not args.join:
        raise _not_set_up(path)
    try:
        from ui import app as ui_app  # Qt: only this command loads it
    except ImportError as err:
        raise CommandFailed(
            QT_TRANSLATE_NOOP("errors", "The desktop app cannot start: {error}"), error=str(err)
        ) from err
    server = None
    if args.demo and not args.no_server:
        from sync.client.demo import start_demo_server  # the demo's own local clinic server

        server = start_demo_server(path.resolve(), port=int(os.environ.get("BNAURA_DEMO_PORT", "8765")))
        pid = f" (pid {server.process.pid})" if server.process is not None else ""
        con.say(f"demo clinic server: {server.url}{pid}; stop it to watch the app keep working offline")
    try:
        return int(ui_app.main(path.resolve(), [sys.argv[0] if sys.argv else PROG]))
    finally:
        if server is not None:
            server.stop()


# ---------------------------------------------------------------- customers


def _utf8_stdout() -> tuple[TextIO, Callable[[], None]]:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced by a text-only stream (embedding, tests)
        return sys.stdout, sys.stdout.flush
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")

    def done() -> None:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open

    return stream, done


def cmd_export(args: argparse.Namespace, con: Console) -> int:
    """``bnaura customers export``: every live customer to CSV (UTF-8 with BOM)."""
    path = _db_path(args)
    with Terminal.open(path, read_only=True) as terminal:
        if args.file in (None, "-"):
            stream, done = _utf8_stdout()
            try:
                count = terminal.read(
                    export_customers, stream, include_deleted=args.include_deleted
                )
            finally:
                done()
            con.note(f"exported {count} customers")
            return 0
        target = Path(args.file).expanduser()
        if not target.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
        # Write beside the target and rename: a failed export never leaves
        # half a file where the last good one was.
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as fh:
                count = terminal.read(export_customers, fh, include_deleted=args.include_deleted)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    con.say(f"exported {count} customers to {target}")
    return 0


def cmd_import(args: argparse.Namespace, con: Console) -> int:
    """``bnaura customers import``: register the customers of a CSV file, all or none."""
    path = _db_path(args)
    source = "stdin" if args.file == "-" else args.file
    data = (
        sys.stdin.buffer.read() if args.file == "-" else Path(args.file).expanduser().read_bytes()
    )
    text = decode_csv(data, source)
    _require_file(path)
    with Terminal.open(path) as terminal:
        parsed = parse_customers_csv(text, today=clinic_today(terminal.clock()), source=source)
        parsed = parsed.with_problems(terminal.read(phone_conflicts, parsed.good_rows))
        good = parsed.good_rows
        for problem in parsed.problems:
            con.note(problem.render(con.translate))
        if parsed.problems and not args.skip_bad:
            raise CommandFailed(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} has {bad} bad rows; nothing was imported "
                    "(fix them, or import the other {good} rows with --skip-bad)",
                ),
                file=source,
                bad=len(parsed.bad_lines),
                good=len(good),
            )
        ids: list[str] = (
            terminal.run(import_customers, good, actor=SYSTEM).result
            if good
            else []
        )
    con.say(f"imported {len(ids)} customers")
    if parsed.problems:
        lines = ", ".join(str(n) for n in parsed.bad_lines)
        con.say(f"skipped {len(parsed.bad_lines)} bad rows (lines {lines})")
    return 0


# ---------------------------------------------------------------- backup


def cmd_backup(args: argparse.Namespace, con: Console) -> int:
    """``bnaura backup``: a consistent copy of the database, made while it may be in use.

    Opened read-only (no writer lock, so it works beside the running app)
    and without the schema check of ``Terminal.open``: a database of any
    revision, even one from a newer app, can be backed up.
    """
    path = _db_path(args)
    db = open_engine(path, read_only=True)
    try:
        if current_revision(db.engine) is None:
            raise _not_set_up(path)
        target = Path(args.to).expanduser() if args.to else timestamped_backup_path(db.path)
        if target.exists():
            raise CommandFailed(
                QT_TRANSLATE_NOOP("errors", "{path} already exists; choose another name"),
                path=str(target),
            )
        backup_to(db.engine, target)
    finally:
        db.close()
    con.say(str(target))
    return 0


# ---------------------------------------------------------------- sync


def cmd_enroll(args: argparse.Namespace, con: Console) -> int:
    """``bnaura enroll URL CODE``: connect this terminal (or a new database) to the clinic server."""
    from sync.client.cli import enroll_command  # httpx: only for the sync commands

    return enroll_command(_db_path(args), args.url, args.code, args.device, con, ca_file=args.ca_file)


def cmd_sync(args: argparse.Namespace, con: Console) -> int:
    """``bnaura sync [--once]``: push the outbox and pull the clinic's changes."""
    from sync.client.cli import sync_command

    path = _db_path(args)
    _require_file(path)
    return sync_command(path, con, once=args.once, interval=args.interval)


# ---------------------------------------------------------------- parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("give 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``bnaura`` and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help="the terminal database (default: $BNAURA_DB, else "
        "$XDG_DATA_HOME/bnaura-desk/terminal.sqlite)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="BN-Aura Desk: front desk and point of sale for aesthetic clinics.",
        epilog="Run 'bnaura COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    device_default = platform.node() or "POS-1"

    init = commands.add_parser(
        "init",
        parents=[common],
        help="create or upgrade the database (an existing one is backed up first)",
        description="Create the terminal database, or upgrade one made by an older version "
        "after copying it to a timestamped backup. A new database needs its clinic's name "
        "and first owner: asked for on a terminal, or given as options.",
    )
    init.add_argument("--clinic", metavar="NAME", help="the clinic's name for a new database")
    init.add_argument(
        "--device",
        metavar="NAME",
        default=device_default,
        help="this terminal's name (default: %(default)s)",
    )
    init.add_argument(
        "--owner-name", metavar="NAME", help="the first owner's name for a new database"
    )
    init.add_argument(
        "--owner-pin",
        metavar="PIN",
        help="the first owner's PIN, 4 to 6 digits (other users of this computer can see "
        "command lines: leave it out to be asked)",
    )
    init.add_argument(
        "--demo",
        action="store_true",
        help="set up the demo clinic with staff, catalog and customers",
    )
    init.add_argument(
        "--customers",
        metavar="N",
        type=_positive,
        default=None,
        help=f"demo customers to make (default: {DEMO_CUSTOMERS})",
    )
    init.add_argument("--seed", metavar="S", type=int, help="random seed for repeatable demo data")
    init.set_defaults(handler=cmd_init)

    app = commands.add_parser(
        "app",
        parents=[common],
        help="start the desktop app",
        description="Start the desktop app. With --demo, a missing database is first set up "
        "as the demo clinic (its staff PINs are printed once).",
    )
    app.add_argument("--demo", action="store_true", help="set up the demo clinic first if needed")
    app.add_argument(
        "--no-server", action="store_true", help="with --demo: do not start the local clinic server"
    )
    app.add_argument(
        "--join", action="store_true", help="a new database: join a clinic server (the first-run dialog)"
    )
    app.add_argument("--customers", metavar="N", type=_positive, help=argparse.SUPPRESS)
    app.add_argument("--device", metavar="NAME", default=device_default, help=argparse.SUPPRESS)
    app.set_defaults(handler=cmd_app)

    customers = commands.add_parser(
        "customers",
        help="import or export customers as CSV",
        description="Move customers in and out as CSV files that Excel opens.",
    )
    customer_commands = customers.add_subparsers(
        dest="customers_command", metavar="ACTION", required=True
    )
    export = customer_commands.add_parser(
        "export",
        parents=[common],
        help="write customers to CSV (UTF-8 with BOM)",
        description="Write every live customer to a CSV file (UTF-8 with BOM, so Excel shows Thai). "
        "Works while the app is running.",
    )
    export.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the CSV file to write, or - for standard output (default)",
    )
    export.add_argument(
        "--include-deleted",
        action="store_true",
        help="also write deleted customers, with a deleted_at column",
    )
    export.set_defaults(handler=cmd_export)

    imp = customer_commands.add_parser(
        "import",
        parents=[common],
        help="register the customers of a CSV file",
        description="Register the customers of a CSV file with the export's columns (in any order; "
        "referral_code and created_at are ignored). Every row is checked first: a file with bad "
        "rows imports nothing unless --skip-bad is given.",
    )
    imp.add_argument("file", metavar="FILE", help="the CSV file (UTF-8), or - for standard input")
    imp.add_argument(
        "--skip-bad", action="store_true", help="import the good rows and skip the bad ones"
    )
    imp.set_defaults(handler=cmd_import)

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="make a consistent copy of the database",
        description="Copy the database consistently (VACUUM INTO), also while the app is running, "
        "and print the copy's path.",
    )
    backup.add_argument(
        "--to",
        metavar="PATH",
        help="where to write (default: <db dir>/backups/<name>-<UTC time>.sqlite)",
    )
    backup.set_defaults(handler=cmd_backup)

    enroll_cmd = commands.add_parser(
        "enroll",
        parents=[common],
        help="connect this terminal to the clinic sync server with a one-time code",
        description="Enroll this terminal with the clinic server. A set-up terminal joins the "
        "server's clinic of the same id (the owner adds it with: bnaura server clinics add NAME "
        "--id CLINIC_ID); a new database becomes one more terminal of the code's clinic, and its "
        "staff, catalog and customers arrive with the first sync.",
    )
    enroll_cmd.add_argument("url", metavar="URL", help="the server, e.g. https://clinic.example:8765")
    enroll_cmd.add_argument("code", metavar="CODE", help="the one-time code (bnaura server enroll-code)")
    enroll_cmd.add_argument(
        "--device", metavar="NAME", default=device_default, help="this terminal's name for a new database (default: %(default)s)"
    )
    enroll_cmd.add_argument(
        "--ca-file",
        metavar="PEM",
        help="the certificate authority that signed an HTTPS server's certificate, when it is the "
        "clinic's own (kept for later syncs; default: the system's trusted authorities)",
    )
    enroll_cmd.set_defaults(handler=cmd_enroll)

    sync_cmd = commands.add_parser(
        "sync",
        parents=[common],
        help="push this terminal's changes to the clinic server and pull the others'",
        description="Sync with the clinic server: every few seconds until interrupted, or once.",
    )
    sync_cmd.add_argument("--once", action="store_true", help="sync once and exit")
    sync_cmd.add_argument(
        "--interval", metavar="SECONDS", type=float, default=30.0, help="wait between rounds (default: %(default)s)"
    )
    sync_cmd.set_defaults(handler=cmd_sync)

    # Listed for --help only: main() hands `bnaura server ...` to sync.server.cli.
    commands.add_parser(
        "server",
        add_help=False,
        help="run the clinic sync server; manage its clinics, enrollment codes and devices "
        "(see: bnaura server --help)",
    )
    return parser


def _check_combinations(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command != "init":
        return
    if args.demo and (args.clinic or args.owner_name or args.owner_pin):
        parser.error("--clinic, --owner-name and --owner-pin do not go with --demo")
    if not args.demo and (args.seed is not None or args.customers is not None):
        parser.error("--customers and --seed go with --demo")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``bnaura`` with ``argv`` (default: the process arguments); return the exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["server"]:
        # FastAPI and uvicorn: loaded only for this command.
        from sync.server.cli import main as server_main

        return server_main(given[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    _check_combinations(parser, args)
    translate = cli_translator()
    con = Console(sys.stdout, sys.stderr, translate)
    try:
        return int(args.handler(args, con))
    except DeskError as err:
        con.note(f"{PROG}: {err.render(translate)}")
    except UnicodeDecodeError as err:
        con.note(f"{PROG}: {err}")
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        con.note(f"{PROG}: {where}{err.strerror or err}")
    except DBAPIError as err:
        # A file with SQLite's header but broken inside, a lock held past
        # the busy timeout: the driver's message, without the SQL.
        con.note(f"{PROG}: the database cannot be used: {err.orig}")
    except (KeyboardInterrupt, EOFError):
        con.note(f"{PROG}: interrupted")
        return 130
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
