from pathlib import Path

from bot.product_names import PROJECT_ROOT, han_words, product_phrases, resolve_path


def test_phrases_cover_codes_names_and_aliases_normalised(catalogue_path: Path) -> None:
    phrases = product_phrases(catalogue_path)
    assert phrases["MMF01"] == "MMF01"
    assert phrases["鑫利宝货币基金"] == "MMF01"
    assert phrases["XinLiBao Money Market Fund"] == "MMF01"
    assert phrases["鑫利宝"] == "MMF01"  # 鑫利寶 in the file folds onto the same phrase
    assert "鑫利寶" not in phrases
    assert phrases["三年期大额存单"] == "CD3Y"


def test_a_phrase_of_two_products_is_dropped(catalogue_path: Path) -> None:
    phrases = product_phrases(catalogue_path)
    assert "稳盈" not in phrases
    assert phrases["稳盈信托"] == "TR01" and phrases["稳盈债基"] == "BF01"


def test_missing_or_malformed_catalogue_gives_no_phrases(tmp_path: Path) -> None:
    assert product_phrases(tmp_path / "absent.yml") == {}
    broken = tmp_path / "broken.yml"
    broken.write_text("products: [unclosed", encoding="utf-8")
    assert product_phrases(broken) == {}
    not_a_list = tmp_path / "not_a_list.yml"
    not_a_list.write_text("products: 3", encoding="utf-8")
    assert product_phrases(not_a_list) == {}


def test_han_words_are_the_han_runs_of_each_phrase() -> None:
    assert han_words(["DailyPlus货币基金", "沪深300指数基金", "鑫", "CD3Y"]) == [
        "指数基金",
        "沪深",
        "货币基金",
    ]


def test_relative_paths_are_relative_to_the_project_root() -> None:
    assert resolve_path("api/products/catalogue.yml") == PROJECT_ROOT / "api/products/catalogue.yml"
    assert (PROJECT_ROOT / "bot" / "tokenizer.py").exists()
    assert resolve_path("/abs/file.yml") == Path("/abs/file.yml")
