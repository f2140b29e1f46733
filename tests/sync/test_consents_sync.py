"""Consent forms signed on screen, over a real server (SQLite and PostgreSQL).

What a clinic checks: a customer signs her treatment's consent form on the
treatment room's PC while the internet is down; once it is back, the record
reaches the server and then the signed PDF and the ink follow as files; the
branch's other terminal (the front desk) sees the form is signed and opens
the very PDF she signed. Another branch sees none of it, and may not
record a consent at this branch; a consent naming a task the chain lacks
is refused.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import catalog, consents, journeys
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import TreatmentConsent
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for, join_clinic
from sync.client.images import ensure_image
from sync.server import admin
from sync.server.models import Record
from tests.documents.pdf_probe import pdf_text, squashed
from tests.documents.samples import signature_png

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)
from .test_images_sync import _server_file


@pytest.fixture
def siam_2(chain: Chain, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    """A second terminal enrolled at the Siam branch (the front desk's PC)."""
    with chain.server.sessions() as s:
        code = admin.new_enrollment_code(s, chain.branch_ids["siam"], now())[1].code
        s.commit()
    path = tmp_path / "siam-2.sqlite"
    join_clinic(path, chain.server.base_url, code, "POS siam 2")
    t = Terminal.open(path)
    try:
        yield t
    finally:
        t.close()


def _customer_and_treatment(chain: Chain, tills: tuple[Terminal, ...]) -> tuple[str, str, str]:  # noqa: F811
    siam = chain.siam
    laser = str(siam.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="เลเซอร์หน้าใส", name_en="Laser facial", price_satang=250_000,
        vat_exempt=True, duration_minutes=45), actor=SYSTEM).result)
    member = str(siam.run(customer_service.register_customer,
                          CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=SYSTEM).result)
    journey = str(siam.run(journeys.open_journey, member, item_id=laser, actor=SYSTEM).result)
    for t in (siam, *tills):
        _sync(t)
    return member, laser, journey


def _server_consents(chain: Chain) -> list[dict[str, object]]:  # noqa: F811
    with chain.server.sessions() as s:
        return [r.data for r in s.scalars(select(Record).where(Record.chain_id == chain.chain_id,
                                                               Record.entity == "treatment_consent"))]


def test_a_form_signed_offline_reaches_the_server_and_the_branchs_other_terminal_opens_the_same_pdf(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member, laser, journey = _customer_and_treatment(chain, (siam_2, thonglor))
    ink = signature_png()
    signed = siam.run(consents.sign_consent, member, laser, ink, images=ImageStore.beside(siam.path),
                      journey_id=journey, actor=SYSTEM).result

    report = _sync(siam)
    assert report.rejected == 0 and (report.images.uploaded, report.images.refused) == (2, 0)
    [record] = _server_consents(chain)
    assert (record["customer_id"], record["treatment_id"], record["journey_id"], record["pdf_sha256"]) == (
        member, laser, journey, signed.pdf_sha256)
    pdf = ImageStore.beside(siam.path).read(signed.pdf_sha256)
    assert _server_file(chain, signed.pdf_sha256).read_bytes() == pdf
    assert _server_file(chain, signed.signature_sha256).read_bytes() == ink

    # The front desk's PC pulls the record and, opening it, fetches the PDF she signed, byte for byte.
    _sync(siam_2)
    [seen] = siam_2.read(consents.consents_for, member)
    assert seen == signed
    store = ImageStore.beside(siam_2.path)
    assert not store.has(seen.pdf_sha256)
    with client_for(siam_2) as client:
        fetched = ensure_image(store, client, seen.pdf_sha256).read_bytes()
    assert fetched == pdf and sha256_hex(fetched) == seen.pdf_sha256
    assert "สมหญิงใจดี" in squashed(pdf_text(fetched)) and "เลเซอร์หน้าใส" in squashed(pdf_text(fetched))

    # Thonglor (another branch) pulls nothing of it.
    _sync(thonglor)
    assert thonglor.read(lambda s: s.scalars(select(TreatmentConsent)).all()) == []


def _record(t: Terminal, branch_id: str, customer: str, treatment: str, **extra: object) -> dict[str, object]:
    sha = sha256_hex(b"x")
    return {"record": {"id": str(uuid.uuid4()), "branch_id": branch_id, "customer_id": customer,
                       "journey_id": None, "task_id": None, "treatment_id": treatment, "signature_sha256": sha,
                       "pdf_sha256": sha, "signed_at": now().isoformat(), "staff_id": None, **extra}}


def test_another_branch_may_not_record_a_consent_here_nor_name_a_task_the_chain_lacks(
        chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member, laser, _ = _customer_and_treatment(chain, (thonglor,))
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = _record(thonglor, chain.branch_ids["siam"], member, laser)
        ghost = _record(thonglor, thonglor.device().branch_id, member, laser, task_id=str(uuid.uuid4()))
        results = client.push(thonglor.device().device_id, [
            _op(thonglor, seq, "treatment_consent.sign", "treatment_consent", str(forged["record"]["id"]),  # type: ignore[index]
                forged),
            _op(thonglor, seq + 1, "treatment_consent.sign", "treatment_consent", str(ghost["record"]["id"]),  # type: ignore[index]
                ghost),
        ]).results
    outcomes = [(r.outcome, r.reason) for r in results]
    assert outcomes == [("rejected", "foreign_record"), ("rejected", "unknown_parent")], json.dumps(outcomes)
    assert _server_consents(chain) == []
    assert siam.read(lambda s: s.scalars(select(TreatmentConsent)).all()) == []


def test_the_servers_image_routes_keep_a_whole_pdf_and_refuse_one_cut_short(chain: Chain) -> None:  # noqa: F811
    from bnaura_desk.documents.consent_form import consent_form_pdf
    from sync.client.http import ImageRefused
    from tests.documents.samples import consent_form

    pdf = consent_form_pdf(consent_form())
    cut = pdf[: len(pdf) // 2]
    with client_for(chain.siam) as client:
        with pytest.raises(ImageRefused) as refused:
            client.put_image_chunk(sha256_hex(cut), 0, len(cut), cut)
        assert (refused.value.status, refused.value.server_code) == (422, "not_an_image")
        assert client.image_state(sha256_hex(cut)).held == 0
        assert client.put_image_chunk(sha256_hex(pdf), 0, len(pdf), pdf).complete
        assert client.get_image(sha256_hex(pdf)) == pdf
    assert _server_file(chain, sha256_hex(pdf)).read_bytes() == pdf
