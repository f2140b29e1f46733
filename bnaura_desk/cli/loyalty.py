"""``bnaura loyalty expire`` and ``statement``: the daily loyalty jobs on demand, a member's statement."""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

from ..domain.loyalty_program import BANGKOK
from ..domain.phone import display_phone
from ..domain.referral import display_code
from ..services.context import SYSTEM
from ..services.customers import get_customer
from ..services.loyalty import LedgerLine, find_member, ledger_lines, points_summary, run_daily_jobs
from ..terminal import Terminal
from .common import db_path, require_file
from .console import Console, table


def cmd_loyalty_expire(args: argparse.Namespace, con: Console) -> int:
    """``bnaura loyalty expire``: run the expiry, birthday and tier jobs now and say what they did; return 0.

    What the app does on start-up and daily; idempotent (a second run the
    same day does nothing), so a cron job may run it beside the app.
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path) as terminal:
        report = terminal.run(run_daily_jobs, actor=SYSTEM).result
    con.say(f"expired {report.expired} lots of points")
    con.say(f"birthday points for {report.birthdays} members")
    con.say(f"{report.tier_changes} members changed tier")
    return 0


def _what(line: LedgerLine) -> str:
    return "expired" if line.source == "" else line.source


def _when(line: LedgerLine) -> str:
    return f"{line.at.astimezone(BANGKOK):%Y-%m-%d %H:%M}"


def cmd_loyalty_statement(args: argparse.Namespace, con: Console) -> int:
    """``bnaura loyalty statement PHONE|CODE``: print or export a member's points statement; return 0.

    Reads without the writer lock (works beside the running app). The CSV
    is UTF-8 with a BOM, so Excel shows Thai; it is written beside its
    target and renamed, never left half-written.

    Raises:
        BadInput: no live member has that phone or referral code.
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        now = terminal.clock()
        chain_id = terminal.device().chain_id
        member = terminal.read(find_member, chain_id, args.member)
        detail = terminal.read(get_customer, member)
        summary = terminal.read(points_summary, member, now)
        lines = terminal.read(ledger_lines, member, now)
    form = detail.form
    name = form.name_th or form.name_en or form.nickname
    if args.csv:
        target = Path(args.csv).expanduser()
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            with partial.open("w", encoding="utf-8-sig", newline="") as fh:
                out = csv.writer(fh)
                out.writerow(["at", "what", "points", "reason", "expires_at", "left"])
                for line in lines:
                    out.writerow([
                        line.at.astimezone(BANGKOK).isoformat(timespec="seconds"), _what(line), line.points,
                        line.reason, line.expires_at.astimezone(BANGKOK).date().isoformat() if line.expires_at else "",
                        "" if line.left is None else line.left,
                    ])
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        con.say(f"wrote {len(lines)} lines of {name}'s statement to {target}")
        return 0
    con.say(f"{name}  {display_phone(form.phone)}  code {display_code(detail.referral_code)}")
    next_tier = f", {summary.to_next_tier} points to {summary.next_tier.key}" if summary.next_tier else ""
    con.say(f"tier {summary.tier.key}{next_tier}")
    con.say(f"balance {summary.balance} points; {summary.expiring_soon} expire within 30 days")
    rows = [["date", "what", "points", "expires", "reason"]]
    for line in lines:
        expires = f"{line.expires_at.astimezone(BANGKOK):%Y-%m-%d}" if line.expires_at else ""
        rows.append([_when(line), _what(line), f"{line.points:+d}", expires, line.reason])
    for text in table(rows):
        con.say(text)
    return 0
