"""The printable member card: a credit-card-sized PDF with the member's name, tier, code and QR.

ID-1 size (85.6 × 53.98 mm, ISO/IEC 7810), to print on card stock or
paper and laminate. The QR holds the referral code, so a barcode scanner at
the counter types it into the customer search and the member opens.
Drawn by Qt with the bundled font, which shapes Thai (tone marks above
vowels) in the PDF as on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.points import Tier
from bnaura_desk.domain.referral import display_code

from ..fonts import FAMILY
from .labels import tier_colour, tier_name
from .qr import paint_qr, qr_matrix

CARD_MM = QSizeF(85.6, 53.98)
RESOLUTION = 600  # dots per inch of the PDF's coordinates (vector output: only a unit)

_CONTEXT = "MemberCard"
MEMBER_CODE = QT_TRANSLATE_NOOP("MemberCard", "Member code")
SCAN_HINT = QT_TRANSLATE_NOOP("MemberCard", "Show this card at the counter")


@dataclass(frozen=True)
class MemberCard:
    """What a member card shows."""

    chain_name: str
    name: str  # as the clinic writes it (the Thai name, or the English one when there is none)
    second_name: str  # the English name under a Thai one ("" for none)
    tier: Tier
    referral_code: str  # canonical, no dashes: what the QR holds


def _mm(value: float) -> float:
    return value * RESOLUTION / 25.4


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def write_member_card(path: Path, card: MemberCard) -> None:
    """Write ``card`` as a one-page PDF of ID-1 size to ``path`` (texts in the UI language).

    Raises:
        OSError: the file could not be written.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{card.name} · {display_code(card.referral_code)}")
    writer.setCreator("BN-Aura Desk")
    writer.setPageLayout(QPageLayout(
        QPageSize(CARD_MM, QPageSize.Unit.Millimeter, "ID-1"), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    ))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        _paint(painter, card)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")


def member_card_image(card: MemberCard) -> QImage:
    """Return ``card`` drawn as the PDF draws it, as an image at the card's resolution (a preview)."""
    image = QImage(round(_mm(CARD_MM.width())), round(_mm(CARD_MM.height())), QImage.Format.Format_RGB32)
    dots_per_metre = round(RESOLUTION / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)  # fonts in points come out as on paper
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        _paint(painter, card)
    finally:
        painter.end()
    return image


def _paint(p: QPainter, card: MemberCard) -> None:
    width, height = _mm(CARD_MM.width()), _mm(CARD_MM.height())
    margin = _mm(4)
    white = QColor(Qt.GlobalColor.white)
    ink = QColor("#1d1d1f")
    grey = QColor("#5f6368")
    p.fillRect(QRectF(0, 0, width, height), white)

    # The band in the tier's colour: chain at the left, tier at the right.
    band = _mm(11)
    p.fillRect(QRectF(0, 0, width, band), tier_colour(card.tier))
    p.setPen(white)
    p.setFont(_font(9, bold=True))
    band_text = QRectF(margin, 0, width - 2 * margin, band)
    tier = tier_name(card.tier)
    p.drawText(band_text, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), tier)
    tier_width = p.fontMetrics().horizontalAdvance(tier) + _mm(3)
    p.drawText(
        QRectF(margin, 0, band_text.width() - tier_width, band),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        p.fontMetrics().elidedText(card.chain_name, Qt.TextElideMode.ElideRight, int(band_text.width() - tier_width)),
    )

    # The QR at the right, as tall as the space under the band allows.
    qr_side = height - band - _mm(6)
    qr_area = QRectF(width - margin - qr_side + _mm(2), band + _mm(3), qr_side, qr_side)  # its quiet zone is margin
    paint_qr(p, qr_area, qr_matrix(card.referral_code))

    # The member: name (two lines at most), English name, then the code.
    text_width = qr_area.x() - margin - _mm(1)
    top = band + _mm(4)
    p.setPen(ink)
    p.setFont(_font(11, bold=True))
    name_box = QRectF(margin, top, text_width, p.fontMetrics().lineSpacing() * 2)
    p.drawText(name_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
               card.name)
    used = p.boundingRect(name_box, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), card.name).height()
    top += min(used, name_box.height()) + _mm(0.5)
    if card.second_name:
        p.setFont(_font(8))
        p.setPen(grey)
        p.drawText(QRectF(margin, top, text_width, p.fontMetrics().lineSpacing()),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                   p.fontMetrics().elidedText(card.second_name, Qt.TextElideMode.ElideRight, int(text_width)))

    bottom = height - _mm(4)
    p.setFont(_font(6.5))
    p.setPen(grey)
    hint = QCoreApplication.translate(_CONTEXT, SCAN_HINT)
    p.drawText(QRectF(margin, bottom - p.fontMetrics().lineSpacing(), text_width, p.fontMetrics().lineSpacing()),
               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), hint)
    bottom -= p.fontMetrics().lineSpacing() + _mm(1)
    p.setFont(_font(13, bold=True))
    p.setPen(ink)
    code_height = p.fontMetrics().lineSpacing()
    p.drawText(QRectF(margin, bottom - code_height, text_width, code_height),
               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), display_code(card.referral_code))
    bottom -= code_height
    p.setFont(_font(7))
    p.setPen(grey)
    caption_height = p.fontMetrics().lineSpacing()
    p.drawText(QRectF(margin, bottom - caption_height, text_width, caption_height),
               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
               QCoreApplication.translate(_CONTEXT, MEMBER_CODE))
