"""The glossary data file: the shipped one is complete and compliant; broken ones are refused."""

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from api.glossary.terms import TERMS_FILE, GlossaryError, load_glossary, normalise, parse_glossary

HAN = re.compile(r"[\u4e00-\u9fff]")
REQUIRED_TERMS = {
    *(f"risk_level_r{n}" for n in range(1, 6)),
    *(f"investor_level_c{n}" for n in range(1, 6)),
    "nav",
    "seven_day_annualised",
    "performance_benchmark",
    "structured_deposit",
    "large_cd",
    "lock_up_period",
    "t_plus_0",
    "t_plus_1",
    "redemption",
    "subscription",
    "management_fee",
    "custody_fee",
    "deposit_insurance",
    "qualified_investor",
    "drawdown",
    "volatility",
    "diversification",
    "etf",
    "bond_fund",
    "money_market_fund",
    "annualised_return",
    "fixed_income",
    "suitability",
}
# Positive claims DOMAIN.md §5 forbids; explanations must not contain them even once.
FORBIDDEN = [
    "稳赚",
    "只赚不赔",
    "零风险",
    "无风险",
    "保本保息",
    "保收益",
    "刚性兑付",
    "一定涨",
    "肯定赚",
    "risk-free",
    "guaranteed return",
    "sure win",
    "will definitely",
]


def raw_file() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return data


def test_shipped_glossary_has_every_required_term_in_both_languages() -> None:
    glossary = load_glossary()
    keys = {term.key for term in glossary.terms}
    assert keys >= REQUIRED_TERMS
    assert len(keys) >= 24
    for term in glossary.terms:
        assert HAN.search(term.text("zh").explanation), term.key
        assert not HAN.search(term.text("en").explanation), term.key
        assert not HAN.search(term.text("en").name), term.key


def test_shipped_explanations_make_no_forbidden_claims() -> None:
    for term in load_glossary().terms:
        for lang in ("zh", "en"):
            text = term.text(lang).explanation.lower()
            assert not [phrase for phrase in FORBIDDEN if phrase in text], (term.key, lang)


def test_deposit_insurance_states_the_legal_limit() -> None:
    term = load_glossary().term("deposit_insurance")
    assert term is not None
    assert "50 万元" in term.text("zh").explanation
    assert "500,000" in term.text("en").explanation


def test_normalise_folds_traditional_width_case_and_hyphens() -> None:
    assert normalise("淨值 與 七日年化") == "净值与七日年化"
    assert normalise("ＮＡＶ　Ｔ＋１") == "nav t+1"
    assert normalise("Lock-Up  Period") == "lock up period"


def test_a_synonym_shared_by_two_terms_is_refused() -> None:
    data = raw_file()
    data["terms"]["nav"]["en"]["synonyms"].append("Drawdown")
    with pytest.raises(GlossaryError, match="drawdown"):
        parse_glossary(data)


def test_a_traditional_synonym_clashing_after_normalisation_is_refused() -> None:
    data = raw_file()
    data["terms"]["volatility"]["zh"]["synonyms"].append("淨值")
    with pytest.raises(GlossaryError, match="净值"):
        parse_glossary(data)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["terms"]["nav"].pop("en"), "needs exactly the languages"),
        (lambda d: d["terms"]["nav"]["zh"].update(explanation="太短"), "explanation has"),
        (lambda d: d["terms"]["nav"]["en"].update(synonyms=[]), "non-empty list"),
        (lambda d: d["terms"]["nav"]["en"].update(name=" "), "name"),
        (lambda d: d["terms"]["nav"]["en"].update(note="x"), "unknown fields"),
        (lambda d: d["terms"].update({"Bad-Key": d["terms"]["nav"]}), "snake_case"),
        (lambda d: d.update(featured=["no_such_term"]), "featured"),
        (lambda d: d.update(terms=dict(list(d["terms"].items())[:5])), "at least 24"),
        (lambda d: d.pop("version"), "version"),
    ],
)
def test_malformed_glossary_is_refused_with_a_precise_message(edit: Any, message: str) -> None:
    data = copy.deepcopy(raw_file())
    edit(data)
    with pytest.raises(GlossaryError, match=message):
        parse_glossary(data)


def test_unreadable_file_is_a_glossary_error(tmp_path: Path) -> None:
    broken = tmp_path / "terms.yml"
    broken.write_text("terms: [unclosed", encoding="utf-8")
    with pytest.raises(GlossaryError, match="cannot read"):
        load_glossary(broken)
