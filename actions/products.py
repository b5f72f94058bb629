"""Product questions: one product's details, browsing with filters, comparing 2–4 products."""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.attributes import asked_attribute, risk_filter
from actions.cards import cards_payload, product_detail, product_line
from actions.compliance import send_reviewed
from actions.constants import (
    AGE,
    AMOUNT,
    INVESTOR_LEVEL,
    LOWEST_CATEGORY,
    OFFER,
    OFFER_ABOVE_LEVEL,
    OFFER_NONE,
    PRODUCT,
    PRODUCT_TYPE,
    RISK_LEVEL,
)
from actions.questionnaire import answer_in_passing
from actions.slots import entity_values, number_slot
from actions.texts import button, language_of, say

MAX_LISTED = 6
MATCH_THRESHOLD = 0.85
# Marks a product answer that told a lowest-category customer the product cannot be sold.
NOT_ALLOWED = "not_allowed"
# Comparison rows whose API label we replace (field → texts.yml key).
ROW_LABELS = {"principal_protected": "row_deposit_insurance"}


async def resolve_product(tracker: Tracker, lang: str) -> tuple[str | None, list[dict[str, Any]]]:
    """The product code the customer means, or None with the closest suggestions."""
    mentioned = entity_values(tracker, PRODUCT)
    if mentioned:
        return mentioned[0], []
    text = tracker.latest_message.get("text") or ""
    if not entity_values(tracker, PRODUCT_TYPE) and text and not text.startswith("/"):
        found = await client.get("/api/products/search", q=text, lang=lang)
        matches = found.get("matches", found) if isinstance(found, dict) else found
        if matches and confident(matches):
            return matches[0]["code"], []
        if matches:
            return None, matches[:3]
    return tracker.get_slot(PRODUCT), []


def confident(matches: list[dict[str, Any]]) -> bool:
    """The best search match is clear: close enough, and not tied with the runner-up."""
    best = matches[0].get("score", 0)
    runner_up = matches[1].get("score", 0) if len(matches) > 1 else 0
    return bool(best >= MATCH_THRESHOLD and best - runner_up > 1e-6)


# Words around product names in a comparison request, removed before the names are searched.
COMPARE_WORDS = re.compile(
    r"(?i)请|帮我|帮忙|给我|一下|对比|比较|比一比|区别|差别|不同|哪个好|哪个更好|有什么|有啥|"
    r"\bcompare[ds]?\b|\bcomparison\b|\bdifference\b|\bbetween\b|\bversus\b|\bvs\.?|"
    r"\bplease\b|\bcan you\b|\bwhich is better\b|\bwhat(?:'s| is| are)\b|\btell me\b|"
    r"\bhow do\b|\bthe\b"
)
NAME_SEPARATORS = re.compile(r"(?i)\s+and\s+|\s+with\s+|\s+or\s+|[和与跟及、,，;；/]|还有|以及")


def name_fragments(text: str) -> list[str]:
    """The pieces of a comparison request that may be product names."""
    cleaned = COMPARE_WORDS.sub(" ", text)
    pieces = (p.strip(" ?？!！。.的吗呢") for p in NAME_SEPARATORS.split(cleaned))
    return [p for p in pieces if len(p) >= 2]


async def suitability_note(
    tracker: Tracker, product: dict[str, Any], lang: str
) -> tuple[str, list[EventType]]:
    """Above-level warning (DOMAIN §4.3) when we know the customer's level."""
    level = tracker.get_slot(INVESTOR_LEVEL)
    if not level:
        return "", []
    check = await client.post(
        "/api/suitability/check",
        {
            "level": level,
            "lowest_category": bool(tracker.get_slot(LOWEST_CATEGORY)),
            "product_code": product["code"],
            "age": int(number_slot(tracker, AGE) or 0) or None,
            "lang": lang,
        },
    )
    if check.get("eligible"):
        return "", []
    key = "above_level_handoff" if check.get("handoff_required") else "above_level_never"
    events: list[EventType] = (
        [SlotSet(OFFER, OFFER_ABOVE_LEVEL)] if check.get("handoff_required") else []
    )
    return say(
        key, lang, level=level, risk=product.get("risk_level", ""), reason=check.get("reason", "")
    ), events


