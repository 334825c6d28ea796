"""tacitus serve: the HTTP API and the web dashboard."""
from __future__ import annotations

import json
import os
import sys

from .common import add_db

HELP = "Serve the HTTP API and the web dashboard over an event database."
EXAMPLE = """examples:
  tacitus serve --db events.duckdb                 # http://127.0.0.1:8000/
  tacitus serve --db events.duckdb --get "/api/series?a=CHN&b=RUS"
  TACITUS_TOKEN=secret tacitus serve --db events.duckdb   # also accept POST /api/documents
  tacitus serve --db events.duckdb --token secret --max-body 4000000   # refuse bodies over 4 MB

Read-only unless a token is set (--token or $TACITUS_TOKEN); the OpenAPI description is at
/openapi.json. A request body over --max-body bytes ($TACITUS_MAX_BODY; default 16 MiB, which
admits any document of up to 1,000,000 characters however its JSON is escaped) answers 413
before it is read. --get runs one request without starting a server and prints the response."""


def add_arguments(p):
    add_db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token", default=None, help="accept POST /api/documents with this bearer token")
    p.add_argument("--max-body", metavar="BYTES", type=int, default=None,
                   help="refuse request bodies over this many bytes with 413 "
                        "(default: $TACITUS_MAX_BODY, else 16 MiB)")
    p.add_argument("--get", metavar="PATH", help="run one GET request, print the response, exit")


def run(args):
    from ..web import create_app

    token = args.token or os.environ.get("TACITUS_TOKEN") or None
    app = create_app(args.db, token=token, max_body=args.max_body)
    if args.get:
        from fastapi.testclient import TestClient
        with TestClient(app) as client:
            response = client.get(args.get)
        try:
            print(json.dumps(response.json(), indent=1, ensure_ascii=False))
        except ValueError:
            print(response.text)
        return 0 if response.status_code < 400 else 1
    import uvicorn
    print(f"tacitus: serving {app.state.store.url} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
