"""Suitable suggestions: only from /api/suitability/match, never without a valid profile."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.cards import cards_payload, product_line
from actions.compliance import send_reviewed
from actions.constants import (
    AGE,
    AMOUNT,
    HIGH_NET_WORTH_AMOUNT,
    HORIZON_MONTHS,
    INVESTOR_LEVEL,
    LOWEST_CATEGORY,
    OFFER,
    OFFER_HUMAN,
    OFFER_QUESTIONNAIRE,
    PROFILE_VALID_UNTIL,
    SILVER_AGE,
)
from actions.slots import number_slot
from actions.texts import button, language_of, say

MAX_SUGGESTIONS = 3
SILVER_REASONS = 2
# A note from the matcher that already offers a person (60+): not offered twice.
PERSON_WORDS = ("人工", "理财顾问", "理财经理", "person", "advisor", "adviser")


async def current_profile(tracker: Tracker) -> dict[str, Any] | None:
    """The customer's valid profile (slots first, then the API), or None."""
    valid_until = str(tracker.get_slot(PROFILE_VALID_UNTIL) or "")
    if valid_until and valid_until[:10] < date.today().isoformat():
        return None  # assessed in this conversation, but the 12 months have run out since
    if tracker.get_slot(INVESTOR_LEVEL):
        return {
            "level": tracker.get_slot(INVESTOR_LEVEL),
            "lowest_category": bool(tracker.get_slot(LOWEST_CATEGORY)),
            "valid_until": tracker.get_slot(PROFILE_VALID_UNTIL),
            "status": "valid",
        }
    try:
        profile = await client.get(f"/api/risk-profile/{tracker.sender_id}")
    except client.ApiError as exc:
        if exc.status == 404:
            return None
        raise
    return profile if profile.get("status") == "valid" else None


class ActionRecommend(Action):
    def name(self) -> str:
        return "action_recommend"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        offer_questionnaire = [button("btn_start_questionnaire", lang, "/start_risk_assessment")]
        try:
            profile = await current_profile(tracker)
            if profile is None:
                text = say("recommend_needs_profile", lang)
                buttons = offer_questionnaire
                amount = number_slot(tracker, AMOUNT)
                if amount is not None and amount > HIGH_NET_WORTH_AMOUNT:
                    # High-net-worth: a dedicated advisor rather than self-service (DOMAIN §1).
                    text += "\n" + say("offer_advisor_wealthy", lang)
                    buttons = [*buttons, button("btn_talk_to_person", lang, "/request_human")]
                dispatcher.utter_message(text=text, buttons=buttons)
                return [SlotSet(OFFER, OFFER_QUESTIONNAIRE)]
            amount = number_slot(tracker, AMOUNT)
            horizon = number_slot(tracker, HORIZON_MONTHS)
            age = number_slot(tracker, AGE)
            match = await client.post(
                "/api/suitability/match",
                {
                    "level": profile["level"],
                    "lowest_category": bool(profile.get("lowest_category")),
                    "amount": amount,
                    "horizon_months": int(horizon) if horizon else None,
                    "age": int(age) if age else None,
                    "lang": lang,
                    "customer_id": tracker.sender_id,
                },
            )
            picks = match.get("recommendations", [])[:MAX_SUGGESTIONS]
            products = await asyncio.gather(
                *(client.get(f"/api/products/{p['code']}", lang=lang) for p in picks)
            )
        except client.ApiError as exc:
            if exc.status in (409, 422):
                dispatcher.utter_message(
                    text=say("recommend_needs_profile", lang), buttons=offer_questionnaire
                )
                return [SlotSet(OFFER, OFFER_QUESTIONNAIRE)]
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        if not picks:
            dispatcher.utter_message(
                text=say("recommend_none", lang, level=profile["level"]),
                buttons=[button("btn_talk_to_person", lang, "/request_human")],
            )
            return []
        silver = age is not None and age >= SILVER_AGE
        wealthy = amount is not None and amount > HIGH_NET_WORTH_AMOUNT
        # 60+: shorter, plainer answer (DOMAIN §1): the two main reasons per product.
        reasons_shown = SILVER_REASONS if silver else None
        lines = [say("recommend_head", lang, level=profile["level"])]
        for pick, product in zip(picks, products, strict=True):
            lines.append(product_line(product, lang))
            lines.extend(f"  · {reason}" for reason in pick.get("reasons", [])[:reasons_shown])
        notes = [str(note) for note in match.get("notes", [])]
        lines.extend(notes)
        if not amount or not horizon:
            lines.append(say("recommend_refine", lang))
        buttons = [
            button("btn_illustrate", lang, f'/calculate_return{{"product":"{picks[0]["code"]}"}}')
        ]
        events: list[EventType] = []
        if silver or wealthy:
            offer = say("offer_advisor_wealthy" if wealthy else "offer_person_silver", lang)
            if wealthy or not any(word in note for note in notes for word in PERSON_WORDS):
                lines.append(offer)
            buttons.insert(0, button("btn_talk_to_person", lang, "/request_human"))
            events.append(SlotSet(OFFER, OFFER_HUMAN))
        await send_reviewed(
            dispatcher,
            tracker,
            "\n".join(lines),
            product_codes=[p["code"] for p in picks],
            custom=cards_payload(list(products)),
            buttons=buttons,
            has_figures=True,
        )
        return events
