"""POST /api/suitability/match and /check over HTTP: contract shapes, refusals, audit."""

import uuid
from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from api.db import make_sessionmaker, unit_of_work
from api.profiling.models import RiskProfile
from api.suitability.models import RecommendationRecord


def _customer() -> str:
    return f"web-{uuid.uuid4().hex[:12]}"


def _records(engine: Engine, customer: str) -> list[RecommendationRecord]:
    with unit_of_work(make_sessionmaker(engine)) as session:
        statement = select(RecommendationRecord).where(RecommendationRecord.customer_id == customer)
        return list(session.scalars(statement))


def test_match_has_the_contract_shape(client: TestClient) -> None:
    body = {"level": "C3", "lowest_category": False, "amount": 100_000, "horizon_months": 12,
            "age": 40, "lang": "en"}  # fmt: skip
    response = client.post("/api/suitability/match", json=body)
    assert response.status_code == 200
    result = response.json()
    assert {"recommendations", "excluded"} <= set(result)
    assert result["recommendations"], "a C3 investor with 100k for a year has options"
    for item in result["recommendations"]:
        assert {"code", "risk_level", "reasons"} <= set(item)
        assert item["risk_level"] in ("R1", "R2", "R3")
        assert (
            item["reasons"][0]
            == f"Risk level {item['risk_level']} is within your assessed level C3"
        )
    for item in result["excluded"]:
        assert {"code", "reason"} <= set(item) and item["reason"]
    excluded = {e["code"]: e["rule"] for e in result["excluded"]}
    assert excluded["TR01"] == "qualified_only"
    assert excluded["WMFI04"] == "closed"
    assert excluded["EF02"] == "above_level"


def test_match_for_a_senior_offers_a_human(client: TestClient) -> None:
    body = {"level": "C5", "lowest_category": False, "age": 72}
    result = client.post("/api/suitability/match", json=body).json()
    assert {r["risk_level"] for r in result["recommendations"]} <= {"R1", "R2"}
    assert result["advisor_offer"] is True
    assert any("人工理财顾问" in note for note in result["notes"])


def test_match_for_high_net_worth_suggests_an_advisor_appointment(client: TestClient) -> None:
    body = {"level": "C4", "lowest_category": False, "amount": 20_000_000, "lang": "en"}
    result = client.post("/api/suitability/match", json=body).json()
    assert result["advisor_offer"] is True
    assert any("dedicated advisor" in note for note in result["notes"])


def test_match_without_any_assessment_is_refused_and_recorded(
    client: TestClient, engine: Engine
) -> None:
    customer = _customer()
    response = client.post("/api/suitability/match", json={"customer_id": customer, "lang": "en"})
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert detail["code"] == "assessment_required"
    assert detail["questionnaire"] == "/api/questionnaire"
    [record] = _records(engine, customer)
    assert (record.kind, record.status_code) == ("match", 409)


def test_match_with_an_expired_profile_is_refused(client: TestClient, engine: Engine) -> None:
    customer = _customer()
    with unit_of_work(make_sessionmaker(engine)) as session:
        session.add(
            RiskProfile(
                customer_id=customer, questionnaire_version="2025.1", answers={}, score=85,
                level="C5", lowest_category=False, lowest_category_triggers=[], age=None,
                assessed_at=datetime(2023, 1, 2), valid_until=date(2024, 1, 2),
            )
        )  # fmt: skip
    body = {"customer_id": customer, "level": "C5", "lowest_category": False}
    response = client.post("/api/suitability/match", json=body)
    assert response.status_code == 409
    assert response.json()["detail"]["code"] == "assessment_expired"
    check = client.post("/api/suitability/check", json={**body, "product_code": "DD01"})
    assert check.status_code == 409


