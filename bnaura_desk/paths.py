"""Where BN-Aura Desk keeps its files when nobody says otherwise.

- The terminal database: ``$BNAURA_DB`` if set, else
  ``$XDG_DATA_HOME/bnaura-desk/terminal.sqlite`` (XDG's default data home is
  ``~/.local/share``).
- Backups: a ``backups`` folder beside the database, one timestamped file
  per copy.
- Resources (translations, fonts, demo data): ``resources/`` beside the
  package in a source checkout, or inside the PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

APP_DIR_NAME = "bnaura-desk"
DB_FILE_NAME = "terminal.sqlite"
BACKUP_DIR_NAME = "backups"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """Return the XDG data home (``$XDG_DATA_HOME`` or ``~/.local/share``).

    The XDG spec says a relative ``$XDG_DATA_HOME`` is invalid and must be
    ignored, so only an absolute one counts.
    """
    env = os.environ if environ is None else environ
    xdg = env.get("XDG_DATA_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg)
    home = env.get("HOME")
    return (Path(home) if home else Path.home()) / ".local" / "share"


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """Return the database the commands use when ``--db`` is not given."""
    env = os.environ if environ is None else environ
    explicit = env.get("BNAURA_DB", "")
    if explicit:
        return Path(explicit).expanduser()
    return data_home(env) / APP_DIR_NAME / DB_FILE_NAME


def backup_dir(db_path: Path) -> Path:
    """Return the folder that holds the backups of ``db_path``."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def timestamped_backup_path(db_path: Path, now: datetime | None = None) -> Path:
    """Return a free ``<db dir>/backups/<stem>-<UTC timestamp>.sqlite`` path.

    Two backups in the same second get ``-2``, ``-3``... rather than one
    overwriting the other (``backup_to`` refuses an existing target).
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    stem = f"{Path(db_path).stem}-{moment.strftime('%Y%m%dT%H%M%SZ')}"
    folder = backup_dir(db_path)
    candidate = folder / f"{stem}.sqlite"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}.sqlite"
        n += 1
    return candidate


def resources_dir() -> Path:
    """Return the ``resources`` folder (source checkout or PyInstaller bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
