"""The task queue (คิวงาน) of the shared PC: the signed-in user's tasks, the selected one's detail, its buttons.

The queue (``services.task_queue.queue_cards``) is one list model painted
by a delegate; the detail (``task_detail``) is read for the selected task.
Reads are coalesced as the kanban's are: at most one of each in flight,
asked again meanwhile, read once more when it lands. The screen learns of
changes (its own buttons', other screens', other terminals' through sync)
from the change bus only, and reads again; hidden, it marks itself stale.

"Switch user" asks the main window for its PIN sign-in page
(``switchUserRequested``); when the screen is shown again to someone else,
it reads their queue. Every button runs one use case; a refusal shows the
use case's message in the user's language and the task as it now is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.roles import ROLE_LABELS, Permission, may
from bnaura_desk.domain.treatment_photos import PhotoKind
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services import tasks, treatment_photos
from bnaura_desk.services.staff import StaffCard
from bnaura_desk.services.task_queue import (
    QueueCard,
    TaskActions,
    TaskDetail,
    actions_for,
    branch_cards,
    queue_cards,
    task_detail,
)

from ..bus import ChangeBus
from ..consent.dialog import ConsentDialog
from ..images import IMAGE_ROLE, thumbnails_for
from ..photos.viewer import PhotoViewer, ViewerPhoto, open_photo_viewer
from ..runner import DeskRunner, translate_error
from .delegate import TaskCardDelegate
from .detail import STEP_ROLE, THUMBNAIL, TaskDetailPanel
from .model import TaskQueueModel
from .reassign import ReassignDialog

_WATCHED = (Kind.TASK, Kind.CUSTOMER, Kind.JOURNEY, Kind.STAFF)
IMAGE_FILTER = "*.png *.jpg *.jpeg *.webp *.heic"



class TaskQueueScreen(QWidget):
    """The task queue screen (see the module).

    Signals:
        switchUserRequested(): "Switch user" was clicked (the main window shows the PIN sign-in).
    """

    switchUserRequested = Signal()

    def __init__(self, runner: DeskRunner, bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskQueue")
        self.runner = runner
        self.images = ImageStore.beside(runner.terminal.path)
        self.loaded = False
        self.current_id: str | None = None  # the task in the detail panel (kept when it leaves the queue)
        self.file_dialog: QFileDialog | None = None
        self.reassign_dialog: ReassignDialog | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.photo_viewer: PhotoViewer | None = None
        self._actions = TaskActions()  # what the shown task's buttons allow
        self._loaded_for: tuple[str | None, object] | None = None
        self._stale = False
        self._reading = self._again = False
        self._reading_detail = self._again_detail = False

        self.heading = QLabel(self)
        self.heading.setObjectName("taskQueueHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.who = QLabel(self)
        self.who.setObjectName("taskQueueWho")
        # Managers may look at every open task of the branch (to reassign them).
        self.whole_branch = QCheckBox(self)
        self.whole_branch.setObjectName("taskQueueWholeBranch")
        self.whole_branch.hide()
        self.whole_branch.toggled.connect(lambda _on: self.reload())
        self.switch_user = QPushButton(self)
        self.switch_user.setObjectName("taskQueueSwitchUser")
        self.switch_user.clicked.connect(self.switchUserRequested.emit)

        self.model = TaskQueueModel(self)
        self.view = QListView(self)
        self.view.setObjectName("taskQueueList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TaskCardDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMinimumWidth(380)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count = QLabel(self)
        self.count.setObjectName("taskQueueCount")
        self.message = QLabel(self)
        self.message.setObjectName("taskQueueMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.panel = TaskDetailPanel(self)
        # Photos taken on another terminal: fetched in the background, shown when they arrive.
        self.panel.set_thumbnails(thumbnails_for(runner, THUMBNAIL, self))
        scroll = QScrollArea(self)
        scroll.setObjectName("taskDetailScroll")
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.panel.claim.clicked.connect(lambda: self._run(
            tasks.claim_task, done=QCoreApplication.translate("TaskQueue", "Task claimed.")))
        self.panel.start.clicked.connect(lambda: self._run(
            tasks.start_task, done=QCoreApplication.translate("TaskQueue", "Task started.")))
        self.panel.complete.clicked.connect(lambda: self._run(
            tasks.complete_task, done=QCoreApplication.translate("TaskQueue", "Task completed.")))
        self.panel.reassign.clicked.connect(self.reassign)
        self.panel.set_consent_handler(self.sign_consent)
        self.panel.save_notes.clicked.connect(self.save_notes)
        self.panel.checklist.itemChanged.connect(self._step_ticked)
        self.panel.add_before.clicked.connect(lambda: self.choose_photo(PhotoKind.BEFORE))
        self.panel.add_after.clicked.connect(lambda: self.choose_photo(PhotoKind.AFTER))
        # Double-click (or Enter on) a thumbnail: the photos full size.
        self.panel.photos.itemActivated.connect(lambda item: self.view_photo(str(item.data(IMAGE_ROLE))))

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.who, 1)
        top.addWidget(self.whole_branch)
        top.addWidget(self.switch_user)
        left = QVBoxLayout()
        left.addWidget(self.count)
        left.addWidget(self.view, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(scroll, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

        # Overdue marks move with the clock: read again each minute while shown.
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(lambda: self.reload() if self.isVisible() else None)
        self._minute.start()
        (bus or runner.bus).changed.connect(self._on_changed)
        self._retranslate()
        self.reload()

    # ------------------------------------------------------------ reading

    def _who(self) -> tuple[str | None, object]:
        actor = self.runner.actor
        return (actor.staff_id, actor.role) if actor is not None else (None, None)

    def reload(self) -> None:
        """Read the signed-in user's queue (and the detail shown) on the worker, coalescing reads."""
        self._stale = False
        if self._reading:
            self._again = True
            return
        actor = self.runner.actor
        self._loaded_for = self._who()
        self._show_who()
        if actor is None or actor.staff_id is None:
            self.whole_branch.hide()
            self.model.show([])
            self._update_count()
            self.show_task(None)
            self.loaded = True
            return
        manager = may(actor.role, Permission.JOURNEY_REOPEN)
        self.whole_branch.setVisible(manager)
        self._reading = True
        if manager and self.whole_branch.isChecked():
            self.runner.read(branch_cards, self.runner.terminal.clock(), on_done=self._show_queue,
                             on_error=self._queue_failed)
        else:
            self.runner.read(queue_cards, actor.staff_id, actor.role, self.runner.terminal.clock(),
                             on_done=self._show_queue, on_error=self._queue_failed)
        self._read_detail()

    def _show_queue(self, cards: list[QueueCard]) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.reload()
            return
        self.model.show(cards)
        self._update_count()
        row = self.model.row_of(self.current_id) if self.current_id else -1
        if row >= 0:
            self.view.selectionModel().blockSignals(True)
            self.view.setCurrentIndex(self.model.index(row))
            self.view.selectionModel().blockSignals(False)
        self.loaded = True

    def _queue_failed(self, error: BaseException) -> None:
        self._reading = self._again = False
        self.message.setText(translate_error(error))

    def _read_detail(self) -> None:
        if self.current_id is None:
            self._actions = TaskActions()
            self.panel.show_detail(None, self._actions, None)
            return
        if self._reading_detail:
            self._again_detail = True
            return
        self._reading_detail = True
        self.runner.read(task_detail, self.current_id, self.runner.terminal.clock(), on_done=self._show_detail,
                         on_error=self._detail_failed)

    def _show_detail(self, detail: TaskDetail) -> None:
        self._reading_detail = False
        if self._again_detail or detail.card.id != self.current_id:
            self._again_detail = False
            self._read_detail()
            return
        staff_id, role = self._who()
        self._actions = actions_for(detail, staff_id, role)  # type: ignore[arg-type]
        if self.panel.thumbnails is not None:
            self.panel.thumbnails.retry()  # a photo that failed may have come since (a sync round)
        self.panel.show_detail(detail, self._actions, self.images)

    def _detail_failed(self, error: BaseException) -> None:
        self._reading_detail = self._again_detail = False
        self.current_id = None
        self.panel.show_detail(None, TaskActions(), None)
        self.message.setText(translate_error(error))

    def _update_count(self) -> None:
        count, overdue = self.model.rowCount(), self.model.overdue_count()
        text = QCoreApplication.translate("TaskQueue", "{count} tasks").format(count=count)
        if overdue:
            text += " · " + QCoreApplication.translate("TaskQueue", "{count} overdue").format(count=overdue)
        self.count.setText(text if count else QCoreApplication.translate("TaskQueue", "No tasks waiting for you."))

    def _show_who(self) -> None:
        actor = self.runner.actor
        self.who.setText("" if actor is None else QCoreApplication.translate("TaskQueue", "{name} ({role})").format(
            name=actor.name, role=QCoreApplication.translate("roles", ROLE_LABELS[actor.role])))

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if not any(changes.touches(kind) for kind in _WATCHED):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown again after "Switch user": another person's queue.
        if self._stale or self._loaded_for != self._who():
            if self._loaded_for != self._who():
                self.current_id = None
                self.message.clear()
                self.whole_branch.blockSignals(True)  # the next person starts from their own queue
                self.whole_branch.setChecked(False)
                self.whole_branch.blockSignals(False)
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.panel.retranslate()
            self.view.viewport().update()
            self._update_count()
            self._show_who()
            # The texts again from what was read (no read: the language may change as the app closes).
            self.panel.show_detail(self.panel.detail, self._actions, self.images)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("TaskQueue", "Task queue"))
        self.switch_user.setText(QCoreApplication.translate("TaskQueue", "Switch user"))
        self.whole_branch.setText(QCoreApplication.translate("TaskQueue", "Every task of the branch"))
        self.switch_user.setToolTip(QCoreApplication.translate("TaskQueue", "Sign in as someone else with their PIN"))

    # ------------------------------------------------------------ selection

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        card = self.model.card(indexes[0]) if indexes else None
        if card is not None:
            self.show_task(card.id)

    def show_task(self, task_id: str | None) -> None:
        """Show a task's detail (None: none); it stays shown after it leaves the queue (completed)."""
        if task_id != self.current_id:
            self.message.clear()
        self.current_id = task_id
        row = self.model.row_of(task_id) if task_id else -1
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.setCurrentIndex(self.model.index(row))
        self._read_detail()

    # ------------------------------------------------------------ actions

    def _run(self, use_case: object, *args: object, done: str = "") -> None:
        """Run a use case on the shown task; say ``done`` when it succeeds, the refusal when it does not."""
        task_id = self.current_id
        if task_id is None:
            return
        self.message.clear()
        self.runner.run(use_case, task_id, *args,  # type: ignore[arg-type]
                        on_done=lambda _c: self.message.setText(done) if done else None,
                        on_error=self._refused, initiator=self)

    def _refused(self, error: BaseException) -> None:
        self.message.setText(translate_error(error))
        self.reload()  # show the task as it is now (someone else may hold it)

    def _step_ticked(self, item: QListWidgetItem) -> None:
        index = item.data(STEP_ROLE)
        if isinstance(index, int):
            self._run(tasks.tick_step, index, item.checkState() == Qt.CheckState.Checked)

    def save_notes(self) -> None:
        """Save the notes as written (the whole text)."""
        self._run(tasks.set_notes, self.panel.notes.toPlainText(),
                  done=QCoreApplication.translate("TaskQueue", "Notes saved."))

    def choose_photo(self, kind: PhotoKind) -> QFileDialog:
        """Open the file dialog for a before or after photo; the chosen file is added to the task."""
        caption = (QCoreApplication.translate("TaskQueue", "Choose a before photo") if kind is PhotoKind.BEFORE
                   else QCoreApplication.translate("TaskQueue", "Choose an after photo"))
        dialog = QFileDialog(self, caption)
        dialog.setObjectName("taskPhotoFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(
            QCoreApplication.translate("TaskQueue", "Images ({patterns})").format(patterns=IMAGE_FILTER))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same dialog on every PC, and in tests
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.add_photo(kind, Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_photo(self, kind: PhotoKind, path: Path) -> None:
        """Add the image file at ``path`` to the shown task as its ``kind`` photo."""
        task_id = self.current_id
        if task_id is None:
            return
        self.message.clear()
        self.runner.run(treatment_photos.add_treatment_photo, task_id, path, kind, images=self.images,
                        on_done=lambda _c: self.message.setText(
                            QCoreApplication.translate("TaskQueue", "Photo added.")),
                        on_error=self._refused,
                        initiator=self)

    def view_photo(self, sha256: str) -> PhotoViewer | None:
        """Open the viewer on the shown task's photo ``sha256``, with the task's other photos (kept as ``photo_viewer``)."""
        detail = self.panel.detail
        if detail is None:
            return None
        photos = [ViewerPhoto(p.sha256, p.taken_at, p.kind) for p in detail.photos]
        start = next((i for i, p in enumerate(photos) if p.sha256 == sha256), 0)
        self.photo_viewer = open_photo_viewer(self.runner, photos, start, detail.card.task.customer_name, self)
        return self.photo_viewer

    def sign_consent(self, detail: TaskDetail) -> None:
        """Open the treatment's consent form for the customer to sign on screen (kept as ``consent_dialog``)."""
        if detail.treatment_id is None:
            return
        task = detail.card.task
        dialog = ConsentDialog(self.runner, task.customer_id, detail.treatment_id, task_id=task.id,
                               journey_id=task.journey_id, images=self.images, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._consent_signed)
        self.consent_dialog = dialog
        dialog.open()

    def _consent_signed(self) -> None:
        self.message.setText(QCoreApplication.translate("TaskQueue", "Consent form signed and kept."))
        self._read_detail()

    def reassign(self) -> None:
        """Ask a manager to whom the shown task goes (staff are read first), then reassign it."""
        self.runner.read(staff_service.list_staff, on_done=self._ask_reassign, on_error=self._refused)

    def _ask_reassign(self, staff: list[StaffCard]) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        dialog = ReassignDialog(detail.card.task.customer_name, staff, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._run(
            tasks.reassign_task, dialog.staff_id, done=QCoreApplication.translate("TaskQueue", "Task reassigned.")))
        self.reassign_dialog = dialog
        dialog.open()
