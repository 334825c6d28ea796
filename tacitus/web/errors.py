"""The API's one error shape, {"error": {"status", "code", "message"}}, for every failure."""
from __future__ import annotations

import json

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, StoreError, TacitusError


class ApiError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class _AsciiJSON(JSONResponse):
    """Errors may quote the input: \\u escapes write any of it, lone surrogates included."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=True).encode("ascii")


def error_response(status, code, message):
    return _AsciiJSON({"error": {"status": status, "code": code, "message": message}}, status_code=status)


async def _api_error(request, exc):
    return error_response(exc.status, exc.code, exc.message)


async def _http_error(request, exc):
    code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail))


async def _validation_error(request, exc):
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body"))
    return error_response(400, "bad_request", f"{where}: {first.get('msg', 'invalid request')}")


async def _input_error(request, exc):
    return error_response(400, "bad_request", exc.message)


async def _store_error(request, exc):
    return error_response(500, "store_error", exc.message)


async def _tacitus_error(request, exc):
    return error_response(400, "bad_request", exc.message)


async def _unexpected(request, exc):
    # a bug, not a bad request: still in the one shape, without the internals
    return error_response(500, "internal_error", f"the server failed: {type(exc).__name__}")


def install(app):
    """Every error the app can raise, answered in the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(TacitusError, _tacitus_error)
    app.add_exception_handler(Exception, _unexpected)
