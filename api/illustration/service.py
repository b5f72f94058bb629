"""`illustrate`: check the request against the product, build scenarios, add the caveats."""

import math
from decimal import Decimal

from sqlalchemy.orm import Session

from api.errors import InvalidInput
from api.illustration.maths import decimal, holding_days, to_cents
from api.illustration.scenarios import PLANS, money, pct
from api.illustration.schemas import Illustration, IllustrationRequest, Scenario
from api.illustration.wording import say
from api.products.models import Product
from api.products.presenter import money_text
from api.products.service import get_product
from api.products.vocabulary import (
    DEPOSIT_TYPES,
    FUND_TYPES,
    WMP_TYPES,
    YIELD_KIND_LABELS,
    Lang,
    label,
)

DEPOSIT_INSURANCE_LIMIT = Decimal(500_000)


def check_can_illustrate(product: Product, amount: Decimal, months: int, lang: Lang) -> None:
    name = product.text("name", lang)
    if product.is_closed:
        raise InvalidInput(say("errors", "closed", lang, name=name))
    if amount < decimal(product.min_investment):
        minimum = money_text(product.min_investment, lang)
        raise InvalidInput(say("errors", "below_minimum", lang, name=name, minimum=minimum))
    if holding_days(months) < product.lockup_days:
        min_months = math.ceil(product.lockup_days * 12 / 365)
        raise InvalidInput(
            say(
                "errors", "lockup", lang, name=name, days=product.lockup_days, min_months=min_months
            )
        )


def caveats_for(product: Product, amount: Decimal, lang: Lang) -> list[str]:
    keys: list[tuple[str, dict[str, str]]] = [("past_performance", {})]
    low = {"low": pct(decimal(product.yield_low))}
    if product.type == "structured_deposit":
        keys.append(("structured", low))
    if product.principal_protected:
        keys.append(("deposit_insurance", {}))
        if amount > DEPOSIT_INSURANCE_LIMIT:
            keys.append(("deposit_insurance_excess", {}))
    if product.type in WMP_TYPES:
        keys.append(("wmp", {}))
    if product.type in FUND_TYPES:
        keys.append(("fund", {}))
    if product.type == "annuity_insurance":
        keys.append(("insurance", {}))
    if product.type == "trust":
        keys.append(("trust", {}))
    if product.yield_kind == "seven_day_annualised":
        keys.append(("rate_may_change", {}))
    if product.yield_kind == "benchmark_range" and product.type not in DEPOSIT_TYPES:
        keys.append(("benchmark_not_promise", {}))
    if product.yield_kind == "historical_nav_growth":
        keys.append(("nav_loss", low))
    keys.append(("illustration_only", {}))
    return [say("caveats", key, lang, **values) for key, values in keys]


def _gain_text(gain: Decimal, lang: Lang) -> str:
    return say("texts", "gain" if gain >= 0 else "loss", lang, value=money(abs(gain), lang))


def summary_text(
    product: Product, amount: Decimal, months: int, scenarios: list[Scenario], lang: Lang
) -> str:
    common = {"name": product.text("name", lang), "amount": money(amount, lang), "months": months}
    if len(scenarios) == 1:
        only = scenarios[0]
        return say(
            "texts",
            "fixed",
            lang,
            **common,
            label=only.label,
            rate=pct(decimal(only.annual_rate)),
            end=money(decimal(only.end_value), lang),
            gain=_gain_text(decimal(only.gain), lang),
        )
    parts = [
        say(
            "texts",
            "scenario",
            lang,
            label=s.label,
            end=money(decimal(s.end_value), lang),
            gain=_gain_text(decimal(s.gain), lang),
        )
        for s in scenarios
    ]
    kind = label(YIELD_KIND_LABELS, product.yield_kind, lang)
    if product.principal_protected:
        kind = say("texts", "rate_range", lang)  # a structured deposit's contractual range
    joined = "; ".join(parts) if lang == "en" else "；".join(parts)
    return say("texts", "scenarios", lang, **common, kind=kind, scenarios=joined)


def illustrate(request: IllustrationRequest, *, session: Session) -> Illustration:
    lang = request.lang
    product = get_product(request.product_code, session=session, lang=lang)
    amount = to_cents(decimal(request.amount))
    check_can_illustrate(product, amount, request.months, lang)
    plan = PLANS[product.yield_kind](product, amount, request.months, lang)
    scenarios = [
        Scenario(
            name=figure.name,
            label=say("scenarios", figure.label_key or figure.name, lang),
            annual_rate=float(figure.rate),
            end_value=float(figure.end),
            gain=float(figure.end - amount),
        )
        for figure in plan.figures
    ]
    holding = say(
        "assumptions",
        "holding",
        lang,
        amount=money(amount, lang),
        months=request.months,
        days=holding_days(request.months),
    )
    return Illustration(
        product_code=product.code,
        amount=float(amount),
        months=request.months,
        yield_kind=product.yield_kind,
        scenarios=scenarios,
        assumptions=[holding, *plan.assumptions],
        caveats=caveats_for(product, amount, lang),
        text=summary_text(product, amount, request.months, scenarios, lang),
    )
