"""Treatment consents on a real terminal: the customer signs, the PDF with the ink is kept, the task knows it."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from sqlalchemy import func, select

from bnaura_desk.domain.consents import CONSENT_TEXT_KEY, DEFAULT_EN, DEFAULT_TH
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import consents, settings, tasks
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import CatalogItem, ImageUpload, OutboxOperation, Task, TreatmentConsent
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text, squashed
from tests.documents.samples import signature_png
from tests.services.test_tasks import _schedule, clinic  # noqa: F401  (a fixture)


def _blank(mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (400, 150), "white" if mode == "RGB" else (0, 0, 0, 0)).save(out, "PNG")
    return out.getvalue()


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def _treatment_task(s: Staffed, c: dict[str, str]) -> str:
    _schedule(s, c)
    return str(s.terminal.read(lambda session: session.scalars(select(Task.id).where(
        Task.journey_id == c["journey"], Task.rule == "perform_treatment")).one()))


def test_the_signed_form_is_a_pdf_with_the_customers_name_and_ink_kept_and_queued(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    task = _treatment_task(s, clinic)
    store = ImageStore.beside(s.terminal.path)
    ink = signature_png()
    signed = s.terminal.run(consents.sign_consent, clinic["member"], clinic["facial"], ink, images=store,
                            task_id=task, actor=s.beautician).result
    assert signed.task_id == task and signed.journey_id == clinic["journey"]  # the task's journey
    assert signed.signature_sha256 == sha256_hex(ink) and store.read(signed.signature_sha256) == ink
    pdf = store.read(signed.pdf_sha256)
    flat = squashed(pdf_text(pdf))
    assert pdf.startswith(b"%PDF-") and "สมหญิงใจดี" in flat and "ทรีตเมนต์หน้าใส" in flat
    assert "ข้าพเจ้าสมหญิงใจดีได้รับคำอธิบาย" in flat  # the default text, her name filled in
    assert signed.consent_id[:8].upper() in flat
    # Both files wait to be uploaded; the record is journalled for the server.
    waiting = s.terminal.read(lambda session: sorted(u.sha256 for u in session.scalars(select(ImageUpload))))
    assert waiting == sorted([signed.signature_sha256, signed.pdf_sha256])
    [op] = s.terminal.read(lambda session: [json.loads(o.payload) for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.type == "treatment_consent.sign"))])
    assert op["record"]["pdf_sha256"] == signed.pdf_sha256 and op["record"]["staff_id"] == s.beautician.staff_id
    # The queue reads it back.
    assert s.terminal.read(consents.consent_for_task, task) == signed
    assert s.terminal.read(consents.consents_for, clinic["member"]) == [signed]
    assert s.terminal.read(consents.consent_for_task, clinic["journey"]) is None


@pytest.mark.parametrize("blank", [b"", _blank(), _blank("RGBA"), b"not a png at all"])
def test_an_empty_pad_is_refused_and_nothing_is_kept(
        staffed: Staffed, clinic: dict[str, str], blank: bytes) -> None:  # noqa: F811
    s = staffed
    store = ImageStore.beside(s.terminal.path)
    before = _count(s, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(consents.sign_consent, clinic["member"], clinic["facial"], blank, images=store,
                       actor=s.beautician)
    assert "has not signed yet" in str(refused.value.render())
    assert _count(s, OutboxOperation) == before and _count(s, TreatmentConsent) == 0
    assert not store.root.exists()


def test_another_customers_task_a_product_or_a_front_desk_signer_is_refused(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    task = _treatment_task(s, clinic)
    store = ImageStore.beside(s.terminal.path)
    other = s.terminal.run(customer_service.register_customer, CustomerForm(name_th="คนอื่น", phone="0899999999"),
                           actor=s.front_desk).result
    with pytest.raises(BadInput, match="another customer"):
        s.terminal.run(consents.sign_consent, other, clinic["facial"], signature_png(), images=store, task_id=task,
                       actor=s.beautician)
    with pytest.raises(NotFound, match="not in the catalog"):
        s.terminal.run(consents.sign_consent, clinic["member"], clinic["member"], signature_png(), images=store,
                       actor=s.beautician)
    with pytest.raises(PermissionDenied):
        s.terminal.run(consents.sign_consent, clinic["member"], clinic["facial"], signature_png(), images=store,
                       actor=s.front_desk)
    s.terminal.run(tasks.claim_task, task, actor=s.beautician)
    s.terminal.run(tasks.start_task, task, actor=s.beautician)
    s.terminal.run(tasks.complete_task, task, actor=s.beautician)
    with pytest.raises(BadInput, match="already done"):
        s.terminal.run(consents.sign_consent, clinic["member"], clinic["facial"], signature_png(), images=store,
                       task_id=task, actor=s.beautician)
    assert _count(s, TreatmentConsent) == 0


def test_the_chains_own_text_and_a_treatments_own_text_are_what_is_signed(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    s.terminal.run(settings.set_chain_setting, CONSENT_TEXT_KEY, {
        "th": "ข้าพเจ้า {customer} ยินยอมรับ {treatment}", "en": "I, {customer}, consent to {treatment}."},
        actor=SYSTEM)
    wording = s.terminal.read(consents.consent_wording, clinic["member"], clinic["facial"])
    assert (wording.text.th, wording.text.en) == ("ข้าพเจ้า สมหญิง ใจดี ยินยอมรับ ทรีตเมนต์หน้าใส",
                                                  "I, สมหญิง ใจดี, consent to ทรีตเมนต์หน้าใส.")
    s.terminal.run(settings.set_chain_setting, CONSENT_TEXT_KEY, {
        "th": "ข้อความทั่วไป", "treatments": {clinic["facial"]: {"th": "ทรีตเมนต์นี้อาจทำให้ผิวแดง {customer}"}}},
        actor=SYSTEM)
    wording = s.terminal.read(consents.consent_wording, clinic["member"], clinic["facial"])
    assert wording.text.th == "ทรีตเมนต์นี้อาจทำให้ผิวแดง สมหญิง ใจดี" and wording.text.en.startswith("I, สมหญิง")
    signed = s.terminal.run(consents.sign_consent, clinic["member"], clinic["facial"], signature_png(),
                            images=ImageStore.beside(s.terminal.path), actor=s.beautician).result
    flat = squashed(pdf_text(ImageStore.beside(s.terminal.path).read(signed.pdf_sha256)))
    assert "ทรีตเมนต์นี้อาจทำให้ผิวแดงสมหญิงใจดี" in flat


@pytest.mark.parametrize("value", [
    {"en": "no Thai"}, {"th": ""}, {"th": "x" * 4001}, {"th": "{phone}"}, {"th": "{"}, "text",
    {"th": "ok", "treatments": {"not-an-id": {"th": "x"}}}, {"th": "ok", "colour": "red"},
])
def test_a_consent_text_the_setting_refuses_changes_nothing(staffed: Staffed, value: object) -> None:
    with pytest.raises(BadInput):
        staffed.terminal.run(settings.set_chain_setting, CONSENT_TEXT_KEY, value, actor=SYSTEM)


def test_a_manager_sets_the_consent_text_and_reset_puts_the_defaults_back(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    value = {"th": " ข้าพเจ้า {customer} ยินยอม ", "treatments": {clinic["facial"]: {"th": "หน้าใส {customer}"}}}
    stored = s.terminal.run(consents.set_consent_text, value, actor=s.manager).result
    assert stored == {"th": "ข้าพเจ้า {customer} ยินยอม", "en": "",
                      "treatments": {clinic["facial"]: {"th": "หน้าใส {customer}", "en": ""}}}
    read = s.terminal.read(consents.consent_text_settings)
    assert read.value == stored and (clinic["facial"], "ทรีตเมนต์หน้าใส") in read.treatments
    assert s.terminal.read(consents.consent_wording, clinic["member"], clinic["facial"]).text.th == "หน้าใส สมหญิง ใจดี"
    s.terminal.run(consents.set_consent_text, None, actor=s.manager)
    assert s.terminal.read(consents.consent_text_settings).value == {"th": DEFAULT_TH, "en": DEFAULT_EN}
    [op] = s.terminal.read(lambda session: [json.loads(o.payload) for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.type == "setting.set",
                                      OutboxOperation.entity_id == CONSENT_TEXT_KEY)
        .order_by(OutboxOperation.seq.desc()).limit(1))])
    assert op["fields"]["value"] == {"th": DEFAULT_TH, "en": DEFAULT_EN}


def test_setting_the_consent_text_is_a_managers_and_a_bad_value_changes_nothing(
        staffed: Staffed, clinic: dict[str, str]) -> None:  # noqa: F811
    s = staffed
    before = _count(s, OutboxOperation)
    with pytest.raises(PermissionDenied):
        s.terminal.run(consents.set_consent_text, {"th": "ยินยอม"}, actor=s.beautician)
    with pytest.raises(BadInput):
        s.terminal.run(consents.set_consent_text, {"th": "ข้าพเจ้า {foo}"}, actor=s.manager)
    with pytest.raises(BadInput):
        s.terminal.run(consents.set_consent_text, {"th": "  "}, actor=s.manager)
    course = s.terminal.read(lambda session: session.scalars(select(CatalogItem.id).where(
        CatalogItem.kind == "package")).one())
    with pytest.raises(NotFound):  # a course is not a treatment with a form of its own
        s.terminal.run(consents.set_consent_text, {"th": "ยินยอม", "treatments": {course: {"th": "x"}}},
                       actor=s.manager)
    assert _count(s, OutboxOperation) == before
