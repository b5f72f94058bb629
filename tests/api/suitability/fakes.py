"""A plain product for engine tests that need one particular shape of product."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FakeProduct:
    code: str = "P1"
    risk_level: str = "R1"
    type: str = "wmp_cash"
    status: str = "on_sale"
    min_investment: float = 1.0
    term_months: int | None = None
    lockup_days: int = 0
    liquidity: str = "T0"
    qualified_investor_only: bool = False
    principal_protected: bool = False
    name_zh: str = "测试产品"
    name_en: str = "Test product"
    target_segments: tuple[str, ...] = field(default=("young",))
