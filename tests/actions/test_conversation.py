import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionFallback
from tests.actions.conftest import make_tracker


def user(text: str, intent: str) -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def test_first_misunderstanding_asks_to_rephrase_with_suggestions() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "asdf",
        intent="nlu_fallback",
        slots={"language": "en"},
        events=[user("hi", "greet"), user("asdf", "nlu_fallback")],
    )
    events = asyncio.run(ActionFallback().run(dispatcher, tracker, {}))
    assert events == []
    assert "rephrase" in dispatcher.messages[0]["text"]
    assert len(dispatcher.messages[0]["buttons"]) == 3


def test_second_misunderstanding_in_a_row_offers_a_person() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "qwer",
        intent="nlu_fallback",
        events=[user("asdf", "nlu_fallback"), user("qwer", "nlu_fallback")],
    )
    events = asyncio.run(ActionFallback().run(dispatcher, tracker, {}))
    assert SlotSet("offer", "human") in events
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/request_human"
