"""Feedback answers ("was this helpful?").

Revision ID: 0001_feedback
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_feedback"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("topic", sa.String(64), nullable=True),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(2), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("feedback")
