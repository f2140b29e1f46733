"""The HTTP API of the clinic server (routes as documented in ``sync.protocol``).

Thin routes over ``enroll``, ``push`` and ``pull``; the session, the clock
and the authenticated device come in as ``Annotated`` dependencies. Every
refusal is an ``ErrorBody`` with a stable ``code``:

| status | code | when |
| --- | --- | --- |
| 401 | ``unauthorized`` / ``device_revoked`` | no or unknown token / revoked device |
| 403 | ``foreign_device`` / ``foreign_clinic`` | the batch names another device, clinic or clinic's record |
| 403, 410 | ``invalid_code``; ``code_used`` / ``code_expired`` / ``code_locked`` | enrollment |
| 409 | ``seq_conflict`` / ``seq_gap`` / ``clinic_mismatch`` / ``device_exists`` | |
| 413 | ``batch_too_large`` / ``body_too_large`` | over ``MAX_BATCH`` operations / ``MAX_BODY_BYTES`` |
| 404, 409, 413, 422 | ``image_not_found`` / ``image_offset`` / ``image_too_large`` / ``image_hash_mismatch``, ``not_an_image`` | images (``sync.server.images``) |
| 400 | ``bad_operation`` | an operation's payload, hash or clock is malformed |
| 422 | ``invalid_request`` / ``unknown_operation`` | malformed JSON or shapes / an operation type the server does not know |
| 426 | ``protocol_version`` | the terminal speaks another protocol; nothing applied |
| 429 | ``too_many_attempts`` | wrong enrollment codes from one address |
| 503 | ``busy`` / ``database_unavailable`` | a race lost to another request / no database: send again |

Every sync route (all but ``/health`` and the OpenAPI document) needs the
``X-BNAura-Protocol: PROTOCOL_VERSION`` header: missing or another version
is 426 before anything else is looked at. The push and enroll bodies carry
``protocol`` too, and it must match as well.

A push batch is checked as a whole (protocol, size, shape, device and
clinic of every operation, records of other clinics) before its first
operation is applied; the apply step then refuses at the first operation
that cannot be applied, after committing the ones before it (their
outcomes are in the refusal's ``detail.results``).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from fastapi import FastAPI

from bnaura_desk.domain.synced import REGISTRY, Registry

from ..protocol import PROTOCOL_VERSION
from .db import is_sqlite, server_engine
from .errors import install_error_handlers
from .images import images_folder
from .openapi import install_openapi
from .routes import add_routes
from .rules import Rule
from .scope import chain_sessions
from .throttle import BlockedAddresses, RefuseBlocked

# The module docstring above is the OpenAPI document's description.


def utc_now() -> datetime:
    """Return the current time, aware UTC (the server's clock unless a test gives another)."""
    return datetime.now(UTC)


def create_app(
    database_url: str, *, clock: Callable[[], datetime] = utc_now, registry: Registry = REGISTRY,
    rules: tuple[Rule, ...] | None = None, images: Path | None = None,
) -> FastAPI:
    """Return the server application over the (already migrated) database at ``database_url``.

    Nothing connects until the first request: checking the database role
    and schema is the command line's job (``sync.server.cli``). ``registry``
    and ``rules`` are what pushes are applied by (a benchmark declares
    operation types of its own; the clinic server uses the defaults).
    ``images`` is the folder of the chains' image files (default:
    ``sync.server.images.images_folder``).
    """
    # SQLite: one connection for the whole process (DESIGN.md: one writer per
    # database; SQLite before 3.51.3 can corrupt a WAL file when two
    # connections write or checkpoint at once). Every transaction there is
    # BEGIN IMMEDIATE anyway, so requests lose no concurrency by queueing.
    engine = server_engine(database_url, **({"pool_size": 1, "max_overflow": 0} if is_sqlite(database_url) else {}))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="BN-Aura Desk sync server",
        version=str(PROTOCOL_VERSION),
        description=__doc__,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.sessions = chain_sessions(engine)
    app.state.clock = clock
    app.state.registry = registry
    app.state.rules = rules
    app.state.images = images_folder(database_url, images)
    app.state.blocked = BlockedAddresses()
    app.add_middleware(RefuseBlocked, blocked=app.state.blocked)
    install_error_handlers(app)
    add_routes(app)
    install_openapi(app)
    return app


def app_from_env() -> FastAPI:
    """The app factory uvicorn workers call: the database URL is in ``$BNAURA_SERVER_DB``."""
    return create_app(os.environ["BNAURA_SERVER_DB"])
