"""Scenario figures per yield kind, each with the assumptions that produced it.

fixed_rate             one exact figure (simple interest for deposits, yearly compounding
                       for an annuity's contractual rate; the demand rate on early exit)
seven_day_annualised   the current 7-day yield, with the 12-month low and high around it
benchmark_range        benchmark low / midpoint / high, simple interest, after fees
historical_nav_growth  worst year / annualised / best year, compounded, after fees
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from api.illustration.maths import (
    compound_growth,
    decimal,
    holding_days,
    net_of_front_fee,
    redemption_fee_percent,
    simple_growth,
    to_cents,
)
from api.illustration.wording import say
from api.products.models import Product
from api.products.presenter import amount_text, term_text
from api.products.vocabulary import Lang

Growth = Callable[[Decimal, Decimal, int], Decimal]


@dataclass(frozen=True)
class Figure:
    name: str
    rate: Decimal
    end: Decimal
    label_key: str = ""  # wording key of the label when it differs from `name`


@dataclass(frozen=True)
class Plan:
    figures: list[Figure]
    assumptions: list[str]


def pct(value: Decimal) -> str:
    return f"{value:.2f}%"


def money(value: Decimal, lang: Lang) -> str:
    return amount_text(float(value), lang)


def _renewal(product: Product, months: int, lang: Lang) -> list[str]:
    if product.term_months is not None and months > product.term_months:
        return [say("assumptions", "renewal", lang, term=term_text(product.term_months, lang))]
    return []


def fixed_rate_plan(product: Product, amount: Decimal, months: int, lang: Lang) -> Plan:
    term = product.term_months
    if product.type == "annuity_insurance":
        rate = decimal(product.yield_low)
        end = to_cents(compound_growth(amount, rate, months))
        assumptions = [
            say("assumptions", "annuity", lang, rate=pct(rate)),
            say("assumptions", "compound_method", lang),
        ]
        return Plan([Figure("fixed", rate, end)], assumptions + _renewal(product, months, lang))
    early_rate = product.early_exit_rate
    early = term is not None and months < term and early_rate is not None
    rate = decimal(early_rate if early and early_rate is not None else product.yield_low)
    interest = to_cents(amount * rate / 100 * months / 12)
    assumptions = []
    if early:
        assumptions.append(
            say(
                "assumptions",
                "early_withdrawal",
                lang,
                months=months,
                term=term_text(term, lang),
                rate=pct(rate),
            )
        )
    if term is None:
        assumptions.append(say("assumptions", "demand_interest", lang))
    assumptions.append(
        say(
            "assumptions",
            "simple_formula",
            lang,
            amount=money(amount, lang),
            rate=pct(rate),
            months=months,
            gain=money(interest, lang),
        )
    )
    figure = Figure("early_withdrawal" if early else "fixed", rate, amount + interest)
    return Plan([figure], assumptions + _renewal(product, months, lang))


def seven_day_plan(product: Product, amount: Decimal, months: int, lang: Lang) -> Plan:
    named = [
        ("lower", product.yield_low),
        ("current", product.yield_mid),
        ("upper", product.yield_high),
    ]
    figures = [
        Figure(name, decimal(rate), to_cents(simple_growth(amount, decimal(rate), months)))
        for name, rate in named
    ]
    assumptions = [
        say("assumptions", "seven_day_net", lang),
        say("assumptions", "simple_method", lang),
    ]
    return Plan(figures, assumptions)


def _after_fees(
    product: Product,
    amount: Decimal,
    months: int,
    lang: Lang,
    named_rates: list[tuple[str, float]],
    grow: Growth,
) -> Plan:
    """Charge the subscription fee on top, grow what is left, take the redemption fee."""
    assumptions = []
    front = decimal(product.fees.get("subscription", 0))
    principal = amount
    if front:
        principal = net_of_front_fee(amount, front)
        assumptions.append(
            say(
                "assumptions",
                "subscription_fee",
                lang,
                rate=pct(front),
                amount=money(amount, lang),
                net=money(principal, lang),
                fee=money(amount - principal, lang),
            )
        )
    days = holding_days(months)
    back = redemption_fee_percent(product.fees.get("redemption") or [], days)
    if back:
        assumptions.append(say("assumptions", "redemption_fee", lang, days=days, rate=pct(back)))
    figures = []
    for name, rate in named_rates:
        gross = to_cents(grow(principal, decimal(rate), months))
        figures.append(Figure(name, decimal(rate), gross - to_cents(gross * back / 100)))
    return Plan(figures, assumptions)


def benchmark_plan(product: Product, amount: Decimal, months: int, lang: Lang) -> Plan:
    named = [("low", product.yield_low), ("mid", product.yield_mid), ("high", product.yield_high)]
    plan = _after_fees(product, amount, months, lang, named, simple_growth)
    method = [say("assumptions", "simple_method", lang)]
    figures = plan.figures
    if product.principal_protected:
        # A structured deposit's range is contractual, not a benchmark, and has no fees.
        method.append(say("assumptions", "structured_range", lang))
        figures = [Figure(f.name, f.rate, f.end, f"range_{f.name}") for f in figures]
    else:
        method.append(say("assumptions", "benchmark_fees", lang))
    return Plan(figures, method + plan.assumptions + _renewal(product, months, lang))


def nav_growth_plan(product: Product, amount: Decimal, months: int, lang: Lang) -> Plan:
    named = [
        ("pessimistic", product.yield_low),
        ("neutral", product.yield_mid),
        ("optimistic", product.yield_high),
    ]
    plan = _after_fees(product, amount, months, lang, named, compound_growth)
    method = [say("assumptions", "compound_method", lang), say("assumptions", "nav_fees", lang)]
    return Plan(plan.figures, method + plan.assumptions + _renewal(product, months, lang))


PLANS: dict[str, Callable[[Product, Decimal, int, Lang], Plan]] = {
    "fixed_rate": fixed_rate_plan,
    "seven_day_annualised": seven_day_plan,
    "benchmark_range": benchmark_plan,
    "historical_nav_growth": nav_growth_plan,
}
