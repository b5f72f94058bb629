"""The suitability gate, rule by rule (DOMAIN.md §4)."""

import pytest

from api.suitability.inputs import Investor
from api.suitability.rules import max_recommendable_risk, suitability_gate
from tests.api.suitability.fakes import FakeProduct


@pytest.mark.parametrize(
    ("level", "highest"), [("C1", 1), ("C2", 2), ("C3", 3), ("C4", 4), ("C5", 5)]
)
def test_each_level_may_be_offered_up_to_its_own_risk(level: str, highest: int) -> None:
    investor = Investor(level=level, lowest_category=False, age=40)
    assert max_recommendable_risk(investor) == highest
    for rank in range(1, 6):
        gate = suitability_gate(investor, FakeProduct(risk_level=f"R{rank}"))
        assert gate.passed == (rank <= highest)
        if rank > highest:
            assert (gate.rule, gate.handoff_required) == ("above_level", True)


@pytest.mark.parametrize("level", ["C1", "C3", "C5"])
def test_lowest_category_gets_r1_only_and_never_a_handoff(level: str) -> None:
    investor = Investor(level=level, lowest_category=True, age=40)
    assert max_recommendable_risk(investor) == 1
    assert suitability_gate(investor, FakeProduct(risk_level="R1")).passed
    for rank in range(2, 6):
        gate = suitability_gate(investor, FakeProduct(risk_level=f"R{rank}"))
        assert (gate.rule, gate.handoff_required) == ("lowest_category", False)


@pytest.mark.parametrize(
    ("risk", "rule", "handoff"),
    [
        ("R1", "within_level", False),
        ("R2", "within_level", False),
        ("R3", "senior_cap", False),
        ("R4", "senior_high_risk", True),
        ("R5", "senior_high_risk", True),
    ],
)
def test_customers_aged_60_and_over_get_r2_at_most(risk: str, rule: str, handoff: bool) -> None:
    investor = Investor(level="C5", lowest_category=False, age=60)
    assert max_recommendable_risk(investor) == 2
    gate = suitability_gate(investor, FakeProduct(risk_level=risk))
    assert (gate.rule, gate.handoff_required) == (rule, handoff)


def test_age_59_is_not_capped() -> None:
    investor = Investor(level="C5", lowest_category=False, age=59)
    assert suitability_gate(investor, FakeProduct(risk_level="R5")).passed


@pytest.mark.parametrize("age", [0, 10, 17])
def test_minors_get_nothing(age: int) -> None:
    investor = Investor(level="C5", lowest_category=False, age=age)
    assert max_recommendable_risk(investor) == 0
    gate = suitability_gate(investor, FakeProduct(risk_level="R1"))
    assert (gate.rule, gate.handoff_required) == ("minor", False)


def test_age_18_is_an_adult() -> None:
    investor = Investor(level="C2", lowest_category=False, age=18)
    assert suitability_gate(investor, FakeProduct(risk_level="R2")).passed


def test_closed_products_are_never_offered() -> None:
    investor = Investor(level="C5", lowest_category=False)
    gate = suitability_gate(investor, FakeProduct(status="closed"))
    assert (gate.rule, gate.handoff_required) == ("closed", False)


def test_pre_sale_products_may_be_offered() -> None:
    investor = Investor(level="C2", lowest_category=False)
    assert suitability_gate(investor, FakeProduct(status="pre_sale")).passed


def test_qualified_investor_products_need_a_person_even_within_level() -> None:
    investor = Investor(level="C5", lowest_category=False, age=45)
    trust = FakeProduct(type="trust", risk_level="R3", qualified_investor_only=True)
    gate = suitability_gate(investor, trust)
    assert (gate.rule, gate.handoff_required) == ("qualified_only", True)


def test_a_lowest_category_investor_is_not_handed_off_for_a_trust() -> None:
    investor = Investor(level="C1", lowest_category=True)
    trust = FakeProduct(type="trust", risk_level="R3", qualified_investor_only=True)
    gate = suitability_gate(investor, trust)
    assert (gate.rule, gate.handoff_required) == ("lowest_category", False)
