"""Skin scans: record one (values, notes, images) with the customer's consent, read them back, compare.

A scan and its photos are sensitive data (PDPA): without the customer's
consent to ``ConsentPurpose.SKIN_SCAN_PHOTOS`` nothing is recorded and the
screen says why. Images are checked (an image, at most 10 MB) and kept as
content-addressed files beside the database (``bnaura_desk.images``); the
scan's operation names them by their SHA-256, and the sync round uploads
them after the operations (``sync.client.images``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import suggestions as rules
from ..domain.changes import ChangeSet, Kind
from ..domain.customer import ConsentPurpose
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.ids import uuid7
from ..domain.roles import Permission
from ..domain.scans import (
    IMAGES_MAX,
    MEASURES,
    Measure,
    MeasureChange,
    ScanPoint,
    ScanValues,
    check_notes,
    check_values,
    compare,
    series,
)
from ..images.store import ImageStore
from ..store.models import Customer, ImageUpload, SkinScan
from .catalog import CatalogRow, list_items
from .context import ServiceContext, load_device
from .customers import current_consents, live_customer
from .settings import chain_setting, write_chain_setting

# A catalog item suggested for a customer's latest scan, with its reasons (``domain.suggestions``).
Suggestion: TypeAlias = rules.Suggestion[CatalogRow]


@dataclass(frozen=True)
class Scan:
    """One skin scan as a screen shows it."""

    scan_id: str
    customer_id: str
    branch_id: str
    at: datetime
    values: ScanValues
    notes: str
    images: tuple[str, ...]
    staff_id: str | None


def has_scan_consent(session: Session, customer_id: str) -> bool:
    """Return whether the customer's latest decision consents to skin scans and photos (sensitive data)."""
    state = current_consents(session, customer_id).get(ConsentPurpose.SKIN_SCAN_PHOTOS)
    return state is not None and state.granted


