"""Exact figures for each yield kind, computed by hand in the comments."""

import pytest
from sqlalchemy.orm import Session

from api.errors import InvalidInput
from api.illustration.schemas import Illustration, IllustrationRequest
from api.illustration.service import illustrate
from api.products.exceptions import ProductNotFound


def run(
    db_session: Session, code: str, amount: float, months: int, lang: str = "zh"
) -> Illustration:
    request = IllustrationRequest.model_validate(
        {"product_code": code, "amount": amount, "months": months, "lang": lang}
    )
    return illustrate(request, session=db_session)


def figures(result: Illustration) -> list[tuple[str, float, float, float]]:
    return [(s.name, s.annual_rate, s.end_value, s.gain) for s in result.scenarios]


def test_time_deposit_is_one_exact_simple_interest_figure(db_session: Session) -> None:
    # 100,000 × 1.55% × 36 ÷ 12 = 4,650.00
    result = run(db_session, "td3y", 100_000, 36)
    assert result.product_code == "TD3Y" and result.yield_kind == "fixed_rate"
    assert figures(result) == [("fixed", 1.55, 104_650.00, 4_650.00)]
    assert any("100,000.00元 × 1.55% × 36 ÷ 12 = 4,650.00元" in a for a in result.assumptions)
    assert "104,650.00元" in result.text


def test_early_withdrawal_earns_the_demand_rate(db_session: Session) -> None:
    # 100,000 × 0.10% × 12 ÷ 12 = 100.00
    result = run(db_session, "TD3Y", 100_000, 12, "en")
    assert figures(result) == [("early_withdrawal", 0.10, 100_100.00, 100.00)]
    assert any("demand rate of 0.10%" in a for a in result.assumptions)


def test_demand_deposit_and_renewal_assumption(db_session: Session) -> None:
    # 10,000 × 0.10% × 6 ÷ 12 = 5.00
    assert figures(run(db_session, "DD01", 10_000, 6)) == [("fixed", 0.10, 10_005.00, 5.00)]
    # 1-year deposit held 18 months: 10,000 × 1.30% × 18 ÷ 12 = 195.00, renewal assumed
    result = run(db_session, "TD1Y", 10_000, 18, "en")
    assert figures(result) == [("fixed", 1.30, 10_195.00, 195.00)]
    assert any("renewal" in a for a in result.assumptions)


def test_annuity_compounds_its_contractual_rate(db_session: Session) -> None:
    # 100,000 × 1.018^10 = 119,530.24
    result = run(db_session, "ANN01", 100_000, 120)
    assert figures(result) == [("fixed", 1.80, 119_530.24, 19_530.24)]
    assert any("保险产品不是存款" in c for c in result.caveats)


def test_seven_day_yield_gives_current_rate_between_lower_and_upper(db_session: Session) -> None:
    # 10,000 × (1 + r × 6 ÷ 12) for r = 1.25%, 1.36%, 1.85%
    result = run(db_session, "MMF01", 10_000, 6)
    assert figures(result) == [
        ("lower", 1.25, 10_062.50, 62.50),
        ("current", 1.36, 10_068.00, 68.00),
        ("upper", 1.85, 10_092.50, 92.50),
    ]
    assert any("七日年化收益率已扣除" in a for a in result.assumptions)


def test_benchmark_range_gives_low_mid_high_and_says_it_is_no_promise(db_session: Session) -> None:
    # 50,000 × (1 + r) for r = 2.30%, 2.70%, 3.10%
    result = run(db_session, "WMFI02", 50_000, 12, "en")
    assert figures(result) == [
        ("low", 2.30, 51_150.00, 1_150.00),
        ("mid", 2.70, 51_350.00, 1_350.00),
        ("high", 3.10, 51_550.00, 1_550.00),
    ]
    assert any("benchmark is not a promise" in c for c in result.caveats)
    assert any("not deposits" in c for c in result.caveats)


