"""``main``: parse, run the command, and turn what went wrong into one line and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from ..domain.errors import DeskError
from ..i18n import cli_translator
from .common import PROG
from .console import Console
from .parser import build_parser, check_combinations


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``bnaura`` with ``argv`` (default: the process arguments); return the exit code.

    0 done; 1 a problem the user can act on (one translated line on stderr,
    never a traceback); 2 a usage error (argparse exits); 130 interrupted.
    """
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["server"]:
        # FastAPI and uvicorn: loaded only for this command.
        from sync.server.cli import main as server_main

        return server_main(given[1:])
    parser = build_parser()
    args = parser.parse_args(given)
    check_combinations(parser, args)
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
