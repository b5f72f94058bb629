import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.products import ActionProductInfo
from tests.actions.conftest import FakeApi, make_tracker

IF03 = {
    "code": "IF03",
    "name": "锐见创业板ETF联接基金A",
    "type_label": "指数基金",
    "risk_level": "R5",
    "status_label": "在售",
    "yield": {"text": "历史净值增长率 -30.1%~64.9%"},
    "key_risks": ["波动大"],
    "features": ["跟踪创业板"],
    "fees": {"text": "管理费0.5%"},
}


def ask(api: FakeApi, slots: dict) -> tuple[list, list]:
    api.on("GET", "/api/products/IF03", IF03)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "锐见创业板风险大吗",
        intent="ask_product_info",
        slots=slots,
        entities=[{"entity": "product", "value": "IF03"}],
    )
    events = asyncio.run(ActionProductInfo().run(dispatcher, tracker, {}))
    return events, dispatcher.messages


def test_above_level_question_is_answered_with_a_clear_warning(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/suitability/check",
        {"eligible": False, "reason": "R5高于C3", "handoff_required": True},
    )
    events, [message] = ask(api, {"investor_level": "C3", "lowest_category": False})
    assert "超出您的风险测评结果（C3）" in message["text"]
    assert "不能在这里协助您购买" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/request_human"]
    assert SlotSet("offer", "above_level") in events
    assert message["custom"]["products"][0]["code"] == "IF03"


def test_lowest_category_is_never_offered_a_way_to_buy(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/suitability/check",
        {"eligible": False, "reason": "最低类别仅限R1", "handoff_required": False},
    )
    events, [message] = ask(api, {"investor_level": "C1", "lowest_category": True})
    assert "只适合R1级" in message["text"]
    assert SlotSet("offer", "above_level") not in events


def test_without_a_profile_the_facts_are_given_without_a_check(api: FakeApi) -> None:
    events, [message] = ask(api, {})
    assert not api.posted("/api/suitability/check")
    assert "【锐见创业板ETF联接基金A】" in message["text"]
    assert events == [SlotSet("product", "IF03")]


def test_browsing_filters_on_this_message_not_an_earlier_type(api: FakeApi) -> None:
    from actions.products import ActionBrowseProducts

    api.on("GET", "/api/products", lambda params, _j: [dict(IF03, code="DD01", risk_level="R1")])
    tracker = make_tracker(
        "有哪些低风险的产品", intent="browse_products", slots={"product_type": "index_fund"}
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionBrowseProducts().run(dispatcher, tracker, {}))
    [(_, _, params, _)] = [c for c in api.calls if c[1] == "/api/products"]
    assert params["type"] is None
    assert params["max_risk_level"] == "R1"
