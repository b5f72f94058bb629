import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.language import LanguageDetector


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector({})


def detect(detector: LanguageDetector, text: str, language: str | None = None) -> str | None:
    metadata = {"language": language} if language else None
    entity = detector.detect(Message(data={TEXT: text, "metadata": metadata}))
    return entity["value"] if entity else None


@pytest.mark.parametrize(
    ("text", "metadata", "expected"),
    [
        # explicit requests win, over the metadata too
        ("English please", "zh", "en"),
        ("speak English", "zh", "en"),
        ("Can you reply in English?", None, "en"),
        ("english", "zh", "en"),
        ("用英文", "zh", "en"),
        ("请用英语回答", "zh", "en"),
        ("英文回答", "zh", "en"),
        ("說英文", "zh", "en"),
        ("说中文", "en", "zh"),
        ("中文", "en", "zh"),
        ("中文吧", "en", "zh"),
        ("Chinese please", "en", "zh"),
        ("switch to Mandarin", "en", "zh"),
        ("I don't understand, use Chinese", "en", "zh"),
        ("我看不懂，请用英文", None, "en"),
    ],
)
def test_explicit_requests(detector, text: str, metadata: str | None, expected: str) -> None:
    assert detect(detector, text, metadata) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不要用英文回答", "zh"),  # a refusal, not a request: the script decides
        ("這個產品有英文說明書嗎", "zh"),  # mentions English, does not ask for it
        ("don't speak Chinese to me", "en"),
    ],
)
def test_mentions_are_not_requests(detector, text: str, expected: str) -> None:
    assert detect(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "metadata", "expected"),
    [
        ("你好", "en", "en"),
        ("hello", "zh", "zh"),
        ("hello", "zh-CN", "zh"),
        ("hello", "en_US", "en"),
        ("hello", "fr", "en"),  # unknown metadata language: the script decides
        ("50000", "en", "en"),
    ],
)
def test_metadata_language(detector, text: str, metadata: str, expected: str) -> None:
    assert detect(detector, text, metadata) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你好", "zh"),
        ("貨幣基金", "zh"),
        ("R3是什么意思", "zh"),
        ("hello", "en"),
        ("what is a money market fund", "en"),
        ("我想买DailyPlus货币基金 what is the yield", "zh"),
        ("what is the yield of 日日盈", "en"),
        ("what is 日日盈", "en"),
        ("DailyPlus收益多少", "zh"),
        ("帮我compare一下这两个", "zh"),
        ("ETF是什么", "zh"),
        ("is 稳盈90天固收理财 safe", "zh"),  # the name outweighs two English words
        ("12345", None),
        ("3,000.50", None),
        ("👍", None),
        ("ETF", None),  # an acronym says nothing about the language
        ("R3", None),
        ("   ", None),
        ("", None),
    ],
)
def test_script(detector, text: str, expected: str | None) -> None:
    assert detect(detector, text) == expected


@pytest.mark.parametrize("text", ["/greet", '/inform{"amount": 5000}', "/switch_language"])
def test_intent_payloads_get_nothing(detector, text: str) -> None:
    assert detect(detector, text, "en") is None


def test_process_adds_one_entity_and_keeps_others(detector) -> None:
    theirs = {"entity": "amount", "start": 0, "end": 2, "value": 50000}
    message = Message(data={TEXT: "5万 please answer in English"})
    message.set(ENTITIES, [theirs])
    detector.process([message])
    assert message.get(ENTITIES) == [
        theirs,
        {
            "entity": "language",
            "start": 10,
            "end": 27,
            "value": "en",
            "extractor": "LanguageDetector",
        },
    ]


def test_process_leaves_messages_without_signal_alone(detector) -> None:
    message = Message(data={TEXT: "123"})
    detector.process([message])
    assert message.get(ENTITIES) is None


def test_whole_message_span_when_no_phrase_decides(detector) -> None:
    entity = detector.detect(Message(data={TEXT: "你好"}))
    assert (entity["start"], entity["end"]) == (0, 2)


def test_entity_name_is_configurable() -> None:
    entity = LanguageDetector({"entity": "lang"}).detect(Message(data={TEXT: "hi there"}))
    assert entity["entity"] == "lang"


def test_create_through_the_graph_api(
    model_storage: ModelStorage, execution_context: ExecutionContext
) -> None:
    created = LanguageDetector.create({}, model_storage, Resource("lang"), execution_context)
    assert detect(created, "你好") == "zh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could you reply to me in chinese", "zh"),
        ("please talk to me in English", "en"),
        ("mandarin from now on", "zh"),
    ],
)
def test_requests_with_an_object_pronoun(detector, text: str, expected: str) -> None:
    assert detect(detector, text, "en" if expected == "zh" else "zh") == expected
