"""Request and response shapes of the feedback endpoints."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, model_validator

from api.chat.contract import SenderField as Sender


class MessageFeedbackIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"sender": "web-3f9a1c", "text": "货币基金七日年化约1.8%……", "helpful": True},
                {"sender": "web-3f9a1c", "message_id": 42, "helpful": False},
            ]
        },
    )

    sender: Sender
    message_id: StrictInt | None = Field(
        default=None, ge=1, description="id from GET /api/chat/{sender}/history"
    )
    text: StrictStr | None = Field(
        default=None,
        min_length=1,
        max_length=8000,
        description="the bot message's text, when its id is not known (live replies)",
    )
    helpful: StrictBool

    @model_validator(mode="after")
    def names_a_message(self) -> "MessageFeedbackIn":
        if self.message_id is None and not (self.text and self.text.strip()):
            raise ValueError("give message_id or the message text")
        return self


class MessageFeedbackOut(BaseModel):
    id: int
    sender: str
    message_id: int | None
    helpful: bool
    created_at: datetime


class RatingIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"sender": "web-3f9a1c", "rating": 5, "comment": "解释得很清楚"}]
        },
    )

    sender: Sender
    rating: StrictInt = Field(ge=1, le=5)
    comment: StrictStr | None = Field(default=None, max_length=1000)


class RatingOut(BaseModel):
    id: int
    sender: str
    rating: int
    comment: str | None = Field(description="masked: phone, ID, card and e-mail removed")
    created_at: datetime
