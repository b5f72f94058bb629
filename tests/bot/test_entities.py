import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.entities import FinanceEntityExtractor


def found(extractor: FinanceEntityExtractor, text: str) -> list[tuple[str, str, object]]:
    """(entity, surface, value) triples, checking the offsets on the way."""
    triples = []
    for entity in extractor.extract(text):
        surface = text[entity["start"] : entity["end"]]
        assert surface and surface == surface.strip()
        triples.append((entity["entity"], surface, entity["value"]))
    return triples


def single(extractor: FinanceEntityExtractor, text: str, entity: str) -> tuple[str, object]:
    triples = found(extractor, text)
    assert [t[0] for t in triples] == [entity], triples
    return triples[0][1], triples[0][2]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("5万", "5万", 50000),
        ("5万元", "5万元", 50000),
        ("五万", "五万", 50000),
        ("50k", "50k", 50000),
        ("50K", "50K", 50000),
        ("100,000元", "100,000元", 100000),
        ("¥3,000", "¥3,000", 3000),
        ("￥３０００", "￥３０００", 3000),
        ("3000块", "3000块", 3000),
        ("3000块钱", "3000块钱", 3000),
        ("1.5 million", "1.5 million", 1500000),
        ("十万", "十万", 100000),
        ("20w", "20w", 200000),
        ("RMB 8000", "RMB 8000", 8000),
        ("8000 yuan", "8000 yuan", 8000),
        ("人民币两千五百元", "人民币两千五百元", 2500),
        ("1.5万", "1.5万", 15000),
        ("3万5", "3万5", 35000),
        ("一百五十万", "一百五十万", 1500000),
        ("fifty thousand", "fifty thousand", 50000),
        ("大概5万左右", "5万", 50000),
        ("伍万元整", "伍万元", 50000),
    ],
)
def test_amounts(extractor, text: str, surface: str, value: int) -> None:
    assert single(extractor, text, "amount") == (surface, value)
    assert type(single(extractor, text, "amount")[1]) is int  # 50000, not 50000.0


@pytest.mark.parametrize(
    "text",
    [
        "1000 dollars",  # USD is not an amount in CNY
        "$1000",
        "5万美元",
        "US$ 20k",
        "3000",  # a bare number could be anything
        "5万人",  # a count of people
        "5万份",
        "千万不要买",  # "by all means don't"
        "第5个问题",
        "3.5%",
    ],
)
def test_not_amounts(extractor, text: str) -> None:
    assert [t for t in found(extractor, text) if t[0] == "amount"] == []


@pytest.mark.parametrize(
    ("text", "surface", "months"),
    [
        ("3个月", "3个月", 3),
        ("三个月", "三个月", 3),
        ("半年", "半年", 6),
        ("一年半", "一年半", 18),
        ("2年", "2年", 24),
        ("两年", "两年", 24),
        ("half a year", "half a year", 6),
        ("half-year", "half-year", 6),
        ("2 yrs", "2 yrs", 24),
        ("18 months", "18 months", 18),
        ("6 mo", "6 mo", 6),
        ("一年以上", "一年", 12),
        ("90天", "90天", 3),
        ("89天", "89天", 3),
        ("7天", "7天", 0),
        ("两个半月", "两个半月", 2),
        ("a year", "a year", 12),
        ("a year and a half", "a year and a half", 18),
        ("one and a half years", "one and a half years", 18),
        ("1.5年", "1.5年", 18),
        ("6-month", "6-month", 6),
        ("two years", "two years", 24),
        ("3年期", "3年期", 36),
        ("半年期", "半年期", 6),
        ("兩年", "兩年", 24),
        ("一个季度", "一个季度", 3),
    ],
)
def test_durations(extractor, text: str, surface: str, months: int) -> None:
    assert single(extractor, text, "duration") == (surface, months)


@pytest.mark.parametrize(
    "text", ["2024年", "3月", "今年3月", "三年级", "5年前", "3 years ago", "7日年化2%"]
)
def test_not_durations(extractor, text: str) -> None:
    assert [t for t in found(extractor, text) if t[0] == "duration"] == []


