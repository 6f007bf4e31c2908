import pytest

from bot.db.engine import get_engine
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
    if request.param == "postgresql":
        with get_engine(url).begin() as connection:
            connection.exec_driver_sql("TRUNCATE feedback")


@pytest.fixture
def engine(database_url):
    return get_engine(database_url)
