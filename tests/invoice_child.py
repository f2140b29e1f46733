"""Child process for the full tax invoice kill test: issues invoices for receipts until it is killed.

``python tests/invoice_child.py DB``
    Open the terminal database ``DB`` (set up by ``tests/test_invoice_kill.py``
    with sales and the branch's tax id), print ``ready <pid>``, then for each
    sale without a full tax invoice, oldest first, issue one (a company or a
    person as buyer), printing ``issued <number>`` once it committed. With
    none left it prints ``done`` and waits to be killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from bnaura_desk.domain.tax_invoices import BuyerForm
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.tax_invoices import issue_full_invoice
from bnaura_desk.store.models import Sale, TaxInvoice
from bnaura_desk.terminal import Terminal

BUYERS = (BuyerForm("บริษัท สวยใส จำกัด", "0105559123454", "55 ถนนสีลม กรุงเทพฯ 10500", "สำนักงานใหญ่"),
          BuyerForm("สมหญิง ใจดี", "3100600445368", "12 ซอยอารีย์ กรุงเทพฯ 10400"))


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode())


def main(db: str) -> None:
    terminal = Terminal.open(Path(db))
    _say(f"ready {os.getpid()}")
    while True:
        left = terminal.read(lambda s: list(s.scalars(
            select(Sale.number).where(Sale.id.not_in(select(TaxInvoice.sale_id))).order_by(Sale.seq).limit(1))))
        if not left:
            _say("done")
            time.sleep(60)
            return
        issued = terminal.run(issue_full_invoice, left[0], BUYERS[len(left[0]) % 2], actor=SYSTEM).result
        _say(f"issued {issued.number}")


if __name__ == "__main__":
    main(sys.argv[1])
