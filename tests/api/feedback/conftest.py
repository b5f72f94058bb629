"""A committed conversation with one user question and two bot answers, per test."""

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from api.chat.models import ChatMessage, Conversation
from api.db import make_sessionmaker, unit_of_work

ANSWER = "货币基金七日年化收益率约1.8%。理财非存款、产品有风险、投资须谨慎。"
OTHER_ANSWER = "There are 6 low-risk products."

MakeConversation = Callable[[], tuple[str, list[int]]]


@pytest.fixture
def make_conversation(engine: Engine) -> MakeConversation:
    """Commits a conversation (the API under test uses its own sessions) and returns
    its sender id and the ids of [user question, answer, other answer]."""

    def make() -> tuple[str, list[int]]:
        sender = f"test-{uuid.uuid4().hex[:12]}"
        with unit_of_work(make_sessionmaker(engine)) as session:
            session.add(Conversation(sender_id=sender, language="zh"))
            session.flush()
            messages = [
                ChatMessage(sender_id=sender, author="user", text="货币基金收益多少"),
                ChatMessage(sender_id=sender, author="bot", text=ANSWER),
                ChatMessage(sender_id=sender, author="bot", text=OTHER_ANSWER),
            ]
            session.add_all(messages)
            session.flush()
            ids = [message.id for message in messages]
        return sender, ids

    return make
