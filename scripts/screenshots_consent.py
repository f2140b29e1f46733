"""Render the signed treatment consent form of the tests' sample into docs/screenshots/consent-form-th.png.

The form a customer signs on screen before a laser facial (Thai and
English text, the signature as drawn), as pdftoppm shows the PDF.
Run: python scripts/screenshots_consent.py   (needs pdftoppm, poppler-utils)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bnaura_desk.documents.consent_form import consent_form_pdf
from scripts.screenshots_documents import OUT, to_png
from tests.documents import samples


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    print(to_png(consent_form_pdf(samples.consent_form()), "consent-form-th", 110))
    return 0


if __name__ == "__main__":
    sys.exit(main())
