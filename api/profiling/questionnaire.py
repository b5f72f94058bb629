"""The risk questionnaire as data: loads `questionnaire.yml` and refuses a malformed file.

Every problem is reported with the question and option it concerns, so a compliance
officer who edits the YAML sees at start-up exactly what to fix.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
LEVEL_IDS = ("C1", "C2", "C3", "C4", "C5")
MAX_TOTAL = 100
MIN_QUESTIONS = 12
NUMBER_KINDS = {"age", "percent", "years", "months", "cny"}
HINT_KEYS = {"age", "horizon_months", "objective", "liquidity_need"}
OBJECTIVES = {"preserve", "income", "balanced", "growth", "aggressive"}
LIQUIDITY_NEEDS = {"high", "medium", "low"}
QUESTIONNAIRE_FILE = Path(__file__).with_name("questionnaire.yml")
# Result texts the service fills in, with the placeholders each must use.
RESULT_TEXTS = {
    "summary": {"score", "level", "label"},
    "lowest_category": {"reasons"},
    "validity": {"valid_until"},
    "expired": {"valid_until"},
    "missing": set(),
}


class QuestionnaireError(ValueError):
    """The questionnaire file is malformed; the message names the question and option."""


@dataclass(frozen=True)
class NumberRange:
    low: float
    high: float | None  # None: no upper bound

    def contains(self, value: float) -> bool:
        return value >= self.low and (self.high is None or value <= self.high)


@dataclass(frozen=True)
class Option:
    id: str
    text: dict[str, str]
    score: int
    keywords: dict[str, tuple[str, ...]]
    range: NumberRange | None = None
    lowest_category: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    id: str
    text: dict[str, str]
    why: dict[str, str]
    options: tuple[Option, ...]
    number: str | None = None
    several_matches: Literal["longest_keyword", "highest_score"] = "longest_keyword"

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def max_score(self) -> int:
        return max(o.score for o in self.options)


@dataclass(frozen=True)
class LevelBand:
    id: str
    low: int
    high: int
    label: dict[str, str]


@dataclass(frozen=True)
class Questionnaire:
    version: str
    questions: tuple[Question, ...]
    levels: tuple[LevelBand, ...]
    triggers: dict[str, dict[str, str]]  # trigger id -> reason text by language
    result_texts: dict[str, dict[str, str]]  # text id -> template by language

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def band(self, level_id: str) -> LevelBand:
        return next(b for b in self.levels if b.id == level_id)


def _text(raw: dict[str, Any], key: str, where: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for lang in LANGS:
        value = raw.get(f"{key}_{lang}")
        if not isinstance(value, str) or not value.strip():
            raise QuestionnaireError(f"{where}: missing or empty {key}_{lang}")
        texts[lang] = value.strip()
    return texts


def _keywords(raw: dict[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    keywords: dict[str, tuple[str, ...]] = {}
    for lang in LANGS:
        value = raw.get(f"keywords_{lang}", [])
        if not isinstance(value, list) or not all(isinstance(k, str) and k for k in value):
            raise QuestionnaireError(f"{where}: keywords_{lang} must be a list of phrases")
        keywords[lang] = tuple(value)
    return keywords


def _range(raw: Any, where: str) -> NumberRange:
    if not isinstance(raw, dict) or "min" not in raw or "max" not in raw:
        raise QuestionnaireError(f"{where}: range needs min and max (max may be null)")
    low, high = raw["min"], raw["max"]
    if not isinstance(low, int | float) or not (high is None or isinstance(high, int | float)):
        raise QuestionnaireError(f"{where}: range min/max must be numbers")
    if high is not None and high < low:
        raise QuestionnaireError(f"{where}: range max {high} is below min {low}")
    return NumberRange(float(low), None if high is None else float(high))


def _hints(raw: Any, where: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not set(raw) <= HINT_KEYS:
        raise QuestionnaireError(f"{where}: hints may only hold {sorted(HINT_KEYS)}")
    if "objective" in raw and raw["objective"] not in OBJECTIVES:
        raise QuestionnaireError(f"{where}: objective must be one of {sorted(OBJECTIVES)}")
    if "liquidity_need" in raw and raw["liquidity_need"] not in LIQUIDITY_NEEDS:
        raise QuestionnaireError(
            f"{where}: liquidity_need must be one of {sorted(LIQUIDITY_NEEDS)}"
        )
    for key in ("age", "horizon_months"):
        if key in raw and not isinstance(raw[key], int):
            raise QuestionnaireError(f"{where}: {key} must be a whole number")
    return dict(raw)


def _option(raw: Any, question: dict[str, Any], triggers: dict[str, Any]) -> Option:
    qid = question.get("id")
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise QuestionnaireError(f"question {qid}: every option needs a string id")
    where = f"question {qid} option {raw['id']!r}"
    score = raw.get("score")
    if not isinstance(score, int) or isinstance(score, bool) or score < 0:
        raise QuestionnaireError(f"{where}: score must be a whole number >= 0")
    trigger = raw.get("lowest_category")
    if trigger is not None and trigger not in triggers:
        raise QuestionnaireError(f"{where}: unknown lowest_category trigger {trigger!r}")
    number_range = raw.get("range")
    if number_range is not None and not question.get("number"):
        raise QuestionnaireError(f"{where}: has a range but the question has no `number` kind")
    return Option(
        id=raw["id"],
        text=_text(raw, "text", where),
        score=score,
        keywords=_keywords(raw, where),
        range=_range(number_range, where) if number_range is not None else None,
        lowest_category=trigger,
        hints=_hints(raw.get("hints"), where),
    )


def _check_ranges(question: Question) -> None:
    ranged = [o for o in question.options if o.range is not None]
    for i, first in enumerate(ranged):
        for second in ranged[i + 1 :]:
            assert first.range and second.range
            top = min(
                first.range.high if first.range.high is not None else float("inf"),
                second.range.high if second.range.high is not None else float("inf"),
            )
            if top - max(first.range.low, second.range.low) > 0:
                raise QuestionnaireError(
                    f"question {question.id}: ranges of options {first.id!r} and "
                    f"{second.id!r} overlap"
                )


def _question(raw: Any, triggers: dict[str, Any]) -> Question:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise QuestionnaireError("every question needs a string id")
    where = f"question {raw['id']}"
    number = raw.get("number")
    if number is not None and number not in NUMBER_KINDS:
        raise QuestionnaireError(f"{where}: number must be one of {sorted(NUMBER_KINDS)}")
    several = raw.get("several_matches", "longest_keyword")
    if several not in ("longest_keyword", "highest_score"):
        raise QuestionnaireError(
            f"{where}: several_matches must be longest_keyword or highest_score"
        )
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise QuestionnaireError(f"{where}: needs at least two options")
    options = tuple(_option(o, raw, triggers) for o in raw_options)
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        raise QuestionnaireError(f"{where}: duplicate option ids {ids}")
    if min(o.score for o in options) != 0:
        raise QuestionnaireError(f"{where}: the lowest option must score 0")
    question = Question(
        id=raw["id"],
        text=_text(raw, "text", where),
        why=_text(raw, "why", where),
        options=options,
        number=number,
        several_matches=several,
    )
    _check_ranges(question)
    return question


def _levels(raw: Any, max_total: int) -> tuple[LevelBand, ...]:
    if not isinstance(raw, list) or [b.get("id") for b in raw] != list(LEVEL_IDS):
        raise QuestionnaireError(f"levels must list {', '.join(LEVEL_IDS)} in order")
    bands = tuple(
        LevelBand(b["id"], int(b["min"]), int(b["max"]), _text(b, "label", f"level {b['id']}"))
        for b in raw
    )
    expected_low = 0
    for band in bands:
        if band.low != expected_low or band.high < band.low:
            raise QuestionnaireError(f"level {band.id}: must start at {expected_low}")
        expected_low = band.high + 1
    if bands[-1].high != max_total:
        raise QuestionnaireError(f"level C5 must end at {max_total}")
    return bands


def _result_texts(raw: Any) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        raise QuestionnaireError("missing result_texts")
    texts: dict[str, dict[str, str]] = {}
    for key, placeholders in RESULT_TEXTS.items():
        entry = raw.get(key)
        if not isinstance(entry, dict):
            raise QuestionnaireError(f"result_texts.{key}: missing")
        for lang in LANGS:
            template = entry.get(lang)
            if not isinstance(template, str) or not template:
                raise QuestionnaireError(f"result_texts.{key}: missing {lang}")
            used = set(re.findall(r"{(\w+)}", template))
            if used != placeholders:
                raise QuestionnaireError(
                    f"result_texts.{key}.{lang}: placeholders {sorted(used)} should be "
                    f"{sorted(placeholders)}"
                )
        texts[key] = {lang: entry[lang] for lang in LANGS}
    return texts


def parse_questionnaire(data: Any) -> Questionnaire:
    if not isinstance(data, dict):
        raise QuestionnaireError("the questionnaire file must be a mapping")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise QuestionnaireError("missing version string")
    triggers = data.get("lowest_category_triggers") or {}
    for trigger_id, texts in triggers.items():
        if not isinstance(texts, dict) or not all(texts.get(lang) for lang in LANGS):
            raise QuestionnaireError(f"lowest_category trigger {trigger_id}: needs zh and en")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or len(raw_questions) < MIN_QUESTIONS:
        raise QuestionnaireError(f"the questionnaire needs at least {MIN_QUESTIONS} questions")
    questions = tuple(_question(q, triggers) for q in raw_questions)
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise QuestionnaireError(f"duplicate question ids in {ids}")
    total = sum(q.max_score for q in questions)
    if total != MAX_TOTAL:
        raise QuestionnaireError(f"the highest scores add up to {total}, not {MAX_TOTAL}")
    used = {o.lowest_category for q in questions for o in q.options if o.lowest_category}
    unused = set(triggers) - used
    if unused:
        raise QuestionnaireError(f"lowest_category triggers never tagged on an option: {unused}")
    return Questionnaire(
        version=version,
        questions=questions,
        levels=_levels(data.get("levels"), MAX_TOTAL),
        triggers={k: {lang: v[lang] for lang in LANGS} for k, v in triggers.items()},
        result_texts=_result_texts(data.get("result_texts")),
    )


def load_questionnaire(path: Path = QUESTIONNAIRE_FILE) -> Questionnaire:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise QuestionnaireError(f"cannot read {path}: {exc}") from exc
    try:
        return parse_questionnaire(data)
    except QuestionnaireError as exc:
        raise QuestionnaireError(f"{path.name}: {exc}") from exc


@lru_cache(maxsize=1)
def get_questionnaire() -> Questionnaire:
    """The questionnaire in force (read once; the router loads it at start-up)."""
    return load_questionnaire()
