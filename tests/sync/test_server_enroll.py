"""Enrollment over HTTP: one-time codes, their expiry and death, rate limits, clinic rules."""

from __future__ import annotations

import json
import re
import socket
import time
from datetime import timedelta

from sqlalchemy import func, select

from bnaura_desk.domain.referral import ALPHABET
from sync.protocol import PROTOCOL_HEADER
from sync.server.enroll import MAX_FAILURES_PER_ADDRESS, MAX_WRONG_SECRETS, create_code
from sync.server.models import Device, EnrollmentCode, ServerBranch

from .conftest import Server, new_address, now, token_sha256

CODE_SHAPE = re.compile(rf"^[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def _wrong_secret(code: str) -> str:
    """The same code id with another secret."""
    head, secret = code[:5], code[5:]
    swapped = "".join(ALPHABET[(ALPHABET.index(ch) + 1) % len(ALPHABET)] if ch != "-" else ch for ch in secret)
    return head + swapped


def _devices(server: Server) -> int:
    with server.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Device)) or 0)


def test_a_fresh_code_enrolls_once_and_the_server_keeps_only_the_token_hash(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    code = server.new_code(clinic)
    assert CODE_SHAPE.match(code)

    r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, code.lower().replace("-", " ")))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["device_id"] == terminal.device().device_id
    assert body["branch_id"] == body["chain_id"] == clinic and body["next_seq"] == 1
    assert len(body["token"]) >= 40
    with server.sessions() as s:
        device = s.get(Device, body["device_id"])
        assert device is not None and device.chain_id == device.branch_id == clinic
        assert device.token_sha256 == token_sha256(body["token"]) != body["token"]
        row = s.scalar(select(EnrollmentCode).where(EnrollmentCode.chain_id == clinic))
        assert row is not None and row.used_by_device == body["device_id"]
        assert code.replace("-", "")[4:] not in row.code_sha256 + row.id  # the secret is not stored

    other = server.terminal()
    again = server.client().post("/v1/enroll", json=server.enroll_body(other, code, claim_clinic=False))
    assert again.status_code == 410 and again.json()["code"] == "code_used"
    same_device = server.client().post("/v1/enroll", json=server.enroll_body(terminal, server.new_code(clinic)))
    assert same_device.status_code == 409 and same_device.json()["code"] == "device_exists"


def test_an_expired_code_is_refused(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    with server.sessions() as s:
        branch = s.get(ServerBranch, clinic)  # a clinic of its own: the chain's one branch, with its id
        assert branch is not None
        code = create_code(s, branch, now() - timedelta(hours=24, seconds=1))
        s.commit()
    r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, code.code))
    assert r.status_code == 410 and r.json()["code"] == "code_expired"
    assert "ask the owner for a new one" in r.json()["message"]
    with server.sessions() as s:
        assert s.get(Device, terminal.device().device_id) is None


def test_five_wrong_secrets_kill_the_code_even_from_many_addresses(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    code = server.new_code(clinic)
    for _ in range(MAX_WRONG_SECRETS):
        r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, _wrong_secret(code)))
        assert r.status_code == 403 and r.json()["code"] == "invalid_code"
    r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, code))
    assert r.status_code == 410 and r.json()["code"] == "code_locked"
    with server.sessions() as s:
        assert s.get(Device, terminal.device().device_id) is None


def _pipelined_posts(base_url: str, path: str, bodies: list[bytes], headers: dict[str, str]) -> list[int]:
    """POST ``bodies`` on one keep-alive connection, pipelined like a script would; return the statuses."""
    host, port = base_url.removeprefix("http://").split(":")
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    requests = [
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n{extra}"
        f"Content-Length: {len(b)}\r\n\r\n".encode() + b
        for b in bodies
    ]
    statuses: list[int] = []
    buf = b""
    sent = 0
    with socket.create_connection((host, int(port))) as sock:
        sock.settimeout(30)
        while len(statuses) < len(requests):
            if sent < len(requests) and sent - len(statuses) < 200:
                batch = requests[sent : sent + 100]
                sock.sendall(b"".join(batch))
                sent += len(batch)
            chunk = sock.recv(1 << 16)
            assert chunk, "the server closed the connection"
            buf += chunk
            while (end := buf.find(b"\r\n\r\n")) >= 0:
                head = buf[:end].decode("latin-1")
                match = re.search(r"(?i)content-length: (\d+)", head)
                length = int(match.group(1)) if match else 0
                if len(buf) < end + 4 + length:
                    break
                statuses.append(int(head.split(" ", 2)[1]))
                buf = buf[end + 4 + length :]
    return statuses


