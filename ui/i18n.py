"""Translations: ``.ts`` sources, compiled ``.qm`` files, the run-time language switch.

The ``.ts`` sources live in ``resources/i18n`` (``bnaura_th.ts``,
``bnaura_en.ts``) and are committed; the compiled ``.qm`` files are not
(``.gitignore``) and are built by the install step or, as a fallback, by the
app at start (``ensure_compiled``). Commands::

    python -m ui.i18n build          compile every .ts whose .qm is missing or older
    python -m ui.i18n update         re-extract strings from ui/ and bnaura_desk/
                                     (keeps translations), fill English with the
                                     source text, then build
    python -m ui.i18n fill FILE.json add Thai translations from a JSON table
                                     ({context: {source: thai}} or a list of
                                     {context, source, translation})
    python -m ui.i18n check          list Thai messages still untranslated (exit 1)

``pyside6-lupdate`` reads Python only from files named on its command line
(a directory given to it is scanned for C++/QML only), so ``update`` lists
every ``.py`` file itself. It recognises ``self.tr``,
``QCoreApplication.translate`` and ``QT_TRANSLATE_NOOP`` by name, including
the Qt-free local ``QT_TRANSLATE_NOOP`` of ``bnaura_desk.domain.errors``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
LANGUAGE_NAMES = {"th": "ไทย", "en": "English"}  # each in its own language, never translated
SETTINGS_ORGANIZATION = "BN-Aura"
SETTINGS_APPLICATION = "Desk"
LANGUAGE_KEY = "ui/language"
SOURCE_PACKAGES = ("ui", "bnaura_desk", "sync")

# Qt's own button texts (QMessageBox, QDialogButtonBox). PySide6 ships no
# Thai qtbase translation, so the few the app shows are translated here.
QT_STANDARD_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
)


def resources_dir() -> Path:
    """Return the ``resources`` folder (the source tree, or a PyInstaller bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return ROOT / "resources"


I18N_DIR = resources_dir() / "i18n"


def ts_path(lang: str, i18n_dir: Path | None = None) -> Path:
    """Return the translation source of ``lang``."""
    return (i18n_dir or I18N_DIR) / f"bnaura_{lang}.ts"


def qm_path(lang: str, i18n_dir: Path | None = None) -> Path:
    """Return the compiled translation of ``lang``."""
    return (i18n_dir or I18N_DIR) / f"bnaura_{lang}.qm"


def find_tool(name: str) -> Path:
    """Return Qt's ``lrelease`` or ``lupdate`` from this environment's PySide6.

    Looks next to ``sys.executable`` (the venv's ``pyside6-<name>`` script),
    then in the PySide6 package, then on ``PATH``.

    Raises:
        FileNotFoundError: no such tool anywhere.
    """
    suffix = ".exe" if os.name == "nt" else ""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}{suffix}"]
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        candidates += [package / f"{name}{suffix}", package / "Qt" / "libexec" / f"{name}{suffix}"]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return Path(found)
    raise FileNotFoundError(f"Qt {name} not found (looked in {', '.join(map(str, candidates))} and PATH)")


def ensure_compiled(i18n_dir: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile every ``.ts`` whose ``.qm`` is missing or older than it.

    Args:
        i18n_dir: the folder with the ``.ts`` files (default ``resources/i18n``).
        force: compile even when the ``.qm`` looks up to date.

    Return:
        The ``.qm`` files written (empty when all were up to date).

    Raises:
        FileNotFoundError: lrelease is needed but missing.
        subprocess.CalledProcessError: lrelease failed.
    """
    folder = i18n_dir or I18N_DIR
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [str(find_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        written.append(qm)
    return written


# ---------------------------------------------------------------- .ts upkeep


def source_files(root: Path = ROOT) -> list[Path]:
    """Return the Python files whose strings go into the ``.ts`` files."""
    files: list[Path] = []
    for package in SOURCE_PACKAGES:
        files += [p for p in sorted((root / package).rglob("*.py")) if "__pycache__" not in p.parts]
    return files


def run_lupdate(ts_files: Iterable[Path], root: Path = ROOT) -> None:
    """Extract the strings of ``ui/``, ``bnaura_desk/`` and ``sync/`` into ``ts_files``.

    Existing translations are kept; messages no longer in the code are
    marked vanished by lupdate (and dropped by ``-no-obsolete``).
    """
    args = [str(find_tool("lupdate")), "-silent", "-locations", "none", "-no-obsolete"]
    args += [str(p.relative_to(root)) for p in source_files(root)]
    args += ["-ts", *map(str, ts_files)]
    subprocess.run(args, check=True, cwd=root)


Translations = Mapping[tuple[str, str], str]


def _messages(tree: ET.ElementTree[ET.Element]) -> Iterable[tuple[str, ET.Element]]:
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def fill_ts(ts: Path, translations: Translations | None = None, *, identity: bool = False, force: bool = False) -> int:
    """Fill untranslated messages of ``ts`` and mark them finished.

    Args:
        ts: the ``.ts`` file, rewritten in place.
        translations: ``(context, source) -> translation``.
        identity: use the source text itself (the English file).
        force: also replace translations that are already finished.

    Return:
        How many messages were filled.
    """
    tree = ET.parse(ts)
    filled = 0
    for context, message in _messages(tree):
        element = message.find("translation")
        if element is None:
            element = ET.SubElement(message, "translation")
        if element.get("type") in ("vanished", "obsolete"):
            continue
        unfinished = element.get("type") == "unfinished" or not (element.text or "")
        if not (unfinished or force):
            continue
        source = message.findtext("source") or ""
        text = source if identity else (translations or {}).get((context, source))
        if text is None:
            continue
        element.text = text
        element.attrib.pop("type", None)
        filled += 1
    if filled:
        _write_ts(tree, ts)
    return filled


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("'", "&apos;")
    )


def _serialise(element: ET.Element, depth: int, out: list[str]) -> None:
    # The layout lupdate writes, so lupdate and fill_ts do not reformat each other's files.
    pad = "    " * depth
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in element.attrib.items())
    children = list(element)
    if element.tag == "location" and not children:
        out.append(f"{pad}<{element.tag}{attrs}/>")
    elif children:
        out.append(f"{pad}<{element.tag}{attrs}>")
        for child in children:
            _serialise(child, depth + (0 if element.tag == "TS" else 1), out)
        out.append(f"{pad}</{element.tag}>")
    else:
        out.append(f"{pad}<{element.tag}{attrs}>{_escape(element.text or '')}</{element.tag}>")


def _write_ts(tree: ET.ElementTree[ET.Element], ts: Path) -> None:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    _serialise(tree.getroot(), 0, lines)
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """Return ``(context, source)`` of every message of ``ts`` still untranslated."""
    out = []
    for context, message in _messages(ET.parse(ts)):
        element = message.find("translation")
        kind = element.get("type") if element is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        if kind == "unfinished" or element is None or not (element.text or ""):
            out.append((context, message.findtext("source") or ""))
    return out


def load_json_translations(path: Path) -> dict[tuple[str, str], str]:
    """Read translations from a JSON file.

    Either ``{context: {source: translation}}`` or a list of
    ``{"context": ..., "source": ..., "translation": ...}`` (the screens'
    ``resources/i18n/th_screens.json``).
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, list):
        return {(e["context"], e["source"]): e["translation"] for e in data}
    return {(ctx, src): text for ctx, messages in data.items() for src, text in messages.items()}


