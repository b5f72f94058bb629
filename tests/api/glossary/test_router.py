"""GET /api/glossary and /api/glossary/lookup through the real app."""

import re

from fastapi.testclient import TestClient

from api.glossary.terms import get_glossary

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_list_defaults_to_chinese_and_has_every_term(client: TestClient) -> None:
    response = client.get("/api/glossary")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == get_glossary().version
    assert body["lang"] == "zh"
    assert len(body["terms"]) == len(get_glossary().terms)
    nav = next(t for t in body["terms"] if t["term"] == "nav")
    assert nav["name"] == "净值" and HAN.search(nav["explanation"])


def test_list_in_english(client: TestClient) -> None:
    body = client.get("/api/glossary", params={"lang": "en"}).json()
    assert body["lang"] == "en"
    assert not any(HAN.search(t["explanation"]) for t in body["terms"])


def test_lookup_returns_the_term_named_in_the_text(client: TestClient) -> None:
    response = client.get("/api/glossary/lookup", params={"q": "封閉期是什麼意思", "lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"term", "name", "explanation"}
    assert body["term"] == "lock_up_period"
    assert body["name"].startswith("Lock-up")


def test_lookup_miss_is_a_json_404_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/glossary/lookup", params={"q": "七日年华"})
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert detail["message"].startswith("没有找到")
    assert detail["suggestions"][0]["term"] == "seven_day_annualised"
    assert detail["suggestions"][0]["name"] == "七日年化收益率"


def test_lookup_rejects_missing_query_and_unknown_language(client: TestClient) -> None:
    assert client.get("/api/glossary/lookup").status_code == 422
    assert client.get("/api/glossary/lookup", params={"q": ""}).status_code == 422
    response = client.get("/api/glossary", params={"lang": "fr"})
    assert response.status_code == 422
    assert "detail" in response.json()
