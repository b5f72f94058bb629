"""The domain error family and the one place that turns errors into JSON responses."""

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class DomainError(Exception):
    """Base of every expected error; `status_code` and `detail` reach the client."""

    status_code = 400

    def __init__(self, detail: object) -> None:
        super().__init__(str(detail))
        self.detail = detail


class NotFound(DomainError):
    status_code = 404


class InvalidInput(DomainError):
    status_code = 422


class Conflict(DomainError):
    status_code = 409


class Unauthorized(DomainError):
    status_code = 401


class ServiceUnavailable(DomainError):
    status_code = 503


def _validation_message(exc: RequestValidationError) -> list[dict[str, object]]:
    problems = []
    for error in exc.errors():
        location = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        problems.append({"field": location or "body", "message": error.get("msg", "invalid")})
    return problems


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(_: Request, exc: DomainError) -> JSONResponse:
        return JSONResponse({"detail": jsonable_encoder(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"detail": "internal error; the team has been notified"}, status_code=500
        )
