"""The argparse parser of ``bnaura`` and its commands, and the checks argparse cannot make.

Each command's ``handler(args, console) -> exit code`` is set as a default
of its sub-parser; ``bnaura server`` is listed for ``--help`` only (its own
parser is ``sync.server.cli``'s).
"""

from __future__ import annotations

import argparse
import platform
from typing import TypeAlias

from .. import __version__
from .app import cmd_app
from .backup import cmd_backup
from .common import PROG
from .coupons import cmd_check as cmd_coupons_check
from .coupons import cmd_generate as cmd_coupons_generate
from .customers import cmd_export, cmd_import
from .demo_init import DEMO_CUSTOMERS
from .init import cmd_init
from .invoices import cmd_invoice_full, cmd_invoice_show
from .loyalty import cmd_loyalty_expire, cmd_loyalty_statement
from .printers import cmd_printer_add, cmd_printer_list, cmd_printer_queue, cmd_printer_test
from .receipts import cmd_receipt_credit_note, cmd_receipt_show, cmd_report
from .sync_commands import cmd_enroll, cmd_sync


def branch_count(text: str) -> int:
    """Return ``text`` as the number of branches of a demo chain (an argparse ``type``)."""
    from ..demo import MAX_BRANCHES

    value = positive(text)
    if not 1 <= value <= MAX_BRANCHES:
        raise argparse.ArgumentTypeError(f"the demo chain has 1 to {MAX_BRANCHES} branches")
    return value


def positive(text: str) -> int:
    """Return ``text`` as a whole number of 0 or more (an argparse ``type``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("give 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``bnaura`` and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help="the terminal database (default: $BNAURA_DB, else "
        "$XDG_DATA_HOME/bnaura-desk/terminal.sqlite)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="BN-Aura Desk: front desk and point of sale for aesthetic clinics.",
        epilog="Run 'bnaura COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    device_default = platform.node() or "POS-1"
    _add_init(commands, common, device_default)
    _add_app(commands, common, device_default)
    _add_customers(commands, common)
    _add_loyalty(commands, common)
    _add_receipt(commands, common)
    _add_invoice(commands, common)
    _add_printer(commands, common)
    _add_backup(commands, common)
    _add_sync(commands, common, device_default)
    _add_coupons(commands, common)
    # Listed for --help only: main() hands `bnaura server ...` to sync.server.cli.
    commands.add_parser(
        "server",
        add_help=False,
        help="run the clinic sync server; manage its clinics, enrollment codes and devices "
        "(see: bnaura server --help)",
    )
    return parser


def check_combinations(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Exit with a usage error (2) for options that do not go together."""
    if args.command != "init":
        return
    if args.demo and (args.clinic or args.owner_name or args.owner_pin):
        parser.error("--clinic, --owner-name and --owner-pin do not go with --demo")
    if not args.demo and (args.seed is not None or args.customers is not None or args.branches is not None):
        parser.error("--customers, --seed and --branches go with --demo")


# The sub-parsers' action type is private to argparse.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_init(commands: Commands, common: argparse.ArgumentParser, device: str) -> None:
    init = commands.add_parser(
        "init",
        parents=[common],
        help="create or upgrade the database (an existing one is backed up first)",
        description="Create the terminal database, or upgrade one made by an older version "
        "after copying it to a timestamped backup. A new database needs its clinic's name "
        "and first owner: asked for on a terminal, or given as options.",
    )
    init.add_argument("--clinic", metavar="NAME", help="the clinic's name for a new database")
    init.add_argument(
        "--device",
        metavar="NAME",
        default=device,
        help="this terminal's name (default: %(default)s)",
    )
    init.add_argument(
        "--owner-name", metavar="NAME", help="the first owner's name for a new database"
    )
    init.add_argument(
        "--owner-pin",
        metavar="PIN",
        help="the first owner's PIN, 4 to 6 digits (other users of this computer can see "
        "command lines: leave it out to be asked)",
    )
    init.add_argument(
        "--demo",
        action="store_true",
        help="set up the demo clinic with staff, catalog and customers",
    )
    init.add_argument(
        "--customers",
        metavar="N",
        type=positive,
        default=None,
        help=f"demo customers to make (default: {DEMO_CUSTOMERS})",
    )
    init.add_argument("--seed", metavar="S", type=int, help="random seed for repeatable demo data")
    init.add_argument(
        "--branches",
        metavar="N",
        type=branch_count,
        default=None,
        help="a demo chain of N branches, this terminal's the head office, customers registered at each "
        "(default: 1, a single clinic)",
    )
    init.set_defaults(handler=cmd_init)


