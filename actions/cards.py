"""Turns API product data into the card payloads the chat page renders, and short texts."""

from __future__ import annotations

from typing import Any

from actions.texts import say


def joined(value: Any, lang: str) -> str:
    """Lists from the API (risks, features) as one readable string."""
    if isinstance(value, list):
        return ("；" if lang == "zh" else "; ").join(str(v) for v in value)
    return str(value or "")


def product_card(product: dict[str, Any]) -> dict[str, Any]:
    yield_info = product.get("yield") or {}
    return {
        "code": product["code"],
        "name": product.get("name", product["code"]),
        "type_label": product.get("type_label", product.get("type", "")),
        "risk_level": product.get("risk_level", ""),
        "yield": {
            "kind_label": yield_info.get("kind_label", ""),
            "text": yield_info.get("text", ""),
        },
        "term_text": product.get("term_text", ""),
        "min_investment_text": product.get("min_investment_text", ""),
        "key_risks": joined((product.get("key_risks") or [""])[:1], "en"),
        "status_label": product.get("status_label", ""),
    }


def cards_payload(products: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "product_cards", "products": [product_card(p) for p in products]}


def product_line(product: dict[str, Any], lang: str) -> str:
    yield_info = product.get("yield") or {}
    return say(
        "product_line",
        lang,
        name=product.get("name", product["code"]),
        code=product["code"],
        risk=product.get("risk_level", ""),
        kind=yield_info.get("kind_label", ""),
        value=yield_info.get("text", ""),
        term=product.get("term_text", ""),
        minimum=product.get("min_investment_text", ""),
    )


def product_detail(product: dict[str, Any], lang: str, attribute: str | None) -> str:
    """The full answer about one product; the asked attribute first when we know it."""
    yield_info = product.get("yield") or {}
    fields = {
        "yield": say(
            "attr_yield",
            lang,
            kind=yield_info.get("kind_label", ""),
            value=yield_info.get("text", ""),
            note=yield_info.get("note", ""),
        ),
        "risk": say(
            "attr_risk",
            lang,
            risk=product.get("risk_label", product.get("risk_level", "")),
            risks=joined(product.get("key_risks"), lang),
        ),
        "term": say(
            "attr_term",
            lang,
            term=product.get("term_text", ""),
            liquidity=product.get("liquidity_text", ""),
            redemption=product.get("redemption", ""),
        ),
        "minimum": say("attr_minimum", lang, minimum=product.get("min_investment_text", "")),
        "fees": say("attr_fees", lang, fees=(product.get("fees") or {}).get("text", "")),
        "features": say(
            "attr_features",
            lang,
            features=joined(product.get("features"), lang),
            underlying=product.get("underlying", ""),
        ),
    }
    order = [attribute] if attribute in fields else []
    order += [
        key for key in ("yield", "risk", "term", "minimum", "fees", "features") if key not in order
    ]
    head = say(
        "product_head",
        lang,
        name=product.get("name", ""),
        code=product["code"],
        type=product.get("type_label", ""),
        status=product.get("status_label", ""),
    )
    return "\n".join([head, *(fields[key] for key in order)])
