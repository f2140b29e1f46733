"""The suite fails on lint and type errors: ``ruff check`` and ``mypy`` as configured in pyproject.toml.

Both run as the project's own installed tools (the test extra pins them),
from the checkout's root, so they read ``[tool.ruff]`` and ``[tool.mypy]``:
ruff over every Python file of the repository, mypy strict over
``bnaura_desk``, ``sync`` and ``ui``. Their output is the failure message.
The probes check that the configuration really bites (a test that passes
because the checker looked at nothing would be worth nothing).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"


def _start(*args: str, cwd: Path = REPO) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1", "MYPY_FORCE_COLOR": "0"}
    return subprocess.Popen(
        [sys.executable, "-m", *args], cwd=cwd, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )


def _finish(process: subprocess.Popen[str], timeout: float = 600) -> tuple[int, str]:
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
        return -1, f"timed out after {timeout} s\n{out}"
    return process.returncode, out


def test_ruff_and_mypy_find_no_error() -> None:
    # Started together: mypy's first run (no cache, a fresh clone) takes half a minute.
    mypy = _start("mypy")
    ruff = _start("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    ruff_code, ruff_out = _finish(ruff)
    mypy_code, mypy_out = _finish(mypy)
    problems = []
    if ruff_code != 0:
        problems.append(f"ruff check (exit {ruff_code}):\n{ruff_out}")
    if mypy_code != 0:
        problems.append(f"mypy (exit {mypy_code}):\n{mypy_out}")
    assert not problems, "\n\n".join(problems)
    # mypy checked the three packages, not an empty selection.
    checked = mypy_out.strip().splitlines()[-1]
    assert checked.startswith("Success: no issues found in "), mypy_out
    assert int(checked.split()[5]) > 90, mypy_out


def test_ruff_with_the_project_rules_reports_an_unused_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import os\n")
    code, out = _finish(
        _start("ruff", "check", "--no-cache", "--config", str(PYPROJECT), "--output-format", "concise", str(probe))
    )
    assert code == 1 and "F401" in out, out


def test_mypy_with_the_project_settings_is_strict(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def untyped(x):\n    return x\n\n\n"
        "def typed(x: int) -> str:\n    return x\n"
    )
    code, out = _finish(
        _start(
            "mypy", "--config-file", str(PYPROJECT), "--cache-dir", str(tmp_path / "cache"), str(probe),
            cwd=tmp_path,
        )
    )
    assert code == 1, out
    assert "Function is missing a type annotation  [no-untyped-def]" in out, out
    assert 'Incompatible return value type (got "int", expected "str")' in out, out