def _add_app(commands: Commands, common: argparse.ArgumentParser, device: str) -> None:
    app = commands.add_parser(
        "app",
        parents=[common],
        help="start the desktop app",
        description="Start the desktop app. With --demo, a missing database is first set up "
        "as the demo clinic (its staff PINs are printed once).",
    )
    app.add_argument("--demo", action="store_true", help="set up the demo clinic first if needed")
    app.add_argument(
        "--no-server", action="store_true", help="with --demo: do not start the local clinic server"
    )
    app.add_argument(
        "--join",
        action="store_true",
        help="a new database: join a clinic server (the first-run dialog)",
    )
    app.add_argument("--customers", metavar="N", type=positive, help=argparse.SUPPRESS)
    app.add_argument("--device", metavar="NAME", default=device, help=argparse.SUPPRESS)
    app.set_defaults(handler=cmd_app)


def _add_loyalty(commands: Commands, common: argparse.ArgumentParser) -> None:
    loyalty = commands.add_parser(
        "loyalty",
        help="run the daily loyalty jobs now; print a member's points statement",
        description="Members' points: the expiry, birthday and tier jobs the app runs daily, and a "
        "member's statement.",
    )
    actions = loyalty.add_subparsers(dest="loyalty_command", metavar="ACTION", required=True)
    expire = actions.add_parser(
        "expire",
        parents=[common],
        help="expire points, award birthdays, record tier changes (what the app does daily)",
        description="Run the daily loyalty jobs now: expire lots of points past their 12 months, "
        "award birthday points to members born this month, record tier changes. Safe to run "
        "again or beside the app (a second run the same day does nothing).",
    )
    expire.set_defaults(handler=cmd_loyalty_expire)
    statement = actions.add_parser(
        "statement",
        parents=[common],
        help="print or export a member's points statement",
        description="Print a member's tier, balance, points expiring within 30 days and every "
        "ledger line with its reason and expiry date; or write them to a CSV file (UTF-8 with "
        "BOM, so Excel shows Thai). Works while the app is running.",
    )
    statement.add_argument("member", metavar="PHONE|CODE", help="the member's phone or referral code")
    statement.add_argument("--csv", metavar="FILE", help="write the statement to this CSV file")
    statement.set_defaults(handler=cmd_loyalty_statement)


def _add_invoice(commands: Commands, common: argparse.ArgumentParser) -> None:
    invoice = commands.add_parser(
        "invoice",
        help="issue a full tax invoice (ใบกำกับภาษีเต็มรูป) for a receipt, or write one as a PDF",
        description="Full tax invoices issued on a customer's request, each replacing a receipt.",
    )
    actions = invoice.add_subparsers(dest="invoice_command", metavar="ACTION", required=True)
    full = actions.add_parser(
        "full",
        parents=[common],
        help="issue the full tax invoice replacing a receipt and write it as an A4 PDF",
        description="Issue the full tax invoice that replaces this receipt, naming the buyer, with the next "
        "number of this terminal's series, and write it as an A4 PDF. A receipt is replaced once; "
        "reprint with 'bnaura invoice show NUMBER --copy'.",
    )
    full.add_argument("receipt", metavar="RECEIPT", help="the receipt's number, e.g. R00000-K7QM-000123")
    full.add_argument("--buyer-name", metavar="NAME", required=True, help="the buyer's name (a person or a company)")
    full.add_argument("--buyer-tin", metavar="TIN", required=True, help="the buyer's 13-digit tax id (a person's: the national id)")
    full.add_argument("--buyer-address", metavar="ADDRESS", required=True, help="the buyer's address")
    full.add_argument("--buyer-branch", metavar="BRANCH", help="the buyer's establishment: สำนักงานใหญ่ (head office) or a branch "
                      "number such as 00001; leave out for a person")
    full.add_argument("--pdf", metavar="FILE", required=True, help="where to write the PDF")
    full.set_defaults(handler=cmd_invoice_full)
    show = actions.add_parser(
        "show",
        parents=[common],
        help="write a full tax invoice's A4 PDF (a reprint is marked สำเนา / COPY)",
        description="Write the full tax invoice with this number as an A4 PDF. With --copy it is marked "
        "สำเนา / COPY, as every reprint must be. Works while the app is running.",
    )
    show.add_argument("number", metavar="NUMBER", help="the invoice's number, e.g. T00000-K7QM-000001")
    show.add_argument("--copy", action="store_true", help="mark it as a copy (a reprint)")
    show.add_argument("--pdf", metavar="FILE", required=True, help="where to write the PDF")
    show.set_defaults(handler=cmd_invoice_show)


