from typing import Any

import pytest
from fastapi.testclient import TestClient

RESPONSE_KEYS = {
    "product_code",
    "amount",
    "months",
    "yield_kind",
    "scenarios",
    "assumptions",
    "caveats",
    "text",
}


def test_illustration_endpoint_shape(client: TestClient) -> None:
    response = client.post(
        "/api/illustrations",
        json={"product_code": "mmf01", "amount": 10000, "months": 12, "lang": "en"},
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == RESPONSE_KEYS
    assert body["product_code"] == "MMF01" and body["yield_kind"] == "seven_day_annualised"
    assert [s["name"] for s in body["scenarios"]] == ["lower", "current", "upper"]
    assert body["scenarios"][1] == {
        "name": "current",
        "label": "at the current 7-day yield",
        "annual_rate": 1.36,
        "end_value": 10136.0,
        "gain": 136.0,
    }
    assert "Past performance does not indicate future results." in body["caveats"]
    assert body["text"].startswith(
        "DailyPlus Money Market Fund A: CNY 10,000.00 held for 12 months"
    )


@pytest.mark.parametrize(
    "body",
    [
        {"product_code": "MMF01", "amount": 0, "months": 12},
        {"product_code": "MMF01", "amount": -5, "months": 12},
        {"product_code": "MMF01", "amount": "lots", "months": 12},
        {"product_code": "MMF01", "amount": 100, "months": 0},
        {"product_code": "MMF01", "amount": 100, "months": 601},
        {"product_code": "MMF01", "amount": 100},
        {"product_code": "MMF01", "amount": 100, "months": 12, "lang": "fr"},
        {"product_code": "MMF01", "amount": 100, "months": 12, "extra": 1},
    ],
)
def test_bad_input_is_422_json(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/api/illustrations", json=body)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"product_code": "CD3Y", "amount": 1000, "months": 36}, "20万元"),
        ({"product_code": "CD3Y", "amount": 1000, "months": 36, "lang": "en"}, "CNY 200,000"),
        ({"product_code": "WMFI04", "amount": 100000, "months": 6, "lang": "en"}, "closed"),
        ({"product_code": "SDG3M", "amount": 100000, "months": 2}, "不少于3个月"),
    ],
)
def test_product_rules_are_422_with_a_reason(
    client: TestClient, body: dict[str, Any], says: str
) -> None:
    response = client.post("/api/illustrations", json=body)
    assert response.status_code == 422
    assert says in response.json()["detail"]


def test_unknown_product_is_404_with_suggestions(client: TestClient) -> None:
    response = client.post(
        "/api/illustrations", json={"product_code": "EF1", "amount": 100, "months": 12}
    )
    assert response.status_code == 404
    assert "EF01" in {s["code"] for s in response.json()["detail"]["suggestions"]}
