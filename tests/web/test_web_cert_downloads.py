"""Downloads an attacker cannot drive: failures remembered, few in flight, a budget for new URLs."""

from __future__ import annotations

import base64
import os
import threading
from collections.abc import Callable
from typing import Any

import pytest

from skill.web import CertLimits, SigningKeys, VerificationError

from .support import CERT_URL, NOW, FakeFetcher, Pki, encode, envelope, make_app, rejection_reasons

Headers = Callable[..., dict[str, str]]
BAD_REQUESTS = 1000


def _bad_signature() -> str:
    return base64.b64encode(os.urandom(256)).decode()


def _keys(pki: Pki, fetcher: Any, ticker: Callable[[], float], **limits: Any) -> SigningKeys:
    return SigningKeys([pki.root], fetcher, lambda: NOW, CertLimits(**limits), ticker)


@pytest.mark.parametrize(
    ("urls", "fails", "downloads"),
    [
        ("one real", False, 1),
        ("one failing", True, 1),
        ("all different", False, 4),
        ("all different, failing", True, 4),
    ],
)
def test_a_thousand_badly_signed_requests_cause_a_handful_of_downloads(
    pki: Pki, caplog: pytest.LogCaptureFixture, urls: str, fails: bool, downloads: int
) -> None:
    fetcher = FakeFetcher(pki.chain, error=ConnectionRefusedError() if fails else None)
    limits = CertLimits(new_url_interval=3600)
    client = make_app(pki, fetcher, cert_limits=limits).test_client()
    for n in range(BAD_REQUESTS):
        url = f"https://s3.amazonaws.com/echo.api/{n}.pem" if "different" in urls else CERT_URL
        headers = {"Signature-256": _bad_signature(), "SignatureCertChainUrl": url}
        assert client.post("/", data=encode(envelope()), headers=headers).status_code == 400
    assert len(fetcher.calls) == downloads
    assert len(rejection_reasons(caplog.records)) == BAD_REQUESTS


def test_a_failed_url_is_tried_again_once_its_failure_has_expired(pki: Pki) -> None:
    clock = [0.0]
    fetcher = FakeFetcher(pki.chain, error=ConnectionRefusedError())
    keys = _keys(pki, fetcher, lambda: clock[0], failure_ttl=30.0)
    for reason in ("cert_fetch_failed", "cert_recently_failed"):
        with pytest.raises(VerificationError, match=reason):
            keys.public_key(CERT_URL)
    fetcher.error = None
    clock[0] = 31.0
    keys.public_key(CERT_URL)
    assert len(fetcher.calls) == 2


def test_the_failure_cache_is_bounded(pki: Pki) -> None:
    fetcher = FakeFetcher(b"not a chain")
    keys = _keys(pki, fetcher, lambda: 0.0, max_failures=2, new_url_burst=10)
    urls = [f"https://s3.amazonaws.com/echo.api/{n}.pem" for n in range(3)]
    for url in urls:
        with pytest.raises(VerificationError):
            keys.public_key(url)
    with pytest.raises(VerificationError, match="cert_chain_unparsable"):
        keys.public_key(urls[0])  # forgotten, so downloaded again
    assert len(fetcher.calls) == 4


def test_new_urls_get_a_burst_then_one_download_per_interval(pki: Pki) -> None:
    clock = [0.0]
    fetcher = FakeFetcher(pki.chain)
    keys = _keys(pki, fetcher, lambda: clock[0], new_url_burst=2, new_url_interval=10.0)
    urls = iter(f"https://s3.amazonaws.com/echo.api/{n}.pem" for n in range(10))
    keys.public_key(next(urls))
    keys.public_key(next(urls))
    with pytest.raises(VerificationError, match="cert_fetch_rate_limited"):
        keys.public_key(next(urls))
    clock[0] = 10.0
    keys.public_key(next(urls))
    assert len(fetcher.calls) == 3


def test_refreshing_a_url_verified_before_is_not_held_back_by_the_budget(pki: Pki) -> None:
    now = [NOW]
    fetcher = FakeFetcher(pki.chain)
    limits = CertLimits(new_url_burst=1, new_url_interval=3600)
    keys = SigningKeys([pki.root], fetcher, lambda: now[0], limits, lambda: 0.0)
    keys.public_key(CERT_URL)
    with pytest.raises(VerificationError, match="cert_fetch_rate_limited"):
        keys.public_key("https://s3.amazonaws.com/echo.api/other.pem")
    now[0] = NOW.replace(microsecond=0) + limits.ttl * 2
    keys.public_key(CERT_URL)
    assert len(fetcher.calls) == 2


class _BlockingFetcher:
    """Answers the chain only once released; counts the calls running at once."""

    def __init__(self, chain: bytes) -> None:
        self.chain = chain
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.calls = self.running = self.most_running = 0

    def __call__(self, url: str, timeout: float, max_bytes: int) -> bytes:
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        self.release.wait(30)
        with self.lock:
            self.running -= 1
        return self.chain


def _in_threads(count: int, target: Callable[[int], None]) -> None:
    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)


def test_at_most_two_downloads_run_at_once_and_the_rest_give_up_quickly(pki: Pki) -> None:
    fetcher = _BlockingFetcher(pki.chain)
    keys = _keys(pki, fetcher, lambda: 0.0, new_url_burst=20, busy_wait=0.05)
    outcomes: list[str] = []

    def request(n: int) -> None:
        try:
            keys.public_key(f"https://s3.amazonaws.com/echo.api/{n}.pem")
            outcomes.append("key")
        except VerificationError as error:
            outcomes.append(error.reason)
            if outcomes.count("cert_fetch_busy") == 6:
                fetcher.release.set()

    _in_threads(8, request)
    assert fetcher.most_running == 2
    assert sorted(outcomes) == ["cert_fetch_busy"] * 6 + ["key"] * 2


def test_a_request_for_a_url_being_fetched_shares_that_download(pki: Pki) -> None:
    fetcher = _BlockingFetcher(pki.chain)
    keys = _keys(pki, fetcher, lambda: 0.0, busy_wait=30.0)
    first = threading.Thread(target=keys.public_key, args=(CERT_URL,))
    first.start()
    while not fetcher.calls:
        threading.Event().wait(0.01)
    second = threading.Thread(target=keys.public_key, args=(CERT_URL,))
    second.start()
    fetcher.release.set()
    first.join(30)
    second.join(30)
    assert fetcher.calls == 1
    assert len(keys) == 1
