"""Triggers that keep ledgers append-only, used by the migrations."""

from __future__ import annotations

from alembic import op

# Columns of an outbox row that may change after it is written: its outcome.
# As the outbox was when revision 0004 made the trigger: 0008 renames
# ``clinic_id`` to ``chain_id``, and SQLite rewrites the trigger with it.
OUTBOX_FROZEN = (
    "seq", "op_id", "device_id", "clinic_id", "type", "entity", "entity_id",
    "hlc", "actor_id", "payload", "payload_sha256", "created_at",
)


def append_only(table: str) -> None:
    """Refuse UPDATE and DELETE on ``table`` at the database level."""
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def synced_append_only(table: str) -> None:
    """Refuse DELETE on a synced ledger, and UPDATE except a pull's alignment (revision 0015's rule).

    A pull gives a row made here too the chain's version while
    ``ledger_alignments`` names the table; nothing else may change a row.
    """
    op.execute(
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"WHEN NOT EXISTS (SELECT 1 FROM ledger_alignments WHERE table_name = '{table}') "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    )


def outbox_guard() -> None:
    """Refuse deleting outbox rows or changing anything but their outcome."""
    op.execute(
        "CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END"
    )
    op.execute(
        f"CREATE TRIGGER outbox_frozen BEFORE UPDATE OF {', '.join(OUTBOX_FROZEN)} ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'outbox operations cannot be rewritten'); END"
    )
