"""Treats a message made only of words never seen in training as not understood.

DIET's softmax spreads confidence over the known intents even for keyboard mashing
("flib flab glorp"), so it can answer confidently. This component, placed after the
intent classifier and before the FallbackClassifier, sets the intent confidence to 0 when
no word of the message occurs anywhere in the training data and no entity was found; the
FallbackClassifier then predicts `nlu_fallback`, and the dialogue asks to rephrase.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import ENTITIES, INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

WORDISH = re.compile(r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
VOCABULARY_FILE = "vocabulary.json"


def words_of(message: Message) -> list[str]:
    """The message's word tokens (normalised), leaving out numbers and punctuation."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return [(token.lemma or token.text).lower() for token in tokens if WORDISH.search(token.text)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsGuard(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Entities other than these mean the message carries something we understood.
        return {"ignored_entities": ["language"]}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        vocabulary: set[str] | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary or set()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UnknownWordsGuard:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        for example in training_data.training_examples:
            self.vocabulary.update(words_of(example))
        with self._storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(
                json.dumps(sorted(self.vocabulary), ensure_ascii=False), encoding="utf-8"
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> UnknownWordsGuard:
        with model_storage.read_from(resource) as directory:
            words = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, set(words))

    def is_unknown(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        if not text.strip() or text.lstrip().startswith(INTENT_MESSAGE_PREFIX):
            return False
        ignored = set(self._config["ignored_entities"])
        if any(e.get("entity") not in ignored for e in message.get(ENTITIES) or []):
            return False
        words = words_of(message)
        return bool(words) and not any(word in self.vocabulary for word in words)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT)
            if intent and self.is_unknown(message):
                message.set(INTENT, {**intent, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
        return messages
