"""How a product reads in one language: labels, yields with their kind, terms, money, fees."""

from typing import Any

from api.products.models import Product
from api.products.schemas import (
    FeeOut,
    FeesOut,
    ProductDetail,
    ProductSummary,
    RedemptionFeeOut,
    RedemptionTierOut,
    YieldOut,
)
from api.products.vocabulary import (
    LIQUIDITY_LABELS,
    RISK_LABELS,
    SEGMENT_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    YIELD_KIND_LABELS,
    Lang,
    label,
)

FEE_LABELS: dict[str, dict[str, str]] = {
    "subscription": {"zh": "申购/认购费", "en": "subscription fee"},
    "management": {"zh": "管理费", "en": "management fee"},
    "custody": {"zh": "托管费", "en": "custody fee"},
    "sales_service": {"zh": "销售服务费", "en": "sales service fee"},
    "redemption": {"zh": "赎回费", "en": "redemption fee"},
}
ANNUAL_FEES = ("management", "custody", "sales_service")


def percent(value: float) -> str:
    return f"{value:.2f}%"


def _plain_number(amount: float) -> str:
    return f"{int(amount):,}" if float(amount).is_integer() else f"{amount:,.2f}"


def money_text(amount: float, lang: Lang) -> str:
    """A minimum or threshold as people say it: 20万元 / CNY 200,000."""
    if lang == "en":
        return f"CNY {_plain_number(amount)}"
    if amount >= 10_000 and amount % 10_000 == 0:
        return f"{_plain_number(amount / 10_000)}万元"
    return f"{_plain_number(amount)}元"


def amount_text(amount: float, lang: Lang) -> str:
    """An exact sum of money to the fen: 10,000.00元 / CNY 10,000.00."""
    return f"CNY {amount:,.2f}" if lang == "en" else f"{amount:,.2f}元"


def term_text(months: int | None, lang: Lang) -> str:
    if months is None:
        return "open-ended" if lang == "en" else "无固定期限"
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years > 1 else ''}" if lang == "en" else f"{years}年"
    return f"{months} month{'s' if months > 1 else ''}" if lang == "en" else f"{months}个月"


def yield_text(product: Product, lang: Lang) -> str:
    low, high, mid = (
        percent(product.yield_low),
        percent(product.yield_high),
        percent(product.yield_mid),
    )
    kind = product.yield_kind
    if kind == "fixed_rate":
        return f"fixed rate {low} a year" if lang == "en" else f"固定利率：年利率{low}"
    if kind == "seven_day_annualised":
        if lang == "en":
            return f"7-day annualised yield {mid} (past 12 months {low}–{high})"
        return f"七日年化收益率{mid}（近12个月{low}–{high}）"
    if kind == "benchmark_range" and product.principal_protected:
        if lang == "en":
            return f"annualised rate range {low}–{high}, depending on the linked asset"
        return f"年化收益率区间{low}–{high}（取决于挂钩标的表现）"
    if kind == "benchmark_range":
        if lang == "en":
            return f"performance benchmark {low}–{high} a year (not a promise)"
        return f"业绩比较基准（年化）{low}–{high}（不代表实际收益）"
    if lang == "en":
        return f"historical NAV growth {low} to {high} per calendar year, annualised {mid}"
    return f"历史年度净值增长率{low}至{high}，年化{mid}"


def yield_view(product: Product, lang: Lang) -> YieldOut:
    return YieldOut(
        kind=product.yield_kind,
        kind_label=label(YIELD_KIND_LABELS, product.yield_kind, lang),
        low=product.yield_low,
        high=product.yield_high,
        mid=product.yield_mid,
        note=product.text("yield_note", lang),
        text=yield_text(product, lang),
    )


def liquidity_text(product: Product, lang: Lang) -> str:
    text = label(LIQUIDITY_LABELS, product.liquidity, lang)
    if product.liquidity in ("min_holding", "periodic_open") and product.lockup_days:
        days = product.lockup_days
        return f"{text} (locked for {days} days)" if lang == "en" else f"{text}（锁定{days}天）"
    if product.liquidity == "closed_end":
        term = term_text(product.term_months, lang)
        return f"{text} (term {term})" if lang == "en" else f"{text}（期限{term}）"
    return text


