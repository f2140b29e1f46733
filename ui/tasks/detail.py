"""The selected task's detail panel: customer and tier, scan results, checklist, notes, photos and the buttons.

A view only: ``show_detail`` fills it from a ``TaskDetail`` and the
``TaskActions`` legal now; the queue screen connects its widgets to the
use cases. ``consent_button`` is the place of the "Consent…" action (the
signature of the consent form): hidden until ``set_consent_handler`` gives
it something to do.

A photo taken on another terminal and not on this PC yet shows a grey
placeholder, "(not on this PC yet)", while the screen's ``Thumbnails``
fetch it from the clinic server (``set_thumbnails``); it appears when it
arrives, and a failure says why in the placeholder's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.journeys import STAGE_LABELS
from bnaura_desk.domain.scans import MEASURE_LABELS, MEASURES
from bnaura_desk.domain.treatment_photos import PHOTO_KIND_LABELS, PhotoKind
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services.task_queue import TaskActions, TaskDetail, is_open

from ..images import IMAGE_ROLE, Thumbnails, local_thumbnail, placeholder_icon
from ..widgets import format_date, format_datetime
from .labels import customer_line, due_text, holder_text, priority_text, title

THUMBNAIL = QSize(96, 96)
STEP_ROLE = Qt.ItemDataRole.UserRole + 1  # a checklist item's step index
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # a photo item's PhotoKind



def scan_text(detail: TaskDetail) -> str:
    """Return the latest scan's date, then its results ("Moisture: 45 · …", "" when never scanned)."""
    scan = detail.scan
    if scan is None:
        return ""
    values = "   ·   ".join(
        QCoreApplication.translate("TaskQueue", "{measure}: {value}").format(
            measure=QCoreApplication.translate("scans", MEASURE_LABELS[m]), value=scan.values[m])
        for m in MEASURES if m in scan.values)
    when = QCoreApplication.translate("TaskQueue", "Scanned {date}").format(date=format_date(scan.at))
    return f"{when}\n{values}"


