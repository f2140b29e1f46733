"""Skin scans at the desk: recorded with the customer's consent, compared with the previous scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.scans import Measure
from bnaura_desk.domain.suggestions import DEFAULT_RULES as DEFAULT_SUGGESTION_RULES
from bnaura_desk.images.checks import MAX_IMAGE_BYTES, sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import customers, scans
from bnaura_desk.store.models import AuditEntry, ImageUpload, OutboxOperation, SkinScan
from tests.conftest import Staffed
from tests.images.pictures import big_photo_bytes, photo_bytes, write

CONSENT = ConsentPurpose.SKIN_SCAN_PHOTOS


def _customer(s: Staffed, consent: bool | None = True) -> str:
    consents = {} if consent is None else {CONSENT: consent}
    return str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมใจ ใจดี", phone="0812345678"),
                              consents, actor=s.front_desk).result)


def _store(s: Staffed) -> ImageStore:
    return ImageStore.beside(s.terminal.path)


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def test_a_scan_with_two_photos_is_kept_and_compared_with_the_previous_one(staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    who = _customer(s)
    store = _store(s)
    front, side = photo_bytes(1), photo_bytes(2, fmt="JPEG")
    first = s.terminal.run(scans.record_scan, who, {"moisture": 40, "pigmentation": 70, "skin_age": 35},
                           "ผิวแห้ง ฝ้าที่แก้ม", [write(tmp_path, "front.png", front), write(tmp_path, "side.jpg", side)],
                           images=store, actor=s.sales).result
    assert first.images == (sha256_hex(front), sha256_hex(side))
    # The files are kept beside the database under their SHA-256, and wait to be uploaded.
    assert store.read(sha256_hex(front)) == front and store.read(sha256_hex(side)) == side
    assert store.root == s.terminal.path.parent / "terminal-images"
    waiting = s.terminal.read(lambda session: sorted(u.sha256 for u in session.scalars(select(ImageUpload))))
    assert waiting == sorted(first.images)
    s.clock.advance(days=30)
    s.terminal.run(scans.record_scan, who, {"moisture": 55, "pigmentation": 62, "acne": 10}, "", [],
                   images=store, actor=s.sales)
    changes = {c.measure: (c.now, c.before, c.change) for c in s.terminal.read(scans.compare_latest, who)}
    assert changes == {
        Measure.MOISTURE: (55, 40, 15),
        Measure.PIGMENTATION: (62, 70, -8),
        Measure.ACNE: (10, None, None),
        Measure.SKIN_AGE: (None, 35, None),
    }
    charts = s.terminal.read(scans.charts_of, who)
    assert [p.value for p in charts[Measure.MOISTURE]] == [40, 55]
    assert [p.value for p in charts[Measure.ACNE]] == [10]
    # The operation names the images; their bytes never travel in it.
    payloads = s.terminal.read(lambda session: [o.payload for o in session.scalars(
        select(OutboxOperation).where(OutboxOperation.type == "skin_scan.record"))])
    assert len(payloads) == 2 and all(len(p) < 2000 for p in payloads)
    assert sha256_hex(front) in payloads[0]


def test_without_consent_to_sensitive_data_nothing_is_recorded(staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    store = _store(s)
    photo = write(tmp_path, "face.png", photo_bytes(3))
    for consent in (None, False):
        who = _customer(s, consent) if consent is None else _customer_2(s)
        before = (_count(s, OutboxOperation), _count(s, AuditEntry))
        with pytest.raises(BadInput, match="not consented to skin scans") as refused:
            s.terminal.run(scans.record_scan, who, {"moisture": 50}, "", [photo], images=store, actor=s.sales)
        assert refused.value.field == "consent"
        assert (_count(s, OutboxOperation), _count(s, AuditEntry)) == before
        assert _count(s, SkinScan) == _count(s, ImageUpload) == 0
        assert not store.root.exists()
    # Consent given later: the same scan is recorded.
    s.terminal.run(customers.record_consent, who, CONSENT, True, actor=s.front_desk)
    s.terminal.run(scans.record_scan, who, {"moisture": 50}, "", [photo], images=store, actor=s.sales)
    assert _count(s, SkinScan) == 1


def _customer_2(s: Staffed) -> str:
    return str(s.terminal.run(customers.register_customer, CustomerForm(name_th="ปฏิเสธ", phone="0899999999"),
                              {CONSENT: False}, actor=s.front_desk).result)


@pytest.mark.parametrize(("values", "message"), [
    ({"moisture": 101}, "from 0 to 100 (moisture)"),
    ({"redness": -1}, "from 0 to 100 (redness)"),
    ({"pores": 12.5}, "from 0 to 100 (pores)"),
    ({"pores": True}, "from 0 to 100 (pores)"),
    ({"sebum": 10}, "does not measure sebum"),
    ({}, "at least one"),
    ({"moisture": None}, "at least one"),
])
def test_a_value_outside_0_to_100_is_refused_and_nothing_changes(
        staffed: Staffed, tmp_path: Path, values: dict[str, object], message: str) -> None:
    s = staffed
    who = _customer(s)
    before = _count(s, OutboxOperation)
    with pytest.raises(BadInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        s.terminal.run(scans.record_scan, who, values, "", [write(tmp_path, "a.png", photo_bytes(4))],
                       images=_store(s), actor=s.sales)
    assert _count(s, OutboxOperation) == before and _count(s, SkinScan) == 0
    assert not _store(s).root.exists()


def test_a_file_that_is_not_an_image_or_is_too_large_is_refused_and_nothing_changes(
        staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    who = _customer(s)
    store = _store(s)
    good = write(tmp_path, "good.png", photo_bytes(5))
    fake = write(tmp_path, "scan.jpg", b"%PDF-1.7 not a photo at all" * 100)
    truncated = write(tmp_path, "cut.png", photo_bytes(6)[:40])
    huge = write(tmp_path, "huge.png", big_photo_bytes(MAX_IMAGE_BYTES / (1024 * 1024) + 0.5))
    before = _count(s, OutboxOperation)
    for bad, message in ((fake, "scan.jpg is not an image"), (truncated, "cut.png is not an image"),
                         (huge, "huge.png is larger than 10 MB"), (tmp_path / "gone.png", "gone.png cannot be read")):
        with pytest.raises(BadInput, match=message):
            s.terminal.run(scans.record_scan, who, {"moisture": 50}, "", [good, bad], images=store, actor=s.sales)
    assert _count(s, OutboxOperation) == before and _count(s, SkinScan) == _count(s, ImageUpload) == 0
    assert not store.root.exists()  # the good image of a refused scan was not kept either


def test_a_beautician_may_not_record_a_scan(staffed: Staffed) -> None:
    s = staffed
    who = _customer(s)
    with pytest.raises(PermissionDenied):
        s.terminal.run(scans.record_scan, who, {"moisture": 50}, images=_store(s), actor=s.beautician)


def test_the_same_photo_twice_is_kept_and_queued_once(staffed: Staffed, tmp_path: Path) -> None:
    s = staffed
    who = _customer(s)
    data = photo_bytes(7)
    a, b = write(tmp_path, "a.png", data), write(tmp_path, "b.png", data)
    scan = s.terminal.run(scans.record_scan, who, {"oiliness": 20}, "", [a, b], images=_store(s), actor=s.sales).result
    s.terminal.run(scans.record_scan, who, {"oiliness": 25}, "", [a], images=_store(s), actor=s.sales)
    assert scan.images == (sha256_hex(data),)
    assert _count(s, ImageUpload) == 1


# --- suggested treatments --------------------------------------------------------------------------


def _treatment(s: Staffed, name: str, tags: tuple[str, ...], active: bool = True) -> str:
    from bnaura_desk.domain.catalog import ItemForm, ItemKind
    from bnaura_desk.services import catalog

    form = ItemForm(kind=ItemKind.TREATMENT, name_th=name, price_satang=150_000, duration_minutes=60, tags=tags)
    item = str(s.terminal.run(catalog.create_item, form, actor=s.manager).result)
    if not active:
        s.terminal.run(catalog.set_item_active, item, False, actor=s.manager)
    return item


def test_the_latest_scan_suggests_tagged_treatments_with_the_reason(staffed: Staffed) -> None:
    s = staffed
    who = _customer(s)
    assert s.terminal.read(scans.suggestions_for, who) == []  # never scanned
    laser = _treatment(s, "เลเซอร์ฝ้า", ("Pigmentation",))
    _treatment(s, "เลเซอร์เก่า", ("pigmentation",), active=False)
    mask = _treatment(s, "มาส์กชุ่มชื้น", ("hydration",))
    s.terminal.run(scans.record_scan, who, {"pigmentation": 72, "moisture": 50}, images=_store(s), actor=s.sales)
    found = s.terminal.read(scans.suggestions_for, who)
    assert [(x.item.id, x.reason) for x in found] == [(laser, "pigmentation 72 > 60")]
    # The latest scan counts: moisture fell, pigmentation is better.
    s.clock.advance(days=14)
    s.terminal.run(scans.record_scan, who, {"pigmentation": 50, "moisture": 31}, images=_store(s), actor=s.sales)
    assert [(x.item.id, x.reason) for x in s.terminal.read(scans.suggestions_for, who)] == [
        (mask, "moisture 31 < 40")]


def test_a_manager_edits_the_rules_and_the_suggestions_follow(staffed: Staffed) -> None:
    s = staffed
    who = _customer(s)
    laser = _treatment(s, "เลเซอร์ฝ้า", ("pigmentation",))
    s.terminal.run(scans.record_scan, who, {"pigmentation": 58}, images=_store(s), actor=s.sales)
    assert s.terminal.read(scans.suggestions_for, who) == []
    stricter = [{"measure": "pigmentation", "comparison": "above", "threshold": 50, "tag": "pigmentation"}]
    with pytest.raises(PermissionDenied):
        s.terminal.run(scans.set_suggestion_rules, stricter, actor=s.sales)
    before = _count(s, OutboxOperation)
    with pytest.raises(BadInput) as refused:
        s.terminal.run(scans.set_suggestion_rules, [{**stricter[0], "threshold": 120}], actor=s.manager)
    assert refused.value.field == "threshold" and _count(s, OutboxOperation) == before
    in_force = s.terminal.run(scans.set_suggestion_rules, stricter, actor=s.manager).result
    assert [r.threshold for r in in_force] == [50] and _count(s, OutboxOperation) == before + 1
    assert [(x.item.id, x.reason) for x in s.terminal.read(scans.suggestions_for, who)] == [
        (laser, "pigmentation 58 > 50")]
    assert s.terminal.run(scans.set_suggestion_rules, None, actor=s.manager).result == DEFAULT_SUGGESTION_RULES
    assert s.terminal.read(scans.suggestions_for, who) == []


def test_no_suggestions_once_the_consent_is_withdrawn(staffed: Staffed) -> None:
    s = staffed
    who = _customer(s)
    _treatment(s, "เลเซอร์ฝ้า", ("pigmentation",))
    s.terminal.run(scans.record_scan, who, {"pigmentation": 80}, images=_store(s), actor=s.sales)
    assert len(s.terminal.read(scans.suggestions_for, who)) == 1
    s.terminal.run(customers.record_consent, who, CONSENT, False, actor=s.front_desk)
    assert s.terminal.read(scans.suggestions_for, who) == []
