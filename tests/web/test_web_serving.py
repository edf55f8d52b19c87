"""The HTTP server under slow and hostile clients: nothing they do holds a thread or gets a 5xx."""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from skill.web import ServerLimits

from .live import connect, post, running, status_line, still_open
from .support import SKILL_RESPONSE, FakeFetcher, Pki, encode, envelope, make_app

Headers = Callable[..., dict[str, str]]
SLOW_HEADERS, SLOW_BODIES, VALID = 200, 50, 40
PATIENT = ServerLimits(header_timeout=120, body_timeout=120, threads=4)
HASTY = ServerLimits(header_timeout=0.5, body_timeout=0.5)


@pytest.fixture
def app(pki: Pki) -> Any:
    """The app with Amazon's checks on, the fake fetcher and the fixed clock."""
    return make_app(pki, FakeFetcher(pki.chain))


def _signed(signed_headers: Headers) -> tuple[bytes, dict[str, str]]:
    body = encode(envelope())
    return body, signed_headers(body) | {"Content-Type": "application/json"}


def _open_slow_clients(port: int) -> list[socket.socket]:
    slow = []
    for _ in range(SLOW_HEADERS):
        sock = connect(port)
        sock.sendall(b"POST / HTTP/1.1\r\nHost: skill\r\nContent-Type: appl")
        slow.append(sock)
    for _ in range(SLOW_BODIES):
        sock = connect(port)
        sock.sendall(b'POST / HTTP/1.1\r\nHost: skill\r\nContent-Length: 4000\r\n\r\n{"ver')
        slow.append(sock)
    return slow


@pytest.fixture
def slow_clients() -> Iterator[list[socket.socket]]:
    """Collects the slow connections a test opens and closes them afterwards."""
    opened: list[socket.socket] = []
    yield opened
    for sock in opened:
        sock.close()


def test_valid_requests_are_answered_while_250_slow_clients_stay_connected(
    app: Any, signed_headers: Headers, slow_clients: list[socket.socket]
) -> None:
    with running(app, PATIENT) as port:
        slow_clients += _open_slow_clients(port)
        answers: list[int] = []

        def client() -> None:
            for _ in range(VALID // 8):
                status, body = post(port, *_signed(signed_headers))
                answers.append(status if body == encode(SKILL_RESPONSE) else -status)

        threads = [threading.Thread(target=client) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert answers == [200] * VALID
        assert all(still_open(sock) for sock in slow_clients)


@pytest.mark.parametrize("half_close", [False, True])
def test_a_body_shorter_than_its_content_length_is_a_400(app: Any, half_close: bool) -> None:
    with running(app, HASTY) as port, connect(port) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: skill\r\nContent-Length: 400\r\n\r\n{}")
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        assert status_line(sock) == b"HTTP/1.1 400 Bad Request"


def test_headers_cut_off_by_the_deadline_are_a_400(app: Any) -> None:
    with running(app, HASTY) as port, connect(port) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: sk")
        assert status_line(sock) == b"HTTP/1.1 400 Bad Request"


def test_an_idle_connection_is_closed_without_an_answer(app: Any) -> None:
    with running(app, HASTY) as port, connect(port) as sock:
        assert sock.recv(100) == b""


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"NOT HTTP AT ALL\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",  # no Host
        b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999\r\n\r\n{}",
        b"POST / HTTP/1.1\r\nHost: a\r\nX: " + b"a" * 20_000 + b"\r\n\r\n",
    ],
)
def test_malformed_or_oversized_requests_are_a_400(app: Any, request_bytes: bytes) -> None:
    with running(app, HASTY) as port, connect(port) as sock:
        sock.sendall(request_bytes)
        assert status_line(sock) == b"HTTP/1.1 400 Bad Request"


def test_a_kept_alive_connection_answers_one_request_after_another(
    app: Any, signed_headers: Headers
) -> None:
    with running(app, PATIENT) as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        for _ in range(3):
            body, headers = _signed(signed_headers)
            connection.request("POST", "/", body=body, headers=headers)
            response = connection.getresponse()
            assert (response.status, response.read()) == (200, encode(SKILL_RESPONSE))
        connection.close()


def test_a_client_expecting_100_continue_gets_it_then_the_answer(
    app: Any, signed_headers: Headers
) -> None:
    body, headers = _signed(signed_headers)
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    with running(app, PATIENT) as port, connect(port) as sock:
        sock.sendall(
            f"POST / HTTP/1.1\r\nHost: skill\r\nExpect: 100-continue\r\n{head}"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        assert status_line(sock) == b"HTTP/1.1 200 OK"


def test_at_the_connection_limit_a_new_client_waits_until_a_slot_frees(
    app: Any, signed_headers: Headers
) -> None:
    limits = ServerLimits(header_timeout=120, body_timeout=120, max_connections=2)
    body, headers = _signed(signed_headers)
    request = b"POST / HTTP/1.1\r\nHost: skill\r\nConnection: close\r\n"
    request += "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()
    request += f"Content-Length: {len(body)}\r\n\r\n".encode() + body
    with running(app, limits) as port, connect(port) as first, connect(port) as second:
        first.sendall(b"P")
        second.sendall(b"P")
        with connect(port) as waiting:
            waiting.sendall(request)
            waiting.settimeout(0.5)
            with pytest.raises(TimeoutError):
                waiting.recv(100)
            first.close()
            waiting.settimeout(15)
            assert status_line(waiting) == b"HTTP/1.1 200 OK"
        assert still_open(second)


def test_a_failing_app_is_a_bare_500(signed_headers: Headers) -> None:
    def broken(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        raise RuntimeError("bug")

    with running(broken, HASTY) as port:
        assert post(port, b"{}", {}) == (500, b"")


def test_healthz_answers_over_http(app: Any) -> None:
    with running(app, HASTY) as port:
        url = f"http://127.0.0.1:{port}/healthz"
        with urllib.request.urlopen(url, timeout=15) as response:
            assert (response.status, response.read()) == (200, b"ok")
