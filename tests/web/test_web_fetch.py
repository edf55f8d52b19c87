"""The chain download: size limit, no redirects, and one deadline over every stage."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from skill.web import VerificationError, http_fetch

from .stalls import STAGES, StallServer


class _Bucket(BaseHTTPRequestHandler):
    """Stands in for the bucket: the path picks the answer."""

    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/small")
            self.end_headers()
            return
        if self.path == "/missing":
            self.send_error(404)
            return
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"chain" if self.path == "/small" else b"x" * (64 * 1024 + 1))

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


@pytest.fixture(scope="module")
def bucket() -> Iterator[str]:
    """Serve `_Bucket` on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bucket)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_small_body_is_returned(bucket: str) -> None:
    assert http_fetch(f"{bucket}/small", 5.0, 1024) == b"chain"


def test_a_body_over_the_size_limit_is_refused(bucket: str) -> None:
    with pytest.raises(VerificationError) as error:
        http_fetch(f"{bucket}/large", 5.0, 64 * 1024)
    assert error.value.reason == "cert_fetch_too_large"


@pytest.mark.parametrize("path", ["/redirect", "/missing"])
def test_redirects_and_errors_are_not_followed(bucket: str, path: str) -> None:
    with pytest.raises(VerificationError) as error:
        http_fetch(bucket + path, 5.0, 1024)
    assert error.value.reason == "cert_fetch_status"


@pytest.mark.parametrize("stage", STAGES)
def test_a_host_stalling_at_any_stage_ends_in_the_deadline_error(stage: str) -> None:
    with StallServer(stage) as stall, pytest.raises(VerificationError) as error:
        http_fetch(f"{stall.base_url}/echo.api/cert.pem", 0.3, 64 * 1024)
    assert error.value.reason == "cert_fetch_timeout"
