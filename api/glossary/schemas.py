"""Response shapes of the glossary endpoints."""

from pydantic import BaseModel

from api.glossary.terms import Lang


class TermOut(BaseModel):
    term: str
    name: str
    explanation: str


class GlossaryOut(BaseModel):
    version: str
    lang: Lang
    terms: list[TermOut]


class Suggestion(BaseModel):
    term: str
    name: str


class LookupMiss(BaseModel):
    """The `detail` of a 404 from /api/glossary/lookup."""

    message: str
    query: str
    suggestions: list[Suggestion]


class LookupMissOut(BaseModel):
    detail: LookupMiss
