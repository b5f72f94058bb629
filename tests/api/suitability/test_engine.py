"""Matching beyond risk: amount, horizon, liquidity, goal; reasons, notes and languages."""

import pytest

from api.suitability.engine import check_product, match_products
from api.suitability.inputs import Investor
from tests.api.suitability.fakes import FakeProduct

C3 = Investor(level="C3", lowest_category=False, age=40)
C5 = Investor(level="C5", lowest_category=False)
SENIOR_C5 = Investor(level="C5", lowest_category=False, age=70)
LOWEST = Investor(level="C1", lowest_category=True)


def _codes(result_items: tuple[object, ...]) -> list[str]:
    return [item.code for item in result_items]  # type: ignore[attr-defined]


def test_a_minimum_above_the_amount_excludes_the_product() -> None:
    investor = Investor(level="C3", lowest_category=False, amount=50_000)
    big = FakeProduct(code="BIG", min_investment=200_000)
    small = FakeProduct(code="SMALL", min_investment=50_000)
    result = match_products(investor, [big, small], lang="en")
    assert _codes(result.recommendations) == ["SMALL"]
    assert result.excluded[0].rule == "below_minimum"
    assert result.excluded[0].reason == (
        "Minimum investment CNY 200,000 is more than the CNY 50,000 you plan to invest"
    )


@pytest.mark.parametrize(
    ("product", "rule"),
    [
        (FakeProduct(term_months=24, liquidity="maturity"), "term_too_long"),
        (FakeProduct(term_months=18, lockup_days=547, liquidity="closed_end"), "term_too_long"),
        (FakeProduct(lockup_days=400, liquidity="min_holding"), "locked_too_long"),
        (FakeProduct(term_months=60, lockup_days=1825, liquidity="surrender"), "term_too_long"),
    ],
)
def test_money_tied_up_past_the_horizon_is_excluded(product: FakeProduct, rule: str) -> None:
    investor = Investor(level="C3", lowest_category=False, horizon_months=12)
    result = match_products(investor, [product])
    assert result.recommendations == ()
    assert result.excluded[0].rule == rule


@pytest.mark.parametrize(
    "product",
    [
        FakeProduct(code="TD1Y", term_months=12, liquidity="maturity"),
        FakeProduct(code="H365", lockup_days=365, liquidity="min_holding"),
        FakeProduct(code="FUND", liquidity="T2", term_months=None),
        # An open-ended product's nominal term does not tie the money up.
        FakeProduct(code="OPEN", liquidity="T1", term_months=36),
    ],
)
def test_money_back_within_the_horizon_fits(product: FakeProduct) -> None:
    investor = Investor(level="C3", lowest_category=False, horizon_months=12)
    assert _codes(match_products(investor, [product]).recommendations) == [product.code]


def test_a_short_horizon_ranks_same_day_money_first() -> None:
    investor = Investor(level="C3", lowest_category=False, horizon_months=3)
    products = [
        FakeProduct(code="T3FUND", liquidity="T3", risk_level="R3"),
        FakeProduct(code="T0CASH", liquidity="T0", risk_level="R1"),
        FakeProduct(code="HOLD90", liquidity="min_holding", lockup_days=90, risk_level="R2"),
    ]
    result = match_products(investor, products, lang="zh")
    assert _codes(result.recommendations)[0] == "T0CASH"
    assert "T+0当日到账，方便您随时用钱" in result.recommendations[0].reasons


def test_the_goal_ranks_fitting_types_first_and_says_so() -> None:
    investor = Investor(level="C4", lowest_category=False, objective="growth")
    products = [
        FakeProduct(code="CASH", type="wmp_cash", risk_level="R1"),
        FakeProduct(code="EQ", type="equity_fund", risk_level="R4", liquidity="T3"),
    ]
    result = match_products(investor, products, lang="en")
    assert _codes(result.recommendations) == ["EQ", "CASH"]
    assert "Fits your goal: long-term growth" in result.recommendations[0].reasons


def test_reasons_state_level_amount_and_term_in_the_requested_language() -> None:
    investor = Investor(level="C3", lowest_category=False, amount=100_000, horizon_months=12)
    product = FakeProduct(
        code="WM6", risk_level="R2", term_months=6, lockup_days=182, liquidity="closed_end"
    )
    zh = match_products(investor, [product], lang="zh").recommendations[0].reasons
    assert zh[:3] == (
        "风险等级R2不高于您的风险承受能力等级C3",
        "1元起购，您计划投资100,000元",
        "期限6个月符合您的12个月投资期限",
    )
    en = match_products(investor, [product], lang="en").recommendations[0].reasons
    assert en[0] == "Risk level R2 is within your assessed level C3"
    assert en[2] == "Its 6-month term fits your 12-month horizon"


