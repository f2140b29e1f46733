"""The print queue: receipts of committed sales reach a network printer, and wait when it is off."""

from __future__ import annotations

import stat
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bnaura_desk.domain.errors import NotFound
from bnaura_desk.printing.config import PrinterConfig, PrinterKind
from bnaura_desk.printing.worker import print_waiting
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.printing import JobState, print_jobs, queue_receipt, set_printer
from bnaura_desk.services.receipts import receipt_document
from bnaura_desk.terminal import Terminal

from .fake_printer import FakePrinter, decode, refused_port
from .shop import open_shop, sell


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def use_printer(terminal: Terminal, address: str, name: str = "counter") -> None:
    terminal.run(set_printer, PrinterConfig(name, PrinterKind.NETWORK, address), default=True, actor=SYSTEM)


def jobs(terminal: Terminal) -> dict[str, tuple[JobState, int, str]]:
    return {job.sale_number: (job.state, job.attempts, job.last_error) for job in terminal.read(print_jobs)}


def test_each_receipt_prints_once_with_the_drawer_kicked_for_cash_only(terminal: Terminal,
                                                                      printer: FakePrinter) -> None:
    item = open_shop(terminal)
    use_printer(terminal, printer.address)
    cash, card = sell(terminal, item, cash=True), sell(terminal, item, cash=False)
    # Checkout queued each receipt in the sale's own transaction.
    assert jobs(terminal) == {cash.number: (JobState.QUEUED, 0, ""), card.number: (JobState.QUEUED, 0, "")}

    outcome = print_waiting(terminal)
    assert len(outcome.printed) == 2 and not outcome.waiting and not outcome.failed
    first, second = (decode(job) for job in printer.wait_for_jobs(2))
    assert first.kicks_drawer and first.cuts  # the cash sale, queued first
    assert not second.kicks_drawer and second.cuts
    assert first.image.width == 576 and first.image.height > 800
    assert jobs(terminal) == {cash.number: (JobState.PRINTED, 1, ""), card.number: (JobState.PRINTED, 1, "")}

    # Nothing is printed twice: a second pass finds nothing queued.
    assert print_waiting(terminal).printed == []
    assert len(printer.jobs) == 2


def test_a_reprint_is_marked_copy_and_opens_no_drawer(terminal: Terminal, printer: FakePrinter) -> None:
    item = open_shop(terminal)
    use_printer(terminal, printer.address)
    sale = sell(terminal, item, cash=True)  # its receipt is queued by checkout
    terminal.run(queue_receipt, sale.sale_id, copy=True, actor=SYSTEM)
    assert len(print_waiting(terminal).printed) == 2
    original, reprint = (decode(job) for job in printer.wait_for_jobs(2))
    assert original.kicks_drawer and not reprint.kicks_drawer
    # The copy mark (a boxed สำเนา / COPY) makes the reprint longer than the original.
    assert reprint.image.height > original.image.height
    assert terminal.read(receipt_document, sale.sale_id, copy=True).is_copy


def test_an_offline_printer_leaves_the_receipt_queued_and_a_later_pass_prints_it(terminal: Terminal) -> None:
    item = open_shop(terminal)
    port = refused_port()
    use_printer(terminal, f"127.0.0.1:{port}")
    sales = [sell(terminal, item, cash=True), sell(terminal, item, cash=False)]

    outcome = print_waiting(terminal, timeout=2)
    assert outcome.printed == [] and len(outcome.waiting) == 2
    message = outcome.waiting[0][1].render()
    assert message == "Printer counter is offline: the receipt waits in the queue"
    for state, attempts, error in jobs(terminal).values():
        assert (state, attempts) == (JobState.QUEUED, 1) and "refused" in error.lower()
    # The sales stand whatever the printer did.
    assert all(terminal.read(receipt_document, s.sale_id).number == s.number for s in sales)

    # The printer is switched on at the same address: the next pass prints both, the cash one kicking the drawer.
    fake = FakePrinter(port)
    try:
        outcome = print_waiting(terminal)
        assert len(outcome.printed) == 2
        printed = [decode(job) for job in fake.wait_for_jobs(2)]
        assert [p.kicks_drawer for p in printed] == [True, False]
    finally:
        fake.close()
    assert {(state, attempts, error) for state, attempts, error in jobs(terminal).values()} == {
        (JobState.PRINTED, 2, "")}