def _add_receipt(commands: Commands, common: argparse.ArgumentParser) -> None:
    receipt = commands.add_parser(
        "receipt",
        help="write a receipt (abbreviated tax invoice) as a PDF",
        description="Receipts this terminal or the chain issued, as PDF files.",
    )
    actions = receipt.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        parents=[common],
        help="write a receipt's PDF (a reprint is marked สำเนา / COPY)",
        description="Write the receipt with this number, or this terminal's last one, as an 80 mm PDF. "
        "With --copy it is marked สำเนา / COPY, as every reprint must be. Works while the app is running.",
    )
    which = show.add_mutually_exclusive_group(required=True)
    which.add_argument("number", nargs="?", metavar="NUMBER", help="the receipt's number, e.g. R00000-K7QM-000123")
    which.add_argument("--last", action="store_true", help="this terminal's last receipt")
    show.add_argument("--copy", action="store_true", help="mark it as a copy (a reprint)")
    show.add_argument("--pdf", metavar="FILE", required=True, help="where to write the PDF")
    show.set_defaults(handler=cmd_receipt_show)
    credit = actions.add_parser(
        "credit-note",
        parents=[common],
        help="write a refund's credit note (ใบลดหนี้) as an A4 PDF",
        description="Write the credit note with this number (a refund's or a void's) as an A4 PDF. "
        "With --copy it is marked สำเนา / COPY. Works while the app is running.",
    )
    credit.add_argument("number", metavar="NUMBER", help="the credit note's number, e.g. C00000-K7QM-000007")
    credit.add_argument("--copy", action="store_true", help="mark it as a copy (a reprint)")
    credit.add_argument("--pdf", metavar="FILE", required=True, help="where to write the PDF")
    credit.set_defaults(handler=cmd_receipt_credit_note)
    report = commands.add_parser(
        "report",
        parents=[common],
        help="write this terminal's X report (the open shift) or Z report (a day) as a PDF",
        description="X: what the open shift has sold so far, by payment method, with the cash the drawer "
        "should hold. Z: a clinic day's sales (Asia/Bangkok): receipts with their first and last numbers, "
        "discounts, VAT-able, VAT and exempt parts, money by payment method. Works while the app is running.",
    )
    report.add_argument("kind", choices=["x", "z"], help="x: the open shift; z: a day")
    report.add_argument("--date", metavar="YYYY-MM-DD", help="the day of a Z report (default: today)")
    report.add_argument("--pdf", metavar="FILE", required=True, help="where to write the PDF")
    report.set_defaults(handler=cmd_report)


