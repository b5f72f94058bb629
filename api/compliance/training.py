"""Training the second-stage compliance classifier, and pinning it in rules.yml.

    .venv/bin/python -m api.compliance.training            # train, save, report
    .venv/bin/python -m api.compliance.training --pin      # ... and write its sha256 in rules.yml
    .venv/bin/python -m api.compliance.training --check    # retrain, compare with the file

Trains on the labelled corpus files below (never on heldout3.yml or later held-out slices,
which exist to measure generalisation), compliant sentences expanded from templates.yml, and
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
from api.compliance.ruleset import DEFAULT_DISCLOSURES_PATH, DEFAULT_RULES_PATH

ROOT = Path(__file__).resolve().parents[2]

CORPUS_DIR = ROOT / "tests" / "compliance_corpus"
TRAINING_FILES = ["corpus.yml", "heldout.yml", "heldout2.yml", "paraphrases.yml"]
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
    arguments = parser.parse_args()
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
