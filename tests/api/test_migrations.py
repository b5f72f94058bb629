"""The Alembic migrations build exactly the tables the models describe."""

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

import api.models
from api.db import make_engine

ROOT = Path(__file__).resolve().parents[2]


def test_upgrade_head_matches_the_models(database_url: str, engine: Engine, tmp_path: Path) -> None:
    # A fresh database of the same backend: SQLite file, or a new PostgreSQL schema.
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'migrated.db'}"
    else:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS migrated CASCADE"))
            connection.execute(text("CREATE SCHEMA migrated"))
        url = (
            database_url
            + ("&" if "?" in database_url else "?")
            + "options=-csearch_path%3Dmigrated"
        )
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "api" / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["skip_logging"] = True
    command.upgrade(config, "head")
    migrated = make_engine(url)
    with migrated.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), api.models.metadata)
    migrated.dispose()
    assert differences == []
