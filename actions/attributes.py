"""Which product attribute a question is about (yield, risk, term…), from its words."""

from __future__ import annotations

KEYWORDS: dict[str, tuple[str, ...]] = {
    "fees": ("费", "手续费", "管理费", "托管费", "fee", "fees", "charge", "cost"),
    "minimum": (
        "起购",
        "起投",
        "最低",
        "多少钱起",
        "门槛",
        "minimum",
        "min ",
        "at least",
        "start with",
    ),
    "term": (
        "期限",
        "多久",
        "赎回",
        "封闭",
        "锁定",
        "到期",
        "取出",
        "流动",
        "term",
        "redeem",
        "redemption",
        "lock",
        "withdraw",
        "maturity",
        "liquid",
    ),
    "risk": ("风险", "安全", "亏", "risk", "safe", "lose", "loss"),
    "yield": (
        "收益",
        "利率",
        "利息",
        "年化",
        "回报",
        "净值",
        "yield",
        "return",
        "interest",
        "rate",
        "earn",
    ),
    "features": (
        "特点",
        "投向",
        "投资什么",
        "底层",
        "feature",
        "invest in",
        "underlying",
        "what is",
    ),
}


def asked_attribute(text: str) -> str | None:
    lowered = text.lower()
    for attribute, words in KEYWORDS.items():
        if any(word in lowered for word in words):
            return attribute
    return None


# Risk words → (filter, level), using the bank's labels: R1 低风险, R2 中低, R3 中, R4 中高, R5 高.
RISK_WORDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("中低风险", "较低风险", "medium-low risk", "lower risk", "low to medium risk"),
        "max_risk_level",
        "R2",
    ),
    (("中高风险", "medium-high risk"), "risk_level", "R4"),
    (
        ("低风险", "最稳", "最安全", "保守", "low risk", "low-risk", "safest", "conservative"),
        "max_risk_level",
        "R1",
    ),
    (("中风险", "中等风险", "medium risk", "moderate risk"), "risk_level", "R3"),
    (("高风险", "high risk", "high-risk", "aggressive"), "risk_level", "R5"),
)


def risk_filter(text: str) -> tuple[str, str] | None:
    """A browse filter from words like 低风险 / "low-risk" (explicit R-levels come as entities)."""
    lowered = text.lower()
    for words, parameter, level in RISK_WORDS:
        if any(word in lowered for word in words):
            return parameter, level
    return None
