"""The customer screen: search as you type, the selected customer, register/edit, check-in.

Keyboard-first for the counter: type in the search box, Up/Down move in
the list, Enter opens the highlighted customer (focus on Check in, so a
second Enter checks them in), Ctrl+N registers a new customer, Escape
clears the search. A referral code typed (or scanned from a member QR by a
barcode scanner, which types it and presses Enter, also with the keyboard
set to Thai) opens its member on Enter, whatever the list shows then.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.customer import AlreadyCheckedIn
from bnaura_desk.domain.errors import NotFound
from bnaura_desk.domain.referral import typed_code
from bnaura_desk.domain.search import phone_query
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.customers import CustomerDetails, CustomerHit

from ..bus import ChangeBus
from ..loyalty.panel import LoyaltyPanel
from ..override import run_with_override
from ..redemption.rewards import LoyaltyRewardsSection
from ..runner import DeskRunner
from ..scans.screen import ScanPage
from ..widgets.dates import format_time
from .callbacks import while_alive
from .courses import CoursesPage
from .detail import CustomerDetailPanel
from .form import CustomerFormDialog
from .model import CustomerIdRole, CustomerListModel, NameDelegate
from .purchases import PurchasesPanel

if TYPE_CHECKING:  # the UI never opens sessions; it only names the type
    from sqlalchemy.orm import Session

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_WATCHED = (Kind.CUSTOMER, Kind.CONSENT, Kind.VISIT)
SEARCH_LIMIT = 50  # rows a search shows; more matches than this: type more


def load_customer(session: Session, customer_id: str) -> tuple[CustomerDetails, dict[str, str]]:
    """Read one customer and the names of staff (for "recorded by"), in one read."""
    details = customer_service.get_customer(session, customer_id)
    names = {s.id: s.display_name for s in staff_service.list_staff(session, include_inactive=True)}
    return details, names


class CustomerScreen(QWidget):
    """Find, register, edit and check in customers.

    Args:
        runner: the app's database worker (its ``actor`` is the signed-in user).
        bus: the change bus; the list and the detail refresh from it.

    Signals:
        redemptionRequested(str): open the redemption screen for this member
            (the Rewards section of the Loyalty page asks).
    """

    redemptionRequested = Signal(str)

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerScreen")
        self.runner = runner
        self.bus = bus
        self._search_seq = 0
        self._detail_seq = 0
        self._stale = False
        self._pending_select: str | None = None
        self._query = ""
        self.form_dialog: CustomerFormDialog | None = None
        self.check_in_question: QMessageBox | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self.refresh)
        self.register_button = QPushButton(self)
        self.register_button.clicked.connect(self.register_new)
        self.no_results = QLabel(self)
        self.no_results.setWordWrap(True)
        self.no_results.hide()
        self.list_info = QLabel(self)
        self.list_info.setObjectName("listInfo")
        self.list_info.setWordWrap(True)

        self.model = CustomerListModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("customerList")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(CustomerListModel.NAME, NameDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Rows are as tall as two lines of the font (Thai name over English).
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 14)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CustomerListModel.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (CustomerListModel.NICKNAME, CustomerListModel.PHONE, CustomerListModel.CODE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())

        self.detail = CustomerDetailPanel(self)
        self.detail.checkInRequested.connect(self.check_in)
        self.detail.editRequested.connect(self.edit_customer)
        self.loyalty = LoyaltyPanel(runner, bus, self)
        self.detail.add_page(self.loyalty)
        self.detail.customerChanged.connect(self.loyalty.show_customer)
        self.rewards = LoyaltyRewardsSection(runner, bus, self)
        self.loyalty.add_section(self.rewards)
        self.detail.customerChanged.connect(self.rewards.show_customer)
        self.rewards.redemption_requested.connect(self.redemptionRequested)
        self.purchases = PurchasesPanel(runner, bus, self)
        self.detail.add_page(self.purchases)
        self.detail.customerChanged.connect(self.purchases.show_customer)
        self.courses = CoursesPage(runner, bus, self)
        self.detail.add_page(self.courses)
        self.detail.customerChanged.connect(self.courses.show_customer)
        self.scans = ScanPage(runner, bus, self)
        self.detail.add_page(self.scans)
        self.detail.customerChanged.connect(self.scans.show_customer)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.register_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.no_results)
        left_layout.addWidget(self.list_info)
        left_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Half and half to start with: the detail's loyalty page has a
        # four-column history that a third of the window squeezes.
        splitter.setSizes([1_000, 1_000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.register_new)

        bus.changed.connect(self._on_changed)
        self.retranslate()
        self.refresh()

    # -- searching

    def refresh(self) -> None:
        """Search again for what is typed (also after a change)."""
        self._search_seq += 1
        seq = self._search_seq
        text = self.search.text()
        self.runner.read(
            customer_service.search_customers,
            text,
            limit=SEARCH_LIMIT,
            on_done=while_alive(self, lambda hits: self._show_hits(seq, text, hits)),
            on_error=while_alive(self, self.runner.show_error),
        )

    def _show_hits(self, seq: int, text: str, hits: list[CustomerHit]) -> None:
        if seq != self._search_seq:
            return  # an older keystroke's answer arrived late: drop it
        keep = self._pending_select or self.detail.customer_id
        self.model.set_hits(hits)
        self._query = text.strip()
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and text.strip() and hits:
            row = 0  # the best match, ready for Enter
        if row >= 0:
            if self.model.hit(row).id == self._pending_select:
                self._pending_select = None
            self._select_row(row)
        elif self._pending_select is None:
            # The panel shows the list's current row and nothing else: a
            # customer an earlier keystroke matched must not stay there with
            # a live Check in button once the list no longer has them.
            self._clear_details()
        self.no_results.setVisible(bool(text.strip()) and not hits)
        self._render_list_info()

    def _clear_details(self) -> None:
        self._detail_seq += 1  # a read still on its way is for a row that is gone
        self.detail.show_customer(None)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        # The same customer stays selected after a refresh: currentRowChanged
        # does not fire for an equal row, so make sure the panel shows it.
        customer_id = self.model.hit(row).id
        if self.detail.customer_id != customer_id:
            self.load_details(customer_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        customer_id = current.data(CustomerIdRole)
        if customer_id and customer_id != self.detail.customer_id:
            self.load_details(customer_id)

    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(CustomerIdRole) if index.isValid() else None

    # -- the selected customer

    def load_details(self, customer_id: str) -> None:
        """Read ``customer_id`` and show it in the detail panel."""
        self._detail_seq += 1
        seq = self._detail_seq
        self.runner.read(
            load_customer,
            customer_id,
            on_done=while_alive(self, lambda result: self._show_details(seq, result)),
            on_error=while_alive(self, lambda error: self._details_failed(seq, error)),
        )

    def _show_details(self, seq: int, result: tuple[CustomerDetails, dict[str, str]]) -> None:
        if seq != self._detail_seq:
            return
        details, names = result
        if details.id not in (self.selected_id(), self._pending_select):
            return  # the list moved on while this was read
        self.detail.show_customer(details, names)
        if self._pending_select == details.id and self.model.row_of(details.id) < 0:
            # Opened from elsewhere (a duplicate phone) but not in the list:
            # search for their phone so the list shows them too.
            self.search.setText(details.form.phone)

    def _details_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._detail_seq:
            return
        if isinstance(error, NotFound):
            self.detail.show_customer(None)
        else:
            self.runner.show_error(error, self)

    def open_customer(self, customer_id: str) -> None:
        """Select ``customer_id`` in the list (searching for them if needed) and show them."""
        row = self.model.row_of(customer_id)
        if row >= 0:
            self._select_row(row)
        else:
            self._pending_select = customer_id
            self.load_details(customer_id)

    # -- actions

    def check_in(self, customer_id: str, *, again: bool = False) -> None:
        """Record a visit of ``customer_id`` now, the customer the list has selected.

        A second check-in the same day is refused by the service; the screen
        then asks (``check_in_question``) and, on "Check in again", runs it
        once more with ``again=True``.
        """
        if customer_id != self.selected_id():
            return  # only ever the customer the list shows as chosen
        run_with_override(
            self.runner,
            self,
            customer_service.check_in,
            customer_id,
            again=again,
            on_done=while_alive(self, lambda _cs: self._checked_in(customer_id)),
            on_error=while_alive(self, lambda error: self._check_in_failed(customer_id, error)),
            initiator=self,
        )

    def _check_in_failed(self, customer_id: str, error: BaseException) -> None:
        if not isinstance(error, AlreadyCheckedIn):
            self.runner.show_error(error, self)
            return
        name = ""
        if self.detail.details is not None and self.detail.details.id == customer_id:
            form = self.detail.details.form
            name = form.name_th or form.name_en
        box = QMessageBox(self)
        box.setObjectName("checkInAgain")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already checked in"))
        box.setText(
            self.tr("{name} was already checked in today at {time}. Check in again?").format(
                name=name, time=format_time(error.checked_in_at)
            )
        )
        again = box.addButton(self.tr("Check in again"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Don't check in"), QMessageBox.ButtonRole.RejectRole)
        # Enter pressed twice by habit must not count a second visit.
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.check_in_question = box

        def answered(button: QAbstractButton) -> None:
            self.check_in_question = None
            if button is again:
                self.check_in(customer_id, again=True)

        box.buttonClicked.connect(answered)
        box.open()

    def _checked_in(self, customer_id: str) -> None:
        if self.detail.customer_id == customer_id:
            self.detail.show_checked_in()
            self.load_details(customer_id)

    def register_new(self) -> None:
        """Open the register form, prefilled with what was typed in search."""
        self._open_form(None, self._prefill_from_search())

    def edit_selected(self) -> None:
        if self.detail.customer_id is not None:
            self.edit_customer(self.detail.customer_id)

    def edit_customer(self, customer_id: str) -> None:
        details = self.detail.details  # kept fresh by the bus
        if details is None or details.id != customer_id:
            return
        self._open_form(details, {})

    def _open_form(self, details: CustomerDetails | None, prefill: dict[str, str]) -> None:
        if self.form_dialog is not None:
            self.form_dialog.raise_()
            return
        dialog = CustomerFormDialog(self.runner, details, prefill, self)
        dialog.saved.connect(self.open_customer)
        dialog.openExisting.connect(self.open_customer)
        dialog.finished.connect(lambda _result: self._form_closed(dialog))
        self.form_dialog = dialog
        dialog.open()

    def _form_closed(self, dialog: CustomerFormDialog) -> None:
        if self.form_dialog is dialog:
            self.form_dialog = None
        dialog.deleteLater()
        self.search.setFocus()

    def _prefill_from_search(self) -> dict[str, str]:
        text = self.search.text().strip()
        if not text:
            return {}
        if phone_query(text) is not None:
            return {"phone": text}
        return {"name_th": text} if _THAI.search(text) else {"name_en": text}

    # -- changes

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if not any(changes.touches(k) for k in _WATCHED):
            return
        if not self.isVisible():
            self._stale = True
            return
        self.refresh()
        shown = self.detail.customer_id
        if shown is not None and changes.may_touch(Kind.CUSTOMER, shown):
            self.load_details(shown)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
            if self.detail.customer_id is not None:
                self.load_details(self.detail.customer_id)

    # -- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._search_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        rows = self.model.rowCount()
        current = self.view.currentIndex().row()
        steps: dict[Any, int] = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 10,
            Qt.Key.Key_PageUp: -10,
        }
        if key in steps and rows:
            target = 0 if current < 0 else min(max(current + steps[key], 0), rows - 1)
            self._select_row(target)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and typed_code(self.search.text()) is not None:
            self.open_by_code(self.search.text())
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and rows:
            if current < 0:
                self._select_row(0)
            self.detail.check_in_button.setFocus()
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False

    def open_by_code(self, typed: str) -> None:
        """Open the member whose referral code ``typed`` is (as a member QR scanned into the search box).

        A scanner types faster than the search answers, and after a
        chain's bootstrap the search may not know a member yet: the code is
        looked up on its own, so the list need not show the member. With no
        member of that code, Enter does what it does for any search.
        """
        self.runner.read(
            customer_service.find_by_referral_code,
            typed,
            on_done=while_alive(self, lambda customer_id: self._opened_by_code(typed, customer_id)),
            on_error=while_alive(self, self.runner.show_error),
        )

    def _opened_by_code(self, typed: str, customer_id: str | None) -> None:
        if self.search.text() != typed:
            return  # typed on since: that search decides
        if customer_id is not None:
            self.open_customer(customer_id)
        elif self.model.rowCount() and self.view.currentIndex().row() < 0:
            self._select_row(0)
        self.detail.check_in_button.setFocus()

    # -- language

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Name, nickname, phone or referral code"))
        self.register_button.setText(self.tr("Register new…"))
        self.register_button.setToolTip(self.tr("Register a new customer (Ctrl+N)"))
        self.model.retranslate()
        self._render_list_info()

    def _render_list_info(self) -> None:
        """Say how the list is ordered and how many it shows (or that nothing matched)."""
        count = self.model.rowCount()
        if self._query and not count:
            self.no_results.setText(
                self.tr("No customer matches “{text}”. Press Ctrl+N to register one.").format(
                    text=self._query
                )
            )
            self.list_info.hide()
            return
        if not self._query:
            text = self.tr("Recently changed first · {count} shown").format(count=count)
        elif count >= SEARCH_LIMIT:
            text = self.tr("Best match first · the first {count} shown; type more to narrow").format(count=count)
        else:
            text = self.tr("Best match first · {count} found").format(count=count)
        self.list_info.setText(text)
        self.list_info.setVisible(count > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
