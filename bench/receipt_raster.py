"""The raster receipt for the thermal printer: from the receipt's model to the ESC/POS bytes, in a warm process.

Usage::

    .venv/bin/python -m bench.receipt_raster [--n 200] [--lines 8] [--width 576] [--json]

Three timings per run, each from the ``Receipt`` model (as the print worker
starts from it):

- ``raster``: the receipt's PDF (``receipt_pdf``) rendered by PDFium and
  thresholded to the 1-bit image (``printing.raster.receipt_raster``);
- ``raster + ESC/POS``: that, and the image as python-escpos commands with
  the cut and the drawer kick (``printing.escpos_job.receipt_bytes``), i.e.
  all the work before the bytes go to the printer;
- ``PDF only``: the receipt's PDF alone, for the share the raster adds.

The first run of the process (fonts, the Thai dictionary, PDFium and
python-escpos loaded) is reported apart as the cold start. Target: raster
p95 under 150 ms. Exit status 1 when it is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable

from bnaura_desk.documents import receipt_pdf
from bnaura_desk.printing.escpos_job import receipt_bytes
from bnaura_desk.printing.raster import receipt_raster

from ._common import machine, percentiles, table
from .receipts import sale

TARGET_P95_MS = 150.0


def timed(work: Callable[[], object], n: int) -> tuple[float, list[float]]:
    """Return the first run's seconds, then the seconds of ``n`` more runs."""
    started = time.perf_counter()
    work()
    cold = time.perf_counter() - started
    times = []
    for _ in range(n):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return cold, times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--lines", type=int, default=8, help="items on the receipt")
    parser.add_argument("--width", type=int, choices=(576, 512), default=576, help="raster width in dots")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    receipt = sale(args.lines)
    image = receipt_raster(receipt, args.width)
    runs = {
        "raster": timed(lambda: receipt_raster(receipt, args.width), args.n),
        "raster + ESC/POS": timed(lambda: receipt_bytes(receipt_raster(receipt, args.width), kick_drawer=True),
                                  args.n),
        "PDF only": timed(lambda: receipt_pdf(receipt), args.n),
    }
    rows = [(what, percentiles(times)) for what, (_, times) in runs.items()]
    report = {"machine": machine(), "receipt_lines": args.lines, "width_dots": args.width,
              "image": f"{image.width}x{image.height}",
              "escpos_bytes": len(receipt_bytes(image, kick_drawer=True)),
              "cold_ms": {what: round(cold * 1000, 1) for what, (cold, _) in runs.items()},
              "results": dict(rows)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(json.dumps({k: v for k, v in report.items() if k != "results"}, ensure_ascii=False, indent=1))
        print(table(rows))
    p95 = dict(rows)["raster"]["p95"]
    met = p95 < TARGET_P95_MS
    print(f"raster receipt: target p95 < {TARGET_P95_MS:.0f} ms: {'met' if met else 'NOT met'} ({p95:.2f} ms)",
          file=sys.stderr if args.json else sys.stdout)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
