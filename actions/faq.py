"""Service questions (faq/<topic>): the selected answer, or, right after a product answer, that
product's own fees / minimum / redemption ("有什么费用?" after 日日盈 is about 日日盈)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.attributes import asked_attribute
from actions.constants import PRODUCT, PRODUCT_TYPE
from actions.conversation import previous_turn
from actions.products import ActionProductInfo
from actions.slots import entity_values

# General topics that a follow-up about the product just shown is classified as.
PRODUCT_TOPICS = frozenset(
    {"fees_general", "redemption_time", "min_investment_general", "interest_payment"}
)
PRODUCT_ANSWERS = frozenset({"action_product_info"})


def faq_response(tracker: Tracker) -> str | None:
    """The response the ResponseSelector chose, e.g. "utter_faq/fees_general"."""
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    action = response.get("utter_action")
    if action:
        return str(action)
    key = response.get("intent_response_key")
    return f"utter_{key}" if key else None


def last_bot_action(tracker: Tracker) -> str | None:
    """The last action before the latest user message (action_listen skipped)."""
    return next(
        (
            str(event.get("name"))
            for event in previous_turn(tracker)
            if event.get("event") == "action" and event.get("name") != "action_listen"
        ),
        None,
    )


def about_shown_product(tracker: Tracker, response: str | None) -> bool:
    topic = response.split("/", 1)[1] if response and "/" in response else None
    return bool(
        topic in PRODUCT_TOPICS
        and tracker.get_slot(PRODUCT)
        and last_bot_action(tracker) in PRODUCT_ANSWERS
        and not entity_values(tracker, PRODUCT_TYPE)
        and asked_attribute(tracker.latest_message.get("text") or "")
    )


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        response = faq_response(tracker)
        if about_shown_product(tracker, response):
            return await ActionProductInfo().run(dispatcher, tracker, domain)
        if response:
            dispatcher.utter_message(response=response)
        else:
            dispatcher.utter_message(response="utter_help")
        return []
