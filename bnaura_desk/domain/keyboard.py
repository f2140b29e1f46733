"""What a keyboard set to Thai typed, read back as the keys pressed (US layout).

A barcode scanner in keyboard mode sends key presses, not characters: on a
counter PC switched to the Thai layout (Kedmanee, the one every Thai PC
has) the member QR's ``7KQ3MX4P9T`` arrives as ``ึษ๐-?)ภญตธ``. Mapping
each character back to its key recovers what the scanner read; the
referral code's check character then says whether it really was a code.

The table is the Thai Kedmanee layout, key by key, unshifted and shifted,
from the number row to the bottom row (``KEYS`` / ``SHIFTED_KEYS`` are the
same keys on a US keyboard).
"""

from __future__ import annotations

KEYS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
SHIFTED_KEYS = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'
THAI = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ"
THAI_SHIFTED = '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'

_BACK = {**dict(zip(THAI, KEYS, strict=True)), **dict(zip(THAI_SHIFTED, SHIFTED_KEYS, strict=True))}


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def keys_typed(text: str) -> str:
    """Return the US-layout keys that typed ``text`` on the Thai layout; ``text`` itself if it has no Thai.

    Only text with a Thai character is read back: the Thai layout's few
    ASCII characters (``/`` is the 2 key, ``-`` the 3 key) mean those keys
    only then. Characters no Thai key types stay as they are.
    """
    if not any(_is_thai(ch) for ch in text):
        return text
    return "".join(_BACK.get(ch, ch) for ch in text)
