import asyncio
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerFaq
from tests.actions.conftest import FakeApi, make_tracker
from tests.actions.test_products import IF03

FEES = {
    "response": {
        "intent_response_key": "faq/fees_general",
        "utter_action": "utter_faq/fees_general",
    }
}


def run(text: str, *, after: str, slots: dict[str, Any], entities: list | None = None) -> list:
    latest = {
        "text": text,
        "intent": {"name": "faq", "confidence": 0.9},
        "entities": entities or [],
        "response_selector": {"faq": FEES},
    }
    tracker = make_tracker(text, intent="faq", slots=slots, entities=entities)
    tracker.latest_message = latest
    tracker.events = [
        {"event": "user", "text": "日日盈怎么样"},
        {"event": "action", "name": after},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerFaq().run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_a_service_question_gets_the_selected_answer(api: FakeApi) -> None:
    [message] = run("买理财收手续费吗", after="utter_greet", slots={"product": "IF03"})
    assert message["response"] == "utter_faq/fees_general"
    assert api.calls == []


def test_right_after_a_product_answer_it_is_about_that_product(api: FakeApi) -> None:
    api.on("GET", "/api/products/IF03", IF03)
    api.on("GET", "/api/products/search", [])  # "有什么费用" names no product
    [message] = run("有什么费用", after="action_product_info", slots={"product": "IF03"})
    assert "管理费0.5%" in message["text"]
    assert message["custom"]["products"][0]["code"] == "IF03"


def test_a_named_type_is_a_general_question_again(api: FakeApi) -> None:
    [message] = run(
        "基金有什么费用",
        after="action_product_info",
        slots={"product": "IF03"},
        entities=[{"entity": "product_type", "value": "equity_fund"}],
    )
    assert message["response"] == "utter_faq/fees_general"
