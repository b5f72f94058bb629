"""The customer's verdict on the bot's last answer (helpful or not, or a 1–5 rating)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.texts import button, language_of, say

NEGATIVE = (
    "没用",
    "没帮助",
    "没有帮助",
    "不好",
    "不满意",
    "差",
    "看不懂",
    "not helpful",
    "unhelpful",
    "useless",
    "bad",
    "didn't help",
    "not useful",
    "confusing",
)
RATING = re.compile(r"([1-5])\s*(?:星|分|stars?|/\s*5)", re.IGNORECASE)


def last_bot_text(tracker: Tracker) -> str | None:
    for event in reversed(tracker.events):
        if event.get("event") == "bot" and event.get("text"):
            return str(event["text"])
    return None


class ActionRecordFeedback(Action):
    def name(self) -> str:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        text = (tracker.latest_message.get("text") or "").lower()
        rating = RATING.search(text)
        helpful = True
        try:
            if rating:
                await client.post(
                    "/api/feedback/rating",
                    {
                        "sender": tracker.sender_id,
                        "rating": int(rating.group(1)),
                        "comment": tracker.latest_message.get("text"),
                    },
                )
            else:
                helpful = not any(word in text for word in NEGATIVE)
                await client.post(
                    "/api/feedback/message",
                    {
                        "sender": tracker.sender_id,
                        "text": last_bot_text(tracker),
                        "helpful": helpful,
                    },
                )
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("feedback_not_saved", lang))
            return []
        if not rating and not helpful:
            # An unhelpful answer: say sorry and show the ways forward, not just "thanks".
            dispatcher.utter_message(
                text=say("feedback_sorry", lang),
                buttons=[
                    button("btn_talk_to_person", lang, "/request_human"),
                    button("btn_help", lang, "/help"),
                ],
            )
            return []
        dispatcher.utter_message(text=say("feedback_thanks", lang))
        return []
