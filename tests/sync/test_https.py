"""HTTPS: ``bnaura server --certfile --keyfile``, and terminals that verify it with the clinic's own CA.

A real certificate authority and a server certificate for 127.0.0.1 are made
for the test with the ``openssl`` command; the server is a real
``bnaura server`` process over SQLite; the terminals go through the command
line (``bnaura enroll ... --ca-file``, ``bnaura sync --once``).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import httpx
import pytest

from bnaura_desk.cli import main
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import pending_count, save_enrollment, sync_state
from bnaura_desk.terminal import Terminal
from sync.client.cli import sync_command
from sync.client.http import CaFileProblem, ServerUnavailable, SyncClient, UntrustedServer
from sync.server.cli import main as server_main
from sync.server.db import server_engine
from sync.server.schema import upgrade

from .conftest import REPO, Server, free_port

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


@dataclass(frozen=True)
class Authority:
    """A certificate authority and the server certificate it signed (PEM files)."""

    ca: Path
    cert: Path
    key: Path


def _openssl(*args: str | Path, cwd: Path) -> None:
    subprocess.run(["openssl", *map(str, args)], cwd=cwd, check=True, capture_output=True)


def make_authority(folder: Path, name: str) -> Authority:
    """Make a CA named ``name`` and a certificate it signs for 127.0.0.1 and localhost."""
    folder.mkdir(parents=True, exist_ok=True)
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", f"/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             cwd=folder)
    _openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", cwd=folder)
    (folder / "server.ext").write_text(
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n"
    )
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "server.ext", cwd=folder)
    return Authority(folder / "ca.pem", folder / "server.pem", folder / "server.key")


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    return make_authority(tmp_path_factory.mktemp("tls") / "clinic-ca", "BN-Aura test clinic CA")


@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory, authority: Authority) -> Iterator[Server]:
    """``bnaura server --certfile --keyfile`` over a SQLite file, answering on https://127.0.0.1."""
    tmp = tmp_path_factory.mktemp("https-server")
    db_url = f"sqlite:///{tmp / 'server.sqlite'}"
    engine = server_engine(db_url)
    upgrade(engine)
    engine.dispose()
    port = free_port()
    log = open(tmp / "server-https.log", "wb")  # noqa: SIM115 - lives as long as the process
    process = subprocess.Popen(
        [sys.executable, "-m", "bnaura_desk.cli", "server", "--db", db_url, "--host", "127.0.0.1",
         "--port", str(port), "--certfile", str(authority.cert), "--keyfile", str(authority.key),
         "--log-level", "warning", "--forwarded-allow-ips", "127.0.0.1"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"https://127.0.0.1:{port}"
    trust = ssl.create_default_context(cafile=str(authority.ca))
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode}): {(tmp / 'server-https.log').read_text()}")
        try:
            if httpx.get(f"{base}/health", timeout=1, verify=trust).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the HTTPS server did not answer /health within 30 s")
        time.sleep(0.05)
    server = Server("sqlite", db_url, base, process, tmp)
    yield server
    server.close()
    log.close()


def _set_up_terminal(path: Path) -> tuple[str, str, int]:
    """Make a terminal at ``path`` with one customer; return (clinic id, customer id, operations written)."""
    with Terminal.create(path, clinic_name=f"คลินิก {uuid.uuid4().hex[:6]}", device_name="POS-1") as t:
        clinic_id = t.device().chain_id
        customer = t.run(customer_service.register_customer, CustomerForm(name_th="สมศรี", phone="0812345678"),
                         actor=SYSTEM).result
        written = t.read(pending_count)  # branch.create, the customer and its welcome points
    return clinic_id, str(customer), written


