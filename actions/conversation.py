"""Conversation mechanics: language switch, answering an offer, and graceful fallback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import OFFER, OFFER_HUMAN, OFFER_NONE
from actions.texts import button, language_of, say


class ActionSwitchLanguage(Action):
    def name(self) -> str:
        return "action_switch_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        dispatcher.utter_message(text=say("language_switched", lang))
        return []


class ActionAcceptOffer(Action):
    """ "Yes" with no pending offer (offers themselves are answered by rules on `offer`)."""

    def name(self) -> str:
        return "action_accept_offer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        if last_bot_custom(tracker).get("suitability") == "not_allowed":
            # "I still want it" after we said a lowest-category customer can't buy a product
            # (DOMAIN §4.3): repeat that plainly and point to what does suit them.
            dispatcher.utter_message(
                text=say("still_not_allowed", lang),
                buttons=[
                    button("btn_recommend", lang, "/ask_recommendation"),
                    button("btn_talk_to_person", lang, "/request_human"),
                ],
            )
            return []
        dispatcher.utter_message(text=say("what_next", lang))
        return []


def previous_turn(tracker: Tracker) -> Iterator[dict[str, Any]]:
    """The events between the customer's previous message and the latest one, newest first
    (what the bot said and did in answer to the previous message)."""
    seen_latest = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_latest:
                return
            seen_latest = True
        elif seen_latest:
            yield event


def last_bot_custom(tracker: Tracker) -> dict[str, Any]:
    """The custom payload of the bot's last message before the latest user message."""
    for event in previous_turn(tracker):
        custom = (event.get("data") or {}).get("custom") if event.get("event") == "bot" else None
        if isinstance(custom, dict):
            return custom
    return {}


class ActionDeclineOffer(Action):
    def name(self) -> str:
        return "action_decline_offer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=say("offer_declined", language_of(tracker)))
        return [SlotSet(OFFER, OFFER_NONE)]


def previous_user_intent(tracker: Tracker) -> str | None:
    """The intent of the user message before the latest one."""
    seen_latest = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_latest:
                return (event.get("parse_data") or {}).get("intent", {}).get("name")
            seen_latest = True
    return None


class ActionFallback(Action):
    """First misunderstanding: ask to rephrase with suggestions; second in a row: offer a person."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        if previous_user_intent(tracker) == "nlu_fallback":
            dispatcher.utter_message(
                text=say("fallback_second", lang),
                buttons=[
                    button("btn_talk_to_person", lang, "/request_human"),
                    button("btn_help", lang, "/help"),
                ],
            )
            return [SlotSet(OFFER, OFFER_HUMAN)]
        dispatcher.utter_message(
            text=say("fallback_first", lang),
            buttons=[
                button("btn_browse", lang, "/browse_products"),
                button("btn_start_questionnaire", lang, "/start_risk_assessment"),
                button("btn_recommend", lang, "/ask_recommendation"),
            ],
        )
        return []
