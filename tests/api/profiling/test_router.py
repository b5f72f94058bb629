"""POST /api/risk-profile/score and GET /api/risk-profile/{customer_id} over HTTP."""

import uuid
from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.db import make_sessionmaker, unit_of_work
from api.profiling.models import RiskProfile
from api.profiling.questionnaire import get_questionnaire
from api.profiling.scoring import add_months, business_today
from tests.api.profiling.answer_sets import answers_totalling, extreme_answers


def _customer() -> str:
    return f"web-{uuid.uuid4().hex[:12]}"


def test_score_has_the_contract_shape(client: TestClient) -> None:
    answers = answers_totalling(get_questionnaire(), 62)
    response = client.post("/api/risk-profile/score", json={"answers": answers, "lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert {"score", "level", "lowest_category", "valid_until"} <= set(body)
    assert (body["score"], body["level"], body["lowest_category"]) == (62, "C4", False)
    assert body["valid_until"] == add_months(business_today(), 12).isoformat()
    assert body["level_label"] == "Growth"
    assert body["stored"] is False


def test_score_explains_the_lowest_category_in_chinese(client: TestClient) -> None:
    answers = {**extreme_answers(get_questionnaire(), highest=True), "q03_income_stability": "a"}
    body = client.post("/api/risk-profile/score", json={"answers": answers}).json()
    assert (body["level"], body["lowest_category"]) == ("C1", True)
    assert body["lowest_category_reasons"] == ["没有稳定的收入来源"]
    assert "风险承受能力最低类别" in body["explanation"]


def test_a_scored_customer_can_read_their_profile(client: TestClient) -> None:
    customer = _customer()
    answers = answers_totalling(get_questionnaire(), 40)
    scored = client.post(
        "/api/risk-profile/score", json={"answers": answers, "customer_id": customer}
    ).json()
    assert scored["stored"] is True
    response = client.get(f"/api/risk-profile/{customer}", params={"lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert body["customer_id"] == customer
    assert (body["status"], body["level"], body["score"]) == ("valid", "C3", 40)
    assert body["valid_until"] == scored["valid_until"]


def test_an_expired_profile_is_reported_as_expired(client: TestClient, engine: Engine) -> None:
    customer = _customer()
    with unit_of_work(make_sessionmaker(engine)) as session:
        session.add(
            RiskProfile(
                customer_id=customer,
                questionnaire_version=get_questionnaire().version,
                answers={},
                score=50,
                level="C3",
                lowest_category=False,
                lowest_category_triggers=[],
                age=None,
                assessed_at=datetime(2023, 5, 1),
                valid_until=date(2024, 5, 1),
            )
        )
    body = client.get(f"/api/risk-profile/{customer}").json()
    assert (body["status"], body["level"]) == ("expired", "C3")


def test_an_unknown_customer_has_no_profile(client: TestClient) -> None:
    response = client.get(f"/api/risk-profile/{_customer()}")
    assert response.status_code == 404
    assert "no risk profile" in response.json()["detail"]


def test_a_malformed_customer_id_is_refused(client: TestClient) -> None:
    assert client.get("/api/risk-profile/bad id!").status_code == 422


def _full() -> dict[str, str]:
    return extreme_answers(get_questionnaire(), highest=True)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"answers": {k: v for k, v in _full().items() if k != "q04_investable_share"}},
         "answers.q04_investable_share", "missing answer"),
        ({"answers": {**_full(), "q08_experience_products": "x"}},
         "answers.q08_experience_products", "unknown option 'x'"),
        ({"answers": {**_full(), "q42": "a"}}, "answers.q42", "unknown question id"),
        ({"answers": {**_full(), "q01_age": 3}}, "answers.q01_age", "valid string"),
        ({}, "answers", "required"),
        ({"answers": _full(), "lang": "de"}, "lang", "'zh' or 'en'"),
        ({"answers": _full(), "customer_id": "has space"}, "customer_id", "pattern"),
        ({"answers": _full(), "age": 300}, "age", "less than or equal"),
        ({"answers": {**_full(), "q01_age": "b"}, "age": 70}, "age", "does not match"),
    ],
)  # fmt: skip
def test_score_rejects_bad_input_naming_the_field(
    client: TestClient, body: dict[str, object], field: str, message: str
) -> None:
    response = client.post("/api/risk-profile/score", json=body)
    assert response.status_code == 422
    problems = {p["field"]: p["message"] for p in response.json()["detail"]}
    assert field in problems
    assert message in problems[field]


def test_a_refused_score_stores_nothing(client: TestClient) -> None:
    customer = _customer()
    response = client.post(
        "/api/risk-profile/score", json={"answers": {"q01_age": "c"}, "customer_id": customer}
    )
    assert response.status_code == 422
    assert client.get(f"/api/risk-profile/{customer}").status_code == 404
