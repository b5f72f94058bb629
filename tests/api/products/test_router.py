from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update

from api.cache import Cache, RedisCache
from api.db import make_sessionmaker, unit_of_work
from api.products.models import Product
from tests.api.products.conftest import catalogue_entry

DETAIL_KEYS = {
    "code", "name", "type", "type_label", "risk_level", "yield", "term_months", "term_text",
    "lockup_days", "liquidity", "liquidity_text", "redemption", "min_investment",
    "min_investment_text", "fees", "status", "status_label", "target_segments",
    "qualified_investor_only", "principal_protected", "underlying", "key_risks", "features",
    "disclosure", "aliases",
}  # fmt: skip


def test_list_returns_summaries_in_the_chosen_language(client: TestClient) -> None:
    zh = client.get("/api/products").json()
    en = client.get("/api/products", params={"lang": "en"}).json()
    assert len(zh) == len(en) >= 32
    first_zh = next(p for p in zh if p["code"] == "MMF01")
    first_en = next(p for p in en if p["code"] == "MMF01")
    assert (
        first_zh["name"] == "日日盈货币基金A"
        and first_en["name"] == "DailyPlus Money Market Fund A"
    )
    assert first_zh["risk_level"] == "R1" and first_zh["yield"]["kind"] == "seven_day_annualised"
    assert first_en["yield"]["kind_label"] == "7-day annualised yield"


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "trust"}, lambda p: p["type"] == "trust" and p["qualified_investor_only"]),
        ({"risk_level": "R3"}, lambda p: p["risk_level"] == "R3"),
        ({"risk_level": "r3"}, lambda p: p["risk_level"] == "R3"),
        ({"max_risk_level": "R2"}, lambda p: p["risk_level"] in ("R1", "R2")),
        ({"type": "fund"}, lambda p: p["type"].endswith("_fund")),
        ({"type": "wmp"}, lambda p: p["type"].startswith("wmp_")),
        ({"type": "deposit"}, lambda p: p["principal_protected"]),
        ({"max_min_investment": 50}, lambda p: p["min_investment"] <= 50),
        ({"liquidity": "closed_end"}, lambda p: p["liquidity"] == "closed_end"),
        ({"status": "pre_sale"}, lambda p: p["status"] == "pre_sale"),
        ({"status": "closed"}, lambda p: p["code"] == "WMFI04"),
    ],
)
def test_list_filters(client: TestClient, params: dict[str, Any], check: Any) -> None:
    products = client.get("/api/products", params=params).json()
    assert products and all(check(p) for p in products)


def test_list_filters_are_validated(client: TestClient) -> None:
    for params in (
        {"type": "crypto"},
        {"risk_level": "R9"},
        {"lang": "fr"},
        {"max_min_investment": -1},
    ):
        response = client.get("/api/products", params=params)
        assert response.status_code == 422, params
        assert isinstance(response.json()["detail"], list)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_detail_carries_every_domain_field(client: TestClient, lang: str) -> None:
    response = client.get("/api/products/bf01", params={"lang": lang})
    assert response.status_code == 200
    product = response.json()
    assert product.keys() >= DETAIL_KEYS
    assert product["code"] == "BF01"
    assert set(product["yield"]) >= {"kind", "kind_label", "low", "high", "note", "text"}
    assert product["yield"]["low"] < 0  # bond funds have had losing years
    fees = product["fees"]
    assert fees["subscription"]["rate"] == 0.08 and fees["management"]["rate"] == 0.30
    assert fees["redemption"]["tiers"][0] == {"under_days": 7, "rate": 1.5}
    assert product["key_risks"] and product["features"] and product["aliases"]
    if lang == "zh":
        assert product["type_label"] == "债券基金" and "基金有风险" in product["disclosure"]
        assert product["term_text"] == "无固定期限" and product["min_investment_text"] == "10元"
    else:
        assert (
            product["type_label"] == "bond fund" and "Funds involve risk" in product["disclosure"]
        )
        assert product["term_text"] == "open-ended" and product["min_investment_text"] == "CNY 10"


