"""The HTTP server: asyncio accepts and buffers requests, a thread pool runs the WSGI app."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from skill.web import wsgi
from skill.web.connection import CLOSE_TIMEOUT_S, READ_CHUNK, ServerLimits, serve_connection

BACKLOG = 1024
STOP_GRACE_S = 5.0

logger = logging.getLogger(__name__)


def tls_context(certfile: str | Path, keyfile: str | Path) -> ssl.SSLContext:
    """A server TLS context (TLS 1.2 or later, HTTP/1.1 only) for a PEM chain and key."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    context.set_alpn_protocols(["http/1.1"])
    return context


def listen(host: str, port: int) -> socket.socket:
    """A non-blocking listening socket on `host` (IPv4 or IPv6) and `port` (0: any free)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family, backlog=BACKLOG)
    listener.setblocking(False)
    return listener


class HttpServer:
    """Serves a WSGI app; a request reaches a thread only once it has been read whole."""

    def __init__(
        self,
        app: wsgi.WsgiApp,
        limits: ServerLimits | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        """Keep the app, the limits (`ServerLimits()` when None) and an optional TLS context."""
        self.app = app
        self.limits = limits or ServerLimits()
        self.tls = tls
        self._busy: set[asyncio.Task[object]] = set()
        self._stopping = False

    async def serve(self, listener: socket.socket, stop: asyncio.Event) -> None:
        """Accept connections on `listener` until `stop` is set, then close them.

        Requests being answered then get their response (for `STOP_GRACE_S` at most); idle
        connections and requests still being read are closed at once.
        """
        pool = ThreadPoolExecutor(self.limits.threads, thread_name_prefix="wsgi")
        tasks: set[asyncio.Task[None]] = set()
        accepting = asyncio.create_task(self._accept(listener, pool, tasks))
        try:
            await stop.wait()
        finally:
            self._stopping = True
            accepting.cancel()
            for task in tasks - self._busy:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=STOP_GRACE_S)
            for task in tasks:
                task.cancel()
            pool.shutdown(wait=False, cancel_futures=True)

    async def _accept(
        self, listener: socket.socket, pool: ThreadPoolExecutor, tasks: set[asyncio.Task[None]]
    ) -> None:
        loop = asyncio.get_running_loop()
        slots = asyncio.Semaphore(self.limits.max_connections)
        while True:
            await slots.acquire()  # at the limit, new clients wait in the listen backlog
            try:
                sock, peer = await loop.sock_accept(listener)
            except OSError as error:
                slots.release()
                logger.warning("accept failed: %s", type(error).__name__)
                await asyncio.sleep(0.1)
                continue
            task = loop.create_task(self._connection(sock, peer, pool))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            task.add_done_callback(lambda _: slots.release())

    async def _connection(
        self, sock: socket.socket, peer: object, pool: ThreadPoolExecutor
    ) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=2 * READ_CHUNK)
        protocol = asyncio.StreamReaderProtocol(reader)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            transport, _ = await loop.connect_accepted_socket(
                lambda: protocol,
                sock,
                ssl=self.tls,
                ssl_handshake_timeout=self.limits.handshake_timeout if self.tls else None,
                ssl_shutdown_timeout=CLOSE_TIMEOUT_S if self.tls else None,
            )
        except OSError:
            sock.close()
            return
        writer = asyncio.StreamWriter(transport, protocol, reader, loop)
        name = sock.getsockname()
        endpoint = wsgi.Endpoint(
            server_name=str(name[0]),
            server_port=int(name[1]),
            remote_addr=str(peer[0]) if isinstance(peer, tuple) else "",
            scheme="https" if self.tls else "http",
        )

        async def run(request: wsgi.Incoming) -> wsgi.Outgoing:
            busy = {task} if (task := asyncio.current_task()) else set()
            self._busy |= busy
            try:
                return await loop.run_in_executor(pool, wsgi.call, self.app, request, endpoint)
            finally:
                self._busy -= busy

        await serve_connection(reader, writer, run, self.limits, lambda: not self._stopping)


async def _serve_until_signalled(server: HttpServer, listener: socket.socket) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    host, port = listener.getsockname()[:2]
    scheme = "https" if server.tls else "http"
    logger.info("serving on %s://%s:%d", scheme, host, port)
    await server.serve(listener, stop)
    logger.info("stopped")


def run_server(
    app: wsgi.WsgiApp,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    limits: ServerLimits | None = None,
    certfile: str | None = None,
    keyfile: str | None = None,
) -> None:
    """Serve `app` until SIGTERM or SIGINT; TLS when both `certfile` and `keyfile` are given.

    Raises:
        OSError: the address cannot be bound or the TLS files cannot be read.
        ssl.SSLError: the TLS files are not a usable chain and key.
    """
    tls = tls_context(certfile, keyfile) if certfile and keyfile else None
    listener = listen(host, port)
    try:
        asyncio.run(_serve_until_signalled(HttpServer(app, limits, tls), listener))
    finally:
        listener.close()
