"""Before/after photos of a treatment, kept with the task that treats.

A photo of a face is sensitive data (PDPA), as a skin scan is: without the
customer's consent to ``ConsentPurpose.SKIN_SCAN_PHOTOS`` nothing is kept
and the screen says why. Only the one holding the task adds photos. The
file is checked (an image, at most 10 MB) and kept content-addressed beside
the database (``bnaura_desk.images``); the photo's operation carries only
its SHA-256 and the sync round uploads the file after the operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.ids import uuid7
from ..domain.treatment_photos import PHOTOS_PER_KIND, PhotoKind
from ..images.store import ImageStore
from ..store.models import ImageUpload, TreatmentPhoto
from .context import ServiceContext
from .scans import has_scan_consent
from .tasks import held_task


@dataclass(frozen=True)
class Photo:
    """One treatment photo as the queue's detail panel shows it."""

    photo_id: str
    task_id: str
    kind: PhotoKind
    sha256: str
    taken_at: datetime
    staff_id: str | None


def add_treatment_photo(ctx: ServiceContext, task_id: str, path: Path, kind: PhotoKind | str, *,
                        images: ImageStore) -> ChangeSet:
    """Keep a before or after photo (the image file at ``path``) of a task's treatment; result is the ``Photo``.

    Everything is checked before anything is written: the task is the
    actor's (claimed or started, not done), the customer consents to
    skin scans and photos, the kind, the count and the file. The file is
    then kept in ``images`` (once, whatever the number of tasks naming it)
    and queued for upload.

    Raises:
        PermissionDenied: the actor works no journeys.
        NotFound: no such task at this branch.
        BadInput: the task is not the actor's to work (not claimed, someone
            else's, done or cancelled); no consent to sensitive data; an
            unknown kind; already ``PHOTOS_PER_KIND`` photos of the kind; a
            file that cannot be read, is not an image or is larger than
            10 MB. Nothing is written.
    """
    task = held_task(ctx, task_id)
    if not has_scan_consent(ctx.session, task.customer_id):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "This customer has not consented to skin scans and photos (sensitive data); nothing was recorded",
            ),
            field="consent",
        )
    try:
        chosen = PhotoKind(kind)
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A photo is taken before or after the treatment"),
                       field="kind") from None
    taken = ctx.session.scalar(select(func.count()).select_from(TreatmentPhoto).where(
        TreatmentPhoto.task_id == task.id, TreatmentPhoto.kind == str(chosen))) or 0
    if taken >= PHOTOS_PER_KIND:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A task keeps at most {most} photos of each kind"),
                       field="images", most=PHOTOS_PER_KIND)
    sha256, data = images.check_file(Path(path))
    images.put_checked(sha256, data)
    if ctx.session.get(ImageUpload, sha256) is None:
        ctx.session.add(ImageUpload(sha256=sha256, size_bytes=len(data), queued_at=ctx.now))
    photo_id = uuid7()
    record: dict[str, Any] = {
        "task_id": task.id, "journey_id": task.journey_id, "customer_id": task.customer_id,
        "branch_id": task.branch_id, "sha256": sha256, "kind": str(chosen), "taken_at": ctx.now.isoformat(),
        "staff_id": ctx.actor_id,
    }
    stamp = ctx.tick()
    ctx.session.add(TreatmentPhoto(id=photo_id, chain_id=ctx.chain_id, **{**record, "taken_at": ctx.now},
                                   hlc=stamp))
    ctx.journal(action="treatment_photo.add", entity="treatment_photo", entity_id=photo_id, after=record,
                payload={"record": {"id": photo_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.TASK, task.id)
    return ctx.changes.build(result=Photo(photo_id, task.id, chosen, sha256, ctx.now, ctx.actor_id))


def photos_of_task(session: Session, task_id: str) -> list[Photo]:
    """Return a task's photos, oldest first (before and after alike)."""
    rows = session.scalars(select(TreatmentPhoto).where(TreatmentPhoto.task_id == task_id)
                           .order_by(TreatmentPhoto.taken_at, TreatmentPhoto.hlc))
    return [Photo(r.id, r.task_id, PhotoKind(r.kind), r.sha256, r.taken_at, r.staff_id) for r in rows]
