"""The ESC/POS bytes of a receipt, read back as a printer reads them: the image, the cut, the drawer kick."""

from __future__ import annotations

import dataclasses

from bnaura_desk.documents import Payment, PaymentMethod
from bnaura_desk.printing.escpos_job import opens_drawer, receipt_bytes
from bnaura_desk.printing.raster import receipt_raster
from tests.documents import samples

from .fake_printer import DRAWER_KICK, FULL_CUT, INIT, decode


def card_only() -> samples.Receipt:
    receipt = samples.receipt()
    return dataclasses.replace(receipt, payments=(Payment(PaymentMethod.CARD, receipt.totals.total_satang,
                                                          reference="**** 4242"),))


def test_the_printer_gets_the_raster_image_then_a_cut() -> None:
    image = receipt_raster(card_only())
    job = receipt_bytes(image, kick_drawer=False)
    assert job.startswith(INIT)
    printed = decode(job)
    # Every dot the printer prints is a black dot of the raster, in bands of at most 960 rows.
    assert printed.image.size == image.size == (576, image.height)
    assert printed.image.tobytes() == image.tobytes()
    assert printed.bands == -(-image.height // 960)
    assert printed.cuts and not printed.kicks_drawer
    # ESC d n feeds the last line past the cutter before GS V 0 cuts.
    assert 0 <= printed.after_image.find(b"\x1bd") < printed.after_image.index(FULL_CUT)


def test_a_72_mm_printer_gets_a_512_dot_image() -> None:
    image = receipt_raster(card_only(), 512)
    printed = decode(receipt_bytes(image, kick_drawer=False))
    assert printed.image.width == 512 and printed.image.tobytes() == image.tobytes()


def test_the_drawer_opens_for_an_original_with_cash_only() -> None:
    cash_and_card = samples.receipt()
    assert any(p.method is PaymentMethod.CASH for p in cash_and_card.payments)
    assert opens_drawer(cash_and_card)
    assert not opens_drawer(card_only())
    assert not opens_drawer(samples.receipt(is_copy=True))  # a reprint hands out no change
    job = receipt_bytes(receipt_raster(cash_and_card), kick_drawer=True)
    printed = decode(job)
    assert printed.kicks_drawer and printed.cuts
    # ESC p 0 t1 t2: pin 2, after the receipt is cut.
    kick = printed.after_image.index(DRAWER_KICK)
    assert printed.after_image[kick + 2] == 0 and kick > printed.after_image.index(FULL_CUT)
