"""A customer found as it is typed: a search box and the list of hits under it, read on the worker.

What a dialog that names a customer (booking an appointment, opening a
journey) puts in its form: the box takes a name or a phone number
(``services.customers.search_customers``), the list shows the best 20
hits with the first one chosen, and only the answer to the latest text is
shown. The dialog reads the choice with ``chosen()``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from bnaura_desk.domain.phone import display_phone
from bnaura_desk.services import customers
from bnaura_desk.services.customers import CustomerHit

from ..i18n import current_language
from ..runner import DeskRunner

_ID = Qt.ItemDataRole.UserRole
_HITS = 20


class CustomerSearch(QObject):
    """The box (``box``) and its hits (``hits``), both children of ``parent``; ``failed`` carries a read's error."""

    failed = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget, placeholder: str, object_name: str) -> None:
        super().__init__(parent)
        self.runner = runner
        self._seq = 0
        self.box = QLineEdit(parent)
        self.box.setObjectName(f"{object_name}Search")
        self.box.setPlaceholderText(placeholder)
        self.box.textChanged.connect(self._search)
        self.hits = QListWidget(parent)
        self.hits.setObjectName(f"{object_name}Hits")

    def chosen(self) -> str | None:
        """Return the id of the customer chosen in the list, or None when none is."""
        current = self.hits.currentItem()
        return str(current.data(_ID)) if current is not None else None

    def _search(self, text: str) -> None:
        self._seq += 1
        seq = self._seq
        if not text.strip():
            self.hits.clear()
            return
        self.runner.read(customers.search_customers, text, limit=_HITS,
                         on_done=lambda hits: self._show(seq, hits), on_error=self.failed.emit)

    def _show(self, seq: int, hits: list[CustomerHit]) -> None:
        if seq != self._seq:
            return  # an answer to an older text
        self.hits.clear()
        english = current_language() == "en"
        for hit in hits:
            name = (hit.name_en or hit.name_th) if english else (hit.name_th or hit.name_en)
            item = QListWidgetItem(f"{name or hit.nickname} · {display_phone(hit.phone)}")
            item.setData(_ID, hit.id)
            self.hits.addItem(item)
        if hits:
            self.hits.setCurrentRow(0)
