"""Read a rendered PDF back as a person (or an accountant's search box) would: its text and where each word sits.

Uses poppler's ``pdftotext`` (installed by ``scripts/bootstrap test``).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

# HarfBuzz draws SARA AM as NIKHAHIT + SARA AA, and the text layer says so;
# a viewer's search treats both spellings alike, and so do these tests.
_SARA_AM = ("\u0e4d\u0e32", "\u0e33")
_NS = "{http://www.w3.org/1999/xhtml}"


def _pdftotext(pdf: bytes, *args: str) -> str:
    done = subprocess.run(["pdftotext", *args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """Return the PDF's text, line by line, in the order it was written.

    Content-stream order (``-raw``): sorting glyphs by position would put a
    zero-width tone mark after the next letter when HarfBuzz moved it
    onto the letter's left edge.
    """
    return _pdftotext(pdf, "-raw").replace(*_SARA_AM)


def squashed(text: str) -> str:
    """Return ``text`` without any whitespace: Thai wraps between words without a space to find."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Word:
    """One word on a page, in points from the top left."""

    text: str
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Page:
    """A page's size in points."""

    width: float
    height: float


def layout(pdf: bytes) -> tuple[list[Page], list[Word]]:
    """Return the pages and every word with its box."""
    root = ET.fromstring(_pdftotext(pdf, "-bbox"))
    pages: list[Page] = []
    words: list[Word] = []
    for number, page in enumerate(root.iter(f"{_NS}page")):
        pages.append(Page(float(page.get("width", 0)), float(page.get("height", 0))))
        for w in page.iter(f"{_NS}word"):
            words.append(Word((w.text or "").replace(*_SARA_AM), number,
                              *(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))))
    return pages, words


def lines_containing(text: str, fragment: str) -> list[str]:
    """Return the stripped lines of ``text`` that contain ``fragment``."""
    return [line.strip() for line in text.splitlines() if fragment in line]