@pytest.mark.parametrize(
    ("text", "surface", "age"),
    [
        ("我65岁", "65岁", 65),
        ("65岁了", "65岁", 65),
        ("今年六十五", "六十五", 65),
        ("我今年六十五了", "六十五", 65),
        ("六十五周岁", "六十五周岁", 65),
        ("I'm 65", "65", 65),
        ("I am 65 and retired", "65", 65),
        ("65 years old", "65 years old", 65),
        ("a 65-year-old", "65-year-old", 65),
        ("aged 70", "70", 70),
        ("age: 45", "45", 45),
        ("年龄65", "65", 65),
        ("I'm sixty-five", "sixty-five", 65),
    ],
)
def test_ages(extractor, text: str, surface: str, age: int) -> None:
    assert single(extractor, text, "age") == (surface, age)


@pytest.mark.parametrize(
    ("text", "surface", "age"),
    [
        ("I'm in my fifties", "in my fifties", 55),
        ("she is in her late sixties", "in her late sixties", 68),
        ("in my early 30's", "in my early 30's", 32),
        ("in my mid-50s", "in my mid-50s", 55),
        ("fifty-something", "fifty-something", 55),
        ("五十多岁", "五十多岁", 55),
        ("我今年五十多了", "今年五十多", 55),
        ("我六十出头", "六十出头", 62),
        ("我七十好几了", "七十好几了", 76),
        ("快七十了", "快七十了", 69),
        ("将近七十岁", "将近七十岁", 69),
        ("奔六的人了", "奔六", 59),
        ("年过六旬", "年过六旬", 61),
        ("六旬老人", "六旬", 65),
        ("我今年五十幾了", "今年五十幾", 55),
    ],
)
def test_approximate_ages(extractor, text: str, surface: str, age: int) -> None:
    assert single(extractor, text, "age") == (surface, age)


@pytest.mark.parametrize(
    "text",
    ["今年3月", "今年5万", "I'm 30 minutes late", "I am a conservative investor", "200岁",
     "五十多万", "存了五十多年", "快十点了", "in my account", "in my 401k"],
)  # fmt: skip
def test_not_ages(extractor, text: str) -> None:
    assert [t for t in found(extractor, text) if t[0] == "age"] == []


@pytest.mark.parametrize(
    ("text", "surface", "level"),
    [
        ("R3", "R3", "R3"),
        ("r2", "r2", "R2"),
        ("R3级", "R3级", "R3"),
        ("PR1", "PR1", "R1"),
        ("pr5的产品", "pr5", "R5"),
        ("Ｒ４", "Ｒ４", "R4"),
        ("风险等级R3的理财", "R3", "R3"),
    ],
)
def test_risk_levels(extractor, text: str, surface: str, level: str) -> None:
    assert (("risk_level", surface, level)) in found(extractor, text)


@pytest.mark.parametrize("text", ["R6", "R 3", "FR3", "R3D", "中风险", "低风险产品"])
def test_not_risk_levels(extractor, text: str) -> None:
    assert [t for t in found(extractor, text) if t[0] == "risk_level"] == []


@pytest.mark.parametrize(
    ("text", "surface", "level"),
    [
        ("C4", "C4", "C4"),
        ("我是c3", "c3", "C3"),
        ("C2级", "C2级", "C2"),
        ("保守型", "保守型", "C1"),
        ("我是谨慎型的", "谨慎型", "C2"),
        ("我是稳健型投资者", "稳健型投资者", "C3"),
        ("积极型", "积极型", "C4"),
        ("激進型", "激進型", "C5"),
        ("成长型投资者", "成长型投资者", "C4"),
        ("I'm a conservative investor", "conservative investor", "C1"),
        ("cautious investor", "cautious investor", "C2"),
        ("my profile is balanced type", "balanced type", "C3"),
        ("growth risk profile", "growth risk profile", "C4"),
        ("I'm aggressive", "aggressive", "C5"),
        ("I am quite conservative.", "conservative", "C1"),
    ],
)
def test_investor_levels(extractor, text: str, surface: str, level: str) -> None:
    assert single(extractor, text, "investor_level") == (surface, level)


