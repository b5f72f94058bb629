"""Return illustrations: a small form (product, amount, period), figures from the API.

Every answer inside the form gets a reply: values are taken from the entity extractor,
and free text is resolved (a product name via search) or explained back to the customer.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import client
from actions.compliance import send_reviewed
from actions.constants import AMOUNT, HORIZON_MONTHS, PRODUCT
from actions.slots import as_number, first_entity, number_slot
from actions.texts import language_of, say

CODE = re.compile(r"^[A-Z]{2,5}\d{0,2}[A-Z0-9]{0,3}$")


class ValidateIllustrationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_illustration_form"

    async def validate_product(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        lang = language_of(tracker)
        code = first_entity(tracker, PRODUCT) or (str(value).strip() if value else "")
        if CODE.match(code.upper()):
            return {PRODUCT: code.upper()}
        try:
            found = await client.get("/api/products/search", q=code, lang=lang) if code else []
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return {PRODUCT: None}
        if found and found[0].get("score", 0) >= 0.85:
            return {PRODUCT: found[0]["code"]}
        buttons = [
            {"title": m.get("name", m["code"]), "payload": f'/inform{{"product":"{m["code"]}"}}'}
            for m in found[:3]
        ]
        dispatcher.utter_message(
            text=say("did_you_mean" if buttons else "product_unknown", lang), buttons=buttons
        )
        return {PRODUCT: None}

    def validate_amount(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        amount = as_number(first_entity(tracker, AMOUNT) or value)
        if amount is None or amount <= 0:
            dispatcher.utter_message(text=say("amount_invalid", language_of(tracker)))
            return {AMOUNT: None}
        return {AMOUNT: amount}

    def validate_horizon_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        months = as_number(first_entity(tracker, "duration") or value)
        if months is None or not 1 <= months <= 600:
            dispatcher.utter_message(text=say("months_invalid", language_of(tracker)))
            return {HORIZON_MONTHS: None}
        return {HORIZON_MONTHS: int(months)}


class ActionIllustrateReturn(Action):
    def name(self) -> str:
        return "action_illustrate_return"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        code = tracker.get_slot(PRODUCT)
        try:
            result = await client.post(
                "/api/illustrations",
                {
                    "product_code": code,
                    "amount": number_slot(tracker, AMOUNT),
                    "months": int(number_slot(tracker, HORIZON_MONTHS) or 0),
                    "lang": lang,
                },
            )
        except client.ApiError as exc:
            detail = (
                exc.detail
                if isinstance(exc.detail, str)
                else "; ".join(
                    d.get("message", "") for d in exc.detail or [] if isinstance(d, dict)
                )
            )
            dispatcher.utter_message(text=say("illustration_refused", lang, detail=detail))
            return [SlotSet(AMOUNT, None), SlotSet(HORIZON_MONTHS, None)]
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        lines = [
            result["text"],
            say("assumptions", lang),
            *(f"· {a}" for a in result.get("assumptions", [])),
            # The caveats (past performance, benchmark is not a promise) travel in the text.
            *result.get("caveats", []),
        ]
        custom = {
            "type": "illustration",
            "product_code": code,
            "scenarios": result["scenarios"],
            "assumptions": result.get("assumptions", []),
            "caveats": result.get("caveats", []),
        }
        await send_reviewed(
            dispatcher,
            tracker,
            "\n".join(lines),
            product_codes=[code],
            custom=custom,
            has_figures=True,
        )
        return []
