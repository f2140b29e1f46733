"""Fixtures for UI tests: the app's font, theme and translations, and the shell.

Settings go to a temporary folder, translations are compiled from a copy of
the ``.ts`` files, so tests never touch the user's settings or the checkout.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from bnaura_desk.domain.roles import Role
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from tests.conftest import PINS, FakeClock, Staffed
from ui.fonts import install_app_font
from ui.i18n import I18N_DIR, LanguageSwitcher, ensure_compiled
from ui.main_window import CATALOG_TITLE, CUSTOMERS_TITLE, MainWindow
from ui.theme import apply_theme

# The offscreen platform cannot resize windows to their size hints and says so
# as a Qt warning whenever a shown window's minimum size changes; that is a
# limit of the test platform, not a fault of the app.
OFFSCREEN_NOTICE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTICE))


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder))


@pytest.fixture(scope="session")
def i18n_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A compiled copy of the translations."""
    folder = tmp_path_factory.mktemp("i18n")
    for ts in I18N_DIR.glob("*.ts"):
        shutil.copy2(ts, folder / ts.name)
    ensure_compiled(folder)
    return folder


@pytest.fixture(scope="session")
def desk_app(qapp: QApplication) -> QApplication:
    """The QApplication with the bundled font and the theme, as the app has it."""
    install_app_font()
    apply_theme(qapp)
    return qapp


@pytest.fixture
def languages(desk_app: QApplication, i18n_dir: Path, tmp_path: Path) -> Iterator[LanguageSwitcher]:
    """The language switcher, in Thai, saving to a temporary settings file."""
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    locale = QLocale()
    switcher = LanguageSwitcher(i18n_dir=i18n_dir, settings=settings)
    switcher.set_language("th", save=False)
    yield switcher
    switcher.uninstall()
    QLocale.setDefault(locale)


LIGHT_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

STAFF_NAMES = {
    Role.OWNER: "คุณเจ้าของ",
    Role.MANAGER: "คุณผู้จัดการ",
    Role.FRONT_DESK: "น้องหน้าร้าน",
    Role.SALES: "น้องเซลส์",
    Role.BEAUTICIAN: "พี่นิด",
}


@pytest.fixture(scope="session")
def _staffed_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Role, Actor]]:
    """One staffed database per session.

    The PINs are hashed with light argon2 parameters: each check of the
    production parameters costs ~0.4 s, and these tests check many PINs.
    The hash carries its parameters, so the services verify it unchanged.
    """
    path = tmp_path_factory.mktemp("template") / "terminal.sqlite"
    terminal = Terminal.create(path, clinic_name="คลินิกทดสอบ", device_name="POS-1", clock=FakeClock())
    actors: dict[Role, Actor] = {}
    with terminal, pytest.MonkeyPatch.context() as patch:
        patch.setattr(staff_service, "_hasher", LIGHT_HASHER)
        for role, name in STAFF_NAMES.items():
            staff_id = terminal.run(staff_service.create_staff, name, role, PINS[role], actor=SYSTEM).result
            actors[role] = Actor(staff_id, name, role)
    return path, actors


@pytest.fixture
def staffed_copy(tmp_path: Path, _staffed_template: tuple[Path, dict[Role, Actor]]) -> Iterator[Staffed]:
    """Like ``staffed`` (same clinic, names, roles and PINs), copied from a template."""
    template, actors = _staffed_template
    for suffix in ("", "-wal"):
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copy2(source, tmp_path / source.name)
    clock = FakeClock()
    terminal = Terminal.open(tmp_path / template.name, clock=clock)
    yield Staffed(
        terminal,
        clock,
        actors[Role.OWNER],
        actors[Role.MANAGER],
        actors[Role.FRONT_DESK],
        actors[Role.SALES],
        actors[Role.BEAUTICIAN],
        {str(k): v for k, v in PINS.items()},
    )
    terminal.close()


@dataclass
class Shell:
    window: MainWindow
    staffed: Staffed
    languages: LanguageSwitcher

    @property
    def runner(self):
        return self.window.runner


@pytest.fixture
def shell(qtbot, staffed_copy: Staffed, languages: LanguageSwitcher) -> Iterator[Shell]:
    """The main window on the staffed terminal, sign-in page shown, tiles loaded.

    Its screens are plain labels, so the shell is tested on its own.
    """
    from ui.app import create_main_window

    staffed = staffed_copy
    window = create_main_window(staffed.terminal, languages, screens=False)
    window.add_screen("customers", CUSTOMERS_TITLE, lambda: QLabel("customers"))
    window.add_screen("catalog", CATALOG_TITLE, lambda: QLabel("catalog"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.login.loaded)
    yield Shell(window, staffed, languages)
    qtbot.waitUntil(lambda: window.runner.pending() == 0)
    window.runner.shutdown()


def sign_in(qtbot, window: MainWindow, staff_id: str, pin: str) -> None:
    """Click the staff member's tile, type the PIN, press Enter; wait for the answer."""
    qtbot.waitUntil(lambda: window.login.loaded and staff_id in {t.card.id for t in window.login.tiles()})
    qtbot.mouseClick(window.login.tile_for(staff_id), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.login.pin, pin)
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.login.busy and window.runner.pending() == 0)
