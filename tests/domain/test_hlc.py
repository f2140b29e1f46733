"""Hybrid logical clock: monotonic, causal, sortable as text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.hlc import COUNTER_MAX, ZERO, Hlc, receive, tick

walls = st.integers(min_value=0, max_value=9_999_999_999_000)
counters = st.integers(min_value=0, max_value=COUNTER_MAX)
nodes = st.text(alphabet="0123456789abcdef-", min_size=1, max_size=36)
clocks = st.builds(Hlc, walls, counters, nodes)


@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=200), nodes)
def test_tick_strictly_increases_whatever_the_wall_clock_does(readings: list[int], node: str) -> None:
    last = ZERO
    for now_ms in readings:  # arbitrary readings, jumping backwards too
        nxt = tick(last, now_ms, node)
        assert nxt > last
        assert nxt.encode() > last.encode() or last == ZERO
        assert nxt.wall_ms >= now_ms
        last = nxt


def test_tick_when_the_clock_jumps_back_keeps_the_wall() -> None:
    a = tick(ZERO, 5_000, "n")
    b = tick(a, 1_000, "n")  # the machine clock went back 4 s
    assert (b.wall_ms, b.counter) == (5_000, 1)


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    last = Hlc(1_000, COUNTER_MAX, "n")
    assert tick(last, 1_000, "n") == Hlc(1_001, 0, "n")
    assert receive(last, Hlc(1_000, COUNTER_MAX, "m"), 900, "n") == Hlc(1_001, 0, "n")


@given(clocks, clocks, walls, nodes)
def test_receive_is_later_than_both(last: Hlc, remote: Hlc, now_ms: int, node: str) -> None:
    out = receive(last, remote, now_ms, node)
    assert (out.wall_ms, out.counter) > (last.wall_ms, last.counter)
    assert (out.wall_ms, out.counter) > (remote.wall_ms, remote.counter)
    assert out.wall_ms >= now_ms
    assert out.encode()[:19] > max(last.encode()[:19], remote.encode()[:19])


@given(clocks, clocks)
def test_text_order_is_clock_order(a: Hlc, b: Hlc) -> None:
    assert (a < b) == (a.encode() < b.encode())
    assert (a == b) == (a.encode() == b.encode())


@given(clocks)
def test_parse_inverts_encode(x: Hlc) -> None:
    assert Hlc.parse(x.encode()) == x


def test_node_with_dots_survives() -> None:
    x = Hlc(1, 2, "pos.1")
    assert Hlc.parse(x.encode()) == x


@pytest.mark.parametrize("text", ["", "abc", "123.45.node", "0000000000001.00002.", "000000000000a.00002.n"])
def test_parse_refuses_malformed(text: str) -> None:
    with pytest.raises(BadInput):
        Hlc.parse(text)
