"""Paying a deposit's balance later: the counter's payment dialog for what a sale still owes.

Opened from the customer's Purchases page and from the member area of the
POS screen. The PromptPay id is read first (its QR pays the balance too);
confirming runs ``balances.pay_balance`` on the database worker, whose
refusal shows in the dialog and changes nothing. Once paid, a copy of the
sale's receipt (every payment, the balance still due) is written as a PDF
beside the terminal's database; with a printer, ``pay_balance`` queued the
copy and the print queue's pass prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import Tender
from bnaura_desk.services import balances, counter_settings
from bnaura_desk.services.balances import BalancePaid

from ..customers.callbacks import while_alive
from ..runner import DeskRunner
from .payment import PaymentDialog
from .promptpay_id import ask_promptpay_id
from .reads import write_receipt


def receipts_folder(database: Path) -> Path:
    """Return where the terminal keeps its receipt PDFs: ``receipts/`` beside its database (as the POS screen)."""
    return database.parent / "receipts"


def open_pay_balance(runner: DeskRunner, parent: QWidget, sale_id: str, outstanding_satang: int,
                     on_paid: Callable[[BalancePaid], None] | None = None,
                     initiator: QObject | None = None) -> None:
    """Open the payment dialog for ``outstanding_satang`` of sale ``sale_id`` over ``parent``.

    ``on_paid(BalancePaid)`` runs once the payment is committed (the
    change set is on the bus before it). The dialog is reachable through
    ``parent.findChild(PaymentDialog)`` while it shows.
    """

    def opened(promptpay: str | None) -> None:
        today = bangkok_date(runner.terminal.clock())
        dialog = PaymentDialog(outstanding_satang, promptpay, today, parent, balance=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved(value: str | None) -> None:
            if shiboken6.isValid(dialog):
                dialog.set_promptpay_id(value)

        def paid(changes: ChangeSet) -> None:
            done: BalancePaid = changes.result
            if dialog.isVisible():
                dialog.accept()
            runner.read(write_receipt, done.sale_id, receipts_folder(runner.terminal.path), True,
                        on_error=lambda _error: None)  # the payment stands; the copy can be printed again
            if on_paid is not None:
                on_paid(done)

        def submitted(tenders: tuple[Tender, ...], _due_on: object) -> None:
            runner.run(balances.pay_balance, sale_id, list(tenders), on_done=while_alive(parent, paid),
                       on_error=while_alive(dialog, dialog.fail), initiator=initiator or parent)

        dialog.submitted.connect(submitted)
        dialog.promptpay_requested.connect(lambda: ask_promptpay_id(runner, dialog, saved, initiator=initiator))
        dialog.open()

    runner.read(counter_settings.promptpay_id, on_done=while_alive(parent, opened),
                on_error=while_alive(parent, lambda error: runner.show_error(error, parent)))
