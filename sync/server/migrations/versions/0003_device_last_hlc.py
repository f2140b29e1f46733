"""Each device keeps the latest clock the server kept for its operations.

Revision ID: 0003
Revises: 0002

``devices.last_hlc`` ("" before a device's first operation) lets the apply
step tick a bounded clock past the device's previous one, so two edits of a
terminal whose clock runs far ahead keep their order (``apply._kept_clock``).

Existing devices are backfilled from what was already applied: the clock
each operation got is its own ``hlc``, or the ``kept`` clock of its
``clock_ahead`` exception when the server bounded it. Rejected operations
never got a clock (their ``hlc`` may be malformed) and are left out.

PostgreSQL: the tables FORCE row-level security (0002), so this
transaction sets the all-clinics scope first; without it the backfill
would read no rows and silently leave every device at "".
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_devices = sa.table("devices", sa.column("id", sa.String), sa.column("last_hlc", sa.String))
_applied = sa.table(
    "applied_operations",
    sa.column("device_id", sa.String),
    sa.column("seq", sa.BigInteger),
    sa.column("hlc", sa.String),
    sa.column("outcome", sa.String),
)
_exceptions = sa.table(
    "sync_exceptions",
    sa.column("device_id", sa.String),
    sa.column("seq", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("detail", sa.JSON),
)


def _kept_clocks(conn: sa.Connection) -> dict[str, str]:
    """Return each device's latest clock as the server kept it (devices with no operation left out)."""
    bounded = (
        sa.select(_exceptions.c.seq)
        .where(
            _exceptions.c.device_id == _applied.c.device_id,
            _exceptions.c.seq == _applied.c.seq,
            _exceptions.c.kind == "clock_ahead",
        )
        .exists()
    )
    latest: dict[str, str] = {
        device: hlc
        for device, hlc in conn.execute(
            sa.select(_applied.c.device_id, sa.func.max(_applied.c.hlc))
            .where(_applied.c.outcome != "rejected", ~bounded)
            .group_by(_applied.c.device_id)
        )
        if hlc
    }
    for device, detail in conn.execute(
        sa.select(_exceptions.c.device_id, _exceptions.c.detail).where(
            _exceptions.c.kind == "clock_ahead", _exceptions.c.device_id.is_not(None)
        )
    ):
        kept: Any = (detail or {}).get("kept") if isinstance(detail, dict) else None
        if isinstance(kept, str) and kept > latest.get(device, ""):
            latest[device] = kept
    return latest


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_hlc", sa.String(length=80), server_default="", nullable=False))
    if conn.dialect.name == "postgresql":
        # Transaction-local: ends with the migration's transaction.
        conn.execute(sa.text("SELECT set_config('bnaura.clinic', '*', true)"))
    latest = _kept_clocks(conn)
    if latest:
        conn.execute(
            _devices.update().where(_devices.c.id == sa.bindparam("device")).values(last_hlc=sa.bindparam("clock")),
            [{"device": device, "clock": clock} for device, clock in sorted(latest.items())],
        )


def downgrade() -> None:
    # Not in batch mode: recreating ``devices`` on SQLite would drop a table
    # other tables' foreign keys point at. SQLite 3.35+ drops a column in place.
    op.drop_column("devices", "last_hlc")
