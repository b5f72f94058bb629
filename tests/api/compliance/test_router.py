import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.compliance.router import get_rule_store
from api.compliance.ruleset import RuleSetStore
from tests.api.compliance.conftest import small_rules

REVIEW = "/api/compliance/review"
REVIEWS = "/api/admin/compliance/reviews"


@pytest.fixture
def temp_rules_client(client: TestClient, temp_store: RuleSetStore) -> Iterator[TestClient]:
    client.app.dependency_overrides[get_rule_store] = lambda: temp_store  # type: ignore[attr-defined]
    yield client
    client.app.dependency_overrides.pop(get_rule_store)  # type: ignore[attr-defined]


def test_an_approved_message_gets_its_disclosures(client: TestClient) -> None:
    body = {"text": "这款货币基金七日年化收益率1.85%。", "lang": "zh", "product_codes": ["MMF01"]}
    response = client.post(REVIEW, json=body)
    assert response.status_code == 200
    result = response.json()
    assert result["approved"] is True
    assert result["violations"] == []
    assert result["text"].startswith(body["text"] + "\n")
    assert "基金有风险，投资需谨慎。" in result["disclosures"]
    assert result["text"].endswith(result["disclosures"][-1])
    assert result["rule_version"] == client.get("/api/compliance/version").json()["rule_version"]


def test_a_violation_is_replaced_by_a_safe_reply(client: TestClient) -> None:
    response = client.post(REVIEW, json={"text": "This fund is risk-free!", "lang": "en"})
    result = response.json()
    assert response.status_code == 200
    assert result["approved"] is False
    assert result["violations"] == [{"rule": "risk_free", "match": "risk-free"}]
    assert "risk-free" not in result["text"].lower()
    assert result["text"].startswith("Sorry")


def test_catalogue_deposits_may_state_principal_protection(client: TestClient) -> None:
    text = "这款定期存款保本保息。"
    deposit = client.post(REVIEW, json={"text": text, "product_codes": ["td1y"]}).json()
    assert deposit["approved"] is True
    assert any("存款保险" in line for line in deposit["disclosures"])
    wealth = client.post(REVIEW, json={"text": text, "product_codes": ["WMFI01"]}).json()
    assert wealth["approved"] is False
    unknown = client.post(REVIEW, json={"text": text, "product_codes": ["NO-SUCH"]}).json()
    assert unknown["approved"] is False


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "   "},
        {"text": "hello", "lang": "fr"},
        {"lang": "zh"},
        {"text": "hello", "product_codes": [""]},
        {"text": "x" * 5001},
    ],
)
def test_bad_requests_are_422(client: TestClient, body: dict[str, object]) -> None:
    response = client.post(REVIEW, json=body)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_every_review_is_audited_with_its_rule_version(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    conversation = f"audit-{uuid.uuid4().hex}"
    text = f"零风险，稳赚不赔 {conversation}"
    result = client.post(
        REVIEW, json={"text": text, "conversation_id": conversation, "product_codes": ["BF01"]}
    ).json()
    client.post(REVIEW, json={"text": f"您好 {conversation}", "conversation_id": conversation})
    rows = client.get(
        REVIEWS, params={"rule": "sure_win", "limit": 1000}, headers=admin_headers
    ).json()
    mine = [row for row in rows if row["conversation_id"] == conversation]
    assert len(mine) == 1
    assert mine[0]["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert mine[0]["approved"] is False
    assert mine[0]["rules_fired"] == ["guaranteed_return", "risk_free", "sure_win"]
    assert mine[0]["rule_version"] == result["rule_version"]
    assert mine[0]["product_codes"] == ["BF01"]
    approved = client.get(
        REVIEWS, params={"approved": "true", "limit": 1000}, headers=admin_headers
    ).json()
    assert [row["approved"] for row in approved if row["conversation_id"] == conversation] == [True]
    later = client.get(
        REVIEWS, params={"since": "2999-01-01T00:00:00"}, headers=admin_headers
    ).json()
    assert later == []


def test_admin_endpoints_need_the_admin_token(client: TestClient) -> None:
    assert client.get(REVIEWS).status_code == 401
    assert client.post("/api/admin/compliance/reload").status_code == 401


def test_reload_endpoint_applies_an_edit_at_once(
    temp_rules_client: TestClient,
    rule_files: Callable[[str], tuple[Path, Path]],
    admin_headers: dict[str, str],
) -> None:
    client = temp_rules_client
    assert client.post(REVIEW, json={"text": "这是新违规词"}).json()["approved"] is True
    rule_files(small_rules("t2", "新违规词", "forbidden phrase"))
    response = client.post("/api/admin/compliance/reload", headers=admin_headers)
    assert response.status_code == 200
    assert response.json()["rules_version"] == "t2"
    result = client.post(REVIEW, json={"text": "这是新违规词"}).json()
    assert result["approved"] is False
    assert result["rule_version"].startswith("t2+")
    assert client.get("/api/compliance/version").json()["rules_version"] == "t2"


def test_reload_endpoint_refuses_a_broken_file_and_keeps_the_old_rules(
    temp_rules_client: TestClient,
    rule_files: Callable[[str], tuple[Path, Path]],
    admin_headers: dict[str, str],
) -> None:
    client = temp_rules_client
    assert client.get("/api/compliance/version").json()["rules_version"] == "t1"
    rule_files("rules: not a list")
    response = client.post("/api/admin/compliance/reload", headers=admin_headers)
    assert response.status_code == 422
    assert "rules.yml" in response.json()["detail"]
    version = client.get("/api/compliance/version").json()
    assert version["rules_version"] == "t1"
    assert version["last_error"]
    assert client.post(REVIEW, json={"text": "测试违规"}).json()["approved"] is False


def test_rules_that_never_loaded_make_review_unavailable(
    client: TestClient, rule_files: Callable[[str], tuple[Path, Path]]
) -> None:
    rules, disclosures = rule_files("version: [broken")
    client.app.dependency_overrides[get_rule_store] = lambda: RuleSetStore(rules, disclosures)  # type: ignore[attr-defined]
    try:
        response = client.post(REVIEW, json={"text": "您好"})
    finally:
        client.app.dependency_overrides.pop(get_rule_store)  # type: ignore[attr-defined]
    assert response.status_code == 503
    assert "rules.yml" in response.json()["detail"]
