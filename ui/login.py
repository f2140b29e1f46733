"""Sign-in and user switch: choose your name, type your PIN, press Enter.

One PIN entry signs a user in, whether the app just started or another user
was working: the main window shows this screen over the work screens (kept,
hidden) and hides it again on success. A wrong PIN or a locked account gets
its translated message under the PIN field; the field clears, nothing else
changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import AccountLocked, DeskError, PermissionDenied
from bnaura_desk.domain.roles import ROLE_LABELS
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import Actor
from bnaura_desk.services.staff import StaffCard

from .bus import ChangeBus
from .i18n import current_language
from .runner import DeskRunner
from .widgets import FieldError, PinField, PinPad, format_time

TILE_COLUMNS = 3


def is_locked(card: StaffCard, now: datetime) -> bool:
    """Return whether ``card``'s account is locked at ``now``."""
    return card.locked_until is not None and card.locked_until > now


class StaffTile(QToolButton):
    """One staff member to pick: name, role and, when locked, until when."""

    def __init__(self, card: StaffCard, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffTile")
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_card(card, now)

    def set_card(self, card: StaffCard, now: datetime) -> None:
        self.card = card
        self.locked = is_locked(card, now)
        self.setProperty("locked", self.locked)
        self.style().unpolish(self)
        self.style().polish(self)
        self._render()

    def _render(self) -> None:
        role = QCoreApplication.translate("roles", ROLE_LABELS[self.card.role])
        lines = [self.card.display_name, role]
        if self.locked and self.card.locked_until is not None:
            lines.append(self.tr("Locked until {time}").format(time=format_time(self.card.locked_until)))
        self.setText("\n".join(lines))
        self.setAccessibleName(", ".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class LoginScreen(QWidget):
    """Staff tiles and the PIN field.

    Args:
        runner: the database worker; ``sign_in`` runs there with no actor.
        bus: staff changes (added, locked, renamed) reload the tiles.
        clock: "now", to tell whether a lock still holds (the terminal's clock).

    Signals:
        signed_in(Actor): the PIN matched; the shell sets ``runner.actor``.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        runner: DeskRunner,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self._runner = runner
        self._clock = clock or runner.terminal.clock
        self._cards: list[StaffCard] = []
        self._tiles: dict[str, StaffTile] = {}
        self._selected: StaffCard | None = None
        self._busy = False
        self._stale = True
        self._loaded = False
        self._clinic = ("", "")

        self.clinic_title = QLabel(self)
        self.clinic_title.setObjectName("clinicTitle")
        self.prompt = QLabel(self)
        self.prompt.setObjectName("loginPrompt")
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()

        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        tiles_host = QWidget()
        self._grid = QGridLayout(tiles_host)
        self._grid.setSpacing(12)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(tiles_host)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.clinic_title)
        left.addWidget(self.prompt)
        left.addWidget(self.empty_hint)
        left.addWidget(scroll, 1)

        card = QFrame(self)
        card.setObjectName("card")
        self.pin_for = QLabel(card)
        self.pin_for.setObjectName("pinFor")
        self.pin_for.setWordWrap(True)
        self.pin = PinField(card)
        self.error = FieldError(card)
        self.pad = PinPad(self.pin, card)
        right = QVBoxLayout(card)
        right.setContentsMargins(24, 24, 24, 24)
        right.setSpacing(12)
        right.addWidget(self.pin_for)
        right.addWidget(self.pin)
        right.addWidget(self.error)
        right.addWidget(self.pad)
        right.addStretch(1)
        card.setFixedWidth(360)

        root = QHBoxLayout(self)
        root.setContentsMargins(40, 32, 40, 32)
        root.setSpacing(32)
        root.addLayout(left, 1)
        root.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)

        self.pin.submitted.connect(self.submit)
        self._group.buttonClicked.connect(lambda b: self.select(b.card.id))
        bus.changed.connect(self._on_changed)
        self._retranslate()

    # ------------------------------------------------------------ public API

    @property
    def selected(self) -> StaffCard | None:
        return self._selected

    @property
    def busy(self) -> bool:
        """Whether a PIN is being checked (tests wait for False)."""
        return self._busy

    @property
    def loaded(self) -> bool:
        """Whether the staff tiles have been read at least once."""
        return self._loaded

    def tile_for(self, staff_id: str) -> StaffTile:
        """Return the tile of ``staff_id``."""
        return self._tiles[staff_id]

    def tiles(self) -> list[StaffTile]:
        return [self._tiles[c.id] for c in self._cards]

    def set_clinic(self, name_th: str, name_en: str = "") -> None:
        """Show the clinic's name as the screen's title."""
        self._clinic = (name_th, name_en)
        self._retranslate()

    def reload(self) -> None:
        """Read the staff list again (names, roles, locks)."""
        self._stale = False
        self._runner.read(staff_service.list_staff, on_done=self._show_cards, on_error=self._read_failed)

    def reset(self) -> None:
        """Start over for the next user: no name chosen, empty PIN, no message."""
        self._group.setExclusive(False)
        for tile in self._tiles.values():
            tile.setChecked(False)
        self._group.setExclusive(True)
        self._selected = None
        self.pin.clear()
        self.error.clear_error()
        self._retranslate()
        self.reload()

    def select(self, staff_id: str) -> None:
        """Choose the staff member who will type their PIN."""
        tile = self._tiles.get(staff_id)
        if tile is None:
            return
        tile.setChecked(True)
        if self._selected is None or self._selected.id != staff_id:
            self.pin.clear()
            self.error.clear_error()
        self._selected = tile.card
        self._retranslate()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check the typed PIN of the chosen staff member."""
        if self._busy:
            return
        if self._selected is None:
            self.error.show_error(self.tr("Choose your name first"))
            return
        pin = self.pin.text()
        if not pin:
            self.error.show_error(self.tr("Type your PIN"))
            return
        self._busy = True
        self.pin.setEnabled(False)
        self._runner.run(
            staff_service.sign_in,
            self._selected.id,
            pin,
            actor=None,
            on_done=self._succeeded,
            on_error=self._failed,
            initiator=self,
        )

    # ------------------------------------------------------------ callbacks

    def _succeeded(self, changes: ChangeSet) -> None:
        self._busy = False
        self.pin.setEnabled(True)
        self.pin.clear()
        self.error.clear_error()
        actor: Actor = changes.result
        self.signed_in.emit(actor)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.pin.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(error, DeskError):
            self.error.show_error(error)
            if isinstance(error, (AccountLocked, PermissionDenied)):
                self.reload()  # show the lock (or the deactivation) on the tiles
        else:
            self._runner.show_error(error, self)

    def _read_failed(self, error: BaseException) -> None:
        self._stale = True
        self._runner.show_error(error, self)

    def _show_cards(self, cards: list[StaffCard]) -> None:
        now = self._clock()
        selected = self._selected.id if self._selected else None
        for tile in self._tiles.values():
            self._group.removeButton(tile)
            tile.deleteLater()
        self._tiles.clear()
        self._cards = list(cards)
        for i, card in enumerate(self._cards):
            tile = StaffTile(card, now)
            self._tiles[card.id] = tile
            self._group.addButton(tile)
            self._grid.addWidget(tile, i // TILE_COLUMNS, i % TILE_COLUMNS)
        self._selected = None
        if selected in self._tiles:
            self._tiles[selected].setChecked(True)
            self._selected = self._tiles[selected].card
        elif len(self._cards) == 1:
            self.select(self._cards[0].id)
        self._loaded = True
        self.empty_hint.setVisible(not self._cards)
        self._retranslate()

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        if initiator is self or not changes.touches(Kind.STAFF):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    # ------------------------------------------------------------ Qt

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        name_th, name_en = self._clinic
        self.clinic_title.setText(name_en if current_language() == "en" and name_en else name_th)
        self.clinic_title.setVisible(bool(name_th or name_en))
        self.prompt.setText(self.tr("Who is at the counter? Choose your name and type your PIN."))
        self.empty_hint.setText(
            self.tr("No staff on this terminal yet. The clinic owner adds staff with the bnaura command.")
        )
        if self._selected is None:
            self.pin_for.setText(self.tr("Choose your name"))
        else:
            self.pin_for.setText(self.tr("PIN for {name}").format(name=self._selected.display_name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
