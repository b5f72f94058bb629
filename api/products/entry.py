"""`ProductEntry`: one product as the catalogue file or an admin writes it, fully validated.

Pydantic checks each field; `_consistent` checks the rules between fields (yield kind per
type, realistic risk level, who may be called principal-protected, trust thresholds) and
names the offending field in the error's context so a bad file is easy to fix.
"""

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from api.products.vocabulary import (
    DEPOSIT_TYPES,
    RISK_LEVELS_BY_TYPE,
    YIELD_KINDS_BY_TYPE,
    Liquidity,
    ProductType,
    RiskLevel,
    Segment,
    Status,
    YieldKind,
)

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
TRUST_MINIMUM_CNY = 1_000_000
LARGE_CD_MINIMUM_CNY = 200_000
# Liquidity kinds that only make sense with a fixed term.
TERMED_LIQUIDITY = frozenset({"periodic_open", "closed_end", "maturity", "surrender"})


def _chinese(text: str) -> str:
    text = text.strip()
    if not _HAN.search(text):
        raise ValueError("must be written in Chinese")
    return text


def _english(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("must not be empty")
    if _HAN.search(text):
        raise ValueError("must be written in English (found Chinese characters)")
    return text


ZhText = Annotated[str, AfterValidator(_chinese)]
EnText = Annotated[str, AfterValidator(_english)]
Percent = Annotated[float, Field(ge=-100, le=100)]


class RedemptionTier(BaseModel):
    """A redemption fee rate that applies while the holding is shorter than `under_days`."""

    model_config = ConfigDict(extra="forbid")

    under_days: int | None = Field(default=None, gt=0)
    rate: float = Field(ge=0, le=10)


class Fees(BaseModel):
    """Fees in percent: subscription and redemption are one-off, the rest are per year."""

    model_config = ConfigDict(extra="forbid")

    subscription: float = Field(default=0, ge=0, le=5)
    management: float = Field(default=0, ge=0, le=3)
    custody: float = Field(default=0, ge=0, le=1)
    sales_service: float = Field(default=0, ge=0, le=1)
    redemption: list[RedemptionTier] = Field(default_factory=lambda: [RedemptionTier(rate=0)])
    note_zh: str = ""
    note_en: str = ""

    @field_validator("redemption", mode="before")
    @classmethod
    def single_rate_is_one_tier(cls, value: Any) -> Any:
        return [{"rate": value}] if isinstance(value, int | float) else value

    @field_validator("redemption")
    @classmethod
    def tiers_ascend_to_an_open_end(cls, tiers: list[RedemptionTier]) -> list[RedemptionTier]:
        bounds = [tier.under_days for tier in tiers]
        if not tiers or bounds[-1] is not None or None in bounds[:-1]:
            raise ValueError("the last tier (and only the last) must have no under_days")
        limits = [bound for bound in bounds if bound is not None]
        if limits != sorted(set(limits)):
            raise ValueError("under_days must increase from tier to tier")
        return tiers


class ProductEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,11}$")
    name_zh: ZhText
    name_en: EnText
    aliases_zh: list[ZhText] = Field(min_length=1)
    aliases_en: list[EnText] = Field(min_length=1)
    type: ProductType
    risk_level: RiskLevel
    yield_kind: YieldKind
    yield_low: Percent
    yield_high: Percent
    # The central figure: the latest 7-day yield, the annualised NAV growth over the
    # note's period, the benchmark midpoint or the fixed rate (the last two by default).
    yield_mid: Percent | None = None
    yield_note_zh: ZhText
    yield_note_en: EnText
    term_months: int | None = Field(ge=1, le=600)
    lockup_days: int = Field(ge=0, le=36_500)
    liquidity: Liquidity
    # Rate paid when a termed deposit is withdrawn early (the demand rate); None = not possible.
    early_exit_rate: Percent | None = None
    redemption_zh: ZhText
    redemption_en: EnText
    min_investment: float = Field(gt=0)
    fees: Fees
    status: Status
    target_segments: list[Segment] = Field(min_length=1)
    qualified_investor_only: bool
    principal_protected: bool
    underlying_zh: ZhText
    underlying_en: EnText
    key_risks_zh: list[ZhText] = Field(min_length=1)
    key_risks_en: list[EnText] = Field(min_length=1)
    features_zh: list[ZhText] = Field(min_length=1)
    features_en: list[EnText] = Field(min_length=1)
    disclosure_zh: ZhText
    disclosure_en: EnText

    @field_validator("code", mode="before")
    @classmethod
    def code_is_uppercase(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self) -> "ProductEntry":
        problems = self._inconsistencies()
        if problems:
            field, problem = problems[0]
            raise PydanticCustomError(
                "inconsistent_product",
                "{field}: {problem}",
                {"field": field, "problem": problem},
            )
        if self.yield_mid is None:
            self.yield_mid = round((self.yield_low + self.yield_high) / 2, 4)
        return self

    def _inconsistencies(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        kinds = YIELD_KINDS_BY_TYPE[self.type]
        if self.yield_kind not in kinds:
            problems.append(("yield_kind", f"{self.type} must use {' or '.join(sorted(kinds))}"))
        levels = RISK_LEVELS_BY_TYPE[self.type]
        if self.risk_level not in levels:
            problems.append(("risk_level", f"{self.type} is rated {'/'.join(sorted(levels))}"))
        if self.yield_low > self.yield_high:
            problems.append(("yield_low", "must not exceed yield_high"))
        if self.yield_kind == "fixed_rate" and self.yield_low != self.yield_high:
            problems.append(("yield_high", "a fixed rate has yield_low == yield_high"))
        if self.yield_kind in ("seven_day_annualised", "historical_nav_growth"):
            if self.yield_mid is None:
                problems.append(("yield_mid", f"required for {self.yield_kind}"))
            elif not self.yield_low <= self.yield_mid <= self.yield_high:
                problems.append(("yield_mid", "must lie between yield_low and yield_high"))
        if self.yield_kind != "historical_nav_growth" and self.yield_low < 0:
            problems.append(("yield_low", "only historical NAV growth can be negative"))
        if self.principal_protected != (self.type in DEPOSIT_TYPES):
            problems.append(
                ("principal_protected", "true for deposits (deposit insurance) and only them")
            )
        if self.type == "trust":
            if not self.qualified_investor_only:
                problems.append(("qualified_investor_only", "trusts are for qualified investors"))
            if self.min_investment < TRUST_MINIMUM_CNY:
                problems.append(("min_investment", f"trusts start at {TRUST_MINIMUM_CNY:,} CNY"))
        if self.type == "large_cd" and self.min_investment < LARGE_CD_MINIMUM_CNY:
            problems.append(("min_investment", f"large CDs start at {LARGE_CD_MINIMUM_CNY:,} CNY"))
        if self.liquidity in TERMED_LIQUIDITY and self.term_months is None:
            problems.append(("term_months", f"liquidity {self.liquidity} needs a term"))
        if self.early_exit_rate is not None and self.yield_kind != "fixed_rate":
            problems.append(("early_exit_rate", "only fixed-rate deposits have one"))
        for field in ("key_risks", "features"):
            if len(getattr(self, f"{field}_zh")) != len(getattr(self, f"{field}_en")):
                problems.append((f"{field}_en", f"must match {field}_zh item for item"))
        return problems
