"""Whose address the enrollment limit counts: the socket peer, unless a named proxy forwards for it.

uvicorn on its own trusts ``X-Forwarded-For`` from 127.0.0.1, so anyone
on the server's machine (or a local proxy passing the header through) got
a fresh allowance of wrong codes per forged address. ``bnaura server``
trusts the header only from the proxies named by ``--forwarded-allow-ips``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bnaura_desk.cli import main
from sync.server.enroll import MAX_FAILURES_PER_ADDRESS

from .conftest import Server, new_address, start_server

WRONG = "2222-3333-4444"


@pytest.fixture(scope="module")
def untrusting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A SQLite server started without --forwarded-allow-ips."""
    tmp = tmp_path_factory.mktemp("untrusting")
    srv = start_server("sqlite", f"sqlite:///{tmp / 'server.sqlite'}", tmp, forwarded_allow_ips=None)
    yield srv
    srv.close()


def _wrong_codes_from_forged_addresses(server: Server, n: int) -> list[int]:
    """Send ``n`` wrong codes from 127.0.0.1, each claiming another address in X-Forwarded-For."""
    terminal = server.terminal()
    body = server.enroll_body(terminal, WRONG)
    return [server.client(address=new_address()).post("/v1/enroll", json=body).status_code for _ in range(n)]


def test_without_the_option_a_forged_forwarded_address_gets_no_fresh_allowance(untrusting: Server) -> None:
    statuses = _wrong_codes_from_forged_addresses(untrusting, MAX_FAILURES_PER_ADDRESS + 3)

    # All of them came from 127.0.0.1, whatever the header said: counted together.
    assert statuses[:MAX_FAILURES_PER_ADDRESS] == [403] * MAX_FAILURES_PER_ADDRESS
    assert statuses[MAX_FAILURES_PER_ADDRESS:] == [429] * 3


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # the option is the process's, not the database's
def test_with_the_proxy_named_each_forwarded_address_is_counted_on_its_own(server: Server) -> None:
    # The session's server runs with --forwarded-allow-ips 127.0.0.1.
    statuses = _wrong_codes_from_forged_addresses(server, MAX_FAILURES_PER_ADDRESS + 3)

    assert statuses == [403] * (MAX_FAILURES_PER_ADDRESS + 3)
    # ... and one forwarded address is still limited.
    terminal = server.terminal()
    one = server.client(address=new_address())
    answers = [one.post("/v1/enroll", json=server.enroll_body(terminal, WRONG)).status_code
               for _ in range(MAX_FAILURES_PER_ADDRESS + 1)]
    assert answers[-1] == 429


@pytest.mark.parametrize("value", ["nonsense", "10.0.0.5,,example.org", "300.1.1.1"])
def test_a_proxy_that_is_not_an_address_is_a_usage_error(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["server", "--db", str(tmp_path / "s.sqlite"), "--forwarded-allow-ips", value])
    assert exited.value.code == 2
    assert "is not an IP address or network" in capsys.readouterr().err
    assert not (tmp_path / "s.sqlite").exists()
