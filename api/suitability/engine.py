"""Matching and checking as pure functions: an investor and products in, reasons out.

`match_products` proposes suitable products, ranked, each with why it fits, and lists every
other product with why not. `check_product` answers "may I buy this one?". Both go through
the same gate (rules.py), so they never disagree on suitability.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from api.suitability.fit import (
    DEPOSIT_TYPES,
    REDEEMABLE,
    TYPES_FOR_OBJECTIVE,
    commitment,
    fit_exclusion,
    fit_score,
    liquidity_need,
    months_of,
)
from api.suitability.inputs import Investor, ProductLike
from api.suitability.rules import (
    HIGH_NET_WORTH_AMOUNT,
    Gate,
    is_minor,
    is_senior,
    max_recommendable_risk,
    risk_rank,
    suitability_gate,
)
from api.suitability.wording import Lang, Wording, get_wording

YOUNG_AGES = range(18, 36)  # seed 003 §7.3: high risk only a minority share for the young
TEXT_KEYS = {
    "within_level", "within_lowest_category", "amount_fits", "term_fits", "lockup_fits",
    "liquidity_fits", "objective_fits", "deposit_insured", "pre_sale", "minor", "closed",
    "lowest_category", "above_level", "qualified_only", "senior_cap", "type_not_requested",
    "below_minimum", "locked_too_long", "term_too_long", "note_senior", "note_high_net_worth",
    "note_lowest_category", "note_minor", "note_young_high_risk", "note_no_match",
    "check_eligible", "check_minor", "check_closed", "check_lowest_category",
    "check_above_level", "check_qualified_only", "check_senior_high_risk", "check_senior_cap",
}  # fmt: skip


@dataclass(frozen=True)
class Recommendation:
    code: str
    name: str
    risk_level: str
    reasons: tuple[str, ...]
    fit_score: float


@dataclass(frozen=True)
class Exclusion:
    code: str
    name: str
    risk_level: str
    rule: str
    reason: str


@dataclass(frozen=True)
class MatchResult:
    recommendations: tuple[Recommendation, ...]
    excluded: tuple[Exclusion, ...]
    notes: tuple[str, ...]
    advisor_offer: bool
    max_risk_level: str | None  # None: nothing may be suggested (a minor)


@dataclass(frozen=True)
class CheckResult:
    code: str
    risk_level: str
    eligible: bool
    reason: str
    handoff_required: bool
    rule: str
    advisor_offer: bool = field(default=False)


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _name(product: ProductLike, lang: Lang) -> str:
    return product.name_en if lang == "en" else product.name_zh


def _gate_reason(
    gate: Gate, investor: Investor, product: ProductLike, w: Wording, lang: Lang
) -> str:
    # "senior_high_risk" is a check-time rule; in a list it reads as the senior cap.
    key = "senior_cap" if gate.rule == "senior_high_risk" else gate.rule
    return w.say(key, lang, risk=product.risk_level, level=investor.level)


def _fit_reason(rule: str, investor: Investor, product: ProductLike, w: Wording, lang: Lang) -> str:
    if rule == "below_minimum":
        amount = investor.amount or 0.0
        return w.say(rule, lang, min=_money(product.min_investment), amount=_money(amount))
    if rule in ("locked_too_long", "term_too_long"):
        months = months_of(commitment(product).days)
        return w.say(rule, lang, months=months, horizon=investor.horizon_months)
    return w.say(rule, lang)


def _reasons(investor: Investor, product: ProductLike, w: Wording, lang: Lang) -> tuple[str, ...]:
    if investor.lowest_category:
        reasons = [w.say("within_lowest_category", lang)]
    else:
        reasons = [w.say("within_level", lang, risk=product.risk_level, level=investor.level)]
    if investor.amount is not None:
        reasons.append(
            w.say(
                "amount_fits",
                lang,
                min=_money(product.min_investment),
                amount=_money(investor.amount),
            )
        )
    tied = commitment(product)
    if investor.horizon_months is not None and tied.days > 0:
        if tied.by_term:
            reasons.append(
                w.say(
                    "term_fits", lang, months=months_of(tied.days), horizon=investor.horizon_months
                )
            )
        else:
            reasons.append(
                w.say("lockup_fits", lang, days=tied.days, horizon=investor.horizon_months)
            )
    if liquidity_need(investor) in ("high", "medium") and product.liquidity in REDEEMABLE:
        label = w.label("liquidity", product.liquidity, lang)
        reasons.append(w.say("liquidity_fits", lang, liquidity=label))
    if investor.objective and product.type in TYPES_FOR_OBJECTIVE[investor.objective]:
        label = w.label("objective", investor.objective, lang)
        reasons.append(w.say("objective_fits", lang, objective=label))
    if product.type in DEPOSIT_TYPES and product.principal_protected:
        reasons.append(w.say("deposit_insured", lang))
    if product.status == "pre_sale":
        reasons.append(w.say("pre_sale", lang))
    return tuple(reasons)


def _notes(investor: Investor, chosen: list[Recommendation], w: Wording, lang: Lang) -> list[str]:
    notes = []
    if is_minor(investor):
        notes.append(w.say("note_minor", lang))
    if investor.lowest_category and not is_minor(investor):
        notes.append(w.say("note_lowest_category", lang))
    if is_senior(investor):
        notes.append(w.say("note_senior", lang))
    if investor.amount is not None and investor.amount > HIGH_NET_WORTH_AMOUNT:
        notes.append(w.say("note_high_net_worth", lang))
    young = investor.age is not None and investor.age in YOUNG_AGES
    if young and any(risk_rank(r.risk_level) >= 4 for r in chosen):
        notes.append(w.say("note_young_high_risk", lang))
    if not chosen and not is_minor(investor):
        notes.append(w.say("note_no_match", lang))
    return notes


def match_products(
    investor: Investor,
    products: Iterable[ProductLike],
    *,
    lang: Lang = "zh",
    limit: int | None = None,
    wording: Wording | None = None,
) -> MatchResult:
    w = wording or get_wording()
    ranked: list[tuple[float, str, ProductLike]] = []
    excluded: list[Exclusion] = []
    for product in products:
        gate = suitability_gate(investor, product)
        if not gate.passed:
            reason = _gate_reason(gate, investor, product, w, lang)
            excluded.append(
                Exclusion(product.code, _name(product, lang), product.risk_level, gate.rule, reason)
            )
            continue
        misfit = fit_exclusion(investor, product)
        if misfit is not None:
            reason = _fit_reason(misfit, investor, product, w, lang)
            excluded.append(
                Exclusion(product.code, _name(product, lang), product.risk_level, misfit, reason)
            )
            continue
        ranked.append((fit_score(investor, product), product.code, product))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    chosen = [
        Recommendation(
            p.code, _name(p, lang), p.risk_level, _reasons(investor, p, w, lang), round(s, 3)
        )
        for s, _, p in ranked[:limit]
    ]
    allowed = max_recommendable_risk(investor)
    high_net_worth = investor.amount is not None and investor.amount > HIGH_NET_WORTH_AMOUNT
    return MatchResult(
        recommendations=tuple(chosen),
        excluded=tuple(excluded),
        notes=tuple(_notes(investor, chosen, w, lang)),
        advisor_offer=is_senior(investor) or high_net_worth,
        max_risk_level=f"R{allowed}" if allowed else None,
    )


def check_product(
    investor: Investor, product: ProductLike, *, lang: Lang = "zh", wording: Wording | None = None
) -> CheckResult:
    w = wording or get_wording()
    gate = suitability_gate(investor, product)
    key = "check_eligible" if gate.passed else f"check_{gate.rule}"
    # Every check text may use {risk} and {level}; unused fields are ignored by format().
    reason = w.say(key, lang, risk=product.risk_level, level=investor.level)
    return CheckResult(
        code=product.code,
        risk_level=product.risk_level,
        eligible=gate.passed,
        reason=reason,
        handoff_required=gate.handoff_required,
        rule=gate.rule,
        advisor_offer=gate.handoff_required or gate.rule == "senior_cap",
    )
