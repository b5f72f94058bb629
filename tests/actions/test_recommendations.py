import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.client import ApiError
from actions.recommendations import ActionRecommend
from tests.actions.conftest import FakeApi, make_tracker


def product(code: str, risk: str) -> dict:
    return {
        "code": code,
        "name": code,
        "risk_level": risk,
        "yield": {"text": "1%"},
        "term_text": "1年",
        "min_investment_text": "1元",
    }


def test_no_profile_offers_the_questionnaire_not_products(api: FakeApi) -> None:
    def missing(_p: object, _j: object) -> None:
        raise ApiError(404, "no profile")

    api.on("GET", "/api/risk-profile/tester", missing)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ActionRecommend().run(dispatcher, make_tracker("推荐一下", intent="ask_recommendation"), {})
    )
    assert SlotSet("offer", "questionnaire") in events
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/start_risk_assessment"
    assert not api.posted("/api/suitability/match")


def test_suggestions_come_only_from_the_suitability_engine(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/suitability/match",
        {
            "recommendations": [
                {"code": "WMFI01", "risk_level": "R2", "reasons": ["风险等级R2不高于C2"]}
            ],
            "excluded": [],
            "notes": [],
        },
    )
    api.on("GET", "/api/products/WMFI01", product("WMFI01", "R2"))
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "推荐",
        intent="ask_recommendation",
        slots={
            "investor_level": "C2",
            "lowest_category": False,
            "amount": 50000.0,
            "horizon_months": 12.0,
        },
    )
    asyncio.run(ActionRecommend().run(dispatcher, tracker, {}))
    [match] = api.posted("/api/suitability/match")
    assert match["level"] == "C2" and match["lowest_category"] is False
    assert match["amount"] == 50000.0 and match["horizon_months"] == 12
    [message] = dispatcher.messages
    assert [c["code"] for c in message["custom"]["products"]] == ["WMFI01"]
    assert "风险等级R2不高于C2" in message["text"]
    assert api.posted("/api/compliance/review")[0]["product_codes"] == ["WMFI01"]


def test_silver_customers_are_offered_a_person(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/suitability/match",
        {"recommendations": [{"code": "TD1Y", "risk_level": "R1", "reasons": []}], "excluded": []},
    )
    api.on("GET", "/api/products/TD1Y", product("TD1Y", "R1"))
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "推荐", slots={"investor_level": "C3", "lowest_category": False, "age": 67.0}
    )
    events = asyncio.run(ActionRecommend().run(dispatcher, tracker, {}))
    assert SlotSet("offer", "human") in events
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/request_human"
    assert api.posted("/api/suitability/match")[0]["age"] == 67
