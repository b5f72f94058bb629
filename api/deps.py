"""Dependency aliases for routers: the session, the cache, settings, the admin token."""

from collections.abc import Iterator
from typing import Annotated

import httpx
from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from api.cache import Cache
from api.db import unit_of_work
from api.errors import Unauthorized
from api.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_session(request: Request) -> Iterator[Session]:
    """One session per request, committed once when the handler returns."""
    with unit_of_work(request.app.state.sessionmaker) as session:
        yield session


def get_cache(request: Request) -> Cache:
    return request.app.state.cache  # type: ignore[no-any-return]


def get_http(request: Request) -> httpx.AsyncClient:
    return request.app.state.http  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
# scope="function": commit before the response is sent, so a 2xx means the data is stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
CacheDep = Annotated[Cache, Depends(get_cache)]
HttpDep = Annotated[httpx.AsyncClient, Depends(get_http)]


def require_admin(
    settings: SettingsDep, authorization: Annotated[str | None, Header()] = None
) -> None:
    if authorization != f"Bearer {settings.admin_token}":
        raise Unauthorized("admin token required: Authorization: Bearer <ADMIN_TOKEN>")


AdminDep = Annotated[None, Depends(require_admin)]
