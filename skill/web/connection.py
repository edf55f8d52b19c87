"""One HTTP/1.1 connection: each request is read whole within its deadlines, then answered."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import h11

from skill.web.wsgi import Incoming, Outgoing

READ_CHUNK = 64 * 1024
CLOSE_TIMEOUT_S = 2.0
BAD_REQUEST = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

Runner = Callable[[Incoming], Awaitable[Outgoing]]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerLimits:
    """What one client can hold: deadlines in seconds, sizes in bytes, and the pool sizes.

    `header_timeout` runs from the connection's start (or the previous response) to the end
    of the request headers; `body_timeout` from there to the end of the body. Neither is
    reset by a byte arriving, so a client that drips bytes gains nothing.
    """

    header_timeout: float = 10.0
    body_timeout: float = 10.0
    send_timeout: float = 10.0
    handshake_timeout: float = 10.0
    max_connections: int = 1000
    max_header_bytes: int = 16 * 1024
    max_body_bytes: int = 128 * 1024
    threads: int = 8


class RequestUnreadable(Exception):
    """A request could not be read whole; `reason` is a short code safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _declared_length(request: h11.Request) -> int | None:
    for name, value in request.headers:
        if name == b"content-length":
            return int(value)
    return None


class _Reader:
    """Feeds one connection's bytes to h11 until a whole request or the end of the stream."""

    def __init__(self, conn: h11.Connection, reader: asyncio.StreamReader, limits: ServerLimits):
        self.conn = conn
        self.reader = reader
        self.limits = limits

    async def request(self, writer: asyncio.StreamWriter) -> Incoming | None:
        """Read the next request; None when the client closed or stayed idle past the deadline.

        Raises:
            RequestUnreadable: the request was malformed, too large, cut short or too slow.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.header_timeout
        head: h11.Request | None = None
        body = bytearray()
        while True:
            try:
                event = self.conn.next_event()
            except h11.RemoteProtocolError:
                ended = self.conn.trailing_data[1]
                reason = "request_truncated" if ended else "request_malformed"
                raise RequestUnreadable(reason) from None
            if event is h11.NEED_DATA:
                if self.conn.they_are_waiting_for_100_continue:
                    continue_ = h11.InformationalResponse(
                        status_code=100, reason=b"Continue", headers=[]
                    )
                    await send(writer, self.conn.send(continue_) or b"", self.limits)
                if not await self._receive(deadline, head):
                    return None
            elif isinstance(event, h11.Request):
                head = event
                if sum(len(name) + len(value) for name, value in event.headers) > (
                    self.limits.max_header_bytes
                ):
                    raise RequestUnreadable("headers_too_large")
                length = _declared_length(event)
                if length is not None and length > self.limits.max_body_bytes:
                    raise RequestUnreadable("body_too_large")
                deadline = loop.time() + self.limits.body_timeout
            elif isinstance(event, h11.Data):
                body += event.data
                if len(body) > self.limits.max_body_bytes:
                    raise RequestUnreadable("body_too_large")
            elif isinstance(event, h11.EndOfMessage) and head is not None:
                return Incoming(
                    method=head.method.decode("ascii"),
                    target=head.target,
                    http_version=head.http_version.decode("ascii"),
                    headers=list(head.headers),
                    body=bytes(body),
                )
            else:
                return None

    async def _receive(self, deadline: float, head: h11.Request | None) -> bool:
        """Feed the next bytes (or the end of the stream); False when idle past the deadline."""
        try:
            async with asyncio.timeout_at(deadline):
                data = await self.reader.read(READ_CHUNK)
        except TimeoutError:
            if head is None and not self.conn.trailing_data[0]:
                return False
            raise RequestUnreadable("header_timeout" if head is None else "body_timeout") from None
        self.conn.receive_data(data)
        return True


async def send(writer: asyncio.StreamWriter, data: bytes, limits: ServerLimits) -> None:
    """Write `data`, waiting at most the send timeout for the client to take it."""
    writer.write(data)
    async with asyncio.timeout(limits.send_timeout):
        await writer.drain()


async def _respond(
    conn: h11.Connection,
    writer: asyncio.StreamWriter,
    request: Incoming,
    response: Outgoing,
    limits: ServerLimits,
) -> None:
    head = h11.Response(
        status_code=response.status, reason=response.reason, headers=response.headers
    )
    parts = [conn.send(head)]
    if response.body and request.method != "HEAD":
        parts.append(conn.send(h11.Data(data=response.body)))
    parts.append(conn.send(h11.EndOfMessage()))
    await send(writer, b"".join(part for part in parts if part), limits)


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    try:
        async with asyncio.timeout(CLOSE_TIMEOUT_S):
            await writer.wait_closed()
    except (OSError, TimeoutError):
        writer.transport.abort()


async def serve_connection(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    run: Runner,
    limits: ServerLimits,
    keep_alive: Callable[[], bool] = lambda: True,
) -> None:
    """Answer requests on one connection until it closes or `keep_alive()` turns False."""
    conn = h11.Connection(h11.SERVER, max_incomplete_event_size=limits.max_header_bytes)
    incoming = _Reader(conn, reader, limits)
    try:
        while True:
            try:
                request = await incoming.request(writer)
            except RequestUnreadable as error:
                logger.warning("request rejected: %s", error.reason)
                with contextlib.suppress(OSError, TimeoutError):
                    await send(writer, BAD_REQUEST, limits)
                return
            if request is None:
                return
            await _respond(conn, writer, request, await run(request), limits)
            if not keep_alive() or conn.their_state is not h11.DONE:
                return
            if conn.our_state is not h11.DONE:
                return
            conn.start_next_cycle()
    except (OSError, TimeoutError, h11.LocalProtocolError):
        return
    finally:
        await _close(writer)
