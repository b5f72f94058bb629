"""The only way actions send product, figure or recommendation content: reviewed first.

Every text passes POST /api/compliance/review, which blocks forbidden claims and appends the
mandatory disclosures. If the review cannot be reached the content is NOT sent (fail closed);
the customer gets a polite message instead. The API gateway reviews every outgoing message
again, so a response that bypassed this module would still be caught.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.texts import language_of, say


async def send_reviewed(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    text: str,
    *,
    product_codes: list[str] | None = None,
    custom: dict[str, Any] | None = None,
    buttons: list[dict[str, str]] | None = None,
    has_figures: bool = False,
) -> bool:
    """Send `text` (+ card data) after review; returns False when nothing could be sent."""
    lang = language_of(tracker)
    try:
        review = await client.post(
            "/api/compliance/review",
            {
                "text": text,
                "lang": lang,
                "product_codes": product_codes or [],
                "conversation_id": tracker.sender_id,
                "has_figures": has_figures,
            },
        )
    except (client.ApiUnavailable, client.ApiError):
        dispatcher.utter_message(text=say("service_unavailable", lang))
        return False
    payload = dict(custom or {})
    payload["disclosures"] = review.get("disclosures", [])
    payload["product_codes"] = product_codes or []
    payload["reviewed"] = review.get("rule_version")
    if not review.get("approved", False):
        # The blocked content (cards included) is dropped; only the safe text goes out.
        dispatcher.utter_message(
            text=review["text"], json_message={"type": "blocked", **_meta(payload)}
        )
        return False
    dispatcher.utter_message(text=review["text"], buttons=buttons or [], json_message=payload)
    return True


def _meta(payload: dict[str, Any]) -> dict[str, Any]:
    return {key: payload[key] for key in ("disclosures", "product_codes", "reviewed")}
