"""The server against its own OpenAPI document, with schemathesis (real server process, SQLite).

schemathesis reads ``/openapi.json`` from a running ``bnaura server`` and
generates requests for every operation: schema-valid ones (positive) and
schema-violating ones (negative), sent with an enrolled device's token so
the authenticated routes are exercised past 401. Every answer goes through
schemathesis's checks, among them:

- ``not_a_server_error``: no 5xx, whatever the request;
- ``status_code_conformance``: every status is documented for its operation
  (the ``ErrorBody`` refusals included);
- ``response_schema_conformance``: every body matches its documented schema;
- ``content_type_conformance``: every body is the documented media type;
- ``negative_data_rejection`` / ``positive_data_acceptance``: invalid requests
  are refused with a 4xx, valid ones are not refused as malformed.

Half of the schema-valid pushes are rewritten to name the enrolled device,
its clinic and their payload's true hash, so they reach the apply step
instead of stopping at 403 ``foreign_device``.

Bounded: ``EXAMPLES`` requests per operation and mode (override with
``BNAURA_SCHEMATHESIS_EXAMPLES`` for a longer soak).

Uses ``operation.as_strategy()`` with Hypothesis directly rather than
``schemathesis.pytest.from_fixture``: the latter sets ``Node._nodeid``,
which pytest 9.2 no longer has.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

from .conftest import Enrolled, Server, new_address, start_server

EXAMPLES = int(os.environ.get("BNAURA_SCHEMATHESIS_EXAMPLES", "40"))
OPERATIONS = ["GET /health", "POST /v1/enroll", "POST /v1/push", "GET /v1/pull", "GET /v1/images/{sha256}/upload",
              "PUT /v1/images/{sha256}/upload", "GET /v1/images/{sha256}"]
# Refusals that are right for a schema-violating request besides schemathesis's
# defaults: 413 (too large) and 426 (no or another protocol header).
REFUSALS = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 426, 428, 429]
# Answers a schema-valid request may get: the schema cannot say which code
# is unused or which device id is this token's, so refusals of those stand.
ACCEPTABLE = [200, 400, 401, 403, 404, 409, 410, 413, 422, 429]


@pytest.fixture(scope="module")
def st_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own: the generated requests leave junk no other test should see."""
    tmp = tmp_path_factory.mktemp("schemathesis")
    srv = start_server("sqlite", f"sqlite:///{tmp / 'server.sqlite'}", tmp)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def device(st_server: Server) -> Enrolled:
    return st_server.enrolled()


@pytest.fixture(scope="module")
def api(st_server: Server, device: Enrolled) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "auth": {"openapi": {"HTTPBearer": {"bearer": device.token}}},
            "checks": {
                "not_a_server_error": {"enabled": True},
                "status_code_conformance": {"enabled": True},
                "response_schema_conformance": {"enabled": True},
                "content_type_conformance": {"enabled": True},
                "negative_data_rejection": {"enabled": True, "expected-statuses": REFUSALS},
                "positive_data_acceptance": {"enabled": True, "expected-statuses": ACCEPTABLE},
            },
        }
    )
    return schemathesis.openapi.from_url(f"{st_server.base_url}/openapi.json", config=config)


def test_the_document_lists_exactly_the_operations_tested(api: schemathesis.BaseSchema) -> None:
    labels = sorted(result.ok().label for result in api.get_all_operations())
    assert labels == sorted(OPERATIONS)


def _owned_push(device: Enrolled) -> Any:
    """Return a case mapper that makes a push name ``device``, its clinic and true payload hashes."""

    def own(drawn: tuple[schemathesis.Case, bool]) -> schemathesis.Case:
        case, owned = drawn
        if owned and isinstance(case.body, dict):
            case.body["device_id"] = device.device_id
            for op in case.body.get("operations") or []:
                if isinstance(op, dict):
                    op["device_id"], op["clinic_id"] = device.device_id, device.clinic_id
                    if isinstance(op.get("payload"), str):
                        op["payload_sha256"] = hashlib.sha256(op["payload"].encode()).hexdigest()
        return case

    return own


# /health takes no input, so there is nothing to get wrong (no negative cases).
RUNS = [
    (label, mode)
    for label in OPERATIONS
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if not (label == "GET /health" and mode is GenerationMode.NEGATIVE)
]


@pytest.mark.parametrize(("label", "mode"), RUNS, ids=[f"{label}-{mode.value}" for label, mode in RUNS])
def test_every_answer_conforms_to_the_document(
    api: schemathesis.BaseSchema, device: Enrolled, label: str, mode: GenerationMode
) -> None:
    method, path = label.split()
    operation = api[path][method]
    cases = operation.as_strategy(generation_mode=mode)
    if label == "POST /v1/push" and mode is GenerationMode.POSITIVE:
        cases = st.tuples(cases, st.booleans()).map(_owned_push(device))

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,  # a stored example would carry another run's token and ids
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(case=cases)
    def check(case: schemathesis.Case) -> None:
        # An address per request: wrong enrollment codes are throttled per address.
        case.call_and_validate(headers={"X-Forwarded-For": new_address()})

    check()


def test_the_server_still_serves_its_device_afterwards(st_server: Server, device: Enrolled) -> None:
    """After the generated traffic the token still works and the feed is readable."""
    r = httpx.get(f"{st_server.base_url}/v1/pull", timeout=30,
                  headers={"Authorization": f"Bearer {device.token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)})
    assert r.status_code == 200, r.text
