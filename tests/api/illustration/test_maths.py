from decimal import Decimal

import pytest

from api.illustration.maths import (
    compound_growth,
    decimal,
    holding_days,
    net_of_front_fee,
    redemption_fee_percent,
    simple_growth,
    to_cents,
)

FUND_TIERS = [
    {"under_days": 7, "rate": 1.5},
    {"under_days": 365, "rate": 0.5},
    {"under_days": 730, "rate": 0.25},
    {"under_days": None, "rate": 0},
]


def test_rounding_is_half_up_to_the_fen() -> None:
    assert to_cents(Decimal("1.005")) == Decimal("1.01")
    assert to_cents(Decimal("1.004999")) == Decimal("1.00")
    assert decimal(1.55) == Decimal("1.55")


def test_simple_and_compound_growth() -> None:
    assert simple_growth(Decimal(100_000), Decimal("1.55"), 36) == Decimal("104650")
    assert to_cents(compound_growth(Decimal(100_000), Decimal("1.8"), 120)) == Decimal("119530.24")
    assert to_cents(compound_growth(Decimal(100), Decimal(-20), 12)) == Decimal("80.00")
    assert compound_growth(Decimal(100), Decimal(-100), 24) == 0


def test_subscription_fee_is_charged_on_top() -> None:
    # 外扣法: 10,000 at 1.5% buys 10,000 / 1.015 = 9,852.22 of fund.
    assert net_of_front_fee(Decimal(10_000), Decimal("1.5")) == Decimal("9852.22")


@pytest.mark.parametrize(
    ("days", "rate"), [(0, "1.5"), (6, "1.5"), (7, "0.5"), (364, "0.5"), (365, "0.25"), (730, "0")]
)
def test_redemption_fee_tier_by_holding_days(days: int, rate: str) -> None:
    assert redemption_fee_percent(FUND_TIERS, days) == Decimal(rate)


def test_holding_days_from_months() -> None:
    assert [holding_days(m) for m in (1, 3, 6, 12, 18, 24)] == [30, 91, 182, 365, 547, 730]
