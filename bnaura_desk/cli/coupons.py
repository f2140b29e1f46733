"""``bnaura coupons generate`` and ``check``: a campaign's codes as CSV, and whether a code applies."""

from __future__ import annotations

import argparse
import errno
import os
from pathlib import Path

from ..domain.coupons import CouponKind, CouponTerms
from ..domain.dates import parse_day
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.money import parse_baht
from ..services.context import SYSTEM
from ..services.coupons import CouponRefused, check_coupon_code, export_campaign_csv, generate_campaign, item_id_by_sku
from ..terminal import Terminal
from .common import db_path, require_file
from .console import Console


def _terms(args: argparse.Namespace, terminal: Terminal) -> CouponTerms:
    """Return the coupons' terms the options give."""
    if args.percent is not None:
        kind, extra = CouponKind.PERCENT, {"percent": args.percent}
    elif args.amount is not None:
        kind, extra = CouponKind.AMOUNT, {"amount_satang": parse_baht(args.amount, field="amount")}
    else:
        item = terminal.read(item_id_by_sku, args.free)
        if item is None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The catalog has no item with SKU {sku}"), field="free",
                           sku=args.free)
        kind, extra = CouponKind.FREE_ITEM, {"free_item_id": item}
    return CouponTerms(
        kind=kind,
        valid_from=parse_day(args.valid_from, "valid_from") if args.valid_from else None,
        valid_until=parse_day(args.valid_until, "valid_until") if args.valid_until else None,
        min_spend_satang=parse_baht(args.min_spend, field="min_spend") if args.min_spend else 0,
        per_customer_limit=args.per_customer,
        **extra,
    )


def cmd_generate(args: argparse.Namespace, con: Console) -> int:
    """``bnaura coupons generate``: make a campaign's codes in one transaction and write them as CSV; return 0.

    The CSV (UTF-8 with BOM, so Excel shows Thai) is written beside its
    target and renamed: a failed export never leaves half a file.
    """
    path = db_path(args)
    target = Path(args.out).expanduser()
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    require_file(path)
    with Terminal.open(path) as terminal:
        terms = _terms(args, terminal)
        codes = terminal.run(generate_campaign, args.campaign, args.count, terms, actor=SYSTEM).result
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as fh:
                count = terminal.read(export_campaign_csv, " ".join(args.campaign.split()), fh, terminal.clock())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    con.say(f"generated {len(codes)} codes for campaign {args.campaign!r}; wrote {count} codes to {target}")
    return 0


def cmd_check(args: argparse.Namespace, con: Console) -> int:
    """``bnaura coupons check``: say whether a code applies now (stdout, 0) or exactly why not (stderr, 1)."""
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        verdict = terminal.read(check_coupon_code, args.code, terminal.clock())
    if not verdict.applies:
        raise CouponRefused(verdict)
    con.say(verdict.message.render(con.translate))
    return 0
