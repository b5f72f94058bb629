from api.chat.schemas import BotMessage
from api.chat.service import rejoin_split_messages


def test_custom_part_rejoins_its_text() -> None:
    split = [
        BotMessage(
            text="DailyPlus: 7-day annualised 1.6%", buttons=[{"title": "More", "payload": "/x"}]
        ),
        BotMessage(custom={"type": "product_cards", "products": []}),
        BotMessage(text="Anything else?"),
    ]
    joined = rejoin_split_messages(split)
    assert len(joined) == 2
    assert joined[0].custom == {"type": "product_cards", "products": []}
    assert joined[0].buttons and joined[0].buttons[0].payload == "/x"
    assert joined[1].custom is None


def test_lonely_custom_message_gets_empty_text() -> None:
    joined = rejoin_split_messages([BotMessage(custom={"type": "handoff", "status": "queued"})])
    assert joined[0].text == ""
    assert joined[0].custom == {"type": "handoff", "status": "queued"}


def test_two_customs_in_a_row_stay_apart() -> None:
    joined = rejoin_split_messages(
        [BotMessage(text="a"), BotMessage(custom={"n": 1}), BotMessage(custom={"n": 2})]
    )
    assert [m.custom for m in joined] == [{"n": 1}, {"n": 2}]
