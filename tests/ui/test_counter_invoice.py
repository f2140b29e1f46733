"""The full tax invoice from the POS screen, on a real terminal and runner, driven with the keyboard."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from bnaura_desk.store.models import TaxInvoice
from tests.conftest import Staffed
from tests.domain.test_keyboard import thai_layout
from tests.ui.test_counter import (  # noqa: F401  (the fixtures)
    SERUM_BARCODE,
    desk,
    open_shift,
    payment_dialog,
    scan,
    screen,
    settle,
    shop,
    wait_priced,
)
from tests.ui.test_customers import type_text
from ui.counter.full_invoice import FullInvoiceDialog
from ui.counter.screen import CounterScreen


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace("\u0e4d\u0e32", "\u0e33")  # the font draws ำ as nikhahit and sara aa


def _invoices(s: Staffed) -> list[TaxInvoice]:
    return list(s.terminal.read(lambda session: list(session.scalars(select(TaxInvoice)))))


def _open_dialog(screen: CounterScreen, qtbot) -> FullInvoiceDialog:  # noqa: F811
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: screen.invoice_button.dialog is not None and screen.invoice_button.dialog.isVisible())
    dialog = screen.invoice_button.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_last_sales_full_tax_invoice_is_issued_and_opened_with_the_keyboard(
        screen, qtbot, staffed_copy, shop) -> None:  # noqa: F811
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    opened: list[str] = []

    class Viewer(QObject):
        """Stands in for the system's PDF viewer (Qt hands it the file's URL)."""

        @Slot(QUrl)
        def show(self, url: QUrl) -> None:
            opened.append(url.toLocalFile())

    viewer = Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "show")
    try:
        scan(qtbot, screen, SERUM_BARCODE)
        wait_priced(screen, qtbot)
        pay = payment_dialog(screen, qtbot)
        qtbot.keyClick(pay.received, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.last_sale is not None)
        settle(screen, qtbot)
        receipt = screen.last_sale.number

        assert screen.invoice_button.text() == "ใบกำกับภาษีเต็มรูป…"
        dialog = _open_dialog(screen, qtbot)
        assert dialog.receipt.text() == receipt and dialog.name.hasFocus()
        assert dialog.windowTitle() == "ใบกำกับภาษีเต็มรูป"
        type_text(qtbot, dialog.name, "บริษัท สวยใส จำกัด")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.tin, "0105559123455")  # the last digit typed wrong
        qtbot.keyClick(dialog.tin, Qt.Key.Key_Tab)
        type_text(qtbot, dialog.address, "55 ถนนสีลม")
        qtbot.keyClick(dialog.address, Qt.Key.Key_Return)  # a new line of the address
        type_text(qtbot, dialog.address, "กรุงเทพฯ 10500")
        qtbot.keyClick(dialog.address, Qt.Key.Key_Tab)
        assert dialog.branch.hasFocus()
        type_text(qtbot, dialog.branch, "สำนักงานใหญ่")
        qtbot.keyClick(dialog.branch, Qt.Key.Key_Return)
        # Refused as typed, in Thai, with the keyboard back in the tax id; nothing is written.
        assert dialog.isVisible() and dialog.error.isVisible() and dialog.tin.hasFocus()
        assert "เลขประจำตัวผู้เสียภาษี 0105559123455 ไม่ถูกต้อง" in dialog.error.text()
        assert _invoices(s) == []
        dialog.tin.selectAll()
        qtbot.keyClicks(dialog.tin, "0105559123454")
        qtbot.keyClick(dialog.tin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.invoice_button.dialog is None)
        settle(screen, qtbot)

        [invoice] = _invoices(s)
        assert (invoice.buyer_name, invoice.buyer_tin, invoice.buyer_address, invoice.buyer_branch) == (
            "บริษัท สวยใส จำกัด", "0105559123454", "55 ถนนสีลม\nกรุงเทพฯ 10500", "00000")
        path = screen.invoice_button.last_path
        assert path is not None and opened == [str(path)]
        assert path == s.terminal.path.parent / "tax-invoices" / f"{invoice.number}.pdf"
        text = _pdf_text(path)
        # A walk-in's serum: ฿1,200, of which VAT 7/107 is ฿78.50 on ฿1,121.50.
        for seen in (invoice.number, receipt, "บริษัท สวยใส จำกัด", "0105559123454", "สำนักงานใหญ่",
                     "เซรั่มวิตามินซี", "1,200.00", "78.50", "1,121.50"):
            assert seen in text, seen

        # Asked again for the same receipt, its number typed with the keyboard set to Thai: refused,
        # naming the invoice; the dialog stays open.
        dialog = _open_dialog(screen, qtbot)
        dialog.receipt.clear()
        type_text(qtbot, dialog.receipt, thai_layout(receipt.lower()))
        assert dialog.receipt.text() != receipt.lower()
        type_text(qtbot, dialog.name, "สมหญิง ใจดี")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.tin, "0105559123454")
        qtbot.keyClick(dialog.tin, Qt.Key.Key_Tab)
        type_text(qtbot, dialog.address, "กรุงเทพฯ")
        qtbot.keyClick(dialog.address, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.branch, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.error.isVisible())
        settle(screen, qtbot)
        assert invoice.number in dialog.error.text() and len(_invoices(s)) == 1
        # F8: a copy of the invoice that replaced it, marked as such, opened in the viewer.
        qtbot.keyClick(dialog.branch, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: screen.invoice_button.dialog is None)
        assert len(opened) == 2 and opened[1].endswith(f"{invoice.number}-copy.pdf")
        copy = _pdf_text(Path(opened[1]))
        assert "สำเนา / COPY" in copy and invoice.number in copy and "0105559123454" in copy

        # A receipt without a full tax invoice has no copy to print.
        dialog = _open_dialog(screen, qtbot)
        dialog.receipt.selectAll()
        qtbot.keyClicks(dialog.receipt, "R00000-ZZZZ-000001")
        qtbot.keyClick(dialog.receipt, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: dialog.error.isVisible())
        settle(screen, qtbot)
        assert "R00000-ZZZZ-000001" in dialog.error.text() and dialog.receipt.hasFocus()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: screen.invoice_button.dialog is None)
        assert len(opened) == 2 and len(_invoices(s)) == 1
    finally:
        QDesktopServices.unsetUrlHandler("file")
