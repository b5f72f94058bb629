"""The gateway's work for one customer message: mask, log, relay to Rasa, log the replies."""

import itertools
import json
import logging
from collections.abc import Sequence
from typing import Any

import httpx
from sqlalchemy.orm import Session

from api.chat.language import Language, detect_language
from api.chat.masking import mask_personal_data
from api.chat.models import ChatMessage, Conversation
from api.chat.schemas import BotMessage, ChatRequest
from api.compliance import service as compliance
from api.compliance.review import review_message
from api.compliance.ruleset import RuleSet
from api.db import utcnow

log = logging.getLogger(__name__)

UNAVAILABLE = {
    "zh": "抱歉，智能助手暂时无法响应，请稍后再试。如需帮助，可拨打客服热线 95xxx。",
    "en": "Sorry, the assistant is temporarily unavailable. Please try again in a moment, "
    "or call our service line 95xxx.",
}
# Statuses meaning "this replica did not take the message" (a proxy or a replica that is
# starting or stopping), so the next replica may safely have it.
NOT_DELIVERED = {502, 503}


def open_conversation(
    request: ChatRequest, language: Language | None, *, session: Session
) -> Conversation:
    metadata = request.metadata
    conversation = session.get(Conversation, request.sender)
    if conversation is None:
        conversation = Conversation(
            sender_id=request.sender,
            language=language or "zh",
            channel=(metadata.channel if metadata else None) or "web",
            campaign=metadata.campaign if metadata else None,
        )
        session.add(conversation)
        session.flush()  # messages reference it; no ORM relationship orders the inserts
    else:
        if language:
            conversation.language = language
        conversation.last_message_at = utcnow()
    return conversation


def conversation_language(request: ChatRequest, masked_text: str, stored: str | None) -> Language:
    """Detected per message; the page's language choice and then the conversation's
    language decide for text that carries no signal (numbers, button payloads)."""
    detected = detect_language(masked_text)
    if detected:
        return detected
    chosen = request.metadata.language if request.metadata else None
    if chosen:
        return chosen
    return "en" if stored == "en" else "zh"


def log_user_message(sender_id: str, text: str, language: str, *, session: Session) -> None:
    payload = text if text.startswith("/") else None
    session.add(
        ChatMessage(
            sender_id=sender_id, author="user", text=text, payload=payload, language=language
        )
    )


def log_bot_messages(
    sender_id: str, messages: list[BotMessage], language: str, *, session: Session
) -> None:
    for message in messages:
        extra = {k: v for k, v in message.model_dump(exclude_none=True).items() if k != "text"}
        session.add(
            ChatMessage(
                sender_id=sender_id,
                author="bot",
                text=mask_personal_data(message.text or ""),
                payload=json.dumps(extra, ensure_ascii=False) if extra else None,
                language=language,
            )
        )


class ReplicaRotation:
    """Round-robin over the Rasa replicas: each message starts one replica further on.

    Any replica may take any message of a conversation: the replicas share the tracker
    store and the Redis lock store, which serialises one conversation's messages.
    """

    def __init__(self) -> None:
        self._turns = itertools.count()

    def order(self, urls: Sequence[str]) -> list[str]:
        """The replicas to try for the next message: its turn first, then the others."""
        start = next(self._turns) % len(urls)
        return [*urls[start:], *urls[:start]]


async def relay_to_rasa(
    http: httpx.AsyncClient,
    rasa_urls: Sequence[str],
    *,
    sender: str,
    text: str,
    metadata: dict[str, Any],
    timeout: float,
) -> list[BotMessage] | None:
    """Replies from the first replica that takes the message; None when none can.

    Only a replica that certainly did not receive the message (no connection, or 502/503)
    hands it to the next one. A timeout or a bad answer may come after Rasa has processed
    the message, and sending it again would run the customer's turn twice.
    """
    for url in rasa_urls:
        try:
            response = await http.post(
                f"{url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": metadata},
                timeout=timeout,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            log.warning("Rasa at %s unreachable for %s: %s", url, sender, exc.__class__.__name__)
            continue
        except httpx.HTTPError as exc:
            log.warning("Rasa at %s did not answer for %s: %s", url, sender, exc.__class__.__name__)
            return None
        if response.status_code in NOT_DELIVERED:
            log.warning("Rasa at %s unavailable for %s: %d", url, sender, response.status_code)
            continue
        try:
            response.raise_for_status()
            messages = [BotMessage.model_validate(m) for m in response.json()]
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("Rasa at %s answered badly for %s: %s", url, sender, exc.__class__.__name__)
            return None
        log.debug("Rasa at %s answered for %s", url, sender)
        return rejoin_split_messages(messages)
    log.error("no Rasa replica answered for %s (%d tried)", sender, len(rasa_urls))
    return None


def rejoin_split_messages(messages: list[BotMessage]) -> list[BotMessage]:
    """Put a custom-only message back onto the text message just before it.

    Rasa's output channel sends one bot message's text (+buttons) and its custom payload
    as two REST messages; the contract promises one message with text, buttons, custom.
    """
    joined: list[BotMessage] = []
    for message in messages:
        previous = joined[-1] if joined else None
        if (
            message.text is None
            and message.custom is not None
            and previous is not None
            and previous.custom is None
        ):
            previous.custom = message.custom
            continue
        if message.text is None:
            message.text = ""
        joined.append(message)
    return joined


def review_outgoing(
    messages: list[BotMessage],
    language: Language,
    sender: str,
    ruleset: RuleSet,
    *,
    session: Session,
) -> list[BotMessage]:
    """The last gate before a customer sees anything: every bot text is reviewed here.

    Actions already review product answers (and add product-specific disclosures); this
    catches anything that did not pass through them, e.g. a template response. A blocked
    message loses its buttons and cards; approved ones gain any missing disclosures.
    """
    for message in messages:
        if not message.text:
            continue
        # A questionnaire prompt ("if it fell 20%…") presents no product or return.
        presents = (message.custom or {}).get("type") != "questionnaire"
        codes = compliance.normalise_codes((message.custom or {}).get("product_codes") or [])
        result = review_message(
            message.text,
            language,
            product_types=compliance.resolve_product_types(codes, session=session),
            product_codes=codes,
            ruleset=ruleset,
        )
        compliance.record_review(
            result, text=message.text, lang=language, product_codes=codes,
            conversation_id=sender, session=session,
        )  # fmt: skip
        if not result.approved:
            message.buttons = None
            message.custom = {"type": "blocked", "rules": result.rules_fired, "disclosures": []}
            message.text = result.text
        elif result.disclosures and presents:
            custom = dict(message.custom or {})
            custom["disclosures"] = [*custom.get("disclosures", []), *result.disclosures]
            message.custom = custom
            message.text = result.text
    return messages


def unavailable_reply(language: str) -> list[BotMessage]:
    return [
        BotMessage(
            text=UNAVAILABLE[language], custom={"type": "error", "code": "assistant_unavailable"}
        )
    ]