def update(i18n_dir: Path | None = None) -> None:
    """Re-extract strings into both ``.ts`` files and fill English; then build."""
    folder = i18n_dir or I18N_DIR
    folder.mkdir(parents=True, exist_ok=True)
    run_lupdate([ts_path(lang, folder) for lang in LANGUAGES])
    fill_ts(ts_path("en", folder), identity=True)
    ensure_compiled(folder, force=True)


# ---------------------------------------------------------------- run time


def current_language() -> str:
    """Return the language the UI is shown in (``th`` or ``en``)."""
    return "th" if QLocale().language() == QLocale.Language.Thai else "en"


def translate(context: str, text: str) -> str:
    """Translate ``text`` of ``context`` (for strings marked with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(context, text)


def desk_settings() -> QSettings:
    """Return the app's settings store (organisation "BN-Aura", application "Desk")."""
    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


class LanguageSwitcher(QObject):
    """Installs the translator of the chosen language and remembers the choice.

    Installing a translator sends ``QEvent.LanguageChange`` to every widget,
    which retranslates itself in ``changeEvent``.

    Args:
        i18n_dir: where the ``.qm`` files are (default ``resources/i18n``).
        settings: where the choice is saved (default ``desk_settings()``).
    """

    language_changed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        i18n_dir: Path | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._dir = i18n_dir or I18N_DIR
        self._settings = settings if settings is not None else desk_settings()
        self._translator: QTranslator | None = None
        self.language = ""

    def saved_language(self) -> str:
        """Return the saved choice, or Thai when nothing (valid) was saved."""
        value = str(self._settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, lang: str, *, save: bool = True) -> bool:
        """Show the UI in ``lang`` from now on.

        Return:
            Whether the translation was loaded (without it the UI shows the
            English source texts).
        """
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        app = QCoreApplication.instance()
        translator = QTranslator(self)
        loaded = translator.load(str(qm_path(lang, self._dir)))
        if not loaded:
            print(f"bnaura: no compiled translation at {qm_path(lang, self._dir)}", file=sys.stderr)
        QLocale.setDefault(QLocale("th_TH" if lang == "th" else "en_GB"))
        old, self._translator = self._translator, translator if loaded else None
        if app is not None:
            if old is not None:
                app.removeTranslator(old)
            if self._translator is not None:
                app.installTranslator(self._translator)
        if old is not None:
            old.deleteLater()
        self.language = lang
        if save:
            self._settings.setValue(LANGUAGE_KEY, lang)
            self._settings.sync()
        self.language_changed.emit(lang)
        return loaded

    def uninstall(self) -> None:
        """Remove the installed translator (tests; the app keeps it until exit)."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        self._translator = None


# ---------------------------------------------------------------- command line


def _cli(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "build":
        for qm in ensure_compiled():
            print(f"compiled {qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm}")
        return 0
    if command == "update":
        update()
        left = unfinished(ts_path("th"))
        print(f"updated {ts_path('th').name}, {ts_path('en').name}; {len(left)} Thai messages untranslated")
        return 0
    if command == "fill" and len(argv) == 2:
        n = fill_ts(ts_path("th"), load_json_translations(Path(argv[1])))
        ensure_compiled()
        print(f"filled {n} Thai messages")
        return 0
    if command == "check":
        left = unfinished(ts_path("th"))
        for context, source in left:
            print(f"{context}: {source}")
        return 1 if left else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_cli(sys.argv[1:]))
