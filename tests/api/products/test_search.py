import pytest

from api.products.catalogue import apply_entry, default_catalogue
from api.products.models import Product
from api.products.search import normalise, rank_products, similarity


@pytest.fixture(scope="module")
def products() -> list[Product]:
    rows = []
    for entry in default_catalogue().products:
        product = Product()
        apply_entry(product, entry)
        rows.append(product)
    return rows


def top_code(query: str, products: list[Product]) -> str | None:
    matches = rank_products(query, products)
    return matches[0].product.code if matches else None


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("MMF01", "MMF01"),
        ("mmf01", "MMF01"),
        ("mmf1", "MMF01"),
        ("wmfi3", "WMFI03"),
        ("TDY3", "TD3Y"),
        ("日日盈", "MMF01"),
        ("日日赢", "MMF01"),  # wrong character, same sound
        ("日日盈货币基金A", "MMF01"),
        ("日日盈貨幣基金", "MMF01"),  # traditional characters
        ("日日盈的收益怎么样", "MMF01"),
        ("天天莉", "WMC01"),
        ("大额存单三年", "CD3Y"),
        ("沪深300ETF联接", "IF01"),
        ("DailyPlus", "MMF01"),
        ("daily plus", "MMF01"),
        ("dailyplsu", "MMF01"),
        ("Dialy Plus Money Market Fund", "MMF01"),
        ("TechPioner", "EF02"),
        ("what is the yield of SteadyGain 90", "WMFI01"),
        ("gold structured deposit", "SDG3M"),
    ],
)
def test_free_text_finds_the_product(query: str, code: str, products: list[Product]) -> None:
    assert top_code(query, products) == code


def test_a_short_fragment_lists_the_family(products: list[Product]) -> None:
    codes = {match.product.code for match in rank_products("稳盈", products, limit=10)}
    assert {"WMFI01", "WMFI02", "WMFI03", "WMFI04", "WMFI05"} <= codes


def test_matches_are_ranked_and_say_what_matched(products: list[Product]) -> None:
    matches = rank_products("mmf1", products)
    assert [m.product.code for m in matches[:2]] == ["MMF01", "MMF02"]
    assert matches[0].score > matches[1].score
    assert matches[0].matched == "MMF01"


@pytest.mark.parametrize("query", ["", "   ", "天气怎么样", "weather tomorrow", "!!!"])
def test_unrelated_text_matches_nothing(query: str, products: list[Product]) -> None:
    assert rank_products(query, products) == []


def test_normalise_folds_case_space_punctuation_and_script() -> None:
    assert normalise("Daily Plus-Fund!") == "dailyplusfund"
    assert normalise("貨幣 基金") == "货币基金"


def test_similarity_bounds() -> None:
    assert similarity("abc", "abc") == 1.0
    assert similarity("", "abc") == 0.0
    assert 0 < similarity("dailyplsu", "dailyplus") < 1
