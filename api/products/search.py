"""Free-text product lookup: codes, names and aliases in either language, forgiving typos.

Customers type short names, traditional characters, spaces in odd places or a letter
wrong ("日日赢", "dailyplsu", "mmf1"). Every product offers its code, names and aliases as
candidates; a query scores against each by exact match, containment either way, and
difflib similarity (also against same-length windows of a longer sentence).
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import zhconv

from api.products.models import Product

MAX_QUERY_CHARS = 100
MIN_SCORE = 0.6
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class ProductMatch:
    product: Product
    score: float
    matched: str


def normalise(text: str) -> str:
    """Simplified Chinese, lower case, letters/digits/Han only ("Daily Plus" → "dailyplus")."""
    simplified = zhconv.convert(text[:MAX_QUERY_CHARS], "zh-cn").lower()
    return _NOT_WORD.sub("", simplified)


def _window_ratio(query: str, candidate: str) -> float:
    """Best similarity of the candidate to any equally long stretch of a longer query."""
    size = len(candidate)
    return max(
        SequenceMatcher(None, query[start : start + size], candidate).ratio()
        for start in range(len(query) - size + 1)
    )


def similarity(query: str, candidate: str) -> float:
    """0..1 for normalised strings; 1 is an exact match."""
    if not query or not candidate:
        return 0.0
    if query == candidate:
        return 1.0
    scores = [SequenceMatcher(None, query, candidate).ratio()]
    if len(query) >= 3 and sorted(query) == sorted(candidate):
        scores.append(0.85)  # two characters swapped ("tdy3" for "td3y")
    if len(candidate) >= 2 and candidate in query:
        # The query mentions the product inside a sentence ("日日盈收益多少").
        scores.append(0.85 + 0.1 * len(candidate) / len(query))
    elif len(query) >= 2 and query in candidate:
        # A fragment of a longer name ("稳盈" in "稳盈两年封闭固收理财").
        scores.append(0.6 + 0.3 * len(query) / len(candidate))
    elif len(candidate) >= 3 and len(query) > len(candidate):
        scores.append(0.9 * _window_ratio(query, candidate))
    return min(max(scores), 1.0)


def candidates(product: Product) -> list[str]:
    return [
        product.code,
        product.name_zh,
        product.name_en,
        *product.aliases_zh,
        *product.aliases_en,
    ]


def rank_products(
    query: str, products: list[Product], *, limit: int = 5, min_score: float = MIN_SCORE
) -> list[ProductMatch]:
    """Products whose code, name or alias resembles `query`, best first."""
    wanted = normalise(query)
    if not wanted:
        return []
    matches = []
    for product in products:
        scored = [(similarity(wanted, normalise(text)), text) for text in candidates(product)]
        score, matched = max(scored, key=lambda pair: pair[0])
        if score >= min_score:
            matches.append(ProductMatch(product, round(score, 3), matched))
    matches.sort(key=lambda match: (-match.score, match.product.is_closed, match.product.code))
    return matches[:limit]
