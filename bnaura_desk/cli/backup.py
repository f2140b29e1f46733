"""``bnaura backup``: a consistent copy of the database, made while it may be in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP
from ..paths import timestamped_backup_path
from ..store.backup import backup_to
from ..store.engine import open_engine
from ..store.migrate import current_revision
from .common import CommandFailed, db_path, not_set_up
from .console import Console


def cmd_backup(args: argparse.Namespace, con: Console) -> int:
    """``bnaura backup``: copy the database (``VACUUM INTO``) and print the copy's path; return 0.

    Opened read-only (no writer lock, so it works beside the running app)
    and without the schema check of ``Terminal.open``: a database of any
    revision, even one from a newer app, can be backed up.

    Raises:
        DatabaseProblem: not set up (or not a BN-Aura database).
        CommandFailed: the target exists (a backup never overwrites).
    """
    path = db_path(args)
    db = open_engine(path, read_only=True)
    try:
        if current_revision(db.engine) is None:
            raise not_set_up(path)
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
