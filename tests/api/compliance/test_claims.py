"""Is a claim really made? Paraphrases that must fire, and look-alikes that must pass."""

import pytest

from api.compliance.review import review_message
from api.compliance.ruleset import RuleSet

TYPES = {"WMFI01": "wmp_fixed_income", "TD1Y": "time_deposit", "SDG3M": "structured_deposit"}


def fired(
    ruleset: RuleSet, text: str, lang: str = "zh", codes: list[str] | None = None
) -> set[str]:
    codes = codes or []
    review = review_message(
        text,
        lang,  # type: ignore[arg-type]
        product_types={code: TYPES[code] for code in codes},
        product_codes=codes,
        ruleset=ruleset,
    )
    return set(review.rules_fired)


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        # words in between, passive, either order
        ("Returns on this plan are guaranteed at 4.8% for three years.", "en", "guaranteed_return"),
        ("这款产品的本金有银行担保。", "zh", "guaranteed_principal"),
        # certainty placed after the verb
        ("黄金ETF近期走势强劲，后市继续上涨是必然的。", "zh", "market_certainty"),
        ("Gold has nowhere to go but up this year.", "en", "market_certainty"),
        ("This fund will rally hard next quarter, I'm certain of it.", "en", "market_certainty"),
        # implied safety by comparison with deposits
        ("这款理财和存款一样安全，收益还更高。", "zh", "risk_free"),
        (
            "Think of this WMP as a deposit with a higher rate, it's just as safe.",
            "en",
            "risk_free",
        ),
        ("It's safer than keeping money in a savings account.", "en", "risk_free"),
        # risk-free and can't-lose in other words
        ("这款理财几乎没有什么风险。", "zh", "risk_free"),
        ("There's essentially no chance of a loss.", "en", "sure_win"),
        ("Our fixed-income product has never lost a single cent for clients.", "en", "sure_win"),
        (
            "Relax, even in a crash you wouldn't lose any of your principal.",
            "en",
            "guaranteed_principal",
        ),
        # a floor in other words
        ("该基金最差也不会低于5%的年化收益。", "zh", "promised_minimum_return"),
        (
            "Historically 8% a year, and it won't drop below 5% going forward.",
            "en",
            "promised_minimum_return",
        ),
        # the bank covering losses
        ("万一出问题，银行肯定会负责到底。", "zh", "rigid_redemption"),
        ("If it ever loses, come to me and I'll make it right.", "en", "rigid_redemption"),
    ],
)
def test_paraphrased_claims_fire(ruleset: RuleSet, text: str, lang: str, rule: str) -> None:
    assert rule in fired(ruleset, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("不能说没有风险，任何理财都有波动。", "zh"),  # one negation of "no risk"
        ("Returns on this plan are not guaranteed.", "en"),  # negation between the parts
        ("收益不保证，可能亏损。", "zh"),
        ("Neither principal nor returns are guaranteed.", "en"),  # one negation, two words
        ("理财不像存款那样安全。", "zh"),  # a negated comparison
        ("A deposit is safer than any fund.", "en"),  # the deposit is the subject
        ("Diversification cannot guarantee that you won't lose money.", "en"),
        ("We can't say when stocks will rise.", "en"),
        ("没有一款产品能同时做到高收益和零风险。", "zh"),  # 同时 does not end the scope
        ("A guaranteed return is something no wealth product can legally offer.", "en"),
    ],
)
def test_negated_claims_pass(ruleset: RuleSet, text: str, lang: str) -> None:
    assert fired(ruleset, text, lang) == set()


def test_a_rhetorical_question_negates_a_negation(ruleset: RuleSet) -> None:
    assert "guaranteed_principal" in fired(ruleset, "谁说理财不能保本？")
    assert fired(ruleset, "谁说一定涨？市场有涨有跌。") == set()


def test_embedded_questions_are_asked_not_claimed_unless_answered_yes(ruleset: RuleSet) -> None:
    assert fired(ruleset, "本金能不能全部拿回，取决于产品到期时的净值。") == set()
    assert (
        fired(ruleset, "The question is whether returns are guaranteed; they are not.", "en")
        == set()
    )
    assert "guaranteed_principal" in fired(ruleset, "您问是否保本：是的，请放心。")


def test_a_deposit_as_subject_states_what_is_true_of_it(ruleset: RuleSet) -> None:
    assert fired(ruleset, "定期存款的利息是固定的，到期一次性支付。") == set()
    assert fired(ruleset, "The interest on a time deposit is fixed at the start.", "en") == set()
    # a structured deposit's floating return is not fixed; other products never are
    assert "guaranteed_return" in fired(ruleset, "结构性存款的收益是固定的。")
    assert "guaranteed_return" in fired(ruleset, "这款理财的收益是固定的。")


def test_comparisons_with_deposits_are_true_of_deposits(ruleset: RuleSet) -> None:
    text = "这款产品和定期存款一样安全。"
    assert fired(ruleset, text, codes=["TD1Y"]) == set()
    assert "risk_free" in fired(ruleset, text, codes=["WMFI01"])


def test_a_goal_pointing_to_deposits_is_not_a_promise(ruleset: RuleSet) -> None:
    assert fired(ruleset, "如果您更看重本金安全，可以考虑定期存款。") == set()
    assert (
        fired(
            ruleset,
            "I understand you want your principal to be safe; time deposits suit you better.",
            "en",
        )
        == set()
    )
    assert "guaranteed_principal" in fired(
        ruleset, "如果您更看重本金安全，这款理财本金安全有保障。"
    )


def test_a_customers_wish_refuted_in_the_answer_passes(ruleset: RuleSet) -> None:
    assert fired(ruleset, "您刚才说想找一款稳赚的产品，说实话这样的产品是不存在的。") == set()
    assert (
        fired(
            ruleset,
            "You said you're looking for a product that can't lose; no such product exists.",
            "en",
        )
        == set()
    )


def test_figures_with_commas_stay_one_clause(ruleset: RuleSet) -> None:
    text = "Invest 100,000 now and you'll have at least 120,000 in three years."
    assert "promised_minimum_return" in fired(ruleset, text, "en")
