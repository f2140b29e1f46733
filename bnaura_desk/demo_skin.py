"""The demo's skin-scan photos: small PNGs that look like a close-up of cheek skin, made with Pillow.

Each photo is drawn from a seed alone (``random.Random(seed)``): a skin
tone, soft light across the cheek, fine pore texture, and a few pigment
spots and red patches as many as the scan's values say. The same seed
gives the same bytes, so the same demo gives the same image names
(content-addressed) on every run; nothing is read from disk or the network.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (240, 180)  # a scanner's preview, a few tens of kB as PNG
# Thai skin tones, light to tan (sRGB).
TONES = ((236, 200, 176), (226, 186, 158), (212, 170, 140), (200, 156, 124), (186, 140, 108))


def skin_photo(seed: int, *, pigmentation: int = 40, redness: int = 30, size: tuple[int, int] = SIZE) -> bytes:
    """Return a PNG close-up of skin drawn from ``seed``; more spots for higher ``pigmentation`` and ``redness`` (0–100)."""
    rng = random.Random(seed)
    width, height = size
    tone = rng.choice(TONES)
    image = Image.new("RGB", size, tone)
    # Light falls across the cheek: darker towards one corner.
    shade = Image.radial_gradient("L").resize((width * 2, height * 2))
    cx, cy = rng.randrange(width // 2), rng.randrange(height // 2)
    shade = shade.crop((cx, cy, cx + width, cy + height)).point(lambda v: v * 0.45)
    image.paste(Image.new("RGB", size, tuple(int(c * 0.78) for c in tone)), mask=shade)
    # Pores and fine texture: seeded noise, blurred a little, laid over lightly.
    noise = Image.frombytes("L", size, rng.randbytes(width * height)).filter(ImageFilter.GaussianBlur(0.8))
    image = Image.composite(Image.new("RGB", size, tuple(int(c * 0.85) for c in tone)), image,
                            noise.point(lambda v: 70 if v > 150 else 0))
    marks = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(marks)
    for _ in range(pigmentation // 8):  # brown spots (melasma, freckles)
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randint(2, 9)
        draw.ellipse((x - r, y - r, x + r, y + int(r * 0.8)), fill=(120, 78, 50, rng.randint(60, 130)))
    for _ in range(redness // 15):  # red patches (inflamed acne, redness)
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randint(5, 16)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(200, 70, 70, rng.randint(40, 90)))
    image = Image.alpha_composite(image.convert("RGBA"), marks.filter(ImageFilter.GaussianBlur(2))).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)  # noise hardly compresses: the fast level costs a few kB
    return out.getvalue()
