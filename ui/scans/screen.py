"""The "Skin scans" page of a customer: record a scan, compare it with the previous one, see what to suggest.

Sales type the scanner's values (a spin box per measure, 0–100; "—" for a
measure not measured), notes, and pick the scanner's image files; Save
records the scan through ``services.scans.record_scan``. Without the
customer's consent to skin scans and photos (sensitive data) the page says
so and nothing can be recorded. Under the form: the latest scan beside the
previous one (the change coloured better or worse, a small chart per
measure over time), the latest scan's images, and the treatments the
chain's suggestion rules suggest, each with its reason. A manager edits
the rules from here.

An image taken at another terminal and not on this PC yet shows a grey
placeholder ("Not here yet") while it is fetched from the clinic server in
the background (``ui.images.thumbnails_for``); it appears when it arrives,
and a failure says why in the placeholder's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.roles import Permission, may
from bnaura_desk.domain.scans import IMAGES_MAX, MEASURES, SCALE_HIGH, SCALE_LOW, Measure, MeasureChange
from bnaura_desk.domain.suggestions import SIGNS, Reason
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import scans as scan_service

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..i18n import current_language
from ..images import IMAGE_ROLE, local_thumbnail, placeholder_icon, thumbnails_for
from ..photos.viewer import PhotoViewer, ViewerPhoto, open_photo_viewer
from ..runner import DeskRunner, translate_error
from ..widgets.dates import format_datetime
from ..widgets.scroll import VerticalScrollArea
from .compare_model import ScanCompareModel, measure_label
from .rules_dialog import SuggestionRulesDialog
from .sparkline import Sparkline

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

NOT_MEASURED = SCALE_LOW - 1  # a spin box's value below the scale: shown as "—", not recorded
THUMB = 96
MEASURE_COLUMNS_WIDE = 4  # measures a row on a wide page
NARROW_BELOW = 560  # page width (px) below which the measures go two a row


@dataclass(frozen=True)
class ScanPageData:
    """Everything the page shows of one customer, read in one go."""

    consent: bool
    compared: tuple[MeasureChange, ...]
    charts: dict[Measure, tuple[int, ...]]
    latest: scan_service.Scan | None
    suggestions: list[scan_service.Suggestion] = field(default_factory=list)


def load_scan_page(session: Session, customer_id: str) -> ScanPageData:
    """Read the customer's consent, scans compared, charts, latest scan and suggestions."""
    all_scans = scan_service.scans_of(session, customer_id)
    charts = {m: tuple(p.value for p in points) for m, points in scan_service.charts_of(session, customer_id).items()}
    return ScanPageData(
        consent=scan_service.has_scan_consent(session, customer_id),
        compared=scan_service.compare_latest(session, customer_id),
        charts=charts,
        latest=all_scans[-1] if all_scans else None,
        suggestions=scan_service.suggestions_for(session, customer_id),
    )


def reason_text(reason: Reason) -> str:
    """Return a reason in the user's language, e.g. "Pigmentation 72 > 60"."""
    rule = reason.rule
    return f"{measure_label(rule.measure)} {reason.value} {SIGNS[rule.comparison]} {rule.threshold}"


