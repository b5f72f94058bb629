"""Wait until the API reports every service ready; with --announce, print the URLs and stay up.

Used as the `ready` process of the Procfile (honcho stops everything when a process
exits, so after announcing it simply waits) and by the end-to-end tests.
"""

import argparse
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.request


def readiness(base_url: str) -> dict:
    try:
        with urllib.request.urlopen(f"{base_url}/api/ready", timeout=3) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        return json.load(exc)
    except (OSError, ValueError):
        return {"status": "starting", "checks": {}}


def wait(base_url: str, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        state = readiness(base_url)
        if state.get("status") == "ready":
            return state
        waiting = sorted(k for k, v in state.get("checks", {}).items() if not v.get("ok"))
        summary = ", ".join(waiting) or "api"
        if summary != last:
            print(f"[ready] waiting for: {summary}", flush=True)
            last = summary
        time.sleep(2)
    raise SystemExit(f"[ready] not ready after {timeout:.0f}s: {readiness(base_url)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--announce", action="store_true")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    host = os.environ.get("API_HOST", "127.0.0.1")
    base_url = os.environ.get("PUBLIC_URL") or f"http://{host}:{os.environ.get('API_PORT', '8000')}"
    state = wait(base_url, args.timeout)
    if not args.announce:
        return
    redis = state["checks"].get("redis", {}).get("backend")
    print(
        "\n".join(
            [
                "",
                "  The assistant is ready.",
                f"  Customer chat      {base_url}/",
                f"  API docs (OpenAPI) {base_url}/docs",
                f"  Readiness          {base_url}/api/ready",
                f"  Redis              {'connected' if redis == 'redis' else 'in-process fallback'}",
                "  Press Ctrl-C to stop everything.",
                "",
            ]
        ),
        flush=True,
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
