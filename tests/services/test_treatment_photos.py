"""Before/after photos of a treatment on a real terminal: its holder adds them, with the customer's consent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.errors import BadInput, DeskError, PermissionDenied
from bnaura_desk.domain.treatment_photos import PHOTOS_PER_KIND, PhotoKind
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import task_queue, tasks, treatment_photos
from bnaura_desk.services.context import Actor
from bnaura_desk.store.models import ImageUpload, OutboxOperation, TreatmentPhoto
from tests.conftest import Staffed
from tests.images.pictures import photo_bytes
from tests.task_setup import treatment_task


def _file(tmp_path: Path, name: str, seed: int) -> Path:
    path = tmp_path / name
    path.write_bytes(photo_bytes(seed))
    return path


def _count(s: Staffed) -> tuple[int, int]:
    def read(session):  # type: ignore[no-untyped-def]
        return (session.scalar(select(func.count()).select_from(TreatmentPhoto)),
                session.scalar(select(func.count()).select_from(OutboxOperation)))
    return s.terminal.read(read)


def _refused(s: Staffed, error: type[DeskError], *args: object, actor: Actor, images: ImageStore) -> str:
    before = _count(s)
    with pytest.raises(error) as refused:
        s.terminal.run(treatment_photos.add_treatment_photo, *args, images=images, actor=actor)
    assert _count(s) == before  # nothing written, nothing to sync
    return str(refused.value.render())


def test_the_beautician_holding_the_task_adds_before_and_after_photos(staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    made = treatment_task(s.terminal, s.manager, s.front_desk, str(s.beautician.staff_id))
    images = ImageStore.beside(s.terminal.path)
    s.terminal.run(tasks.start_task, made.task, actor=s.beautician)
    before = s.terminal.run(treatment_photos.add_treatment_photo, made.task, _file(tmp_path, "a.png", 1),
                            PhotoKind.BEFORE, images=images, actor=s.beautician)
    photo = before.result
    assert before.ids(treatment_photos.Kind.TASK) == {made.task}  # the queue's detail panel redraws
    assert (photo.kind, photo.staff_id) == (PhotoKind.BEFORE, s.beautician.staff_id)
    assert images.read(photo.sha256) == photo_bytes(1)  # the file is kept under its SHA-256
    s.terminal.run(treatment_photos.add_treatment_photo, made.task, _file(tmp_path, "b.png", 2), "after",
                   images=images, actor=s.beautician)
    detail = s.terminal.read(task_queue.task_detail, made.task, s.clock())
    assert [p.kind for p in detail.photos] == [PhotoKind.BEFORE, PhotoKind.AFTER]
    # Each photo is one synced append naming its file; both files wait to upload.
    ops = s.terminal.read(lambda session: [(o.type, json.loads(o.payload)["record"]) for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.entity == "treatment_photo"))])
    assert [(t, r["kind"], r["task_id"], r["journey_id"], r["customer_id"]) for t, r in ops] == [
        ("treatment_photo.add", "before", made.task, made.journey, made.customer),
        ("treatment_photo.add", "after", made.task, made.journey, made.customer)]
    waiting = s.terminal.read(lambda session: set(session.scalars(select(ImageUpload.sha256))))
    assert {p.sha256 for p in detail.photos} <= waiting


def test_photos_are_refused_without_consent_or_the_task_and_nothing_changes(
        staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    images = ImageStore.beside(s.terminal.path)
    made = treatment_task(s.terminal, s.manager, s.front_desk, str(s.beautician.staff_id), consent=False)
    picture = _file(tmp_path, "a.png", 1)
    # Not claimed yet: only the one holding the task adds photos.
    assert _refused(s, BadInput, made.task, picture, "before", actor=s.beautician, images=images) == (
        "Claim this task first")
    s.terminal.run(tasks.claim_task, made.task, actor=s.beautician)
    assert "has not consented to skin scans and photos" in _refused(
        s, BadInput, made.task, picture, "before", actor=s.beautician, images=images)
    assert not images.root.exists() or not any(images.root.rglob("*"))  # no file kept either
    # Someone else (who works no journeys): refused by permission.
    _refused(s, PermissionDenied, made.task, picture, "before", actor=s.front_desk, images=images)


def test_a_bad_file_a_bad_kind_or_too_many_photos_are_refused(staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    images = ImageStore.beside(s.terminal.path)
    made = treatment_task(s.terminal, s.manager, s.front_desk, str(s.beautician.staff_id))
    s.terminal.run(tasks.claim_task, made.task, actor=s.beautician)
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    assert "not an image" in _refused(s, BadInput, made.task, text, "before", actor=s.beautician, images=images)
    assert _refused(s, BadInput, made.task, _file(tmp_path, "a.png", 1), "during", actor=s.beautician,
                    images=images) == "A photo is taken before or after the treatment"
    for i in range(PHOTOS_PER_KIND):
        s.terminal.run(treatment_photos.add_treatment_photo, made.task, _file(tmp_path, f"p{i}.png", i + 10),
                       "after", images=images, actor=s.beautician)
    assert _refused(s, BadInput, made.task, _file(tmp_path, "one-more.png", 99), "after", actor=s.beautician,
                    images=images) == f"A task keeps at most {PHOTOS_PER_KIND} photos of each kind"
