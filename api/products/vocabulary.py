"""The catalogue's closed vocabularies and their customer-facing labels in zh and en.

The per-type rules (which yield kinds and risk levels a type may have) live here too, so
the catalogue validator and the presentation agree on one definition of each type.
"""

from typing import Literal, get_args

Lang = Literal["zh", "en"]

ProductType = Literal[
    "demand_deposit",
    "time_deposit",
    "large_cd",
    "structured_deposit",
    "wmp_cash",
    "wmp_fixed_income",
    "wmp_mixed",
    "money_market_fund",
    "bond_fund",
    "hybrid_fund",
    "equity_fund",
    "index_fund",
    "annuity_insurance",
    "trust",
]
RiskLevel = Literal["R1", "R2", "R3", "R4", "R5"]
YieldKind = Literal[
    "fixed_rate", "seven_day_annualised", "benchmark_range", "historical_nav_growth"
]
Liquidity = Literal[
    "T0", "T1", "T2", "T3", "min_holding", "periodic_open", "closed_end", "maturity", "surrender"
]
Status = Literal["pre_sale", "on_sale", "closed"]
Segment = Literal["young", "middle_aged", "silver", "mass_affluent", "high_net_worth"]

PRODUCT_TYPES: tuple[str, ...] = get_args(ProductType)
RISK_LEVELS: tuple[str, ...] = get_args(RiskLevel)
YIELD_KINDS: tuple[str, ...] = get_args(YieldKind)
LIQUIDITIES: tuple[str, ...] = get_args(Liquidity)
STATUSES: tuple[str, ...] = get_args(Status)
SEGMENTS: tuple[str, ...] = get_args(Segment)

# Deposits are the only products the law lets us call principal-protected
# (deposit insurance, up to 500,000 CNY per depositor per bank).
DEPOSIT_TYPES = frozenset({"demand_deposit", "time_deposit", "large_cd", "structured_deposit"})
FUND_TYPES = frozenset(
    {"money_market_fund", "bond_fund", "hybrid_fund", "equity_fund", "index_fund"}
)
WMP_TYPES = frozenset({"wmp_cash", "wmp_fixed_income", "wmp_mixed"})
# Umbrella words customers use ("有哪些基金", "理财产品"); the NLU emits these as product_type.
TYPE_GROUPS: dict[str, frozenset[str]] = {
    "deposit": DEPOSIT_TYPES,
    "wmp": WMP_TYPES,
    "fund": FUND_TYPES,
}
TypeFilter = Literal[ProductType, "deposit", "wmp", "fund"]

YIELD_KINDS_BY_TYPE: dict[str, frozenset[str]] = {
    "demand_deposit": frozenset({"fixed_rate"}),
    "time_deposit": frozenset({"fixed_rate"}),
    "large_cd": frozenset({"fixed_rate"}),
    "structured_deposit": frozenset({"benchmark_range"}),
    "wmp_cash": frozenset({"seven_day_annualised"}),
    "wmp_fixed_income": frozenset({"benchmark_range"}),
    "wmp_mixed": frozenset({"benchmark_range"}),
    "money_market_fund": frozenset({"seven_day_annualised"}),
    "bond_fund": frozenset({"historical_nav_growth"}),
    "hybrid_fund": frozenset({"historical_nav_growth"}),
    "equity_fund": frozenset({"historical_nav_growth"}),
    "index_fund": frozenset({"historical_nav_growth"}),
    "annuity_insurance": frozenset({"fixed_rate"}),
    "trust": frozenset({"benchmark_range", "historical_nav_growth"}),
}

# Realistic ratings per type (bank product-rating practice); a rating outside these
# is almost always a data-entry mistake, so the catalogue refuses it.
RISK_LEVELS_BY_TYPE: dict[str, frozenset[str]] = {
    "demand_deposit": frozenset({"R1"}),
    "time_deposit": frozenset({"R1"}),
    "large_cd": frozenset({"R1"}),
    "structured_deposit": frozenset({"R1"}),
    "wmp_cash": frozenset({"R1"}),
    "wmp_fixed_income": frozenset({"R2"}),
    "wmp_mixed": frozenset({"R3"}),
    "money_market_fund": frozenset({"R1"}),
    "bond_fund": frozenset({"R2"}),
    "hybrid_fund": frozenset({"R3", "R4"}),
    "equity_fund": frozenset({"R4", "R5"}),
    "index_fund": frozenset({"R4", "R5"}),
    "annuity_insurance": frozenset({"R1", "R2"}),
    "trust": frozenset({"R3", "R4", "R5"}),
}