def test_trust_benchmark_deducts_the_subscription_fee(db_session: Session) -> None:
    # net = 1,000,000 ÷ 1.01 = 990,099.01; low: 990,099.01 × (1 + 3.40% × 2) = 1,057,425.74
    result = run(db_session, "TR01", 1_000_000, 24)
    assert figures(result) == [
        ("low", 3.40, 1_057_425.74, 57_425.74),
        ("mid", 3.80, 1_065_346.53, 65_346.53),
        ("high", 4.20, 1_073_267.33, 73_267.33),
    ]
    assert any("990,099.01元" in a for a in result.assumptions)


def test_structured_deposit_range_is_contractual_and_insured(db_session: Session) -> None:
    # 600,000 × (1 + r × 6 ÷ 12) for r = 1.30%, 1.95%, 2.60%
    result = run(db_session, "SDI6M", 600_000, 6)
    assert figures(result) == [
        ("low", 1.30, 603_900.00, 3_900.00),
        ("mid", 1.95, 605_850.00, 5_850.00),
        ("high", 2.60, 607_800.00, 7_800.00),
    ]
    assert result.scenarios[0].label == "区间下限情景"
    caveats = " ".join(result.caveats)
    assert "利率风险、信用风险、市场风险" in caveats and "超过50万元" in caveats


def test_nav_growth_scenarios_include_a_loss(db_session: Session) -> None:
    # net = 10,000 ÷ 1.001 = 9,990.01; × (1 + r)^(6/12); no redemption fee after 7 days
    result = run(db_session, "IF01", 10_000, 6)
    assert figures(result) == [
        ("pessimistic", -25.30, 8_634.28, -1_365.72),
        ("neutral", 3.90, 10_182.95, 182.95),
        ("optimistic", 36.10, 11_654.54, 1_654.54),
    ]
    assert "亏损1,365.72元" in result.text
    assert any("-25.30%" in c for c in result.caveats)


def test_nav_growth_deducts_the_redemption_fee_for_the_holding_period(db_session: Session) -> None:
    # net = 50,000 ÷ 1.0012 = 49,940.07; 365 days held → 0.25% redemption fee
    # pessimistic: 49,940.07 × 0.876 = 43,747.50 − 109.37 = 43,638.13
    result = run(db_session, "HF01", 50_000, 12, "en")
    assert figures(result) == [
        ("pessimistic", -12.40, 43_638.13, -6_361.87),
        ("neutral", 5.10, 52_355.79, 2_355.79),
        ("optimistic", 24.60, 62_069.77, 12_069.77),
    ]
    assert any("0.25% redemption fee" in a for a in result.assumptions)
    # Held two full years the fee falls to nothing: 49,940.07 × 0.876² = 38,322.81
    assert run(db_session, "HF01", 50_000, 24).scenarios[0].end_value == 38_322.81


@pytest.mark.parametrize("code", ["TD3Y", "MMF01", "WMFI01", "EF02", "ANN02", "TR02"])
@pytest.mark.parametrize(
    ("lang", "warning"),
    [
        ("zh", "过往业绩不代表未来表现"),
        ("en", "Past performance does not indicate future results."),
    ],
)
def test_every_illustration_carries_the_past_performance_warning(
    db_session: Session, code: str, lang: str, warning: str
) -> None:
    result = run(db_session, code, 3_000_000, 60, lang)
    assert any(warning in caveat for caveat in result.caveats)
    assert result.text and result.assumptions


def test_refusals_say_why(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="已停售"):
        run(db_session, "WMFI04", 100_000, 6)
    with pytest.raises(InvalidInput, match="20万元"):
        run(db_session, "CD1Y", 199_999, 12)
    with pytest.raises(InvalidInput, match="CNY 1,000,000"):
        run(db_session, "TR01", 999_999.99, 24, "en")
    with pytest.raises(InvalidInput, match="at least 24 months"):
        run(db_session, "WMFI03", 100_000, 12, "en")
    with pytest.raises(InvalidInput, match="不少于120个月"):
        run(db_session, "ANN01", 100_000, 60)
    with pytest.raises(ProductNotFound):
        run(db_session, "NOPE", 100, 12)
