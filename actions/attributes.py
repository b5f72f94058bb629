"""Which product attribute a question is about (yield, risk, term…), from its words."""

from __future__ import annotations

KEYWORDS: dict[str, tuple[str, ...]] = {
    "fees": ("费", "手续费", "管理费", "托管费", "fee", "fees", "charge", "cost"),
    "minimum": ("起购", "起投", "最低", "多少钱起", "门槛", "minimum", "min ", "at least", "start with"),
    "term": ("期限", "多久", "赎回", "封闭", "锁定", "到期", "取出", "流动", "term", "redeem", "redemption", "lock", "withdraw", "maturity", "liquid"),
    "risk": ("风险", "安全", "亏", "risk", "safe", "lose", "loss"),
    "yield": ("收益", "利率", "利息", "年化", "回报", "净值", "yield", "return", "interest", "rate", "earn"),
    "features": ("特点", "投向", "投资什么", "底层", "feature", "invest in", "underlying", "what is"),
}


def asked_attribute(text: str) -> str | None:
    lowered = text.lower()
    for attribute, words in KEYWORDS.items():
        if any(word in lowered for word in words):
            return attribute
    return None
