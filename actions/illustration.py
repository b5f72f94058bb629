"""Return illustrations: a small form (product, amount, period), figures from the API."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import client
from actions.compliance import send_reviewed
from actions.constants import AMOUNT, HORIZON_MONTHS, PRODUCT
from actions.texts import language_of, say


class ValidateIllustrationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_illustration_form"

    def validate_amount(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        try:
            amount = float(value)
        except (TypeError, ValueError):
            amount = 0.0
        if amount <= 0:
            dispatcher.utter_message(text=say("amount_invalid", language_of(tracker)))
            return {AMOUNT: None}
        return {AMOUNT: amount}

    def validate_horizon_months(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        try:
            months = int(float(value))
        except (TypeError, ValueError):
            months = 0
        if not 1 <= months <= 600:
            dispatcher.utter_message(text=say("months_invalid", language_of(tracker)))
            return {HORIZON_MONTHS: None}
        return {HORIZON_MONTHS: months}


class ActionIllustrateReturn(Action):
    def name(self) -> str:
        return "action_illustrate_return"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        lang = language_of(tracker)
        code = tracker.get_slot(PRODUCT)
        try:
            result = await client.post(
                "/api/illustrations",
                {"product_code": code, "amount": tracker.get_slot(AMOUNT), "months": int(tracker.get_slot(HORIZON_MONTHS)), "lang": lang},
            )
        except client.ApiError as exc:
            dispatcher.utter_message(text=say("illustration_refused", lang, detail=exc.detail))
            return [SlotSet(AMOUNT, None)]
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        lines = [result["text"], say("assumptions", lang), *(f"· {a}" for a in result.get("assumptions", []))]
        custom = {
            "type": "illustration",
            "product_code": code,
            "scenarios": result["scenarios"],
            "assumptions": result.get("assumptions", []),
            "caveats": result.get("caveats", []),
        }
        await send_reviewed(dispatcher, tracker, "\n".join(lines), product_codes=[code], custom=custom, has_figures=True)
        return []