class ActionProductInfo(Action):
    def name(self) -> str:
        return "action_product_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        answered = (
            await answer_in_passing(tracker, lang) if not entity_values(tracker, PRODUCT) else None
        )
        if answered is not None:
            return answered
        if len(entity_values(tracker, PRODUCT)) >= 2:
            # "tell me about A and B": a side-by-side answer about both.
            return await ActionCompareProducts().run(dispatcher, tracker, domain)
        try:
            code, suggestions = await resolve_product(tracker, lang)
            if not code:
                if entity_values(tracker, PRODUCT_TYPE):
                    return await ActionBrowseProducts().run(dispatcher, tracker, domain)
                buttons = [
                    {
                        "title": s.get("name", s["code"]),
                        "payload": f'/ask_product_info{{"product":"{s["code"]}"}}',
                    }
                    for s in suggestions
                ]
                dispatcher.utter_message(
                    text=say("which_product" if not suggestions else "did_you_mean", lang),
                    buttons=buttons,
                )
                return []
            product = await client.get(f"/api/products/{code}", lang=lang)
            note, events = await suitability_note(tracker, product, lang)
        except client.ApiError as exc:
            if exc.status == 404:
                dispatcher.utter_message(text=say("product_unknown", lang))
                return []
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        text = product_detail(
            product, lang, asked_attribute(tracker.latest_message.get("text") or "")
        )
        custom = cards_payload([product])
        buttons = [
            button("btn_illustrate", lang, f'/calculate_return{{"product":"{product["code"]}"}}'),
            button("btn_recommend", lang, "/ask_recommendation"),
        ]
        if note and events:
            text = f"{text}\n\n{note}"
            buttons = [button("btn_talk_to_person", lang, "/request_human")]
        elif note:
            # Lowest category: never sold, not even on request; show what does suit them.
            text = f"{text}\n\n{note}"
            buttons = [
                button("btn_recommend", lang, "/ask_recommendation"),
                button("btn_talk_to_person", lang, "/request_human"),
            ]
            events = [SlotSet(OFFER, OFFER_NONE)]
            custom["suitability"] = NOT_ALLOWED
        await send_reviewed(
            dispatcher,
            tracker,
            text,
            product_codes=[product["code"]],
            custom=custom,
            buttons=buttons,
            has_figures=True,
        )
        return [SlotSet(PRODUCT, product["code"]), *events]


class ActionBrowseProducts(Action):
    def name(self) -> str:
        return "action_browse_products"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        # Filters come from this message only: a type asked about earlier must not narrow a new list.
        product_type = next(iter(entity_values(tracker, PRODUCT_TYPE)), None)
        risk_level = next(iter(entity_values(tracker, RISK_LEVEL)), None)
        amount = next(iter(entity_values(tracker, AMOUNT)), None)
        filters: dict[str, str | None] = {"risk_level": risk_level}
        worded = None if risk_level else risk_filter(tracker.latest_message.get("text") or "")
        if worded:
            filters = {worded[0]: worded[1]}
        try:
            products = await client.get(
                "/api/products",
                type=product_type,
                max_min_investment=amount,
                **filters,
                status="on_sale",
                lang=lang,
            )
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        if not products:
            dispatcher.utter_message(
                text=say("browse_none", lang),
                buttons=[button("btn_all_products", lang, "/browse_products")],
            )
            return []
        shown = products[:MAX_LISTED]
        level = tracker.get_slot(INVESTOR_LEVEL)
        lines = [product_line(p, lang) for p in shown]
        if level:
            allowed = int(str(level)[1])
            lines = [
                line + (say("mark_above_level", lang) if int(p["risk_level"][1]) > allowed else "")
                for line, p in zip(lines, shown, strict=True)
            ]
        head = say("browse_head", lang, count=len(products), shown=len(shown))
        text = "\n".join([head, *lines])
        if len(products) > len(shown):
            text += "\n" + say("browse_more", lang)
        await send_reviewed(
            dispatcher,
            tracker,
            text,
            product_codes=[p["code"] for p in shown],
            custom=cards_payload(shown),
            buttons=[button("btn_recommend", lang, "/ask_recommendation")],
            has_figures=True,
        )
        return []


