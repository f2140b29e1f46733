"""The bundled Sarabun font, registered with reportlab once per process.

Sarabun (SIL OFL, ``resources/fonts``) has Thai, Latin and digits in one
face, so a document needs no font fallback. reportlab shapes Thai (marks
stacked and placed by HarfBuzz through uharfbuzz) only for a TrueType font
it was told is shapable, and only inside paragraphs whose style asks for
shaping: see ``thai_text``.

Shaping draws some marks with alternate glyphs (a tone mark moved down
where no upper vowel sits, or left for a tall letter) that have no
character of their own, so reportlab numbers them from the private use
area, and the PDF's text layer would say U+E000 where the page shows
``่``: copy, search and text extraction would lose those marks.
``ThaiFont`` writes the characters each such glyph stands for, taken from
its glyph name (``uni0E48.small`` is U+0E48), into the PDF's ToUnicode map.
"""

from __future__ import annotations

import re
import threading
from enum import StrEnum

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFStream
from reportlab.pdfbase.ttfonts import TTFont

from bnaura_desk.paths import resources_dir


class Weight(StrEnum):
    """The three weights the app ships; the value is the reportlab font name."""

    REGULAR = "Sarabun"
    SEMIBOLD = "Sarabun-SemiBold"
    BOLD = "Sarabun-Bold"


_GLYPH_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:\..+)?$")  # uni0E48.small, uni0E4D0E49 (a ligature)
_CMAP_ENTRY = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{4})>$", re.MULTILINE)


def glyph_chars(glyph_name: str) -> str | None:
    """Return the characters a glyph named by the ``uniXXXX[.suffix]`` convention draws, else ``None``."""
    match = _GLYPH_NAME.match(glyph_name)
    if match is None:
        return None
    digits = match.group(1)
    return "".join(chr(int(digits[i:i + 4], 16)) for i in range(0, len(digits), 4))


class ThaiFont(TTFont):
    """A shapable TrueType font whose PDF text layer names the characters of shaped alternate glyphs."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.shapable = True  # Thai needs HarfBuzz: reportlab shapes only fonts marked so
        self._own_codes = frozenset(self.face.charToGlyph)  # before reportlab adds private-use codes

    def private_use_chars(self) -> dict[int, str]:
        """Return the private-use codes reportlab gave alternate glyphs so far, with the characters they draw."""
        added = {code: gid for code, gid in self.face.charToGlyph.items() if code not in self._own_codes}
        if not added:
            return {}
        glyph_name = self.hbFont().glyph_to_string
        found = {code: glyph_chars(glyph_name(gid)) for code, gid in added.items()}
        return {code: chars for code, chars in found.items() if chars}

    def addObjects(self, doc: PDFDocument) -> None:
        """Add the font's subsets to ``doc`` as reportlab does, then correct their ToUnicode maps."""
        stands_for = self.private_use_chars()
        super().addObjects(doc)
        if not stands_for:
            return
        # reportlab names each subset's map "toUnicodeCMap:<tag>+<PostScript name>".
        suffix = "+" + (self.face.name + self.face.subfontNameX).decode("latin-1")

        def corrected(entry: re.Match[str]) -> str:
            chars = stands_for.get(int(entry.group(2), 16))
            return entry.group(0) if chars is None else f"{entry.group(1)}<{chars.encode('utf-16-be').hex().upper()}>"

        for key, stream in doc.idToObject.items():
            if key.startswith("toUnicodeCMap:") and key.endswith(suffix) and isinstance(stream, PDFStream):
                stream.content = _CMAP_ENTRY.sub(corrected, str(stream.content))


_FILES = {
    Weight.REGULAR: "Sarabun-Regular.ttf",
    Weight.SEMIBOLD: "Sarabun-SemiBold.ttf",
    Weight.BOLD: "Sarabun-Bold.ttf",
}
_lock = threading.Lock()
_registered = False


def ensure_fonts() -> None:
    """Register the Sarabun weights with reportlab (idempotent, thread-safe).

    Raises:
        FileNotFoundError: a font file is missing from the resources.
    """
    global _registered
    with _lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for weight, file_name in _FILES.items():
            pdfmetrics.registerFont(ThaiFont(weight.value, str(folder / file_name)))
        _registered = True
