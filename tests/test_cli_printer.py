"""``bnaura printer`` on a real database: set up a printer, a test page on a fake network printer, the queue."""

from __future__ import annotations

from pathlib import Path

from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.printing import queue_receipt
from bnaura_desk.terminal import Terminal

from .printing.fake_printer import FakePrinter, decode, refused_port
from .printing.shop import open_shop, sell
from .test_cli import assert_user_error, bnaura


def test_every_printer_command_has_help() -> None:
    for args in (("printer",), ("printer", "add"), ("printer", "list"), ("printer", "test"), ("printer", "queue")):
        shown = bnaura(*args, "--help")
        assert shown.returncode == 0 and "usage: bnaura printer" in shown.stdout, args
    assert "--pdf-viewer" in bnaura("printer", "add", "--help").stdout
    assert "--print" in bnaura("printer", "queue", "--help").stdout


def test_a_test_page_reaches_the_network_printer(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    Terminal.create(db, clinic_name="คลินิก", device_name="POS-1").close()
    assert_user_error(bnaura("printer", "test", "--db", db), "bnaura printer add")
    printer = FakePrinter()
    try:
        added = bnaura("printer", "add", "counter", "--network", printer.address, "--default", "--db", db)
        assert added.returncode == 0, added.stderr
        listed = bnaura("printer", "list", "--db", db)
        assert "counter" in listed.stdout and printer.address in listed.stdout and "576 dots" in listed.stdout
        sent = bnaura("printer", "test", "--db", db)
        assert sent.returncode == 0, sent.stderr
        assert "test page sent to counter" in sent.stdout
        page = decode(printer.wait_for_jobs(1)[0])
        assert page.image.width == 576 and page.cuts and not page.kicks_drawer
    finally:
        printer.close()


def test_printer_mistakes_are_one_line_on_stderr(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    Terminal.create(db, clinic_name="คลินิก", device_name="POS-1").close()
    assert_user_error(bnaura("printer", "add", "counter", "--network", "printer:99999", "--db", db), "host:port")
    assert bnaura("printer", "add", "counter", "--network", "10.0.0.9", "--paper", "58", "--db", db).returncode == 2
    port = refused_port()
    assert bnaura("printer", "add", "counter", "--network", f"127.0.0.1:{port}", "--db", db).returncode == 0
    assert_user_error(bnaura("printer", "test", "--printer", "kitchen", "--db", db), "There is no printer kitchen")
    assert_user_error(bnaura("printer", "test", "--timeout", "2", "--db", db),
                      "Printer counter did not print the test page")
    thai = bnaura("printer", "test", "--timeout", "2", "--db", db, env={"BNAURA_LANG": "th"})
    assert_user_error(thai, "counter")
    assert "เครื่องพิมพ์" in thai.stderr


def test_the_queue_lists_what_waits_and_prints_it_when_the_printer_is_back(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    port = refused_port()
    with Terminal.create(db, clinic_name="คลินิก", device_name="POS-1") as terminal:
        item = open_shop(terminal)
        sale = sell(terminal, item, cash=True)
        terminal.run(queue_receipt, sale.sale_id, actor=SYSTEM)
    assert bnaura("printer", "add", "counter", "--network", f"127.0.0.1:{port}", "--db", db).returncode == 0
    listed = bnaura("printer", "queue", "--db", db)
    assert listed.returncode == 0 and sale.number in listed.stdout and "queued" in listed.stdout

    offline = bnaura("printer", "queue", "--print", "--timeout", "2", "--db", db)
    assert_user_error(offline, "Printer counter is offline: the receipt waits in the queue")
    row = next(line for line in offline.stdout.splitlines() if sale.number in line)
    assert "queued" in row and "refused" in row.lower()
    thai = bnaura("printer", "queue", "--print", "--timeout", "2", "--db", db, env={"BNAURA_LANG": "th"})
    assert_user_error(thai, "counter")
    assert "คิว" in thai.stderr

    printer = FakePrinter(port)
    try:
        back = bnaura("printer", "queue", "--print", "--db", db)
        assert back.returncode == 0, back.stderr
        assert "printed 1 job(s)" in back.stdout and "no print job is waiting" in back.stdout
        receipt = decode(printer.wait_for_jobs(1)[0])
        assert receipt.kicks_drawer and receipt.cuts
    finally:
        printer.close()