TYPE_LABELS: dict[str, dict[str, str]] = {
    "demand_deposit": {"zh": "活期存款", "en": "demand deposit"},
    "time_deposit": {"zh": "定期存款", "en": "time deposit"},
    "large_cd": {"zh": "大额存单", "en": "large-denomination CD"},
    "structured_deposit": {"zh": "结构性存款", "en": "structured deposit"},
    "wmp_cash": {"zh": "现金管理类理财", "en": "cash-management wealth product"},
    "wmp_fixed_income": {"zh": "固定收益类理财", "en": "fixed-income wealth product"},
    "wmp_mixed": {"zh": "混合类理财", "en": "mixed wealth product"},
    "money_market_fund": {"zh": "货币市场基金", "en": "money-market fund"},
    "bond_fund": {"zh": "债券基金", "en": "bond fund"},
    "hybrid_fund": {"zh": "混合基金", "en": "hybrid fund"},
    "equity_fund": {"zh": "股票基金", "en": "equity fund"},
    "index_fund": {"zh": "指数基金", "en": "index fund"},
    "annuity_insurance": {"zh": "年金保险", "en": "annuity insurance"},
    "trust": {"zh": "集合资金信托", "en": "collective trust plan"},
}

RISK_LABELS: dict[str, dict[str, str]] = {
    "R1": {"zh": "R1（低风险）", "en": "R1 (low risk)"},
    "R2": {"zh": "R2（中低风险）", "en": "R2 (medium-low risk)"},
    "R3": {"zh": "R3（中风险）", "en": "R3 (medium risk)"},
    "R4": {"zh": "R4（中高风险）", "en": "R4 (medium-high risk)"},
    "R5": {"zh": "R5（高风险）", "en": "R5 (high risk)"},
}

YIELD_KIND_LABELS: dict[str, dict[str, str]] = {
    "fixed_rate": {"zh": "固定利率", "en": "fixed rate"},
    "seven_day_annualised": {"zh": "七日年化收益率", "en": "7-day annualised yield"},
    "benchmark_range": {"zh": "业绩比较基准", "en": "performance benchmark"},
    "historical_nav_growth": {"zh": "历史净值增长率", "en": "historical NAV growth"},
}

LIQUIDITY_LABELS: dict[str, dict[str, str]] = {
    "T0": {"zh": "T+0，赎回当日到账", "en": "T+0: redemptions paid the same day"},
    "T1": {"zh": "T+1，赎回次一工作日到账", "en": "T+1: redemptions paid the next working day"},
    "T2": {
        "zh": "T+2，赎回后第二个工作日到账",
        "en": "T+2: paid two working days after redemption",
    },
    "T3": {
        "zh": "T+3，赎回后第三个工作日到账",
        "en": "T+3: paid three working days after redemption",
    },
    "min_holding": {
        "zh": "最短持有期产品，持有期满后可赎回",
        "en": "minimum holding period, redeemable once it has passed",
    },
    "periodic_open": {
        "zh": "定期开放，仅在开放期可申购赎回",
        "en": "opens periodically; buy or redeem only in open windows",
    },
    "closed_end": {
        "zh": "封闭式，到期前不可赎回",
        "en": "closed-end: no redemption before maturity",
    },
    "maturity": {
        "zh": "到期支取，可提前支取（按活期利率计息）",
        "en": "paid at maturity; early withdrawal earns the demand rate",
    },
    "surrender": {
        "zh": "可退保，满期前退保按现金价值领取，可能低于已交保费",
        "en": "can be surrendered; before term you receive the cash value, "
        "which may be below the premiums paid",
    },
}

STATUS_LABELS: dict[str, dict[str, str]] = {
    "pre_sale": {"zh": "预售中", "en": "pre-sale"},
    "on_sale": {"zh": "在售", "en": "on sale"},
    "closed": {"zh": "已停售", "en": "closed"},
}

SEGMENT_LABELS: dict[str, dict[str, str]] = {
    "young": {"zh": "年轻客群（25–35岁）", "en": "young (25–35)"},
    "middle_aged": {"zh": "中年家庭（35–50岁）", "en": "middle-aged (35–50)"},
    "silver": {"zh": "银发客群（60岁以上）", "en": "silver (60+)"},
    "mass_affluent": {"zh": "大众富裕客户", "en": "mass affluent"},
    "high_net_worth": {"zh": "高净值客户", "en": "high net worth"},
}


def label(table: dict[str, dict[str, str]], key: str, lang: Lang) -> str:
    """The label of `key` in `lang`; an unknown key shows as itself rather than failing."""
    return table.get(key, {}).get(lang, key)


def risk_rank(level: str) -> int:
    return RISK_LEVELS.index(level) + 1
