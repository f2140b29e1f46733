"""The desktop bundle (``pyinstaller build.spec``), built once per test session and started as a clinic would.

``--help``, ``init --demo`` on a new database, the app offscreen for a few
seconds (still running, no traceback), the demo server the bundle starts
of itself, ``server`` answering ``/health`` and reaching PostgreSQL
through the libpq inside the bundle. A bundle that cannot start fails
here, not at the clinic.

The build takes about one and a half minutes on the 2-core machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from bnaura_desk.services.customers import count_customers
from bnaura_desk.services.staff import list_staff
from bnaura_desk.terminal import Terminal
from tests.sync.conftest import free_port

REPO = Path(__file__).resolve().parents[1]
# Messages the app prints on stderr when a resource is missing from the bundle.
MISSING = ("Traceback", "no compiled translation", "cannot load font", "cannot compile")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundle into a temporary folder; return its ``bnaura`` executable."""
    try:
        import PyInstaller  # noqa: F401 - only to say what is missing
    except ImportError:
        pytest.fail("PyInstaller is missing: scripts/bootstrap test installs the test extras")
    out = tmp_path_factory.mktemp("bundle")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), "build.spec"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    exe = out / "dist" / "bnaura-desk" / "bnaura"
    assert exe.is_file() and os.access(exe, os.X_OK)
    return exe


def environ(tmp: Path, **extra: str) -> dict[str, str]:
    """A clinic PC's environment: no project on the path, settings and data in ``tmp``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "BNAURA_DB", "BNAURA_LANG", "LC_ALL", "LC_MESSAGES"}
    }
    env.update(
        HOME=str(tmp),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    return env


def run(exe: Path, *args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # From a folder that is not the checkout, so nothing is imported from the source tree.
    return subprocess.run(
        [str(exe), *map(str, args)],
        cwd=env["HOME"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def answers_health(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def holds_writer_lock(pid: int, db: Path) -> bool:
    lock = str(db.resolve()) + ".lock"
    return any(f.path == lock for f in psutil.Process(pid).open_files())


class Running:
    """A bundle process in the background, its output in files."""

    def __init__(self, exe: Path, *args: str | Path, env: dict[str, str]) -> None:
        home = Path(env["HOME"])
        self.out_path = home / f"out-{time.monotonic_ns()}.txt"
        self.err_path = self.out_path.with_suffix(".err")
        with self.out_path.open("wb") as out, self.err_path.open("wb") as err:
            self.process = subprocess.Popen(
                [str(exe), *map(str, args)], cwd=home, env=env, stdin=subprocess.DEVNULL,
                stdout=out, stderr=err,
            )

    def stdout(self) -> str:
        return self.out_path.read_text(encoding="utf-8")

    def stderr(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture
def background(bundle: Path) -> Iterator[list[Running]]:
    """Processes a test starts; each is stopped at its end."""
    started: list[Running] = []
    yield started
    for proc in started:
        proc.stop()


def wait_until(condition: Callable[[], bool], timeout: float, what: str, proc: Running) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.process.poll() is None, f"ended while waiting for {what}: {proc.stderr()}"
        assert time.monotonic() < deadline, f"waited {timeout:.0f} s for {what}: {proc.stderr()}"
        time.sleep(0.1)


def test_the_bundle_carries_its_resources_and_migrations(bundle: Path) -> None:
    inside = bundle.parent / "_internal"
    for name in ("i18n/bnaura_th.qm", "i18n/bnaura_en.qm", "i18n/bnaura_th.ts",
                 "fonts/Sarabun-Regular.ttf", "fonts/OFL.txt", "styles/desk.qss",
                 "demo/surnames.csv"):
        assert (inside / "resources" / name).is_file(), name
    for folder in ("bnaura_desk/store/migrations", "sync/server/migrations"):
        source = sorted(p.name for p in (REPO / folder / "versions").glob("*.py"))
        shipped = sorted(p.name for p in (inside / folder / "versions").glob("*.py"))
        assert shipped == source and source, folder
        assert (inside / folder / "env.py").is_file()
    assert list((inside / "psycopg_binary").glob("pq*.so"))  # libpq: no PostgreSQL client needed


def test_help(bundle: Path, tmp_path: Path) -> None:
    env = environ(tmp_path)
    for args in ([], ["init"], ["app"], ["server"]):
        result = run(bundle, *args, "--help", env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"usage: bnaura{' server' if args == ['server'] else ''}")
        assert "Traceback" not in result.stderr


@pytest.fixture(scope="session")
def demo_db(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo clinic made by the bundle's ``init --demo``, in Thai."""
    tmp = tmp_path_factory.mktemp("bundle-demo")
    db = tmp / "terminal.sqlite"
    result = run(bundle, "init", "--demo", "--customers", "20", "--seed", "3", "--db", db,
                 env=environ(tmp, BNAURA_LANG="th"))
    assert result.returncode == 0, result.stderr
    assert "not shown again" in result.stdout
    assert "เจ้าของคลินิก" in result.stdout  # the owner's role, translated from the bundled .ts
    return db