@pytest.mark.parametrize(
    "text",
    [
        "稳健型产品有哪些",
        "稳健型的理财",
        "成长型基金",
        "balanced fund",
        "growth",
        "C6",
        "I'm an aggressive driver",
    ],
)
def test_not_investor_levels(extractor, text: str) -> None:
    assert [t for t in found(extractor, text) if t[0] == "investor_level"] == []


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("鑫利宝怎么样", "鑫利宝", "MMF01"),
        ("鑫利寶怎麼樣", "鑫利寶", "MMF01"),
        ("鑫利宝货币基金的收益", "鑫利宝货币基金", "MMF01"),
        ("tell me about XinLiBao", "XinLiBao", "MMF01"),
        ("xin li bao yield", "xin li bao", "MMF01"),
        ("mmf01", "mmf01", "MMF01"),
        ("MMF01是什么", "MMF01", "MMF01"),
        ("我想买DailyPlus货币基金", "DailyPlus货币基金", "MMF02"),
        ("DailyPlus money fund fees", "DailyPlus money fund", "MMF02"),
        ("三年期大額存單", "三年期大額存單", "CD3Y"),
        ("匯利", "匯利", "SD90"),
        ("CSI300 and CSI 300", "CSI300", "IDX300"),
        ("ｍｍｆ０１", "ｍｍｆ０１", "MMF01"),
    ],
)
def test_products(extractor, text: str, surface: str, code: str) -> None:
    assert ("product", surface, code) == found(extractor, text)[0]


def test_product_codes_do_not_match_inside_words(extractor) -> None:
    assert found(extractor, "XMMF01") == []
    assert found(extractor, "MMF012") == []


def test_a_name_shared_by_two_products_is_not_guessed(extractor) -> None:
    assert found(extractor, "稳盈") == []
    assert found(extractor, "稳盈信托") == [("product", "稳盈信托", "TR01")]


@pytest.mark.parametrize(
    ("text", "product_type"),
    [
        ("货币基金", "money_market_fund"),
        ("余额宝类", "money_market_fund"),
        ("债基", "bond_fund"),
        ("债券基金", "bond_fund"),
        ("股票基金", "equity_fund"),
        ("指数基金", "index_fund"),
        ("ETF", "index_fund"),
        ("ETF基金", "index_fund"),
        ("大额存单", "large_cd"),
        ("大額存單", "large_cd"),
        ("结构性存款", "structured_deposit"),
        ("定期", "time_deposit"),
        ("活期", "demand_deposit"),
        ("理财", "wmp"),
        ("理财产品", "wmp"),
        ("现金管理类理财", "wmp_cash"),
        ("固收理财", "wmp_fixed_income"),
        ("混合类理财", "wmp_mixed"),
        ("混合基金", "hybrid_fund"),
        ("基金", "fund"),
        ("存款", "deposit"),
        ("年金险", "annuity_insurance"),
        ("信托", "trust"),
        ("money market fund", "money_market_fund"),
        ("Money Market Funds", "money_market_fund"),
        ("bond fund", "bond_fund"),
        ("CD", "large_cd"),
        ("CDs", "large_cd"),
        ("time deposit", "time_deposit"),
        ("structured deposits", "structured_deposit"),
        ("index fund", "index_fund"),
    ],
)
def test_product_types(extractor, text: str, product_type: str) -> None:
    assert single(extractor, text, "product_type") == (text, product_type)


@pytest.mark.parametrize(
    "text",
    ["存款保险", "deposit insurance", "理财经理", "不定期", "fundamental", "minimum deposit",
     "I want to make a deposit", "最低存款"],
)  # fmt: skip
def test_phrases_that_are_not_product_types(extractor, text: str) -> None:
    assert found(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "我有5万，想买3年期的定期，风险R2以内",
            [
                ("amount", "5万", 50000),
                ("duration", "3年期", 36),
                ("product_type", "定期", "time_deposit"),
                ("risk_level", "R2", "R2"),
            ],
        ),
        (
            "I have about 200k RMB to invest for 2 years, I'm 65",
            [("amount", "200k RMB", 200000), ("duration", "2 years", 24), ("age", "65", 65)],
        ),
        (
            "我想买DailyPlus货币基金 what is the yield",
            [("product", "DailyPlus货币基金", "MMF02")],
        ),
        (
            "鑫利宝和沪深300指数基金哪个适合C3？",
            [
                ("product", "鑫利宝", "MMF01"),
                ("product", "沪深300指数基金", "IDX300"),
                ("investor_level", "C3", "C3"),
            ],
        ),
        (
            "Is a 6-month CD better than a money market fund for 50k?",
            [
                ("duration", "6-month", 6),
                ("product_type", "CD", "large_cd"),
                ("product_type", "money market fund", "money_market_fund"),
                ("amount", "50k", 50000),
            ],
        ),
        (
            "我今年六十五，是保守型，想存十万元一年半",
            [
                ("age", "六十五", 65),
                ("investor_level", "保守型", "C1"),
                ("amount", "十万元", 100000),
                ("duration", "一年半", 18),
            ],
        ),
        (
            "5万到10万的R3以下理財產品",
            [
                ("amount", "5万", 50000),
                ("amount", "10万", 100000),
                ("risk_level", "R3", "R3"),
                ("product_type", "理財產品", "wmp"),
            ],
        ),
    ],
)
def test_mixed_sentences(extractor, text: str, expected: list) -> None:
    assert found(extractor, text) == expected


