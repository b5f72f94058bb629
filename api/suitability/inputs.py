"""What the suitability engine reasons about: an investor, and any product-like object.

`ProductLike` lists the catalogue attributes the rules read, so the engine works on the
SQLAlchemy `Product` and on plain test doubles alike.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Objective = Literal["preserve", "income", "balanced", "growth", "aggressive"]
LiquidityNeed = Literal["high", "medium", "low"]


class ProductLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name_zh(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def risk_level(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def min_investment(self) -> float: ...
    @property
    def term_months(self) -> int | None: ...
    @property
    def lockup_days(self) -> int: ...
    @property
    def liquidity(self) -> str: ...
    @property
    def qualified_investor_only(self) -> bool: ...
    @property
    def principal_protected(self) -> bool: ...
    @property
    def target_segments(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Investor:
    """An assessed investor and, optionally, what they want from this investment."""

    level: str  # C1..C5
    lowest_category: bool
    age: int | None = None
    amount: float | None = None  # CNY
    horizon_months: int | None = None
    objective: Objective | None = None
    liquidity_need: LiquidityNeed | None = None
    product_types: frozenset[str] | None = None  # only these types, when asked for
