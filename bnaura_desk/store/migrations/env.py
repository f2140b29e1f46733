"""Alembic environment: runs on the connection ``migrate.upgrade`` hands over."""

from __future__ import annotations

from alembic import context

from bnaura_desk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
