"""Treatment consents: the customer signs the treatment's consent form on screen; the signed PDF is kept.

The signature pad (``ui.widgets.signature_pad``) exports the ink as a PNG;
``sign_consent`` checks it has ink, prints the consent form with it
(``documents.consent_form``: the clinic, the customer, the treatment, the
chain's consent text in Thai and English, the time) and keeps both files in
the terminal's image store (content-addressed, queued for upload like a
scan's photos). The record (``treatment_consent``, a branch ledger) names
them by their SHA-256, with the task and journey it was signed for, so the
queue knows a treatment task's form is signed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents.consent_form import ConsentForm, consent_form_pdf
from ..domain.automation import ACTIVE_STATUSES
from ..domain.changes import ChangeSet, Kind
from ..domain.consents import CONSENT_TEXT_KEY, DEFAULT_EN, DEFAULT_TH, ConsentText, consent_text, consent_text_value
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.roles import Permission, may
from ..images.checks import image_problem
from ..images.store import ImageStore
from ..store.models import Branch, CatalogItem, Chain, Customer, ImageUpload, Journey, Staff, Task, TreatmentConsent
from .context import ServiceContext, load_device
from .customers import live_customer
from .settings import chain_setting, write_chain_setting

INK_THRESHOLD = 200  # a pixel darker than this (0 black, 255 white) is ink, not paper or antialiasing haze


@dataclass(frozen=True)
class ConsentWording:
    """What the dialog shows before the customer signs: who, for what, and the text."""

    customer: str
    treatment: str
    clinic: str
    text: ConsentText


@dataclass(frozen=True)
class SignedConsent:
    """One signed consent form as a screen shows it."""

    consent_id: str
    customer_id: str
    treatment_id: str
    task_id: str | None
    journey_id: str | None
    signature_sha256: str
    pdf_sha256: str
    signed_at: datetime
    staff_id: str | None


def has_ink(png: bytes) -> bool:
    """Return whether ``png`` is an image with at least one dark pixel (a pad left blank has none).

    Raises nothing: bytes that are not an image have no ink.
    """
    if not png or image_problem(png) is not None:
        return False
    # Imported here: Pillow costs start-up time a terminal that never takes a signature need not pay.
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        grey = image.convert("LA") if "A" in image.getbands() else image.convert("L")
        if grey.mode == "LA":
            # Transparent pixels are paper whatever their colour.
            white = Image.new("L", grey.size, 255)
            white.paste(grey.getchannel("L"), mask=grey.getchannel("A"))
            grey = white
        extrema = grey.getextrema()
    darkest = extrema[0]
    return isinstance(darkest, (int, float)) and darkest < INK_THRESHOLD


def _customer_name(row: Customer) -> str:
    return row.name_th or row.name_en or row.nickname


def _treatment(session: Session, chain_id: str, treatment_id: str) -> CatalogItem:
    item = session.get(CatalogItem, treatment_id)
    if item is None or item.chain_id != chain_id or item.deleted_at is not None or item.kind != "treatment":
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This treatment is not in the catalog"), field="treatment_id")
    return item


def _treatment_name(item: CatalogItem) -> str:
    return f"{item.name_th} ({item.name_en})" if item.name_en and item.name_en != item.name_th else item.name_th


def _clinic(session: Session, chain_id: str) -> str:
    chain = session.get(Chain, chain_id)
    return chain.name if chain is not None else ""


def consent_wording(session: Session, customer_id: str, treatment_id: str) -> ConsentWording:
    """Read: the consent text the customer is asked to sign for ``treatment_id``, names filled in.

    The treatment's own text, else the chain's (setting ``consent_text``),
    else the defaults (``domain.consents``).

    Raises:
        NotFound: the customer was deleted, or the treatment is not one of the catalog's.
    """
    chain_id = load_device(session).chain_id
    customer = live_customer(session, chain_id, customer_id)
    item = _treatment(session, chain_id, treatment_id)
    names = {"customer": _customer_name(customer), "treatment": _treatment_name(item),
             "clinic": _clinic(session, chain_id)}
    text = consent_text(chain_setting(session, chain_id, CONSENT_TEXT_KEY), treatment_id, **names)
    return ConsentWording(names["customer"], names["treatment"], names["clinic"], text)


@dataclass(frozen=True)
class ConsentTextSettings:
    """What the consent text editor shows: the chain's wording (checked, or the defaults) and the catalog."""

    value: dict[str, Any]  # as stored: {"th", "en", "treatments": {item id: {"th", "en"}}}
    treatments: list[tuple[str, str]]  # (catalog item id, name) of every treatment, by name
    clinic: str


