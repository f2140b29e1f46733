"""Before/after photos taken on the treatment room's PC, over a real server (SQLite and PostgreSQL).

What a clinic checks: the beautician works her task on the shared PC of
the treatment room (a second terminal of the Siam branch) offline and adds
a before and an after photo; once the internet is back the counter's
terminal shows both photos with the task, and fetches the files byte for
byte; Thonglor receives neither the task nor its photos, and a Thonglor
device naming Siam's task with a photo of its own is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.treatment_photos import PhotoKind
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import staff, task_queue, tasks, treatment_photos
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.store.models import Journey, TreatmentPhoto
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for, join_clinic
from sync.client.images import ensure_image
from sync.server import admin
from sync.server.models import Record
from tests.images.pictures import photo_bytes, write
from tests.task_setup import treatment_task

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)


@pytest.fixture
def room_pc(chain: Chain, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    """The shared PC of Siam's treatment room: a second terminal of the branch."""
    with chain.server.sessions() as s:
        code = admin.new_enrollment_code(s, chain.branch_ids["siam"], now())[1].code
        s.commit()
    path = tmp_path / "siam-room.sqlite"
    join_clinic(path, chain.server.base_url, code, "Treatment room PC")
    t = Terminal.open(path)
    try:
        yield t
    finally:
        t.close()


def _photos(t: Terminal) -> list[tuple[str, str, str]]:
    return t.read(lambda s: [(r.id, r.kind, r.sha256) for r in s.scalars(
        select(TreatmentPhoto).order_by(TreatmentPhoto.taken_at))])


def test_photos_taken_offline_on_the_room_pc_reach_the_counter_and_not_the_other_branch(
        chain: Chain, room_pc: Terminal, tmp_path: Path) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    nid = str(siam.run(staff.create_staff, "พี่นิด", Role.BEAUTICIAN, "7531", actor=SYSTEM).result)
    made = treatment_task(siam, SYSTEM, SYSTEM, nid)
    for t in (siam, room_pc, thonglor):
        _sync(t)
    # Offline on the room's PC: she starts, photographs, treats, photographs again and completes.
    nid_actor = Actor(nid, "พี่นิด", Role.BEAUTICIAN)
    images = ImageStore.beside(room_pc.path)
    room_pc.run(tasks.start_task, made.task, actor=nid_actor)
    before, after = photo_bytes(21), photo_bytes(22, fmt="JPEG")
    for data, kind in ((before, PhotoKind.BEFORE), (after, PhotoKind.AFTER)):
        room_pc.run(treatment_photos.add_treatment_photo, made.task, write(tmp_path, f"{kind}.img", data), kind,
                    images=images, actor=nid_actor)
    room_pc.run(tasks.complete_task, made.task, actor=nid_actor)
    mine = _photos(room_pc)
    assert [(k, h) for _, k, h in mine] == [("before", sha256_hex(before)), ("after", sha256_hex(after))]
    # Back online: the PC pushes (photos' files after the operations), the counter pulls.
    for t in (room_pc, siam, thonglor):
        _sync(t)
    assert _photos(siam) == mine
    detail = siam.read(task_queue.task_detail, made.task, now())
    assert [p.kind for p in detail.photos] == [PhotoKind.BEFORE, PhotoKind.AFTER]
    stage = siam.read(lambda s: s.get(Journey, made.journey).stage)  # type: ignore[union-attr]
    assert stage == Stage.TREATMENT_COMPLETED
    with client_for(siam) as client:
        for (_, _, sha256), data in zip(mine, (before, after), strict=True):
            assert ensure_image(ImageStore.beside(siam.path), client, sha256).read_bytes() == data
    # The server keeps them as the branch's; the other branch has none of it.
    with chain.server.sessions() as s:
        kept = list(s.scalars(select(Record).where(Record.chain_id == chain.chain_id,
                                                   Record.entity == "treatment_photo")))
    assert sorted(r.data["kind"] for r in kept) == ["after", "before"]
    assert thonglor.read(lambda s: s.scalar(select(func.count()).select_from(TreatmentPhoto))) == 0


def test_another_branch_cannot_add_a_photo_to_a_task_of_this_branch(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    nid = str(siam.run(staff.create_staff, "พี่นิด", Role.BEAUTICIAN, "7531", actor=SYSTEM).result)
    made = treatment_task(siam, SYSTEM, SYSTEM, nid)
    _sync(siam)
    _sync(thonglor)
    record = {"task_id": made.task, "journey_id": made.journey, "customer_id": made.customer,
              "branch_id": chain.branch_ids["siam"], "sha256": sha256_hex(photo_bytes(5)), "kind": "before",
              "taken_at": now().isoformat(), "staff_id": None}
    photo_id = str(uuid.uuid4())
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        results = client.push(thonglor.device().device_id, [
            _op(thonglor, seq, "treatment_photo.add", "treatment_photo", photo_id,
                {"record": {"id": photo_id, **record}}),
        ]).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "foreign_record")], results
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "treatment_photo")) == 0
