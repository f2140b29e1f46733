"""Render a day's Z report with its treatments performed into docs/screenshots/z-report-performers-th.png.

The report is the tests' sample (tests/documents/samples.py,
``z_report_with_performers``): four beauticians, one with a long Thai name,
one line of a refunded sale (the footnote). Rendered as pdftoppm shows the
PDF, at a thermal head's 203 dpi.
Run: python scripts/screenshots_z_report.py   (needs pdftoppm, poppler-utils)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.documents.sales_report import sales_report_pdf
from screenshots_documents import to_png
from tests.documents import samples


def main() -> int:
    print(to_png(sales_report_pdf(samples.z_report_with_performers()), "z-report-performers-th", 203))
    return 0


if __name__ == "__main__":
    sys.exit(main())
