"""Where context decides: ranges, rates, the past, money words, bare numbers."""

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from bot.entities import FinanceEntityExtractor
from tests.bot.test_entities import found


@pytest.mark.parametrize(
    ("text", "surface", "months"),
    [
        ("1-3年", "1-3年", 12),
        ("大约3到6个月", "3到6个月", 3),
        ("1 to 3 years", "1 to 3 years", 12),
        ("money i won't need for 2-3 years", "2-3 years", 24),
        ("3-6 months", "3-6 months", 3),
        ("5+ years", "5+ years", 60),
    ],
)
def test_a_duration_range_is_its_lower_bound(extractor, text, surface, months) -> None:
    assert found(extractor, text) == [("duration", surface, months)]


@pytest.mark.parametrize(
    "text",
    [
        "what's the 7 day annualized yield",
        "what's the 7-day yield on it",
        "七天年化多少",
        "近一年收益多少",
        "最近三年涨了多少",
        "过去5年的业绩",
        "每3个月付息",
        "500 a month for ten years",  # "a month" is a rate; ten years is the horizon
        "at 2.5% a year",
    ],
)
def test_periods_that_are_not_horizons(extractor, text) -> None:
    durations = [t for t in found(extractor, text) if t[0] == "duration"]
    assert durations in ([], [("duration", "ten years", 120)])


def test_a_year_after_a_preposition_is_a_horizon(extractor) -> None:
    assert ("duration", "a year", 12) in found(extractor, "200k in a bond fund for a year")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("每月定投1000", "1000", 1000),
        ("8000存半年利息有多少", "8000", 8000),
        ("钱不多就5000", "5000", 5000),
        ("本金20000", "20000", 20000),
        ("how much interest on 50000", "50000", 50000),
        ("I want to invest 3000", "3000", 3000),
        ("around 100,000", "100,000", 100000),
        ("if i put in 10,000", "10,000", 10000),
        ("how much would 5000 earn", "5000", 5000),
    ],
)
def test_bare_numbers_after_money_words_are_amounts(extractor, text, surface, value) -> None:
    assert ("amount", surface, value) in found(extractor, text)


@pytest.mark.parametrize("text", ["投2个", "有300人", "on page 200", "20000"])
def test_bare_numbers_without_money_words_are_not_amounts(extractor, text) -> None:
    assert [t for t in found(extractor, text) if t[0] == "amount"] == []


@pytest.mark.parametrize(
    ("text", "surface", "age"),
    [
        ("我72了", "72", 72),
        ("i'm 29 earning 15k a month", "29", 29),
        ("我今年七十二啦", "七十二", 72),
    ],
)
def test_more_ages(extractor, text, surface, age) -> None:
    assert ("age", surface, age) in found(extractor, text)


@pytest.mark.parametrize("text", ["我3个孩子", "我2024年买的", "I'm 5 minutes away", "我100万"])
def test_more_not_ages(extractor, text) -> None:
    assert [t for t in found(extractor, text) if t[0] == "age"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("存5万三个月收益多少", [("amount", "5万", 50000), ("duration", "三个月", 3)]),
        ("10万一年多少钱", [("amount", "10万", 100000), ("duration", "一年", 12)]),
        ("40万6个月", [("amount", "40万", 400000), ("duration", "6个月", 6)]),
        ("两万五一年", [("amount", "两万五", 25000), ("duration", "一年", 12)]),
        ("3万5", [("amount", "3万5", 35000)]),
    ],
)
def test_a_digit_after_a_multiplier_may_start_the_next_quantity(extractor, text, expected) -> None:
    assert found(extractor, text) == expected


def test_r3_in_r3_level_word(extractor) -> None:
    assert found(extractor, "R3级别的都有哪些") == [("risk_level", "R3", "R3")]


@pytest.mark.parametrize(
    ("text", "surface", "product_type"),
    [
        ("do you offer annuities", "annuities", "annuity_insurance"),
        ("do i need to be a qualified investor for the trust", "trust", "trust"),
        ("do your bank wealth products charge fees", "bank wealth products", "wmp"),
        ("the large deposit certificate", "large deposit certificate", "large_cd"),
        ("养老目标基金适合谁", "养老目标基金", "fund"),
    ],
)
def test_more_product_types(extractor, text, surface, product_type) -> None:
    assert found(extractor, text) == [("product_type", surface, product_type)]


@pytest.mark.parametrize("text", ["I don't trust you", "can I trust this bank", "trust me"])
def test_trust_the_verb_is_not_a_product(extractor, text) -> None:
    assert found(extractor, text) == []


@pytest.fixture(scope="module")
def with_numbers(tmp_path_factory, catalogue_path) -> FinanceEntityExtractor:
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    storage = LocalModelStorage(tmp_path_factory.mktemp("numbers"))
    config = {
        "catalogue_path": str(catalogue_path),
        "entities": ["amount", "duration", "age", "risk_level", "number"],
    }
    return FinanceEntityExtractor(config, storage, Resource("numbers"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72", [("number", "72", 72)]),
        ("20000", [("number", "20000", 20000)]),
        ("七十二", [("number", "七十二", 72)]),
        ("two", [("number", "two", 2)]),
        ("3.5", [("number", "3.5", 3.5)]),
        ("一定要一起", []),  # numerals inside words
        ("one of them", []),
        ("第5个", []),
        ("2.5%", []),
        ("R3", [("risk_level", "R3", "R3")]),  # not a 3
        ("5万和30", [("amount", "5万", 50000), ("number", "30", 30)]),
    ],
)
def test_number_entity_when_configured(with_numbers, text, expected) -> None:
    assert found(with_numbers, text) == expected


def test_number_entity_is_off_by_default(extractor) -> None:
    assert found(extractor, "72") == []


def test_number_option_round_trips(
    model_storage: ModelStorage, execution_context: ExecutionContext, catalogue_path
) -> None:
    config = {"catalogue_path": str(catalogue_path), "entities": ["number"]}
    resource = Resource("numbers")
    FinanceEntityExtractor.create(config, model_storage, resource, execution_context).persist()
    loaded = FinanceEntityExtractor.load(config, model_storage, resource, execution_context)
    assert found(loaded, "72") == [("number", "72", 72)]
