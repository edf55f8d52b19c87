"""A local stand-in for the Alexa service APIs: an HTTP server on 127.0.0.1 that the simulated
envelope's apiEndpoint points to, with a handler per path prefix."""

import json
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

ServiceHandler = Callable[[str, str, Mapping[str, str], bytes], tuple[int, object | None]]
"""(method, path, headers, body) -> (HTTP status, a JSON-able body or None for an empty one)."""
MAX_BODY = 64 * 1024
"""Bytes of a request body read; the skill sends far less."""
POLL = 0.05
"""Seconds between the server's checks for shutdown (a simulator starts and stops it often)."""


class LocalServices:
    """Alexa's service APIs on a free loopback port, in a daemon thread, for the simulator and
    tests. The handler of the longest matching path prefix answers; any other path is a 404.
    Every request is kept in `requests` as (method, path, body)."""

    def __init__(self) -> None:
        self.handlers: dict[str, ServiceHandler] = {}
        self.requests: list[tuple[str, str, bytes]] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None

    def add(self, prefix: str, handler: ServiceHandler) -> None:
        """Answer requests whose path starts with this prefix (the longest prefix wins)."""
        with self.lock:
            self.handlers[prefix] = handler

    @property
    def endpoint(self) -> str:
        """The base URL to put in the envelope's context.System.apiEndpoint."""
        if self.server is None:
            raise RuntimeError("the local services are not running")
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> Self:
        self.server = _QuietServer(("127.0.0.1", 0), _handler_class(self))
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": POLL}, daemon=True
        )
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)
        self.server = self.thread = None

    def answer(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, object | None]:
        """Record the request and let the handler of the longest matching prefix answer it."""
        with self.lock:
            self.requests.append((method, path, body))
            matching = [p for p in self.handlers if path.startswith(p)]
            handler = self.handlers[max(matching, key=len)] if matching else None
        if handler is None:
            return 404, {"code": "NOT_FOUND", "message": "no local service at this path"}
        return handler(method, path, headers, body)


class _QuietServer(ThreadingHTTPServer):
    """Threads that never block exit, and no traceback for a client that hung up (the skill
    gives up on a slow answer by design)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing."""


def _handler_class(services: LocalServices) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
            body = self.rfile.read(length) if length > 0 else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                status, payload = services.answer(self.command, self.path, headers, body)
            except Exception:  # a broken handler is a server error, as on the real service
                status, payload = 500, {"code": "INTERNAL_ERROR", "message": "local failure"}
            data = b"" if payload is None else json.dumps(payload).encode("utf-8")
            self.send_response(status)
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _serve

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the simulator's output is the conversation."""

    return Handler
