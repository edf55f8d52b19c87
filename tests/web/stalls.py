"""Local servers standing in for a certificate host that stalls at one stage of a download."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from types import TracebackType

# connect: the accept queue is full, so the TCP handshake never completes.
# handshake: accepts and never answers; over https the TLS handshake stalls.
# headers: reads the request, then sends nothing.
# body: sends the headers and part of the declared body, then nothing.
# drip: sends one header byte every 50 ms, forever, so no single read ever times out.
STAGES = ("connect", "handshake", "headers", "body", "drip")


class StallServer:
    """Holds every connection at `stage` until closed; use it as a context manager."""

    def __init__(self, stage: str) -> None:
        """Listen on a free loopback port; for `connect`, fill the accept queue at once."""
        self.stage = stage
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=0)
        self.port = int(self._listener.getsockname()[1])
        if stage == "connect":
            for _ in range(4):
                filler = socket.socket()
                filler.setblocking(False)
                with contextlib.suppress(BlockingIOError):
                    filler.connect(("127.0.0.1", self.port))
                self._held.append(filler)
        else:
            self._listener.settimeout(0.1)
            threading.Thread(target=self._accept, daemon=True).start()

    @property
    def base_url(self) -> str:
        """The server's URL; https for the handshake stage, http otherwise."""
        scheme = "https" if self.stage == "handshake" else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def __enter__(self) -> StallServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop stalling: close the listener and every held connection."""
        self._stop.set()
        for sock in [self._listener, *self._held]:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._held.append(conn)
            threading.Thread(target=self._stall, args=(conn,), daemon=True).start()

    def _stall(self, conn: socket.socket) -> None:
        actions: dict[str, Callable[[socket.socket], None]] = {
            "handshake": lambda _: None,
            "headers": _read_request,
            "body": _partial_body,
            "drip": self._drip,
        }
        with contextlib.suppress(OSError):
            actions[self.stage](conn)
            self._stop.wait()

    def _drip(self, conn: socket.socket) -> None:
        _read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not self._stop.wait(0.05):
            conn.sendall(b"a")


def _partial_body(conn: socket.socket) -> None:
    _read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n-----BEGIN")


def _read_request(conn: socket.socket) -> None:
    data = b""
    conn.settimeout(5)
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk
