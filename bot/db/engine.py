"""One engine per process, created on first use (never at import time), and short sessions per request."""
import functools
import warnings
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session

from bot import settings


def get_engine(url: str | None = None) -> Engine:
    """The engine for url (default DATABASE_URL), created once per process."""
    return _engine_for(url or settings.database_url())


@functools.lru_cache(maxsize=None)
def _engine_for(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        # SQLite keeps NUMERIC(12,2) as a float; amounts below 10^10 yuan round-trip exactly at 2 decimals.
        warnings.filterwarnings("ignore", message=r"Dialect sqlite\+pysqlite does \*not\* support Decimal",
                                category=SAWarning)
    # hide_parameters: SQL errors and logs never carry the values (ID numbers, phones) of a statement.
    return create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session in a transaction: committed when the block ends, rolled back on error."""
    with Session(engine or get_engine(), future=True) as session, session.begin():
        yield session


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)
