"""Coupon validation at the counter with 1,000,000 coupons issued: one check per typed or scanned code.

Usage::

    .venv/bin/python -m bench.coupon_check                      # builds /work/bench-cache/coupons1m.sqlite once
    .venv/bin/python -m bench.coupon_check --coupons 100000 --db /tmp/c.sqlite

The database is a real terminal file: ten campaigns of 100,000 open
codes each (``generate_campaign``, the manager's command), some of them
used at the counter (``record_coupon_use``). The benchmark then checks, in
one warm process, a sample of codes the way the redemption screen and the
counter do (``terminal.read(check_coupon_code, code, now, cart=...)``):
valid codes, used ones, well-formed codes nobody has, and mistyped ones
(the check character catches them before any query). Target: p95 under
5 ms per check.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponTerms
from bnaura_desk.domain.referral import check_character
from bnaura_desk.services import catalog, coupons
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import CatalogItem, Coupon, CouponUse
from bnaura_desk.terminal import Terminal

from ._common import machine, percentiles, table

TARGET_P95_MS = 5.0
CAMPAIGN = 100_000
CACHE = Path("/work/bench-cache/coupons1m.sqlite")


def build(path: Path, count: int) -> None:
    """Make a terminal with ``count`` open codes in campaigns of 100,000, 1 in 1,000 of them used."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with Terminal.create(path, clinic_name="คลินิกทดสอบคูปอง", device_name="POS-1") as t:
        item = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", duration_minutes=60,
                                                   price_satang=250_000), actor=SYSTEM).result
        terms = CouponTerms(CouponKind.PERCENT, percent=10, min_spend_satang=150_000)
        made = 0
        n = 0
        while made < count:
            size = min(CAMPAIGN, count - made)
            started = time.perf_counter()
            codes = t.run(coupons.generate_campaign, f"แคมเปญ {n + 1}", size, terms, actor=SYSTEM).result
            print(f"campaign {n + 1}: {size} codes in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            cart = [CartLine(item, ItemKind.TREATMENT, 250_000)]
            for code in codes[:: 1000]:
                t.run(coupons.record_coupon_use, code, cart, actor=SYSTEM)
            made += size
            n += 1


def _mistyped(code: str, rng: random.Random) -> str:
    i = rng.randrange(len(code) - 1)
    other = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".replace(code[i], "")
    return code[:i] + rng.choice(other) + code[i + 1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coupons", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=CACHE)
    parser.add_argument("--sample", type=int, default=2_000)
    args = parser.parse_args(argv)
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.coupons)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    rng = random.Random(7)
    now = datetime.now(UTC)
    with Terminal.open(args.db) as t:
        rows = t.read(lambda s: list(s.execute(select(Coupon.code, Coupon.id))))
        codes = [code for code, _ in rows]
        used = set(t.read(lambda s: list(s.scalars(select(Coupon.code).where(
            Coupon.id.in_(select(CouponUse.coupon_id)))))))
        item = t.read(lambda s: s.scalar(select(CatalogItem.id)))
        cart = [CartLine(item, ItemKind.TREATMENT, 250_000)]
        sample = {
            "valid code": [c for c in rng.sample(codes, args.sample) if c not in used],
            "used code": rng.sample(sorted(used), min(len(used), args.sample // 4)),
            "nobody's code (well formed)": [],
            "mistyped code": [_mistyped(c, rng) for c in rng.sample(codes, args.sample // 4)],
        }
        # A code of another device's tag: well formed (its own check character), in no row.
        sample["nobody's code (well formed)"] = [
            (payload := ("Z" if c[0] != "Z" else "Y") + c[1:-1]) + check_character(payload)
            for c in rng.sample(codes, args.sample // 4)
        ]
        for code in codes[:50]:  # warm up the connection's statements
            t.read(coupons.check_coupon_code, code, now, cart=cart)
        results: list[tuple[str, dict[str, float]]] = []
        everything: list[float] = []
        answers: dict[str, dict[str, int]] = {}
        for what, typed in sample.items():
            times: list[float] = []
            seen: dict[str, int] = {}
            for code in typed:
                started = time.perf_counter()
                verdict = t.read(coupons.check_coupon_code, code, now, cart=cart)
                times.append(time.perf_counter() - started)
                key = "applies" if verdict.applies else str(verdict.refusal)
                seen[key] = seen.get(key, 0) + 1
            results.append((what, percentiles(times)))
            answers[what] = seen
            everything += times
        results.append(("all checks", percentiles(everything)))
    print(json.dumps({"machine": machine(), "coupons": len(codes), "answers": answers}, ensure_ascii=False, indent=1))
    print(table(results))
    p95 = results[-1][1]["p95"]
    print(f"target p95 < {TARGET_P95_MS} ms: {'met' if p95 < TARGET_P95_MS else 'NOT met'} ({p95:.2f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
