"""The server as a whole: health, OpenAPI schema, error bodies, schema migrations, row-level security."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import ProgrammingError

from sync.protocol import PROTOCOL_VERSION, ErrorBody, Health
from sync.server import enroll  # noqa: F401 - its throttle table is on the metadata
from sync.server.app import create_app
from sync.server.db import server_engine
from sync.server.models import Device, Record, ServerBase, ServerChain
from sync.server.schema import current_revision, head_revision
from sync.server.scope import chain_sessions, for_device

from .conftest import Server, now, token_sha256


def test_health_reports_a_reachable_database(server: Server) -> None:
    r = server.client().get("/health")
    assert r.status_code == 200
    assert Health.model_validate(r.json()) == Health(status="ok", database=True, protocol=PROTOCOL_VERSION)


def test_health_reports_an_unreachable_database() -> None:
    app = create_app("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://server") as client:
            return await client.get("/health")

    r = asyncio.run(ask())
    assert r.status_code == 503
    assert r.json() == {"status": "degraded", "database": False, "protocol": PROTOCOL_VERSION}


def test_openapi_documents_every_route_and_the_protocol_shapes(server: Server) -> None:
    r = server.client().get("/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert set(doc["paths"]) == {"/health", "/v1/enroll", "/v1/push", "/v1/pull", "/v1/images/{sha256}/upload",
                                 "/v1/images/{sha256}"}
    schemas = doc["components"]["schemas"]
    for name in ("PushRequest", "PushResponse", "Operation", "EnrollRequest", "EnrollResponse",
                 "PullResponse", "Change", "ErrorBody", "Health"):
        assert name in schemas, name
    push = doc["paths"]["/v1/push"]["post"]
    assert push["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/PushRequest")
    assert {"401", "409", "413", "422", "426"} <= set(push["responses"])
    assert any("HTTPBearer" in req for req in push.get("security", []))


def test_unknown_paths_and_methods_answer_an_error_body(server: Server) -> None:
    c = server.client()
    nothing = c.get("/v1/nothing")
    assert nothing.status_code == 404 and ErrorBody.model_validate(nothing.json()).code == "not_found"
    method = c.get("/v1/push")
    assert method.status_code == 405 and method.json()["code"] == "method_not_allowed"


def test_the_migrations_build_exactly_the_models(server: Server) -> None:
    assert current_revision(server.engine) == head_revision()
    with server.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), ServerBase.metadata)
        conn.rollback()
    assert diffs == []


@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_row_level_security_shows_a_device_only_its_clinic(server: Server) -> None:
    a = server.enrolled()
    b = server.enrolled()
    a.register("ลูกค้าเอ", "0866666661")
    b.register("ลูกค้าบี", "0866666662")
    assert a.push(a.operations()).status_code == 200
    assert b.push(b.operations()).status_code == 200

    serving = server_engine(server.serving_url)
    try:
        with for_device(chain_sessions(serving), token_sha256(a.token))() as s:
            assert {r.chain_id for r in s.scalars(select(Record))} == {a.clinic_id}
            assert {d.chain_id for d in s.scalars(select(Device))} == {a.clinic_id}
            assert s.get(ServerChain, b.clinic_id) is None
            s.add(Record(entity="customer", id=str(uuid.uuid4()), chain_id=b.clinic_id, data={}, field_clocks={},
                         hlc="0", deleted_at=None, updated_at=now(), cursor=0))
            with pytest.raises(ProgrammingError, match="row-level security"):
                s.flush()
        with serving.connect() as conn:  # no credential: nothing at all
            assert conn.scalar(select(func.count()).select_from(Record)) == 0
            conn.rollback()
    finally:
        serving.dispose()
    with server.sessions() as s:  # the owner, as the admin commands: every clinic
        assert {a.clinic_id, b.clinic_id} <= {r.chain_id for r in s.scalars(select(Record))}
