"""`BilingualTokenizer`: one tokenizer for Chinese (simplified or traditional) and English.

Rasa's JiebaTokenizer handles Chinese only and emits whitespace tokens on mixed
text ("我想买DailyPlus货币基金 what is the yield"). This one:

* normalises first (full-width -> half-width, traditional -> simplified) with a
  length-preserving fold, so offsets found on the normalised text are offsets
  into the original message;
* segments Han runs with bot/han_segmenter.py: quantities (20|万|元, 三|个月) cut
  out first, then its own jieba instance, loaded with the finance terms of
  `bot/lexicon/jieba_user_dict.txt` and the Chinese product names of the catalogue;
* takes Latin words and numbers ("DailyPlus", "R3", "100,000", "don't") whole,
  keeps symbols (¥, $, %, emoji) as single tokens and drops punctuation and spaces.

A token's `text` is the original surface; its `lemma` is the normalised form, which
is what CountVectorsFeaturizer counts (use_lemma is on by default), so 餘額寶 and
余额宝 share features.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.han_segmenter import HanSegmenter, read_user_dictionary
from bot.normalise import normalise_text
from bot.numerals import NUMBER_PATTERN
from bot.product_names import han_words, product_phrases, resolve_path

logger = logging.getLogger(__name__)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_PIECES = re.compile(
    rf"(?P<han>[{_HAN}]+)"
    # letters/digits (not Han, not "_"), with the separators of 100,000 and 1.5
    rf"|(?P<word>(?:{NUMBER_PATTERN}|[^\W_{_HAN}])+(?:['’][^\W\d_{_HAN}]+)*)"
    r"|(?P<other>\S)"
)
_KEPT_PUNCTUATION = frozenset("%#&@")


def _is_kept_symbol(char: str) -> bool:
    """Currency, maths and emoji carry meaning (¥3,000, T+0, 👍); punctuation does not."""
    return char in _KEPT_PUNCTUATION or unicodedata.category(char).startswith("S")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class BilingualTokenizer(Tokenizer):
    """Tokenizes mixed Chinese/English text with offsets into the original message."""

    USER_WORDS_FILE = "user_words.txt"

    @staticmethod
    def supported_languages() -> list[str] | None:
        return None  # the model is bilingual whatever `language:` config.yml names

    @staticmethod
    def required_packages() -> list[str]:
        return ["jieba", "zhconv"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # jieba user dictionary of finance terms (relative to the project root)
            "dictionary_path": "bot/lexicon/jieba_user_dict.txt",
            # product names are added to the dictionary from here, if it exists
            "catalogue_path": "api/products/catalogue.yml",
            # the usual Tokenizer options
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        user_words: list[str] | None = None,
    ) -> None:
        config = {**self.get_default_config(), **config}
        super().__init__(config)
        self._model_storage = model_storage
        self._resource = resource
        self.user_words = sorted(
            set(user_words) if user_words is not None else self._words_from_sources(config)
        )
        self._segmenter = HanSegmenter(self.user_words)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BilingualTokenizer:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> BilingualTokenizer:
        """The words saved at training, plus names of products added to the catalogue since."""
        config = {**cls.get_default_config(), **config}
        try:
            with model_storage.read_from(resource) as directory:
                saved = (directory / cls.USER_WORDS_FILE).read_text(encoding="utf-8")
        except (ValueError, FileNotFoundError):
            logger.debug("%s has no saved words; reading its source files", cls.__name__)
            return cls(config, model_storage, resource)
        words = set(saved.splitlines()) | set(han_words(product_phrases(config["catalogue_path"])))
        return cls(config, model_storage, resource, user_words=sorted(words))

    def train(self, training_data: TrainingData) -> Resource:
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            (directory / self.USER_WORDS_FILE).write_text(
                "\n".join(self.user_words) + "\n", encoding="utf-8"
            )

    @staticmethod
    def _words_from_sources(config: dict[str, Any]) -> list[str]:
        words: set[str] = set()
        if config.get("dictionary_path"):
            words |= set(read_user_dictionary(resolve_path(config["dictionary_path"])))
        if config.get("catalogue_path"):
            words |= set(han_words(product_phrases(config["catalogue_path"])))
        return sorted(words)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute)
        return self._apply_token_pattern(self.tokenize_text(text))

    def tokenize_text(self, text: str) -> list[Token]:
        """Tokens of `text`; each satisfies `token.text == text[token.start:token.end]`."""
        normalised = normalise_text(text)
        tokens: list[Token] = []
        for piece in _PIECES.finditer(normalised):
            start, end = piece.span()
            if piece.lastgroup == "han":
                after_number = start > 0 and normalised[start - 1].isdigit()
                for word_start, word_end in self._segmenter.spans(piece.group(), after_number):
                    tokens.append(_token(text, normalised, start + word_start, start + word_end))
            elif piece.lastgroup == "word" or _is_kept_symbol(piece.group()):
                tokens.append(_token(text, normalised, start, end))
        return tokens


def _token(text: str, normalised: str, start: int, end: int) -> Token:
    return Token(text[start:end], start, end, lemma=normalised[start:end])