def test_a_terminal_enrolls_and_syncs_over_https_with_the_clinics_ca_file(
    https_server: Server, authority: Authority, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a_path, b_path = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    clinic_id, customer, written = _set_up_terminal(a_path)
    https_server.add_clinic(clinic_id=clinic_id)
    monkeypatch.chdir(authority.ca.parent)  # a relative --ca-file is kept as an absolute path

    code = https_server.new_code(clinic_id)
    assert main(["enroll", https_server.base_url, code, "--db", str(a_path), "--ca-file", "ca.pem"]) == 0
    assert "enrolled with https://" in capsys.readouterr().out
    with Terminal.open(a_path) as a:
        state = a.read(sync_state)
        assert state is not None and state.ca_file == str(authority.ca.resolve())
    monkeypatch.chdir(tmp_path)
    assert main(["sync", "--once", "--db", str(a_path)]) == 0
    assert f"pushed {written} (applied {written}," in capsys.readouterr().out

    # A new database joins over HTTPS too, and its first sync brings the clinic's customers.
    code = https_server.new_code(clinic_id)
    assert main(["enroll", https_server.base_url, code, "--db", str(b_path), "--device", "POS-2",
                 "--ca-file", str(authority.ca)]) == 0
    assert main(["sync", "--once", "--db", str(b_path)]) == 0
    with Terminal.open(b_path) as b:
        assert [h.id for h in b.read(customer_service.search_customers, "สมศรี")] == [customer]


def test_without_the_ca_file_the_certificate_is_refused_with_a_clear_message(
    https_server: Server, authority: Authority, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.sqlite"
    clinic_id, _, _ = _set_up_terminal(path)
    https_server.add_clinic(clinic_id=clinic_id)
    code = https_server.new_code(clinic_id)

    assert main(["enroll", https_server.base_url, code, "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "The clinic server's certificate cannot be trusted" in err and "--ca-file" in err
    assert "unable to get local issuer certificate" in err  # why, from the TLS library
    # The handshake failed before the request: the code is not spent.
    assert main(["enroll", https_server.base_url, code, "--db", str(path), "--ca-file", str(authority.ca)]) == 0

    # A terminal whose kept CA is another one cannot sync, and the loop does not retry it.
    other = make_authority(tmp_path / "other-ca", "Another CA")
    with Terminal.open(path) as t:
        state = t.read(sync_state)
        assert state is not None
        t.run(save_enrollment, state.server_url, state.token, state.clinic_name, str(other.ca), actor=None)
    capsys.readouterr()
    assert main(["sync", "--once", "--db", str(path)]) == 1
    assert "certificate cannot be trusted" in capsys.readouterr().err

    class Console:
        def say(self, text: str = "") -> None:
            raise AssertionError(text)

        def note(self, text: str) -> None:
            raise AssertionError(f"retried: {text}")

    def sleep(_: float) -> None:
        raise AssertionError("an untrusted certificate must not be waited for")

    with pytest.raises(UntrustedServer):
        sync_command(path, Console(), once=False, sleep=sleep)


def test_the_client_verifies_by_default_and_accepts_a_ca_file(https_server: Server, authority: Authority) -> None:
    with SyncClient(https_server.base_url, verify=str(authority.ca)) as client:
        assert client.health().database
    with SyncClient(https_server.base_url) as client, pytest.raises(UntrustedServer) as refused:
        client.health()
    assert not refused.value.retry
    assert "cannot be trusted" in refused.value.render()
    # Plain HTTP to the HTTPS port gets no answer: unavailable (retried), not a certificate problem.
    with SyncClient(https_server.base_url.replace("https://", "http://"), timeout=5) as client, \
            pytest.raises(ServerUnavailable):
        client.health()


def test_a_missing_or_broken_ca_file_is_refused_before_anything_is_made(
    https_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.sqlite"
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("not a certificate")
    for ca in (tmp_path / "missing.pem", not_pem):
        assert main(["enroll", https_server.base_url, "ABCD-EFGH-JKMN", "--db", str(path), "--ca-file", str(ca)]) == 1
        err = capsys.readouterr().err
        assert f"The certificate authority file {ca} cannot be used" in err
        assert not path.exists()
    with pytest.raises(CaFileProblem):
        SyncClient(https_server.base_url, verify=str(not_pem))


def test_the_server_refuses_a_certificate_it_cannot_serve(authority: Authority, tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "server.sqlite"), "--port", str(free_port())]
    cases = [
        (["--certfile", str(authority.cert)], 2, "--certfile and --keyfile go together"),
        (["--certfile", str(tmp_path / "none.pem"), "--keyfile", str(authority.key)], 1, "no such file"),
        (["--certfile", str(authority.cert), "--keyfile", str(authority.ca.with_name("ca.key"))], 1,
         "cannot be used together"),
    ]
    for argv, status, message in cases:
        err = StringIO()
        assert server_main(argv + db, StringIO(), err) == status
        assert message in err.getvalue()
