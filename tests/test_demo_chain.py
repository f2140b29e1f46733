"""``bnaura init --demo --branches 3``: a demo chain, its customers registered at each branch, and its server.

What someone trying the product checks: the terminal (the head office)
finds customers of every branch, the detail shows where each registered
and where a first visit happened, and the demo server started beside it
knows the chain's three branches and accepts everything the terminal sends.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from bnaura_desk.store.models import Branch, Customer, OutboxOperation, Visit
from bnaura_desk.terminal import Terminal
from sync.client.demo import start_demo_server
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.server.db import server_engine
from sync.server.models import AppliedOperation, Record, ServerBranch
from sync.server.scope import chain_sessions
from tests.sync.conftest import free_port
from tests.test_cli import bnaura


def test_a_demo_chain_registers_customers_at_each_branch_and_its_server_takes_them(tmp_path: Path) -> None:
    db = tmp_path / "terminal.sqlite"
    done = bnaura("init", "--demo", "--branches", "3", "--customers", "120", "--seed", "7", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "a chain of 3 branches" in done.stdout

    with Terminal.open(db) as t:
        own = t.branch()
        branches = t.read(lambda s: {b.id: (b.branch_code, b.name_th) for b in s.scalars(select(Branch))})
        registered = t.read(lambda s: Counter(s.scalars(select(Customer.registered_branch_id))))
        visited = t.read(lambda s: Counter(s.scalars(select(Visit.branch_id))))
    assert sorted(code for code, _ in branches.values()) == ["00000", "00001", "00002"]
    assert branches[own.id][0] == "00000"
    # About half at the head office, the rest at the two others; each branch has some.
    assert set(registered) == set(branches) and sum(registered.values()) == 120
    assert 40 <= registered[own.id] <= 80
    assert set(visited) <= set(branches) and len(visited) >= 2

    port = free_port()
    server = start_demo_server(db, port=port, wait=30)
    try:
        with Terminal.open(db) as t:
            with client_for(t) as client:
                sync_once(t, client)
            pending = t.read(lambda s: s.scalar(
                select(func.count()).select_from(OutboxOperation).where(OutboxOperation.outcome.is_(None))))
            assert pending == 0
        engine = server_engine(f"sqlite:///{db.with_name('demo-server.sqlite')}")
        try:
            with chain_sessions(engine)() as s:
                on_server = {b.id: b.branch_no for b in s.scalars(select(ServerBranch))}
                outcomes = Counter(s.scalars(select(AppliedOperation.outcome)))
                customers = s.scalar(select(func.count()).select_from(Record).where(Record.entity == "customer"))
        finally:
            engine.dispose()
        assert on_server == {bid: code for bid, (code, _) in branches.items()}
        assert set(outcomes) == {"applied"} and customers == 120
    finally:
        server.stop()


def test_a_demo_chain_needs_a_sensible_number_of_branches(tmp_path: Path) -> None:
    db = tmp_path / "terminal.sqlite"
    for argv, words in ((("--demo", "--branches", "0"), "1 to 8 branches"),
                        (("--demo", "--branches", "99"), "1 to 8 branches"),
                        (("--demo", "--branches", "สาม"), "not a whole number"),
                        (("--branches", "3"), "go with --demo")):
        done = bnaura("init", *argv, "--db", str(db))
        assert done.returncode == 2 and words in done.stderr, (argv, done.stderr)
        assert not db.exists()
