import pytest

from bot.db.demo_data import load_demo_data
from bot.db.engine import get_engine, session_scope
from bot.db.models import Base
from bot.db.schema import upgrade_to_newest
from tests.postgres import running_postgres


@pytest.fixture(scope="session")
def postgres_url():
    with running_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An application database at the newest schema, on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'app.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    upgrade_to_newest(url)
    yield url
    if request.param == "postgresql":  # the server is shared by the whole session: leave it empty
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with get_engine(url).begin() as connection:
            connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture
def engine(database_url):
    return get_engine(database_url)


@pytest.fixture
def demo_engine(engine, database_url, monkeypatch):
    """The demo people on SQLite and PostgreSQL, with DATABASE_URL pointing at them for the actions."""
    with session_scope(engine) as session:
        load_demo_data(session)
    monkeypatch.setenv("DATABASE_URL", database_url)
    return engine