def test_init_demo_makes_a_database_this_checkout_opens(demo_db: Path) -> None:
    with Terminal.open(demo_db, read_only=True) as t:  # migrated to this code's head
        assert t.read(count_customers) == 20
        assert len(t.read(list_staff)) == 9


def test_app_starts_offscreen_and_keeps_running(
    bundle: Path, demo_db: Path, tmp_path: Path, background: list[Running]
) -> None:
    app = Running(bundle, "app", "--db", demo_db, env=environ(tmp_path))
    background.append(app)
    wait_until(lambda: holds_writer_lock(app.process.pid, demo_db), 60, "the app to open the db", app)
    time.sleep(3)  # a few seconds of the running app: the sign-in screen, its timers
    assert app.process.poll() is None, app.stderr()
    app.stop()
    for problem in MISSING:
        assert problem not in app.stderr(), app.stderr()


def test_app_demo_starts_its_server_through_the_bundle(
    bundle: Path, tmp_path: Path, background: list[Running]
) -> None:
    port = free_port()
    db = tmp_path / "demo.sqlite"
    app = Running(bundle, "app", "--demo", "--customers", "3", "--db", db,
                  env=environ(tmp_path, BNAURA_DEMO_PORT=str(port)))
    background.append(app)
    pattern = re.compile(rf"demo clinic server: http://127\.0\.0\.1:{port} \(pid (\d+)\)")
    wait_until(lambda: pattern.search(app.stdout()) is not None, 120, "the demo server", app)
    match = pattern.search(app.stdout())
    assert match is not None
    server = psutil.Process(int(match.group(1)))
    try:
        assert server.exe() == str(bundle)  # the bundle's own bnaura, not a Python
        assert answers_health(f"http://127.0.0.1:{port}")
        wait_until(lambda: holds_writer_lock(app.process.pid, db), 60, "the app to open the db", app)
        assert app.process.poll() is None, app.stderr()
    finally:
        app.stop()
        server.kill()  # the app was terminated, not closed, so it could not stop its server
    for problem in MISSING:
        assert problem not in app.stderr(), app.stderr()


def test_server_answers_health(bundle: Path, tmp_path: Path, background: list[Running]) -> None:
    port = free_port()
    server = Running(bundle, "server", "--db", tmp_path / "server.sqlite", "--host", "127.0.0.1",
                     "--port", str(port), env=environ(tmp_path))
    background.append(server)
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: answers_health(url), 60, "/health", server)
    assert httpx.get(f"{url}/health", timeout=5).json()
    server.stop()
    assert "Traceback" not in server.stderr()


def test_server_reaches_postgresql_with_the_bundled_driver(bundle: Path, tmp_path: Path) -> None:
    # A database that does not exist: libpq connects and PostgreSQL answers, nothing is made.
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/bnaura_bundle_probe_missing"
    result = run(bundle, "server", "--db", url, "clinics", "list", env=environ(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "driver" not in result.stderr, result.stderr
    assert re.search(r'database "bnaura_bundle_probe_missing" does not exist|Connection refused',
                     result.stderr), result.stderr
