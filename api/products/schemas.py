"""Request and response shapes of the product endpoints (one language per response)."""

from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.products.vocabulary import Lang


class YieldOut(BaseModel):
    kind: str
    kind_label: str
    low: float
    high: float
    mid: float
    note: str
    text: str


class FeeOut(BaseModel):
    rate: float
    text: str


class RedemptionTierOut(BaseModel):
    under_days: int | None
    rate: float


class RedemptionFeeOut(BaseModel):
    tiers: list[RedemptionTierOut]
    text: str


class FeesOut(BaseModel):
    subscription: FeeOut
    management: FeeOut
    custody: FeeOut
    sales_service: FeeOut
    redemption: RedemptionFeeOut
    note: str
    text: str


class ProductSummary(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    code: str
    name: str
    type: str
    type_label: str
    risk_level: str
    risk_label: str
    yield_: YieldOut = Field(alias="yield")
    term_months: int | None
    term_text: str
    liquidity: str
    liquidity_text: str
    min_investment: float
    min_investment_text: str
    status: str
    status_label: str
    qualified_investor_only: bool
    principal_protected: bool


class ProductDetail(ProductSummary):
    lockup_days: int
    redemption: str
    fees: FeesOut
    target_segments: list[str]
    target_segment_labels: list[str]
    underlying: str
    key_risks: list[str]
    features: list[str]
    disclosure: str
    aliases: list[str]


class ProductMatchOut(BaseModel):
    code: str
    name: str
    type: str
    type_label: str
    risk_level: str
    status: str
    score: float
    matched: str


class CompareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    codes: list[str] = Field(min_length=2, max_length=4)
    lang: Lang = "zh"

    @field_validator("codes")
    @classmethod
    def distinct_codes(cls, codes: list[str]) -> list[str]:
        upper = [code.strip().upper() for code in codes]
        if len(set(upper)) != len(upper):
            raise ValueError("list each product once")
        return upper


class ComparisonRow(BaseModel):
    field: str
    label: str
    values: list[str]


class ComparisonOut(BaseModel):
    products: list[ProductSummary]
    rows: list[ComparisonRow]
