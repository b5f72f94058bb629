"""Fit beyond risk (DOMAIN.md §4 rule 4): amount, horizon vs term/lock-up, liquidity, goal.

A product that cannot fit (minimum above the amount, money locked past the horizon, not a
requested type) is excluded; the rest are ranked by how well they fit.
"""

import math
from dataclasses import dataclass
from typing import Literal

from api.suitability.inputs import Investor, ProductLike
from api.suitability.rules import max_recommendable_risk, risk_rank

DAYS_PER_MONTH = 365 / 12
REDEEMABLE = ("T0", "T1", "T2", "T3")
# Liquidity kinds where the stated term is the commitment: money comes back early only at
# a cost (demand rate, surrender value) or not at all.
TERM_BINDS = ("closed_end", "maturity", "surrender", "periodic_open")
SHORT_HORIZON_MONTHS = 6
DEPOSIT_TYPES = frozenset({"demand_deposit", "time_deposit", "large_cd", "structured_deposit"})
# Product types that serve each investment goal (seed 003 §3.1: need → match).
TYPES_FOR_OBJECTIVE = {
    "preserve": {"demand_deposit", "time_deposit", "large_cd", "structured_deposit", "wmp_cash",
                 "money_market_fund"},
    "income": {"time_deposit", "large_cd", "structured_deposit", "wmp_fixed_income", "bond_fund",
               "annuity_insurance"},
    "balanced": {"wmp_fixed_income", "wmp_mixed", "bond_fund", "hybrid_fund"},
    "growth": {"wmp_mixed", "hybrid_fund", "equity_fund", "index_fund"},
    "aggressive": {"hybrid_fund", "equity_fund", "index_fund"},
}  # fmt: skip

FitRule = Literal["type_not_requested", "below_minimum", "locked_too_long", "term_too_long"]


@dataclass(frozen=True)
class Commitment:
    """How long the money is tied up, and whether by a term or by a holding period."""

    days: int
    by_term: bool


def commitment(product: ProductLike) -> Commitment:
    lockup = product.lockup_days or 0
    if product.term_months and product.liquidity in TERM_BINDS:
        term_days = math.ceil(product.term_months * DAYS_PER_MONTH)
        if term_days >= lockup:
            return Commitment(term_days, by_term=True)
    return Commitment(lockup, by_term=False)


def horizon_days(horizon_months: int) -> int:
    return math.ceil(horizon_months * DAYS_PER_MONTH)


def months_of(days: int) -> int:
    return max(1, round(days / DAYS_PER_MONTH))


def liquidity_need(investor: Investor) -> str | None:
    if investor.liquidity_need:
        return investor.liquidity_need
    if investor.horizon_months is not None and investor.horizon_months <= SHORT_HORIZON_MONTHS:
        return "high"
    return None


def fit_exclusion(investor: Investor, product: ProductLike) -> FitRule | None:
    if investor.product_types is not None and product.type not in investor.product_types:
        return "type_not_requested"
    if investor.amount is not None and investor.amount < float(product.min_investment):
        return "below_minimum"
    if investor.horizon_months is not None:
        tied = commitment(product)
        if tied.days > horizon_days(investor.horizon_months):
            return "term_too_long" if tied.by_term else "locked_too_long"
    return None


def fit_score(investor: Investor, product: ProductLike) -> float:
    """Higher is a better fit; only meaningful among products that passed every rule."""
    score = 0.0
    objective = investor.objective
    if objective and product.type in TYPES_FOR_OBJECTIVE[objective]:
        score += 3
    need = liquidity_need(investor)
    if need == "high":
        score += {"T0": 2.0, "T1": 1.5, "T2": 1.0, "T3": 1.0}.get(product.liquidity, -1.0)
    elif need == "medium" and product.liquidity in ("T0", "T1"):
        score += 0.5
    if investor.horizon_months:
        # Prefer products that use the horizon rather than sit in cash for most of it.
        used = commitment(product).days / horizon_days(investor.horizon_months)
        score += min(used, 1.0)
    allowed = max_recommendable_risk(investor)
    if allowed:
        score += risk_rank(product.risk_level) / allowed
    return score
