"""Finding the term a customer asks about, and suggesting terms when none is found."""

import pytest

from api.errors import NotFound
from api.glossary.service import find_term, lookup_term, suggest_terms
from api.glossary.terms import Glossary, get_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return get_glossary()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("R3是什么意思", "risk_level_r3"),
        ("what does r3 mean?", "risk_level_r3"),
        ("风险等级R3是什么", "risk_level_r3"),
        ("什麼是淨值", "nav"),
        ("NAV是啥", "nav"),
        ("七日年化收益率怎么理解", "seven_day_annualised"),
        ("what's a 7-day annualized yield", "seven_day_annualised"),
        ("业绩比较基准是什么", "performance_benchmark"),
        ("what does lock-up period mean", "lock_up_period"),
        ("ｔ＋１是什么意思", "t_plus_1"),
        ("T+0到账是啥", "t_plus_0"),
        ("大額存單是什麼", "large_cd"),
        ("C4代表什么", "investor_level_c4"),
        ("I'm a conservative investor, what does that mean", "investor_level_c1"),
        ("这个fund的management fee是什么", "management_fee"),
        ("托管费是干嘛的", "custody_fee"),
        ("what is an ETF", "etf"),
        ("ETF联接基金是什么", "etf_feeder_fund"),
        ("固收+是什么", "fixed_income_plus"),
        ("合格投資者要什么条件", "qualified_investor"),
    ],
)
def test_find_term_in_free_text(glossary: Glossary, text: str, key: str) -> None:
    term = find_term(glossary, text)
    assert term is not None and term.key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("七日年化和年化有什么不同", "seven_day_annualised"),  # longest synonym wins
        ("定期开放是什么意思", "open_ended_product"),  # not "定期" (time deposit)
        ("定期定额投资是什么", "dollar_cost_averaging"),
        ("赎回费怎么收", "redemption_fee"),  # not "赎回"
    ],
)
def test_the_most_specific_term_wins(glossary: Glossary, text: str, key: str) -> None:
    term = find_term(glossary, text)
    assert term is not None and term.key == key


@pytest.mark.parametrize("text", ["how do I navigate the app", "R10 是什么", "今天天气怎么样"])
def test_no_term_inside_other_words_or_unrelated_text(glossary: Glossary, text: str) -> None:
    assert find_term(glossary, text) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("净直是什么", "nav"),
        ("what is a managment fee", "management_fee"),
        ("赎会是啥", "redemption"),
    ],
)
def test_a_typo_is_suggested_first(glossary: Glossary, text: str, key: str) -> None:
    assert suggest_terms(glossary, text)[0].key == key


def test_unrelated_text_gets_the_featured_terms(glossary: Glossary) -> None:
    suggestions = suggest_terms(glossary, "今天天气怎么样")
    assert [t.key for t in suggestions] == list(glossary.featured[:3])


def test_lookup_answers_in_the_requested_language(glossary: Glossary) -> None:
    zh = lookup_term(glossary, "what is NAV", "zh")
    en = lookup_term(glossary, "什么是净值", "en")
    assert (zh.term, en.term) == ("nav", "nav")
    assert zh.name == "净值" and "净值" in zh.explanation
    assert en.name.startswith("NAV") and "unit" in en.explanation


def test_lookup_miss_raises_not_found_with_suggestions(glossary: Glossary) -> None:
    with pytest.raises(NotFound) as caught:
        lookup_term(glossary, "净直", "en")
    detail = caught.value.detail
    assert isinstance(detail, dict)
    assert detail["query"] == "净直"
    assert detail["message"].startswith("No explanation")
    assert detail["suggestions"][0] == {"term": "nav", "name": "NAV (net asset value)"}
    assert 1 <= len(detail["suggestions"]) <= 3
