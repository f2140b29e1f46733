"""The terminal's image store: only real images, at most 10 MB, kept once under their SHA-256."""

from __future__ import annotations

from pathlib import Path

import pytest

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.images.checks import MAX_IMAGE_BYTES, NOT_AN_IMAGE, TOO_LARGE, image_problem, sha256_hex
from bnaura_desk.images.store import ImageStore, images_dir
from tests.images.pictures import big_photo_bytes, photo_bytes, write


def test_a_photo_is_kept_under_its_sha256_beside_the_database(tmp_path: Path) -> None:
    store = ImageStore.beside(tmp_path / "terminal.sqlite")
    data = photo_bytes(1, fmt="JPEG")
    name = store.put(write(tmp_path, "face.jpg", data))
    assert name == sha256_hex(data)
    assert store.path(name) == tmp_path / "terminal-images" / name[:2] / name
    assert store.read(name) == data and store.has(name)
    assert store.put(write(tmp_path, "again.jpg", data)) == name  # kept once
    assert [p.name for p in (tmp_path / "terminal-images").rglob("*") if p.is_file()] == [name]


def test_two_databases_in_one_folder_keep_their_images_apart(tmp_path: Path) -> None:
    assert images_dir(tmp_path / "siam.sqlite") != images_dir(tmp_path / "thonglor.sqlite")


@pytest.mark.parametrize(("data", "problem"), [
    (b"", NOT_AN_IMAGE),
    (b"hello, this is a text file" * 50, NOT_AN_IMAGE),
    (photo_bytes(2)[:60], NOT_AN_IMAGE),  # a PNG cut short
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, NOT_AN_IMAGE),  # a PNG signature and nothing behind it
])
def test_what_is_not_an_image_is_refused(tmp_path: Path, data: bytes, problem: str) -> None:
    assert image_problem(data) == problem
    store = ImageStore(tmp_path / "images")
    with pytest.raises(BadInput, match="is not an image"):
        store.put(write(tmp_path, "x.png", data))
    assert not store.root.exists()


def test_an_image_over_10_mb_is_refused(tmp_path: Path) -> None:
    data = big_photo_bytes(MAX_IMAGE_BYTES / (1024 * 1024) + 0.2)
    assert len(data) > MAX_IMAGE_BYTES and image_problem(data) == TOO_LARGE
    with pytest.raises(BadInput, match="larger than 10 MB"):
        ImageStore(tmp_path / "images").put(write(tmp_path, "big.png", data))


def test_a_fetched_image_whose_hash_does_not_match_is_refused(tmp_path: Path) -> None:
    store = ImageStore(tmp_path / "images")
    good, other = photo_bytes(3), photo_bytes(4)
    with pytest.raises(BadInput, match="does not match"):
        store.put_fetched(sha256_hex(good), other)
    assert not store.has(sha256_hex(good))
    store.put_fetched(sha256_hex(good), good)
    assert store.read(sha256_hex(good)) == good


def test_a_name_that_is_not_a_sha256_is_never_a_path(tmp_path: Path) -> None:
    store = ImageStore(tmp_path / "images")
    for bad in ("../../etc/passwd", "A" * 64, "ab"):
        with pytest.raises(ValueError):
            store.path(bad)


def _pdf() -> bytes:
    from bnaura_desk.documents.consent_form import ConsentForm, consent_form_pdf
    from tests.documents.samples import consent_form

    form: ConsentForm = consent_form()
    return consent_form_pdf(form)


def test_a_signed_form_pdf_is_kept_like_an_image(tmp_path: Path) -> None:
    store = ImageStore(tmp_path / "images")
    pdf = _pdf()
    assert image_problem(pdf) is None
    name = store.put_bytes(pdf, "consent.pdf")
    assert name == sha256_hex(pdf) and store.read(name) == pdf
    store.put_fetched(name, pdf)  # fetched again: the same checks pass, kept once


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n" + b"0" * 200,  # no trailer: cut short in transfer
    _pdf()[:-2000],
    b"%PDF-",
])
def test_a_pdf_cut_short_is_refused(tmp_path: Path, data: bytes) -> None:
    assert image_problem(data) == NOT_AN_IMAGE
    with pytest.raises(BadInput, match="is not an image"):
        ImageStore(tmp_path / "images").put_bytes(data, "consent.pdf")


def test_a_pdf_over_10_mb_is_refused() -> None:
    data = b"%PDF-1.4\n" + b"0" * MAX_IMAGE_BYTES + b"\n%%EOF\n"
    assert image_problem(data) == TOO_LARGE
