"""Pulled pages left unread by the asyncio client, read where they are applied.

``UnreadPage.read`` reads a page's changes in slices (so the thread reading
it lets others in between) and must make of the bytes exactly what reading
the whole page makes, refusals included; whatever it cannot slice it reads
whole. The round needs only a page's cursor before applying it
(``header``), and applies unread pages as it applies read ones.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.services.sync_state import save_enrollment, sync_state
from bnaura_desk.store.models import Customer, ParkedChange
from bnaura_desk.terminal import Terminal
from sync.client import pages
from sync.client.async_http import AsyncSyncClient
from sync.client.calls import read_page
from sync.client.engine import SyncReport, TerminalDatabase, pull_changes, run_to_end
from sync.client.pages import UnreadPage, release
from sync.protocol import Change, PullResponse

from .conftest import Enrolled

NOW_MS = int(datetime(2026, 12, 1, 3, 0, tzinfo=UTC).timestamp() * 1000)
NODE = "0000000b-0000-7000-8000-000000000001"


def _change(cursor: int, entity: str = "customer", **data: Any) -> Change:
    fields = {"name_th": f"ลูกค้า {cursor}", "phone": "0812345678", "referral_code": f"CODE{cursor:06d}", **data}
    return Change(cursor=cursor, entity=entity, entity_id=str(uuid.UUID(int=cursor, version=4)), data=fields,
                  field_clocks={}, hlc=Hlc(NOW_MS + cursor, 0, NODE).encode(), deleted=False)


def _body(changes: list[Change], *, more: bool = False, head: int | None = None) -> bytes:
    """A page's bytes as the server writes them (compact JSON, fields in the model's order)."""
    cursor = changes[-1].cursor if changes else 7
    page = PullResponse(changes=changes, cursor=cursor, more=more, head=cursor if head is None else head)
    return page.model_dump_json().encode()


class _Counting:
    """Counts the slices ``UnreadPage.read`` reads."""

    def __init__(self) -> None:
        self.slices = 0
        self.real = pages._CHANGES

    def validate_json(self, data: bytes) -> list[Change]:
        self.slices += 1
        return self.real.validate_json(data)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> _Counting:
    spy = _Counting()
    monkeypatch.setattr(pages, "_CHANGES", spy)
    return spy


def test_a_page_read_in_slices_is_the_page_read_whole(counting: _Counting) -> None:
    body = _body([_change(n, nickname="น้องฝน \"ฝน\" },{\"cursor\":") for n in range(1, 31)], more=True, head=90)
    whole = read_page(body)
    assert UnreadPage(body, slice_bytes=1).read() == whole
    assert counting.slices == 30  # one change per slice
    assert UnreadPage(body).read() == whole
    assert counting.slices == 31  # a small page is one slice
    assert (whole.cursor, whole.more, whole.head, len(whole.changes)) == (30, True, 90, 30)


def test_the_round_reads_only_the_cursor_of_a_page_before_applying_it() -> None:
    body = _body([_change(n) for n in range(1, 6)], more=True, head=40)
    assert UnreadPage(body).header() == PullResponse(changes=[], cursor=5, more=True, head=40)
    assert UnreadPage(_body([])).read() == PullResponse(changes=[], cursor=7, more=False, head=7)


def test_a_cut_inside_a_change_falls_back_to_reading_the_whole_page(counting: _Counting) -> None:
    # A field holding objects that start like a change: cutting there leaves brackets open.
    nested = {"notes": [{"cursor": 1, "text": "ก"}, {"cursor": 2, "text": "ข"}]}
    body = _body([_change(1), _change(2, **nested), _change(3)])
    assert b'},{"cursor":2' in body
    assert UnreadPage(body, slice_bytes=1).read() == read_page(body)
    assert UnreadPage(body, slice_bytes=1).read().changes[1].data["notes"] == nested["notes"]


def test_a_page_laid_out_otherwise_is_read_whole() -> None:
    body = _body([_change(1), _change(2)], more=True)
    pretty = json.dumps(json.loads(body), indent=2, ensure_ascii=False).encode()
    assert UnreadPage(pretty).header() is None
    assert UnreadPage(pretty).read() == read_page(body)
    reordered = json.dumps({"cursor": 2, "more": True, "head": 2, "changes": json.loads(body)["changes"]}).encode()
    assert UnreadPage(reordered).header() is None
    assert UnreadPage(reordered).read() == read_page(body)


def test_a_malformed_page_is_refused_as_a_whole_read_refuses_it() -> None:
    good = json.loads(_body([_change(1), _change(2)]))
    del good["changes"][1]["hlc"]
    no_clock = json.dumps(good, separators=(",", ":")).encode()
    truncated = _body([_change(1), _change(2)])[:-40]
    unknown_field = _body([_change(1)]).replace(b'"head":1}', b'"head":1,"extra":1}')
    for body in (no_clock, truncated, unknown_field):
        with pytest.raises(ValidationError) as whole:
            read_page(body)
        with pytest.raises(ValidationError) as sliced:
            UnreadPage(body, slice_bytes=1).read()
        assert sliced.value.errors() == whole.value.errors()
    assert UnreadPage(truncated).header() is None and UnreadPage(unknown_field).header() is None


def test_a_released_page_holds_no_changes() -> None:
    page = UnreadPage(_body([_change(n) for n in range(1, 1202)])).read()
    release(page)
    assert page.changes == [] and page.cursor == 1201


# ---------------------------------------------------------------- applied by the round


class _Pages:
    """An ``AsyncTransport`` that answers pulls with the given bytes, unread, one page after the other."""

    def __init__(self, *bodies: bytes) -> None:
        self.bodies = list(bodies)
        self.asked: list[int] = []

    async def push(self, device_id: str, operations: list[Any]) -> Any:
        raise AssertionError("not pushed here")

    async def pull(self, after: int, limit: int) -> UnreadPage:
        self.asked.append(after)
        return UnreadPage(self.bodies.pop(0), slice_bytes=1)


def _terminal(path: Path) -> Terminal:
    terminal = Terminal.create(path, clinic_name="คลินิก", device_name="POS-1")
    terminal.run(save_enrollment, "http://127.0.0.1:8765", "token", "คลินิก", actor=None)
    return terminal


def _state(terminal: Terminal) -> tuple[int, set[str], list[tuple[str, str]]]:
    def read(session: Any) -> tuple[int, set[str], list[tuple[str, str]]]:
        state = sync_state(session)
        assert state is not None
        parked = [(p.entity, p.reason) for p in session.scalars(select(ParkedChange))]
        return state.pull_cursor, set(session.scalars(select(Customer.id))), parked

    return terminal.read(read)


def test_unread_pages_apply_as_read_ones_and_a_malformed_one_changes_nothing(tmp_path: Path) -> None:
    terminal = _terminal(tmp_path / "t.sqlite")
    try:
        first = [_change(1), _change(2, entity="test_unknown_thing"), _change(3)]
        pretty = json.dumps(json.loads(_body([_change(4)], more=True)), indent=1).encode()  # no header: read first
        malformed = _body([_change(5)]).replace(b'"hlc":', b'"clock":')
        transport = _Pages(_body(first, more=True, head=5), pretty, malformed)
        report = SyncReport()
        with pytest.raises(ValidationError):
            run_to_end(pull_changes(TerminalDatabase(terminal), transport, report))
        cursor, customers, parked = _state(terminal)
        # The first two pages applied (the unknown entity parked, as from a read page); the third changed nothing.
        assert cursor == 4 and transport.asked == [0, 3, 4]
        assert customers == {first[0].entity_id, first[2].entity_id, str(uuid.UUID(int=4, version=4))}
        assert parked == [("test_unknown_thing", "unknown_entity")]
        assert report.pulled == 4
    finally:
        terminal.close()


def test_a_real_servers_page_is_read_in_slices(enrolled: Enrolled, counting: _Counting) -> None:
    for n in range(12):
        enrolled.register(f"ลูกค้า ชิ้น{n}", f"08155500{n:02d}")
    assert enrolled.push(enrolled.operations()).status_code == 200

    async def pull() -> UnreadPage:
        async with AsyncSyncClient(str(enrolled.http.base_url), enrolled.token) as client:
            return await client.pull(0, 100)

    unread = asyncio.run(pull())
    page = UnreadPage(unread.body, slice_bytes=1).read()
    assert page == read_page(unread.body) and len(page.changes) >= 12
    assert counting.slices == len(page.changes)  # the server's layout is the one sliced
    assert unread.header() == page.model_copy(update={"changes": []})


def test_a_large_page_moves_the_progress_while_it_is_applied(tmp_path: Path) -> None:
    terminal = _terminal(tmp_path / "t.sqlite")
    try:
        steps: list[tuple[int, int]] = []
        page = _body([_change(n) for n in range(1, 1201)], head=2400)
        run_to_end(pull_changes(TerminalDatabase(terminal), _Pages(page), SyncReport(),
                                progress=lambda done, total: steps.append((done, total))))
        # Every 500 changes of the first pass (which counts as half the page), then the page done.
        assert steps == [(250, 2400), (500, 2400), (1200, 2400)]
        assert len(_state(terminal)[1]) == 1200
    finally:
        terminal.close()
