"""Before the API starts: wait for the database, migrate it (Alembic), load seed data."""

import logging
import sys
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from api.db import make_engine, make_sessionmaker, normalise_url, unit_of_work
from api.seed import seed_all
from api.settings import get_settings

log = logging.getLogger("prestart")
ROOT = Path(__file__).resolve().parent.parent


def wait_for_database(url: str, attempts: int = 30) -> None:
    engine = make_engine(url)
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return
        except Exception as exc:
            log.info(
                "database not ready (%s), attempt %d/%d", exc.__class__.__name__, attempt, attempts
            )
            time.sleep(1)
    raise SystemExit(f"database at {url} did not become ready")


def migrate(url: str) -> None:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "api" / "migrations"))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    config.attributes["skip_logging"] = True  # keep our log format and level (progress shown)
    command.upgrade(config, "head")


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    settings = get_settings()
    wait_for_database(settings.database_url)
    migrate(settings.database_url)
    engine = make_engine(settings.database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        for line in seed_all(session):
            log.info("seed: %s", line)
    log.info("database ready at %s", engine.url.render_as_string(hide_password=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
