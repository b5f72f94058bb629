"""`FinanceEntityExtractor`: rule-based entities with normalised values, zh and en.

| entity           | value              | e.g.                                  |
|------------------|--------------------|---------------------------------------|
| `amount`         | CNY, int or float  | 5万, 50k, ¥3,000, 1.5 million, 十万元  |
| `duration`       | whole months, int  | 3个月, 半年, 一年半, 2 yrs, 90天        |
| `age`            | years, int         | 65岁, 今年六十五, I'm 65, aged 70      |
| `risk_level`     | "R1".."R5"         | R3, r2, R3级, PR1                       |
| `investor_level` | "C1".."C5"         | C4, 稳健型, balanced investor           |
| `product`        | catalogue code     | a code, name or alias, either script   |
| `product_type`   | canonical type     | 货币基金, 债基, ETF, CDs, 大额存单       |
| `number` (opt-in)| int or float       | 72, 20000, 七十二 (nothing else fits)   |

The text is normalised and tokenised into a spaCy Doc (bot/span_doc.py); the
Matcher and PhraseMatcher rules of bot/quantities.py, bot/levels.py and
bot/entity_phrases.py propose candidates; where candidates overlap the longest
wins, so "DailyPlus货币基金" is one product, not a product plus a type. `start`
and `end` point at the customer's original text; `value` is normalised.
Entities of other extractors are left untouched.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.matcher import Matcher

from bot import ages, levels, quantities
from bot.entity_phrases import PRODUCT_TYPES_PATH, PhraseRules, type_phrases
from bot.product_names import product_phrases
from bot.span_doc import Candidate, SpanDoc, make_span_doc

logger = logging.getLogger(__name__)

# On equal length the earlier type wins. A catalogue alias that is also a type word
# (大额存单, 纯债基金) is read as the type: the customer may mean any product of it.
ENTITY_TYPES = (
    "product_type",
    "product",
    "amount",
    "duration",
    "age",
    "investor_level",
    "risk_level",
    "number",
)
# `number` (a number that is none of the above) is for forms that ask for a value;
# it is not part of the NLU contract, so it is emitted only when configured.
DEFAULT_ENTITIES = ENTITY_TYPES[:-1]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class FinanceEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts amounts, durations, ages, levels, products and product types by rule."""

    LEXICON_FILE = "lexicon.json"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # product codes, names and aliases (relative to the project root)
            "catalogue_path": "api/products/catalogue.yml",
            # product type phrases
            "product_types_path": PRODUCT_TYPES_PATH,
            # which entities to emit; add "number" for bare numbers
            "entities": list(DEFAULT_ENTITIES),
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["spacy", "zhconv"]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        products: dict[str, str] | None = None,
        types: dict[str, str | None] | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.products = (
            products if products is not None else product_phrases(self._config["catalogue_path"])
        )
        self.types = (
            types if types is not None else type_phrases(self._config["product_types_path"])
        )
        self._emitted = frozenset(self._config["entities"])
        self._vocab = spacy.blank("xx").vocab
        self._matcher = Matcher(self._vocab)
        quantities.add_patterns(self._matcher)
        ages.add_patterns(self._matcher)
        levels.add_patterns(self._matcher)
        self._phrases = PhraseRules(self._vocab, self.products, self.types)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FinanceEntityExtractor:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Nothing to learn: saves the phrase lists so the model runs without the files."""
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            lexicon = {"products": self.products, "product_types": self.types}
            (directory / self.LEXICON_FILE).write_text(
                json.dumps(lexicon, ensure_ascii=False, sort_keys=True), encoding="utf-8"
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> FinanceEntityExtractor:
        """The saved phrase lists; products from the live catalogue when it is readable,
        so a product added or renamed since training is recognised without retraining."""
        config = {**cls.get_default_config(), **config}
        try:
            with model_storage.read_from(resource) as directory:
                saved = json.loads((directory / cls.LEXICON_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.debug("%s has no saved lexicon; reading its source files", cls.__name__)
            return cls(config, model_storage, resource)
        live_products = product_phrases(config["catalogue_path"])
        return cls(
            config,
            model_storage,
            resource,
            products=live_products or saved["products"],
            types=saved["product_types"],
        )

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text:
                continue
            extracted = self.add_extractor_name(self.extract(text))
            message.set(ENTITIES, message.get(ENTITIES, []) + extracted, add_to_output=True)
        return messages

    def extract(self, text: str) -> list[dict[str, Any]]:
        """Entities in `text`, as Rasa entity dicts without the extractor name."""
        sd = make_span_doc(self._vocab, text)
        candidates = [c for c in self._candidates(sd) if not sd.cuts_a_word(c.start, c.end)]
        return [
            {
                ENTITY_ATTRIBUTE_TYPE: candidate.entity,
                ENTITY_ATTRIBUTE_START: sd.starts[candidate.start],
                ENTITY_ATTRIBUTE_END: sd.ends[candidate.end - 1],
                ENTITY_ATTRIBUTE_VALUE: candidate.value,
            }
            for candidate in _longest_first(sd, candidates)
            if candidate.entity in self._emitted
        ]

    def _candidates(self, sd: SpanDoc) -> list[Candidate]:
        found = self._phrases.candidates(sd)
        for match_id, start, end in self._matcher(sd.doc):
            key = self._vocab.strings[match_id]
            if key == "QUANTITY":
                candidate = quantities.read_quantity(sd, start)
            elif key == "AGE_APPROXIMATE":
                candidate = ages.read_approximate_age(sd, start, end)
            elif key.startswith("AGE_"):
                candidate = ages.read_age_after_context(sd, key, start)
            else:
                candidate = levels.read_level(sd, key, start, end)
            if candidate is not None:
                found.append(candidate)
        return found


def _longest_first(sd: SpanDoc, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longer text first, ties by ENTITY_TYPES order."""

    def rank(candidate: Candidate) -> tuple[int, int, int]:
        length = sd.ends[candidate.end - 1] - sd.starts[candidate.start]
        priority = (
            ENTITY_TYPES.index(candidate.entity)
            if candidate.entity in ENTITY_TYPES
            else len(ENTITY_TYPES)
        )
        return -length, priority, candidate.start

    chosen: list[Candidate] = []
    for candidate in sorted(set(candidates), key=rank):
        if all(candidate.end <= other.start or other.end <= candidate.start for other in chosen):
            chosen.append(candidate)
    return sorted((c for c in chosen if c.entity is not None), key=lambda c: c.start)
