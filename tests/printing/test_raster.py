"""The raster receipt a thermal printer gets: its size, and the same picture as the PDF, seen by poppler."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from pathlib import Path

from PIL import Image, ImageChops

from bnaura_desk.documents import receipt_pdf
from bnaura_desk.documents.receipt import MARGIN, ROLL_WIDTH
from bnaura_desk.printing.raster import receipt_raster
from tests.documents import samples

POINTS_PER_INCH = 72


def poppler_render(pdf: bytes, width_dots: int) -> Image.Image:
    """Render ``pdf`` with pdftoppm (another renderer than ours) at the printer's scale, side margins cut, 1-bit."""
    dpi = width_dots / (ROLL_WIDTH - 2 * MARGIN) * POINTS_PER_INCH
    left = round(MARGIN / POINTS_PER_INCH * dpi)
    png = subprocess.run(["pdftoppm", "-png", "-gray", "-r", f"{dpi:.4f}", "-singlefile", "-"],
                         input=pdf, capture_output=True, check=True).stdout
    grey = Image.open(io.BytesIO(png)).convert("L")
    return grey.crop((left, 0, left + width_dots, grey.height)).point(lambda v: 255 if v >= 128 else 0, "1")


def word_box(pdf: bytes, word: str, tmp: Path) -> tuple[float, float, float, float]:
    """Return the box (points, from the top-left) pdftotext finds ``word`` in."""
    (tmp / "r.pdf").write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(tmp / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             html):
        if match.group(5) == word:
            x0, y0, x1, y1 = (float(match.group(i)) for i in range(1, 5))
            return x0, y0, x1, y1
    raise AssertionError(f"{word} not in the PDF's text")


def dots(box: tuple[float, float, float, float], width_dots: int) -> tuple[int, int, int, int]:
    scale = width_dots / (ROLL_WIDTH - 2 * MARGIN)
    x0, y0, x1, y1 = box
    return (round((x0 - MARGIN) * scale), round(y0 * scale), round((x1 - MARGIN) * scale), round(y1 * scale))


def ink(image: Image.Image, box: tuple[int, int, int, int] | None = None) -> float:
    """Return the share of black dots in ``box`` (the whole image when ``None``)."""
    part = image.crop(box) if box else image
    return part.convert("L").histogram()[0] / (part.width * part.height)


def test_the_raster_is_as_wide_as_the_head_and_as_long_as_the_receipt() -> None:
    receipt = samples.receipt()
    wide, narrow = receipt_raster(receipt), receipt_raster(receipt, 512)
    assert (wide.mode, wide.width, narrow.width) == ("1", 576, 512)
    # The same page at another scale: the length follows the width.
    assert abs(narrow.height - wide.height * 512 / 576) <= 2
    # A receipt with more lines is longer; every line adds ink.
    longer = receipt_raster(samples.receipt(lines=samples.many_lines(12)))
    assert longer.height > wide.height + 12 * 40
    assert 0.03 < ink(wide) < 0.3


def largest_block_difference(ours: Image.Image, theirs: Image.Image, block: int = 6) -> int:
    """Return how far apart (0-255) the two images are in their most different ``block``-dot square.

    Two renderers place the edges of a stroke a dot apart here and there,
    so dot by dot they differ at every edge; averaged over a 6-dot square
    (about a tone mark's size at 203 dpi) they agree, unless a mark, a
    vowel or a letter is missing or elsewhere.
    """
    height = min(ours.height, theirs.height)

    def grey_blocks(image: Image.Image) -> Image.Image:
        grey = image.crop((0, 0, image.width, height)).convert("L")
        return grey.resize((grey.width // block, height // block), Image.Resampling.BOX)

    difference = ImageChops.difference(grey_blocks(ours), grey_blocks(theirs)).histogram()
    return max(level for level, count in enumerate(difference) if count)


def test_the_raster_shows_what_poppler_shows_of_the_pdf() -> None:
    receipt = samples.receipt()
    for width in (576, 512):
        ours, theirs = receipt_raster(receipt, width), poppler_render(receipt_pdf(receipt), width)
        assert abs(ours.height - theirs.height) <= 2
        assert largest_block_difference(ours, theirs) < 120, width
    # The comparison sees one word's tone marks missing (the seller's name without ่ ้ ๊ ๋ ็).
    bare = "".join(c for c in receipt.seller.name_th if c not in "\u0e47\u0e48\u0e49\u0e4a\u0e4b")
    unmarked = dataclasses.replace(receipt, seller=dataclasses.replace(receipt.seller, name_th=bare))
    assert largest_block_difference(receipt_raster(receipt), poppler_render(receipt_pdf(unmarked), 576)) > 140


def test_the_receipt_number_and_the_thai_seller_name_are_where_the_pdf_has_them(tmp_path: Path) -> None:
    receipt = samples.receipt()
    pdf = receipt_pdf(receipt)
    image = receipt_raster(receipt)
    number = dots(word_box(pdf, receipt.number, tmp_path), 576)
    seller = dots(word_box(pdf, receipt.seller.name_th.split()[0], tmp_path), 576)
    assert ink(image, number) > 0.08 and ink(image, seller) > 0.08
    # Another number changes that area and leaves the header as it was.
    other = receipt_raster(dataclasses.replace(receipt, number="B01-T01-R-000999"))
    assert other.crop(number).tobytes() != image.crop(number).tobytes()
    assert other.crop(seller).tobytes() == image.crop(seller).tobytes()
    # The PDF's top margin stays blank paper (room above the first line's marks).
    assert ink(image, (0, 0, 576, 8)) == 0
