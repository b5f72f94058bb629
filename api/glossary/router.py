"""Glossary endpoints: the full list, and the term a free-text question is about."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.glossary import service
from api.glossary.schemas import GlossaryOut, LookupMissOut, TermOut
from api.glossary.terms import Lang, get_glossary

# Read and validate the terms now: a malformed file stops the app at start-up.
get_glossary()

router = APIRouter(prefix="/api", tags=["glossary"])


@router.get("/glossary", response_model=GlossaryOut)
def list_glossary(lang: Lang = "zh") -> GlossaryOut:
    return service.glossary_view(get_glossary(), lang)


@router.get(
    "/glossary/lookup",
    response_model=TermOut,
    responses={404: {"model": LookupMissOut, "description": "no term found; suggestions"}},
)
def lookup(
    q: Annotated[str, Query(min_length=1, max_length=300, description="free text")],
    lang: Lang = "zh",
) -> TermOut:
    return service.lookup_term(get_glossary(), q, lang)