class TaskDetailPanel(QWidget):
    """The detail of one task (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskDetail")
        self.detail: TaskDetail | None = None
        self.thumbnails: Thumbnails | None = None  # fetches the photos not on this PC (set_thumbnails)
        self.customer = QLabel(self)
        self.customer.setObjectName("taskCustomer")
        font = self.customer.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.customer.setFont(font)
        self.customer.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setObjectName("taskTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("taskFacts")
        self.facts.setWordWrap(True)

        self.scan_box = QGroupBox(self)
        self.scan = QLabel(self.scan_box)
        self.scan.setObjectName("taskScan")
        self.scan.setWordWrap(True)
        QVBoxLayout(self.scan_box).addWidget(self.scan)

        self.checklist_box = QGroupBox(self)
        self.checklist = QListWidget(self.checklist_box)
        self.checklist.setObjectName("taskChecklist")
        QVBoxLayout(self.checklist_box).addWidget(self.checklist)

        self.notes_box = QGroupBox(self)
        self.notes = QPlainTextEdit(self.notes_box)
        self.notes.setObjectName("taskNotes")
        self.notes.setFixedHeight(76)
        self.save_notes = QPushButton(self.notes_box)
        self.save_notes.setObjectName("taskSaveNotes")
        self.notes.textChanged.connect(self._notes_edited)
        # The button beside the text, not under it: the panel fits a 900-pixel screen without scrolling.
        notes_layout = QHBoxLayout(self.notes_box)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.save_notes, 0, Qt.AlignmentFlag.AlignBottom)

        self.photos_box = QGroupBox(self)
        self.photos = QListWidget(self.photos_box)
        self.photos.setObjectName("taskPhotos")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMBNAIL)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setFixedHeight(THUMBNAIL.height() + 44)
        self.photos.setMovement(QListView.Movement.Static)
        self.add_before = QPushButton(self.photos_box)
        self.add_before.setObjectName("taskAddBefore")
        self.add_after = QPushButton(self.photos_box)
        self.add_after.setObjectName("taskAddAfter")
        self.photo_note = QLabel(self.photos_box)
        self.photo_note.setObjectName("taskPhotoNote")
        self.photo_note.setWordWrap(True)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_before)
        photo_buttons.addWidget(self.add_after)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addLayout(photo_buttons)
        photos_layout = QVBoxLayout(self.photos_box)
        photos_layout.addLayout(photo_row)
        photos_layout.addWidget(self.photo_note)

        self.claim = QPushButton(self)
        self.claim.setObjectName("taskClaim")
        self.start = QPushButton(self)
        self.start.setObjectName("taskStart")
        self.complete = QPushButton(self)
        self.complete.setObjectName("taskComplete")
        self.reassign = QPushButton(self)
        self.reassign.setObjectName("taskReassign")
        # The lead wires the consent form's signature here (ui/consent/): see set_consent_handler.
        self.consent_button = QPushButton(self)
        self.consent_button.setObjectName("taskConsent")
        self.consent_button.hide()
        self._consent_handler: Callable[[TaskDetail], object] | None = None
        self.consent_button.clicked.connect(self._consent_clicked)
        buttons = QHBoxLayout()
        for button in (self.claim, self.start, self.complete, self.reassign, self.consent_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.empty = QLabel(self)
        self.empty.setObjectName("taskDetailEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.customer)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.checklist_box)
        layout.addWidget(self.notes_box)
        layout.addWidget(self.photos_box)
        layout.addStretch(1)
        self.retranslate()
        self.show_detail(None, TaskActions(), None)

    # ------------------------------------------------------------ filling

    def _parts(self) -> tuple[QWidget, ...]:
        return (self.customer, self.title, self.facts, self.scan_box, self.checklist_box, self.notes_box,
                self.photos_box, self.claim, self.start, self.complete, self.reassign)

    def show_detail(self, detail: TaskDetail | None, actions: TaskActions, images: ImageStore | None) -> None:
        """Show ``detail`` (None: no task selected) with the buttons ``actions`` allows."""
        self.detail = detail
        for part in self._parts():
            part.setVisible(detail is not None)
        self.empty.setVisible(detail is None)
        self._show_consent()
        self.checklist.blockSignals(True)
        self.checklist.clear()
        self.photos.clear()
        if detail is None:
            self.checklist.blockSignals(False)
            self.notes.setPlainText("")
            return
        card = detail.card
        self.customer.setText(customer_line(card))
        self.title.setText(title(card))
        facts = [priority_text(card.task.priority), due_text(card), holder_text(card)]
        if detail.journey_stage is not None:
            facts.append(QCoreApplication.translate("TaskQueue", "Journey: {stage}").format(
                stage=QCoreApplication.translate("journeys", STAGE_LABELS[detail.journey_stage])))
        overdue = card.task.overdue
        if overdue:
            facts.insert(0, QCoreApplication.translate("TaskQueue", "Overdue"))
        self.facts.setText(" · ".join(facts))
        self.facts.setStyleSheet("color: #c62828; font-weight: bold;" if overdue else "")
        self.scan.setText(scan_text(detail) or QCoreApplication.translate("TaskQueue", "No skin scan yet."))
        for i, (step, done) in enumerate(card.task.checklist):
            item = QListWidgetItem(step, self.checklist)
            item.setData(STEP_ROLE, i)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable if actions.work
                          else Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        if not card.task.checklist:
            none = QListWidgetItem(
                QCoreApplication.translate("TaskQueue", "No checklist for this task."), self.checklist)
            none.setFlags(Qt.ItemFlag.NoItemFlags)
        self.checklist.blockSignals(False)
        self._fit_checklist()
        if self.notes.toPlainText().strip() != card.task.notes or not self.notes.hasFocus():
            self.notes.blockSignals(True)
            self.notes.setPlainText(card.task.notes)
            self.notes.blockSignals(False)
        self.notes.setReadOnly(not actions.work)
        self.save_notes.setEnabled(False)
        for photo in detail.photos:
            item = QListWidgetItem(self.photos)
            item.setData(IMAGE_ROLE, photo.sha256)
            item.setData(KIND_ROLE, photo.kind)
            pixmap = local_thumbnail(images, photo.sha256, THUMBNAIL)
            if pixmap is None and self.thumbnails is not None:
                pixmap = self.thumbnails.thumbnail(photo.sha256)  # None while fetched: ready or failed follows
            if pixmap is not None:
                self._show_photo(item, pixmap)
            else:
                item.setIcon(placeholder_icon(THUMBNAIL.width()))
                item.setText(QCoreApplication.translate("TaskQueue", "{kind} (not on this PC yet)").format(
                    kind=self._kind_label(item)))
                problem = self.thumbnails.problem(photo.sha256) if self.thumbnails is not None else ""
                item.setToolTip(problem)
        photos_allowed = actions.work and detail.photo_consent
        self.add_before.setEnabled(photos_allowed)
        self.add_after.setEnabled(photos_allowed)
        self.photo_note.setVisible(not detail.photo_consent)
        self.claim.setEnabled(actions.claim)
        self.start.setEnabled(actions.start)
        self.complete.setEnabled(actions.complete)
        self.reassign.setVisible(actions.reassign)
        self.reassign.setEnabled(actions.reassign)

    # ------------------------------------------------------------ photos

    def set_thumbnails(self, thumbnails: Thumbnails) -> None:
        """Fetch the photos not on this PC with ``thumbnails``; each replaces its placeholder when it arrives."""
        self.thumbnails = thumbnails
        thumbnails.ready.connect(self._photo_ready)
        thumbnails.failed.connect(self._photo_failed)

    @staticmethod
    def _kind_label(item: QListWidgetItem) -> str:
        return QCoreApplication.translate("tasks", PHOTO_KIND_LABELS[PhotoKind(item.data(KIND_ROLE))])

    def _show_photo(self, item: QListWidgetItem, pixmap: QPixmap) -> None:
        item.setIcon(QIcon(pixmap))
        item.setText(self._kind_label(item))
        item.setToolTip("")

    def _photo_items(self, sha256: str) -> list[QListWidgetItem]:
        items = (self.photos.item(i) for i in range(self.photos.count()))
        return [item for item in items if item.data(IMAGE_ROLE) == sha256]

    def _photo_ready(self, sha256: str) -> None:
        pixmap = self.thumbnails.thumbnail(sha256) if self.thumbnails is not None else None
        if pixmap is None:
            return
        for item in self._photo_items(sha256):
            self._show_photo(item, pixmap)

    def _photo_failed(self, sha256: str, message: str) -> None:
        for item in self._photo_items(sha256):
            item.setToolTip(message)

    def _fit_checklist(self) -> None:
        """Make the checklist as tall as its steps (the panel scrolls, not the list)."""
        rows = max(self.checklist.count(), 1)
        row = self.checklist.sizeHintForRow(0) if self.checklist.count() else self.fontMetrics().height() + 6
        self.checklist.setFixedHeight(rows * row + 2 * self.checklist.frameWidth() + 6)

    def _notes_edited(self) -> None:
        detail = self.detail
        self.save_notes.setEnabled(detail is not None and not self.notes.isReadOnly()
                                   and self.notes.toPlainText().strip() != detail.card.task.notes)

    # ------------------------------------------------------------ the consent slot

    def _show_consent(self) -> None:
        """Show "Consent…" on a treatment's open task, or that its form is signed."""
        detail = self.detail
        treatment = detail is not None and detail.treatment and detail.treatment_id is not None
        self.consent_button.setVisible(treatment and self._consent_handler is not None)
        if detail is None or not treatment:
            return
        if detail.consent_signed_at is not None:
            self.consent_button.setText(QCoreApplication.translate("TaskQueue", "Consent signed {time}").format(
                time=format_datetime(detail.consent_signed_at)))
            self.consent_button.setEnabled(False)
        else:
            self.consent_button.setText(QCoreApplication.translate("TaskQueue", "Consent…"))
            self.consent_button.setEnabled(is_open(detail.card.task))

    def set_consent_handler(self, handler: Callable[[TaskDetail], object] | None) -> None:
        """Show "Consent…" and call ``handler(detail)`` when it is clicked (None: hide it again)."""
        self._consent_handler = handler
        self.consent_button.setVisible(handler is not None and self.detail is not None)

    def _consent_clicked(self) -> None:
        if self._consent_handler is not None and self.detail is not None:
            self._consent_handler(self.detail)

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.scan_box.setTitle(QCoreApplication.translate("TaskQueue", "Latest skin scan"))
        self.checklist_box.setTitle(QCoreApplication.translate("TaskQueue", "Protocol checklist"))
        self.notes_box.setTitle(QCoreApplication.translate("TaskQueue", "Treatment notes"))
        self.save_notes.setText(QCoreApplication.translate("TaskQueue", "Save notes"))
        self.photos_box.setTitle(QCoreApplication.translate("TaskQueue", "Before/after photos"))
        self.add_before.setText(QCoreApplication.translate("TaskQueue", "Add before photo…"))
        self.add_after.setText(QCoreApplication.translate("TaskQueue", "Add after photo…"))
        self.photo_note.setText(QCoreApplication.translate(
            "TaskQueue", "No consent to photos (sensitive data): ask the customer to sign the consent first."))
        self.claim.setText(QCoreApplication.translate("TaskQueue", "Claim"))
        self.start.setText(QCoreApplication.translate("TaskQueue", "Start"))
        self.complete.setText(QCoreApplication.translate("TaskQueue", "Complete"))
        self.reassign.setText(QCoreApplication.translate("TaskQueue", "Reassign…"))
        self._show_consent()
        self.empty.setText(QCoreApplication.translate(
            "TaskQueue", "Select a task to see its customer, scan results and checklist."))
