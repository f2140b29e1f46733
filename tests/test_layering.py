"""Dependencies point one way.

``bnaura_desk`` never imports Qt (or qasync), and imports ``ui`` or ``sync``
only in its composition root (the ``bnaura`` command, which builds the app
or the server and hands them the terminal). No test here skips: each one
checks something that exists.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "bnaura_desk"
FORBIDDEN = ("PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6")

# The one place of bnaura_desk that may import ui and sync: this module, or
# this package and its submodules.
COMPOSITION_ROOT = "bnaura_desk.cli"
OUTER_LAYERS = ("ui", "sync")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def test_no_module_of_the_core_imports_qt() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    offenders = [
        f"{path.relative_to(REPO)}:{line} imports {name}"
        for path in files
        for line, name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_ast_walk_would_see_a_qt_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def f():\n    from PySide6.QtCore import QObject\nimport qasync\nimportlib.import_module('PySide6.QtGui')\n"
    )
    assert sorted(name for _, name in _imports(probe)) == ["PySide6.QtCore", "PySide6.QtGui", "qasync"]


def _loaded_after(modules: list[str]) -> list[str]:
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{FORBIDDEN!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_services_loads_no_qt() -> None:
    modules = ["bnaura_desk.terminal", "bnaura_desk.services.customers", "bnaura_desk.services.staff"]
    modules += sorted(
        f"bnaura_desk.services.{p.stem}" for p in (PACKAGE / "services").glob("*.py") if p.stem != "__init__"
    )
    assert _loaded_after(modules) == []


def test_importing_the_cli_loads_no_qt() -> None:
    assert _loaded_after(["bnaura_desk.cli", "bnaura_desk.services.customers"]) == []


def test_the_subprocess_probe_would_see_qt() -> None:
    assert "PySide6" in _loaded_after(["PySide6.QtCore"])


def _module_name(path: Path, top: Path) -> str:
    parts = path.relative_to(top).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _in_composition_root(module: str) -> bool:
    return module == COMPOSITION_ROOT or module.startswith(COMPOSITION_ROOT + ".")


def _outer_imports(package: Path) -> dict[str, list[str]]:
    """``{module: ["line imports name", ...]}`` of every module of ``package`` importing ui or sync."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        names = [f"{line} imports {name}" for line, name in _imports(path) if name.split(".")[0] in OUTER_LAYERS]
        if names:
            found[_module_name(path, package.parent)] = names
    return found


def test_only_the_composition_root_imports_ui_or_sync() -> None:
    found = _outer_imports(PACKAGE)
    assert {m: names for m, names in found.items() if not _in_composition_root(m)} == {}
    # The root named above is where ui and sync are wired in (a renamed or
    # moved root fails here instead of excusing nothing).
    wired = {name.split()[-1].split(".")[0] for m, names in found.items() if _in_composition_root(m) for name in names}
    assert wired == set(OUTER_LAYERS)


def test_the_layer_check_would_see_a_service_importing_sync(tmp_path: Path) -> None:
    package = tmp_path / "bnaura_desk"
    (package / "services").mkdir(parents=True)
    (package / "cli").mkdir()
    (package / "services" / "probe.py").write_text("def f():\n    from sync.client.http import SyncClient\n")
    (package / "cli" / "app.py").write_text("from ui import app\nimport sync.client.cli\n")
    (package / "cli" / "__init__.py").write_text("from sync.server.cli import main\n")
    (package / "cli_helpers.py").write_text("import ui.app\n")  # a name that only starts like the root
    found = _outer_imports(package)
    assert {m for m in found if not _in_composition_root(m)} == {"bnaura_desk.services.probe", "bnaura_desk.cli_helpers"}
    assert {m for m in found if _in_composition_root(m)} == {"bnaura_desk.cli", "bnaura_desk.cli.app"}


def _loaded_modules_after(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_declarations_and_the_servers_checks_load_without_qt_or_the_terminals_store() -> None:
    # The server judges pushed operations by the declarations; it must be
    # able to load them (and its checks) with no Qt and no terminal schema.
    loaded = _loaded_modules_after(["bnaura_desk.domain.synced", "sync.server.checks"])
    assert "bnaura_desk.domain.synced" in loaded and "sync.server.checks" in loaded
    unwanted = sorted(
        m for m in loaded
        if m.split(".")[0] in FORBIDDEN or m.split(".")[0] == "ui" or m.startswith(("bnaura_desk.store", "bnaura_desk.services"))
    )
    assert unwanted == []