def _fee_rate_text(kind: str, rate: float, lang: Lang) -> str:
    if not rate:
        return "none" if lang == "en" else "无"
    if kind in ANNUAL_FEES:
        return f"{percent(rate)} a year" if lang == "en" else f"{percent(rate)}/年"
    return f"{percent(rate)} one-off" if lang == "en" else f"{percent(rate)}（一次性）"


def redemption_fee_text(tiers: list[dict[str, Any]], lang: Lang) -> str:
    if all(not tier["rate"] for tier in tiers):
        return "none" if lang == "en" else "无"
    parts = []
    since = 0
    for tier in tiers:
        rate, days = tier["rate"], tier.get("under_days")
        if days is not None:
            if lang == "en":
                held = f"under {days} days" if not since else f"{since} to under {days} days"
                parts.append(f"{percent(rate)} if held {held}")
            else:
                held = f"不足{days}天" if not since else f"{since}天至不足{days}天"
                parts.append(f"持有{held}{percent(rate)}")
            since = days
        elif rate:
            parts.append(f"{percent(rate)} after that" if lang == "en" else f"其后{percent(rate)}")
        else:
            parts.append("none after that" if lang == "en" else "其后免收")
    return "; ".join(parts) if lang == "en" else "；".join(parts)


def fees_view(product: Product, lang: Lang) -> FeesOut:
    fees = product.fees
    rated = {
        kind: FeeOut(rate=fees.get(kind, 0), text=_fee_rate_text(kind, fees.get(kind, 0), lang))
        for kind in ("subscription", *ANNUAL_FEES)
    }
    tiers = fees.get("redemption") or [{"under_days": None, "rate": 0}]
    redemption = RedemptionFeeOut(
        tiers=[RedemptionTierOut(under_days=t.get("under_days"), rate=t["rate"]) for t in tiers],
        text=redemption_fee_text(tiers, lang),
    )
    separator = ": " if lang == "en" else "："
    charged = [
        f"{label(FEE_LABELS, kind, lang)}{separator}{fee.text}"
        for kind, fee in rated.items()
        if fee.rate
    ]
    if redemption.text not in ("none", "无"):
        charged.append(f"{label(FEE_LABELS, 'redemption', lang)}{separator}{redemption.text}")
    note = fees.get(f"note_{lang}", "") or ""
    text = (
        ("; " if lang == "en" else "；").join(charged) or note or ("none" if lang == "en" else "无")
    )
    return FeesOut(**rated, redemption=redemption, note=note, text=text)


def product_summary(product: Product, lang: Lang) -> ProductSummary:
    return ProductSummary(
        code=product.code,
        name=product.text("name", lang),
        type=product.type,
        type_label=label(TYPE_LABELS, product.type, lang),
        risk_level=product.risk_level,
        risk_label=label(RISK_LABELS, product.risk_level, lang),
        **{"yield": yield_view(product, lang)},
        term_months=product.term_months,
        term_text=term_text(product.term_months, lang),
        liquidity=product.liquidity,
        liquidity_text=liquidity_text(product, lang),
        min_investment=product.min_investment,
        min_investment_text=money_text(product.min_investment, lang),
        status=product.status,
        status_label=label(STATUS_LABELS, product.status, lang),
        qualified_investor_only=product.qualified_investor_only,
        principal_protected=product.principal_protected,
    )


def product_detail(product: Product, lang: Lang) -> ProductDetail:
    summary = product_summary(product, lang)
    return ProductDetail(
        **dict(summary),
        lockup_days=product.lockup_days,
        redemption=product.text("redemption", lang),
        fees=fees_view(product, lang),
        target_segments=list(product.target_segments),
        target_segment_labels=[label(SEGMENT_LABELS, s, lang) for s in product.target_segments],
        underlying=product.text("underlying", lang),
        key_risks=list(product.text("key_risks", lang)),
        features=list(product.text("features", lang)),
        disclosure=product.text("disclosure", lang),
        aliases=list(product.text("aliases", lang)),
    )
