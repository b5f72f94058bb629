"""Explaining terms (R3, NAV, structured deposit…) from the API's glossary."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.texts import language_of, say

DEFAULT_EXAMPLES = {"zh": "R3、净值、七日年化", "en": "R3, NAV, 7-day annualised yield"}


class ActionExplainTerm(Action):
    def name(self) -> str:
        return "action_explain_term"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        text = tracker.latest_message.get("text") or ""
        try:
            term = await client.get("/api/glossary/lookup", q=text, lang=lang)
        except client.ApiError as exc:
            suggestions = (
                (exc.detail or {}).get("suggestions", []) if isinstance(exc.detail, dict) else []
            )
            names = ("、" if lang == "zh" else ", ").join(
                s.get("name", "") if isinstance(s, dict) else str(s) for s in suggestions[:4]
            )
            dispatcher.utter_message(
                text=say("term_unknown", lang, examples=names or DEFAULT_EXAMPLES[lang])
            )
            return []
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        dispatcher.utter_message(
            text=say("term_explained", lang, name=term["name"], explanation=term["explanation"])
        )
        return []