def consent_text_settings(session: Session) -> ConsentTextSettings:
    """Read: the chain's consent wording for the editor, with the catalog's treatments and the clinic's name.

    A value this version cannot read, or none, shows as the defaults.
    """
    chain_id = load_device(session).chain_id
    stored = chain_setting(session, chain_id, CONSENT_TEXT_KEY)
    value: dict[str, Any] = {"th": DEFAULT_TH, "en": DEFAULT_EN}
    if stored is not None:
        try:
            value = consent_text_value(stored)
        except BadInput:
            pass
    rows = session.scalars(select(CatalogItem).where(
        CatalogItem.chain_id == chain_id, CatalogItem.kind == "treatment", CatalogItem.deleted_at.is_(None))
        .order_by(CatalogItem.name_th))
    return ConsentTextSettings(value, [(r.id, _treatment_name(r)) for r in rows], _clinic(session, chain_id))


def set_consent_text(ctx: ServiceContext, value: dict[str, Any] | None) -> ChangeSet:
    """Set the chain's consent wording (setting ``consent_text``); ``None`` puts the defaults back.

    Result is the value stored. A manager's (``Permission.CATALOG_MANAGE``:
    the texts belong to the catalog's treatments; the raw setting otherwise
    needs the owner's ``CLINIC_SETTINGS``). Forms signed earlier keep their text.

    Raises:
        PermissionDenied: the actor is not a manager or owner.
        BadInput: a value the setting refuses (``domain.consents.consent_text_value``:
            no Thai text, a text too long, a placeholder other than
            ``{customer}``, ``{treatment}``, ``{clinic}``).
        NotFound: a treatment's own text for an item that is not a treatment of the catalog.
        Nothing is written on a refusal.
    """
    ctx.require(Permission.CATALOG_MANAGE)
    if value is None:
        if chain_setting(ctx.session, ctx.chain_id, CONSENT_TEXT_KEY) is None:
            return ctx.changes.build(result={"th": DEFAULT_TH, "en": DEFAULT_EN})
        value = {"th": DEFAULT_TH, "en": DEFAULT_EN}
    checked = consent_text_value(value)
    for item_id in checked.get("treatments", {}):
        _treatment(ctx.session, ctx.chain_id, item_id)
    return ctx.changes.build(result=write_chain_setting(ctx, CONSENT_TEXT_KEY, checked))


def _require_signer(ctx: ServiceContext) -> None:
    """Refuse an actor who works no treatments or journeys (a beautician or a salesperson takes the signature)."""
    if ctx.actor is not None and may(ctx.actor.role, Permission.JOURNEY_TREAT):
        return
    ctx.require(Permission.JOURNEY_MOVE)


def _task_for(ctx: ServiceContext, task_id: str, customer_id: str) -> Task:
    row = ctx.session.get(Task, task_id)
    if row is None or row.chain_id != ctx.chain_id or row.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such task"), field="task")
    if row.customer_id != customer_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This task is for another customer"), field="task")
    if row.status not in ACTIVE_STATUSES:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This task is already done or cancelled"), field="task")
    return row


def _journey_for(ctx: ServiceContext, journey_id: str, customer_id: str) -> None:
    row = ctx.session.get(Journey, journey_id)
    if row is None or row.chain_id != ctx.chain_id or row.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such journey at this branch"), field="journey")
    if row.customer_id != customer_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This journey is another customer's"), field="journey")


def _keep(ctx: ServiceContext, images: ImageStore, data: bytes, name: str) -> str:
    """Keep ``data`` in the store and queue it for upload (once); return its SHA-256."""
    sha256 = images.put_bytes(data, name)
    if ctx.session.get(ImageUpload, sha256) is None:
        ctx.session.add(ImageUpload(sha256=sha256, size_bytes=len(data), queued_at=ctx.now))
    return sha256


