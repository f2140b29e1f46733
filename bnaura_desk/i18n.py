"""Message translation for the command line, without Qt.

The app translates through Qt (``QCoreApplication.translate`` over the
compiled ``.qm``). The ``bnaura`` command must not import Qt, so it reads
the Qt Linguist source (``resources/i18n/bnaura_th.ts``, plain XML) itself
and offers the same ``(context, source) -> text`` function that
``DeskError.render`` takes.
"""

from __future__ import annotations

import os
import string
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from .paths import resources_dir

Translate = Callable[[str, str], str]

# POSIX order of precedence for the message language, after our own override.
_LANGUAGE_VARIABLES = ("BNAURA_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def english(context: str, source: str) -> str:
    """The identity translation: English templates are the sources."""
    return source


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """Return ``"th"`` or ``"en"`` from ``BNAURA_LANG`` or the POSIX locale variables."""
    env = os.environ if environ is None else environ
    for name in _LANGUAGE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "th" if value.lower().startswith("th") else "en"
    return "en"


def ts_path(lang: str) -> Path:
    """Return the Qt Linguist source file of ``lang``."""
    return resources_dir() / "i18n" / f"bnaura_{lang}.ts"


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # unbalanced braces
        return {"\0invalid"}


@lru_cache(maxsize=4)
def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """Return the finished translations of a ``.ts`` file by (context, source).

    Left out, as ``lrelease`` leaves them out: unfinished, vanished and
    obsolete entries, plural forms, and empty translations. Also left out: a
    translation whose ``{placeholders}`` differ from its source's, which
    would make ``str.format`` fail or lose a value; English is shown then.
    A missing or unreadable file gives an empty table (English).
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    table: dict[tuple[str, str], str] = {}
    for ctx in root.iter("context"):
        ctx_name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None:
                continue
            if node.get("type") in {"unfinished", "vanished", "obsolete"}:
                continue
            text = node.text or ""
            if not text or _fields(text) != _fields(source):
                continue
            table[(ctx_name, source)] = text
    return table


def cli_translator(lang: str | None = None, *, path: Path | None = None) -> Translate:
    """Return the translation function for command-line messages.

    Args:
        lang: ``"th"`` or ``"en"``; ``None`` reads ``BNAURA_LANG``, then
            ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` (Thai when it starts with
            ``th``).
        path: the ``.ts`` file to read (tests); default from ``resources``.

    Return:
        ``translate(context, source)``: the Thai text when the ``.ts`` file
        has a finished one, else ``source``. English, and Thai without its
        ``.ts`` file, get the identity.
    """
    language = cli_language() if lang is None else lang.lower()[:2]
    if language != "th":
        return english
    table = load_ts(path or ts_path("th"))
    if not table:
        return english

    def translate(context: str, source: str) -> str:
        return table.get((context, source), source)

    return translate
