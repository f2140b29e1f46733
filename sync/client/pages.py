"""A pulled page as the bytes of its answer, read where it is applied.

The app awaits its pulls in the GUI thread (qasync). Reading a bootstrap's
page there (10,000 changes, megabytes of JSON) froze the counter for 100 to
300 ms a page (bench/RESULTS.md, "The app during a bootstrap"). So the
asyncio client hands the round an ``UnreadPage``: its cursor, ``more`` and
``head`` are read from the few bytes after the changes (``header``), all the
round needs to ask for the next page; the changes are read by ``read`` on
the database worker, in the use case that applies them.

``read`` reads the changes in slices of about ``SLICE_BYTES``: pydantic
holds the GIL for the whole of one ``model_validate_json`` call, so one call
per page would stall the GUI thread from the worker thread just as well.
Between two slices the GIL can pass to the GUI thread. A slice ends where
the next change begins: the server writes compact JSON, each change
starting with ``{"cursor":``. Those bytes never occur inside a JSON string
(its quotes are escaped), and a cut inside a nested object leaves a slice
whose brackets do not close, which fails to read. Whatever surprises the
reader (another layout, a slice that does not read) falls back to reading
the whole page in one call, which reads or refuses it exactly as
``calls.read_page`` does.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from ..protocol import Change, PullResponse
from .calls import Call, collector_paused, read_page

SLICE_BYTES = 256 * 1024  # about 450 customers: a few milliseconds of reading
RELEASE_CHANGES = 500  # changes freed at a time by ``release``

_START = b'{"changes":['
_NEXT = b'},{"cursor":'  # the end of one change and the start of the next, at the list's level
_CHANGES = TypeAdapter(list[Change])


@dataclass(frozen=True, eq=False)
class UnreadPage:
    """The answer to a pull, not read yet.

    Attributes:
        body: the answer's bytes, as the server sent them.
        slice_bytes: about how many bytes of changes ``read`` reads in one call.
    """

    body: bytes
    slice_bytes: int = SLICE_BYTES

    def header(self) -> PullResponse | None:
        """Return the page without its changes (``cursor``, ``more``, ``head``), or ``None``.

        Reads only the bytes after the list of changes: cheap on any
        thread. ``None`` when the answer is not laid out as the server
        writes it; ``read`` then says what the page holds.
        """
        end = self._changes_end()
        if end is None:
            return None
        try:
            return PullResponse.model_validate_json(b'{"changes":[]' + self.body[end + 1 :])
        except ValidationError:
            return None

    def read(self) -> PullResponse:
        """Return the page, read (in slices when it can be).

        Raises:
            ValidationError: the page is not a ``PullResponse`` (as ``calls.read_page``).
        """
        sliced = self._read_sliced()
        return sliced if sliced is not None else read_page(self.body)

    def _changes_end(self) -> int | None:
        """Return where the list of changes closes (its ``]``), when the body starts as the server writes it."""
        if not self.body.startswith(_START):
            return None
        end = self.body.rfind(b"]")  # the fields after the list are numbers and booleans
        return end if end >= len(_START) else None

    def _read_sliced(self) -> PullResponse | None:
        header = self.header()
        end = self._changes_end()
        if header is None or end is None:
            return None
        body, start = self.body, len(_START)
        changes: list[Change] = []
        with collector_paused():  # see calls.collector_paused: the page's objects live until it is applied
            while start < end:
                cut = body.find(_NEXT, start + self.slice_bytes, end)
                stop = end if cut < 0 else cut + 1
                try:
                    changes.extend(_CHANGES.validate_json(b"[" + body[start:stop] + b"]"))
                except ValidationError:
                    return None
                start = stop + 1  # past the comma
        return header.model_copy(update={"changes": changes})


def release(page: PullResponse) -> None:
    """Free the changes of a page read from an ``UnreadPage`` a slice at a time; its list is left empty.

    Freeing a page's tens of thousands of objects is one C call that holds
    the GIL throughout (15 ms for 10,000 changes); slices let the GUI
    thread in between. Only for a page nothing else holds.
    """
    changes = page.changes
    while changes:
        del changes[-RELEASE_CHANGES:]


def unread(call: Call[PullResponse]) -> Call[UnreadPage]:
    """Return the pull ``call`` with its answer left unread (an ``UnreadPage``)."""
    return Call(call.method, call.path, UnreadPage, json=call.json, params=call.params, content=call.content)
