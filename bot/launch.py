"""Start the Rasa server or the action server with settings from the environment.

Renders the root `endpoints.yml` into `var/endpoints-<RASA_PORT>.yml`: the tracker store follows
DATABASE_URL (SQLite file by default, PostgreSQL when configured) and the Redis lock
store is used when Redis answers; otherwise the single-node fallback is announced.

    python -m bot.launch rasa       # Rasa server, HTTP API on 127.0.0.1 with a token
    python -m bot.launch actions    # action server (actions/ package)
    python -m bot.launch endpoints  # only render var/endpoints-<port>.yml (rasa test/shell)
"""

import os
import re
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def tracker_url() -> str:
    explicit = os.environ.get("RASA_TRACKER_URL")
    if explicit:
        return explicit
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgresql", "postgres")):
        # Same server and database as the API; Rasa keeps its own `events` table.
        scheme, rest = database_url.split("://", 1)
        return f"postgresql://{rest}" if "+" in scheme or scheme == "postgres" else database_url
    return f"sqlite:///{VAR / 'rasa.db'}"


def redis_reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def render_endpoints() -> Path:
    template = (ROOT / "endpoints.yml").read_text(encoding="utf-8")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    parts = urlsplit(redis_url) if redis_url else None
    host = parts.hostname if parts else None
    port = parts.port or 6379 if parts else 6379
    use_redis = bool(host) and redis_reachable(host or "", port)
    if not use_redis:
        print(
            f"[launch] Redis not reachable at {redis_url or '(disabled)'}: Rasa uses its "
            "in-memory lock store (single Rasa process only)",
            file=sys.stderr,
        )
        template = re.sub(r"\nlock_store:\n(?:  .*\n?)+", "\n", template)
    action_port = _env("ACTION_PORT", "5055")
    values = {
        "ACTION_SERVER_URL": _env("ACTION_SERVER_URL", f"http://127.0.0.1:{action_port}"),
        "RASA_TRACKER_URL": tracker_url(),
        "REDIS_HOST": host or "localhost",
        "REDIS_PORT": str(port),
        "REDIS_LOCK_DB": (parts.path.strip("/") or "0") if parts else "0",
    }
    rendered = re.sub(r"\$\{(\w+)\}", lambda m: values[m.group(1)], template)
    VAR.mkdir(exist_ok=True)
    # One file per Rasa port, written atomically: replicas and parallel stacks never race.
    target = VAR / f"endpoints-{_env('RASA_PORT', '5005')}.yml"
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(rendered, encoding="utf-8")
    partial.replace(target)
    return target


def run_rasa() -> None:
    endpoints = render_endpoints()
    args = [
        "rasa", "run",
        "--enable-api",
        "--auth-token", _env("RASA_TOKEN", "dev-rasa-token"),
        "--interface", _env("RASA_HOST", "127.0.0.1"),
        "--port", _env("RASA_PORT", "5005"),
        "--endpoints", str(endpoints),
        "--credentials", str(ROOT / "credentials.yml"),
        "--model", _env("RASA_MODEL", str(ROOT / "models")),
        "--response-timeout", "60",
    ]  # fmt: skip
    os.execv(sys.executable, [sys.executable, "-m", *args])


def run_actions() -> None:
    args = ["rasa_sdk", "--actions", "actions", "--port", _env("ACTION_PORT", "5055")]
    os.environ.setdefault("API_URL", f"http://127.0.0.1:{_env('API_PORT', '8000')}")
    # Internal service: listen on loopback unless told otherwise (rasa_sdk reads SANIC_HOST).
    os.environ["SANIC_HOST"] = _env("ACTION_HOST", "127.0.0.1")
    os.execv(sys.executable, [sys.executable, "-m", *args])


def main(argv: list[str]) -> None:
    os.chdir(ROOT)
    command = argv[1] if len(argv) > 1 else ""
    if command == "rasa":
        run_rasa()
    elif command == "actions":
        run_actions()
    elif command == "endpoints":
        print(render_endpoints())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
