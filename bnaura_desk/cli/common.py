"""What several commands share: the ``--db`` path, its checks, the upgrade report."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, DatabaseProblem, DeskError
from ..paths import default_db_path
from ..store.migrate import UpgradeReport
from .console import Console

PROG = "bnaura"


class CommandFailed(DeskError):
    """A command cannot go on; the message says what to do instead."""


def not_set_up(path: Path) -> DatabaseProblem:
    """Return the error for a database that ``bnaura init`` has not made yet."""
    # Same template as Terminal.open's, so it shares its translation.
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "{path} is not set up yet; run: bnaura init --db {path}"),
        path=str(path),
    )


def db_path(args: argparse.Namespace) -> Path:
    """Return the terminal database of ``--db``, else the default one (``$BNAURA_DB``, XDG)."""
    return Path(args.db).expanduser() if args.db else default_db_path()


def require_file(path: Path) -> None:
    """Raise ``DatabaseProblem`` unless a file exists at ``path``.

    A writer open would create a missing file: refusing first means a typo
    in ``--db`` leaves no empty database behind.
    """
    if not path.exists():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "There is no database at {path}"), path=str(path)
        )


def is_new(path: Path) -> bool:
    """Return whether ``path`` has no database yet (missing, or an empty file)."""
    return not path.exists() or path.stat().st_size == 0


def report_upgrade(report: UpgradeReport, path: Path, con: Console) -> None:
    """Say what ``init_database`` did: created, upgraded (and where the backup is), or nothing."""
    if report.backup is not None:
        con.say(f"backup of the previous database: {report.backup}")
    if report.from_revision is None:
        con.say(f"created {path} (schema {report.to_revision})")
    elif report.changed:
        con.say(f"upgraded {path} from schema {report.from_revision} to {report.to_revision}")
    else:
        con.say(f"{path} is already up to date (schema {report.to_revision})")
