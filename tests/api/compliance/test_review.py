import pytest

from api.compliance.review import review_message
from api.compliance.ruleset import RuleSet

DEPOSITS = {"TD1Y": "time_deposit", "CD3Y": "large_cd", "SDG3M": "structured_deposit"}
OTHERS = {"WMFI01": "wmp_fixed_income", "BF01": "bond_fund", "ANN01": "annuity_insurance"}
TYPES = {**DEPOSITS, **OTHERS, "MMF01": "money_market_fund", "TR01": "trust"}


def fired(
    ruleset: RuleSet, text: str, lang: str = "zh", codes: list[str] | None = None
) -> list[str]:
    codes = codes or []
    review = review_message(
        text,
        lang,  # type: ignore[arg-type]
        product_types={code: TYPES[code] for code in codes if code in TYPES},
        product_codes=codes,
        ruleset=ruleset,
    )
    return review.rules_fired


@pytest.mark.parametrize(
    ("rule", "zh", "en"),
    [
        ("guaranteed_principal", "这款理财保本保息。", "This product is principal-guaranteed."),
        ("guaranteed_return", "本产品保证收益。", "Enjoy guaranteed returns every year."),
        ("risk_free", "这款基金零风险。", "This fund is risk-free."),
        ("sure_win", "稳赚不赔，先到先得。", "You can't lose with this fund."),
        ("market_certainty", "明年股市一定涨。", "The market will definitely rise."),
        ("promised_minimum_return", "最低收益3.5%。", "Minimum return of 3% per year."),
        ("rigid_redemption", "本产品刚性兑付。", "The bank will cover any losses."),
        ("exaggerated_return", "收益可观，快来抢购。", "Double your money in a year."),
    ],
)
def test_each_rule_fires_in_both_languages(ruleset: RuleSet, rule: str, zh: str, en: str) -> None:
    assert rule in fired(ruleset, zh, "zh")
    assert rule in fired(ruleset, en, "en")


@pytest.mark.parametrize(
    "text",
    [
        "保 本理财",
        "保-本",
        "這款產品穩賺不賠",
        "１００％安全",
        "r i s k - f r e e",
        "这只基金是risk-free的",
    ],
)
def test_spacing_traditional_and_width_tricks_are_caught(ruleset: RuleSet, text: str) -> None:
    assert fired(ruleset, text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("本产品不保本。", "zh"),
        ("非保本浮动收益型产品。", "zh"),
        ("我们不承诺保本。", "zh"),
        ("不存在无风险的投资。", "zh"),
        ("没有任何投资是无风险的。", "zh"),
        ("稳赚不赔是不可能的。", "zh"),
        ("Returns are not guaranteed.", "en"),
        ("No product is risk-free.", "en"),
        ("We cannot guarantee any return.", "en"),
        ("Claims of guaranteed returns are a red flag.", "en"),
    ],
)
def test_negated_or_refuted_claims_pass(ruleset: RuleSet, text: str, lang: str) -> None:
    assert fired(ruleset, text, lang) == []


def test_negation_does_not_reach_into_the_next_clause(ruleset: RuleSet) -> None:
    assert fired(ruleset, "本产品不收手续费，保本保息。") == ["guaranteed_principal"]
    assert fired(ruleset, "There are no fees, and it is risk-free.", "en") == ["risk_free"]
    assert fired(ruleset, "本产品保本而且不存在任何手续费。") == ["guaranteed_principal"]
    assert fired(ruleset, "It is risk-free and not a scam.", "en") == ["risk_free"]


def test_answered_customer_questions_pass_but_affirmed_ones_do_not(ruleset: RuleSet) -> None:
    assert fired(ruleset, "您问是否保本：本产品不保本。") == []
    assert fired(ruleset, "Is it risk-free? No, it is rated R2.", "en") == []
    assert "guaranteed_principal" in fired(ruleset, "您问是否保本：是的，请放心。")
    assert "risk_free" in fired(ruleset, "Is it risk-free? Absolutely!", "en")


def test_principal_protection_is_allowed_for_deposits_only(ruleset: RuleSet) -> None:
    statement = "本产品受存款保险保障，保本。"
    assert fired(ruleset, statement, codes=["TD1Y"]) == []
    assert fired(ruleset, statement, codes=["SDG3M", "CD3Y"]) == []
    assert fired(ruleset, statement, codes=["WMFI01"]) == ["guaranteed_principal"]
    assert fired(ruleset, statement, codes=["TD1Y", "BF01"]) == ["guaranteed_principal"]
    english = "Your principal is protected under deposit insurance up to 500,000 CNY."
    assert fired(ruleset, english, "en", codes=["CD3Y"]) == []
    assert fired(ruleset, english, "en", codes=["BF01"]) == ["guaranteed_principal"]


def test_unknown_product_codes_count_as_non_deposits(ruleset: RuleSet) -> None:
    assert fired(ruleset, "本产品保本。", codes=["NOPE99"]) == ["guaranteed_principal"]


def test_without_codes_deposit_insurance_grounds_the_claim_unless_another_product_is_named(
    ruleset: RuleSet,
) -> None:
    assert fired(ruleset, "根据存款保险条例，存款是保本的。") == []
    assert fired(ruleset, "理财和存款一样受存款保险保障，保本。") == ["guaranteed_principal"]
    assert fired(ruleset, "存款受存款保险保障，保证收益5%。") == ["guaranteed_return"]


def test_structured_deposits_may_not_promise_their_floating_return(ruleset: RuleSet) -> None:
    assert fired(ruleset, "挂钩部分保证收益4%。", codes=["SDG3M"]) == ["guaranteed_return"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("这款理财保本，稳赚不赔，年化收益可观！", "zh"),
        ("Risk-free, guaranteed returns, you can't lose!", "en"),
    ],
)
def test_blocked_text_is_a_safe_reply_without_the_forbidden_phrases(
    ruleset: RuleSet, text: str, lang: str
) -> None:
    review = review_message(text, lang, product_types={}, ruleset=ruleset)  # type: ignore[arg-type]
    assert not review.approved
    assert review.text == ruleset.blocked_reply(lang)
    assert review.disclosures == []
    for violation in review.violations:
        assert violation.match
        assert violation.match.lower() not in review.text.lower()
    assert ("抱歉" in review.text) == (lang == "zh")


def test_violation_quotes_the_original_characters(ruleset: RuleSet) -> None:
    review = review_message("這款產品保 本", "zh", product_types={}, ruleset=ruleset)
    assert [(v.rule, v.match) for v in review.violations] == [("guaranteed_principal", "保 本")]
