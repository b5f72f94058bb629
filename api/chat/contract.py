"""Shapes every customer-facing endpoint shares: the sender id rule and the error bodies.

The error bodies are what api.errors' handlers return; declaring them lets /docs show the
real shapes instead of FastAPI's default validation error.
"""

from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, Field, StrictStr

# The chat gateway's sender id rule (ChatRequest.sender).
SENDER_PATTERN = r"^[A-Za-z0-9_.:-]+$"
SENDER_MAX_LENGTH = 128
SenderPath = Annotated[
    str, Path(min_length=1, max_length=SENDER_MAX_LENGTH, pattern=SENDER_PATTERN)
]
SenderField = Annotated[
    StrictStr, Field(min_length=1, max_length=SENDER_MAX_LENGTH, pattern=SENDER_PATTERN)
]


class Problem(BaseModel):
    """Every error except bad input: `{"detail": "what went wrong"}`."""

    detail: str


class FieldProblem(BaseModel):
    field: str = Field(description="where: a body field such as `rating`, or `body`")
    message: str


class InvalidInput(BaseModel):
    """Bad input (422): one entry per problem."""

    detail: list[FieldProblem]


def error_responses(**descriptions: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: error_responses(e404="…", e422="…", e429="…")."""
    responses: dict[int | str, dict[str, Any]] = {}
    for key, description in descriptions.items():
        status = int(key.removeprefix("e"))
        model = InvalidInput if status == 422 else Problem
        responses[status] = {"model": model, "description": description}
    return responses
