"""Questions asked on a terminal: a name, a new PIN (typed twice, never echoed).

The commands call these through the module (``prompts.interactive()``), so
a test can answer them in-process.
"""

from __future__ import annotations

import getpass
import sys

from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.pins import validate_new_pin
from .common import CommandFailed
from .console import Console


def interactive() -> bool:
    """Return whether someone can be asked: standard input is a terminal."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask(prompt: str) -> str:
    """Ask ``prompt`` and return the answer without surrounding spaces."""
    return input(prompt).strip()


def ask_pin(con: Console) -> str:
    """Ask for a new owner PIN twice, up to three tries; return a PIN the rules accept.

    Raises:
        CommandFailed: three tries without a good PIN typed the same twice.
    """
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
