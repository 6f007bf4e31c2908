"""Alembic environment: runs the migrations against the URL that bot.db.schema passes in."""
from alembic import context
from sqlalchemy import create_engine

from bot.db.models import Base

config = context.config

engine = create_engine(config.get_main_option("sqlalchemy.url"), future=True)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
