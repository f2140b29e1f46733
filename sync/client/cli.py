"""``bnaura enroll URL CODE`` and ``bnaura sync [--once]`` (called from ``bnaura_desk.cli``).

Imported only when one of these commands runs, so the other commands do not
load httpx.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from bnaura_desk.services.setup import is_set_up_at
from bnaura_desk.terminal import Terminal

from .engine import SyncReport, sync_once
from .enroll import ca_path, client_for, enroll, join_clinic
from .http import ServerUnavailable, backoff_delays, tls_verify


class Console(Protocol):
    def say(self, text: str = "") -> None: ...

    def note(self, text: str) -> None: ...


def enroll_command(
    path: Path, url: str, code: str, device_name: str, con: Console, *, ca_file: str | None = None
) -> int:
    """Enroll the terminal at ``path``; an empty or missing database joins the code's clinic.

    ``ca_file``: the PEM certificate authority of an HTTPS server the system
    does not trust; it is kept for every later sync.
    """
    if ca_file:
        tls_verify(ca_path(ca_file))  # a wrong file is refused before anything is created
    if is_set_up_at(path):
        with Terminal.open(path) as terminal:
            answer = enroll(terminal, url, code, ca_file=ca_file)
        con.say(f"enrolled with {url}: chain {answer.chain_name!r}, branch {answer.branch_name!r}")
    else:
        answer = join_clinic(path, url, code, device_name, ca_file=ca_file)
        con.say(f"{path} joined chain {answer.chain_name!r}, branch {answer.branch_name!r} on {url} as {device_name!r}")
    con.say("next: bnaura sync --once")
    return 0


def summary(report: SyncReport) -> str:
    """Return one line about a sync round."""
    return (
        f"pushed {report.pushed} (applied {report.applied}, already applied {report.duplicates}, "
        f"rejected {report.rejected}, with exceptions {report.exceptions}); pulled {report.pulled} changes"
    )


def sync_command(
    path: Path,
    con: Console,
    *,
    once: bool,
    interval: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Sync now (``once``), or every ``interval`` seconds until interrupted.

    While the server is unreachable the loop waits with exponential back-off
    and jitter; a refusal that waiting cannot fix (revoked, outdated, an
    untrusted certificate) ends it.
    """
    with Terminal.open(path) as terminal:
        delays = backoff_delays(base=2.0, cap=300.0)
        while True:
            try:
                with client_for(terminal) as client:
                    report = sync_once(terminal, client)
            except ServerUnavailable as error:
                if once:
                    raise
                wait = next(delays)
                con.note(f"{error.render()} (next try in {wait:.0f} s)")
                sleep(wait)
                continue
            delays = backoff_delays(base=2.0, cap=300.0)
            con.say(summary(report))
            if report.problem:
                con.note(f"an operation waits for a manager: {report.problem}")
            if once:
                return 1 if report.problem else 0
            sleep(interval)
