"""Signing chain download with one total deadline over lookup, connect, TLS, headers and body."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
from typing import Protocol
from urllib.parse import urlsplit

import certifi

from skill.web.errors import VerificationError


class Fetcher(Protocol):
    """Downloads a certificate chain; the one network edge of the verifier."""

    def __call__(self, url: str, timeout: float, max_bytes: int, /) -> bytes:
        """Return the body at `url`, failing past `timeout` seconds or `max_bytes` bytes."""
        ...


class _Download:
    """One GET in its own thread, which the caller can cut off at the deadline."""

    def __init__(self, url: str, timeout: float, max_bytes: int) -> None:
        self.url = url
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.done = threading.Event()
        self.body = b""
        self.error: Exception | None = None
        self._lock = threading.Lock()
        self._connection: http.client.HTTPConnection | None = None
        self._aborted = False

    def run(self) -> None:
        """Download, keeping the body or the error, then signal `done`."""
        try:
            self.body = self._download()
        except Exception as error:
            self.error = error
        finally:
            self.done.set()

    def abort(self) -> None:
        """Cut the connection so the download thread ends now rather than at its timeouts."""
        with self._lock:
            self._aborted = True
            sock = self._connection.sock if self._connection is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _open(self) -> http.client.HTTPConnection:
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        if parts.scheme == "https":
            context = ssl.create_default_context(cafile=certifi.where())
            return http.client.HTTPSConnection(
                host, parts.port, timeout=self.timeout, context=context
            )
        return http.client.HTTPConnection(host, parts.port, timeout=self.timeout)

    def _download(self) -> bytes:
        deadline = time.monotonic() + self.timeout
        connection = self._open()
        try:
            connection.connect()
            with self._lock:
                if self._aborted:
                    raise VerificationError("cert_fetch_timeout")
                self._connection = connection
            path = urlsplit(self.url).path or "/"
            connection.request("GET", path, headers={"Accept": "*/*"})
            response = connection.getresponse()
            if response.status != 200:
                raise VerificationError("cert_fetch_status")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(min(16 * 1024, self.max_bytes + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > self.max_bytes:
                    raise VerificationError("cert_fetch_too_large")
                if time.monotonic() > deadline:
                    raise VerificationError("cert_fetch_timeout")
            return b"".join(chunks)
        finally:
            connection.close()


def http_fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    """Download `url` (http or https), no redirects, within `timeout` seconds in total.

    The download runs in a thread of its own, so a stall anywhere (name lookup, connect,
    TLS handshake, headers, body) costs the caller `timeout` at most.

    Raises:
        VerificationError: the time ran out, the status was not 200 or the body too large.
        OSError: the download failed.
        http.client.HTTPException: the server did not speak HTTP.
    """
    download = _Download(url, timeout, max_bytes)
    threading.Thread(target=download.run, name="cert-fetch", daemon=True).start()
    if not download.done.wait(timeout):
        download.abort()
        raise VerificationError("cert_fetch_timeout")
    if download.error is not None:
        raise download.error
    return download.body
