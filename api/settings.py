"""Configuration, read once from the environment (and an optional `.env` file)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEV_TOKENS = {"dev-rasa-token", "dev-admin-token", "dev-staff-secret"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=ROOT / ".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite:///{ROOT / 'var' / 'app.db'}"
    # Empty string disables Redis on purpose; an unreachable URL falls back with a warning.
    redis_url: str = "redis://127.0.0.1:6379/0"
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    rasa_url: str = "http://127.0.0.1:5005"
    # Comma-separated Rasa replicas sharing one tracker store and the Redis lock store;
    # empty means the single RASA_URL.
    rasa_urls: str = ""
    rasa_token: str = "dev-rasa-token"
    action_server_url: str = "http://127.0.0.1:5055"
    admin_token: str = "dev-admin-token"
    rasa_timeout_seconds: float = 30.0
    max_message_chars: int = 1000
    rate_limit_per_minute: int = 30
    cache_ttl_seconds: int = 300

    @model_validator(mode="after")
    def refuse_unsafe_production_defaults(self) -> "Settings":
        if self.environment == "production":
            unsafe = [
                name for name in ("rasa_token", "admin_token") if getattr(self, name) in DEV_TOKENS
            ]
            if unsafe:
                raise ValueError(f"set real secrets for {', '.join(unsafe)} in production")
        return self

    @property
    def rasa_replicas(self) -> list[str]:
        """Every Rasa server the gateway may relay to, in the configured order."""
        urls = [url.strip().rstrip("/") for url in self.rasa_urls.split(",") if url.strip()]
        return urls or [self.rasa_url.rstrip("/")]


@lru_cache
def get_settings() -> Settings:
    return Settings()
