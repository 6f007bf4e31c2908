"""Abuse limits: the client address (keyed hash) of code requests and attempts, indexes for the limits'
windows, and audit entries that keep a keyed hash of the conversation instead of its id.

Revision ID: 0004_abuse_limits
Revises: 0003_session_security
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from bot.identity.keyed_hash import keyed_hash

revision = '0004_abuse_limits'
down_revision = '0003_session_security'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('verification_codes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_key', sa.String(length=64), nullable=True))
        batch_op.drop_index('ix_verification_codes_id_key')
        batch_op.create_index('ix_verification_codes_id_key_created_at', ['id_key', 'created_at'], unique=False)
        batch_op.create_index('ix_verification_codes_client_key_created_at', ['client_key', 'created_at'],
                              unique=False)
    with op.batch_alter_table('verification_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_key', sa.String(length=64), nullable=True))
        batch_op.drop_index('ix_verification_attempts_id_key')
        batch_op.create_index('ix_verification_attempts_id_key_attempted_at', ['id_key', 'attempted_at'],
                              unique=False)

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conversation_key', sa.String(length=64), nullable=True))
    audit = sa.table('audit_log', sa.column('conversation_id', sa.String), sa.column('conversation_key', sa.String))
    connection = op.get_bind()
    for (conversation_id,) in connection.execute(sa.select(audit.c.conversation_id).distinct()).all():
        # The same keyed hash as bot.identity.audit.conversation_key.
        connection.execute(audit.update().where(audit.c.conversation_id == conversation_id)
                           .values(conversation_key=keyed_hash(f"conversation:{conversation_id}")))
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.alter_column('conversation_key', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index('ix_audit_log_conversation_key', ['conversation_key'], unique=False)
        batch_op.drop_column('conversation_id')


def downgrade() -> None:
    # The conversation ids are gone for good: older code gets their keyed hashes in their place.
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conversation_id', sa.String(length=255), nullable=True))
    op.execute('UPDATE audit_log SET conversation_id = conversation_key')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.alter_column('conversation_id', existing_type=sa.String(length=255), nullable=False)
        batch_op.drop_index('ix_audit_log_conversation_key')
        batch_op.drop_column('conversation_key')

    with op.batch_alter_table('verification_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_verification_attempts_id_key_attempted_at')
        batch_op.create_index('ix_verification_attempts_id_key', ['id_key'], unique=False)
        batch_op.drop_column('client_key')
    with op.batch_alter_table('verification_codes', schema=None) as batch_op:
        batch_op.drop_index('ix_verification_codes_client_key_created_at')
        batch_op.drop_index('ix_verification_codes_id_key_created_at')
        batch_op.create_index('ix_verification_codes_id_key', ['id_key'], unique=False)
        batch_op.drop_column('client_key')
