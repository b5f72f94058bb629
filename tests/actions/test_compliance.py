import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.compliance import send_reviewed
from tests.actions.conftest import FakeApi, make_tracker


def test_approved_text_goes_out_with_its_disclosures_and_cards(api: FakeApi) -> None:
    dispatcher = CollectingDispatcher()
    sent = asyncio.run(
        send_reviewed(
            dispatcher,
            make_tracker(),
            "日日盈七日年化1.36%",
            product_codes=["MMF01"],
            custom={"type": "product_cards", "products": []},
        )
    )
    assert sent is True
    [message] = dispatcher.messages
    assert message["text"].endswith("理财非存款、产品有风险、投资须谨慎。")
    assert message["custom"]["disclosures"] == ["理财非存款、产品有风险、投资须谨慎。"]
    assert message["custom"]["type"] == "product_cards"
    assert api.posted("/api/compliance/review")[0]["product_codes"] == ["MMF01"]


def test_blocked_text_is_replaced_and_cards_dropped(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/compliance/review",
        {
            "approved": False,
            "violations": [{"rule": "guaranteed_return", "match": "保收益"}],
            "text": "抱歉，这条回复未通过合规审核。",
            "disclosures": [],
            "rule_version": "t",
        },
    )
    dispatcher = CollectingDispatcher()
    sent = asyncio.run(
        send_reviewed(
            dispatcher,
            make_tracker(),
            "保收益！",
            custom={"type": "product_cards", "products": [{"code": "X"}]},
            buttons=[{"title": "买", "payload": "/buy"}],
        )
    )
    assert sent is False
    [message] = dispatcher.messages
    assert message["text"] == "抱歉，这条回复未通过合规审核。"
    assert message["custom"]["type"] == "blocked"
    assert not message["buttons"]


def test_review_unreachable_sends_nothing_unreviewed(api: FakeApi) -> None:
    api.down = True
    dispatcher = CollectingDispatcher()
    sent = asyncio.run(
        send_reviewed(dispatcher, make_tracker(slots={"language": "en"}), "DailyPlus 1.36%")
    )
    assert sent is False
    assert dispatcher.messages[0]["text"].startswith("Sorry, I can't reach")
    assert "1.36" not in dispatcher.messages[0]["text"]
