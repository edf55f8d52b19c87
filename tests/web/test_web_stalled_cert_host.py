"""A certificate host that stalls at any stage holds up no request that does not need it."""

from __future__ import annotations

import base64
import os
import threading
from collections.abc import Callable

import pytest

from skill.web import CertLimits, ServerLimits, http_fetch

from .live import post, running
from .stalls import STAGES, StallServer
from .support import CERT_URL, SKILL_RESPONSE, Pki, encode, envelope, make_app

Headers = Callable[..., dict[str, str]]
STALLED_REQUESTS, VALID_REQUESTS = 24, 40


class _RoutingFetcher:
    """Answers the real chain for CERT_URL; downloads every other URL from the stalling host."""

    def __init__(self, chain: bytes, stall: StallServer) -> None:
        self.chain = chain
        self.stall = stall
        self.lock = threading.Lock()
        self.stalled_calls = self.stalled_running = 0

    def __call__(self, url: str, timeout: float, max_bytes: int) -> bytes:
        if url == CERT_URL:
            return self.chain
        with self.lock:
            self.stalled_calls += 1
            self.stalled_running += 1
        try:
            return http_fetch(self.stall.base_url + url.split(".com", 1)[1], timeout, max_bytes)
        finally:
            with self.lock:
                self.stalled_running -= 1


@pytest.mark.parametrize("stage", STAGES)
def test_requests_with_a_cached_chain_are_answered_while_downloads_stall(
    pki: Pki, signed_headers: Headers, stage: str
) -> None:
    with StallServer(stage) as stall:
        fetcher = _RoutingFetcher(pki.chain, stall)
        app = make_app(pki, fetcher, cert_limits=CertLimits(timeout=60))
        limits = ServerLimits(header_timeout=60, body_timeout=60)
        with running(app, limits) as port:
            body = encode(envelope())
            assert post(port, body, signed_headers(body))[0] == 200  # the real chain is cached
            stalled: list[int] = []

            def stalled_request(n: int) -> None:
                body = encode(envelope())
                headers = {
                    "Signature-256": base64.b64encode(os.urandom(256)).decode(),
                    "SignatureCertChainUrl": f"https://s3.amazonaws.com/echo.api/{n % 6}.pem",
                }
                stalled.append(post(port, body, headers)[0])

            attackers = [
                threading.Thread(target=stalled_request, args=(n,), daemon=True)
                for n in range(STALLED_REQUESTS)
            ]
            for thread in attackers:
                thread.start()
            while fetcher.stalled_running < 2:
                threading.Event().wait(0.01)
            answers = []
            for _ in range(VALID_REQUESTS):
                body = encode(envelope())
                answers.append(post(port, body, signed_headers(body)))
            assert fetcher.stalled_running == 2  # still stalled: nothing above waited them out
            assert answers == [(200, encode(SKILL_RESPONSE))] * VALID_REQUESTS
            stall.close()
            for thread in attackers:
                thread.join(60)
        assert sorted(set(stalled)) == [400]
        assert fetcher.stalled_calls <= 4
