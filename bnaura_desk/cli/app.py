"""``bnaura app``: start the desktop app, with the demo clinic and its server if asked.

The one command that loads Qt (``ui``) and the demo's clinic server
(``sync.client.demo``), each imported here when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ..domain.errors import QT_TRANSLATE_NOOP
from ..store.engine import WriterLock
from .common import PROG, CommandFailed, db_path, is_new, not_set_up
from .console import Console
from .demo_init import demo_customers, demo_needed, init_demo

if TYPE_CHECKING:
    from sync.client.demo import DemoServer

DEMO_PORT_VARIABLE = "BNAURA_DEMO_PORT"  # another port than the demo's 8765 (tests, a second demo)


def cmd_app(args: argparse.Namespace, con: Console) -> int:
    """``bnaura app``: start the desktop app on the database; return its exit code.

    With ``--demo`` a database still without staff becomes the demo clinic,
    and (unless ``--no-server``) the demo's clinic server runs beside the
    app and stops with it. A database that another program holds is
    refused before anything is made or started.

    Raises:
        DatabaseProblem: not set up (without ``--demo`` or ``--join``), or in use.
        CommandFailed: Qt or the demo server cannot start.
    """
    path = db_path(args)
    if args.demo:
        refuse_if_in_use(path)
        if demo_needed(path):
            init_demo(path, customers=demo_customers(args), seed=None, device=args.device, con=con)
    elif is_new(path) and not args.join:
        raise not_set_up(path)
    ui_app = _load_ui()
    server = _start_demo_server(path, con) if args.demo and not args.no_server else None
    try:
        return int(ui_app.main(path.resolve(), [sys.argv[0] if sys.argv else PROG]))
    finally:
        if server is not None:
            server.stop()


def refuse_if_in_use(path: Path) -> None:
    """Raise ``DatabaseProblem`` (naming the holder's pid) if another program writes to ``path``.

    Takes the writer lock for a moment and gives it back: the check the
    app's own open would make, done before the demo starts anything of its
    own. A missing file is in nobody's use.
    """
    if not path.exists():
        return
    lock = WriterLock(path.resolve())
    lock.acquire()
    lock.release()


def _load_ui() -> ModuleType:
    try:
        from ui import app as ui_app  # Qt: only this command loads it
    except ImportError as err:
        raise CommandFailed(
            QT_TRANSLATE_NOOP("errors", "The desktop app cannot start: {error}"), error=str(err)
        ) from err
    return ui_app


def _start_demo_server(path: Path, con: Console) -> DemoServer:
    from sync.client.demo import DEMO_PORT, start_demo_server  # the demo's own clinic server

    port = int(os.environ.get(DEMO_PORT_VARIABLE, str(DEMO_PORT)))
    try:
        server = start_demo_server(path.resolve(), port=port)
    except RuntimeError as err:  # it did not answer; its log says why
        raise CommandFailed(
            QT_TRANSLATE_NOOP("errors", "The desktop app cannot start: {error}"), error=str(err)
        ) from err
    pid = f" (pid {server.process.pid})" if server.process is not None else ""
    con.say(f"demo clinic server: {server.url}{pid}; stop it to watch the app keep working offline")
    return server
