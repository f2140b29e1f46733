"""The demo clinic from the command line: made by ``init --demo`` and ``app --demo``.

The staff PINs are printed once, in a table aligned by display width (Thai
names carry tone marks that take no column).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TextIO

from ..domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem
from ..domain.roles import ROLE_LABELS, Role
from ..services.setup import init_database
from ..terminal import Terminal
from .common import CommandFailed, is_new, report_upgrade
from .console import Console, table

# Below this many demo customers populating is quick enough to need no progress line.
PROGRESS_THRESHOLD = 200
DEMO_CUSTOMERS = 300


def demo_customers(args: argparse.Namespace) -> int:
    """Return how many demo customers ``--customers`` asks for (default ``DEMO_CUSTOMERS``)."""
    return DEMO_CUSTOMERS if args.customers is None else int(args.customers)


def progress_line(err: TextIO) -> Callable[[int, int], None]:
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


def demo_module() -> ModuleType:
    """Return ``bnaura_desk.demo``, loaded only when asked (it builds on every service).

    Raises:
        CommandFailed: the demo cannot be loaded here.
    """
    try:
        from .. import demo
    except ImportError as err:
        raise CommandFailed(
            QT_TRANSLATE_NOOP("errors", "The demo clinic is not available: {error}"), error=str(err)
        ) from err
    return demo


def demo_needed(path: Path) -> bool:
    """Return whether the database at ``path`` still has to be made into the demo clinic."""
    demo = demo_module()
    if is_new(path):
        return True
    try:
        with Terminal.open(path, read_only=True) as terminal:
            return not demo.has_staff(terminal)
    except DatabaseProblem:
        # Older schema or never set up: the demo init upgrades it (after a
        # backup) or reports what is really wrong with the file.
        return True


def init_demo(
    path: Path, *, customers: int, seed: int | None, device: str, con: Console, branches: int = 1
) -> int:
    """Make the database at ``path`` the demo clinic (a chain of ``branches``) and print its staff PINs once.

    A database that already has staff is left as it is (said on ``out``).
    Returns the exit code (0).
    """
    demo = demo_module()
    report = init_database(path)
    report_upgrade(report, path, con)
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
            terminal, customers=customers, seed=seed, progress=progress_line(con.err), branches=branches
        )
    con.say(f"demo clinic: {demo.DEMO_CLINIC_NAME_TH} ({demo.DEMO_CLINIC_NAME_EN})")
    if result.branches > 1:
        con.say(f"a chain of {result.branches} branches; this terminal is the head office")
    con.say(f"{result.customers} customers, {result.items} catalog items")
    con.say("")
    con.say("Demo staff. Write these PINs down; they are not shown again:")
    rows = [["Name", "Role", "PIN"]] + [
        [s.name, con.translate("roles", ROLE_LABELS[Role(s.role)]), s.pin] for s in result.staff
    ]
    for line in table(rows):
        con.say(line)
    return 0
