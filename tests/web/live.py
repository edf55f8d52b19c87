"""The HTTP server running in a thread of the test process, and raw-socket clients for it."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import socket
import ssl
import threading
from collections.abc import Iterator
from typing import Any

from skill.web import HttpServer, ServerLimits
from skill.web.serving import listen

CLIENT_TIMEOUT_S = 15.0  # generous: a request that is answered at all is answered well before


@contextlib.contextmanager
def running(
    app: Any, limits: ServerLimits | None = None, tls: ssl.SSLContext | None = None
) -> Iterator[int]:
    """Serve `app` on a free loopback port in a background thread; yield the port."""
    listener = listen("127.0.0.1", 0)
    started = threading.Event()
    state: dict[str, Any] = {}

    async def main() -> None:
        state["loop"], state["stop"] = asyncio.get_running_loop(), asyncio.Event()
        started.set()
        await HttpServer(app, limits, tls).serve(listener, state["stop"])

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield int(listener.getsockname()[1])
    finally:
        state["loop"].call_soon_threadsafe(state["stop"].set)
        thread.join(20)
        listener.close()


def connect(port: int) -> socket.socket:
    """A plain TCP connection to the server with the generous client timeout."""
    return socket.create_connection(("127.0.0.1", port), timeout=CLIENT_TIMEOUT_S)


def post(port: int, body: bytes, headers: dict[str, str], path: str = "/") -> tuple[int, bytes]:
    """POST `body` on a fresh connection; return the status and the response body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT_S)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def status_line(sock: socket.socket) -> bytes:
    """Read what the server sends until it closes or a full status line arrives."""
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\r\n", 1)[0]


def still_open(sock: socket.socket) -> bool:
    """Whether the server has neither closed `sock` nor sent anything on it."""
    timeout = sock.gettimeout()
    sock.setblocking(False)
    try:
        sock.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        sock.settimeout(timeout)
    return False  # a response or the end of the stream arrived
