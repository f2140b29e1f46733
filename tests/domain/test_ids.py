"""UUIDv7 made on the device; uuid5 for derived facts."""

from __future__ import annotations

import threading
import time
import uuid

from bnaura_desk.domain.ids import derived_id, uuid7, uuid7_time_ms


def test_version_and_variant_bits() -> None:
    for _ in range(1000):
        u = uuid.UUID(uuid7())
        assert u.version == 7
        assert u.variant == uuid.RFC_4122
        assert (u.int >> 62) & 0b11 == 0b10


def test_canonical_text() -> None:
    text = uuid7()
    assert len(text) == 36 and text == str(uuid.UUID(text)) and text == text.lower()


def test_strictly_increasing_within_a_process() -> None:
    ids = [uuid7() for _ in range(20_000)]  # many share a millisecond
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_increasing_across_threads() -> None:
    out: list[list[str]] = [[] for _ in range(4)]

    def make(bucket: list[str]) -> None:
        bucket.extend(uuid7() for _ in range(3000))

    threads = [threading.Thread(target=make, args=(b,)) for b in out]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [i for b in out for i in b]
    assert len(set(everything)) == len(everything)
    for b in out:
        assert b == sorted(b)


def test_time_extraction() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    # The id may borrow a millisecond ahead when many ids share one.
    assert before <= uuid7_time_ms(value) <= after + 2


def test_given_time_is_embedded_when_not_in_the_past() -> None:
    now_ms = time.time_ns() // 1_000_000 + 5
    assert uuid7_time_ms(uuid7(now_ms)) == now_ms


def test_derived_ids_are_deterministic() -> None:
    a = derived_id("points_expiry", "lot-1")
    assert a == derived_id("points_expiry", "lot-1")
    assert a != derived_id("points_expiry", "lot-2")
    assert a != derived_id("achievement", "lot-1")
    assert uuid.UUID(a).version == 5