def seconds(text: str) -> float:
    """Return ``text`` as a number of seconds above 0 and at most 60 (an argparse ``type``)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 60:
        raise argparse.ArgumentTypeError("give more than 0 and at most 60 seconds")
    return value


def _add_printer(commands: Commands, common: argparse.ArgumentParser) -> None:
    printer = commands.add_parser(
        "printer",
        help="set up receipt printers, print a test page, see the print queue",
        description="This terminal's receipt printers (ESC/POS on the network or a device path, or the "
        "system's PDF viewer) and the receipts waiting for one.",
    )
    actions = printer.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[common],
        help="add or change a printer of this terminal",
        description="Add a printer to this terminal, or change the one of that name. Receipts print as "
        "raster images, so Thai prints right whatever code pages the printer knows.",
    )
    add.add_argument("name", metavar="NAME", help="the printer's name, e.g. counter")
    how = add.add_mutually_exclusive_group(required=True)
    how.add_argument("--network", metavar="HOST[:PORT]", help="an ESC/POS printer on the network (port 9100 unless given)")
    how.add_argument("--device", metavar="PATH", help="an ESC/POS printer on a device path, e.g. /dev/usb/lp0")
    how.add_argument("--pdf-viewer", metavar="PROGRAM", nargs="?", const="",
                     help="open each receipt's PDF in the system's viewer (or in PROGRAM)")
    add.add_argument("--paper", type=int, choices=(80, 72), default=80,
                     help="paper width in mm: 80 (576 dots, the default) or 72 (512 dots)")
    add.add_argument("--default", action="store_true", help="receipts print here unless told otherwise")
    add.set_defaults(handler=cmd_printer_add)
    listing = actions.add_parser("list", parents=[common], help="list this terminal's printers",
                                 description="List this terminal's printers. Works while the app is running.")
    listing.set_defaults(handler=cmd_printer_list)
    test = actions.add_parser(
        "test",
        parents=[common],
        help="print a test page",
        description="Print a test page on a printer now (it does not go through the queue): the full "
        "paper width and Thai words whose marks show at once when they print wrong.",
    )
    test.add_argument("--printer", metavar="NAME", help="the printer (default: this terminal's default printer)")
    test.add_argument("--timeout", type=seconds, default=5.0, metavar="SECONDS",
                      help="how long to wait for a network printer (default: %(default)s)")
    test.set_defaults(handler=cmd_printer_test)
    queue = actions.add_parser(
        "queue",
        parents=[common],
        help="list the receipts waiting for a printer (--print: try them now)",
        description="List the print jobs still waiting (a printer was offline) or failed. With --print, "
        "first try to print the waiting ones; those whose printer is still offline keep waiting.",
    )
    queue.add_argument("--print", action="store_true", help="print the waiting jobs now")
    queue.add_argument("--timeout", type=seconds, default=5.0, metavar="SECONDS",
                       help="how long to wait for a network printer (default: %(default)s)")
    queue.set_defaults(handler=cmd_printer_queue)


def _add_customers(commands: Commands, common: argparse.ArgumentParser) -> None:
    customers = commands.add_parser(
        "customers",
        help="import or export customers as CSV",
        description="Move customers in and out as CSV files that Excel opens.",
    )
    actions = customers.add_subparsers(dest="customers_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        parents=[common],
        help="write customers to CSV (UTF-8 with BOM)",
        description="Write every live customer to a CSV file (UTF-8 with BOM, so Excel shows "
        "Thai). Works while the app is running.",
    )
    export.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the CSV file to write, or - for standard output (default)",
    )
    export.add_argument(
        "--include-deleted",
        action="store_true",
        help="also write deleted customers, with a deleted_at column",
    )
    export.set_defaults(handler=cmd_export)

    imp = actions.add_parser(
        "import",
        parents=[common],
        help="register the customers of a CSV file",
        description="Register the customers of a CSV file with the export's columns (in any "
        "order; referral_code and created_at are ignored). Every row is checked first: a file "
        "with bad rows imports nothing unless --skip-bad is given.",
    )
    imp.add_argument("file", metavar="FILE", help="the CSV file (UTF-8), or - for standard input")
    imp.add_argument(
        "--skip-bad", action="store_true", help="import the good rows and skip the bad ones"
    )
    imp.set_defaults(handler=cmd_import)


def _add_backup(commands: Commands, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="make a consistent copy of the database",
        description="Copy the database consistently (VACUUM INTO), also while the app is "
        "running, and print the copy's path.",
    )
    backup.add_argument(
        "--to",
        metavar="PATH",
        help="where to write (default: <db dir>/backups/<name>-<UTC time>.sqlite)",
    )
    backup.set_defaults(handler=cmd_backup)


def _add_sync(commands: Commands, common: argparse.ArgumentParser, device: str) -> None:
    enroll = commands.add_parser(
        "enroll",
        parents=[common],
        help="connect this terminal to the clinic sync server with a one-time code",
        description="Enroll this terminal with the clinic server. A set-up terminal joins the "
        "server's clinic of the same id (the owner adds it with: bnaura server clinics add NAME "
        "--id CLINIC_ID); a new database becomes one more terminal of the code's clinic, and its "
        "staff, catalog and customers arrive with the first sync.",
    )
    enroll.add_argument("url", metavar="URL", help="the server, e.g. https://clinic.example:8765")
    enroll.add_argument("code", metavar="CODE", help="the one-time code (bnaura server enroll-code)")
    enroll.add_argument(
        "--device",
        metavar="NAME",
        default=device,
        help="this terminal's name for a new database (default: %(default)s)",
    )
    enroll.add_argument(
        "--ca-file",
        metavar="PEM",
        help="the certificate authority that signed an HTTPS server's certificate, when it is the "
        "clinic's own (kept for later syncs; default: the system's trusted authorities)",
    )
    enroll.set_defaults(handler=cmd_enroll)

    sync = commands.add_parser(
        "sync",
        parents=[common],
        help="push this terminal's changes to the clinic server and pull the others'",
        description="Sync with the clinic server: every few seconds until interrupted, or once.",
    )
    sync.add_argument("--once", action="store_true", help="sync once and exit")
    sync.add_argument(
        "--interval",
        metavar="SECONDS",
        type=float,
        default=30.0,
        help="wait between rounds (default: %(default)s)",
    )
    sync.set_defaults(handler=cmd_sync)


def _add_coupons(commands: Commands, common: argparse.ArgumentParser) -> None:
    coupons = commands.add_parser(
        "coupons",
        help="generate a campaign's coupon codes; check a code",
        description="Coupons: a campaign's readable codes, made on this terminal and unique across the "
        "chain (they sync like any coupon), and the check the counter makes.",
    )
    actions = coupons.add_subparsers(dest="coupons_command", metavar="ACTION", required=True)
    generate = actions.add_parser(
        "generate",
        parents=[common],
        help="make a campaign's codes and write them to CSV (UTF-8 with BOM)",
        description="Make COUNT open coupons of one campaign in one transaction, each a readable "
        "11-character code with a check character, and write the campaign's codes to a CSV file "
        "that Excel opens. Dates are YYYY-MM-DD or DD/MM/YYYY (Buddhist-era years accepted).",
    )
    generate.add_argument("--campaign", metavar="NAME", required=True, help="the campaign's name")
    generate.add_argument("--count", metavar="N", type=positive, required=True, help="how many codes (1 to 1,000,000)")
    what = generate.add_mutually_exclusive_group(required=True)
    what.add_argument("--percent", metavar="P", type=positive, help="P %% off (1 to 100)")
    what.add_argument("--amount", metavar="BAHT", help="a fixed amount off, in baht (e.g. 200 or 1,500.50)")
    what.add_argument("--free", metavar="SKU", help="the catalog item with this SKU, free")
    generate.add_argument("--valid-from", metavar="D", help="the first day the codes are valid (default: now)")
    generate.add_argument("--valid-until", metavar="D", help="the last day the codes are valid (default: no end)")
    generate.add_argument("--min-spend", metavar="BAHT", help="the minimum spend of a sale, in baht")
    generate.add_argument(
        "--per-customer", metavar="N", type=positive, help="uses per member (default: no limit per member)"
    )
    generate.add_argument("--out", metavar="FILE.csv", required=True, help="the CSV file to write")
    generate.set_defaults(handler=cmd_coupons_generate)

    check = actions.add_parser(
        "check",
        parents=[common],
        help="say whether a coupon code applies now, or exactly why not",
        description="Check a coupon code as the counter does, without a sale: prints what it gives "
        "and until when (exit 0), or why it does not apply (on stderr, exit 1). Works while the "
        "app is running.",
    )
    check.add_argument("code", metavar="CODE", help="the code, with or without dashes")
    check.set_defaults(handler=cmd_coupons_check)
