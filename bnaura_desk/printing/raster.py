"""A receipt as the 1-bit raster image a thermal printer prints, 576 (or 512) dots wide.

Why the receipt's own PDF is rasterised, rather than drawn a second time:

- Thai stays right. The PDF's text is already shaped by HarfBuzz with the
  bundled Sarabun (``documents.thai_text``): tone marks and upper vowels
  are placed glyphs there, so rendering the page draws them where the PDF
  put them, and no printer code page is involved (printers disagree on
  Thai code pages and misplace marks in text mode, DESIGN.md).
- One layout. The receipt is a tax document whose content the PDF's tests
  check (Thai words, numbers, totals); a second drawing of it (Qt's
  QPainter) could drift from the PDF and would need its own checks.
- No Qt in the core. The print worker runs in ``bnaura`` commands and in
  the app's worker thread, in ``bnaura_desk``, which never imports Qt.
- Fast. PDFium (``pypdfium2``, in-process, from its wheel) renders the
  80 mm page in under 10 ms; with the PDF itself a raster receipt takes
  about 30 ms (``bench/receipt_raster.py``), against a 150 ms target.
  ``pdftoppm`` gives the same picture but is a subprocess and a system
  package the desktop bundle would not have; the tests use it as an
  independent renderer to compare with.

The page is rendered in grey (anti-aliased) at the scale that makes the
printable width (the PDF's content, margins cropped) exactly the head's
dots, then thresholded, not dithered: dithering leaves grey specks around
the strokes of small Thai letters, a threshold keeps edges clean.
"""

from __future__ import annotations

import threading

from PIL import Image

from ..documents import Receipt, receipt_pdf
from ..documents.receipt import MARGIN, ROLL_WIDTH
from .config import WIDTH_DOTS

# A grey level at or above this prints white; darker prints black. Below the
# middle grey so the thin strokes of 7.5 pt Thai keep their anti-aliased edge.
THRESHOLD = 160
_BLACK_OR_WHITE = [255 if level >= THRESHOLD else 0 for level in range(256)]
# PDFium is not thread-safe (pypdfium2's documentation): one render at a time per process.
_pdfium = threading.Lock()


def pdf_raster(pdf: bytes, *, page_width: float, margin: float, width_dots: int) -> Image.Image:
    """Return the first page of ``pdf`` as a 1-bit image ``width_dots`` wide, its side margins cropped.

    Args:
        pdf: the document's bytes.
        page_width: the page's width in points; ``margin`` (points) is cut
            off the left and right, and what remains fills the ``width_dots``
            (top and bottom keep theirs: room for the marks above the first line).
        width_dots: the printer's raster width.

    Return:
        A mode ``"1"`` image exactly ``width_dots`` wide, black on white.
    """
    import pypdfium2 as pdfium  # loaded with the first print, not with every command

    scale = width_dots / (page_width - 2 * margin)
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            page = document[0]
            bitmap = page.render(scale=scale, crop=(margin, 0, margin, 0), grayscale=True)
            # The PIL view shares PDFium's memory: threshold it into an image of
            # its own before the bitmap and the page are closed.
            printed: Image.Image = bitmap.to_pil().point(_BLACK_OR_WHITE, "1")
            bitmap.close()
            page.close()
        finally:
            document.close()
    if printed.width != width_dots:  # rounding of the scaled width: a dot more or less
        fitted = Image.new("1", (width_dots, printed.height), 1)
        fitted.paste(printed.crop((0, 0, min(width_dots, printed.width), printed.height)), (0, 0))
        printed = fitted
    return printed


def receipt_raster(receipt: Receipt, width_dots: int = WIDTH_DOTS[80]) -> Image.Image:
    """Return ``receipt`` as the 1-bit image a thermal printer prints: its 80 mm PDF, ``width_dots`` wide.

    576 dots for 80 mm paper, 512 for 72 mm; the height follows the content.
    """
    return pdf_raster(receipt_pdf(receipt), page_width=ROLL_WIDTH, margin=MARGIN, width_dots=width_dots)
