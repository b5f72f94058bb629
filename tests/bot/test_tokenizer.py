import random

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.tokenizer import BilingualTokenizer

MIXED = "我想买DailyPlus货币基金 what is the yield"

MIXED_SAMPLES = [
    MIXED,
    "我想買鑫利寶，風險測評R3級，請說中文。",
    "１２３ＡＢＣ　全角文字＋ｒ３",
    "¥3,000 或 5万元, 1.5 million, don't 👍 T+0",
    "  leading and trailing spaces  ",
    "大额存单和结构性存款哪个好？七日年化是多少",
    "Is the CSI 300 指数基金 R4? 我65岁了",
    "\t换行\n和\r\n回车",
    "伊斯坦堡公尺",  # zhconv changes the length of these phrases
]


def _texts(tokens) -> list[str]:
    return [token.text for token in tokens]


def test_stock_jieba_tokenizer_emits_whitespace_tokens() -> None:
    # The reason this component exists: Rasa's JiebaTokenizer on mixed text.
    stock = JiebaTokenizer(JiebaTokenizer.get_default_config(), None, None)
    assert " " in _texts(stock.tokenize(Message(data={TEXT: MIXED}), TEXT))


def test_mixed_text_has_no_whitespace_tokens(tokenizer: BilingualTokenizer) -> None:
    texts = _texts(tokenizer.tokenize(Message(data={TEXT: MIXED}), TEXT))
    assert texts == ["我", "想", "买", "DailyPlus", "货币基金", "what", "is", "the", "yield"]


@pytest.mark.parametrize("text", MIXED_SAMPLES)
def test_offsets_point_at_the_original_text(tokenizer: BilingualTokenizer, text: str) -> None:
    tokens = tokenizer.tokenize_text(text)
    assert tokens
    for token in tokens:
        assert token.text == text[token.start : token.end]
        assert token.text.strip() == token.text != ""
    assert [token.start for token in tokens] == sorted(token.start for token in tokens)


def test_offsets_on_random_mixed_strings(tokenizer: BilingualTokenizer) -> None:
    pieces = [
        "我",
        "想買",
        "鑫利寶",
        "货币基金",
        "R3",
        "级",
        "DailyPlus",
        " ",
        "  ",
        "，",
        "。",
        "5万",
        "¥",
        "3,000",
        "１２",
        "ＡＢ",
        "\u3000",
        "😀",
        "don't",
        "公尺",
        "-",
        "\n",
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for token in tokenizer.tokenize_text(text):
            assert token.text == text[token.start : token.end]
            assert token.text.strip()


def test_traditional_and_fullwidth_share_lemmas_with_simplified(
    tokenizer: BilingualTokenizer,
) -> None:
    traditional = tokenizer.tokenize_text("貨幣基金的風險")
    simplified = tokenizer.tokenize_text("货币基金的风险")
    assert [t.lemma for t in traditional] == [t.text for t in simplified]
    assert [t.text for t in traditional] == ["貨幣基金", "的", "風險"]
    assert [t.lemma for t in tokenizer.tokenize_text("Ｒ３")] == ["R3"]


def test_latin_words_and_numbers_stay_whole(tokenizer: BilingualTokenizer) -> None:
    assert _texts(tokenizer.tokenize_text("I don't want 100,000 or 1.5m, R3?")) == [
        "I",
        "don't",
        "want",
        "100,000",
        "or",
        "1.5m",
        "R3",
    ]


def test_symbols_are_kept_and_punctuation_dropped(tokenizer: BilingualTokenizer) -> None:
    assert _texts(tokenizer.tokenize_text("¥3,000! T+0 (50%) 👍。")) == [
        "¥",
        "3,000",
        "T",
        "+",
        "0",
        "50",
        "%",
        "👍",
    ]


def test_finance_terms_and_catalogue_names_are_single_tokens(
    tokenizer: BilingualTokenizer,
) -> None:
    texts = _texts(tokenizer.tokenize_text("鑫利宝的七日年化和业绩比较基准，大额存单赎回"))
    assert {"鑫利宝", "七日年化", "业绩比较基准", "大额存单", "赎回"} <= set(texts)


def test_process_sets_text_tokens(tokenizer: BilingualTokenizer) -> None:
    message = Message(data={TEXT: "买 R3 理财"})
    tokenizer.process([message])
    assert _texts(message.get(TOKENS_NAMES[TEXT])) == ["买", "R3", "理财"]


def test_persist_and_load_round_trip(
    model_storage: ModelStorage, execution_context: ExecutionContext, catalogue_path, tmp_path
) -> None:
    resource = Resource("bilingual_tokenizer")
    config = {"catalogue_path": str(catalogue_path)}
    trained = BilingualTokenizer.create(config, model_storage, resource, execution_context)
    trained.train(TrainingData())

    # Loaded without the source files: the words come from the model storage.
    missing = {"catalogue_path": str(tmp_path / "gone.yml"), "dictionary_path": None}
    loaded = BilingualTokenizer.load(missing, model_storage, resource, execution_context)
    assert loaded.user_words == trained.user_words
    assert "鑫利宝" in loaded.user_words and "业绩比较基准" in loaded.user_words
    text = "鑫利宝的业绩比较基准"
    assert _texts(loaded.tokenize_text(text)) == _texts(trained.tokenize_text(text))


def test_load_adds_products_from_the_live_catalogue(
    model_storage: ModelStorage, execution_context: ExecutionContext, tmp_path
) -> None:
    resource = Resource("bilingual_tokenizer")
    BilingualTokenizer.create(
        {"catalogue_path": None}, model_storage, resource, execution_context
    ).persist()
    catalogue = tmp_path / "catalogue.yml"
    catalogue.write_text(
        "products:\n  - code: NEW1\n    name_zh: 新产品甲\n    aliases_zh: [龙腾四海]\n",
        encoding="utf-8",
    )
    loaded = BilingualTokenizer.load(
        {"catalogue_path": str(catalogue)}, model_storage, resource, execution_context
    )
    assert "龙腾四海" in _texts(loaded.tokenize_text("我想买龙腾四海"))


def test_works_for_any_configured_language() -> None:
    assert BilingualTokenizer.supported_languages() is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20萬起嗎", ["20", "萬", "起", "嗎"]),
        ("10万买一年", ["10", "万", "买", "一", "年"]),
        ("5万元", ["5", "万", "元"]),
        ("八十岁了", ["八十", "岁", "了"]),
        ("月收入一万左右", ["月", "收入", "一万", "左右"]),
        ("三个月", ["三", "个月"]),
        ("65岁", ["65", "岁"]),
    ],
)
def test_quantities_are_cut_at_number_and_unit(tokenizer, text, expected) -> None:
    # so an annotation like [20萬](amount) or [八十](age)岁 starts and ends on a token
    assert _texts(tokenizer.tokenize_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("万一亏了", "万一"),
        ("千万别买", "千万"),
        ("一定", "一定"),
        ("一起去", "一起"),
        ("十分好", "十分"),
    ],
)
def test_numeral_words_stay_whole(tokenizer, text, word) -> None:
    assert any(t.startswith(word) for t in _texts(tokenizer.tokenize_text(text)))


def test_dictionary_can_remove_jieba_words(tokenizer) -> None:
    # 基金会 0 in the user dictionary: "will the bond fund lose money", not "foundation"
    assert "基金会" not in _texts(tokenizer.tokenize_text("债券基金会亏钱吗"))