def test_match_for_a_freshly_scored_customer(client: TestClient, engine: Engine) -> None:
    customer = _customer()
    questionnaire = client.get("/api/questionnaire").json()
    answers = {q["id"]: q["options"][-1]["id"] for q in questionnaire["questions"]}
    answers["q11_max_loss"] = "a"  # cannot bear any loss: lowest category
    scored = client.post(
        "/api/risk-profile/score", json={"answers": answers, "customer_id": customer}
    )
    assert scored.json()["lowest_category"] is True
    result = client.post("/api/suitability/match", json={"customer_id": customer}).json()
    assert result["investor"]["level"] == "C1"
    assert {r["risk_level"] for r in result["recommendations"]} == {"R1"}
    assert len(_records(engine, customer)) == 1


@pytest.mark.parametrize(
    ("body", "eligible", "handoff"),
    [
        ({"level": "C3", "lowest_category": False, "product_code": "WMMX01"}, True, False),
        ({"level": "C2", "lowest_category": False, "product_code": "EF02"}, False, True),
        ({"level": "C1", "lowest_category": True, "product_code": "WMFI01"}, False, False),
        ({"level": "C1", "lowest_category": True, "product_code": "DD01"}, True, False),
        ({"level": "C5", "lowest_category": False, "product_code": "IF01", "age": 65}, False, True),
        ({"level": "C5", "lowest_category": False, "product_code": "TR01"}, False, True),
        ({"level": "C5", "lowest_category": False, "product_code": "WMFI04"}, False, False),
        (
            {"level": "C5", "lowest_category": False, "product_code": "DD01", "age": 12},
            False,
            False,
        ),
    ],
)
def test_check_has_the_contract_shape_and_hands_off_when_required(
    client: TestClient, body: dict[str, object], eligible: bool, handoff: bool
) -> None:
    response = client.post("/api/suitability/check", json=body)
    assert response.status_code == 200
    result = response.json()
    assert {"eligible", "reason", "handoff_required"} <= set(result)
    assert (result["eligible"], result["handoff_required"]) == (eligible, handoff)
    assert result["reason"]


def test_check_of_an_unknown_product_is_404_and_recorded(
    client: TestClient, engine: Engine
) -> None:
    customer = _customer()
    body = {
        "level": "C3",
        "lowest_category": False,
        "product_code": "ZZ404",
        "customer_id": customer,
    }
    response = client.post("/api/suitability/check", json=body)
    assert response.status_code == 404
    assert (
        response.json()["detail"]["code"] == "ZZ404"
    )  # products domain: {message, code, suggestions}
    [record] = _records(engine, customer)
    assert (record.kind, record.status_code) == ("check", 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"level": "C9", "lowest_category": False}, "level"),
        ({"level": "C3"}, "body"),
        ({"level": "C3", "lowest_category": False, "amount": -5}, "amount"),
        ({"level": "C3", "lowest_category": False, "horizon_months": 0}, "horizon_months"),
        ({"level": "C3", "lowest_category": False, "age": 200}, "age"),
        ({"level": "C3", "lowest_category": False, "lang": "fr"}, "lang"),
        ({"level": "C3", "lowest_category": False, "objective": "moon"}, "objective"),
        ({"level": "C3", "lowest_category": False, "product_types": ["crypto"]}, "product_types"),
        ({"level": "C3", "lowest_category": False, "customer_id": "a b"}, "customer_id"),
    ],
)
def test_match_rejects_bad_input_naming_the_field(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/suitability/match", json=body)
    assert response.status_code == 422
    assert field in {p["field"] for p in response.json()["detail"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"level": "C3", "lowest_category": False}, "product_code"),
        ({"level": "C3", "lowest_category": False, "product_code": ""}, "product_code"),
        ({"level": "X", "lowest_category": False, "product_code": "DD01"}, "level"),
        ({"level": "C3", "product_code": "DD01"}, "body"),
        ({"level": "C3", "lowest_category": False, "product_code": "DD01", "age": -1}, "age"),
    ],
)
def test_check_rejects_bad_input_naming_the_field(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/suitability/check", json=body)
    assert response.status_code == 422
    assert field in {p["field"] for p in response.json()["detail"]}


def test_lower_case_levels_are_accepted(client: TestClient) -> None:
    response = client.post("/api/suitability/match", json={"level": "c2", "lowest_category": False})
    assert response.status_code == 200
    assert response.json()["investor"]["level"] == "C2"
