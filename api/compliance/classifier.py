"""The second stage: a small trained model for paraphrases that no rule foresaw.

Rules stay the primary, explainable mechanism. The classifier only reads sentences in which
the rules found nothing at all (not even a negated or excused claim), and only reports a
violation when it is confident; it then names the rule it believes was broken, so every
finding still names a rule. It is a softmax regression over hashed character n-grams (Chinese)
and word n-grams (English) of the normalised text: no downloads, numpy only, trained by
api/compliance/training.py from the labelled corpus files and persisted beside
this module. rules.yml (`classifier:`) names the file, its SHA-256 and the threshold, so a
model change is a rule-set change with its own version.
"""

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from api.compliance.normalise import HAN, normalise

OK = "ok"
DIMENSIONS = 1 << 18
_CLAUSES = re.compile(r"[,.;:!?。\n]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_WORDS = re.compile(r"[a-z]+|\d+")
Floats = npt.NDArray[np.float32]


def features(text: str, *, normalised: bool = False) -> npt.NDArray[np.int64]:
    """Hashed feature indices of a text: character 1-4-grams holding Han characters or
    spanning 3+ characters, and English word 1-3-grams, per clause (so n-grams never join
    two clauses). `normalised`: the text is already normalised (api.compliance.normalise)."""
    grams: set[str] = set()
    for clause in _CLAUSES.split(text if normalised else normalise(text).text):
        padded = f"^{clause.strip()}$"
        for size in (1, 2, 3, 4):
            for index in range(len(padded) - size + 1):
                gram = padded[index : index + size]
                if size >= 3 or _HAN_CHAR.search(gram):
                    grams.add(gram)
        words = _WORDS.findall(clause)
        for size in (1, 2, 3):
            for index in range(len(words) - size + 1):
                grams.add("w:" + " ".join(words[index : index + size]))
    indices = {zlib.crc32(gram.encode("utf-8")) % DIMENSIONS for gram in grams}
    return np.fromiter(sorted(indices), dtype=np.int64, count=len(indices))


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # OK or a rule name


class SentenceClassifier:
    """Softmax regression: classes[0] is OK, the others are rule names."""

    def __init__(self, classes: Sequence[str], weights: Floats, bias: Floats) -> None:
        self.classes = list(classes)
        self.weights = weights  # DIMENSIONS × classes
        self.bias = bias

    def probabilities(self, text: str, *, normalised: bool = False) -> Floats:
        scores = self.weights[features(text, normalised=normalised)].sum(axis=0) + self.bias
        exp = np.exp(scores - scores.max())
        return exp / exp.sum()  # type: ignore[no-any-return]

    def predict(self, text: str, *, normalised: bool = False) -> tuple[float, str]:
        """P(violation) and the most likely rule."""
        probabilities = self.probabilities(text, normalised=normalised)
        rule = self.classes[1 + int(np.argmax(probabilities[1:]))]
        return float(1.0 - probabilities[0]), rule

    def save(self, path: Path) -> None:
        rows = np.flatnonzero(np.any(self.weights != 0, axis=1))
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            rows=rows.astype(np.int32),
            values=self.weights[rows].astype(np.float16),
            bias=self.bias.astype(np.float32),
        )

    @classmethod
    def load(cls, path: Path) -> "SentenceClassifier":
        with np.load(path) as data:
            classes = [str(name) for name in data["classes"]]
            weights = np.zeros((DIMENSIONS, len(classes)), dtype=np.float32)
            weights[data["rows"]] = data["values"].astype(np.float32)
            return cls(classes, weights, data["bias"].astype(np.float32))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(
    examples: Sequence[Example],
    rules: Sequence[str],
    *,
    epochs: int = 30,
    learning_rate: float = 0.5,
    l2: float = 1e-4,
    seed: int = 0,
) -> SentenceClassifier:
    """Plain SGD on the softmax loss; deterministic for a given seed and example order."""
    classes = [OK, *rules]
    weights = np.zeros((DIMENSIONS, len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    rows = [features(example.text) for example in examples]
    targets = [classes.index(example.label) for example in examples]
    order = np.random.default_rng(seed)
    for _ in range(epochs):
        for index in order.permutation(len(rows)):
            active = rows[index]
            scores = weights[active].sum(axis=0) + bias
            gradient = np.exp(scores - scores.max())
            gradient /= gradient.sum()
            gradient[targets[index]] -= 1.0
            step = learning_rate / np.sqrt(max(len(active), 1))
            weights[active] -= step * (gradient + l2 * weights[active])
            bias -= 0.1 * learning_rate * gradient
    return SentenceClassifier(classes, weights, bias)
