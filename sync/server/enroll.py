"""Enrollment: a terminal joins a branch of a chain once with a one-time code.

A code reads ``XXXX-XXXX-XXXX`` in the referral alphabet (no 0/O/1/I/L, so
what the owner reads out is what staff type). The first group names the
code's row (kept in clear as ``enrollment_codes.id``); the other eight
characters are the secret, drawn from a CSPRNG. Only the SHA-256 of the
whole normalised code is stored.

A code is valid for ``CODE_VALIDITY``, is used once, and dies after
``MAX_WRONG_SECRETS`` wrong secrets for its id. Wrong attempts are counted
per source address in the database (so the limit holds across server
processes): ``MAX_FAILURES_PER_ADDRESS`` within ``FAILURE_WINDOW``, then 429
until the window passes. The address row is locked for the whole attempt,
so concurrent guesses from one address take turns and none slips past the
count.

Whether a code is used, expired or locked is only said to a caller who
typed the whole code right; a wrong guess learns nothing but "invalid".
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, String, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from bnaura_desk.domain.referral import ALPHABET
from bnaura_desk.store.types import UtcDateTime

from ..protocol import EnrollRequest, EnrollResponse
from .models import Device, EnrollmentCode, ServerBase, ServerBranch, ServerChain
from .scope import note_wrong_code, use_code

GROUP = 4
ID_LENGTH = GROUP
SECRET_LENGTH = 2 * GROUP
CODE_LENGTH = ID_LENGTH + SECRET_LENGTH
CODE_VALIDITY = timedelta(hours=24)
MAX_WRONG_SECRETS = 5
MAX_FAILURES_PER_ADDRESS = 10
FAILURE_WINDOW = timedelta(minutes=10)
PURGE_AFTER = timedelta(days=30)  # dead codes older than this free their id
TOO_MANY = "Too many wrong enrollment codes from this address; wait 10 minutes and try again"


class EnrollmentThrottle(ServerBase):
    """Failed enrollment attempts of one source address in the current window."""

    __tablename__ = "enrollment_throttle"
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)


class EnrollRefused(Exception):
    """The enrollment is refused; ``status``/``code`` become the HTTP answer."""

    def __init__(self, status: int, code: str, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def source_address(host: str) -> str:
    """Return the key failed attempts are counted under: the IPv4 address, or the IPv6 /64.

    One IPv6 host usually holds a whole /64; counting single addresses
    would give it billions of fresh tries.
    """
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def token_hash(token: str) -> str:
    """Return the hex SHA-256 the server keeps of a device token."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_code(text: str) -> str | None:
    """Return the code's 12 characters (upper case, no separators), or None if it cannot be one."""
    chars = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(chars) != CODE_LENGTH or any(ch not in ALPHABET for ch in chars):
        return None
    return chars


def code_hash(normalised: str) -> str:
    """Return the hex SHA-256 the server keeps of a normalised code (``normalise_code``)."""
    return hashlib.sha256(normalised.encode()).hexdigest()


