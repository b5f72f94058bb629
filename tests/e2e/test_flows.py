"""One conversation per flow through the real stack (gateway → Rasa → actions → API)."""

import uuid
from collections.abc import Iterator

import httpx
import pytest

from scripts.stack import Stack

DISCLAIMER_ZH = "理财非存款、产品有风险、投资须谨慎"
PAST_EN = "Past performance does not indicate future results."


class Customer:
    def __init__(self, chat: httpx.Client, prefix: str) -> None:
        self.chat = chat
        self.sender = f"{prefix}-{uuid.uuid4().hex[:8]}"

    def says(self, text: str) -> list[dict]:
        response = self.chat.post("/api/chat", json={"sender": self.sender, "message": text})
        assert response.status_code == 200, response.text
        return response.json()


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def custom_of(messages: list[dict], kind: str) -> dict:
    found = [m["custom"] for m in messages if (m.get("custom") or {}).get("type") == kind]
    assert found, f"no {kind} message in {messages}"
    return found[0]


def complete_questionnaire(customer: Customer, option: str) -> dict:
    reply = customer.says("我想做风险测评")
    for _ in range(30):
        progress = [m for m in reply if (m.get("custom") or {}).get("type") == "questionnaire"]
        if not progress:
            break
        reply = customer.says(f'/inform{{"option":"{option}"}}')
    return custom_of(reply, "risk_result")


def test_product_question_in_chinese_shows_a_card_and_disclosures(chat: httpx.Client) -> None:
    reply = Customer(chat, "flow-product").says("日日盈的收益怎么样")
    cards = custom_of(reply, "product_cards")
    assert cards["products"][0]["code"] == "MMF01"
    assert DISCLAIMER_ZH in text_of(reply)
    assert "过往业绩不代表未来表现" in text_of(reply)


def test_questionnaire_then_only_suitable_suggestions_in_english(chat: httpx.Client) -> None:
    customer = Customer(chat, "flow-quiz")
    customer.says("hello")
    result = complete_questionnaire(customer, "b")
    level = int(result["level"][1])
    reply = customer.says("what would you recommend for me?")
    cards = custom_of(reply, "product_cards")["products"]
    assert cards, reply
    assert all(int(card["risk_level"][1]) <= level for card in cards)
    assert "Wealth-management products are not deposits" in text_of(reply)


def test_no_profile_means_no_suggestion_but_the_questionnaire(chat: httpx.Client) -> None:
    reply = Customer(chat, "flow-noprofile").says("推荐点适合我的理财")
    assert "product_cards" not in str(reply)
    assert any(
        b["payload"] == "/start_risk_assessment" for m in reply for b in m.get("buttons", [])
    )


def test_above_level_question_is_answered_with_a_warning_and_a_person(chat: httpx.Client) -> None:
    customer = Customer(chat, "flow-above")
    result = complete_questionnaire(customer, "b")
    assert int(result["level"][1]) < 5
    reply = customer.says("科创先锋股票基金怎么样")
    assert "超出" in text_of(reply) or "above" in text_of(reply)
    reply = customer.says("我知道风险，还是要买")
    handoff = custom_of(reply, "handoff")
    record = chat.get(f"/api/handoffs/{handoff['handoff_id']}").json()
    assert record["reason"] == "above_level"


def test_return_illustration_with_assumptions_and_caveat(chat: httpx.Client) -> None:
    customer = Customer(chat, "flow-illustrate")
    reply = customer.says("If I put 50000 in DailyPlus for 12 months how much would I earn?")
    illustration = custom_of(reply, "illustration")
    assert len(illustration["scenarios"]) >= 2
    assert illustration["assumptions"]
    assert PAST_EN in text_of(reply)


def test_faq_and_glossary(chat: httpx.Client) -> None:
    customer = Customer(chat, "flow-faq")
    assert "到账" in text_of(customer.says("赎回一般多久到账？"))
    assert "NAV" in text_of(customer.says("what does NAV mean?"))


def test_complaint_creates_a_handoff_with_its_reason(chat: httpx.Client) -> None:
    reply = Customer(chat, "flow-complaint").says("我要投诉，你们的客服太差了")
    handoff = custom_of(reply, "handoff")
    assert "48" in text_of(reply)
    assert chat.get(f"/api/handoffs/{handoff['handoff_id']}").json()["reason"] == "complaint"


def test_two_misunderstandings_in_a_row_offer_a_person(chat: httpx.Client) -> None:
    customer = Customer(chat, "flow-fallback")
    customer.says("hello")
    first = customer.says("blorp zzkx qwv")
    second = customer.says("flib flab glorp")
    assert "rephrase" in text_of(first)
    assert any(b["payload"] == "/request_human" for m in second for b in m.get("buttons", []))


def test_feedback_is_recorded(chat: httpx.Client) -> None:
    customer = Customer(chat, "flow-feedback")
    customer.says("日日盈的收益怎么样")
    assert "感谢您的反馈" in text_of(customer.says("这个回答很有帮助"))


@pytest.fixture
def planted_claim(stack: Stack) -> Iterator[str]:
    """An admin edits a product's features to carry a forbidden claim; restored afterwards."""
    admin = {"Authorization": "Bearer dev-admin-token"}
    with httpx.Client(base_url=stack.base_url, timeout=30) as api:
        original = {
            f"features_{lang}": api.get("/api/products/WMFI01", params={"lang": lang}).json()[
                "features"
            ]
            for lang in ("zh", "en")
        }
        planted = api.put(
            "/api/admin/products/WMFI01",
            json={
                "features_zh": ["本产品保本保收益，稳赚不赔"],
                "features_en": ["Principal and returns guaranteed"],
            },
            headers=admin,
        )
        assert planted.status_code == 200, planted.text
        yield "WMFI01"
        api.put("/api/admin/products/WMFI01", json=original, headers=admin)


def test_a_planted_forbidden_claim_never_reaches_the_customer(
    chat: httpx.Client, planted_claim: str
) -> None:
    reply = Customer(chat, "flow-planted").says("稳盈90天这款理财的收益和风险怎么样？")
    shown = text_of(reply)
    assert "保本保收益" not in shown and "稳赚不赔" not in shown
    blocked = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "blocked"]
    assert blocked, reply
    assert blocked[0]["product_codes"] == [planted_claim]
