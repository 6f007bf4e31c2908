"""Session security: opaque token subjects, absolute lifetimes, single-use tokens, sign-outs that stick.

Revision ID: 0003_session_security
Revises: 0002_records_identity
Create Date: 2026-12-02
"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0003_session_security'
down_revision = '0002_records_identity'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('insured_persons', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_ref', sa.String(length=32), nullable=True))
    persons = sa.table('insured_persons', sa.column('id', sa.Integer), sa.column('subject_ref', sa.String))
    connection = op.get_bind()
    for (person_id,) in connection.execute(sa.select(persons.c.id)).all():
        connection.execute(persons.update().where(persons.c.id == person_id)
                           .values(subject_ref=secrets.token_hex(16)))
    with op.batch_alter_table('insured_persons', schema=None) as batch_op:
        batch_op.alter_column('subject_ref', existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint('uq_insured_persons_subject_ref', ['subject_ref'])

    # Verifications made before this revision had no absolute end: they are ended, not extended.
    op.execute('DELETE FROM verified_conversations')
    with op.batch_alter_table('verified_conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False))
        batch_op.add_column(sa.Column('host_session_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_verified_conversations_host_session_key'), ['host_session_key'],
                              unique=False)

    op.create_table('used_identity_tokens',
    sa.Column('token_key', sa.String(length=64), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token_key')
    )
    op.create_table('signed_out_conversations',
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('signed_out_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('conversation_id')
    )


def downgrade() -> None:
    op.drop_table('signed_out_conversations')
    op.drop_table('used_identity_tokens')
    with op.batch_alter_table('verified_conversations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verified_conversations_host_session_key'))
        batch_op.drop_column('host_session_key')
        batch_op.drop_column('expires_at')
    with op.batch_alter_table('insured_persons', schema=None) as batch_op:
        batch_op.drop_constraint('uq_insured_persons_subject_ref', type_='unique')
        batch_op.drop_column('subject_ref')
