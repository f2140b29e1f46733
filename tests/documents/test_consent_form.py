"""The signed consent form on A4, read back: who signed for which treatment, when, the text and the ink."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from reportlab.lib.pagesizes import A4

from bnaura_desk.documents.consent_form import ConsentForm, consent_form_pdf
from bnaura_desk.domain.consents import DEFAULT_EN

from . import samples
from .pdf_probe import layout, pdf_text, squashed


@pytest.fixture(scope="module")
def signed() -> bytes:
    return consent_form_pdf(samples.consent_form())


def test_names_the_clinic_customer_treatment_and_time(signed: bytes) -> None:
    text = pdf_text(signed)
    flat = squashed(text)
    assert "หนังสือแสดงความยินยอมรับบริการ" in flat and "TREATMENT CONSENT FORM" in text
    assert "บีเอ็นออร่าคลินิกเวชกรรม" in flat and "BN-Aura Clinic" in text
    assert "ผู้รับบริการ/Customerสมหญิงใจดี" in flat
    assert "ทรีตเมนต์/Treatmentเลเซอร์หน้าใส(LaserFacial)" in flat
    assert "สาขา/Branchสาขาสยาม/Siam" in flat
    assert "7ธ.ค.256910:32" in flat  # 03:32 UTC in Bangkok, Buddhist era
    assert "0193A5B2" in flat  # the record's id, so paper and record meet
    assert "(สมหญิงใจดี)" in flat and "(พี่นิด)" in flat  # under the customer's and the witness's lines


def test_the_whole_consent_text_in_thai_and_english_with_the_names_filled_in(signed: bytes) -> None:
    flat = squashed(pdf_text(signed))
    form = samples.consent_form()
    assert squashed(form.text_th) in flat  # every Thai word, tone marks and all, in order
    assert squashed(form.text_en) in flat
    assert "{customer}" not in flat and "{treatment}" not in flat
    assert squashed(DEFAULT_EN.split(":")[1]) in flat


def test_one_a4_page_with_the_signature_drawn_as_an_image(signed: bytes, tmp_path) -> None:
    pages, words = layout(signed)
    assert len(pages) == 1 and (round(pages[0].width), round(pages[0].height)) == (round(A4[0]), round(A4[1]))
    source = tmp_path / "form.pdf"
    source.write_bytes(signed)
    listed = subprocess.run(["pdfimages", "-list", str(source)], capture_output=True, text=True, check=True).stdout
    images = [line.split() for line in listed.splitlines()[2:] if line.strip()]
    assert len(images) == 1 and (images[0][3], images[0][4]) == ("600", "200")  # the pad's PNG, whole
    # The ink sits above the customer's name: the signature block, not the header.
    name_top = min(w.y_min for w in words if "(สมหญิง" in w.text)
    consent_bottom = max(w.y_max for w in words if "time." in w.text)
    assert consent_bottom < name_top


def test_a_form_needs_the_signature_and_an_aware_time() -> None:
    form = samples.consent_form()
    with pytest.raises(ValueError, match="signature"):
        ConsentForm(**{**form.__dict__, "signature_png": b""})
    with pytest.raises(ValueError, match="aware"):
        ConsentForm(**{**form.__dict__, "signed_at": datetime(2026, 12, 7, 10, 32)})
