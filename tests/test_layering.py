"""Dependencies point one way: bnaura_desk never imports Qt (or qasync)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "bnaura_desk"
FORBIDDEN = ("PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6")


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