def test_ten_thousand_scripted_guesses_enroll_nothing_and_are_throttled(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    live = server.new_code(clinic)
    before = _devices(server)
    device = terminal.device()
    rng = __import__("random").Random(20261123)
    bodies = []
    for i in range(10_000):
        # Mostly random codes; some aimed at the live code's id with random secrets.
        head = live[:4] if i % 3 == 0 else "".join(rng.choice(ALPHABET) for _ in range(4))
        guess = head + "-" + "".join(rng.choice(ALPHABET) for _ in range(8))
        guess = guess[:9] + "-" + guess[9:]
        if guess == live:
            continue
        bodies.append(json.dumps({"protocol": 1, "code": guess, "device_id": device.device_id,
                                  "device_name": "script", "branch_id": None}).encode())
    started = time.monotonic()
    statuses = _pipelined_posts(server.base_url, "/v1/enroll", bodies, {"X-Forwarded-For": new_address(),
                                                                          PROTOCOL_HEADER: "1"})
    elapsed = time.monotonic() - started
    assert statuses[:MAX_FAILURES_PER_ADDRESS] == [403] * MAX_FAILURES_PER_ADDRESS
    assert set(statuses[MAX_FAILURES_PER_ADDRESS:]) == {429}
    assert len(statuses) == len(bodies) >= 9_990
    assert _devices(server) == before
    assert elapsed < 30, f"10,000 refusals took {elapsed:.1f} s"
    # The code survives the script (fewer than five guesses reached it) and still works.
    r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, live))
    assert r.status_code == 200, r.text


def test_a_refused_address_gets_429_with_retry_after_and_others_are_not_affected(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    code = server.new_code(clinic)
    attacker = server.client()
    for _ in range(MAX_FAILURES_PER_ADDRESS):
        assert attacker.post("/v1/enroll", json=server.enroll_body(terminal, "2222-3333-4444")).status_code == 403
    r = attacker.post("/v1/enroll", json=server.enroll_body(terminal, code))  # even the right code
    assert r.status_code == 429 and r.json()["code"] == "too_many_attempts"
    assert 0 < int(r.headers["Retry-After"]) <= 600
    ok = server.client().post("/v1/enroll", json=server.enroll_body(terminal, code))
    assert ok.status_code == 200, ok.text


def test_a_terminal_of_another_clinic_is_refused_and_the_code_stays_usable(server: Server) -> None:
    terminal = server.terminal()
    server_clinic = server.add_clinic()  # not the terminal's clinic id
    code = server.new_code(server_clinic)
    r = server.client().post("/v1/enroll", json=server.enroll_body(terminal, code))
    assert r.status_code == 409
    body = r.json()
    assert body["code"] == "clinic_mismatch"
    assert terminal.device().chain_id in body["message"] and "clinics add" in body["message"]
    with server.sessions() as s:
        assert s.get(Device, terminal.device().device_id) is None
    fresh = server.terminal()
    joined = server.client().post("/v1/enroll", json=server.enroll_body(fresh, code, claim_clinic=False))
    assert joined.status_code == 200 and joined.json()["branch_id"] == server_clinic


def test_enroll_bad_input_and_protocol(server: Server) -> None:
    terminal = server.terminal()
    clinic = server.add_clinic(clinic_id=terminal.device().chain_id)
    code = server.new_code(clinic)
    c = server.client()
    old = c.post("/v1/enroll", json=server.enroll_body(terminal, code) | {"protocol": 2})
    assert old.status_code == 426 and old.json()["code"] == "protocol_version"
    assert old.json()["message"] == "This terminal needs an update to sync with this server"
    header = c.post("/v1/enroll", json=server.enroll_body(terminal, code), headers={PROTOCOL_HEADER: "0"})
    assert header.status_code == 426
    junk = c.post("/v1/enroll", content=b"{not json", headers={"Content-Type": "application/json"})
    assert junk.status_code == 422 and junk.json()["code"] == "invalid_request"
    wrong = c.post("/v1/enroll", json={"protocol": 1, "code": 5, "device_id": "x", "device_name": ""})
    assert wrong.status_code == 422 and wrong.json()["code"] == "invalid_request"
    assert {tuple(e["loc"]) for e in wrong.json()["detail"]["errors"]} >= {("code",), ("device_id",)}
    # Nothing was spent: the code still enrolls.
    assert c.post("/v1/enroll", json=server.enroll_body(terminal, code)).status_code == 200


def test_attempts_are_counted_per_ipv4_address_and_per_ipv6_64() -> None:
    from sync.server.enroll import source_address

    assert source_address("203.0.113.7") == "203.0.113.7"
    assert source_address("::ffff:203.0.113.7") == "203.0.113.7"
    assert source_address("2001:db8:1:2::1") == source_address("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert source_address("2001:db8:1:3::1") != source_address("2001:db8:1:2::1")