def sign_consent(
    ctx: ServiceContext,
    customer_id: str,
    treatment_id: str,
    signature_png: bytes,
    *,
    images: ImageStore,
    task_id: str | None = None,
    journey_id: str | None = None,
) -> ChangeSet:
    """Record that the customer signed ``treatment_id``'s consent form; result is the ``SignedConsent``.

    Everything is checked before anything is kept: the signer, the
    customer, the treatment, the task (this branch's, the customer's, still
    open; its journey is the consent's when none is given), the journey and
    the signature (an image with ink). The form is then printed as a PDF
    with the signature, both files kept in ``images`` and queued for
    upload, and the record journalled (``treatment_consent.sign``).

    Raises:
        PermissionDenied: the actor works neither treatments nor journeys.
        NotFound: the customer was deleted; the treatment, task or journey is not there.
        BadInput: the signature is empty (nothing drawn) or not an image;
            the task or journey is another customer's, or the task is done.
            Nothing is kept or written.
    """
    _require_signer(ctx)
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    item = _treatment(ctx.session, ctx.chain_id, treatment_id)
    if task_id is not None:
        task = _task_for(ctx, task_id, customer_id)
        journey_id = journey_id or task.journey_id
    if journey_id is not None:
        _journey_for(ctx, journey_id, customer_id)
    if not has_ink(signature_png):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The customer has not signed yet: sign on the pad first"),
                       field="signature")
    wording = consent_wording(ctx.session, customer_id, treatment_id)
    branch = ctx.session.get(Branch, ctx.branch_id)
    witness = ctx.session.get(Staff, ctx.actor_id) if ctx.actor_id is not None else None
    consent_id = uuid7()
    pdf = consent_form_pdf(ConsentForm(
        form_id=consent_id, clinic_th=wording.clinic or (branch.name_th if branch else ""),
        clinic_en=branch.name_en if branch is not None else "",
        branch=branch.name_th if branch is not None else "", customer=_customer_name(customer),
        treatment=_treatment_name(item), text_th=wording.text.th, text_en=wording.text.en, signed_at=ctx.now,
        signature_png=signature_png, witness=witness.display_name if witness is not None else "",
    ))
    signature_sha256 = _keep(ctx, images, signature_png, "signature.png")
    pdf_sha256 = _keep(ctx, images, pdf, "consent.pdf")
    record: dict[str, Any] = {
        "branch_id": ctx.branch_id, "customer_id": customer_id, "journey_id": journey_id, "task_id": task_id,
        "treatment_id": treatment_id, "signature_sha256": signature_sha256, "pdf_sha256": pdf_sha256,
        "signed_at": ctx.now.isoformat(), "staff_id": ctx.actor_id,
    }
    stamp = ctx.tick()
    ctx.session.add(TreatmentConsent(id=consent_id, chain_id=ctx.chain_id, **{**record, "signed_at": ctx.now},
                                     hlc=stamp))
    ctx.journal(action="treatment_consent.sign", entity="treatment_consent", entity_id=consent_id, after=record,
                payload={"record": {"id": consent_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    if task_id is not None:
        ctx.changes.add(Kind.TASK, task_id)
    return ctx.changes.build(result=SignedConsent(consent_id, customer_id, treatment_id, task_id, journey_id,
                                                  signature_sha256, pdf_sha256, ctx.now, ctx.actor_id))


def _signed(row: TreatmentConsent) -> SignedConsent:
    return SignedConsent(row.id, row.customer_id, row.treatment_id, row.task_id, row.journey_id,
                         row.signature_sha256, row.pdf_sha256, row.signed_at, row.staff_id)


def consents_for(session: Session, customer_id: str) -> list[SignedConsent]:
    """Read: the customer's signed consent forms at this terminal's branch, oldest first."""
    rows = session.scalars(select(TreatmentConsent).where(TreatmentConsent.customer_id == customer_id)
                           .order_by(TreatmentConsent.signed_at, TreatmentConsent.hlc))
    return [_signed(r) for r in rows]


def consent_for_task(session: Session, task_id: str) -> SignedConsent | None:
    """Read: the latest consent form signed for the task, or None while it is unsigned."""
    row = session.scalars(select(TreatmentConsent).where(TreatmentConsent.task_id == task_id)
                          .order_by(TreatmentConsent.signed_at.desc(), TreatmentConsent.hlc.desc()).limit(1)).first()
    return _signed(row) if row is not None else None
