"""Building blocks the three documents share: shaped paragraphs, label/amount rows, page output.

Every piece of text, Thai or not, goes through ``text``: a paragraph with
shaping on, broken into lines by ``thai_text.wrap``. Plain ``drawString``
and bare table cells would print Thai without shaping (tone marks collide
or vanish), so neither is used for text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from bnaura_desk.domain.money import format_baht

from .fonts import Weight, ensure_fonts
from .thai_text import paragraph_markup

ALIGNMENTS: dict[str, Literal[0, 1, 2]] = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
LEADING = 1.4  # Thai stacks marks above and below: more room between lines than Latin needs


@lru_cache(maxsize=64)
def style(weight: Weight, size: float, align: str = "left", indent: float = 0) -> ParagraphStyle:
    """Return the shaped paragraph style of a weight, size, alignment (``left``, ``center``, ``right``) and left indent."""
    ensure_fonts()
    return ParagraphStyle(
        f"{weight.value}-{size}-{align}-{indent}",
        fontName=weight.value,
        fontSize=size,
        leading=size * LEADING,
        alignment=ALIGNMENTS[align],
        leftIndent=indent,
        shaping=1,  # HarfBuzz places Thai marks; without it they collide or vanish
        splitLongWords=0,  # ``wrap`` already broke every line; reportlab must not cut again
    )


def text(value: str, width: float, size: float, weight: Weight = Weight.REGULAR, align: str = "left",
         indent: float = 0) -> Paragraph:
    """Return ``value`` as a paragraph ``width`` points wide (``indent`` of it left blank), broken between words."""
    paragraph_style = style(weight, size, align, indent)  # registers the fonts before they are measured
    return Paragraph(paragraph_markup(value, width - indent, weight.value, size), paragraph_style)


def baht(satang: int) -> str:
    """Return an amount as documents print it: ``1,234.50`` (no symbol; the column says baht)."""
    return format_baht(satang, symbol=False)


def columns(cells: Sequence[tuple[str, float, str]], size: float, weight: Weight = Weight.REGULAR,
            padding: float = 0, indent: float = 0) -> Table:
    """Return one row of text cells, each ``(text, width, align)``, top-aligned, the first indented by ``indent``.

    Used for label/amount lines: the label wraps in its own column and the
    amount stays on the right.
    """
    row = [text(value, width - 2 * padding, size, weight, align, indent if n == 0 else 0)
           for n, (value, width, align) in enumerate(cells)]
    table = Table([row], colWidths=[width for _, width, _ in cells])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def label_amount(label: str, satang: int | str, width: float, size: float,
                 weight: Weight = Weight.REGULAR, amount_width: float | None = None, indent: float = 0) -> Table:
    """Return a row with ``label`` (indented by ``indent``) on the left and the amount (or any short text) right."""
    right = amount_width if amount_width is not None else width * 0.36
    shown = baht(satang) if isinstance(satang, int) else satang
    return columns([(label, width - right, "left"), (shown, right, "right")], size, weight, indent=indent)


class Gap(Flowable):
    """Vertical space, or a dashed rule across the width (the receipt's section separator)."""

    def __init__(self, height: float, *, dashed: bool = False) -> None:
        super().__init__()
        self.height = height
        self.dashed = dashed

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        if self.dashed:
            self.canv.setDash(2, 2)
            self.canv.setLineWidth(0.5)
            self.canv.line(0, self.height / 2, self.width, self.height / 2)


def roll_pdf(flowables: Sequence[Flowable], width: float, margin: float, title: str, author: str) -> bytes:
    """Return a one-page PDF ``width`` points wide whose height fits ``flowables`` (a receipt roll).

    Each flowable is laid out at the content width, then drawn top-down.
    ``title`` and ``author`` (the seller) go into the PDF's properties.
    """
    content = width - 2 * margin
    sized = [(f, f.wrap(content, 100_000)[1]) for f in flowables]
    height = sum(h for _, h in sized) + 2 * margin
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("BN-Aura Desk")
    y = height - margin
    for flowable, h in sized:
        y -= h
        flowable.drawOn(canvas, margin, y)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
