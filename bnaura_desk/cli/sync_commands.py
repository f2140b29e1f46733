"""``bnaura enroll`` and ``bnaura sync``: this terminal and the clinic server.

The work is ``sync.client.cli``'s; it is imported inside each command, so
httpx loads only for them.
"""

from __future__ import annotations

import argparse

from .common import db_path, require_file
from .console import Console


def cmd_enroll(args: argparse.Namespace, con: Console) -> int:
    """``bnaura enroll URL CODE``: connect this terminal (or a new database) to the clinic server."""
    from sync.client.cli import enroll_command

    return enroll_command(db_path(args), args.url, args.code, args.device, con, ca_file=args.ca_file)


def cmd_sync(args: argparse.Namespace, con: Console) -> int:
    """``bnaura sync [--once]``: push the outbox and pull the clinic's changes; return the exit code."""
    from sync.client.cli import sync_command

    path = db_path(args)
    require_file(path)
    return sync_command(path, con, once=args.once, interval=args.interval)
