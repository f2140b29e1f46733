"""The customer's courses: the "Courses" page of the customer detail.

Each course the customer bought at any branch (what is left, until when)
and, under the list, the history of the selected one: bought, each session
used (when, at which branch, performed by whom, the note), refunded. The
page is ``ui.courses.section.CoursesSection`` with its history shown; a
session can be used from here too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..bus import ChangeBus
from ..courses.section import CoursesSection
from ..runner import DeskRunner


class CoursesPage(QWidget):
    """The "Courses" page: the customer's courses and the selected course's history."""

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerCourses")
        self.section = CoursesSection(runner, bus, self, history=True)
        self.section.caption.hide()  # the tab names the page
        layout = QVBoxLayout(self)
        layout.addWidget(self.section)
        self.retranslate()

    def show_customer(self, customer_id: str | None) -> None:
        """Show ``customer_id``'s courses (None: nobody), now or when the page is shown."""
        self.section.show_customer(customer_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Courses"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
