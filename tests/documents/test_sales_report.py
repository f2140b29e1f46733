"""The Z report on the 80 mm roll, read back: the treatments performed by each beautician, nothing cut off."""

from __future__ import annotations

import dataclasses

from reportlab.lib.units import mm

from bnaura_desk.documents.receipt import MARGIN
from bnaura_desk.documents.sales_report import sales_report_pdf
from tests.documents import samples
from tests.documents.pdf_probe import layout, lines_containing, pdf_text, squashed


def test_the_z_report_lists_each_performer_with_lines_and_net_and_the_refunds_footnote() -> None:
    pdf = sales_report_pdf(samples.z_report_with_performers())
    text = pdf_text(pdf)
    flat = squashed(text)
    for seen in ("ทรีตเมนต์ที่ทำ(ทั้งสาขา)/Treatmentsperformed(branch)", "น้องแพร(2)4,465.00", "พี่นิด(3)4,275.00",
                 "คุณสุภาวดีศรีสวัสดิ์วงศ์ตระกูล(หัวหน้าแผนกเลเซอร์)(1)180.50", "น้องฟ้า(1)0.00",
                 "รวม/Total(7)8,920.50", "ยอดตามราคาขายก่อนหักคืนเงิน/Netassold,beforerefunds",
                 "1oftheselineswerevoidedorrefunded(countedassold)"):
        assert seen in flat, seen
    # The section comes after the money given back, before the printing time.
    assert flat.index("Netafterrefunds") < flat.index("Treatmentsperformed") < flat.index("Printed")
    assert lines_containing(text, "Total (7)")


def test_a_day_nobody_performed_a_treatment_says_none_and_no_footnote() -> None:
    report = dataclasses.replace(samples.z_report_with_performers(), performed=(), performed_refunded=0)
    flat = squashed(pdf_text(sales_report_pdf(report)))
    assert "Treatmentsperformed(branch)" in flat and "Noneperformedinthisperiod" in flat
    assert "Total(" not in flat and "Netassold" not in flat


def test_the_performers_section_stays_within_the_roll() -> None:
    pages, words = layout(sales_report_pdf(samples.z_report_with_performers()))
    [page] = pages
    assert abs(page.width - 80 * mm) < 0.1
    for word in words:
        assert word.x_min >= MARGIN - 0.5 and word.x_max <= page.width - MARGIN + 0.5, word
        assert word.y_min >= 0 and word.y_max <= page.height, word