def format_code(normalised: str) -> str:
    """Return a normalised code as it is shown: ``XXXX-XXXX-XXXX``."""
    return "-".join(normalised[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def _random(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


@dataclass(frozen=True)
class NewCode:
    """A freshly made code: shown once, never stored in clear."""

    code: str  # XXXX-XXXX-XXXX
    chain_id: str
    branch_id: str
    expires_at: datetime


def create_code(session: Session, branch: ServerBranch, now: datetime) -> NewCode:
    """Add a one-time enrollment code for a terminal of ``branch`` (the caller commits)."""
    session.execute(delete(EnrollmentCode).where(EnrollmentCode.expires_at < now - PURGE_AFTER))
    for _ in range(100):
        code_id = _random(ID_LENGTH)
        if session.get(EnrollmentCode, code_id) is None:
            break
    else:  # 31**4 ids; only reachable with nearly a million live codes
        raise RuntimeError("no free enrollment code id")
    normalised = code_id + _random(SECRET_LENGTH)
    expires = now + CODE_VALIDITY
    session.add(
        EnrollmentCode(
            id=code_id, chain_id=branch.chain_id, branch_id=branch.id, code_sha256=code_hash(normalised),
            created_at=now,
            expires_at=expires, used_at=None, used_by_device=None, failed_attempts=0,
        )
    )
    session.flush()
    return NewCode(format_code(normalised), branch.chain_id, branch.id, expires)


def _lock_address(session: Session, address: str, now: datetime) -> EnrollmentThrottle:
    """Return the address's throttle row, created if missing, locked until commit."""
    dialect = session.get_bind().dialect.name
    values = {"address": address, "window_start": now, "failures": 0}
    insert: Any = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    added = session.execute(insert(EnrollmentThrottle).values(**values).on_conflict_do_nothing())
    if getattr(added, "rowcount", 0) == 1:
        # A new address: forget the ones whose window has passed (they would start afresh anyway).
        session.execute(delete(EnrollmentThrottle).where(EnrollmentThrottle.window_start <= now - FAILURE_WINDOW))
    row = session.scalars(
        select(EnrollmentThrottle).where(EnrollmentThrottle.address == address).with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    if row.window_start <= now - FAILURE_WINDOW:
        row.window_start, row.failures = now, 0
    return row


def _too_many(row: EnrollmentThrottle) -> EnrollRefused:
    retry = int((row.window_start + FAILURE_WINDOW).timestamp())
    return EnrollRefused(
        429, "too_many_attempts", TOO_MANY, retry_at=retry, limit=MAX_FAILURES_PER_ADDRESS, window_s=int(FAILURE_WINDOW.total_seconds()),
    )


def enroll(
    sessions: sessionmaker[Session], request: EnrollRequest, address: str, now: Callable[[], datetime]
) -> EnrollResponse:
    """Enroll the terminal of ``request`` with its one-time code.

    Runs in one transaction. A wrong code is counted (for its code id and
    for ``address``) and committed before the refusal is raised.

    Raises:
        EnrollRefused: too_many_attempts (429), invalid_code (403),
            code_used / code_expired / code_locked (410), clinic_mismatch
            and device_exists (409).
    """
    with sessions() as session:
        moment = now()
        # Fast refusal without a write (no row lock, no commit to sync): a
        # script hammering the server costs it one indexed read per guess.
        seen = session.get(EnrollmentThrottle, address)
        if seen is not None and seen.failures >= MAX_FAILURES_PER_ADDRESS and seen.window_start > moment - FAILURE_WINDOW:
            raise _too_many(seen)
        session.rollback()
        throttle = _lock_address(session, address, moment)
        if throttle.failures >= MAX_FAILURES_PER_ADDRESS:
            session.commit()
            raise _too_many(throttle)
        normalised = normalise_code(request.code)
        code = None
        if normalised is not None:
            digest = code_hash(normalised)
            use_code(session, digest)  # PostgreSQL: the code's row, and while usable its chain and branch, become visible
            code = session.scalars(
                select(EnrollmentCode).where(EnrollmentCode.code_sha256 == digest).with_for_update()
            ).one_or_none()
        if code is None:
            _count_failure(session, throttle, normalised, moment)
            session.commit()
            raise EnrollRefused(
                403, "invalid_code",
                "This enrollment code is not valid: check it, or ask the owner for a new one",
                attempts_left=max(0, MAX_FAILURES_PER_ADDRESS - throttle.failures),
            )
        _check_usable(code, moment)
        chain = session.get(ServerChain, code.chain_id)
        branch = session.get(ServerBranch, code.branch_id)
        assert chain is not None and branch is not None
        if request.branch_id is not None and request.branch_id != branch.id:
            # A terminal set up offline is a branch of its own: it joins only
            # with a code of that branch (``clinic_mismatch``: protocol 1's name).
            raise EnrollRefused(
                409, "clinic_mismatch",
                f"This terminal belongs to another branch than {branch.name!r} of {chain.name!r} on this server; "
                "the owner can adopt it with: bnaura server clinics add NAME --id "
                f"{request.branch_id} (or: bnaura server branches add NAME --chain CHAIN --id {request.branch_id})",
                terminal_clinic_id=request.branch_id, server_clinic_id=branch.id,
            )
        if session.get(Device, request.device_id) is not None:
            raise EnrollRefused(
                409, "device_exists", "A terminal with this device id is already enrolled",
                device_id=request.device_id,
            )
        token = secrets.token_urlsafe(32)
        session.add(
            Device(
                id=request.device_id, chain_id=chain.id, branch_id=branch.id, name=request.device_name,
                token_sha256=token_hash(token), enrolled_at=moment, last_seen_at=moment,
                revoked_at=None, next_seq=1, last_hlc="",
            )
        )
        try:
            # The device first: on PostgreSQL the code's scope admits a new
            # device only while the code is unused, so marking it used is
            # the transaction's last statement.
            session.flush()
            code.used_at, code.used_by_device = moment, request.device_id
            session.commit()
        except IntegrityError:
            # The same device id enrolled through another process meanwhile.
            session.rollback()
            raise EnrollRefused(
                409, "device_exists", "A terminal with this device id is already enrolled",
                device_id=request.device_id,
            ) from None
        return EnrollResponse(
            device_id=request.device_id, chain_id=chain.id, chain_name=chain.name, branch_id=branch.id,
            branch_name=branch.name, branch_no=branch.branch_no, token=token, next_seq=1,
        )


def _count_failure(session: Session, throttle: EnrollmentThrottle, normalised: str | None, now: datetime) -> None:
    """Count a wrong code against its address and, when its first group names a live code, against that code."""
    throttle.failures += 1
    if normalised is not None:
        note_wrong_code(session, normalised[:ID_LENGTH], now)


def _check_usable(code: EnrollmentCode, now: datetime) -> None:
    if code.used_at is not None:
        raise EnrollRefused(410, "code_used", "This enrollment code was already used; ask the owner for a new one")
    if code.failed_attempts >= MAX_WRONG_SECRETS:
        raise EnrollRefused(
            410, "code_locked",
            "This enrollment code was locked after too many wrong attempts; ask the owner for a new one",
        )
    if code.expires_at <= now:
        raise EnrollRefused(410, "code_expired", "This enrollment code has expired; ask the owner for a new one")