def test_detail_texts_for_terms_and_minimums(client: TestClient) -> None:
    cd = client.get("/api/products/CD3Y").json()
    assert cd["term_text"] == "3年" and cd["min_investment_text"] == "20万元"
    assert cd["principal_protected"] is True
    trust = client.get("/api/products/TR01", params={"lang": "en"}).json()
    assert trust["min_investment_text"] == "CNY 1,000,000" and trust["qualified_investor_only"]
    assert trust["yield"]["text"].startswith("performance benchmark 3.40%–4.20%")


@pytest.mark.parametrize(("lang", "phrase"), [("zh", "您是否在找"), ("en", "Did you mean")])
def test_unknown_code_is_404_with_suggestions(client: TestClient, lang: str, phrase: str) -> None:
    response = client.get("/api/products/WMFI9", params={"lang": lang})
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert phrase in detail["message"]
    assert "WMFI01" in {s["code"] for s in detail["suggestions"]}


@pytest.mark.parametrize(
    ("q", "lang", "code"),
    [("日日赢", "zh", "MMF01"), ("dailyplsu", "en", "MMF01"), ("鑫享大額存單", "zh", "CD3Y")],
)
def test_search_endpoint_resolves_names_with_typos(
    client: TestClient, q: str, lang: str, code: str
) -> None:
    matches = client.get("/api/products/search", params={"q": q, "lang": lang}).json()
    assert matches[0]["code"] == code
    assert {"code", "name", "type", "risk_level", "score", "matched"} <= matches[0].keys()


def test_search_needs_a_query(client: TestClient) -> None:
    assert client.get("/api/products/search").status_code == 422
    assert client.get("/api/products/search", params={"q": "天气"}).json() == []


def test_compare_aligns_fields(client: TestClient) -> None:
    response = client.post(
        "/api/products/compare", json={"codes": ["mmf01", "WMFI01", "EF01"], "lang": "en"}
    )
    assert response.status_code == 200
    body = response.json()
    assert [p["code"] for p in body["products"]] == ["MMF01", "WMFI01", "EF01"]
    rows = {row["field"]: row for row in body["rows"]}
    assert {
        "type",
        "risk_level",
        "yield",
        "term",
        "liquidity",
        "min_investment",
        "fees",
        "key_risk",
    } <= rows.keys()
    assert all(len(row["values"]) == 3 for row in body["rows"])
    assert rows["risk_level"]["values"][2].startswith("R4")
    assert rows["yield"]["values"][0].startswith("7-day annualised yield")
    assert rows["yield"]["values"][1].startswith("performance benchmark")
    assert rows["yield"]["values"][2].startswith("historical NAV growth")
    assert "subscription fee: 0.15%" in rows["fees"]["values"][2]
    zh = client.post("/api/products/compare", json={"codes": ["TD1Y", "CD1Y"]}).json()
    assert {row["label"] for row in zh["rows"]} >= {"风险等级", "起购金额"}


@pytest.mark.parametrize(
    "codes", [["MMF01"], ["MMF01", "MMF02", "BF01", "BF02", "HF01"], ["MMF01", "mmf01"], []]
)
def test_compare_needs_two_to_four_distinct_products(client: TestClient, codes: list[str]) -> None:
    response = client.post("/api/products/compare", json={"codes": codes})
    assert response.status_code == 422
    assert response.json()["detail"]