def test_longest_match_wins_and_nothing_overlaps(extractor) -> None:
    # 65 years old is one age, not a duration of 65 years plus an age
    assert found(extractor, "65 years old") == [("age", "65 years old", 65)]
    # the product name contains a type word; only the product is reported
    assert found(extractor, "DailyPlus货币基金") == [("product", "DailyPlus货币基金", "MMF02")]


def test_process_appends_to_other_extractors_entities(extractor) -> None:
    theirs = {"entity": "amount", "start": 0, "end": 2, "value": "5万", "extractor": "DIET"}
    message = Message(data={TEXT: "5万买R3"})
    message.set(ENTITIES, [theirs])
    extractor.process([message])
    entities = message.get(ENTITIES)
    assert entities[0] == theirs
    assert entities[1:] == [
        {
            "entity": "amount",
            "start": 0,
            "end": 2,
            "value": 50000,
            "extractor": "FinanceEntityExtractor",
        },
        {
            "entity": "risk_level",
            "start": 3,
            "end": 5,
            "value": "R3",
            "extractor": "FinanceEntityExtractor",
        },
    ]


def test_process_skips_messages_without_text(extractor) -> None:
    message = Message(data={"intent": "greet"})
    extractor.process([message])
    assert message.get(ENTITIES) is None


def test_entities_option_limits_what_is_emitted(
    model_storage: ModelStorage, execution_context: ExecutionContext, catalogue_path
) -> None:
    config = {"catalogue_path": str(catalogue_path), "entities": ["amount"]}
    only_amounts = FinanceEntityExtractor.create(
        config, model_storage, Resource("x"), execution_context
    )
    assert [e["entity"] for e in only_amounts.extract("5万 R3 鑫利宝 65岁")] == ["amount"]


def test_persist_and_load_round_trip(
    model_storage: ModelStorage, execution_context: ExecutionContext, catalogue_path, tmp_path
) -> None:
    resource = Resource("finance_entity_extractor")
    config = {"catalogue_path": str(catalogue_path)}
    trained = FinanceEntityExtractor.create(config, model_storage, resource, execution_context)
    assert trained.train(TrainingData()) == resource

    # Neither the catalogue nor the type lexicon is needed once trained.
    gone = {
        "catalogue_path": str(tmp_path / "gone.yml"),
        "product_types_path": str(tmp_path / "gone_types.yml"),
    }
    loaded = FinanceEntityExtractor.load(gone, model_storage, resource, execution_context)
    text = "鑫利寶和债基，5万，一年半，R3，C2，65岁"
    assert loaded.extract(text) == trained.extract(text)
    assert {e["entity"] for e in loaded.extract(text)} == {
        "product",
        "product_type",
        "amount",
        "duration",
        "risk_level",
        "investor_level",
        "age",
    }


def test_load_prefers_the_live_catalogue(
    model_storage: ModelStorage, execution_context: ExecutionContext, catalogue_path, tmp_path
) -> None:
    resource = Resource("finance_entity_extractor")
    FinanceEntityExtractor.create(
        {"catalogue_path": str(catalogue_path)}, model_storage, resource, execution_context
    ).persist()
    live = tmp_path / "catalogue.yml"
    live.write_text("products:\n  - code: NEW1\n    name_zh: 龙腾四海\n", encoding="utf-8")
    loaded = FinanceEntityExtractor.load(
        {"catalogue_path": str(live)}, model_storage, resource, execution_context
    )
    assert found(loaded, "龙腾四海") == [("product", "龙腾四海", "NEW1")]
