"""The request body limit, enforced before any route reads or parses a body.

The default admits every document that POST /api/documents admits, however its client writes the
JSON: the text may hold 1,000,000 characters (MAX_TEXT), and JSON may write any character as a
\\u escape, 6 bytes, and a character outside the Basic Multilingual Plane as two of them (a
surrogate pair), 12 bytes. So 1,000,000 emoji written by `json.dumps`, whose default escapes
everything outside ASCII, take 12,000,000 bytes; the other fields (at most 5,100 characters)
add 61,200 more. 16 MiB leaves room for the keys, the punctuation and a client's indentation.
"""
from __future__ import annotations

import os

from ..errors import InputError
from .errors import error_response

MAX_BODY = 16 * 1024 * 1024
ENV = "TACITUS_MAX_BODY"


def body_limit(value=None) -> int:
    """The body limit in bytes: `value`, else $TACITUS_MAX_BODY, else MAX_BODY."""
    raw = value if value is not None else (os.environ.get(ENV) or MAX_BODY)
    try:
        limit = int(raw)
    except (TypeError, ValueError):
        raise InputError(f"the body limit must be a whole number of bytes, not {raw!r} "
                         f"(--max-body or ${ENV})") from None
    if limit < 1:
        raise InputError(f"the body limit must be at least 1 byte, not {limit} (--max-body or ${ENV})")
    return limit


def _declared_length(scope):
    """The Content-Length header as an int; None when absent; -1 when it is not a number."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            if not (text.isascii() and text.isdigit()):
                return -1
            return int(text) if len(text) < 100 else 10 ** 100  # int() refuses thousands of digits
    return None


class BodyLimit:
    """ASGI middleware: a request whose body is over `max_body` bytes answers 413 in the API's
    error shape, by its Content-Length before a byte is read, or, for a chunked body, as soon as
    the bytes received pass the limit. A body within the limit is read whole and handed on, so
    no route ever reads more than `max_body` bytes."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared == -1:
            await error_response(400, "bad_request", "the Content-Length header is not a number")(scope, receive, send)
            return
        if declared is not None and declared > self.max_body:
            await self._too_large(scope, receive, send)
            return
        chunks, size, message = [], 0, {"type": "http.request", "more_body": True}
        while message["type"] == "http.request" and message.get("more_body", False):
            message = await receive()
            size += len(message.get("body", b""))
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(message.get("body", b""))
        if message["type"] == "http.request":
            message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay(message, receive), send)

    async def _too_large(self, scope, receive, send):
        message = (f"the request body is over the server's limit of {self.max_body:,} bytes "
                   f"(tacitus serve --max-body, ${ENV})")
        await error_response(413, "too_large", message)(scope, receive, send)


def _replay(first, receive):
    """A receive callable that gives `first` (the whole body, or the disconnect), then the client's."""
    pending = [first]

    async def replayed():
        return pending.pop() if pending else await receive()
    return replayed
