"""The main window: sign-in page over the work page (navigation and screens).

Screens plug in with ``MainWindow.add_screen(key, title_source, factory)``;
a screen is built the first time it is shown, so start-up builds none of
them. "Switch user" (toolbar, Ctrl+L) puts the sign-in page in front; the
work page with every screen as the last user left it stays underneath, so
the next sign-in is one PIN and an instant switch back.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

# Typed -> str (PySide6's returns object); pyside6-lupdate finds the texts by the name.
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.roles import Permission, may
from bnaura_desk.services.branches import Whereabouts, whereabouts
from bnaura_desk.services.context import Actor

from .bus import ChangeBus
from .i18n import LANGUAGE_NAMES, LANGUAGES, LanguageSwitcher, current_language
from .images import fetch_through
from .login import LoginScreen
from .runner import DeskRunner
from .status import DeskStatusBar
from .sync_driver import SyncDriver

Factory = Callable[[], QWidget]

NAV_CONTEXT = "Navigation"
CUSTOMERS_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Customers")
CATALOG_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Catalog")
EXCEPTIONS_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Exceptions")
REDEMPTION_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Rewards & coupons")
COUNTER_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "POS")
APPOINTMENTS_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Appointments")
JOURNEYS_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Journeys")
TASKS_TITLE: str = QT_TRANSLATE_NOOP("Navigation", "Task queue")
# Who sees the journeys kanban: those who may move a journey somewhere.
JOURNEY_PERMISSIONS = (Permission.JOURNEY_MOVE, Permission.JOURNEY_TREAT, Permission.JOURNEY_REOPEN)
# Who sees the task queue: those who work tasks (``services.tasks``: sales, beauticians, managers).
TASK_PERMISSIONS = (Permission.JOURNEY_TREAT, Permission.JOURNEY_MOVE)


@dataclass
class _Screen:
    key: str
    title_source: str
    factory: Factory
    item: QListWidgetItem
    widget: QWidget | None = None
    permissions: tuple[Permission, ...] = ()  # shown to roles holding any of these (empty: everyone)


class PlaceholderScreen(QWidget):
    """Stands in for a screen that is not built yet (or failed to open)."""

    def __init__(self, title_source: str, *, failed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_source = title_source
        self._failed = failed
        self.label = QLabel(self)
        self.label.setObjectName("placeholderText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self._retranslate()

    def _retranslate(self) -> None:
        title = QCoreApplication.translate(NAV_CONTEXT, self._title_source)
        text = (
            self.tr("The {screen} screen could not open. Please tell the clinic's IT support.")
            if self._failed
            else self.tr("The {screen} screen is coming soon.")
        )
        self.label.setText(text.format(screen=title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """The app shell.

    Args:
        runner: the database worker (its ``actor`` is set on sign-in).
        bus: the change bus every screen listens to.
        languages: switches the UI language (Language menu).

    Signals:
        user_changed(Actor | None): someone signed in, or the sign-in page
            was shown (``None``).
    """

    user_changed = Signal(object)

    def __init__(
        self, runner: DeskRunner, bus: ChangeBus, languages: LanguageSwitcher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.runner = runner
        self.bus = bus
        self.languages = languages
        self._screens: dict[str, _Screen] = {}
        self._clinic = ("", "")
        self.bus.changed.connect(self._on_changes)
        self._navigating = False  # show_screen moves the navigation itself

        self.login = LoginScreen(runner, bus)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.screens = QStackedWidget()
        self.work = QWidget()
        work_layout = QHBoxLayout(self.work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(self.navigation)
        work_layout.addWidget(self.screens, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.login)
        self.pages.addWidget(self.work)
        self.setCentralWidget(self.pages)

        self.status = DeskStatusBar(self)
        self.setStatusBar(self.status)

        self.switch_user_action = QAction(self)
        self.switch_user_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_user_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.switch_user_action.triggered.connect(self.switch_user)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.switch_user_action)
        self.addToolBar(self.toolbar)

        self.sync_now_action = QAction(self)
        self.sync_now_action.setShortcut(QKeySequence("F5"))
        self.connect_action = QAction(self)
        self.connect_action.triggered.connect(self.connect_to_server)
        self.connect_action.setEnabled(False)
        # Shown to staff managers once the chain has more than one branch.
        self.staff_branches_action = QAction(self)
        self.staff_branches_action.triggered.connect(self.edit_staff_branches)
        self.staff_branches_action.setVisible(False)
        self._branch_count = 1
        # Everyone signed in may look; saving asks a manager's PIN of those without loyalty.manage.
        self.loyalty_program_action = QAction(self)
        self.loyalty_program_action.triggered.connect(self.edit_loyalty_program)
        self.loyalty_program_action.setEnabled(False)
        # Shown to managers and owners (the journeys' reopen permission): the tasks journeys make.
        self.automation_rules_action = QAction(self)
        self.automation_rules_action.triggered.connect(self.edit_automation_rules)
        self.automation_rules_action.setVisible(False)
        # Shown to managers and owners (the catalog's permission): the text customers sign before a treatment.
        self.consent_text_action = QAction(self)
        self.consent_text_action.triggered.connect(self.edit_consent_text)
        self.consent_text_action.setVisible(False)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.switch_user_action)
        self.file_menu.addAction(self.sync_now_action)
        self.file_menu.addAction(self.connect_action)
        self.file_menu.addAction(self.staff_branches_action)
        self.file_menu.addAction(self.loyalty_program_action)
        self.file_menu.addAction(self.automation_rules_action)
        self.file_menu.addAction(self.consent_text_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], self, checkable=True)
            action.triggered.connect(lambda _=False, lang=lang: self.set_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.navigation.currentItemChanged.connect(self._navigated)
        self.login.signed_in.connect(self._signed_in)
        languages.language_changed.connect(self._check_language_action)
        self._check_language_action(current_language())
        self._show_login()
        self.resize(1280, 800)
        self._retranslate()

    # ------------------------------------------------------------ screens

    def add_screen(
        self, key: str, title_source: str, factory: Factory, permissions: tuple[Permission, ...] = ()
    ) -> None:
        """Register a screen in the navigation.

        Args:
            key: a stable name (``"customers"``).
            title_source: the English title marked with
                ``QT_TRANSLATE_NOOP("Navigation", ...)``; shown translated,
                and retranslated when the language changes.
            factory: builds the screen the first time it is shown, e.g.
                ``lambda: CustomerScreen(runner, bus)``.
            permissions: the navigation shows the screen only to roles
                holding one of these (empty: to everyone).
        """
        if key in self._screens:
            raise ValueError(f"screen {key!r} is already registered")
        item = QListWidgetItem(QCoreApplication.translate(NAV_CONTEXT, title_source))
        item.setData(Qt.ItemDataRole.UserRole, key)
        self._screens[key] = _Screen(key, title_source, factory, item, permissions=tuple(permissions))
        self._navigating = True
        try:
            current = self.navigation.currentItem()
            self.navigation.addItem(item)
            self.navigation.setCurrentItem(current)  # adding must not open a screen
        finally:
            self._navigating = False

    def screen_keys(self) -> list[str]:
        return list(self._screens)

    def screen_page(self, key: str) -> QWidget | None:
        """Return the screen ``key`` if it has been built.

        Not named ``screen``: that would hide ``QWidget.screen()`` (the
        monitor the window is on), which Qt code and dialogs rely on.
        """
        return self._screens[key].widget

    def nav_titles(self) -> list[str]:
        """Return the navigation titles as shown."""
        return [self.navigation.item(i).text() for i in range(self.navigation.count())]

    @property
    def current_key(self) -> str | None:
        """The key of the screen in front (``None`` before any was shown)."""
        widget = self.screens.currentWidget()
        for entry in self._screens.values():
            if entry.widget is not None and entry.widget is widget:
                return entry.key
        return None

    def show_screen(self, key: str) -> QWidget:
        """Bring screen ``key`` to the front (building it the first time)."""
        entry = self._screens[key]
        if entry.widget is None:
            try:
                entry.widget = entry.factory()
            except Exception:  # noqa: BLE001 - a broken screen must not take the till down
                traceback.print_exc()
                entry.widget = PlaceholderScreen(entry.title_source, failed=True)
            entry.widget.setObjectName(entry.widget.objectName() or f"screen_{key}")
            self.screens.addWidget(entry.widget)
        self._navigating = True
        try:
            self.navigation.setCurrentItem(entry.item)
            entry.item.setSelected(True)
        finally:
            self._navigating = False
        self.screens.setCurrentWidget(entry.widget)
        return entry.widget

    def _navigated(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and not self._navigating:
            self.show_screen(current.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------ users

    @property
    def actor(self) -> Actor | None:
        return self.runner.actor

    @property
    def signing_in(self) -> bool:
        """Whether the sign-in page is in front."""
        return self.pages.currentWidget() is self.login

    def switch_user(self) -> None:
        """Show the sign-in page; the work page stays as it is underneath."""
        self._show_login()
        self.user_changed.emit(None)

    def _show_login(self) -> None:
        self.runner.actor = None
        self.status.set_user(None)
        self.login.reset()
        self.pages.setCurrentWidget(self.login)
        self.toolbar.hide()
        self.switch_user_action.setEnabled(False)
        self.connect_action.setEnabled(False)
        self.loyalty_program_action.setEnabled(False)
        self.automation_rules_action.setVisible(False)
        self.consent_text_action.setVisible(False)
        self._show_staff_branches_action()
        self.login.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _signed_in(self, actor: Actor) -> None:
        self.runner.actor = actor
        self.status.set_user(actor)
        self.pages.setCurrentWidget(self.work)
        self.toolbar.show()
        self.switch_user_action.setEnabled(True)
        self.connect_action.setEnabled(may(actor.role, Permission.SYNC_MANAGE))
        self.loyalty_program_action.setEnabled(True)
        self.automation_rules_action.setVisible(may(actor.role, Permission.JOURNEY_REOPEN))
        self.consent_text_action.setVisible(may(actor.role, Permission.CATALOG_MANAGE))
        self._show_staff_branches_action()
        for entry in self._screens.values():
            if entry.permissions:
                entry.item.setHidden(not any(may(actor.role, p) for p in entry.permissions))
        shown = self.navigation.currentItem()
        if shown is not None and shown.isHidden():  # the last user's screen is not this user's
            self.show_screen(next(e.key for e in self._screens.values() if not e.item.isHidden()))
        if self.screens.count() == 0 and self._screens:
            self.show_screen(next(iter(self._screens)))  # the first sign-in opens the first screen
        current = self.screens.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)
        self.user_changed.emit(actor)

    # ------------------------------------------------------------ sync

    def attach_sync(self, driver: SyncDriver) -> None:
        """Show ``driver``'s state in the status bar; wire "Sync now" and "Connect to clinic server".

        Screens then fetch images not on this PC through ``driver``
        (``runner.fetch_image``, see ``ui.images.thumbnails_for``).
        """
        self.sync_driver = driver
        self.runner.fetch_image = fetch_through(driver)
        driver.view_changed.connect(self.status.sync.show_view)
        driver.progress.connect(self.status.sync.show_progress)
        self.status.sync.sync_requested.connect(driver.sync_now)
        # F5 asks through the indicator too, so it gets the same answer as the button.
        self.sync_now_action.triggered.connect(self.status.sync.request_sync)

    def connect_to_server(self) -> QDialog | None:
        """Open the enroll dialog (managers and owners); sync starts once it succeeds."""
        actor = self.actor
        if actor is None or not may(actor.role, Permission.SYNC_MANAGE):
            return None
        from .enroll import EnrollDialog  # rarely used: not loaded at start-up

        dialog = EnrollDialog(runner=self.runner, parent=self)
        dialog.enrolled.connect(lambda _answer: self.sync_driver.sync_now())
        dialog.open()
        return dialog

    # ------------------------------------------------------------ clinic, language

    def set_clinic(self, name_th: str, name_en: str = "", chain: str = "") -> None:
        """Show the branch's name in the title, the sign-in page and, after its chain's, the status bar."""
        self._clinic = (name_th, name_en)
        self.status.set_clinic(name_th, name_en, chain)
        self.login.set_clinic(name_th, name_en)
        self._retranslate()

    def show_whereabouts(self, place: Whereabouts) -> None:
        """Show the chain and branch ``place`` names (``services.branches.whereabouts``)."""
        self._branch_count = place.branch_count
        self.set_clinic(place.branch_name_th, place.branch_name_en, place.chain_name)
        self._show_staff_branches_action()

    def _show_staff_branches_action(self) -> None:
        actor = self.actor
        self.staff_branches_action.setVisible(
            self._branch_count > 1 and actor is not None and may(actor.role, Permission.STAFF_MANAGE)
        )

    def edit_staff_branches(self) -> QDialog | None:
        """Open the dialog of where staff may sign in (staff managers of a chain of several branches)."""
        if not self.staff_branches_action.isVisible():
            return None
        from .staff_branches import StaffBranchesDialog  # rarely used: not loaded at start-up

        dialog = StaffBranchesDialog(self.runner, parent=self)
        dialog.open()
        return dialog

    def edit_loyalty_program(self) -> QDialog | None:
        """Open the loyalty program dialog (anyone signed in; saving needs a manager or a manager's PIN)."""
        if self.actor is None:
            return None
        from .loyalty_admin.dialog import LoyaltyProgramDialog  # rarely used: not loaded at start-up

        dialog = LoyaltyProgramDialog(self.runner, self.bus, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_automation_rules(self) -> QDialog | None:
        """Open the automation rule editor (managers and owners)."""
        actor = self.actor
        if actor is None or not may(actor.role, Permission.JOURNEY_REOPEN):
            return None
        from .automation.rules_dialog import RulesDialog  # rarely used: not loaded at start-up

        dialog = RulesDialog(self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_consent_text(self) -> QDialog | None:
        """Open the consent form text editor (managers and owners)."""
        actor = self.actor
        if actor is None or not may(actor.role, Permission.CATALOG_MANAGE):
            return None
        from .consent.text_dialog import ConsentTextDialog  # rarely used: not loaded at start-up

        dialog = ConsentTextDialog(self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_changes(self, changes: ChangeSet, _initiator: object) -> None:
        # A pulled chain or branch profile (a renamed branch, the chain's
        # name from the server): the names shown follow.
        if changes.touches(Kind.CHAIN) or changes.touches(Kind.BRANCH):
            self.runner.read(whereabouts, on_done=self.show_whereabouts, on_error=lambda _error: None)

    def set_language(self, lang: str) -> None:
        """Switch the UI language now and remember it."""
        self.languages.set_language(lang)

    def _check_language_action(self, lang: str) -> None:
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)

    def _retranslate(self) -> None:
        name_th, name_en = self._clinic
        clinic = name_en if current_language() == "en" and name_en else name_th
        title = self.tr("BN-Aura Desk")
        self.setWindowTitle(f"{title} — {clinic}" if clinic else title)
        self.switch_user_action.setText(self.tr("Switch user"))
        self.switch_user_action.setToolTip(self.tr("Switch user (Ctrl+L)"))
        self.quit_action.setText(self.tr("Quit"))
        self.sync_now_action.setText(self.tr("Sync now"))
        self.connect_action.setText(self.tr("Connect to clinic server…"))
        self.staff_branches_action.setText(self.tr("Where staff may sign in…"))
        self.loyalty_program_action.setText(self.tr("Loyalty program…"))
        self.automation_rules_action.setText(self.tr("Automation rules…"))
        self.consent_text_action.setText(self.tr("Consent form text…"))
        self.file_menu.setTitle(self.tr("File"))
        self.language_menu.setTitle(self.tr("Language"))
        for entry in self._screens.values():
            entry.item.setText(QCoreApplication.translate(NAV_CONTEXT, entry.title_source))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _screen_factory(runner: DeskRunner, bus: ChangeBus, module: str, cls: str, title: str) -> Factory:
    """Return a factory importing ``module.cls`` on first use, or a placeholder if absent."""

    def build() -> QWidget:
        import importlib

        try:
            screen_class = getattr(importlib.import_module(module), cls)
        except ModuleNotFoundError as error:
            if not (error.name and module.startswith(error.name)):
                raise  # a missing dependency inside the screen is a real bug
            return PlaceholderScreen(title)
        except AttributeError:
            return PlaceholderScreen(title)
        return screen_class(runner, bus)  # type: ignore[no-any-return]

    return build


def open_redemption(window: MainWindow, customer_id: str) -> None:
    """Bring the redemption screen to the front for the member ``customer_id``."""
    page = window.show_screen("redemption")
    show_customer = getattr(page, "show_customer", None)
    if show_customer is not None:
        show_customer(customer_id)


def open_at_pos(window: MainWindow, journey_id: str) -> None:
    """Bring the POS to the front with the journey's proposal as its cart."""
    page = window.show_screen("counter")
    open_proposal = getattr(page, "open_proposal", None)
    if open_proposal is not None:
        open_proposal(journey_id=journey_id)


def book_for_journey(window: MainWindow, journey_id: str, customer_id: str, customer_name: str) -> None:
    """Bring the day view to the front, booking for the journey."""
    page = window.show_screen("appointments")
    book = getattr(page, "book_for_journey", None)
    if book is not None:
        book(journey_id, customer_id, customer_name)


def open_customer_scans(window: MainWindow, customer_id: str) -> None:
    """Bring the customer screen to the front on ``customer_id``'s Skin scans page."""
    page = window.show_screen("customers")
    open_customer, scans = getattr(page, "open_customer", None), getattr(page, "scans", None)
    if open_customer is not None and scans is not None:
        page.detail.pages.setCurrentWidget(scans)  # type: ignore[attr-defined]
        open_customer(customer_id)


def install_default_screens(window: MainWindow) -> None:
    """Register the screens of this release: the POS (first: the counter's page), customers, redemption,
    appointments, journeys, the task queue, catalog, sync exceptions."""
    runner, bus = window.runner, window.bus
    window.add_screen(
        "counter", COUNTER_TITLE, _screen_factory(runner, bus, "ui.counter.screen", "CounterScreen", COUNTER_TITLE)
    )
    build_customers = _screen_factory(runner, bus, "ui.customers.screen", "CustomerScreen", CUSTOMERS_TITLE)

    def customers() -> QWidget:
        screen = build_customers()
        # "Redemption screen…" on a member's Rewards opens that screen for them.
        requested = getattr(screen, "redemptionRequested", None)
        if requested is not None:
            requested.connect(lambda customer_id: open_redemption(window, customer_id))
        return screen

    window.add_screen("customers", CUSTOMERS_TITLE, customers)
    window.add_screen(
        "redemption",
        REDEMPTION_TITLE,
        _screen_factory(runner, bus, "ui.redemption.screen", "RedemptionScreen", REDEMPTION_TITLE),
    )
    window.add_screen(
        "appointments",
        APPOINTMENTS_TITLE,
        _screen_factory(runner, bus, "ui.appointments.day_view", "DayViewScreen", APPOINTMENTS_TITLE),
    )
    build_journeys = _screen_factory(runner, bus, "ui.journeys.board", "JourneyBoard", JOURNEYS_TITLE)

    def journeys() -> QWidget:
        board = build_journeys()
        # A card's "Open at POS" and "Book treatment…" bring those screens to the front for the journey.
        at_pos = getattr(board, "openAtPos", None)
        if at_pos is not None:
            at_pos.connect(lambda journey_id: open_at_pos(window, journey_id))
        book = getattr(board, "bookTreatment", None)
        if book is not None:
            book.connect(lambda *journey: book_for_journey(window, *journey))
        # "Skin scans…" beside a card's history opens its customer's scans.
        requested = getattr(board, "scansRequested", None)
        if requested is not None:
            requested.connect(lambda customer_id: open_customer_scans(window, customer_id))
        return board

    window.add_screen("journeys", JOURNEYS_TITLE, journeys, permissions=JOURNEY_PERMISSIONS)
    build_tasks = _screen_factory(runner, bus, "ui.tasks.screen", "TaskQueueScreen", TASKS_TITLE)

    def task_queue() -> QWidget:
        screen = build_tasks()
        # "Switch user" on the shared PC's queue: the PIN sign-in page, as Ctrl+L.
        requested = getattr(screen, "switchUserRequested", None)
        if requested is not None:
            requested.connect(window.switch_user)
        return screen

    window.add_screen("tasks", TASKS_TITLE, task_queue, permissions=TASK_PERMISSIONS)
    window.add_screen(
        "catalog", CATALOG_TITLE, _screen_factory(runner, bus, "ui.catalog.screen", "CatalogScreen", CATALOG_TITLE)
    )
    window.add_screen(
        "exceptions",
        EXCEPTIONS_TITLE,
        _screen_factory(runner, bus, "ui.exceptions.screen", "ExceptionsScreen", EXCEPTIONS_TITLE),
    )
