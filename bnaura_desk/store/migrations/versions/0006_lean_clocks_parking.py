"""Compact field clocks; pulled rows parked with the reason they wait.

Revision ID: 0006
Revises: 0005

- ``field_clocks`` of the profile tables are rewritten compact
  (``bnaura_desk.domain.field_clocks``): a 100,000-customer terminal kept
  about 98 MB of clocks that repeat the row's own clock.

  A map that lists every synced field (a pulled row) is compacted exactly.
  A shorter map (a row made or edited on this terminal, whose unedited
  fields had no clock) gets the default clock "" for the fields it does
  not list, which is what they had: a local value without a clock never
  wins over a pulled one.
- ``sync_parked`` says why a pulled row waits: ``waiting`` for a parent
  that has not arrived, ``unknown_entity`` (a kind of record this version
  does not know) or ``unstorable`` (a value this version cannot store),
  with the problem in words. The last two are shown to managers.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from bnaura_desk.domain.field_clocks import OTHERS, compact_complete

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The synced fields of each profile table when this migration was written.
_FIELDS = {
    "clinics": ("name_th", "name_en", "tax_id", "branch_code", "address", "phone"),
    "staff": ("display_name", "role", "active", "pin_hash"),
    "customers": (
        "name_th", "name_en", "nickname", "phone", "email", "line_id", "birthday", "gender", "skin_notes",
        "channels", "quiet_start", "quiet_end", "opted_out", "referral_code",
    ),
    "catalog_items": (
        "kind", "name_th", "name_en", "price_satang", "vat_exempt", "active", "duration_minutes",
        "protocol_steps", "sku", "barcode", "package_treatment_id", "package_sessions",
    ),
    "sync_exceptions": (
        "kind", "entity", "entity_id", "device_id", "seq", "detail", "raised_at", "resolved_at", "resolved_by",
        "note",
    ),
}
_BATCH = 5000


def lean(clocks: dict[str, str], hlc: str, fields: tuple[str, ...]) -> dict[str, str]:
    """Return the compact form of a terminal row's clocks as written before this migration."""
    if OTHERS in clocks:
        return clocks
    if set(fields) <= clocks.keys():
        return compact_complete(clocks, hlc)
    return {**clocks, OTHERS: ""}


def upgrade() -> None:
    bind = op.get_bind()
    for table, fields in _FIELDS.items():
        last = ""
        while True:
            rows = bind.execute(
                sa.text(f"SELECT id, field_clocks, hlc FROM {table} WHERE id > :last ORDER BY id LIMIT {_BATCH}"),
                {"last": last},
            ).all()
            if not rows:
                break
            changed = []
            for row_id, text, hlc in rows:
                clocks = json.loads(text) if text else {}
                new = lean(clocks, hlc, fields)
                if new != clocks:
                    changed.append({"i": row_id, "c": json.dumps(new, ensure_ascii=False, sort_keys=True,
                                                                 separators=(",", ":"))})
            if changed:
                bind.execute(sa.text(f"UPDATE {table} SET field_clocks = :c WHERE id = :i"), changed)
            last = rows[-1][0]
    with op.batch_alter_table("sync_parked") as batch:
        batch.add_column(sa.Column("reason", sa.String(length=20), nullable=False, server_default="waiting"))
        batch.add_column(sa.Column("problem", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_parked") as batch:
        batch.drop_column("problem")
        batch.drop_column("reason")
