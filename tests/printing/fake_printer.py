"""A receipt printer on 127.0.0.1 for the tests: a real TCP server that keeps the bytes of each connection.

It speaks what a network ESC/POS printer speaks on port 9100: it accepts a
connection and takes bytes until the sender closes it (one job). The test
then decodes what arrived (``decode``) as a printer would: the raster
bands of ``GS v 0``, the paper cut and the drawer kick.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

from PIL import Image

GS_V_0 = b"\x1dv0"  # GS v 0 m xL xH yL yH d1...dk: print a raster bit image (ESC/POS)
FULL_CUT = b"\x1dV\x00"  # GS V 0: full cut
DRAWER_KICK = b"\x1bp"  # ESC p m t1 t2: pulse to a cash drawer pin
INIT = b"\x1b@"  # ESC @: initialise the printer


class FakePrinter:
    """A network printer listening on 127.0.0.1 (``port`` 0: a free one)."""

    def __init__(self, port: int = 0) -> None:
        self._server = socket.create_server(("127.0.0.1", port))
        self.port: int = self._server.getsockname()[1]
        self.jobs: list[bytes] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:  # closed
                return
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
            with self._lock:
                self.jobs.append(b"".join(chunks))

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        """Return the jobs once ``count`` have arrived (the sender has closed each connection)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.jobs) >= count:
                    return list(self.jobs)
            time.sleep(0.01)
        raise AssertionError(f"{len(self.jobs)} job(s) arrived, not {count}")

    def close(self) -> None:
        # Shutting the socket down wakes the thread blocked in accept(); close alone does not on Linux.
        try:
            self._server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._server.close()
        self._thread.join(timeout=5)


def refused_port() -> int:
    """Return a port of 127.0.0.1 where nothing listens (a printer that is off: connection refused)."""
    probe = socket.create_server(("127.0.0.1", 0))
    port: int = probe.getsockname()[1]
    probe.close()
    return port


@dataclass
class Decoded:
    """What a printer makes of a job: the image it prints, and what it does after the image."""

    image: Image.Image
    bands: int
    before_image: bytes
    after_image: bytes

    @property
    def cuts(self) -> bool:
        return FULL_CUT in self.after_image

    @property
    def kicks_drawer(self) -> bool:
        return DRAWER_KICK in self.before_image or DRAWER_KICK in self.after_image


def decode(job: bytes) -> Decoded:
    """Decode a job's consecutive ``GS v 0`` bands into one 1-bit image (set bits print black)."""
    start = job.find(GS_V_0)
    assert start >= 0, "no raster image in the job"
    pos, bands, width = start, [], None
    while job[pos:pos + 3] == GS_V_0:
        width_bytes = job[pos + 4] | job[pos + 5] << 8
        height = job[pos + 6] | job[pos + 7] << 8
        size = width_bytes * height
        data = job[pos + 8:pos + 8 + size]
        assert len(data) == size, "a band is cut short"
        assert width in (None, width_bytes * 8), "bands of different widths"
        width = width_bytes * 8
        # Raster bits: 1 prints a dot; PIL's "1" mode with the raw "1;I" decoder reads set bits as black.
        bands.append(Image.frombytes("1", (width, height), data, "raw", "1;I"))
        pos += 8 + size
    assert width is not None
    image = Image.new("1", (width, sum(b.height for b in bands)), 1)
    y = 0
    for band in bands:
        image.paste(band, (0, y))
        y += band.height
    return Decoded(image, len(bands), job[:start], job[pos:])
