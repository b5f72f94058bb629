"""Request and response shapes of `POST /api/illustrations`."""

from pydantic import BaseModel, ConfigDict, Field

from api.products.vocabulary import Lang

MAX_AMOUNT_CNY = 10_000_000_000


class IllustrationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    product_code: str = Field(min_length=1, max_length=32)
    amount: float = Field(gt=0, le=MAX_AMOUNT_CNY, description="CNY invested")
    months: int = Field(ge=1, le=600, description="holding period in months")
    lang: Lang = "zh"


class Scenario(BaseModel):
    name: str
    label: str
    annual_rate: float = Field(description="percent per year used by this scenario")
    end_value: float
    gain: float = Field(description="end value minus the amount paid in; negative is a loss")


class Illustration(BaseModel):
    product_code: str
    amount: float
    months: int
    yield_kind: str
    scenarios: list[Scenario]
    assumptions: list[str]
    caveats: list[str]
    text: str