def record_scan(
    ctx: ServiceContext,
    customer_id: str,
    values: Mapping[str, object],
    notes: str = "",
    image_paths: Sequence[Path] = (),
    *,
    images: ImageStore,
) -> ChangeSet:
    """Record a skin scan of a customer with its image files; result is the ``Scan`` recorded.

    Everything is checked before anything is written: the consent, every
    value, the notes and every image file. The images are then kept in
    ``images`` (a file already there is kept once) and queued for upload;
    the scan's operation carries only their names.

    Raises:
        PermissionDenied: the actor may not edit customers.
        NotFound: the customer was deleted.
        BadInput: no consent to skin scans and photos; a value that is not
            a whole number from 0 to 100, or nothing measured; notes too
            long; more than ``IMAGES_MAX`` images; a file that cannot be
            read, is not an image or is larger than 10 MB. Nothing is written.
    """
    ctx.require(Permission.CUSTOMER_EDIT)
    live_customer(ctx.session, ctx.chain_id, customer_id)
    if not has_scan_consent(ctx.session, customer_id):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "This customer has not consented to skin scans and photos (sensitive data); nothing was recorded",
            ),
            field="consent",
        )
    measured = check_values(values)
    text = check_notes(notes)
    if len(image_paths) > IMAGES_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A scan keeps at most {most} images"), field="images",
                       most=IMAGES_MAX)
    checked = [images.check_file(Path(p)) for p in image_paths]
    names: list[str] = []
    for sha256, data in checked:
        images.put_checked(sha256, data)
        if sha256 not in names:
            names.append(sha256)
        if ctx.session.get(ImageUpload, sha256) is None:
            ctx.session.add(ImageUpload(sha256=sha256, size_bytes=len(data), queued_at=ctx.now))
    scan_id = uuid7()
    record: dict[str, Any] = {
        "customer_id": customer_id, "branch_id": ctx.branch_id,
        **{str(m): measured.get(m) for m in MEASURES},
        "notes": text, "images": names, "at": ctx.now.isoformat(), "staff_id": ctx.actor_id,
    }
    stamp = ctx.tick()
    ctx.session.add(SkinScan(id=scan_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now}, hlc=stamp))
    ctx.journal(action="skin_scan.record", entity="skin_scan", entity_id=scan_id, after=record,
                payload={"record": {"id": scan_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer_id)
    return ctx.changes.build(result=Scan(scan_id, customer_id, ctx.branch_id, ctx.now, measured, text,
                                         tuple(names), ctx.actor_id))


def _scan(row: SkinScan) -> Scan:
    values = {m: v for m in MEASURES if (v := getattr(row, str(m))) is not None}
    return Scan(row.id, row.customer_id, row.branch_id, row.at, values, row.notes, tuple(row.images), row.staff_id)


def scans_of(session: Session, customer_id: str) -> list[Scan]:
    """Return the customer's scans from every branch this terminal has, oldest first."""
    rows = session.scalars(
        select(SkinScan).where(SkinScan.customer_id == customer_id).order_by(SkinScan.at, SkinScan.hlc)
    )
    return [_scan(r) for r in rows]


def compare_latest(session: Session, customer_id: str) -> tuple[MeasureChange, ...]:
    """Return the customer's latest scan beside the one before it (empty when never scanned)."""
    scans = scans_of(session, customer_id)
    if not scans:
        return ()
    return compare(scans[-1].values, scans[-2].values if len(scans) > 1 else None)


def charts_of(session: Session, customer_id: str) -> dict[Measure, tuple[ScanPoint, ...]]:
    """Return each measure's values over time (oldest first) for the customer's small charts."""
    return series([(s.at, s.values) for s in scans_of(session, customer_id)])


# --- suggested treatments --------------------------------------------------------------------------


def suggestion_rules(session: Session, chain_id: str) -> tuple[rules.Rule, ...]:
    """Return the chain's suggestion rules (the defaults while a manager has set none)."""
    return rules.stored_rules(chain_setting(session, chain_id, rules.SETTING_KEY))


def set_suggestion_rules(ctx: ServiceContext, new_rules: Sequence[rules.Rule | Mapping[str, Any]] | None) -> ChangeSet:
    """Set the chain's suggestion rules (``None``: back to the defaults); result is the rules in force.

    A manager's (``Permission.CATALOG_MANAGE``: the rules name catalog tags;
    the chain setting ``suggestion_rules`` otherwise needs the owner's
    ``CLINIC_SETTINGS``). Suggestions are worked out when shown, so the next
    screen shows the new rules' suggestions.

    Raises:
        PermissionDenied: the actor is not a manager.
        BadInput: a rule the setting refuses (``suggestions.rules_value``), naming the field; nothing is written.
    """
    ctx.require(Permission.CATALOG_MANAGE)
    if new_rules is not None:
        write_chain_setting(ctx, rules.SETTING_KEY,
                            [r.as_json() if isinstance(r, rules.Rule) else dict(r) for r in new_rules])
    elif chain_setting(ctx.session, ctx.chain_id, rules.SETTING_KEY) is not None:
        write_chain_setting(ctx, rules.SETTING_KEY, [r.as_json() for r in rules.DEFAULT_RULES])
    return ctx.changes.build(result=suggestion_rules(ctx.session, ctx.chain_id))


def suggestions_for(session: Session, customer_id: str) -> list[Suggestion]:
    """Return the catalog items the chain's rules suggest for the customer's latest scan, with reasons.

    Only items on sale at this terminal's branch (active and available
    here, at this branch's price) are suggested; treatments first
    (``suggestions.suggest`` orders by the first rule that fires). Empty
    when the customer was never scanned or has no consent to scans any more
    (the scan's values are sensitive data).
    """
    if not has_scan_consent(session, customer_id):
        return []
    latest = session.scalars(select(SkinScan).where(SkinScan.customer_id == customer_id)
                             .order_by(SkinScan.at.desc(), SkinScan.hlc.desc()).limit(1)).first()
    customer = session.get(Customer, customer_id)
    if latest is None or customer is None:
        return []
    on_sale = [row for row in list_items(session, branch_id=load_device(session).branch_id)
               if row.active and row.available_here and row.tags]
    return rules.suggest(_scan(latest).values, suggestion_rules(session, customer.chain_id), on_sale)
