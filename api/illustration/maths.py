"""Money arithmetic of illustrations, in Decimal and rounded to the fen (half up)."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
TWELVE = Decimal(12)


def to_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def decimal(value: float | int) -> Decimal:
    """Through str, so 1.55 stays 1.55 rather than its binary approximation."""
    return Decimal(str(value))


def holding_days(months: int) -> int:
    return months * 365 // 12


def simple_growth(principal: Decimal, annual_percent: Decimal, months: int) -> Decimal:
    """principal × (1 + rate × months ÷ 12)"""
    return principal * (1 + annual_percent / HUNDRED * months / TWELVE)


def compound_growth(principal: Decimal, annual_percent: Decimal, months: int) -> Decimal:
    """principal × (1 + rate)^(months ÷ 12); a −100% year leaves nothing."""
    base = 1 + annual_percent / HUNDRED
    if base <= 0:
        return Decimal(0)
    return principal * base ** (Decimal(months) / TWELVE)


def net_of_front_fee(amount: Decimal, fee_percent: Decimal) -> Decimal:
    """The amount actually invested when a subscription fee is charged on top (外扣法)."""
    return to_cents(amount / (1 + fee_percent / HUNDRED))


def redemption_fee_percent(tiers: list[dict[str, Any]], days: int) -> Decimal:
    """The rate of the first tier whose `under_days` exceeds the holding period."""
    for tier in tiers:
        under_days = tier.get("under_days")
        if under_days is None or days < under_days:
            return decimal(tier["rate"])
    return Decimal(0)
