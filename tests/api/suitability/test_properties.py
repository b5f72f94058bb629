"""The hard rules hold for every level × lowest-category flag × age 0..100 × real product.

Runs exhaustively on the catalogue file, with hypothesis over amounts, horizons and goals,
and once more on the products as stored in each database backend.
"""

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from api.products.catalogue import default_catalogue
from api.products.service import list_products
from api.suitability.engine import MatchResult, check_product, match_products
from api.suitability.fit import commitment, horizon_days
from api.suitability.inputs import Investor, ProductLike
from api.suitability.rules import LEVEL_MAX_RISK, risk_rank

LEVELS = ("C1", "C2", "C3", "C4", "C5")
GATE_RULES = {
    "minor", "closed", "lowest_category", "above_level", "qualified_only", "senior_high_risk",
    "senior_cap",
}  # fmt: skip
CATALOGUE: Sequence[ProductLike] = default_catalogue().products


def _allowed(investor: Investor) -> int:
    if investor.age is not None and investor.age < 18:
        return 0
    allowed = 1 if investor.lowest_category else LEVEL_MAX_RISK[investor.level]
    if investor.age is not None and investor.age >= 60:
        allowed = min(allowed, 2)
    return allowed


def assert_rules_hold(
    investor: Investor, products: Sequence[ProductLike], result: MatchResult
) -> None:
    by_code = {p.code: p for p in products}
    recommended = {r.code for r in result.recommendations}
    excluded = {e.code: e for e in result.excluded}
    # Every product is accounted for exactly once.
    assert recommended.isdisjoint(excluded)
    assert recommended | set(excluded) == set(by_code)
    for code in recommended:
        product = by_code[code]
        assert risk_rank(product.risk_level) <= _allowed(investor)
        assert risk_rank(product.risk_level) <= LEVEL_MAX_RISK[investor.level]
        if investor.lowest_category:
            assert product.risk_level == "R1"
        if investor.age is not None and investor.age >= 60:
            assert risk_rank(product.risk_level) <= 2
        assert not product.qualified_investor_only
        assert product.status != "closed"
        if investor.amount is not None:
            assert product.min_investment <= investor.amount
        if investor.horizon_months is not None:
            assert commitment(product).days <= horizon_days(investor.horizon_months)
    if investor.age is not None and investor.age < 18:
        assert not recommended
    for product in products:
        check = check_product(investor, product)
        if product.code in recommended:
            assert check.eligible
        elif check.eligible:  # suitable, but does not fit amount/horizon/type
            assert excluded[product.code].rule not in GATE_RULES
        else:
            assert excluded[product.code].rule == check.rule
        _assert_check_semantics(investor, product, check.eligible, check.handoff_required)


def _assert_check_semantics(
    investor: Investor, product: ProductLike, eligible: bool, handoff: bool
) -> None:
    risk = risk_rank(product.risk_level)
    minor = investor.age is not None and investor.age < 18
    if minor or product.status == "closed":
        assert (eligible, handoff) == (False, False)
        return
    if investor.lowest_category and risk > 1:
        assert (eligible, handoff) == (False, False)  # never sold, not even on request
        return
    if risk > LEVEL_MAX_RISK[investor.level]:
        assert (eligible, handoff) == (False, True)  # a person gives the special warning
    if product.qualified_investor_only:
        assert (eligible, handoff) == (False, True)  # a person checks qualification
    if investor.age is not None and investor.age >= 60 and risk >= 4:
        assert (eligible, handoff) == (False, True)
    if eligible:
        assert not handoff


def test_every_level_flag_and_age_against_the_whole_catalogue() -> None:
    for level in LEVELS:
        for lowest in (False, True):
            for age in (None, *range(0, 101)):
                investor = Investor(level=level, lowest_category=lowest, age=age)
                assert_rules_hold(investor, CATALOGUE, match_products(investor, CATALOGUE))


investors = st.builds(
    Investor,
    level=st.sampled_from(LEVELS),
    lowest_category=st.booleans(),
    age=st.none() | st.integers(min_value=0, max_value=100),
    amount=st.none() | st.floats(min_value=1, max_value=50_000_000, allow_nan=False),
    horizon_months=st.none() | st.integers(min_value=1, max_value=240),
    objective=st.none()
    | st.sampled_from(["preserve", "income", "balanced", "growth", "aggressive"]),
    liquidity_need=st.none() | st.sampled_from(["high", "medium", "low"]),
)


@settings(max_examples=300, deadline=None)
@given(investor=investors, lang=st.sampled_from(["zh", "en"]))
def test_rules_hold_whatever_the_amount_horizon_and_goal(investor: Investor, lang: str) -> None:
    result = match_products(investor, CATALOGUE, lang=lang)  # type: ignore[arg-type]
    assert_rules_hold(investor, CATALOGUE, result)
    for recommendation in result.recommendations:
        assert recommendation.reasons  # every recommendation says why (audit trail)


def test_the_stored_catalogue_obeys_the_rules_on_this_backend(db_session: Session) -> None:
    products = list_products(session=db_session, include_closed=True)
    assert {p.code for p in products} == {p.code for p in CATALOGUE}
    for level in LEVELS:
        for lowest in (False, True):
            for age in (None, 17, 18, 35, 59, 60, 71, 100):
                investor = Investor(level=level, lowest_category=lowest, age=age)
                assert_rules_hold(investor, products, match_products(investor, products))
