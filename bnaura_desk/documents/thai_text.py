"""Thai text that reportlab can lay out: words found, lines broken between them.

Thai writes no spaces between words, and reportlab breaks lines only at
whitespace: a long Thai run is either cut mid-word or overflows. A zero
width space does not help (reportlab 5 takes it for a word gap and prints
a visible space, and its shaped line breaking then cuts words anyway). So
this module finds the words (pythainlp's dictionary segmenter), fits them
to the width itself, and gives reportlab one paragraph with a ``<br/>``
between the lines it chose, in a style with shaping on so HarfBuzz places
the tone marks and vowels.

Widths come from the font's advance widths: shaping Thai moves marks but
keeps the advances (measured equal to within kerning), and a line keeps a
little slack for that.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from xml.sax.saxutils import escape

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie, dict_trie
from reportlab.pdfbase.pdfmetrics import stringWidth

# Clinic words the general dictionary lacks: without them "ทรีตเมนต์" is
# cut into ท|รีต|เมนต์ and a line may break after the ท.
CLINIC_WORDS = frozenset({
    "ทรีตเมนต์", "เลเซอร์", "โบท็อกซ์", "ฟิลเลอร์", "ร้อยไหม", "มาส์ก", "คอร์ส", "เซรั่ม",
    "ไฮยาลูรอน", "พรีเมียม", "เฟเชียล", "สกินแคร์", "ไอพีแอล", "อัลเทอรา", "ไฮฟู",
    "ใบกำกับภาษี", "ใบลดหนี้", "สำเนา", "เงินทอน", "พร้อมเพย์", "ภาษีมูลค่าเพิ่ม",
})
SLACK_PT = 0.5  # kerning under shaping may widen a line by a fraction of a point


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    # Building the trie takes a few hundred milliseconds: once per process.
    return dict_trie(set(thai_words()) | CLINIC_WORDS)


def words(text: str) -> list[str]:
    """Return ``text`` cut into words and whitespace runs, in order, joining back to ``text``."""
    if not text:
        return []
    return list(word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True))


_OPENING = frozenset("([{“‘\"'")  # never left at the end of a line
_CLOSING = frozenset(")]}”’\"'.,:;!?%ๆฯ")  # never carried to the start of a line (ๆ repeats the word before it)


def _units(text: str) -> list[str]:
    """Return the words of ``text`` with punctuation glued on: the pieces a line may not break inside.

    An opening bracket or quote sticks to the word after it, a closing one
    (and a full stop, a comma, ๆ) to the word before it, so no line starts
    with ``)`` or ends with ``(``.
    """
    units: list[str] = []
    glue_next = False
    for token in words(text):
        if units and not token.isspace() and (glue_next or token[0] in _CLOSING and not units[-1].isspace()):
            units[-1] += token
        else:
            units.append(token)
        glue_next = not token.isspace() and token[-1] in _OPENING
    return units


def _clusters(word: str) -> Iterator[str]:
    """Yield the smallest pieces a line may break a word into: a base letter with its marks."""
    piece = ""
    for char in word:
        # Combining marks (tone marks, upper and lower vowels) stay on their letter,
        # and a leading vowel (เ แ โ ใ ไ) stays with the letter it precedes.
        joins = unicodedata.category(char) in ("Mn", "Mc") or char == "\u0e33" or (piece != "" and piece[-1] in "เแโใไ")
        if piece and not joins:
            yield piece
            piece = ""
        piece += char
    if piece:
        yield piece


def wrap(text: str, width: float, font_name: str, font_size: float) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width`` points.

    Lines break between words (and at spaces and newlines, which are not
    printed at a line's ends); a word wider than the whole line is broken
    between its letter clusters, never between a letter and its marks.
    """
    limit = width - SLACK_PT
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _units(paragraph):
            candidate = line + token
            if stringWidth(candidate.rstrip(), font_name, font_size) <= limit:
                line = candidate
                continue
            if token.isspace():
                continue  # a space at a break is dropped
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            if stringWidth(token, font_name, font_size) <= limit:
                line = token
                continue
            for cluster in _clusters(token):
                if line and stringWidth(line + cluster, font_name, font_size) > limit:
                    lines.append(line)
                    line = ""
                line += cluster
        lines.append(line.strip())
    return lines


def paragraph_markup(text: str, width: float, font_name: str, font_size: float) -> str:
    """Return ``text`` as reportlab paragraph markup, lines chosen by ``wrap`` and joined by ``<br/>``."""
    return "<br/>".join(escape(line) for line in wrap(text, width, font_name, font_size))
