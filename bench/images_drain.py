"""Drain of a day's operations with 200 photos of 3 MB queued: the operations drain as fast as without them.

Usage::

    .venv/bin/python -m bench.images_drain [--ops 2000] [--photos 200] [--mb 3] [--json]

The day's operations are ``bench.drain``'s cached terminal (customers
registered with consents and check-ins, profile edits). Onto it, through
the ordinary use cases, half as many skin scans as photos are recorded,
two photos each (random-pixel PNGs of ``--mb`` MB, which do not compress),
after recording each customer's consent to sensitive data. Two copies of
that terminal are drained into two fresh SQLite servers (real ``bnaura
server`` processes) with one ``sync_once`` each:

- **with photos**: the photos wait in ``image_uploads``, as recorded;
- **without**: the same operations, the upload queue emptied.

Timed: the operations' phase (from the start of the round to the first
pull: every operation pushed and acknowledged), the whole round without
the images, and the images' phase. Target: the operations' phase with
photos within 20 % (plus 0.5 s of noise) of the one without, and no image
request before the last push. Exit status 1 when missed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import select

from bnaura_desk.domain.customer import ConsentPurpose
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import customers, scans
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.setup import init_database
from bnaura_desk.services.sync_state import pending_count
from bnaura_desk.store.models import Customer
from bnaura_desk.terminal import Terminal
from sync.client.calls import Call
from sync.client.engine import sync_once
from sync.client.enroll import client_for, enroll

from ._common import copy_database, machine
from ._sync import DEFAULT_CACHE, ServerProcess, TimedTransport, add_clinic, migrate, new_codes, sqlite_url
from .drain import cached_terminal

SLACK = 1.2
NOISE_S = 0.5


def photo(megabytes: float, rng: random.Random) -> bytes:
    """Return a PNG of about ``megabytes`` of random pixels (a photo that does not compress)."""
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    pixels = rng.randbytes(side * side * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), pixels).save(out, "PNG", compress_level=0)
    return out.getvalue()


def add_scans(path: Path, folder: Path, photos: int, megabytes: float, seed: int) -> int:
    """Record ``photos // 2`` scans of two photos each on the terminal at ``path``; return the bytes queued."""
    rng = random.Random(seed)
    terminal = Terminal.open(path)
    store = ImageStore.beside(path)
    queued = 0
    try:
        ids = terminal.read(lambda s: list(s.scalars(select(Customer.id).limit(photos))))
        for n in range(photos // 2):
            who = ids[n % len(ids)]
            terminal.run(customers.record_consent, who, ConsentPurpose.SKIN_SCAN_PHOTOS, True, actor=SYSTEM)
            files = []
            for k in range(2):
                data = photo(megabytes, rng)
                queued += len(data)
                file = folder / f"scan-{n}-{k}.png"
                file.write_bytes(data)
                files.append(file)
            values: dict[str, object] = {"moisture": rng.randint(0, 100), "pigmentation": rng.randint(0, 100)}
            terminal.run(scans.record_scan, who, values, "", files, images=store, actor=SYSTEM)
            for file in files:
                file.unlink()
    finally:
        terminal.close()
    return queued


@dataclass
class ImagesTimed(TimedTransport):
    """``TimedTransport`` that also sends the round's image requests, noting when the first went and the last push."""

    first_image_at: float | None = None
    last_push_end: float = 0.0
    image_s: float = 0.0
    image_requests: int = 0

    def push(self, device_id: str, operations: list[Any]) -> Any:
        try:
            return super().push(device_id, operations)
        finally:
            self.last_push_end = time.perf_counter()

    def send(self, call: Call[Any]) -> Any:
        started = time.perf_counter()
        if self.first_image_at is None:
            self.first_image_at = started
        try:
            return self.client.send(call)
        finally:
            self.image_s += time.perf_counter() - started
            self.image_requests += 1


def drain(terminal_path: Path, folder: Path, name: str) -> dict[str, object]:
    """Drain the terminal at ``terminal_path`` into a fresh SQLite server; return the figures."""
    url = sqlite_url(folder / f"server-{name}.sqlite")
    migrate(url)
    terminal = Terminal.open(terminal_path)
    try:
        device = terminal.device()
        add_clinic(url, "คลินิกทดสอบรูปภาพ", device.chain_id)
        (code,) = new_codes(url, device.chain_id)
        with ServerProcess(url, folder / f"server-{name}.log") as server:
            enroll(terminal, server.base_url, code)
            ops = terminal.read(pending_count)
            with client_for(terminal) as client:
                timed = ImagesTimed(client)
                started = time.perf_counter()
                report = sync_once(terminal, timed)
                elapsed = time.perf_counter() - started
            left = terminal.read(pending_count)
    finally:
        terminal.close()
    if left or report.problem or report.images.problem:
        raise RuntimeError(f"{name}: {left} operations left; {report.problem or report.images.problem}")
    ops_phase = (timed.first_pull_at or started + elapsed) - started
    images_phase = timed.image_s
    return {
        "run": name,
        "operations": ops,
        "ops_phase_s": ops_phase,
        "round_without_images_s": elapsed - images_phase,
        "images": report.images.uploaded,
        "image_mb": report.images.bytes_sent / 1024 / 1024,
        "images_phase_s": images_phase,
        "image_requests": timed.image_requests,
        "images_after_operations": timed.first_image_at is None or timed.first_image_at >= timed.last_push_end,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ops", type=int, default=2000, help="the day's operations (bench.drain's terminal)")
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes per photo")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--dir", type=Path, help="folder for the run's files (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    template = cached_terminal(args.cache, args.ops, args.seed)
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bnaura-images-", dir=args.dir) as tmp:
        folder = Path(tmp)
        for part in ("with-photos", "without"):
            (folder / part).mkdir()
        with_photos = copy_database(template, folder / "with-photos" / "terminal.sqlite")
        init_database(with_photos, backup_dir=folder / "backups")
        queued = add_scans(with_photos, folder, args.photos, args.mb, args.seed)
        without = copy_database(with_photos, folder / "without" / "terminal.sqlite")
        con = sqlite3.connect(without)
        con.execute("DELETE FROM image_uploads")  # the same operations, no photo waiting
        con.commit()
        con.close()
        results = [drain(without, folder, "without photos"), drain(with_photos, folder, "with photos")]
        os.sync()
    base, loaded = results
    met = (float(loaded["ops_phase_s"]) <= float(base["ops_phase_s"]) * SLACK + NOISE_S  # type: ignore[arg-type]
           and bool(loaded["images_after_operations"]) and loaded["images"] == args.photos)
    if args.json:
        print(json.dumps({"results": results, "queued_mb": queued / 1024 / 1024, "met": met, "machine": machine()},
                         indent=1))
    else:
        print(f"drain of {base['operations']} operations with {args.photos} photos of {args.mb} MB queued "
              f"({queued / 1024 / 1024:.0f} MB), one sync_once round each, SQLite server ({machine()})")
        print("| run | operations | operations' phase s | round without images s | images | MB sent "
              "| images' phase s | image requests | images after every push |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for r in results:
            print(f"| {r['run']} | {r['operations']} | {r['ops_phase_s']:.2f} | {r['round_without_images_s']:.2f} "
                  f"| {r['images']} | {r['image_mb']:.0f} | {r['images_phase_s']:.2f} | {r['image_requests']} "
                  f"| {'yes' if r['images_after_operations'] else 'NO'} |")
        print(f"target: operations' phase with photos ≤ {SLACK} × without + {NOISE_S} s, images after them: "
              f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