class _YieldingScrollArea(VerticalScrollArea):
    """A vertical scroll area that scrolls sideways too rather than ask for its widget's width."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(widget, parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())


class ScanPage(QWidget):
    """The "Skin scans" page of the customer detail (``show_customer`` follows the selected customer)."""

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerScans")
        self.runner = runner
        self.images = ImageStore.beside(runner.terminal.path)
        # Images not on this PC: fetched in the background, shown when ready.
        self.thumbnails = thumbnails_for(runner, QSize(THUMB, THUMB), self)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self.thumbnails.failed.connect(self._thumbnail_failed)
        self._customer_id: str | None = None
        self._data: ScanPageData | None = None
        self._paths: list[Path] = []
        self._seq = 0
        self._stale = False
        self.rules_dialog: SuggestionRulesDialog | None = None
        self.photo_viewer: PhotoViewer | None = None

        self.consent_message = QLabel(self)
        self.consent_message.setObjectName("scanConsentMessage")
        self.consent_message.setWordWrap(True)
        self.consent_message.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.consent_message.hide()

        # -- the new scan
        self.form_box = QGroupBox(self)
        self.measure_grid = QGridLayout()
        self.spins: dict[Measure, QSpinBox] = {}
        self.captions: dict[Measure, QLabel] = {}
        for measure in MEASURES:
            spin = QSpinBox(self.form_box)
            spin.setObjectName(f"scan_{measure}")
            spin.setRange(NOT_MEASURED, SCALE_HIGH)
            spin.setSpecialValueText("—")
            spin.setValue(NOT_MEASURED)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            caption = QLabel(self.form_box)
            caption.setBuddy(spin)
            self.spins[measure], self.captions[measure] = spin, caption
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("100") + 48)
        self._measure_columns = 0
        self._lay_out_measures(MEASURE_COLUMNS_WIDE)
        self.notes = QPlainTextEdit(self.form_box)
        self.notes.setObjectName("scanNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 2 + 16)
        self.notes_caption = QLabel(self.form_box)
        self.files_label = QLabel(self.form_box)
        self.files_label.setWordWrap(True)
        self.add_files_button = QPushButton(self.form_box)
        self.add_files_button.setObjectName("scanAddImages")
        self.add_files_button.setAutoDefault(False)
        self.add_files_button.clicked.connect(self.choose_images)
        self.clear_files_button = QPushButton(self.form_box)
        self.clear_files_button.setAutoDefault(False)
        self.clear_files_button.clicked.connect(self.clear_images)
        self.save_button = QPushButton(self.form_box)
        self.save_button.setObjectName("scanSave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.error = QLabel(self.form_box)
        self.error.setObjectName("scanError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        files = QHBoxLayout()
        files.addWidget(self.files_label, 1)
        files.addWidget(self.add_files_button)
        files.addWidget(self.clear_files_button)
        files.addWidget(self.save_button)
        form = QVBoxLayout(self.form_box)
        form.addLayout(self.measure_grid)
        form.addWidget(self.notes_caption)
        form.addWidget(self.notes)
        form.addLayout(files)
        form.addWidget(self.error)

        # -- the comparison
        self.compare_box = QGroupBox(self)
        self.compare_caption = QLabel(self.compare_box)
        self.compare_caption.setWordWrap(True)
        self.model = ScanCompareModel(self)
        self.table = QTableView(self.compare_box)
        self.table.setObjectName("scanCompare")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ScanCompareModel.CHART, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(max(30, self.fontMetrics().height() * 2))
        self.charts: dict[Measure, Sparkline] = {}
        self.images_box = QGroupBox(self)
        self.thumbs = QListWidget(self.images_box)
        self.thumbs.setObjectName("scanThumbnails")
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setFlow(QListView.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setFixedHeight(THUMB + self.fontMetrics().height() + 24)
        self.thumbs.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Double-click (or Enter on) a thumbnail: the scan's images full size.
        self.thumbs.itemActivated.connect(lambda item: self.view_image(str(item.data(IMAGE_ROLE))))
        compare = QVBoxLayout(self.compare_box)
        compare.addWidget(self.compare_caption)
        compare.addWidget(self.table)
        QVBoxLayout(self.images_box).addWidget(self.thumbs)

        # -- the suggestions
        self.suggest_box = QGroupBox(self)
        self.suggestions = QListWidget(self.suggest_box)
        self.suggestions.setObjectName("scanSuggestions")
        self.suggestions.setWordWrap(True)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.no_suggestions = QLabel(self.suggest_box)
        self.no_suggestions.setWordWrap(True)
        self.rules_button = QPushButton(self.suggest_box)
        self.rules_button.setObjectName("scanRules")
        self.rules_button.setAutoDefault(False)
        self.rules_button.clicked.connect(self.edit_rules)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.no_suggestions, 1)
        rules_row.addWidget(self.rules_button)
        suggest = QVBoxLayout(self.suggest_box)
        suggest.addWidget(self.suggestions)
        suggest.addLayout(rules_row)

        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(self.consent_message)
        column.addWidget(self.form_box)
        column.addWidget(self.compare_box)
        column.addWidget(self.suggest_box)
        column.addWidget(self.images_box)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Unlike the other customer pages, this one may scroll sideways rather than hold the customer
        # panel wide: dragged narrow, its measures go two a row (resizeEvent) and it fits again.
        layout.addWidget(_YieldingScrollArea(inner, self))

        bus.changed.connect(self._on_changed)
        self.retranslate()
        self._render()

    # -- public

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def data(self) -> ScanPageData | None:
        """What the page shows, as last read."""
        return self._data

    def show_customer(self, customer_id: str | None) -> None:
        """Show ``customer_id``'s scans (None: nobody), now or when the page is shown."""
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._data = None
            self._seq += 1
            self._reset_form()
            self._render()
        if customer_id is not None and self.isVisible():
            self.refresh()
        else:
            self._stale = customer_id is not None

    def refresh(self) -> None:
        """Read the customer's scans again."""
        if self._customer_id is None:
            return
        self._stale = False
        self._seq += 1
        seq, who = self._seq, self._customer_id
        self.thumbnails.retry()  # what failed may have come since (a sync round, the server back)
        self.runner.read(load_scan_page, who, on_done=while_alive(self, lambda data: self._loaded(seq, data)))

    def values(self) -> dict[str, int]:
        """Return the values typed, by measure name (measures left at "—" are not measured)."""
        return {str(m): spin.value() for m, spin in self.spins.items() if spin.value() != NOT_MEASURED}

    def set_images(self, paths: list[Path]) -> None:
        """Take ``paths`` as the new scan's image files (the file dialog's choice; tests call it)."""
        self._paths = list(dict.fromkeys(paths))[:IMAGES_MAX]
        self._render_files()

    def choose_images(self) -> None:
        """Pick the scanner's image files to add to the new scan."""
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Scan images"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)"))
        if chosen:
            self.set_images([*self._paths, *(Path(p) for p in chosen)])

    def clear_images(self) -> None:
        self.set_images([])

    def save(self) -> None:
        """Record the scan typed; on success the form empties and the comparison shows it."""
        who = self._customer_id
        if who is None or self._data is None or not self._data.consent:
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        self.runner.run(scan_service.record_scan, who, self.values(), self.notes.toPlainText(), list(self._paths),
                        images=self.images, initiator=self,
                        on_done=while_alive(self, lambda _c: self._saved()),
                        on_error=while_alive(self, self._failed))

    def edit_rules(self) -> None:
        """Open the suggestion rules for a manager to edit."""
        self.rules_dialog = SuggestionRulesDialog(self.runner, self)
        self.rules_dialog.open()

    def view_image(self, sha256: str) -> PhotoViewer | None:
        """Open the viewer on the latest scan's image ``sha256``, with its other images (kept as ``photo_viewer``)."""
        latest = self._data.latest if self._data is not None else None
        if latest is None:
            return None
        photos = [ViewerPhoto(name, latest.at) for name in latest.images]
        start = latest.images.index(sha256) if sha256 in latest.images else 0
        self.photo_viewer = open_photo_viewer(self.runner, photos, start, parent=self)
        return self.photo_viewer

    # -- reading and showing

    def _loaded(self, seq: int, data: ScanPageData) -> None:
        if seq != self._seq:
            return  # an older read, for someone else or before a change
        self._data = data
        self._render()

    def _saved(self) -> None:
        self._reset_form()
        self.save_button.setEnabled(True)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(self._may_record())
        self.error.setText(translate_error(error))
        self.error.show()

    def _reset_form(self) -> None:
        for spin in self.spins.values():
            spin.setValue(NOT_MEASURED)
        self.notes.clear()
        self._paths = []
        self.error.hide()
        self._render_files()

    def _may_record(self) -> bool:
        return self._data is not None and self._data.consent

    def _render(self) -> None:
        data = self._data
        allowed = self._may_record()
        self.consent_message.setVisible(data is not None and not data.consent)
        for widget in (*self.spins.values(), self.notes, self.add_files_button, self.clear_files_button,
                       self.save_button):
            widget.setEnabled(allowed)
        actor = self.runner.actor
        self.rules_button.setVisible(actor is not None and may(actor.role, Permission.CATALOG_MANAGE))
        self._render_compare(data)
        self._render_thumbs(data)
        self._render_suggestions(data)

    def _render_compare(self, data: ScanPageData | None) -> None:
        rows = data.compared if data is not None else ()
        self.model.set_rows(rows)
        self.charts = {}
        for i, row in enumerate(rows):
            chart = Sparkline(self.table)
            chart.setObjectName(f"chart_{row.measure}")
            chart.set_values(data.charts.get(row.measure, ()) if data is not None else ())
            self.table.setIndexWidget(self.model.index(i, ScanCompareModel.CHART), chart)
            self.charts[row.measure] = chart
        # As tall as its rows: the page scrolls, not the table.
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(i) for i in range(len(rows)))
        self.table.setFixedHeight(height)
        self.table.setVisible(bool(rows))
        self._render_compare_caption()

    def _render_compare_caption(self) -> None:
        data = self._data
        if data is None or data.latest is None:
            self.compare_caption.setText(self.tr("No scans yet"))
        elif all(c.before is None for c in data.compared):
            self.compare_caption.setText(self.tr("First scan, {when}: nothing to compare with yet").format(
                when=format_datetime(data.latest.at)))
        else:
            self.compare_caption.setText(self.tr("Latest scan, {when}, beside the one before").format(
                when=format_datetime(data.latest.at)))

    def _render_thumbs(self, data: ScanPageData | None) -> None:
        self.thumbs.clear()
        names = data.latest.images if data is not None and data.latest is not None else ()
        for name in names:
            item = QListWidgetItem(self.thumbs)
            item.setData(IMAGE_ROLE, name)
            item.setToolTip(name[:12])
            pixmap = local_thumbnail(self.images, name, QSize(THUMB, THUMB))
            if pixmap is None:
                pixmap = self.thumbnails.thumbnail(name)  # None while it is fetched: ready or failed follows
            if pixmap is not None:
                self._show_thumbnail(item, pixmap)
            else:
                # Taken at another terminal and not fetched yet (or unreadable): a placeholder while it loads.
                item.setIcon(placeholder_icon(THUMB))
                item.setText(self.tr("Not here yet"))
                item.setData(Qt.ItemDataRole.UserRole, None)
                problem = self.thumbnails.problem(name)
                if problem:
                    item.setToolTip(problem)
        self.images_box.setVisible(bool(names))

    @staticmethod
    def _show_thumbnail(item: QListWidgetItem, pixmap: QPixmap) -> None:
        name = item.data(IMAGE_ROLE)
        item.setIcon(QIcon(pixmap))
        item.setText("")
        item.setData(Qt.ItemDataRole.UserRole, name)  # the name of an image shown
        item.setToolTip(str(name)[:12])

    def _thumb_items(self, sha256: str) -> list[QListWidgetItem]:
        items = (self.thumbs.item(i) for i in range(self.thumbs.count()))
        return [item for item in items if item.data(IMAGE_ROLE) == sha256]

    def _thumbnail_ready(self, sha256: str) -> None:
        pixmap = self.thumbnails.thumbnail(sha256)
        if pixmap is None:
            return
        for item in self._thumb_items(sha256):
            self._show_thumbnail(item, pixmap)

    def _thumbnail_failed(self, sha256: str, message: str) -> None:
        for item in self._thumb_items(sha256):
            item.setToolTip(message)

    def _render_suggestions(self, data: ScanPageData | None) -> None:
        self.suggestions.clear()
        found = data.suggestions if data is not None else []
        english = current_language() == "en"
        for suggestion in found:
            row = suggestion.item
            name = row.name_en if english and row.name_en else row.name_th
            because = "; ".join(reason_text(r) for r in suggestion.reasons)
            item = QListWidgetItem(self.tr("{item} — because {reason}").format(item=name, reason=because),
                                   self.suggestions)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        self.suggestions.setVisible(bool(found))
        self.suggestions.setFixedHeight(
            max(1, len(found)) * (self.fontMetrics().height() + 10) + 2 * self.suggestions.frameWidth())
        if data is None or data.latest is None:
            self.no_suggestions.setText(self.tr("Suggestions follow a scan"))
        else:
            self.no_suggestions.setText("" if found else self.tr("No treatment to suggest for the latest scan"))

    def _render_files(self) -> None:
        if self._paths:
            self.files_label.setText(self.tr("Images: {names}").format(
                names=", ".join(p.name for p in self._paths)))
        else:
            self.files_label.setText(self.tr("No images chosen"))
        self.clear_files_button.setVisible(bool(self._paths))

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        shown = self._customer_id
        if shown is None or not (changes.may_touch(Kind.CUSTOMER, shown) or changes.touches(Kind.CONSENT)
                                 or changes.touches(Kind.CATALOG_ITEM) or changes.touches(Kind.CHAIN)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- language

    def _lay_out_measures(self, columns: int) -> None:
        """Put the measures ``columns`` a row (caption and spin box side by side)."""
        if columns == self._measure_columns:
            return
        self._measure_columns = columns
        grid = self.measure_grid
        for measure in MEASURES:
            grid.removeWidget(self.captions[measure])
            grid.removeWidget(self.spins[measure])
        for col in range(MEASURE_COLUMNS_WIDE):
            grid.setColumnStretch(col * 2 + 1, 1 if col < columns else 0)
        for i, measure in enumerate(MEASURES):
            row, col = divmod(i, columns)
            grid.addWidget(self.captions[measure], row, col * 2)
            grid.addWidget(self.spins[measure], row, col * 2 + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Four measures a row keeps the form short enough to leave the comparison in view; a
        # customer panel dragged narrow gets two a row, so the page never forces the panel wider.
        self._lay_out_measures(MEASURE_COLUMNS_WIDE if event.size().width() >= NARROW_BELOW else 2)
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Skin scans"))
        self.consent_message.setText(self.tr(
            "This customer has not consented to skin scans and photos (sensitive data). "
            "Record their consent on the profile first; nothing can be recorded here until then."))
        self.form_box.setTitle(self.tr("New scan"))
        for measure, caption in self.captions.items():
            caption.setText(measure_label(measure))
        self.notes_caption.setText(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("What the scan shows, what the customer says (optional)"))
        self.add_files_button.setText(self.tr("Add images…"))
        self.clear_files_button.setText(self.tr("Clear images"))
        self.save_button.setText(self.tr("Save scan"))
        self.compare_box.setTitle(self.tr("Compared with the previous scan"))
        self.images_box.setTitle(self.tr("Images of the latest scan"))
        self.suggest_box.setTitle(self.tr("Suggested treatments"))
        self.rules_button.setText(self.tr("Suggestion rules…"))
        self.model.retranslate()
        self._render_files()
        self._render_compare_caption()
        self._render_suggestions(self._data)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)



