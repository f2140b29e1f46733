"""Alembic environment of the server: runs on the connection ``schema.upgrade`` hands over."""

from __future__ import annotations

from alembic import context

from sync.server import enroll  # noqa: F401 - registers the throttle table on the metadata
from sync.server.models import ServerBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=ServerBase.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Several server processes may start at once: one migrates, the others wait.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7418820001)")
    context.run_migrations()
