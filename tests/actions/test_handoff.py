import pytest

from actions.handoff import handoff_reason
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize(
    ("intent", "slots", "reason"),
    [
        ("complaint", {}, "complaint"),
        ("affirm", {"offer": "above_level", "age": 45.0}, "above_level"),
        ("affirm", {"offer": "above_level", "age": 66.0}, "silver_high_risk"),
        ("request_human", {"amount": 20_000_000.0}, "high_net_worth"),
        ("nlu_fallback", {}, "repeated_misunderstanding"),
        ("request_human", {}, "customer_request"),
    ],
)
def test_reasons_follow_domain_section_6(intent: str, slots: dict, reason: str) -> None:
    assert handoff_reason(make_tracker("…", intent=intent, slots=slots)) == reason
