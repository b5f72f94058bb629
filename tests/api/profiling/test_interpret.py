"""Reading typed answers: option letters, numbers with units, keywords in zh (simplified and
traditional) and en; the endpoint's shape and errors."""

import pytest
from fastapi.testclient import TestClient

from api.profiling.interpret import interpret_answer
from api.profiling.quantities import Quantity, find_quantities
from api.profiling.questionnaire import get_questionnaire


@pytest.mark.parametrize(
    ("question_id", "text", "option_id"),
    [
        ("q01_age", "我今年35岁", "c"),
        ("q01_age", "七十多岁了", "f"),
        ("q01_age", "超过70岁", "f"),
        ("q01_age", "刚满70", "e"),
        ("q01_age", "I'm 65 years old", "e"),
        ("q01_age", "under 18", "a"),
        ("q01_age", "三十五歲", "c"),
        ("q02_income", "年收入20万左右", "b"),
        ("q02_income", "about 500k a year", "d"),
        ("q02_income", "一百万以上", "e"),
        ("q02_income", "10万以下", "a"),
        ("q03_income_stability", "沒有穩定收入", "a"),
        ("q03_income_stability", "收入比较稳定，主要是工资", "c"),
        ("q03_income_stability", "I'm a freelancer", "b"),
        ("q04_investable_share", "about 30%", "c"),
        ("q04_investable_share", "百分之三十", "c"),
        ("q04_investable_share", "三成左右", "c"),
        ("q04_investable_share", "一半以上", "b"),
        ("q05_debts", "没有负债", "d"),
        ("q05_debts", "房贷每月占收入40%", "b"),
        ("q06_knowledge", "不太了解", "a"),
        ("q06_knowledge", "I work in finance", "d"),
        ("q06_knowledge", "只懂存款", "b"),
        ("q06_knowledge", "I only know deposits", "b"),
        ("q06_knowledge", "了解基金和债券", "c"),
        ("q06_knowledge", "I know funds and bonds", "c"),
        ("q06_knowledge", "不了解基金", "a"),
        ("q07_experience_years", "没有投资经验", "a"),
        ("q07_experience_years", "3年多", "c"),
        ("q07_experience_years", "半年", "b"),
        ("q07_experience_years", "more than ten years", "e"),
        ("q08_experience_products", "买过货币基金和股票", "d"),
        ("q08_experience_products", "只买过货币基金", "b"),
        ("q08_experience_products", "bond funds mostly", "c"),
        ("q09_objective", "本金安全第一", "a"),
        ("q09_objective", "long-term growth", "d"),
        ("q10_horizon", "三年以上", "d"),
        ("q10_horizon", "more than 3 years", "d"),
        ("q10_horizon", "一年半", "c"),
        ("q10_horizon", "两三年", "c"),
        ("q10_horizon", "18 months", "c"),
        ("q11_max_loss", "一分钱都不能亏", "a"),
        ("q11_max_loss", "不能亏超过5%", "b"),
        ("q11_max_loss", "no more than 10%", "c"),
        ("q11_max_loss", "more than 30%", "e"),
        ("q12_drawdown_reaction", "I would buy more", "d"),
        ("q12_drawdown_reaction", "卖一部分", "b"),
        ("q13_liquidity_needs", "不太可能，有应急资金", "c"),
        ("q13_liquidity_needs", "随时需要", "a"),
        ("q10_horizon", "B", "b"),
        ("q10_horizon", "选C", "c"),
        ("q10_horizon", "(d)", "d"),
    ],
)
def test_free_text_answers_map_to_the_right_option(
    question_id: str, text: str, option_id: str
) -> None:
    question = get_questionnaire().question(question_id)
    assert question is not None
    result = interpret_answer(question, text)
    assert result.option_id == option_id
    assert 0.5 <= result.confidence <= 1.0


@pytest.mark.parametrize(
    ("question_id", "text"),
    [
        ("q09_objective", "hmm, not sure"),
        ("q12_drawdown_reaction", "今天天气不错"),
        ("q01_age", "g"),
        ("q06_knowledge", "I don't know funds and bonds"),
    ],
)
def test_unclear_answers_give_no_option(question_id: str, text: str) -> None:
    question = get_questionnaire().question(question_id)
    assert question is not None
    result = interpret_answer(question, text)
    assert (result.option_id, result.confidence) == (None, 0.0)


def test_an_option_letter_is_certain() -> None:
    question = get_questionnaire().question("q06_knowledge")
    assert question is not None
    assert interpret_answer(question, "c").confidence == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30岁", [Quantity(30, "age")]),
        ("两三年", [Quantity(2.5, "year")]),
        ("20万", [Quantity(200_000, "money")]),
        ("1,000,000 yuan", [Quantity(1_000_000, "money")]),
        ("三成", [Quantity(30, "percent")]),
        ("more than 3 years", [Quantity(3, "year", "above")]),
        ("不到18岁", [Quantity(18, "age", "below")]),
        ("2-5年", [Quantity(3.5, "year")]),
        ("一般般", []),
    ],
)
def test_numbers_are_read_with_units_and_qualifiers(text: str, expected: list[Quantity]) -> None:
    assert find_quantities(text) == expected


def test_interpret_endpoint(client: TestClient) -> None:
    response = client.post(
        "/api/questionnaire/interpret",
        json={"question_id": "q10_horizon", "text": "more than 3 years", "lang": "en"},
    )
    assert response.status_code == 200
    assert response.json() == {
        "question_id": "q10_horizon",
        "option_id": "d",
        "confidence": 0.95,
        "option_text": "3 to 5 years",
    }


def test_interpret_endpoint_without_a_match(client: TestClient) -> None:
    response = client.post(
        "/api/questionnaire/interpret", json={"question_id": "q09_objective", "text": "嗯"}
    )
    assert response.status_code == 200
    assert response.json()["option_id"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question_id": "q99_unknown", "text": "yes"}, "question_id"),
        ({"question_id": "q01_age", "text": ""}, "text"),
        ({"question_id": "q01_age"}, "text"),
        ({"question_id": "q01_age", "text": "30", "lang": "fr"}, "lang"),
        ({"question_id": "q01_age", "text": 30}, "text"),
    ],
)
def test_interpret_endpoint_rejects_bad_input(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/questionnaire/interpret", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field
