"""Creates or upgrades the application schema with the Alembic migrations in migrations/.

    python -m bot.db.schema        # upgrade DATABASE_URL to the newest revision, then load the demo
                                   # people once (unless LOAD_DEMO_DATA=false)
"""
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from bot import settings
from bot.db.demo_data import load_demo_data
from bot.db.engine import get_engine, safe_url, session_scope

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # ConfigParser interpolation
    return config


def upgrade_to_newest(url: str | None = None) -> None:
    url = url or settings.database_url()
    database = make_url(url).database
    if make_url(url).get_backend_name() == "sqlite" and database:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(_alembic_config(url), "head")


def main() -> None:
    settings.require_production_secrets()  # before anything is hashed with a public development key
    url = settings.database_url()
    upgrade_to_newest(url)
    print(f"Database schema is up to date: {safe_url(url)}")
    if settings.load_demo_data():
        with session_scope(get_engine(url)) as session:
            added = load_demo_data(session)
        print("Demo people loaded (see README)" if added else "Demo people already present")


if __name__ == "__main__":
    main()
