"""``bnaura customers export`` and ``import``: customers in and out as CSV that Excel opens."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP
from ..services.context import SYSTEM
from ..services.customer_csv import (
    decode_csv,
    export_customers,
    import_customers,
    parse_customers_csv,
    phone_conflicts,
)
from ..services.customers import clinic_today
from ..terminal import Terminal
from .common import CommandFailed, db_path, require_file
from .console import Console, utf8_stdout


def cmd_export(args: argparse.Namespace, con: Console) -> int:
    """``bnaura customers export``: every live customer to CSV (UTF-8 with BOM); return 0.

    Reads without the writer lock, so it works beside the running app. A
    file is written beside its target and renamed: a failed export never
    leaves half a file where the last good one was.
    """
    path = db_path(args)
    with Terminal.open(path, read_only=True) as terminal:
        if args.file in (None, "-"):
            stream, done = utf8_stdout()
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
    """``bnaura customers import``: register the customers of a CSV file, all or none; return 0.

    Every row is checked first (also against the phones already taken);
    with bad rows nothing is imported unless ``--skip-bad`` is given.

    Raises:
        CommandFailed: bad rows without ``--skip-bad`` (each was reported on ``err``).
    """
    path = db_path(args)
    source = "stdin" if args.file == "-" else args.file
    data = (
        sys.stdin.buffer.read() if args.file == "-" else Path(args.file).expanduser().read_bytes()
    )
    text = decode_csv(data, source)
    require_file(path)
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
            terminal.run(import_customers, good, actor=SYSTEM).result if good else []
        )
    con.say(f"imported {len(ids)} customers")
    if parsed.problems:
        lines = ", ".join(str(n) for n in parsed.bad_lines)
        con.say(f"skipped {len(parsed.bad_lines)} bad rows (lines {lines})")
    return 0
