"""Render the tax documents of a sample sale into docs/screenshots/ as PNG, as pdftoppm shows the PDFs.

- receipt-80mm.png: the 80 mm receipt (abbreviated tax invoice) of a Gold
  member's sale: a treatment with the tier discount, an exempt doctor's
  consultation, a product; card and cash with change; points earned;
- tax-invoice-a4.png: the full tax invoice a company asked for, replacing it;
- credit-note-a4.png: the credit note for one treatment refunded;
- receipt-raster.png: the same receipt as the thermal printer gets it, the
  576-dot 1-bit raster of ``bnaura_desk.printing.raster`` (PDFium, not pdftoppm);
- printer-test-page.png: ``bnaura printer test``'s page, as that raster.

The documents are the tests' samples (tests/documents/samples.py).
Run: python scripts/screenshots_documents.py   (needs pdftoppm, poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datetime import UTC, datetime

from bnaura_desk.documents import credit_note_pdf, full_tax_invoice_pdf, receipt_pdf
from bnaura_desk.documents.receipt import MARGIN, ROLL_WIDTH
from bnaura_desk.documents.test_page import test_page_pdf
from bnaura_desk.printing.raster import pdf_raster, receipt_raster
from tests.documents import samples

OUT = ROOT / "docs" / "screenshots"


def to_png(pdf: bytes, name: str, dpi: int) -> Path:
    """Write the first page of ``pdf`` as ``docs/screenshots/NAME.png`` at ``dpi``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(source), str(OUT / name)], check=True)
    return OUT / f"{name}.png"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    print(to_png(receipt_pdf(samples.receipt()), "receipt-80mm", 203))  # a thermal head's 203 dpi
    print(to_png(full_tax_invoice_pdf(samples.full_tax_invoice()), "tax-invoice-a4", 110))
    print(to_png(credit_note_pdf(samples.credit_note()), "credit-note-a4", 110))
    receipt_raster(samples.receipt()).save(OUT / "receipt-raster.png", optimize=True)
    print(OUT / "receipt-raster.png")
    page = test_page_pdf("counter", "network 192.168.1.50:9100", 576, datetime(2026, 12, 7, 3, 30, tzinfo=UTC))
    pdf_raster(page, page_width=ROLL_WIDTH, margin=MARGIN, width_dots=576).save(OUT / "printer-test-page.png",
                                                                                optimize=True)
    print(OUT / "printer-test-page.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