def test_compare_names_unknown_codes(client: TestClient) -> None:
    response = client.post(
        "/api/products/compare", json={"codes": ["MMF01", "XYZ1", "TDY3"], "lang": "en"}
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail.startswith("Unknown product code(s): XYZ1, TDY3 (maybe TD3Y")


def _new_product_body(code: str) -> dict[str, Any]:
    body = catalogue_entry("MMF02").model_dump(mode="json")
    body.update(
        code=code,
        name_zh="测试货币基金",
        name_en="Test Money Fund",
        aliases_zh=["测试货基"],
        aliases_en=["TestMoney"],
    )
    return body


def test_admin_endpoints_require_the_token(client: TestClient) -> None:
    body = _new_product_body("ZNOAUTH")
    assert client.post("/api/admin/products", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert (
        client.put("/api/admin/products/MMF01", json={"yield_mid": 1.5}, headers=wrong).status_code
        == 401
    )
    response = client.delete("/api/admin/products/MMF01")
    assert response.status_code == 401 and "detail" in response.json()
    assert client.get("/api/products/MMF01").json()["status"] == "on_sale"


def test_admin_create_update_retire(
    client: TestClient, admin_headers: dict[str, str], scratch_codes: list[str]
) -> None:
    scratch_codes.append("ZADMIN01")
    created = client.post(
        "/api/admin/products", json=_new_product_body("zadmin01"), headers=admin_headers
    )
    assert created.status_code == 201 and created.json()["code"] == "ZADMIN01"
    again = client.post(
        "/api/admin/products", json=_new_product_body("ZADMIN01"), headers=admin_headers
    )
    assert again.status_code == 409

    bad = client.put(
        "/api/admin/products/ZADMIN01", json={"principal_protected": True}, headers=admin_headers
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "principal_protected"

    updated = client.put(
        "/api/admin/products/zadmin01",
        json={"yield_mid": 1.5},
        params={"lang": "en"},
        headers=admin_headers,
    )
    assert updated.status_code == 200 and updated.json()["yield"]["mid"] == 1.5

    retired = client.delete("/api/admin/products/ZADMIN01", headers=admin_headers)
    assert retired.status_code == 200 and retired.json()["status"] == "closed"
    assert client.get("/api/products/ZADMIN01").json()["status"] == "closed"
    assert client.delete("/api/admin/products/NOPE1", headers=admin_headers).status_code == 404


def test_reads_are_cached_and_admin_changes_invalidate(
    client: TestClient,
    admin_headers: dict[str, str],
    scratch_codes: list[str],
    engine: Engine,
    cache: Cache,
) -> None:
    scratch_codes.append("ZCACHE01")
    assert (
        client.post(
            "/api/admin/products", json=_new_product_body("ZCACHE01"), headers=admin_headers
        ).status_code
        == 201
    )
    assert (
        client.get("/api/products/ZCACHE01", params={"lang": "en"}).json()["name"]
        == "Test Money Fund"
    )
    listed = client.get("/api/products", params={"type": "money_market_fund", "lang": "en"}).json()
    assert "ZCACHE01" in {p["code"] for p in listed}

    # A change behind the API's back is not seen: the reads come from the cache.
    with unit_of_work(make_sessionmaker(engine)) as session:
        session.execute(
            update(Product).where(Product.code == "ZCACHE01").values(name_en="Changed Quietly")
        )
    assert (
        client.get("/api/products/ZCACHE01", params={"lang": "en"}).json()["name"]
        == "Test Money Fund"
    )
    assert isinstance(cache, RedisCache)
    assert any(
        key.startswith(b"products:detail:en:") for key in cache.client.scan_iter("products:*")
    )

    # Any admin change drops every cached read.
    client.put(
        "/api/admin/products/ZCACHE01",
        json={"name_en": "Test Money Fund Two"},
        headers=admin_headers,
    )
    assert (
        client.get("/api/products/ZCACHE01", params={"lang": "en"}).json()["name"]
        == "Test Money Fund Two"
    )
    client.delete("/api/admin/products/ZCACHE01", headers=admin_headers)
    listed = client.get("/api/products", params={"type": "money_market_fund", "lang": "en"}).json()
    assert "ZCACHE01" not in {p["code"] for p in listed}
