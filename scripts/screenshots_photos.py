"""Grab the photo viewer's "Before | After" into docs/screenshots/before-after-th.png (or before-after-en.png).

The task queue's throw-away branch (scripts/screenshots_tasks.py): พี่นิด
has started สมหญิง's facial and taken its before photo; here she also takes
the after photo, double-clicks the before photo on the task's panel and
puts the two side by side.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_photos.py [th|en]
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PIL import Image, ImageDraw, ImageFilter

from bnaura_desk.domain.roles import Role
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import treatment_photos
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait
from screenshots_tasks import seed


def cheek(spots: int, tone: tuple[int, int, int]) -> bytes:
    """A close-up standing in for a photo of a cheek: ``spots`` dark marks on skin of ``tone`` (4:3, 960×720)."""
    image = Image.new("RGB", (960, 720), tone)
    draw = ImageDraw.Draw(image)
    for i in range(spots):
        x, y = (137 * i * 7) % 860 + 50, (89 * i * 5) % 620 + 50
        r = 6 + (i * 13) % 14
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(tone[0] - 70, tone[1] - 80, tone[2] - 70))
    image = image.filter(ImageFilter.GaussianBlur(3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    clock = Clock(datetime(2026, 6, 2, 2, 0, tzinfo=UTC))  # 09:00 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="Treatment room PC", clock=clock,
        )
        made = seed(terminal, clock, Path(tmp))
        images = ImageStore.beside(terminal.path)
        nid = made[Role.BEAUTICIAN]
        # Close-ups of the cheek before and after the facial (the seed's own before photo comes first).
        for name, kind, data in (("before-cheek.png", "before", cheek(38, (214, 170, 146))),
                                 ("after-cheek.png", "after", cheek(9, (230, 192, 170)))):
            clock.now += timedelta(minutes=50 if kind == "after" else 2)
            (Path(tmp) / name).write_bytes(data)
            terminal.run(treatment_photos.add_treatment_photo, made["working"], Path(tmp) / name, kind,
                         images=images, actor=nid)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1440, 900)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(nid)
            wait(app, runner)
            screen: Any = window.show_screen("tasks")
            wait(app, runner)
            screen.show_task(made["working"])
            wait(app, runner)
            viewer = screen.view_photo(screen.panel.detail.photos[1].sha256)  # the cheek's before
            viewer.resize(1280, 720)
            wait(app, runner)
            viewer.set_comparing(True)
            wait(app, runner)
            grab(viewer, "before-after-th.png" if lang == "th" else f"before-after-{lang}.png")
            viewer.close()
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
