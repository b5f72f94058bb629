"""Training the second-stage compliance classifier, and pinning it in rules.yml.

    .venv/bin/python -m api.compliance.training            # train, save, report
    .venv/bin/python -m api.compliance.training --pin      # ... and write its sha256 in rules.yml
    .venv/bin/python -m api.compliance.training --check    # retrain, compare with the file

Trains on the labelled corpus files below, compliant sentences expanded from templates.yml, and
the assistant's own safe texts (blocked reply, disclosures) as compliant examples.
Deterministic: the same files give the same model file. After training, pin its sha256 in
rules.yml (`--pin` does it) and bump `version`; the rule set refuses a model whose hash does
not match. A build-time tool: the API only loads the result (api/compliance/classifier.py).
"""

import argparse
import re
from pathlib import Path

import yaml

from api.compliance.classifier import OK, Example, sha256, train
from api.compliance.definitions import load_disclosures_file, load_rules_file
from api.compliance.evaluation import load_corpus
from api.compliance.normalise import normalise
from api.compliance.ruleset import DEFAULT_DISCLOSURES_PATH, DEFAULT_RULES_PATH, default_store

ROOT = Path(__file__).resolve().parents[2]

CORPUS_DIR = ROOT / "tests" / "compliance_corpus"
# Held-out and blind slices join once they are spent (scored once, then tuned on): heldout3.yml
# and tests/compliance_blind/blind.yml since 2025.11.6, tests/compliance_blind/blind2.yml
# (and the new paraphrases3.yml) since 2025.11.7. Never a slice still being measured
# (heldout4.yml, blind3.yml…): that would turn the measurement into training data.
TRAINING_FILES = [
    "corpus.yml",
    "heldout.yml",
    "heldout2.yml",
    "heldout3.yml",
    "paraphrases.yml",
    "paraphrases2.yml",
    "paraphrases3.yml",
    "assistant_texts.yml",
    "../compliance_blind/blind.yml",
    "../compliance_blind/blind2.yml",
]
MODEL_PATH = DEFAULT_RULES_PATH.parent / "classifier.npz"
SLOT = re.compile(r"\{(\w+)\}")
PINNED = re.compile(r"(?m)(^classifier:\n(?:  .*\n)*?  sha256: \")[0-9a-f]{64}")


def expand_templates(path: Path = CORPUS_DIR / "templates.yml", count: int = 10) -> list[str]:
    """Each template filled `count` times; slot i takes value (k + 3i) so combinations vary."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    slots: dict[str, list[str]] = data["slots"]
    texts = []
    for templates in data["templates"].values():
        for template in templates:
            names = list(dict.fromkeys(SLOT.findall(template)))
            for k in range(count):
                values = {
                    name: slots[name][(k + 3 * i) % len(slots[name])]
                    for i, name in enumerate(names)
                }
                texts.append(template.format(**values))
    return texts


# The assistant's own texts (product catalogue, glossary, questionnaire, replies) are the
# everyday language the model must leave alone; a snapshot of them is a corpus file of its
# own (assistant_texts.yml), refreshed with `--snapshot`, so training stays reproducible when
# those files change.
ASSISTANT_TEXT_FILES = [
    "domain.yml",
    "actions/texts.yml",
    "api/glossary/terms.yml",
    "api/illustration/wording.yml",
    "api/products/catalogue.yml",
    "api/suitability/wording.yml",
    "api/profiling/questionnaire.yml",
]
ASSISTANT_TEXTS = CORPUS_DIR / "assistant_texts.yml"
_HAN = re.compile("[\u4e00-\u9fff]")


def assistant_texts() -> list[tuple[str, str]]:
    """(text, lang) of every whole sentence in the assistant's own text files: no templates
    with slots, no keyword lists (what customers type), nothing shorter than three words."""
    found: dict[str, str] = {}

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, path)
        elif isinstance(node, str) and "keywords" not in path and "{" not in node:
            text = " ".join(node.split())
            lang = "zh" if _HAN.search(text) else "en"
            if (lang == "zh" and len(_HAN.findall(text)) >= 6) or len(text.split()) >= 3:
                found.setdefault(text, lang)

    for name in ASSISTANT_TEXT_FILES:
        walk(yaml.safe_load((ROOT / name).read_text(encoding="utf-8")), name)
    return list(found.items())


def write_assistant_texts() -> list[str]:
    """Refresh assistant_texts.yml; texts the rules themselves block are left out (listed)."""
    ruleset = default_store().current()
    kept: list[dict[str, str]] = []
    blocked: list[dict[str, str]] = []
    for text, lang in assistant_texts():
        flagged = any(not f.by_classifier for f in ruleset.find_violations(normalise(text), []))
        (blocked if flagged else kept).append({"text": text, "lang": lang, "label": "ok"})
    header = (
        "# The assistant's own texts (catalogue, glossary, questionnaire, replies): everyday\n"
        "# language that must pass. A snapshot written by `python -m api.compliance.training\n"
        "# --snapshot`; training data for the classifier and a false-positive check.\n"
    )
    body = yaml.safe_dump({"sentences": kept}, allow_unicode=True, width=1000, sort_keys=False)
    ASSISTANT_TEXTS.write_text(header + body, encoding="utf-8")
    return [item["text"] for item in blocked]


def training_examples(files: list[str] = TRAINING_FILES) -> list[Example]:
    examples = [Example(text, OK) for text in expand_templates()]
    for name in files:
        for sentence in load_corpus(CORPUS_DIR / name).sentences:
            label = OK if sentence.label == "ok" else sentence.rule
            if label:
                examples.append(Example(sentence.text, label))
    disclosures = load_disclosures_file(DEFAULT_DISCLOSURES_PATH)
    own = [disclosures.blocked_reply.zh, disclosures.blocked_reply.en]
    own += [text for d in disclosures.disclosures for text in (d.text.zh, d.text.en)]
    return examples + [Example(text, OK) for text in own]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="retrain and compare with the file")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--pin", action="store_true", help="write the new sha256 into rules.yml")
    parser.add_argument("--snapshot", action="store_true", help="refresh assistant_texts.yml first")
    arguments = parser.parse_args()
    if arguments.snapshot:
        for text in write_assistant_texts():
            print(f"left out (the rules block it): {text}")
    rules = [rule.name for rule in load_rules_file(DEFAULT_RULES_PATH).rules]
    model = train(training_examples(), rules)
    out = arguments.out.with_suffix(".check.npz") if arguments.check else arguments.out
    model.save(out)
    digest = sha256(out)
    if arguments.check:
        same = digest == sha256(arguments.out)
        out.unlink()
        print("reproduced" if same else f"DIFFERENT: {digest}")
        return 0 if same else 1
    print(f"written {out} ({out.stat().st_size // 1024} KiB)\nsha256: {digest}")
    if arguments.pin:
        text = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
        pinned, count = PINNED.subn(rf"\g<1>{digest}", text)
        if count != 1:
            print("rules.yml has no single `classifier: sha256:` line to update")
            return 1
        DEFAULT_RULES_PATH.write_text(pinned, encoding="utf-8")
        print("pinned in rules.yml: now bump its `version`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
