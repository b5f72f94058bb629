from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.tokenizer import BilingualTokenizer
from bot.unknown_words import UnknownWordsGuard

CONTEXT = ExecutionContext(GraphSchema({}), "t")


def tokenised(tokenizer: BilingualTokenizer, text: str, **data: object) -> Message:
    message = Message(data={TEXT: text, **data})
    tokenizer.process([message])
    return message


def predicted(tokenizer: BilingualTokenizer, text: str, **data: object) -> Message:
    return tokenised(tokenizer, text, intent={"name": "affirm", "confidence": 0.94}, **data)


def trained(
    tokenizer: BilingualTokenizer, tmp_path: Path
) -> tuple[UnknownWordsGuard, LocalModelStorage, Resource]:
    storage, resource = LocalModelStorage(tmp_path), Resource("guard")
    guard = UnknownWordsGuard.create({}, storage, resource, CONTEXT)
    examples = [
        tokenised(tokenizer, "日日盈的收益怎么样", intent="ask_product_info"),
        tokenised(tokenizer, "what is the yield", intent="ask_product_info"),
    ]
    guard.train(TrainingData(training_examples=examples))
    return guard, storage, resource


def confidence(guard: UnknownWordsGuard, message: Message) -> float:
    [processed] = guard.process([message])
    return processed.get(INTENT)["confidence"]


def test_mashing_loses_its_confidence(tokenizer: BilingualTokenizer, tmp_path: Path) -> None:
    guard, _, _ = trained(tokenizer, tmp_path)
    assert confidence(guard, predicted(tokenizer, "flib flab glorp")) == 0.0


def test_a_known_word_keeps_the_prediction(tokenizer: BilingualTokenizer, tmp_path: Path) -> None:
    guard, _, _ = trained(tokenizer, tmp_path)
    for text in ("what about the yield", "收益多少", "glorp yield"):
        assert confidence(guard, predicted(tokenizer, text)) == 0.94, text


def test_payloads_numbers_and_entities_are_left_alone(
    tokenizer: BilingualTokenizer, tmp_path: Path
) -> None:
    guard, _, _ = trained(tokenizer, tmp_path)
    assert confidence(guard, predicted(tokenizer, '/inform{"option":"b"}')) == 0.94
    assert confidence(guard, predicted(tokenizer, "50000")) == 0.94
    product = {ENTITIES: [{"entity": "product", "value": "MMF01"}]}
    assert confidence(guard, predicted(tokenizer, "zzyzx", **product)) == 0.94


def test_vocabulary_survives_persist_and_load(
    tokenizer: BilingualTokenizer, tmp_path: Path
) -> None:
    _, storage, resource = trained(tokenizer, tmp_path)
    loaded = UnknownWordsGuard.load({}, storage, resource, CONTEXT)
    assert {"yield", "收益"} <= loaded.vocabulary
