"""Runs a WSGI app on one fully received request and collects its whole response."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Incoming:
    """A request read to its end: method, target, headers (lower-case names) and body."""

    method: str
    target: bytes
    http_version: str
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass(frozen=True)
class Outgoing:
    """A whole response: status code, reason phrase, headers and body."""

    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class Endpoint:
    """Where a request came in: the server's name and port, the peer, and the URL scheme."""

    server_name: str
    server_port: int
    remote_addr: str
    scheme: str


_FRAMING = ("content-length", "transfer-encoding", "connection")
SERVER_ERROR = Outgoing(500, "Internal Server Error", [("Content-Length", "0")], b"")


def environ(request: Incoming, endpoint: Endpoint) -> dict[str, Any]:
    """Build the WSGI environ for a buffered request (PEP 3333)."""
    path, _, query = request.target.partition(b"?")
    env: dict[str, Any] = {
        "REQUEST_METHOD": request.method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": query.decode("latin-1"),
        "SERVER_NAME": endpoint.server_name,
        "SERVER_PORT": str(endpoint.server_port),
        "SERVER_PROTOCOL": f"HTTP/{request.http_version}",
        "REMOTE_ADDR": endpoint.remote_addr,
        "CONTENT_LENGTH": str(len(request.body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": endpoint.scheme,
        "wsgi.input": io.BytesIO(request.body),
        "wsgi.input_terminated": True,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for raw_name, raw_value in request.headers:
        name = raw_name.decode("latin-1")
        if "_" in name or name in ("content-length", "transfer-encoding"):
            continue  # an underscore could pass for a dash; the body is already framed
        key = "CONTENT_TYPE" if name == "content-type" else "HTTP_" + name.upper().replace("-", "_")
        value = raw_value.decode("latin-1")
        env[key] = f"{env[key]},{value}" if key in env else value
    return env


def call(app: WsgiApp, request: Incoming, endpoint: Endpoint) -> Outgoing:
    """Run `app` on `request`; any failure of the app is a bare 500, logged by type only."""
    started: list[tuple[str, list[tuple[str, str]]]] = []
    chunks: list[bytes] = []

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: Any = None
    ) -> Callable[[bytes], None]:
        started[:] = [(status, headers)]
        return chunks.append

    try:
        result = app(environ(request, endpoint), start_response)
        try:
            chunks.extend(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        status, headers = started[0]
        code, _, reason = status.partition(" ")
        status_code = int(code)
    except Exception as error:
        logger.error("WSGI app failed: %s", type(error).__name__)
        return SERVER_ERROR
    body = b"".join(chunks)
    headers = [(k, v) for k, v in headers if k.lower() not in _FRAMING]
    return Outgoing(status_code, reason, [*headers, ("Content-Length", str(len(body)))], body)
