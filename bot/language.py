"""`LanguageDetector`: which language the customer wants, as a `language` entity.

Each message that carries a signal gets one `language` entity, "zh" or "en"
(Rasa fills the `language` slot from it). In order:

1. an explicit request wins: "English please", "speak English", "用英文", "英文回答"
   -> en; "说中文", "中文", "Chinese please" -> zh ("不要英文" is not a request);
2. else the language the API gateway put in the message metadata;
3. else the script, by the gateway's own rule (api/chat/language.py): Han characters
   -> zh, English words -> en; an English sentence naming a Chinese product ("what is
   日日盈") stays en; acronyms and codes (ETF, R3, CD) are no signal on their own.

Digit-only text, emoji and "/intent" payloads get nothing, so the slot keeps its value.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from api.chat.language import script_language
from bot.normalise import normalise_text

LANGUAGES = ("zh", "en")

_ZH_VERB = r"(?:用|说|讲|切换到|切换成|切换为|切到|换成|换到|改用|改成|改为|使用|回复|回答)"
_ZH_AFTER = r"(?:回答|回复|交流|沟通|聊天|版|模式|服务|界面)"
_EN_VERB = (
    r"(?:speak|talk|use|write|reply|respond|answer|switch|change|continue|chat)"
    r"(?:\s+(?:to\s+|with\s+)?(?:me|us))?"  # "answer me in Chinese", "talk to me in English"
    r"(?:\s+(?:in|to|with|into))?"
)
_EN_AFTER = r"(?:please|pls|plz|only|version|mode|from now on)"
_NEGATIONS = ("不", "别", "don't", "dont", "do not", "not ", "no ")
_CLAUSE_BREAK = re.compile(r"[,.;!?，。；！？、]")


def _request(zh_names: str, en_names: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:"
        rf"{_ZH_VERB}\s*{zh_names}|{zh_names}\s*{_ZH_AFTER}"
        rf"|\b{_EN_VERB}\s+{en_names}\b|\b{en_names}\s*,?\s*{_EN_AFTER}\b"
        rf"|^\W*(?:{zh_names}|{en_names})\W*(?:吧|呀|啊)?\W*$"
        r")",
        re.IGNORECASE,
    )


_REQUESTS = {
    "en": _request(r"(?:英文|英语)", r"english"),
    "zh": _request(r"(?:中文|汉语|普通话|国语|华语)", r"(?:chinese|mandarin|putonghua)"),
}


def requested_language(text: str) -> tuple[str, int, int] | None:
    """(language, start, end) of an explicit request to switch, the earliest if several."""
    normalised = normalise_text(text)
    found = [
        (match.start(), match.end(), language)
        for language, pattern in _REQUESTS.items()
        for match in pattern.finditer(normalised)
        if not _negated(normalised, match.start())
    ]
    if not found:
        return None
    start, end, language = min(found)
    return language, start, end


def _negated(text: str, start: int) -> bool:
    """不要用英文 / don't speak English: a negation earlier in the same clause."""
    clause = _CLAUSE_BREAK.split(text[:start])[-1].lower()
    return any(negation in clause for negation in _NEGATIONS)


def metadata_language(message: Message) -> str | None:
    metadata = message.get("metadata") or {}
    language = metadata.get("language") if isinstance(metadata, dict) else None
    if not isinstance(language, str):
        return None
    prefix = language.strip().lower()[:2]
    return prefix if prefix in LANGUAGES else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(GraphComponent, EntityExtractorMixin):
    """Adds a `language` entity ("zh" or "en") to each message with a language signal."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"entity": "language"}

    def __init__(self, config: dict[str, Any]) -> None:
        self._config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entity = self.detect(message)
            if entity:
                message.set(
                    ENTITIES,
                    message.get(ENTITIES, []) + self.add_extractor_name([entity]),
                    add_to_output=True,
                )
        return messages

    def detect(self, message: Message) -> dict[str, Any] | None:
        text = message.get(TEXT)
        if not isinstance(text, str) or not text.strip():
            return None
        if text.lstrip().startswith(INTENT_MESSAGE_PREFIX):
            return None  # a button payload, not something the customer wrote
        request = requested_language(text)
        if request:
            language, start, end = request
        else:
            # No single phrase says it: the whole message is the evidence.
            language = metadata_language(message) or script_language(normalise_text(text))
            start, end = 0, len(text)
        if language is None:
            return None
        return {
            ENTITY_ATTRIBUTE_TYPE: self._config["entity"],
            ENTITY_ATTRIBUTE_START: start,
            ENTITY_ATTRIBUTE_END: end,
            ENTITY_ATTRIBUTE_VALUE: language,
        }