class ActionCompareProducts(Action):
    def name(self) -> str:
        return "action_compare_products"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        codes = entity_values(tracker, PRODUCT)
        try:
            if len(codes) < 2:
                codes, offered = await self._names_in_text(dispatcher, tracker, codes, lang)
                if offered:
                    return []
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        if len(codes) < 2 and tracker.get_slot(PRODUCT) and tracker.get_slot(PRODUCT) not in codes:
            codes = [tracker.get_slot(PRODUCT), *codes]
        if len(codes) < 2:
            dispatcher.utter_message(text=say("compare_need_two", lang))
            return []
        try:
            comparison = await client.post(
                "/api/products/compare", {"codes": codes[:4], "lang": lang}
            )
        except client.ApiError as exc:
            dispatcher.utter_message(text=say("compare_failed", lang, detail=exc.detail))
            return []
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        names = [p.get("name", p.get("code")) for p in comparison["products"]]
        for row in comparison["rows"]:
            if row.get("field") in ROW_LABELS:
                # "本金保障 / Principal protection" as a label reads as a guarantee and the
                # review blocks the whole comparison; the row is about deposit insurance.
                row["label"] = say(ROW_LABELS[row["field"]], lang)
        colon = "：" if lang == "zh" else ": "
        rows = [
            f"{row['label']}{colon}" + " | ".join(str(v) for v in row["values"])
            for row in comparison["rows"]
        ]
        joiner = "、" if lang == "zh" else " vs "
        text = "\n".join([say("compare_head", lang, names=joiner.join(names)), *rows])
        custom = {
            "type": "comparison",
            "products": [
                {"code": p["code"], "name": p.get("name", p["code"])}
                for p in comparison["products"]
            ],
            "rows": comparison["rows"],
        }
        await send_reviewed(
            dispatcher, tracker, text, product_codes=codes[:4], custom=custom, has_figures=True
        )
        return [SlotSet(PRODUCT, codes[0])]

    @staticmethod
    async def _names_in_text(
        dispatcher: CollectingDispatcher, tracker: Tracker, codes: list[str], lang: str
    ) -> tuple[list[str], bool]:
        """Names the entity extractor missed ("对比日日盈和稳盈180天"), found by search.

        Returns the codes found and whether a "did you mean" question was asked instead."""
        text = tracker.latest_message.get("text") or ""
        if text.startswith("/"):
            return codes, False
        found = list(codes)
        unresolved: list[tuple[str, list[dict[str, Any]]]] = []
        for fragment in name_fragments(text):
            try:
                matches = await client.get("/api/products/search", q=fragment, lang=lang)
            except client.ApiError:
                continue
            if matches and confident(matches):
                if matches[0]["code"] not in found:
                    found.append(matches[0]["code"])
            elif matches:
                unresolved.append((fragment, matches))
        if len(found) >= 2 or not unresolved or not found:
            return found, False
        fragment, matches = unresolved[0]
        try:
            known = await client.get(f"/api/products/{found[0]}", lang=lang)
        except client.ApiError:
            known = {}
        options = [m for m in matches if m["code"] not in found][:3]
        if not options:
            return found, False
        dispatcher.utter_message(
            text=say(
                "compare_one_missing", lang, found=known.get("name", found[0]), missing=fragment
            ),
            buttons=[
                {
                    "title": m.get("name", m["code"]),
                    "payload": "/compare_products" + json.dumps({"product": [*found, m["code"]]}),
                }
                for m in options
            ],
        )
        return found, True
