"""Load benchmark: simulated customers chatting through the gateway, and straight at Rasa.

Each customer holds a short scripted conversation (one language each, alternating);
customers run concurrently, messages within a conversation run in order, as in real use.
Writes latency percentiles and throughput to bench/results/ and the README's table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"

SCRIPTS = {
    "zh": [
        "你好",
        "日日盈货币基金的收益怎么样",
        "有哪些低风险的产品",
        "赎回多久到账",
        "谢谢，再见",
    ],
    "en": [
        "hello",
        "what is the yield of DailyPlus",
        "show me low risk products",
        "how long does redemption take",
        "thanks, bye",
    ],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def customer(
    client: httpx.AsyncClient, url: str, number: int, latencies: list[float], errors: list[str]
) -> None:
    lang = "zh" if number % 2 == 0 else "en"
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    for text in SCRIPTS[lang]:
        started = time.perf_counter()
        try:
            response = await client.post(
                url, json={"sender": sender, "message": text, "metadata": {"language": lang}}
            )
            ok = (
                response.status_code == 200
                and isinstance(response.json(), list)
                and response.json()
            )
        except httpx.HTTPError as exc:
            ok, response = False, None
            errors.append(exc.__class__.__name__)
        latencies.append((time.perf_counter() - started) * 1000)
        if not ok and response is not None:
            errors.append(f"HTTP {response.status_code}")


async def run_load(url: str, customers: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=customers, max_keepalive_connections=customers)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(
            *(customer(client, url, n, latencies, errors) for n in range(customers))
        )
        elapsed = time.perf_counter() - started
    return {
        "messages": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "seconds": round(elapsed, 2),
        "throughput_msgs_per_s": round(len(latencies) / elapsed, 2),
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
    }


def update_readme(result: dict) -> None:
    if not README.exists():
        return
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in text or end not in text:
        return
    rows = [
        "| path | customers | messages | p50 ms | p95 ms | p99 ms | msgs/s | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, label in (
        ("gateway", "`POST /api/chat` (gateway → Rasa → actions → API)"),
        ("rasa", "Rasa REST webhook directly"),
    ):
        if name in result["targets"]:
            r = result["targets"][name]
            rows.append(
                f"| {label} | {result['customers']} | {r['messages']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['throughput_msgs_per_s']} | {r['errors']} |"
            )
    rows.append(
        f"\nMeasured {result['measured_at']} on {result['machine']} by `make bench`; raw figures in `bench/results/latest.json`."
    )
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    README.write_text(f"{before}{start}\n" + "\n".join(rows) + f"\n{end}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.add_argument("--customers", type=int, default=20)
    parser.add_argument("--targets", default="gateway,rasa")
    args = parser.parse_args()
    urls = {"gateway": f"{args.api}/api/chat", "rasa": f"{args.rasa}/webhooks/rest/webhook"}
    result = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "customers": args.customers,
        "messages_per_customer": len(SCRIPTS["zh"]),
        "targets": {},
    }
    for target in args.targets.split(","):
        asyncio.run(run_load(urls[target], 2))  # warm-up: model caches, connections
        result["targets"][target] = asyncio.run(run_load(urls[target], args.customers))
        print(f"{target:8s} {json.dumps(result['targets'][target])}", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for path in (RESULTS / f"chat-{stamp}.json", RESULTS / "latest.json"):
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    update_readme(result)


if __name__ == "__main__":
    main()
