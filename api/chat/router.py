"""POST /api/chat — the public chat gateway, same shape as Rasa's REST channel."""

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from api.chat import service
from api.chat.contract import error_responses
from api.chat.language import Language
from api.chat.masking import mask_personal_data
from api.chat.schemas import BotMessage, ChatRequest
from api.compliance.definitions import RuleFileError
from api.compliance.router import RuleStoreDep
from api.db import unit_of_work
from api.deps import CacheDep, HttpDep, SettingsDep
from api.errors import InvalidInput
from api.ratelimit import enforce_rate_limit

router = APIRouter(prefix="/api", tags=["chat"])


def rasa_rotation(request: Request) -> service.ReplicaRotation:
    """The app's one rotation over the Rasa replicas, made on the first message."""
    rotation: service.ReplicaRotation | None = getattr(request.app.state, "rasa_rotation", None)
    if rotation is None:
        rotation = request.app.state.rasa_rotation = service.ReplicaRotation()
    return rotation


@router.post(
    "/chat",
    response_model=list[BotMessage],
    response_model_exclude_none=True,
    summary="Send a customer message; get the assistant's replies",
    responses=error_responses(
        e422="bad input: empty, blank, too long, wrong types, unknown fields",
        e429="too many messages from this sender; wait a minute",
    ),
)
async def chat(
    body: ChatRequest,
    request: Request,
    settings: SettingsDep,
    cache: CacheDep,
    http: HttpDep,
    rules: RuleStoreDep,
) -> list[BotMessage]:
    """Personal data (ID, card and phone numbers, e-mails) is masked before the text is
    logged or reaches Rasa. When the assistant cannot be reached the reply is a polite
    message with `custom.code = "assistant_unavailable"`."""
    if len(body.message) > settings.max_message_chars:
        raise InvalidInput(f"message is too long: at most {settings.max_message_chars} characters")
    enforce_rate_limit(cache, "chat", body.sender, settings.rate_limit_per_minute)
    text = mask_personal_data(body.message)
    factory = request.app.state.sessionmaker

    def record_user() -> Language:
        with unit_of_work(factory) as session:
            stored = session.get(service.Conversation, body.sender)
            language = service.conversation_language(
                body, text, stored.language if stored else None
            )
            service.open_conversation(body, language, session=session)
            service.log_user_message(body.sender, text, language, session=session)
            return language

    language = await run_in_threadpool(record_user)
    metadata = body.metadata.model_dump(exclude_none=True) if body.metadata else {}
    metadata["language"] = language
    replies = await service.relay_to_rasa(
        http,
        rasa_rotation(request).order(settings.rasa_replicas),
        sender=body.sender,
        text=text,
        metadata=metadata,
        timeout=settings.rasa_timeout_seconds,
    )
    if replies is None:
        replies = service.unavailable_reply(language)

    def review_and_record(messages: list[BotMessage]) -> list[BotMessage]:
        try:
            ruleset = rules.current()
        except RuleFileError:
            ruleset = None
        with unit_of_work(factory) as session:
            if ruleset is None:
                # Nothing unreviewed reaches a customer: fail closed with the polite reply.
                messages = service.unavailable_reply(language)
            else:
                messages = service.review_outgoing(
                    messages, language, body.sender, ruleset, session=session
                )
            service.log_bot_messages(body.sender, messages, language, session=session)
        return messages

    return await run_in_threadpool(review_and_record, replies)
