"""Server tables: clinics, enrollment codes and throttle, devices, applied operations,
records, change feed, sync exceptions.

Revision ID: 0001
Revises: None

Timestamps are ISO-8601 UTC text (``bnaura_desk.store.types.UtcDateTime``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('clinics',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('last_cursor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinics')),
    sa.UniqueConstraint('name', name=op.f('uq_clinics_name'))
    )
    op.create_table('enrollment_throttle',
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('window_start', sa.String(length=32), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_enrollment_throttle'))
    )
    op.create_table('changes',
    sa.Column('clinic_id', sa.String(length=36), nullable=False),
    sa.Column('cursor', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_changes_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('clinic_id', 'cursor', name=op.f('pk_changes'))
    )
    op.create_table('devices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('clinic_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.String(length=32), nullable=False),
    sa.Column('last_seen_at', sa.String(length=32), nullable=True),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.Column('next_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_devices_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_devices_token_sha256'))
    )
    op.create_index(op.f('ix_devices_clinic_id'), 'devices', ['clinic_id'], unique=False)
    op.create_table('enrollment_codes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('clinic_id', sa.String(length=36), nullable=False),
    sa.Column('code_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('expires_at', sa.String(length=32), nullable=False),
    sa.Column('used_at', sa.String(length=32), nullable=True),
    sa.Column('used_by_device', sa.String(length=36), nullable=True),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_enrollment_codes_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment_codes')),
    sa.UniqueConstraint('code_sha256', name=op.f('uq_enrollment_codes_code_sha256'))
    )
    op.create_index(op.f('ix_enrollment_codes_clinic_id'), 'enrollment_codes', ['clinic_id'], unique=False)
    op.create_table('records',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('clinic_id', sa.String(length=36), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('field_clocks', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_records_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('entity', 'id', name=op.f('pk_records'))
    )
    op.create_index(op.f('ix_records_clinic_id'), 'records', ['clinic_id'], unique=False)
    op.create_table('sync_exceptions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('clinic_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('resolved_at', sa.String(length=32), nullable=True),
    sa.Column('resolved_by', sa.String(length=36), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_sync_exceptions_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_exceptions'))
    )
    op.create_index('ix_sync_exceptions_clinic_open', 'sync_exceptions', ['clinic_id', 'resolved_at'], unique=False)
    op.create_table('applied_operations',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('clinic_id', sa.String(length=36), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=80), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('payload_sha256', sa.String(length=64), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=60), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('applied_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_applied_operations_clinic_id_clinics')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_applied_operations_device_id_devices')),
    sa.PrimaryKeyConstraint('device_id', 'seq', name=op.f('pk_applied_operations')),
    sa.UniqueConstraint('op_id', name=op.f('uq_applied_operations_op_id'))
    )
    op.create_index(op.f('ix_applied_operations_clinic_id'), 'applied_operations', ['clinic_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_applied_operations_clinic_id'), table_name='applied_operations')
    op.drop_table('applied_operations')
    op.drop_index('ix_sync_exceptions_clinic_open', table_name='sync_exceptions')
    op.drop_table('sync_exceptions')
    op.drop_index(op.f('ix_records_clinic_id'), table_name='records')
    op.drop_table('records')
    op.drop_index(op.f('ix_enrollment_codes_clinic_id'), table_name='enrollment_codes')
    op.drop_table('enrollment_codes')
    op.drop_index(op.f('ix_devices_clinic_id'), table_name='devices')
    op.drop_table('devices')
    op.drop_table('changes')
    op.drop_table('enrollment_throttle')
    op.drop_table('clinics')
