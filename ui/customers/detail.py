"""The selected customer: name and the counter actions over pages (profile, consents and visits; loyalty)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.customer import ConsentPurpose
from bnaura_desk.domain.referral import display_code
from bnaura_desk.services.customers import BranchName, CustomerDetails

from ..i18n import current_language
from ..widgets.dates import format_date, format_datetime, format_time
from ..widgets.scroll import VerticalScrollArea
from .labels import channel_label, consent_label, gender_label


def branch_label(branch: BranchName) -> str:
    """Return a branch's name as this language shows it (the Thai one when it has no English one)."""
    return branch.name_en if current_language() == "en" and branch.name_en else branch.name_th


class CustomerDetailPanel(QWidget):
    """Shows one customer (``show_customer``) or a hint when none is selected.

    The name and the counter actions stay on top; below them are pages:
    the profile (contact, consents, visits) and those added with
    ``add_page`` (the loyalty panel).

    Signals:
        checkInRequested(str): the Check in button, with the customer id.
        editRequested(str): the Edit button, with the customer id.
        customerChanged(object): another customer is shown (their id, or None):
            the added pages follow it.
    """

    checkInRequested = Signal(str)
    editRequested = Signal(str)
    customerChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._details: CustomerDetails | None = None
        self._staff: dict[str, str] = {}
        self._checked_in = False

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.name = QLabel(self)
        title = QFont(self.name.font())
        title.setPointSizeF(title.pointSizeF() * 1.4)
        title.setBold(True)
        self.name.setFont(title)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)

        self._captions: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in (
            "phone",
            "code",
            "email",
            "line",
            "birthday",
            "gender",
            "contact",
            "notes",
            "branch",
            "visits",
        ):
            caption, value = QLabel(self), QLabel(self)
            # A phone number or a referral code broken over two lines is
            # misread aloud; everything else wraps.
            value.setWordWrap(key not in ("phone", "code"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._captions[key], self._values[key] = caption, value
            form.addRow(caption, value)

        self.consent_title = QLabel(self)
        bold = QFont(self.consent_title.font())
        bold.setBold(True)
        self.consent_title.setFont(bold)
        consents = QGridLayout()
        self._consent_names: dict[ConsentPurpose, QLabel] = {}
        self._consent_states: dict[ConsentPurpose, QLabel] = {}
        for row, purpose in enumerate(ConsentPurpose):
            name, state = QLabel(self), QLabel(self)
            name.setWordWrap(True)
            state.setWordWrap(True)
            self._consent_names[purpose], self._consent_states[purpose] = name, state
            consents.addWidget(name, row, 0)
            consents.addWidget(state, row, 1)
        consents.setColumnStretch(0, 2)
        consents.setColumnStretch(1, 3)

        self.status = QLabel(self)
        self.status.setObjectName("checkInStatus")
        self.status.setStyleSheet("color: #1b6e3a; font-weight: bold;")
        self.check_in_button = QPushButton(self)
        self.check_in_button.setObjectName("primary")
        self.check_in_button.setDefault(True)
        self.edit_button = QPushButton(self)
        self.check_in_button.clicked.connect(self._ask_check_in)
        self.edit_button.clicked.connect(self._ask_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(8, 8, 8, 0)  # inside the page's frame
        body.addLayout(form)
        body.addWidget(self.consent_title)
        body.addLayout(consents)
        body.addStretch(1)

        # In a scroll area that follows the labels' height for their width:
        # a splitter (or a window) gives the panel a height its wrapped lines
        # may not fit, and labels squeezed below their height are cut in half.
        # Narrower than about 36 characters, the consent lines wrap word by word.
        self.body.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.body_scroll = VerticalScrollArea(self.body, self)
        self.body_scroll.setObjectName("customerDetailScroll")
        self.pages = QTabWidget(self)
        self.pages.setObjectName("customerPages")
        self.pages.addTab(self.body_scroll, "")

        self.content = QWidget(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.name)
        content.addWidget(self.subtitle)
        content.addLayout(buttons)
        content.addWidget(self.status)
        content.addWidget(self.pages, 1)

        outer = QVBoxLayout(self)
        outer.addWidget(self.hint)
        outer.addWidget(self.content)
        self.retranslate()
        self.show_customer(None)

    # -- public

    @property
    def details(self) -> CustomerDetails | None:
        """The customer shown, as last read."""
        return self._details

    @property
    def customer_id(self) -> str | None:
        return self._details.id if self._details else None

    def add_page(self, page: QWidget) -> int:
        """Add a page after the profile; its tab shows the page's window title (kept in its language)."""
        page.installEventFilter(self)
        return self.pages.addTab(page, page.windowTitle())

    def show_customer(
        self, details: CustomerDetails | None, staff_names: dict[str, str] | None = None
    ) -> None:
        """Show ``details`` (``None``: nothing selected); ``staff_names`` maps staff ids to names."""
        before = self.customer_id
        if details is None or self._details is None or details.id != self._details.id:
            self.status.clear()
            self._checked_in = False
        self._details = details
        if staff_names is not None:
            self._staff = staff_names
        self.hint.setVisible(details is None)
        self.content.setVisible(details is not None)
        if details is not None:
            self._render(details)
        if self.customer_id != before:
            self.customerChanged.emit(self.customer_id)

    def show_checked_in(self) -> None:
        """Say when the shown customer was checked in (their latest visit)."""
        self._checked_in = True
        self._render_status()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Search for a customer, or register a new one (Ctrl+N)."))
        captions = {
            "phone": self.tr("Phone"),
            "code": self.tr("Referral code"),
            "email": self.tr("Email"),
            "line": self.tr("LINE ID"),
            "birthday": self.tr("Birthday"),
            "gender": self.tr("Gender"),
            "contact": self.tr("Contact"),
            "notes": self.tr("Skin notes"),
            "branch": self.tr("Registered at"),
            "visits": self.tr("Visits"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self.consent_title.setText(self.tr("PDPA consent"))
        for purpose, label in self._consent_names.items():
            label.setText(consent_label(purpose))
        self.check_in_button.setText(self.tr("Check in"))
        self.edit_button.setText(self.tr("Edit…"))
        self.pages.setTabText(0, self.tr("Profile"))
        if self._details is not None:
            self._render(self._details)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowTitleChange and isinstance(watched, QWidget):
            index = self.pages.indexOf(watched)
            if index > 0:
                self.pages.setTabText(index, watched.windowTitle())
        return super().eventFilter(watched, event)

    # -- rendering

    def _render(self, d: CustomerDetails) -> None:
        f = d.form
        self.name.setText(f.name_th or f.name_en)
        parts = [f.name_en] if f.name_th and f.name_en else []
        if f.nickname:
            parts.append(self.tr("nickname {nickname}").format(nickname=f.nickname))
        self.subtitle.setText(" · ".join(parts))
        self.subtitle.setVisible(bool(parts))
        dash = "—"
        v = self._values
        v["phone"].setText(f.phone or dash)
        v["code"].setText(display_code(d.referral_code))
        v["email"].setText(f.email or dash)
        v["line"].setText(f.line_id or dash)
        v["birthday"].setText(format_date(f.birthday, long=True) if f.birthday else dash)
        v["gender"].setText(gender_label(f.gender))
        v["contact"].setText(self._contact_text(d))
        v["notes"].setText(f.skin_notes or dash)
        v["branch"].setText(branch_label(d.registered_at) if d.registered_at else dash)
        if d.visit_count and d.last_visit_at is not None:
            lines = [
                self.tr("{count} · last {when}").format(
                    count=d.visit_count, when=format_datetime(d.last_visit_at, long=True)
                )
            ]
            # Where each recent visit happened: the chain's branches share customers.
            lines += [
                self.tr("{when} at {branch}").format(
                    when=format_datetime(visit.at), branch=branch_label(visit.branch) if visit.branch else dash
                )
                for visit in d.recent_visits
            ]
            v["visits"].setText("\n".join(lines))
        else:
            v["visits"].setText(self.tr("No visits yet"))
        for purpose, label in self._consent_states.items():
            label.setText(self._consent_text(d, purpose))
        self._render_status()

    def _contact_text(self, d: CustomerDetails) -> str:
        f = d.form
        if f.opted_out:
            return self.tr("Opted out of all messages")
        channels = ", ".join(channel_label(c) for c in f.channels) or self.tr("no channels")
        if f.quiet_start is not None and f.quiet_end is not None:
            return self.tr("{channels}; quiet {start}–{end}").format(
                channels=channels, start=f"{f.quiet_start:%H:%M}", end=f"{f.quiet_end:%H:%M}"
            )
        return channels

    def _consent_text(self, d: CustomerDetails, purpose: ConsentPurpose) -> str:
        state = d.consents.get(purpose)
        if state is None or state.at is None:
            return self.tr("Not asked")
        who = self._staff.get(state.recorded_by_id or "", self.tr("system"))
        when = format_datetime(state.at)
        if state.granted:
            return self.tr("Given {when} by {who}").format(when=when, who=who)
        return self.tr("Withdrawn {when} by {who}").format(when=when, who=who)

    def _render_status(self) -> None:
        d = self._details
        if self._checked_in and d is not None and d.last_visit_at is not None:
            self.status.setText(
                self.tr("Checked in at {time}").format(time=format_time(d.last_visit_at))
            )
            self.status.show()
        else:
            self.status.clear()
            self.status.hide()

    def _ask_check_in(self) -> None:
        if self._details is not None:
            self.checkInRequested.emit(self._details.id)

    def _ask_edit(self) -> None:
        if self._details is not None:
            self.editRequested.emit(self._details.id)