def test_only_deposits_mention_deposit_insurance() -> None:
    deposit = FakeProduct(code="TD", type="time_deposit", principal_protected=True)
    fund = FakeProduct(code="MMF", type="money_market_fund")
    result = match_products(C3, [deposit, fund], lang="zh")
    reasons = {r.code: " ".join(r.reasons) for r in result.recommendations}
    assert "存款保险" in reasons["TD"]
    assert "存款保险" not in reasons["MMF"]


def test_seniors_get_an_advisor_offer_and_a_note() -> None:
    senior = Investor(level="C4", lowest_category=False, age=67)
    result = match_products(
        senior, [FakeProduct(risk_level="R2"), FakeProduct(code="R3", risk_level="R3")], lang="en"
    )
    assert result.advisor_offer is True
    assert result.max_risk_level == "R2"
    assert any("human advisor is available" in note for note in result.notes)


@pytest.mark.parametrize(("amount", "offered"), [(10_000_000, False), (10_000_001, True)])
def test_high_net_worth_amounts_get_an_advisor_appointment_note(
    amount: float, offered: bool
) -> None:
    investor = Investor(level="C3", lowest_category=False, age=45, amount=amount)
    result = match_products(investor, [FakeProduct()], lang="zh")
    assert result.advisor_offer is offered
    assert any("专属理财顾问" in note for note in result.notes) is offered


def test_minors_get_nothing_and_a_note_saying_why() -> None:
    result = match_products(Investor(level="C3", lowest_category=False, age=16), [FakeProduct()])
    assert result.recommendations == ()
    assert result.max_risk_level is None
    assert [e.rule for e in result.excluded] == ["minor"]
    assert any("未满18周岁" in note for note in result.notes)


def test_young_investors_are_told_to_keep_high_risk_a_minority() -> None:
    young = Investor(level="C5", lowest_category=False, age=28)
    result = match_products(
        young, [FakeProduct(code="EQ", risk_level="R5", type="equity_fund")], lang="en"
    )
    assert any("small share of your portfolio" in note for note in result.notes)


def test_no_fitting_product_says_what_to_do() -> None:
    investor = Investor(level="C3", lowest_category=False, amount=10)
    result = match_products(investor, [FakeProduct(min_investment=1000)], lang="en")
    assert result.recommendations == ()
    assert any("No product fits" in note for note in result.notes)


def test_requested_types_only() -> None:
    investor = Investor(level="C3", lowest_category=False, product_types=frozenset({"bond_fund"}))
    products = [FakeProduct(code="BF", type="bond_fund", risk_level="R2"), FakeProduct(code="CASH")]
    result = match_products(investor, products)
    assert _codes(result.recommendations) == ["BF"]
    assert result.excluded[0].rule == "type_not_requested"


def test_limit_keeps_the_best_ranked() -> None:
    products = [FakeProduct(code=f"P{i}") for i in range(5)]
    result = match_products(C3, products, limit=2)
    assert _codes(result.recommendations) == ["P0", "P1"]


@pytest.mark.parametrize(
    ("investor", "product", "eligible", "handoff", "phrase"),
    [
        (C3, FakeProduct(risk_level="R3"), True, False, "within your assessed level C3"),
        (C3, FakeProduct(risk_level="R4"), False, True, "special written risk warning"),
        (LOWEST, FakeProduct(risk_level="R2"), False, False, "cannot be sold to you"),
        (SENIOR_C5, FakeProduct(risk_level="R4"), False, True, "one-to-one with an advisor"),
        (SENIOR_C5, FakeProduct(risk_level="R3"), False, False, "suggests only R2 or lower"),
        (C5, FakeProduct(qualified_investor_only=True), False, True, "qualified investors only"),
        (C3, FakeProduct(status="closed"), False, False, "closed to new investment"),
    ],
)
def test_check_answers_may_i_buy_this(
    investor: Investor, product: FakeProduct, eligible: bool, handoff: bool, phrase: str
) -> None:
    result = check_product(investor, product, lang="en")
    assert (result.eligible, result.handoff_required) == (eligible, handoff)
    assert phrase in result.reason


def test_check_speaks_chinese_by_default() -> None:
    result = check_product(C3, FakeProduct(risk_level="R5"))
    assert "特别风险警示" in result.reason
