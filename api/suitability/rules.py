"""The hard suitability rules of DOMAIN.md §4, as one gate every product passes or fails.

CSRC 《证券期货投资者适当性管理办法》 Art. 18–22: investor Cn may be recommended only
products Rm with m ≤ n; the lowest category only R1, never overridable; seed 003 §7.3:
customers aged 60+ get only ≤ R2 suggestions. Changing a rule means bumping RULE_VERSION,
which every recommendation record carries.
"""

from dataclasses import dataclass
from typing import Literal

from api.suitability.inputs import Investor, ProductLike

RULE_VERSION = "suitability-rules-2025.1"

LEVEL_MAX_RISK = {"C1": 1, "C2": 2, "C3": 3, "C4": 4, "C5": 5}
RISK_LEVELS = ("R1", "R2", "R3", "R4", "R5")
ADULT_AGE = 18
SENIOR_AGE = 60
SENIOR_MAX_RISK = 2
HIGH_NET_WORTH_AMOUNT = 10_000_000  # CNY investable: offer a dedicated advisor (DOMAIN.md §1)

GateRule = Literal[
    "within_level",
    "minor",
    "closed",
    "lowest_category",
    "above_level",
    "qualified_only",
    "senior_high_risk",
    "senior_cap",
]


@dataclass(frozen=True)
class Gate:
    rule: GateRule
    handoff_required: bool = False

    @property
    def passed(self) -> bool:
        return self.rule == "within_level"


def risk_rank(risk_level: str) -> int:
    return RISK_LEVELS.index(risk_level) + 1


def is_minor(investor: Investor) -> bool:
    return investor.age is not None and investor.age < ADULT_AGE


def is_senior(investor: Investor) -> bool:
    return investor.age is not None and investor.age >= SENIOR_AGE


def max_recommendable_risk(investor: Investor) -> int:
    """Highest risk rank the assistant may suggest to this investor (0: nothing at all)."""
    if is_minor(investor):
        return 0
    cap = 1 if investor.lowest_category else LEVEL_MAX_RISK[investor.level]
    if is_senior(investor):
        cap = min(cap, SENIOR_MAX_RISK)
    return cap


def suitability_gate(investor: Investor, product: ProductLike) -> Gate:
    """Whether the assistant may offer this product to this investor, and if not, why.

    The order matters: the first failing rule is the one reported. A lowest-category
    investor is never handed off for a sale above R1; an ordinary investor asking above
    their level is (a person must give the special risk warning, Art. 19).
    """
    risk = risk_rank(product.risk_level)
    if is_minor(investor):
        return Gate("minor")
    if product.status == "closed":
        return Gate("closed")
    if investor.lowest_category and risk > 1:
        return Gate("lowest_category")
    if risk > LEVEL_MAX_RISK[investor.level]:
        return Gate("above_level", handoff_required=True)
    if product.qualified_investor_only:
        return Gate("qualified_only", handoff_required=True)
    if is_senior(investor) and risk >= 4:
        return Gate("senior_high_risk", handoff_required=True)
    if is_senior(investor) and risk > SENIOR_MAX_RISK:
        return Gate("senior_cap")
    return Gate("within_level")
