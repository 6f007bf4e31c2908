"""Insurance records (persons, accounts, movements, claims, contributions) and the identity check tables.

Revision ID: 0002_records_identity
Revises: 0001_feedback
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_records_identity'
down_revision = '0001_feedback'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=32), nullable=True),
    sa.Column('detail', sa.String(length=255), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('identity_locks',
    sa.Column('id_key', sa.String(length=64), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id_key')
    )
    op.create_table('institutions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=64), nullable=False),
    sa.Column('name_en', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('city', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('insured_persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('name_zh', sa.String(length=32), nullable=False),
    sa.Column('name_en', sa.String(length=64), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('city', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('insurance_type', sa.String(length=16), nullable=False),
    sa.Column('employment_status', sa.String(length=16), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_since', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('id_number')
    )
    op.create_table('sms_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('verification_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_key', sa.String(length=64), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('attempted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('succeeded', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('verification_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_attempts_id_key'), ['id_key'], unique=False)

    op.create_table('account_movements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('personal_account_paid', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('pooling_paid', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('cash_paid', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('balance_after', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['insured_persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('account_movements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_movements_person_id'), ['person_id'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=24), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('admission_date', sa.Date(), nullable=False),
    sa.Column('discharge_date', sa.Date(), nullable=False),
    sa.Column('total_cost', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('self_funded', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('deductible', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('payment_ratio', sa.Numeric(precision=4, scale=3), nullable=False),
    sa.Column('pooling_paid', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('personal_account_paid', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('cash_paid', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['insured_persons.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_person_id'), ['person_id'], unique=False)

    op.create_table('contributions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('employer_part', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('employee_part', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('resident_premium', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('account_credit', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['insured_persons.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'period')
    )
    with op.batch_alter_table('contributions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contributions_person_id'), ['person_id'], unique=False)

    op.create_table('personal_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('balance', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['insured_persons.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id')
    )
    op.create_table('verification_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('id_key', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('code_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['insured_persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('verification_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_codes_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verification_codes_id_key'), ['id_key'], unique=False)

    op.create_table('verified_conversations',
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_active_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['insured_persons.id'], ),
    sa.PrimaryKeyConstraint('conversation_id')
    )


def downgrade() -> None:
    op.drop_table('verified_conversations')
    with op.batch_alter_table('verification_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_codes_id_key'))
        batch_op.drop_index(batch_op.f('ix_verification_codes_conversation_id'))

    op.drop_table('verification_codes')
    op.drop_table('personal_accounts')
    with op.batch_alter_table('contributions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contributions_person_id'))

    op.drop_table('contributions')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_person_id'))

    op.drop_table('claims')
    with op.batch_alter_table('account_movements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_movements_person_id'))

    op.drop_table('account_movements')
    with op.batch_alter_table('verification_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_attempts_id_key'))

    op.drop_table('verification_attempts')
    op.drop_table('sms_outbox')
    op.drop_table('insured_persons')
    op.drop_table('institutions')
    op.drop_table('identity_locks')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
