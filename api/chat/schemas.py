"""Request and response shapes of the chat gateway (the Rasa REST channel's shape)."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator


class ChatMetadata(BaseModel):
    model_config = ConfigDict(extra="allow")

    language: Literal["zh", "en"] | None = None
    channel: Literal["web", "app"] | None = None
    campaign: str | None = Field(default=None, max_length=100)


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "sender": "web-5f2c9a",
                    "message": "日日盈的收益怎么样？",
                    "metadata": {"language": "zh", "channel": "web"},
                },
                {
                    "sender": "app-77ab01",
                    "message": "show me low risk products",
                    "metadata": {"channel": "app", "campaign": "spring"},
                },
            ]
        },
    )

    sender: StrictStr = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")
    message: StrictStr = Field(min_length=1)
    metadata: ChatMetadata | None = None

    @field_validator("message")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("message must not be blank")
        return value


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {
                    "text": "您好！我是理财智能助手……",
                    "buttons": [{"title": "开始风险测评", "payload": "/start_risk_assessment"}],
                },
                {
                    "text": "…",
                    "custom": {
                        "type": "product_cards",
                        "products": [],
                        "disclosures": ["理财非存款、产品有风险、投资须谨慎"],
                    },
                },
            ]
        },
    )

    text: str | None = None
    buttons: list[Button] | None = None
    custom: dict[str, Any] | None = None
    image: str | None = None
