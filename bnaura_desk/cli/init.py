"""``bnaura init``: create or upgrade the terminal database, with its clinic and first owner."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP
from ..domain.pins import validate_new_pin
from ..domain.roles import Role
from ..services.context import SYSTEM
from ..services.setup import init_database, is_set_up
from ..services.staff import create_staff, list_staff
from ..terminal import Terminal
from . import prompts
from .common import CommandFailed, db_path, is_new, report_upgrade
from .console import Console
from .demo_init import demo_customers, init_demo


def cmd_init(args: argparse.Namespace, con: Console) -> int:
    """``bnaura init``: create or upgrade the database (backed up first); return the exit code."""
    path = db_path(args)
    if args.demo:
        return init_demo(
            path, customers=demo_customers(args), seed=args.seed, device=args.device, con=con,
            branches=args.branches or 1,
        )
    return _init_plain(args, path, con)


def _clinic_name(args: argparse.Namespace) -> str:
    if args.clinic:
        return str(args.clinic).strip()
    if prompts.interactive():
        name = prompts.ask("Clinic name (as printed on receipts): ")
        if name:
            return name
    raise CommandFailed(
        QT_TRANSLATE_NOOP("errors", "Give the clinic's name with --clinic NAME"),
    )


def _owner(args: argparse.Namespace, con: Console) -> tuple[str, str]:
    """Return the first owner's name and PIN, from the options or asked for."""
    name = (args.owner_name or "").strip()
    pin = args.owner_pin
    if not name and prompts.interactive():
        con.note("This database has no staff yet. Who is the owner?")
        name = prompts.ask("Owner's name: ")
    if not name:
        raise CommandFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "A new database needs its first owner: give --owner-name NAME and --owner-pin PIN",
            )
        )
    if pin is None:
        if not prompts.interactive():
            raise CommandFailed(
                QT_TRANSLATE_NOOP("errors", "Give the owner's PIN with --owner-pin PIN")
            )
        pin = prompts.ask_pin(con)
    return name, validate_new_pin(pin)


def _has_staff(terminal: Terminal) -> bool:
    return bool(terminal.read(list_staff, include_inactive=True))


def _init_plain(args: argparse.Namespace, path: Path, con: Console) -> int:
    # For a brand-new file everything is asked and checked before anything
    # is written: a bad PIN leaves no half-made database behind.
    clinic: str | None = None
    owner: tuple[str, str] | None = None
    if is_new(path):
        clinic = _clinic_name(args)
        owner = _owner(args, con)
    report = init_database(path)
    report_upgrade(report, path, con)
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
