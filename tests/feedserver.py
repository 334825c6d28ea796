"""A local HTTP server on 127.0.0.1 (an ephemeral port, a thread) that serves scripted responses:
each path answers with the next of its responses, then repeats its last one. Feeds and pages
served in the tests are of our own writing."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Response:
    def __init__(self, body="", status=200, kind="application/rss+xml; charset=utf-8", delay=0.0):
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.status, self.kind, self.delay = status, kind, delay


class FeedServer:
    """`with FeedServer({"/feed.rss": [Response(...), ...]}) as server: server.url("/feed.rss")`."""

    def __init__(self, routes=None):
        self.routes = {path: list(answers) for path, answers in (routes or {}).items()}
        self.requests = []  # the paths asked for, in order
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                answer = server.next(self.path)
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.kind)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def next(self, path):
        with self.lock:
            self.requests.append(path)
            answers = self.routes.get(path)
            if not answers:
                return Response("not here", 404, "text/plain")
            return answers.pop(0) if len(answers) > 1 else answers[0]

    def set(self, path, *answers):
        with self.lock:
            self.routes[path] = list(answers)

    def url(self, path):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
