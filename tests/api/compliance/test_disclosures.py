from api.compliance.review import Review, review_message
from api.compliance.ruleset import RuleSet

NOT_A_DEPOSIT_ZH = "理财非存款、产品有风险、投资须谨慎。"
NOT_A_DEPOSIT_EN = "Wealth-management products are not deposits; investing involves risk."
PAST_ZH = "过往业绩不代表未来表现。"
PAST_EN = "Past performance does not indicate future results."
FUND_ZH = "基金有风险，投资需谨慎。"


def review(ruleset: RuleSet, text: str, lang: str, types: dict[str, str], **kwargs: bool) -> Review:
    return review_message(text, lang, product_types=types, ruleset=ruleset, **kwargs)  # type: ignore[arg-type]


def test_a_message_presenting_nothing_gets_no_disclosure(ruleset: RuleSet) -> None:
    result = review(ruleset, "您好，请问有什么可以帮您？", "zh", {})
    assert result.approved
    assert result.disclosures == []
    assert result.text == "您好，请问有什么可以帮您？"


def test_a_product_with_a_yield_gets_generic_past_performance_and_fund_disclosures(
    ruleset: RuleSet,
) -> None:
    text = "这款货币基金七日年化收益率1.85%。"
    result = review(ruleset, text, "zh", {"MMF01": "money_market_fund"})
    assert result.disclosures == [NOT_A_DEPOSIT_ZH, PAST_ZH, FUND_ZH]
    assert result.text == "\n".join([text, *result.disclosures])


def test_disclosures_follow_the_requested_language(ruleset: RuleSet) -> None:
    result = review(
        ruleset, "The fund's 7-day yield is 1.85%.", "en", {"MMF01": "money_market_fund"}
    )
    assert result.disclosures == [
        NOT_A_DEPOSIT_EN,
        PAST_EN,
        "Funds involve risk; invest with care.",
    ]


def test_a_figure_without_products_gets_the_generic_and_past_performance_lines(
    ruleset: RuleSet,
) -> None:
    assert review(ruleset, "近一年收益率约3.2%。", "zh", {}).disclosures == [
        NOT_A_DEPOSIT_ZH,
        PAST_ZH,
    ]


def test_has_figures_flag_adds_past_performance_for_text_without_numbers(ruleset: RuleSet) -> None:
    assert review(ruleset, "请看下图。", "zh", {}, has_figures=True).disclosures == [
        NOT_A_DEPOSIT_ZH,
        PAST_ZH,
    ]


def test_deposits_get_the_deposit_insurance_statement_instead_of_not_a_deposit(
    ruleset: RuleSet,
) -> None:
    result = review(ruleset, "一年期定期存款利率1.45%。", "zh", {"TD1Y": "time_deposit"})
    assert len(result.disclosures) == 1
    assert "存款保险" in result.disclosures[0]
    assert NOT_A_DEPOSIT_ZH not in result.text


def test_structured_deposits_name_interest_rate_credit_and_market_risk(ruleset: RuleSet) -> None:
    result = review(ruleset, "Linked return 1.5%–3.2%.", "en", {"SDG3M": "structured_deposit"})
    joined = " ".join(result.disclosures)
    assert "deposit insurance" in joined
    assert "interest-rate, credit and market risk" in joined
    assert PAST_EN in result.disclosures
    assert NOT_A_DEPOSIT_EN not in result.disclosures


def test_insurance_and_trust_get_their_own_statements(ruleset: RuleSet) -> None:
    insurance = review(
        ruleset, "年金险保单利益以合同约定为准。", "zh", {"ANN01": "annuity_insurance"}
    )
    assert any("保险产品不是存款" in line for line in insurance.disclosures)
    trust = review(ruleset, "Trust products start at 1,000,000 CNY.", "en", {"TR01": "trust"})
    assert any("qualified investors" in line for line in trust.disclosures)


def test_a_disclosure_already_in_the_message_is_not_repeated(ruleset: RuleSet) -> None:
    text = "这款基金近一年收益率5%。理财非存款，产品有风险，投资须谨慎。历史业绩不代表未来表现。"
    result = review(ruleset, text, "zh", {"BF01": "bond_fund"})
    assert result.disclosures == [FUND_ZH]
    assert result.text.count("理财非存款") == 1
