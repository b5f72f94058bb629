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
from actions.products import confident
from actions.slots import as_number, first_entity, number_slot
from actions.texts import button, language_of, say

SUGGEST_THRESHOLD = 0.6
# Requests that are clearly not a product name, typed while the form waits for one.
OFF_TOPIC_INTENTS = {
    "ask_recommendation",
    "browse_products",
    "compare_products",
    "start_risk_assessment",
    "ask_risk_profile",
    "help",
    "greet",
    "out_of_scope",
    "faq",
    "explain_term",
}
CODE = re.compile(r"^[A-Z]{2,5}\d{0,2}[A-Z0-9]{0,3}$")


def choose(matches: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One button per search match that fills the form's product."""
    return [
        {"title": m.get("name", m["code"]), "payload": f'/inform{{"product":"{m["code"]}"}}'}
        for m in matches
    ]


class ValidateIllustrationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_illustration_form"

    async def extract_product(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The message that opens the form may name the product in words the entity
        extractor missed ("沪深300那个基金"): search it once, take a clear match, else
        offer the closest ones as buttons (the form then asks which product)."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = str(tracker.latest_message.get("text") or "")
        if (
            intent != "calculate_return"
            or tracker.get_slot(PRODUCT)
            or first_entity(tracker, PRODUCT)
            or not text
            or text.startswith("/")
        ):
            return {}
        lang = language_of(tracker)
        try:
            found = await client.get("/api/products/search", q=text, lang=lang)
        except (client.ApiUnavailable, client.ApiError):
            return {}
        if found and confident(found):
            return {PRODUCT: found[0]["code"]}
        options = [m for m in found if m.get("score", 0) >= SUGGEST_THRESHOLD][:3]
        if options:
            dispatcher.utter_message(text=say("did_you_mean", lang), buttons=choose(options))
        return {}

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
        if found and confident(found):
            return {PRODUCT: found[0]["code"]}
        buttons = choose(found[:3])
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        key = "did_you_mean" if buttons else "product_unknown"
        if intent in OFF_TOPIC_INTENTS and not buttons:
            key = "illustration_off_topic"
        # Always a way out of the form, whatever was typed.
        buttons.append(button("btn_cancel_illustration", lang, "/stop"))
        dispatcher.utter_message(text=say(key, lang), buttons=buttons)
        return {PRODUCT: None}

    def validate_amount(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        amount = as_number(first_entity(tracker, AMOUNT) or value)
        if amount is None or amount <= 0:
            lang = language_of(tracker)
            dispatcher.utter_message(
                text=say("amount_invalid", lang),
                buttons=[button("btn_cancel_illustration", lang, "/stop")],
            )
            return {AMOUNT: None}
        return {AMOUNT: amount}

    def validate_horizon_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        months = as_number(first_entity(tracker, "duration") or value)
        if months is None or not 1 <= months <= 600:
            lang = language_of(tracker)
            dispatcher.utter_message(
                text=say("months_invalid", lang),
                buttons=[button("btn_cancel_illustration", lang, "/stop")],
            )
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
