"""Side-by-side comparison of 2–4 products: aligned rows, one value per product."""

from collections.abc import Callable

from sqlalchemy.orm import Session

from api.errors import InvalidInput
from api.products.models import Product
from api.products.presenter import fees_view, product_summary
from api.products.schemas import ComparisonOut, ComparisonRow, ProductSummary
from api.products.service import find_product, search_products
from api.products.vocabulary import Lang

MIN_PRODUCTS, MAX_PRODUCTS = 2, 4

Cell = Callable[[Product, ProductSummary, Lang], str]


def _protection(product: Product, _: ProductSummary, lang: Lang) -> str:
    if product.principal_protected:
        return (
            "yes, deposit insurance up to CNY 500,000"
            if lang == "en"
            else "是，存款保险保障50万元以内"
        )
    return "no, principal can be lost" if lang == "en" else "否，可能亏损本金"


# (field, zh label, en label, cell) in display order.
ROWS: list[tuple[str, str, str, Cell]] = [
    ("type", "产品类型", "Type", lambda p, s, lang: s.type_label),
    ("risk_level", "风险等级", "Risk level", lambda p, s, lang: s.risk_label),
    ("yield", "收益指标", "Return figure", lambda p, s, lang: s.yield_.text),
    ("yield_note", "收益说明", "About the figure", lambda p, s, lang: s.yield_.note),
    ("term", "期限", "Term", lambda p, s, lang: s.term_text),
    ("liquidity", "流动性", "Liquidity", lambda p, s, lang: s.liquidity_text),
    ("min_investment", "起购金额", "Minimum", lambda p, s, lang: s.min_investment_text),
    ("fees", "费用", "Fees", lambda p, s, lang: fees_view(p, lang).text),
    ("principal_protected", "本金保障", "Principal protection", _protection),
    ("key_risk", "主要风险", "Key risk", lambda p, s, lang: p.text("key_risks", lang)[0]),
    ("status", "销售状态", "Status", lambda p, s, lang: s.status_label),
]


def _unknown_code_message(codes: list[str], *, session: Session, lang: Lang) -> str:
    hints = []
    for code in codes:
        closest = [m.product.code for m in search_products(code, session=session, limit=2)]
        hint = (
            f"{code}（可能是 {'/'.join(closest)}）"
            if lang == "zh"
            else f"{code} (maybe {'/'.join(closest)})"
        )
        hints.append(hint if closest else code)
    if lang == "en":
        return "Unknown product code(s): " + ", ".join(hints)
    return "未找到以下产品代码：" + "、".join(hints)


def compare_products(codes: list[str], *, session: Session, lang: Lang) -> ComparisonOut:
    if not MIN_PRODUCTS <= len(codes) <= MAX_PRODUCTS:
        raise InvalidInput(f"compare {MIN_PRODUCTS} to {MAX_PRODUCTS} products, got {len(codes)}")
    found = {code: find_product(code, session=session) for code in codes}
    missing = [code for code, product in found.items() if product is None]
    if missing:
        raise InvalidInput(_unknown_code_message(missing, session=session, lang=lang))
    products = [product for product in found.values() if product is not None]
    summaries = [product_summary(product, lang) for product in products]
    rows = [
        ComparisonRow(
            field=field,
            label=label_en if lang == "en" else label_zh,
            values=[
                cell(product, summary, lang)
                for product, summary in zip(products, summaries, strict=True)
            ],
        )
        for field, label_zh, label_en, cell in ROWS
    ]
    return ComparisonOut(products=summaries, rows=rows)
