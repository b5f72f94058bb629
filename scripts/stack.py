"""Start the whole assistant (API, Rasa, action server) as child processes, wait, stop.

Used by the end-to-end tests and the benchmark so both exercise the real path. Each run
gets its own SQLite files under the given directory and its own ports. `rasa_replicas=N`
starts N Rasa servers on consecutive ports from `rasa_port` (same model, same stores) and
tells the API about all of them (RASA_URLS); more than one needs PostgreSQL and Redis.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Stack:
    workdir: Path
    api_port: int = 18000
    rasa_port: int = 15005
    rasa_replicas: int = 1
    action_port: int = 15055
    redis_url: str = "redis://127.0.0.1:6379/0"
    database_url: str | None = None
    # Extra environment for the Rasa servers only (e.g. LOG_LEVEL_LIBRARIES for access logs).
    rasa_env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    rasa_processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[IO[bytes]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def rasa_url(self) -> str:
        """The first Rasa replica (the only one unless rasa_replicas > 1)."""
        return self.rasa_urls[0]

    @property
    def rasa_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{self.rasa_port + i}" for i in range(self.rasa_replicas)]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": self.database_url or f"sqlite:///{self.workdir / 'app.db'}",
                "REDIS_URL": self.redis_url,
                "API_PORT": str(self.api_port),
                "RASA_PORT": str(self.rasa_port),
                "ACTION_PORT": str(self.action_port),
                "RASA_URL": self.rasa_url,
                "RASA_URLS": ",".join(self.rasa_urls),
                "ACTION_SERVER_URL": f"http://127.0.0.1:{self.action_port}",
                "API_URL": self.base_url,
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "2",
                "PYTHONPATH": str(ROOT),
                "RATE_LIMIT_PER_MINUTE": env_or("RATE_LIMIT_PER_MINUTE", "100000"),
            }
        )
        if self.database_url is None:
            env["RASA_TRACKER_URL"] = f"sqlite:///{self.workdir / 'rasa.db'}"
        else:
            env.pop("RASA_TRACKER_URL", None)  # Rasa follows DATABASE_URL (bot/launch.py)
        return env

    def _spawn(
        self, name: str, args: list[str], extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop())
        self.logs.append(log)
        process = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**self.env(), **(extra_env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def rasa_log(self, replica: int) -> Path:
        """Replica `replica`'s output (0-based); `rasa.log` when there is only one."""
        return self.workdir / ("rasa.log" if self.rasa_replicas == 1 else f"rasa-{replica + 1}.log")

    def start(self, timeout: float = 420) -> Stack:
        if self.rasa_replicas > 1 and self.database_url is None:
            raise ValueError(
                "Rasa replicas share one tracker store: give a PostgreSQL database_url"
            )
        self.workdir.mkdir(parents=True, exist_ok=True)
        prestart = subprocess.run(
            [str(ROOT / ".venv/bin/python"), "-m", "api.prestart"],
            cwd=ROOT, env=self.env(), capture_output=True, text=True,
        )  # fmt: skip
        if prestart.returncode != 0:
            raise RuntimeError(f"prestart failed:\n{prestart.stdout}\n{prestart.stderr}")
        rasa_python = str(ROOT / ".venv-rasa/bin/python")
        self._spawn("actions", [rasa_python, "-m", "bot.launch", "actions"])
        for replica in range(self.rasa_replicas):
            self.rasa_processes.append(
                self._spawn(
                    self.rasa_log(replica).stem,
                    [rasa_python, "-m", "bot.launch", "rasa"],
                    {**self.rasa_env, "RASA_PORT": str(self.rasa_port + replica)},
                )
            )
        self._spawn(
            "api",
            [
                str(ROOT / ".venv/bin/uvicorn"),
                "api.main:app",
                "--port",
                str(self.api_port),
                "--log-level",
                "warning",
            ],
        )
        self.wait_ready(timeout)
        return self

    def readiness(self) -> dict:
        try:
            with urllib.request.urlopen(f"{self.base_url}/api/ready", timeout=3) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:
            return json.load(exc)
        except (OSError, ValueError):
            return {"status": "starting"}

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.readiness().get("status") == "ready":
                return
            dead = [p.args for p in self.processes if p.poll() is not None]
            if dead:
                self.stop()
                raise RuntimeError(
                    f"a service exited during start-up: {dead}; logs in {self.workdir}"
                )
            time.sleep(2)
        state = self.readiness()
        self.stop()
        raise RuntimeError(f"stack not ready after {timeout}s: {state}; logs in {self.workdir}")

    def stop_rasa_replica(self, replica: int) -> None:
        """Stop one Rasa server (0-based) and leave the rest running: a replica failing."""
        _terminate([self.rasa_processes[replica]])

    def stop(self) -> None:
        _terminate(self.processes)
        self.processes.clear()
        self.rasa_processes.clear()
        for log in self.logs:
            log.close()
        self.logs.clear()


def _terminate(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def env_or(name: str, default: str) -> str:
    return os.environ.get(name) or default


if __name__ == "__main__":
    stack = Stack(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "var" / "stack")).start()
    print(f"ready at {stack.base_url}; Ctrl-C stops")
    try:
        signal.pause()
    finally:
        stack.stop()