def test_without_a_printer_set_up_the_job_waits_and_says_how_to_add_one(terminal: Terminal) -> None:
    item = open_shop(terminal)
    sale = sell(terminal, item, cash=False)
    assert jobs(terminal) == {}  # no printer: checkout queues nothing (the counter writes a PDF)
    terminal.run(queue_receipt, sale.sale_id, actor=SYSTEM)
    outcome = print_waiting(terminal)
    assert isinstance(outcome.waiting[0][1], NotFound)
    assert jobs(terminal)[sale.number][:2] == (JobState.QUEUED, 1)
    assert "bnaura printer add" in jobs(terminal)[sale.number][2]
    # Two printers and neither the default: the receipt still waits rather than guess.
    terminal.run(set_printer, PrinterConfig("front", PrinterKind.NETWORK, "10.0.0.8"), actor=SYSTEM)
    terminal.run(set_printer, PrinterConfig("back", PrinterKind.NETWORK, "10.0.0.9"), actor=SYSTEM)
    assert isinstance(print_waiting(terminal).waiting[0][1], NotFound)
    assert jobs(terminal)[sale.number][:2] == (JobState.QUEUED, 2)
    with pytest.raises(NotFound):
        terminal.run(queue_receipt, "no-such-sale", actor=SYSTEM)


def test_a_receipt_of_a_branch_without_tax_id_fails_and_says_why(tmp_path: Path) -> None:
    with Terminal.create(tmp_path / "t.sqlite", clinic_name="คลินิก", device_name="POS-1") as terminal:
        item = open_shop(terminal, tax_id=None)
        use_printer(terminal, f"127.0.0.1:{refused_port()}")
        sale = sell(terminal, item, cash=False)
        outcome = print_waiting(terminal)
        assert len(outcome.failed) == 1 and "tax id" in outcome.failed[0][1].render()
        state, attempts, error = jobs(terminal)[sale.number]
        assert (state, attempts) == (JobState.FAILED, 1) and "tax id" in error


def test_a_device_path_and_the_pdf_viewer_get_the_receipt(tmp_path: Path, terminal: Terminal) -> None:
    item = open_shop(terminal)
    sale = sell(terminal, item, cash=True)
    device = tmp_path / "lp0"
    device.write_bytes(b"")  # the device node a USB printer's driver makes
    terminal.run(set_printer, PrinterConfig("usb", PrinterKind.DEVICE, str(device), 512), actor=SYSTEM)
    viewer = tmp_path / "viewer.sh"  # a viewer that notes which file it was asked to show
    viewer.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        echo "$1" > {tmp_path / "shown.txt"}
        """))
    viewer.chmod(viewer.stat().st_mode | stat.S_IXUSR)
    terminal.run(set_printer, PrinterConfig("screen", PrinterKind.PDF_VIEWER, str(viewer)), actor=SYSTEM)
    terminal.run(queue_receipt, sale.sale_id, printer="usb", actor=SYSTEM)
    terminal.run(queue_receipt, sale.sale_id, printer="screen", copy=True, actor=SYSTEM)

    assert len(print_waiting(terminal).printed) == 2
    on_paper = decode(device.read_bytes())
    assert on_paper.image.width == 512 and on_paper.kicks_drawer and on_paper.cuts
    pdf = terminal.path.parent / "printouts" / f"{sale.number}-copy.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    shown = tmp_path / "shown.txt"
    for _ in range(200):  # the viewer runs on its own
        if shown.exists() and shown.read_text().strip():
            break
        time.sleep(0.02)
    assert shown.read_text().strip() == str(pdf)

    # A device that is gone (printer unplugged) leaves the next job waiting, and creates no file there.
    device.unlink()
    terminal.run(queue_receipt, sale.sale_id, printer="usb", copy=True, actor=SYSTEM)
    outcome = print_waiting(terminal)
    assert len(outcome.waiting) == 1 and not device.exists()
