"""Handing the conversation to a person: recorded through POST /api/handoffs, told honestly."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.constants import (
    AGE,
    AMOUNT,
    HANDOFF_ID,
    HIGH_NET_WORTH_AMOUNT,
    INVESTOR_LEVEL,
    OFFER,
    OFFER_ABOVE_LEVEL,
    OFFER_HUMAN,
    OFFER_NONE,
    PRODUCT,
    SILVER_AGE,
)
from actions.conversation import previous_user_intent
from actions.slots import number_slot
from actions.texts import language_of, say


def handoff_reason(tracker: Tracker) -> str:
    """Why a person is needed (DOMAIN §6), for the staff queue and the insights."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    age = number_slot(tracker, AGE)
    amount = number_slot(tracker, AMOUNT)
    if intent == "complaint":
        return "complaint"
    if tracker.get_slot(OFFER) == OFFER_ABOVE_LEVEL:
        return "silver_high_risk" if age is not None and age >= SILVER_AGE else "above_level"
    if amount is not None and amount > HIGH_NET_WORTH_AMOUNT:
        return "high_net_worth"
    if intent == "nlu_fallback" or intent is None:
        return "repeated_misunderstanding"
    if tracker.get_slot(OFFER) == OFFER_HUMAN and previous_user_intent(tracker) == "nlu_fallback":
        return "repeated_misunderstanding"  # "yes" to the person offered after two misses
    return "customer_request"


class ActionRequestHuman(Action):
    def name(self) -> str:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        reason = handoff_reason(tracker)
        try:
            handoff = await client.post(
                "/api/handoffs",
                {
                    "sender": tracker.sender_id,
                    "reason": reason,
                    "language": lang,
                    "investor_level": tracker.get_slot(INVESTOR_LEVEL),
                    "age": int(number_slot(tracker, AGE) or 0) or None,
                    "amount": number_slot(tracker, AMOUNT),
                    "product_code": tracker.get_slot(PRODUCT),
                    "last_message": tracker.latest_message.get("text"),
                },
            )
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("handoff_failed", lang))
            return [SlotSet(OFFER, OFFER_NONE)]
        key = "handoff_complaint" if reason == "complaint" else "handoff_queued"
        dispatcher.utter_message(
            text=say(
                key,
                lang,
                position=handoff.get("position", 1),
                wait=handoff.get("expected_wait_minutes", 5),
                ticket=handoff["id"],
            ),
            json_message={
                "type": "handoff",
                "status": handoff.get("status", "queued"),
                "position": handoff.get("position"),
                "expected_wait_minutes": handoff.get("expected_wait_minutes"),
                "handoff_id": handoff["id"],
            },
        )
        return [SlotSet(HANDOFF_ID, str(handoff["id"])), SlotSet(OFFER, OFFER_NONE)]


class ActionStop(Action):
    """ "Cancel" / "不用了" outside a form: withdraws a handoff still waiting for a person
    (the customer may cancel and come back to the bot, DOMAIN §6), else just acknowledges."""

    def name(self) -> str:
        return "action_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        handoff_id = tracker.get_slot(HANDOFF_ID)
        if not handoff_id:
            dispatcher.utter_message(text=say("stopped", lang))
            return []
        try:
            handoff = await client.post(f"/api/handoffs/{handoff_id}/cancel", {})
        except client.ApiError:
            handoff = None  # already answered, resolved or cancelled: nothing to withdraw
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("handoff_cancel_failed", lang))
            return []
        key = "stopped" if handoff is None else "handoff_cancelled"
        dispatcher.utter_message(text=say(key, lang, ticket=handoff_id))
        return [SlotSet(HANDOFF_ID, None)]
