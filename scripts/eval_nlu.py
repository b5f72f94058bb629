"""Intent accuracy per language from a `rasa test nlu` run.

    python scripts/eval_nlu.py results/nlu tests/nlu/heldout.yml [bench/results/nlu_heldout.json]
    python scripts/eval_nlu.py results/nlu-cv data/nlu [bench/results/nlu_cv.json]   # cross-validation

Rasa writes only the errors (intent_errors.json); the totals come from the test file (or, for
cross-validation, from every file of the training data directory: each example is tested once).
A message counts as Chinese when it contains a Han character.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HAN = re.compile(r"[\u3400-\u9fff]")
EXAMPLE = re.compile(r"^\s*-\s+(.*)$")
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)|\[([^\]]+)\]\{[^}]+\}")


def language(text: str) -> str:
    return "zh" if HAN.search(text) else "en"


def examples(path: Path) -> list[tuple[str, str]]:
    if path.is_dir():
        return [found for file in sorted(path.glob("*.yml")) for found in examples(file)]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            match = EXAMPLE.match(line)
            if match:
                text = ANNOTATION.sub(lambda m: m.group(1) or m.group(2), match.group(1))
                found.append((block["intent"].split("/")[0], text))
    return found


def main() -> None:
    results, test_file = Path(sys.argv[1]), Path(sys.argv[2])
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    totals = Counter(language(text) for _, text in examples(test_file))
    error_file = results / "intent_errors.json"
    errors = json.loads(error_file.read_text(encoding="utf-8")) if error_file.exists() else []
    wrong = Counter(language(e["text"]) for e in errors)
    confusions = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    report = {
        lang: {
            "examples": totals[lang],
            "errors": wrong[lang],
            "accuracy": round(1 - wrong[lang] / totals[lang], 4) if totals[lang] else None,
        }
        for lang in ("zh", "en")
    }
    report["all"] = {
        "examples": sum(totals.values()),
        "errors": len(errors),
        "accuracy": round(1 - len(errors) / sum(totals.values()), 4),
    }
    report["top_confusions"] = [
        {"expected": a, "predicted": b, "count": n} for (a, b), n in confusions.most_common(12)
    ]
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
